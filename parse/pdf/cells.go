package pdf

import (
	"bytes"
	"context"
	stdimage "image"
	"image/draw"
	"image/png"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"

	"chiso/parse/image"
	"chiso/parse/ocr"
)

// Whole-page recognition misreads tables: it takes a lone "I" or "4" in
// an STT cell for a speck, glues a rule to the digits beside it, and
// sometimes drops a whole column of short numbers. So the cells of a
// scan's ruled tables are read again one by one: cut out inside their
// rules, stacked one under the other with white between them, and read
// in one run of the engine as a block of lines (ReadBlock), each line
// then put back in its cell. One run per page keeps the engine's start-up
// (a large share of its time) paid once.

// A box is a table cell of a straightened page image, in pixels, inside
// its rules.
type box struct{ x0, y0, x1, y1 int }

// has reports whether the point x, y is in the box grown by d pixels.
func (c box) has(x, y, d float64) bool {
	return x >= float64(c.x0)-d && x < float64(c.x1)+d && y >= float64(c.y0)-d && y < float64(c.y1)+d
}

// maxCells bounds the cells read again on one page: a page of more is no
// table of indicators, and the stacked image would be very tall.
const maxCells = 1500

// cellBoxes finds the cells of the ruled tables on a straightened page
// from its rules: the bands between consecutive horizontal rules, cut
// by the vertical rules that cross each band; a cell whose top rule is
// missing continues the one above it (a merged cell spanning rows), and
// one whose side rule is missing spans the columns (no rule, no cut).
// tol is how far apart in pixels two rules still count as one line.
func cellBoxes(rules []image.Line, tol int) []box {
	var hs, vs []image.Line
	for _, r := range rules {
		if r.Y0 == r.Y1 {
			hs = append(hs, r)
		} else {
			vs = append(vs, r)
		}
	}
	rows := clusterLines(hs, tol, func(l image.Line) int { return l.Y0 })
	cols := clusterLines(vs, tol, func(l image.Line) int { return l.X0 })
	var out []box
	open := map[[2]int]int{} // a cell's columns → its index in out, while its bottom rule is missing
	for i := 0; i+1 < len(rows); i++ {
		ya, yb := rows[i].at, rows[i+1].at
		if yb-ya <= 2*tol {
			continue
		}
		var xs []int
		for _, c := range cols {
			if c.covers(ya+tol, yb-tol) {
				xs = append(xs, c.at)
			}
		}
		next := map[[2]int]int{}
		for j := 0; j+1 < len(xs); j++ {
			xa, xb := xs[j], xs[j+1]
			if xb-xa <= 2*tol {
				continue
			}
			k := [2]int{xa, xb}
			if at, ok := open[k]; ok && !rows[i].covers(xa+tol, xb-tol) {
				out[at].y1 = yb
				next[k] = at
				continue
			}
			next[k] = len(out)
			out = append(out, box{xa, ya, xb, yb})
		}
		open = next
		if len(out) > maxCells {
			return nil
		}
	}
	return out
}

// A ruleLine is the rules found at one position (a y for horizontal
// rules, an x for vertical ones) and the spans they cover along it.
type ruleLine struct {
	at    int
	spans [][2]int
}

// covers reports whether the line's rules run from lo to hi, small gaps
// (a scan's broken rule) bridged.
func (l ruleLine) covers(lo, hi int) bool {
	for _, s := range l.spans {
		if s[0] <= lo && s[1] >= hi {
			return true
		}
	}
	return false
}

// clusterLines groups rules whose position (pos) is within tol of the
// group's first into one line, its spans merged where they touch.
func clusterLines(ls []image.Line, tol int, pos func(image.Line) int) []ruleLine {
	sort.Slice(ls, func(i, j int) bool { return pos(ls[i]) < pos(ls[j]) })
	var out []ruleLine
	for _, l := range ls {
		lo, hi := l.X0, l.X1
		if l.X0 == l.X1 {
			lo, hi = l.Y0, l.Y1
		}
		if n := len(out); n > 0 && pos(l)-out[n-1].at <= tol {
			out[n-1].spans = append(out[n-1].spans, [2]int{lo, hi})
			continue
		}
		out = append(out, ruleLine{at: pos(l), spans: [][2]int{{lo, hi}}})
	}
	for i := range out {
		s := out[i].spans
		slices.SortFunc(s, func(a, b [2]int) int { return a[0] - b[0] })
		merged := s[:1]
		for _, sp := range s[1:] {
			last := &merged[len(merged)-1]
			if sp[0] <= last[1]+3*tol {
				last[1] = max(last[1], sp[1])
				continue
			}
			merged = append(merged, sp)
		}
		out[i].spans = merged
	}
	return out
}

// A cut is one cell's ink, cut out, and where it was taken from and put.
type cut struct {
	cell   int // index in the boxes
	src    stdimage.Rectangle
	top    int // its top in the stacked image
	height int
}

