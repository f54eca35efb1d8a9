package vntext

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// maxPasses bounds the repetition in Clean. Every pass that changes markup
// shortens the text in runes, so the bound is never reached in practice.
const maxPasses = 1000

// Clean returns s in the form chiso stores text in: valid UTF-8, NFC with
// Vietnamese tone marks composed, HTML remnants decoded, odd spaces mapped
// to a space (or removed when they have no width), spaces collapsed and
// each line trimmed, empty lines dropped. Line breaks are kept: in table
// cells they separate items.
//
// Clean is idempotent and returns s itself, without allocating, when s is
// already clean.
func Clean(s string) string {
	if isClean(s) {
		return s
	}
	t := clean(s)
	// Decoding markup can expose new markup ("&amp;lt;p&gt;" -> "&lt;p&gt;"),
	// so repeat until nothing changes to keep Clean idempotent.
	for i := 0; i < maxPasses && strings.ContainsAny(t, "<&"); i++ {
		u := clean(t)
		if u == t {
			break
		}
		t = u
	}
	return t
}

// isClean reports whether clean(s) == s, erring towards false.
func isClean(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[0] == '\n' || s[len(s)-1] == ' ' || s[len(s)-1] == '\n' {
		return false
	}
	quick := true // every rune is ASCII or nfcSafe
	var prev byte
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ':
				if prev == ' ' || prev == '\n' {
					return false
				}
			case c == '\n':
				if prev == ' ' || prev == '\n' {
					return false
				}
			case c < ' ' || c == 0x7f || c == '<' || c == '&':
				return false
			}
			prev = c
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || special(r) != keep || isMark(r) {
			return false
		}
		if !nfcSafe(r) {
			quick = false
		}
		prev = 0
		i += n
	}
	return quick || norm.NFC.QuickSpanString(s) == len(s)
}

// action says what clean does with a rune.
type action int

const (
	keep    action = iota
	space          // replaced by a space
	newline        // replaced by a line break
	drop           // removed
)

// special classifies the runes that clean replaces or removes.
func special(r rune) action {
	switch {
	case r == '\n':
		return keep
	case r == '\t':
		return space
	case r == '\v' || r == '\f' || r == '\r' || r == 0x85 || r == 0x2028 || r == 0x2029:
		// Word writes a manual line break as \v.
		return newline
	case r < ' ' || r >= 0x7f && r < 0xa0:
		return drop
	case r == 0xa0 || r == 0x1680 || r >= 0x2000 && r <= 0x200a || r == 0x202f || r == 0x205f || r == 0x3000:
		return space
	case r == 0xad || r >= 0x200b && r <= 0x200f || r == 0x2060 || r == 0xfeff || r == 0x202a || r == 0x202c:
		// Soft hyphen, zero-width spaces and joiners, direction marks, BOM.
		return drop
	}
	return keep
}

// isMark reports whether r is one of the combining diacritics U+0300–U+036F.
func isMark(r rune) bool { return r >= 0x300 && r <= 0x36f }

// clean does one pass of the work described at Clean.
func clean(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if strings.ContainsAny(s, "<&") {
		s = decodeMarkup(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	quick := true // every rune is ASCII or nfcSafe: s is in NFC already
	for i, r := range s {
		switch special(r) {
		case keep:
			if r >= utf8.RuneSelf && !nfcSafe(r) {
				quick = false
			}
			b.WriteRune(r)
		case space:
			b.WriteByte(' ')
		case newline:
			if r == '\r' && i+1 < len(s) && s[i+1] == '\n' {
				continue
			}
			b.WriteByte('\n')
		}
	}
	s = b.String()
	if !quick {
		s = composeTones(s)
	}
	return tidySpace(s)
}

// tidySpace collapses runs of spaces, trims every line and drops empty
// lines, so that paragraphs separated by "</p> <p>" become one line break.
func tidySpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	pendingSpace, pendingLine := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case ' ':
			pendingSpace = true
		case '\n':
			pendingSpace = false
			pendingLine = true
		default:
			if b.Len() > 0 {
				if pendingLine {
					b.WriteByte('\n')
				} else if pendingSpace {
					b.WriteByte(' ')
				}
			}
			pendingSpace, pendingLine = false, false
			b.WriteByte(c)
		}
	}
	return b.String()
}
