package pdf

import (
	"math"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"chiso/parse/pdf/layout"

	"chiso/vntext"
)

// Where one run of glyphs ends and the next begins, in ems.
const (
	gapEm      = 0.15 // a larger jump between glyphs is a real gap
	baselineEm = 0.1  // a larger vertical step is another baseline
)

// run is a run of glyphs being collected: one font, one size, one
// baseline, no gaps. Positions along and across the baseline are measured
// in its direction, so that rotated text (a vertical column heading) also
// forms runs.
type run struct {
	active     bool
	text       []byte
	font       *font
	size       float64
	spaceW     float64
	dirX, dirY float64 // unit vector of the baseline in page space
	y          float64 // page Y of the first glyph's origin
	perp       float64 // position across the baseline
	end        float64 // position along the baseline where the last advance ended
	// The extent of the non-space glyphs, so that the run's box excludes
	// leading and trailing spaces.
	inked                  bool
	inkX0, inkX1           float64 // first ink origin, last ink end (horizontal runs)
	minX, maxX, minY, maxY float64 // box of ink origins and ends (other directions)
}

// glyph adds one glyph, given in page space by its origin (x0,y0) and the
// end of its advance (x1,y1).
func (w *walker) glyph(text string, x0, y0, x1, y1, em, spaceW float64, f *font) {
	r := &w.run
	if r.active && text != "" && isMarks(text) && f.legacy == vntext.UnicodeFont {
		// A combining mark drawn as its own glyph belongs to the letter
		// before it, wherever the producer placed it.
		r.text = append(r.text, text...)
		return
	}
	dx, dy := x1-x0, y1-y0
	adv := math.Hypot(dx, dy)
	if r.active {
		tol := gapEm * r.size
		along := x0*r.dirX + y0*r.dirY
		perp := -x0*r.dirY + y0*r.dirX
		turned := adv > 1e-6 && (dx*r.dirX+dy*r.dirY)/adv < 0.99
		if f != r.font || math.Abs(em-r.size) > 0.01*r.size || math.Abs(perp-r.perp) > baselineEm*r.size ||
			along < r.end-tol || along > r.end+tol || turned {
			w.flush()
		}
	}
	if !r.active {
		if text == "" {
			return
		}
		dirX, dirY := 1.0, 0.0
		if adv > 1e-6 {
			dirX, dirY = dx/adv, dy/adv
		}
		*r = run{active: true, text: r.text[:0], font: f, size: em, spaceW: spaceW,
			dirX: dirX, dirY: dirY, y: y0, perp: -x0*dirY + y0*dirX,
			minX: math.Inf(1), minY: math.Inf(1), maxX: math.Inf(-1), maxY: math.Inf(-1)}
	}
	r.text = append(r.text, text...)
	r.end = x1*r.dirX + y1*r.dirY
	if strings.TrimSpace(text) != "" {
		if !r.inked {
			r.inkX0, r.inked = x0, true
		}
		r.inkX1 = math.Max(x1, x0)
		r.minX, r.maxX = math.Min(r.minX, math.Min(x0, x1)), math.Max(r.maxX, math.Max(x0, x1))
		r.minY, r.maxY = math.Min(r.minY, math.Min(y0, y1)), math.Max(r.maxY, math.Max(y0, y1))
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
	if r.font.legacy != vntext.UnicodeFont {
		s = r.font.legacy.Decode(s)
	}
	if !isASCII(s) {
		s = norm.NFC.String(s)
	}
	s = strings.TrimSpace(s)
	if s == "" || !utf8.ValidString(s) {
		return
	}
	t := layout.Text{S: s, X: r.inkX0, Y: r.y, W: r.inkX1 - r.inkX0, Size: r.size, SpaceW: r.spaceW, Font: r.font.name}
	if r.dirX < 0.999 {
		// Not left to right: the box of the glyphs, with the lowest point
		// as the baseline, keeps the text inside the cell it is drawn in.
		t.X, t.W, t.Y = r.minX, r.maxX-r.minX, r.maxY
	}
	if w.overprint(t) {
		return
	}
	w.out.Texts = append(w.out.Texts, t)
	w.dirs[direction(r.dirX, r.dirY)] += utf8.RuneCountInString(s)
}

// overprint reports whether t repeats one of the last runs at nearly the
// same place: producers fake bold type by drawing the text twice, slightly
// shifted, and the copy must not be read twice.
func (w *walker) overprint(t layout.Text) bool {
	ts := w.out.Texts
	for i := len(ts) - 1; i >= 0 && i >= len(ts)-8; i-- {
		p := ts[i]
		if p.S == t.S && math.Abs(p.X-t.X) < 0.1*t.Size && math.Abs(p.Y-t.Y) < 0.1*t.Size {
			return true
		}
	}
	return false
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
