package vntext

// safeLimit bounds the runes nfcSafe knows about: Latin, Greek, Cyrillic,
// general punctuation and symbols, which is all a Vietnamese report holds.
const safeLimit = 0x3000

// safe has a bit set for every rune below safeLimit that is a starter
// (combining class 0), does not combine with a preceding rune, and is
// unchanged by NFC. A string of ASCII and such runes is in NFC: the NFC
// quick check answers Yes for it without having to look at neighbours.
// It is generated (tables.go, from makeSafe) rather than computed at
// start-up, which took a tenth of the program's start.

// nfcSafe reports whether r is one of the runes described at safe.
func nfcSafe(r rune) bool {
	return r < safeLimit && safe[r/64]&(1<<(r%64)) != 0
}
