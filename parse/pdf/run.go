package pdf

import (
	"math"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"chiso/parse/pdf/layout"
)

// Where one run of glyphs ends and the next begins, in ems.
const (
	gapEm      = 0.15 // a larger jump between glyphs is a real gap
	baselineEm = 0.1  // a larger vertical step is another baseline
)

// run is a run of glyphs being collected: one font, one size, one
// baseline, no gaps.
type run struct {
	active bool
	text   []byte
	font   *font
	size   float64
	spaceW float64
	y      float64
	end    float64 // where the last glyph's advance ended
	// The extent of the non-space glyphs, so that the run's box excludes
	// leading and trailing spaces.
	inkX0, inkX1 float64
	inked        bool
}

// glyph adds one glyph (page space: origin x0,y0, advance ending at x1).
func (w *walker) glyph(text string, x0, y0, x1, em, spaceW float64, f *font) {
	r := &w.run
	if r.active && text != "" && isMarks(text) && f.legacy == legacyNone {
		// A combining mark drawn as its own glyph belongs to the letter
		// before it, wherever the producer placed it.
		r.text = append(r.text, text...)
		return
	}
	if r.active {
		tol := gapEm * r.size
		if f != r.font || math.Abs(em-r.size) > 0.01*r.size || math.Abs(y0-r.y) > baselineEm*r.size ||
			x0 < r.end-tol || x0 > r.end+tol {
			w.flush()
		}
	}
	if !r.active {
		if text == "" {
			return
		}
		*r = run{active: true, text: r.text[:0], font: f, size: em, spaceW: spaceW, y: y0}
	}
	r.text = append(r.text, text...)
	r.end = x1
	if strings.TrimSpace(text) != "" {
		if !r.inked {
			r.inkX0, r.inked = x0, true
		}
		r.inkX1 = math.Max(x1, x0)
	}
}

// isMarks reports whether s is made only of combining diacritical marks.
func isMarks(s string) bool {
	for _, c := range s {
		if c < 0x300 || c > 0x36f {
			return false
		}
	}
	return true
}

// flush ends the current run and records it as a layout.Text.
func (w *walker) flush() {
	r := &w.run
	if !r.active {
		return
	}
	r.active = false
	if !r.inked || len(w.out.Texts) >= maxTexts || !finite(r.inkX0, r.inkX1, r.y, r.size, r.spaceW) {
		return
	}
	s := string(r.text)
	if r.font.legacy != legacyNone {
		s = fromLegacy(s, r.font.legacy)
	}
	if !isASCII(s) {
		s = norm.NFC.String(s)
	}
	s = strings.TrimSpace(s)
	if s == "" || !utf8.ValidString(s) {
		return
	}
	w.out.Texts = append(w.out.Texts, layout.Text{
		S:      s,
		X:      r.inkX0,
		Y:      r.y,
		W:      r.inkX1 - r.inkX0,
		Size:   r.size,
		SpaceW: r.spaceW,
		Font:   r.font.name,
	})
}

// finite reports whether every value is a usable coordinate: hostile
// matrices can produce infinities and NaNs, which would mislead layout.
func finite(vs ...float64) bool {
	for _, v := range vs {
		if math.IsNaN(v) || math.Abs(v) > 1e7 {
			return false
		}
	}
	return true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
