package layout

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// line is texts set on one baseline, left to right.
type line struct {
	texts  []Text
	y      float64 // baseline of the first text
	x0, x1 float64
	size   float64 // largest font size on the line
}

// Thresholds in ems of the font size.
const (
	// baselineTol is how far two baselines may differ and still be one line:
	// vertically centred cells and superscripts shift a little.
	baselineTol = 0.3
	// wordGap is the gap that separates two words when the font gives no
	// usable space width; the walker already splits runs at 0.15 em.
	wordGap = 0.2
	// paraGap is the baseline distance beyond which the next line starts a
	// new paragraph: single-spaced text sets lines about 1.15 em apart, and
	// paragraphs in these reports add spacing after.
	paraGap = 1.45
)

// groupLines sorts texts into lines, top to bottom, each left to right.
func groupLines(ts []Text) []line {
	ts = append([]Text(nil), ts...)
	sort.SliceStable(ts, func(i, j int) bool {
		if ts[i].Y != ts[j].Y {
			return ts[i].Y < ts[j].Y
		}
		return ts[i].X < ts[j].X
	})
	var out []line
	for _, t := range ts {
		if n := len(out); n > 0 && t.Y-out[n-1].y <= baselineTol*max(t.Size, out[n-1].size) {
			l := &out[n-1]
			l.texts = append(l.texts, t)
			l.x0, l.x1 = min(l.x0, t.X), max(l.x1, t.X+t.W)
			l.size = max(l.size, t.Size)
			continue
		}
		out = append(out, line{texts: []Text{t}, y: t.Y, x0: t.X, x1: t.X + t.W, size: t.Size})
	}
	for i := range out {
		l := out[i].texts
		sort.SliceStable(l, func(a, b int) bool { return l[a].X < l[b].X })
	}
	return out
}

// text joins the line's texts, with a space where the gap between two is
// a word space. Glyph runs of one word split by kerning are joined without.
func (l line) text() string {
	var b strings.Builder
	for i, t := range l.texts {
		if i > 0 && isGap(l.texts[i-1], t) {
			b.WriteByte(' ')
		}
		b.WriteString(t.S)
	}
	return b.String()
}

// isGap reports whether the space between a and b (b to the right) is a
// word space.
func isGap(a, b Text) bool {
	sw := a.SpaceW
	if sw <= 0 {
		sw = 0.25 * a.Size
	}
	return b.X-(a.X+a.W) > min(0.5*sw, wordGap*a.Size)
}

// words counts the words on the line.
func (l line) words() int {
	return len(strings.Fields(l.text()))
}

// joinLines joins the lines of one cell or paragraph: lines of a wrapped
// paragraph with a space, a new paragraph (extra spacing before it) with
// "\n", and a word broken at the line end (a single word filling the
// width, as long URLs are) with nothing.
func joinLines(ls []line, width float64) string {
	var b strings.Builder
	for i, l := range ls {
		if i > 0 {
			b.WriteString(lineSep(ls[i-1], l, width))
		}
		b.WriteString(l.text())
	}
	return b.String()
}

// lineSep is what goes between two consecutive lines of a text block whose
// usable width is width (0 when unknown).
func lineSep(prev, next line, width float64) string {
	if next.y-prev.y > paraGap*max(prev.size, next.size) {
		return "\n"
	}
	if width > 0 && prev.words() == 1 && prev.x1-prev.x0 >= 0.9*width && utf8.RuneCountInString(prev.text()) > 8 {
		return ""
	}
	return " "
}
