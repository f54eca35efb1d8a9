package main

import (
	"fmt"
	"strings"
)

// The legacy fixtures are written with package vntext's encoders; the
// tables below are an independent, hand-checked account of the two
// encodings that the generator's tests hold those encoders to, so that a
// mistake shared by vntext's encoder and decoder cannot pass unseen. They
// cover the letters a report needs except capitals with tone marks (which
// TCVN3 keeps in separate "H" fonts); encode refuses any other non-ASCII
// letter.
//
// TCVN3 (TCVN 5712:1993, "ABC", fonts .VnTime): one byte per precomposed
// lower-case letter in 0xA1–0xFE. Checked against the strings every
// Vietnamese user has seen as mojibake: "Céng hoµ x· héi chñ nghÜa ViÖt
// Nam", "§éc lËp - Tù do - H¹nh phóc", "B¸o c¸o".
var tcvn3 = map[rune]string{
	'Ă': "\xA1", 'Â': "\xA2", 'Ê': "\xA3", 'Ô': "\xA4", 'Ơ': "\xA5", 'Ư': "\xA6", 'Đ': "\xA7",
	'ă': "\xA8", 'â': "\xA9", 'ê': "\xAA", 'ô': "\xAB", 'ơ': "\xAC", 'ư': "\xAD", 'đ': "\xAE",
	'à': "\xB5", 'ả': "\xB6", 'ã': "\xB7", 'á': "\xB8", 'ạ': "\xB9",
	'ằ': "\xBB", 'ẳ': "\xBC", 'ẵ': "\xBD", 'ắ': "\xBE", 'ặ': "\xC6",
	'ầ': "\xC7", 'ẩ': "\xC8", 'ẫ': "\xC9", 'ấ': "\xCA", 'ậ': "\xCB",
	'è': "\xCC", 'ẻ': "\xCE", 'ẽ': "\xCF", 'é': "\xD0", 'ẹ': "\xD1",
	'ề': "\xD2", 'ể': "\xD3", 'ễ': "\xD4", 'ế': "\xD5", 'ệ': "\xD6",
	'ì': "\xD7", 'ỉ': "\xD8", 'ĩ': "\xDC", 'í': "\xDD", 'ị': "\xDE",
	'ò': "\xDF", 'ỏ': "\xE1", 'õ': "\xE2", 'ó': "\xE3", 'ọ': "\xE4",
	'ồ': "\xE5", 'ổ': "\xE6", 'ỗ': "\xE7", 'ố': "\xE8", 'ộ': "\xE9",
	'ờ': "\xEA", 'ở': "\xEB", 'ỡ': "\xEC", 'ớ': "\xED", 'ợ': "\xEE",
	'ù': "\xEF", 'ủ': "\xF1", 'ũ': "\xF2", 'ú': "\xF3", 'ụ': "\xF4",
	'ừ': "\xF5", 'ử': "\xF6", 'ữ': "\xF7", 'ứ': "\xF8", 'ự': "\xF9",
	'ỳ': "\xFA", 'ỷ': "\xFB", 'ỹ': "\xFC", 'ý': "\xFD", 'ỵ': "\xFE",
}

// VNI (VNI-Windows, fonts VNI-Times): the base letter followed by one byte
// for the shape and tone together — ù sắc, ø huyền, û hỏi, õ ngã, ï nặng;
// â circumflex; á à å ã ä circumflex with a tone; ê breve; é è ú ü ë breve
// with a tone. ơ (ô), ư (ö), đ (ñ) and the i letters are single bytes.
// Checked against "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Ñoäc laäp -
// Töï do - Haïnh phuùc", "Baùo caùo keát quaû chuyeån ñoåi soá".
var vni = map[rune]string{
	'Đ': "\xD1", 'đ': "\xF1",
	'á': "a\xF9", 'à': "a\xF8", 'ả': "a\xFB", 'ã': "a\xF5", 'ạ': "a\xEF",
	'ă': "a\xEA", 'ắ': "a\xE9", 'ằ': "a\xE8", 'ẳ': "a\xFA", 'ẵ': "a\xFC", 'ặ': "a\xEB",
	'â': "a\xE2", 'ấ': "a\xE1", 'ầ': "a\xE0", 'ẩ': "a\xE5", 'ẫ': "a\xE3", 'ậ': "a\xE4",
	'é': "e\xF9", 'è': "e\xF8", 'ẻ': "e\xFB", 'ẽ': "e\xF5", 'ẹ': "e\xEF",
	'ê': "e\xE2", 'ế': "e\xE1", 'ề': "e\xE0", 'ể': "e\xE5", 'ễ': "e\xE3", 'ệ': "e\xE4",
	'í': "\xED", 'ì': "\xEC", 'ỉ': "\xE6", 'ĩ': "\xF3", 'ị': "\xF2",
	'ó': "o\xF9", 'ò': "o\xF8", 'ỏ': "o\xFB", 'õ': "o\xF5", 'ọ': "o\xEF",
	'ô': "o\xE2", 'ố': "o\xE1", 'ồ': "o\xE0", 'ổ': "o\xE5", 'ỗ': "o\xE3", 'ộ': "o\xE4",
	'ơ': "\xF4", 'ớ': "\xF4\xF9", 'ờ': "\xF4\xF8", 'ở': "\xF4\xFB", 'ỡ': "\xF4\xF5", 'ợ': "\xF4\xEF",
	'ú': "u\xF9", 'ù': "u\xF8", 'ủ': "u\xFB", 'ũ': "u\xF5", 'ụ': "u\xEF",
	'ư': "\xF6", 'ứ': "\xF6\xF9", 'ừ': "\xF6\xF8", 'ử': "\xF6\xFB", 'ữ': "\xF6\xF5", 'ự': "\xF6\xEF",
	'ý': "y\xF9", 'ỳ': "y\xF8", 'ỷ': "y\xFB", 'ỹ': "y\xF5", 'ỵ': "\xEE",
}

// encode writes s (NFC) in a legacy encoding with table; ASCII passes
// through, line ends become CRLF as in the DOS and Windows files that carry
// these encodings.
func encode(s string, table map[rune]string) ([]byte, error) {
	var out []byte
	line := 1
	for _, r := range s {
		switch {
		case r == '\n':
			out = append(out, '\r', '\n')
			line++
		case r < 0x80:
			out = append(out, byte(r))
		default:
			enc, ok := table[r]
			if !ok {
				return nil, fmt.Errorf("line %d: %q has no code in this encoding's table", line, r)
			}
			out = append(out, enc...)
		}
	}
	return out, nil
}

// legacy writes s (NFC) in a legacy encoding with enc, one of vntext's
// encoders, which give one Latin-1 rune per byte. Line ends become CRLF
// as in the DOS and Windows files that carry these encodings.
func legacy(s string, enc func(string) string) ([]byte, error) {
	b, err := latin1(enc(s))
	if err != nil {
		return nil, err
	}
	return crlf(b), nil
}

// latin1 turns runes U+0000–U+00FF into the bytes they stand for; any
// other rune means the text has a letter the encoding lacks.
func latin1(s string) ([]byte, error) {
	out := make([]byte, 0, len(s))
	for i, r := range s {
		if r > 0xFF {
			return nil, fmt.Errorf("byte %d: %q has no code in this encoding", i, r)
		}
		out = append(out, byte(r))
	}
	return out, nil
}

func crlf(b []byte) []byte {
	return []byte(strings.ReplaceAll(string(b), "\n", "\r\n"))
}
