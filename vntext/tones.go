package vntext

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// composeTones returns s in NFC with Vietnamese diacritics composed even when
// they were typed in an order NFC keeps apart.
//
// Circumflex (U+0302), breve (U+0306) and the tone marks grave, acute, tilde
// and hook above (U+0300, U+0301, U+0303, U+0309) all have combining class
// 230, so canonical ordering leaves them as typed and "a" + acute +
// circumflex stays "á" + U+0302 under NFC. Vietnamese keyboards and
// windows-1258 text always mean the letter "ấ", so the shape marks are moved
// in front of the tone marks before composing.
func composeTones(s string) string {
	d := norm.NFD.String(s)
	if needsReorder(d) {
		d = reorder(d)
	}
	return norm.NFC.String(d)
}

func isShape(r rune) bool { return r == 0x302 || r == 0x306 }

func isTone(r rune) bool {
	return r == 0x300 || r == 0x301 || r == 0x303 || r == 0x309
}

// needsReorder reports whether a tone mark precedes a shape mark in the same
// run of combining marks.
func needsReorder(s string) bool {
	tone := false
	for _, r := range s {
		switch {
		case isTone(r):
			tone = true
		case isShape(r):
			if tone {
				return true
			}
		case !isMark(r):
			tone = false
		}
	}
	return false
}

// reorder moves, in each run of combining marks, the shape marks in front of
// the tone marks, keeping the order within each group.
func reorder(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	var run []rune
	flush := func() {
		for _, r := range run {
			if isShape(r) {
				b.WriteRune(r)
			}
		}
		for _, r := range run {
			if !isShape(r) {
				b.WriteRune(r)
			}
		}
		run = run[:0]
	}
	for _, r := range s {
		if isMark(r) {
			run = append(run, r)
			continue
		}
		flush()
		b.WriteRune(r)
	}
	flush()
	return b.String()
}
