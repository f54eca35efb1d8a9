package vntext

import "golang.org/x/text/unicode/norm"

// safeLimit bounds the runes nfcSafe knows about: Latin, Greek, Cyrillic,
// general punctuation and symbols, which is all a Vietnamese report holds.
const safeLimit = 0x3000

// safe has a bit set for every rune below safeLimit that is a starter
// (combining class 0), does not combine with a preceding rune, and is
// unchanged by NFC. A string of ASCII and such runes is in NFC: the NFC
// quick check answers Yes for it without having to look at neighbours.
var safe = func() (bits [safeLimit / 64]uint64) {
	for r := rune(0x80); r < safeLimit; r++ {
		s := string(r)
		p := norm.NFC.PropertiesString(s)
		if p.CCC() == 0 && p.BoundaryBefore() && norm.NFC.IsNormalString(s) {
			bits[r/64] |= 1 << (r % 64)
		}
	}
	return bits
}()

// nfcSafe reports whether r is one of the runes described at safe.
func nfcSafe(r rune) bool {
	return r < safeLimit && safe[r/64]&(1<<(r%64)) != 0
}
