package pdf

import (
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// glyphNames is the part of the Adobe Glyph List that /Differences arrays in
// office documents use and that glyphRune cannot derive from the name's
// shape (letters followed by accent names).
var glyphNames = map[string]rune{
	"space": ' ', "exclam": '!', "quotedbl": '"', "numbersign": '#', "dollar": '$',
	"percent": '%', "ampersand": '&', "quotesingle": '\'', "parenleft": '(',
	"parenright": ')', "asterisk": '*', "plus": '+', "comma": ',', "hyphen": '-',
	"period": '.', "slash": '/', "zero": '0', "one": '1', "two": '2', "three": '3',
	"four": '4', "five": '5', "six": '6', "seven": '7', "eight": '8', "nine": '9',
	"colon": ':', "semicolon": ';', "less": '<', "equal": '=', "greater": '>',
	"question": '?', "at": '@', "bracketleft": '[', "backslash": '\\',
	"bracketright": ']', "asciicircum": '^', "underscore": '_', "grave": '`',
	"braceleft": '{', "bar": '|', "braceright": '}', "asciitilde": '~',
	"quoteleft": '\u2018', "quoteright": '\u2019', "quotedblleft": '\u201c',
	"quotedblright": '\u201d', "quotesinglbase": '\u201a', "quotedblbase": '\u201e',
	"bullet": '\u2022', "endash": '\u2013', "emdash": '\u2014', "ellipsis": '\u2026',
	"dagger": '\u2020', "daggerdbl": '\u2021', "perthousand": '\u2030',
	"guilsinglleft": '\u2039', "guilsinglright": '\u203a', "guillemotleft": '«',
	"guillemotright": '»', "trademark": '\u2122', "copyright": '©', "registered": '®',
	"degree": '°', "section": '§', "paragraph": '¶', "periodcentered": '·',
	"middot": '·', "multiply": '×', "divide": '÷', "plusminus": '±', "minus": '\u2212',
	"sterling": '£', "yen": '¥', "cent": '¢', "currency": '¤', "Euro": '€',
	"exclamdown": '¡', "questiondown": '¿', "brokenbar": '¦', "dieresis": '¨',
	"macron": '¯', "acute": '´', "cedilla": '¸', "ordfeminine": 'ª', "ordmasculine": 'º',
	"logicalnot": '¬', "mu": 'µ', "onehalf": '½', "onequarter": '¼',
	"threequarters": '¾', "onesuperior": '¹', "twosuperior": '²', "threesuperior": '³',
	"germandbls": 'ß', "ae": 'æ', "AE": 'Æ', "oe": 'œ', "OE": 'Œ', "oslash": 'ø',
	"Oslash": 'Ø', "eth": 'ð', "Eth": 'Ð', "thorn": 'þ', "Thorn": 'Þ',
	"dotlessi": 'ı', "lslash": 'ł', "Lslash": 'Ł', "florin": 'ƒ',
	"dcroat": 'đ', "Dcroat": 'Đ', "dmacron": 'đ', "Dmacron": 'Đ', "dbar": 'đ',
	"Dslash": 'Đ', "dslash": 'đ', "ohorn": 'ơ', "Ohorn": 'Ơ', "uhorn": 'ư', "Uhorn": 'Ư',
	"nbspace": '\u00a0', "nonbreakingspace": '\u00a0', "sfthyphen": '\u00ad',
	"softhyphen": '\u00ad', "fi": '\ufb01', "fl": '\ufb02', "ff": '\ufb00',
	"ffi": '\ufb03', "ffl": '\ufb04', "circumflex": '\u02c6', "tilde": '\u02dc',
	"breve": '\u02d8', "dotaccent": '\u02d9', "ring": '\u02da', "ogonek": '\u02db',
	"caron": '\u02c7', "hungarumlaut": '\u02dd', "fraction": '\u2044',
	"gravecomb": '\u0300', "acutecomb": '\u0301', "tildecomb": '\u0303',
	"hookabovecomb": '\u0309', "dotbelowcomb": '\u0323',
}

// accentNames are the accent words that follow a base letter in glyph names
// such as "ecircumflexacute" or "Ohornhookabove", as combining marks.
var accentNames = []struct {
	name string
	mark rune
}{
	{"circumflex", '\u0302'}, {"hookabove", '\u0309'}, {"dotbelow", '\u0323'},
	{"dieresis", '\u0308'}, {"cedilla", '\u0327'}, {"macron", '\u0304'},
	{"acute", '\u0301'}, {"grave", '\u0300'}, {"tilde", '\u0303'}, {"breve", '\u0306'},
	{"horn", '\u031b'}, {"caron", '\u030c'}, {"ring", '\u030a'}, {"ogonek", '\u0328'},
	{"dotaccent", '\u0307'},
}

// glyphText returns the Unicode text of a glyph name, following the Adobe
// Glyph List specification: a suffix after "." is dropped, "_" joins
// components, "uniXXXX" and "uXXXX" name code points, and a letter followed
// by accent names is that letter with those marks (composed). Unknown names
// give "".
func glyphText(name string) string {
	if i := strings.IndexByte(name, '.'); i >= 0 {
		name = name[:i]
	}
	if strings.IndexByte(name, '_') >= 0 {
		var b strings.Builder
		for _, part := range strings.Split(name, "_") {
			b.WriteString(glyphText(part))
		}
		return b.String()
	}
	if r, ok := glyphNames[name]; ok {
		return string(r)
	}
	if len(name) >= 7 && strings.HasPrefix(name, "uni") && (len(name)-3)%4 == 0 {
		var b strings.Builder
		for i := 3; i < len(name); i += 4 {
			v, err := strconv.ParseUint(name[i:i+4], 16, 32)
			if err != nil {
				return ""
			}
			if r := rune(v); validRune(r) {
				b.WriteRune(r)
			}
		}
		return b.String()
	}
	if len(name) >= 5 && len(name) <= 7 && name[0] == 'u' {
		if v, err := strconv.ParseUint(name[1:], 16, 32); err == nil && validRune(rune(v)) {
			return string(rune(v))
		}
	}
	if len(name) == 1 && (name[0] >= 'a' && name[0] <= 'z' || name[0] >= 'A' && name[0] <= 'Z') {
		return name
	}
	return accented(name)
}

// accented decodes "ecircumflexacute" style names.
func accented(name string) string {
	if len(name) < 2 {
		return ""
	}
	base := name[:1]
	rest := name[1:]
	switch {
	case strings.HasPrefix(name, "dcroat"), strings.HasPrefix(name, "Dcroat"):
		base, rest = string(glyphNames[name[:6]]), name[6:]
	case strings.HasPrefix(name, "dotlessi"):
		base, rest = "ı", name[8:]
	}
	if !(base[0] >= 'a' && base[0] <= 'z' || base[0] >= 'A' && base[0] <= 'Z') && base != "ı" && base != "đ" && base != "Đ" {
		return ""
	}
	out := []byte(base)
	for rest != "" {
		found := false
		for _, a := range accentNames {
			if strings.HasPrefix(rest, a.name) {
				out = append(out, string(a.mark)...)
				rest = rest[len(a.name):]
				found = true
				break
			}
		}
		if !found {
			return ""
		}
	}
	return norm.NFC.String(string(out))
}

// validRune reports whether r is worth emitting as text: not a control
// character, surrogate, noncharacter or the replacement character.
func validRune(r rune) bool {
	switch {
	case r < 0x20 && r != '\t' && r != '\n':
		return false
	case r >= 0x7f && r < 0xa0:
		return false
	case r >= 0xd800 && r < 0xe000:
		return false
	case r == 0xfffd || r == 0xfffe || r == 0xffff || r > 0x10ffff:
		return false
	}
	return true
}
