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
		b.WriteRune(r)
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
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if base, ok := foldBase(r); ok {
			put(base)
			continue
		}
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			for _, d := range norm.NFD.String(string(r)) {
				if !unicode.Is(unicode.Mn, d) {
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

// foldTable maps the Latin letters U+00C0–U+024F and U+1E00–U+1EFF to their
// lower-case base letter; zero means "not a simple letter".
var foldTable = func() map[rune]rune {
	m := make(map[rune]rune)
	add := func(lo, hi rune) {
		for r := lo; r <= hi; r++ {
			if !unicode.IsLetter(r) {
				continue
			}
			d := []rune(norm.NFD.String(string(r)))
			if len(d) == 0 || d[0] >= utf8.RuneSelf {
				continue
			}
			m[r] = unicode.ToLower(d[0])
		}
	}
	add(0xc0, 0x24f)
	add(0x1e00, 0x1eff)
	return m
}()

func foldBase(r rune) (rune, bool) {
	b, ok := foldTable[r]
	return b, ok
}