// readCells reads the cells of a straightened page g again (see the
// comment at the top of this file) and returns, per cell, the words read
// in it, in g's pixels.
func readCells(ctx context.Context, e *ocr.Engine, g *stdimage.Gray, cells []box, dpi float64) (map[int][]ocr.Word, error) {
	margin := max(2, int(dpi/40+0.5)) // clear of the rule's thickness
	gap := max(12, int(dpi/8+0.5))
	dark := image.Threshold(g)
	var cuts []cut
	width, height := 0, gap
	for i, c := range cells {
		r := inkBounds(g, stdimage.Rect(c.x0+margin, c.y0+margin, c.x1-margin, c.y1-margin), dark)
		if r.Empty() {
			continue
		}
		r = r.Inset(-margin).Intersect(stdimage.Rect(c.x0+margin/2, c.y0+margin/2, c.x1-margin/2, c.y1-margin/2))
		cuts = append(cuts, cut{cell: i, src: r, top: height, height: r.Dy()})
		width = max(width, r.Dx())
		height += r.Dy() + gap
	}
	if len(cuts) == 0 {
		return nil, nil
	}
	canvas := stdimage.NewGray(stdimage.Rect(0, 0, width+2*gap, height))
	for i := range canvas.Pix {
		canvas.Pix[i] = 255
	}
	for _, c := range cuts {
		draw.Draw(canvas, stdimage.Rect(gap, c.top, gap+c.src.Dx(), c.top+c.height), g, c.src.Min, draw.Src)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, canvas); err != nil {
		return nil, err
	}
	// Enlarging a 200 dpi cell twice was tried: it lost as many lone
	// STT glyphs as it gained diacritics, so the cells are read as cut.
	got, err := e.ReadBlock(ctx, buf.Bytes(), int(dpi+0.5))
	if err != nil {
		return nil, err
	}
	out := map[int][]ocr.Word{}
	for _, w := range got.Words {
		w.Text = roman(w.Text)
		mid := w.Top + w.Height/2
		i := sort.Search(len(cuts), func(i int) bool { return cuts[i].top+cuts[i].height > mid })
		if i == len(cuts) || mid < cuts[i].top-gap/2 {
			continue
		}
		c := cuts[i]
		dx, dy := c.src.Min.X-gap, c.src.Min.Y-c.top
		w.Left += dx
		w.Top += dy
		w.LineTop += dy
		w.LineBottom += dy
		// Each cell's lines are its own: keep them apart from the
		// lines of the cells stacked above and below.
		w.Block = -1 - c.cell
		out[c.cell] = append(out[c.cell], w)
	}
	for i, ws := range out {
		out[i] = dropSpecks(ws)
	}
	return out, nil
}

// dropSpecks drops the words of a cell that are only punctuation ("-",
// "'", "."; a per cent sign is a word) when others in it have letters or digits: specks of the scan
// or the end of a rule, read beside a number ("15,65 -"). A cell that
// holds nothing but a dash keeps it: a dash is how tables write "none".
func dropSpecks(ws []ocr.Word) []ocr.Word {
	if !slices.ContainsFunc(ws, func(w ocr.Word) bool { return !speck(w.Text) }) {
		return ws
	}
	return slices.DeleteFunc(ws, func(w ocr.Word) bool { return speck(w.Text) })
}

// speck reports a word with no letter, digit or per cent sign.
func speck(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '%' }) < 0
}

// romanRE is a Roman numeral up to XXXIX, the numbers of a report's
// sections.
var romanRE = regexp.MustCompile(`^X{0,3}(IX|IV|V?I{0,3})$`)

// roman reads a word the engine made of the strokes it confuses with a
// capital I (a bar, a small l, two I's joined by their serifs into an H)
// as the Roman numeral it is when, so read, it is one: in a cell alone,
// "|" is I, "Il" II and "H" II. A word with any other letter is left as
// read, and so is one that was a numeral already.
func roman(w string) string {
	if w == "" || strings.Trim(w, "IlH|VX") != "" || !strings.ContainsAny(w, "l|H") {
		return w
	}
	r := strings.NewReplacer("l", "I", "|", "I", "H", "II").Replace(w)
	if !romanRE.MatchString(r) {
		return w
	}
	return r
}

// inkBounds is the bounding box of the ink (pixels darker than dark) in
// r, empty when r holds fewer than a few dark pixels (specks).
func inkBounds(g *stdimage.Gray, r stdimage.Rectangle, dark uint8) stdimage.Rectangle {
	r = r.Intersect(g.Bounds())
	minX, minY, maxX, maxY, n := r.Max.X, r.Max.Y, r.Min.X, r.Min.Y, 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		row := g.Pix[(y-g.Rect.Min.Y)*g.Stride:]
		for x := r.Min.X; x < r.Max.X; x++ {
			if row[x-g.Rect.Min.X] < dark {
				n++
				minX, minY, maxX, maxY = min(minX, x), min(minY, y), max(maxX, x+1), max(maxY, y+1)
			}
		}
	}
	if n < 6 {
		return stdimage.Rectangle{}
	}
	return stdimage.Rect(minX, minY, maxX, maxY)
}
