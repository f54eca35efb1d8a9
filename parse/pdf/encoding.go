package pdf

import (
	"golang.org/x/text/encoding/charmap"
)

// A byteEncoding maps the 256 one-byte codes of a simple font to Unicode;
// 0 means the code has no character.
type byteEncoding [256]rune

var (
	winAnsi  = fromCharmap(charmap.Windows1252)
	macRoman = fromCharmap(charmap.Macintosh)
	standard = standardEncoding()
	// defaultEncoding is used for simple fonts that name no encoding and are not
	// Type1 (TrueType fonts in practice): viewers treat them as WinAnsi.
	defaultEncoding = winAnsi
)

func fromCharmap(cm *charmap.Charmap) *byteEncoding {
	var e byteEncoding
	for i := 0; i < 256; i++ {
		r := cm.DecodeByte(byte(i))
		if r == '\uFFFD' {
			r = 0
		}
		e[i] = r
	}
	return &e
}

// standardEncoding is Adobe StandardEncoding: ASCII with curly quotes at
// 0x27 and 0x60, and its own upper half (PDF 32000 Annex D).
func standardEncoding() *byteEncoding {
	var e byteEncoding
	for i := 0x20; i < 0x7f; i++ {
		e[i] = rune(i)
	}
	e[0x27] = '\u2019'
	e[0x60] = '\u2018'
	high := map[int]rune{
		0xa1: '¡', 0xa2: '¢', 0xa3: '£', 0xa4: '\u2044', 0xa5: '¥', 0xa6: '\u0192', 0xa7: '§',
		0xa8: '¤', 0xa9: '\'', 0xaa: '\u201c', 0xab: '«', 0xac: '\u2039', 0xad: '\u203a',
		0xae: '\ufb01', 0xaf: '\ufb02', 0xb1: '\u2013', 0xb2: '\u2020', 0xb3: '\u2021',
		0xb4: '·', 0xb6: '¶', 0xb7: '\u2022', 0xb8: '\u201a', 0xb9: '\u201e', 0xba: '\u201d',
		0xbb: '»', 0xbc: '\u2026', 0xbd: '\u2030', 0xbf: '¿', 0xc1: '`', 0xc2: '´', 0xc3: '\u02c6',
		0xc4: '\u02dc', 0xc5: '¯', 0xc6: '\u02d8', 0xc7: '\u02d9', 0xc8: '¨', 0xca: '\u02da',
		0xcb: '¸', 0xcd: '\u02dd', 0xce: '\u02db', 0xcf: '\u02c7', 0xd0: '\u2014', 0xe1: 'Æ',
		0xe3: 'ª', 0xe8: '\u0141', 0xe9: 'Ø', 0xea: '\u0152', 0xeb: 'º', 0xf1: 'æ', 0xf5: '\u0131',
		0xf8: '\u0142', 0xf9: 'ø', 0xfa: '\u0153', 0xfb: 'ß',
	}
	for k, v := range high {
		e[k] = v
	}
	return &e
}

// namedEncoding returns the base encoding a font's /Encoding name stands for.
func namedEncoding(name string) *byteEncoding {
	switch name {
	case "WinAnsiEncoding":
		return winAnsi
	case "MacRomanEncoding", "MacExpertEncoding":
		return macRoman
	case "StandardEncoding":
		return standard
	}
	return nil
}
