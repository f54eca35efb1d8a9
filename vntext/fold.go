package vntext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns the search key of s: diacritics dropped (NFD, combining marks
// removed, đ and Đ to d), lower case, every rune that is not a letter or
// digit replaced by a space, spaces collapsed and trimmed. "Tỷ lệ hồ sơ"
// folds to "ty le ho so", "ST T" to "st t".
func Fold(s string) string {
	if isFolded(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	pending := false
	put := func(r rune) {
		if pending && b.Len() > 0 {
			b.WriteByte(' ')
		}
		pending = false
		if r < utf8.RuneSelf {
			b.WriteByte(byte(r))
		} else {
			b.WriteRune(r)
		}
	}
	for _, r := range s {
		if r < utf8.RuneSelf {
			switch {
			case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
				put(r)
			case 'A' <= r && r <= 'Z':
				put(r + 'a' - 'A')
			default:
				pending = true
			}
			continue
		}
		if r == 'đ' || r == 'Đ' {
			put('d')
			continue
		}
		if base, ok := foldBase(r); ok {
			put(base)
			continue
		}
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			// Only the letters and digits of the decomposition: its
			// other parts are marks, and a spacing mark (Balinese ᬈ is
			// ᬇ and the Mc sign ᬵ) kept here would fold to a space the
			// second time, so that Fold(Fold(s)) != Fold(s).
			for _, d := range norm.NFD.String(string(r)) {
				if unicode.IsLetter(d) || unicode.IsDigit(d) {
					put(unicode.ToLower(d))
				}
			}
		default:
			pending = true
		}
	}
	return b.String()
}

// isFolded reports whether Fold(s) == s: lower-case ASCII letters and
// digits separated by single spaces.
func isFolded(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
		case c == ' ':
			if s[i-1] == ' ' {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// foldLatin maps the Latin letters U+00C0–U+024F and U+1E00–U+1EFF whose
// NFD starts with an ASCII letter to that letter in lower case; zero means
// the rune is not such a letter. Generated: tables.go, from makeFoldLatin.

func foldBase(r rune) (rune, bool) {
	if r < 0xc0 || r >= 0x1f00 {
		return 0, false
	}
	b := foldLatin[r-0xc0]
	return rune(b), b != 0
}
