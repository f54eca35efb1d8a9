package layout

import "math"

// Text set with tab stops (pango-view on tab-separated text, plain-text
// exports) lines up only loosely: a cell that overruns a tab stop pushes
// the next cell to a later stop, and the header's stops differ from the
// body's. Such a table shows as consecutive lines split into the same few
// chunks by gaps wider than a word space, with the first chunks aligned;
// the k-th chunk of a line is its k-th cell.

const (
	// chunkGap is the smallest gap, in spaces of the font, between two
	// cells: pango sets word spaces at one space width and tabs at least
	// twice that here.
	chunkGap   = 1.8
	maxChunks  = 12
	minTabRows = 3
)

// chunks splits a line at gaps wider than a word space.
func chunks(l line) [][]Text {
	var out [][]Text
	for i, t := range l.texts {
		if i == 0 {
			out = append(out, []Text{t})
			continue
		}
		p := l.texts[i-1]
		sw := p.SpaceW
		if sw <= 0 {
			sw = 0.25 * p.Size
		}
		if t.X-(p.X+p.W) > chunkGap*sw {
			out = append(out, []Text{t})
		} else {
			out[len(out)-1] = append(out[len(out)-1], t)
		}
	}
	return out
}

// tabbedAt grows a tab-set table from line i: lines of 2..maxChunks chunks
// whose first chunks start at the same X, at least half of them with the
// second chunk at one X too, and some line with three chunks or more.
func tabbedAt(ls []line, i int) (span, bool) {
	best := span{from: -1}
	var xs []float64         // chunk starts of the line with the most chunks
	seconds := map[int]int{} // second chunk X (rounded) -> lines
	for j := i; j < len(ls); j++ {
		if j > i && ls[j].y-ls[j-1].y > rowGap*max(ls[j].size, ls[j-1].size) {
			break
		}
		// A table that stops qualifying for a while has ended; looking
		// further from every start line would cost quadratic time on
		// long two-column lists.
		if j-max(best.to, i) > 3*minTabRows {
			break
		}
		cs := chunks(ls[j])
		if len(cs) < 2 || len(cs) > maxChunks || math.Abs(cs[0][0].X-ls[i].texts[0].X) > alignTol {
			break
		}
		if len(cs) > len(xs) {
			xs = xs[:0]
			for _, c := range cs {
				xs = append(xs, c[0].X)
			}
		}
		seconds[int(math.Round(cs[1][0].X))]++
		n := j - i + 1
		top := 0
		for _, v := range seconds {
			top = max(top, v)
		}
		if n >= minTabRows && len(xs) >= minColumns && 2*top >= n {
			best = span{from: i, to: j, xs: append([]float64(nil), xs...)}
		}
	}
	return best, best.from >= 0
}

// tabbedRows turns the lines of a tab-set table into rows, chunk by chunk.
func tabbedRows(ls []line, cols int) [][]*cell {
	rows := make([][]*cell, len(ls))
	for r, l := range ls {
		row := make([]*cell, cols)
		for c := range row {
			row[c] = &cell{}
		}
		for c, ch := range chunks(l) {
			c = min(c, cols-1)
			row[c].texts = append(row[c].texts, ch...)
		}
		for _, x := range row {
			x.text = line{texts: x.texts}.text()
		}
		rows[r] = row
	}
	return rows
}
