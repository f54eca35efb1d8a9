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
	return fold(s, -1)
}

// FoldPrefix returns Fold(s), or a prefix of it at least n bytes long: it
// folds only as much of s as that takes, where a test on the first words
// of a long text ("tổng số …", "phụ lục …") would fold all of it.
func FoldPrefix(s string, n int) string {
	return fold(s, max(n, 0))
}

// fold is Fold, stopping once the result is n bytes long or longer when
// n >= 0: each rune is folded on its own and nothing written is taken
// back, so what has been written is always a prefix of the whole fold.
func fold(s string, n int) string {
	var b strings.Builder
	if n >= 0 && n < len(s) {
		b.Grow(n + utf8.UTFMax)
	} else {
		b.Grow(len(s))
	}
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
	for i := 0; i < len(s); {
		if n >= 0 && b.Len() >= n {
			break
		}
		// ASCII, most of the bytes of Vietnamese text, by table and
		// without decoding.
		if c := s[i]; c < utf8.RuneSelf {
			if k := asciiKey[c]; k != 0 {
				put(rune(k))
			} else {
				pending = true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
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

// asciiKey is the fold of each ASCII byte: lower case for a letter, the
// digit for a digit, 0 for the rest, which fold to a space.
var asciiKey = func() (t [utf8.RuneSelf]byte) {
	for c := byte('0'); c <= '9'; c++ {
		t[c] = c
	}
	for c := byte('a'); c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = c, c
	}
	return t
}()

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
