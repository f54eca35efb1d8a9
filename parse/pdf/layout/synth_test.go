package layout_test

import (
	"unicode/utf8"

	"chiso/parse/pdf/layout"
)

// Synthetic pages: a monospaced 10 pt font, 5 pt per rune, spaces too.

const size = 10.0

// text is a run at x on baseline y.
func text(s string, x, y float64) layout.Text {
	return layout.Text{S: s, X: x, Y: y, W: 5 * float64(utf8.RuneCountInString(s)), Size: size, SpaceW: 5, Font: "Mono"}
}

// words sets s word by word, one Text per word, as pango does.
func words(s string, x, y float64) []layout.Text {
	var out []layout.Text
	start := -1
	runes := []rune(s + " ")
	for i, r := range runes {
		switch {
		case r != ' ' && start < 0:
			start = i
		case r == ' ' && start >= 0:
			out = append(out, text(string(runes[start:i]), x+5*float64(start), y))
			start = -1
		}
	}
	return out
}

// gridRules draws every border of the grid with column borders xs and row
// borders ys, except the inner borders listed in skip: skip["v r c"]
// removes the vertical border at xs[c] in row r, skip["h r c"] the
// horizontal border at ys[r] in column c. Each border is drawn cell by
// cell, as LibreOffice does.
func gridRules(xs, ys []float64, skip map[[3]int]bool) []layout.Rule {
	var out []layout.Rule
	for r := 0; r+1 < len(ys); r++ {
		for c := range xs {
			if !skip[[3]int{'v', r, c}] {
				out = append(out, layout.Rule{X0: xs[c], Y0: ys[r], X1: xs[c], Y1: ys[r+1]})
			}
		}
	}
	for r := range ys {
		for c := 0; c+1 < len(xs); c++ {
			if !skip[[3]int{'h', r, c}] {
				out = append(out, layout.Rule{X0: xs[c], Y0: ys[r], X1: xs[c+1], Y1: ys[r]})
			}
		}
	}
	return out
}
