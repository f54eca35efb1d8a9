package vntext

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// TCVN3 (TCVN 5712:1993, the "ABC" or VN3 encoding of the .VnTime fonts)
// gives each precomposed lower-case letter one byte in 0xA1–0xFE; the
// capitals Ă Â Ê Ô Ơ Ư Đ are at 0xA1–0xA7, and capitals with a tone mark
// have no code at all: the .VnTimeH fonts draw the lower-case codes as
// capitals. The layout, by vowel, with tones in the order
// huyền, hỏi, ngã, sắc, nặng (grave, hook, tilde, acute, dot):
//
//	a B5 B6 B7 B8 B9   ă A8: BB BC BD BE C6   â A9: C7 C8 C9 CA CB
//	e CC CE CF D0 D1   ê AA: D2 D3 D4 D5 D6   i D7 D8 DC DD DE
//	o DF E1 E2 E3 E4   ô AB: E5 E6 E7 E8 E9   ơ AC: EA EB EC ED EE
//	u EF F1 F2 F3 F4   ư AD: F5 F6 F7 F8 F9   y FA FB FC FD FE
//	đ AE               Ă A1 Â A2 Ê A3 Ô A4 Ơ A5 Ư A6 Đ A7
//
// Text in such a font reaches us as the Latin-1 characters of those bytes:
// "B¸o c¸o" is "Báo cáo".
var tcvn3Table = [256]rune{
	0xA1: 'Ă', 0xA2: 'Â', 0xA3: 'Ê', 0xA4: 'Ô', 0xA5: 'Ơ', 0xA6: 'Ư', 0xA7: 'Đ',
	0xA8: 'ă', 0xA9: 'â', 0xAA: 'ê', 0xAB: 'ô', 0xAC: 'ơ', 0xAD: 'ư', 0xAE: 'đ',
	0xB5: 'à', 0xB6: 'ả', 0xB7: 'ã', 0xB8: 'á', 0xB9: 'ạ',
	0xBB: 'ằ', 0xBC: 'ẳ', 0xBD: 'ẵ', 0xBE: 'ắ', 0xC6: 'ặ',
	0xC7: 'ầ', 0xC8: 'ẩ', 0xC9: 'ẫ', 0xCA: 'ấ', 0xCB: 'ậ',
	0xCC: 'è', 0xCE: 'ẻ', 0xCF: 'ẽ', 0xD0: 'é', 0xD1: 'ẹ',
	0xD2: 'ề', 0xD3: 'ể', 0xD4: 'ễ', 0xD5: 'ế', 0xD6: 'ệ',
	0xD7: 'ì', 0xD8: 'ỉ', 0xDC: 'ĩ', 0xDD: 'í', 0xDE: 'ị',
	0xDF: 'ò', 0xE1: 'ỏ', 0xE2: 'õ', 0xE3: 'ó', 0xE4: 'ọ',
	0xE5: 'ồ', 0xE6: 'ổ', 0xE7: 'ỗ', 0xE8: 'ố', 0xE9: 'ộ',
	0xEA: 'ờ', 0xEB: 'ở', 0xEC: 'ỡ', 0xED: 'ớ', 0xEE: 'ợ',
	0xEF: 'ù', 0xF1: 'ủ', 0xF2: 'ũ', 0xF3: 'ú', 0xF4: 'ụ',
	0xF5: 'ừ', 0xF6: 'ử', 0xF7: 'ữ', 0xF8: 'ứ', 0xF9: 'ự',
	0xFA: 'ỳ', 0xFB: 'ỷ', 0xFC: 'ỹ', 0xFD: 'ý', 0xFE: 'ỵ',
}

// tcvn3Code is the inverse of tcvn3Table.
var tcvn3Code = func() map[rune]rune {
	m := make(map[rune]rune, 134)
	for b, r := range tcvn3Table {
		if r != 0 {
			m[r] = rune(b)
		}
	}
	return m
}()

// FromTCVN3 converts text set in a TCVN3 (.VnTime) font, read as Latin-1
// (one rune per byte), to Unicode. Runes that are not TCVN3 letter codes,
// ASCII among them, are kept. Letters with tone marks come out in lower
// case, as the encoding has no capitals for them; see FromTCVN3Upper.
func FromTCVN3(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/2)
	for _, r := range s {
		if r < 0x100 && tcvn3Table[r] != 0 {
			b.WriteRune(tcvn3Table[r])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// FromTCVN3Upper converts text set in a TCVN3 capitals font (.VnTimeH,
// .VnArialH), whose glyphs for the lower-case codes are capitals, to
// upper-case Unicode.
func FromTCVN3Upper(s string) string {
	return strings.ToUpper(FromTCVN3(s))
}

// ToTCVN3 encodes Unicode text as TCVN3, one Latin-1 rune per byte, for
// building fixtures. Capitals with tone marks, which TCVN3 lacks, are
// written as their lower-case codes, as users of the H fonts typed them.
// Runes with no TCVN3 code are kept.
func ToTCVN3(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range composeTones(s) {
		if r < utf8.RuneSelf {
			b.WriteByte(byte(r))
			continue
		}
		if c, ok := tcvn3Code[r]; ok {
			b.WriteRune(c)
			continue
		}
		if c, ok := tcvn3Code[unicode.ToLower(r)]; ok {
			b.WriteRune(c)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
