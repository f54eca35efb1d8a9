package vntext

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The tables are computed here, for TestTables, which checks that
// tables.go holds them as the norm and unicode packages the module
// builds with compute them, and writes tables.go again with -update:
//
//	go test ./vntext -run TestTables -update

// makeSafe computes safe (see nfc.go).
func makeSafe() (bits [safeLimit / 64]uint64) {
	for r := rune(0x80); r < safeLimit; r++ {
		s := string(r)
		p := norm.NFC.PropertiesString(s)
		if p.CCC() == 0 && p.BoundaryBefore() && norm.NFC.IsNormalString(s) {
			bits[r/64] |= 1 << (r % 64)
		}
	}
	return bits
}

// makeFoldLatin computes foldLatin (see fold.go).
func makeFoldLatin() (t [0x1f00 - 0xc0]byte) {
	for r := rune(0xc0); r < 0x1f00; r++ {
		if r >= 0x250 && r < 0x1e00 || !unicode.IsLetter(r) {
			continue
		}
		d, _ := utf8.DecodeRuneInString(norm.NFD.String(string(r)))
		if d < utf8.RuneSelf && unicode.IsLetter(d) {
			t[r-0xc0] = byte(unicode.ToLower(d))
		}
	}
	return t
}
