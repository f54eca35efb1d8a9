package layout

import (
	"math"
	"sort"
	"strings"
)

// minStacked is how many rows of figures one ruled cell must hold, side
// by side with another cell holding text on the same baselines, before
// the grid is taken for a partly ruled table: the rules are column
// borders or a header box only, and the rows are not drawn.
const minStacked = 3

// underruled reports whether the grid's rules leave rows undrawn: some
// cell holds minStacked or more lines, most of them figures ("(X)" and
// "*****" notes may stand among them), and another
// cell beside it has text on at least minStacked of the same baselines.
// Statistical tables drawn with vertical rules and a boxed header only
// (census tables, spreadsheets printed with column borders) look like
// that, and read as one row holding every figure of a column. A wrapped
// label beside a single figure, the usual ruled cell, does not. So does
// a cell most of whose minStacked lines or more are rows in themselves, a
// label and a figure set apart by more than a word space: column rules
// between groups of columns (three Age | Total blocks side by side).
func (g *grid) underruled() bool {
	type stack struct {
		ys      []float64
		size    float64
		figures int
		top     float64
		bottom  float64
	}
	var cells []stack
	for r, row := range g.owner {
		for c, x := range row {
			if len(x.texts) < minStacked || (r > 0 && g.owner[r-1][c] == x) || (c > 0 && row[c-1] == x) || !manyLines(x.texts) {
				continue
			}
			ls := groupLines(x.texts)
			x.grouped = ls
			if len(ls) < minStacked {
				continue
			}
			s := stack{top: ls[0].y, bottom: ls[len(ls)-1].y}
			rows := 0
			for _, l := range ls {
				s.ys = append(s.ys, l.y)
				s.size = max(s.size, l.size)
				if IsFigure(l.raw()) {
					s.figures++
				}
				if ps := phrases(l); len(ps) >= 2 && IsFigure(line{texts: ps[len(ps)-1]}.raw()) {
					rows++
				}
			}
			if rows >= minStacked && 2*rows >= len(ls) {
				return true
			}
			cells = append(cells, s)
		}
	}
	for i, a := range cells {
		if a.figures < minStacked || 2*a.figures < len(a.ys) {
			continue
		}
		for k, b := range cells {
			if k == i || b.bottom < a.top || b.top > a.bottom {
				continue
			}
			shared := 0
			tol := baselineTol * max(a.size, b.size)
			for _, y := range a.ys {
				for _, z := range b.ys {
					if math.Abs(y-z) <= tol {
						shared++
						break
					}
				}
			}
			if shared >= minStacked {
				return true
			}
		}
	}
	return false
}

// manyLines reports whether the texts stand on minStacked baselines or
// more, without grouping them: most cells hold one line. It counts
// distinct baselines exactly, never fewer than groupLines finds lines, so
// a cell it turns away could not have held minStacked lines.
func manyLines(ts []Text) bool {
	var ys [minStacked]float64
	n := 0
next:
	for _, t := range ts {
		for _, y := range ys[:n] {
			if t.Y == y {
				continue next
			}
		}
		ys[n] = t.Y
		if n++; n == minStacked {
			return true
		}
	}
	return false
}

// texts returns every text placed in the grid.
func (g *grid) texts() []Text {
	var out []Text
	for r, row := range g.owner {
		for c, x := range row {
			if (r > 0 && g.owner[r-1][c] == x) || (c > 0 && row[c-1] == x) {
				continue
			}
			out = append(out, x.texts...)
		}
	}
	return out
}

// splitSpans undoes the column spans of cells whose texts stand apart in
// the columns they span: rows ruled by horizontal lines alone, in a grid
// whose header or total row has column rules (eu-016 of the ICDAR 2013
// set), are slots that no vertical rule separates, so each such row
// became one cell holding the whole row. A cell is split when its lines
// cut into phrases that fall into two groups of columns or more; each
// group keeps the empty columns after it (a total row's label set left
// over the first columns spans them). A title or a label spanning
// columns is one phrase, and keeps its span.
func (g *grid) splitSpans() {
	for r, row := range g.owner {
		for c := 0; c < len(row); c++ {
			x := row[c]
			if (r > 0 && g.owner[r-1][c] == x) || (c > 0 && row[c-1] == x) {
				continue
			}
			c1 := c
			for c1+1 < len(row) && row[c1+1] == x {
				c1++
			}
			if c1 == c || len(x.texts) < 2 {
				continue
			}
			groups := g.phraseGroups(x.texts, c, c1)
			if len(groups) < 2 {
				continue
			}
			r1 := r
			for r1+1 < len(g.owner) && g.owner[r1+1][c] == x {
				r1++
			}
			for k, gr := range groups {
				from, to := gr.c0, c1
				if k == 0 {
					from = c
				}
				if k+1 < len(groups) {
					to = groups[k+1].c0 - 1
				}
				y := &cell{texts: gr.texts}
				for i := r; i <= r1; i++ {
					for j := from; j <= to; j++ {
						g.owner[i][j] = y
					}
				}
			}
			c = c1
		}
	}
}

// phrases of a cell in the columns c0..c1 of a grid.
type phraseGroup struct {
	c0, c1 int
	texts  []Text
}

// phraseGroups sorts the texts of a cell spanning columns lo..hi into
// groups of columns, left to right: each phrase covers the columns its
// ends lie in, and phrases whose columns overlap are one group.
func (g *grid) phraseGroups(ts []Text, lo, hi int) []phraseGroup {
	var out []phraseGroup
	for _, l := range groupLines(ts) {
		for _, ch := range phrases(l) {
			x0, x1 := ch[0].X, ch[len(ch)-1].X+ch[len(ch)-1].W
			// A phrase narrower than the rule tolerance, on a column
			// rule, would end in the column before the one it starts in,
			// and its group would own no column: its text was lost.
			c0 := max(lo, min(hi, slot(g.xs, x0+ruleTol)))
			out = append(out, phraseGroup{
				c0:    c0,
				c1:    max(c0, min(hi, slot(g.xs, max(x0, x1-ruleTol)))),
				texts: ch,
			})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].c0 < out[j].c0 })
	merged := out[:0]
	for _, p := range out {
		if n := len(merged); n > 0 && p.c0 <= merged[n-1].c1 {
			merged[n-1].c1 = max(merged[n-1].c1, p.c1)
			merged[n-1].texts = append(merged[n-1].texts, p.texts...)
			continue
		}
		merged = append(merged, p)
	}
	return merged
}

// sliver is the widest column, in points, that drawing alone may make: a
// column no text stands in that is narrower than this is the padding
// between a cell's border and a box drawn inside it (cells shaded with
// an inset rectangle), not a column of the table.
const sliver = 7.0

// minSlivers is how many such columns a grid must have for them to be
// padding.
const minSlivers = 3

// dropSlivers removes the grid's columns narrower than sliver that hold
// no text of ts, so that the cells on both sides of such padding are the
// columns they are. A slot's cell goes on in the column before it.
func (g *grid) dropSlivers(ts []Text) {
	if len(g.xs) <= 3 {
		return
	}
	used := make([]bool, len(g.xs)-1)
	for _, t := range ts {
		x, y := t.X+t.W/2, t.Y-0.3*t.Size
		if g.contains(x, y) {
			used[slot(g.xs, x)] = true
			used[slot(g.xs, t.X+min(t.W/2, 0.25*t.Size))] = true
		}
	}
	keep := make([]bool, len(used))
	n := 0
	for c := range used {
		keep[c] = used[c] || g.xs[c+1]-g.xs[c] >= sliver
		if keep[c] {
			n++
		}
	}
	// Padding comes on every column or most; one narrow empty column is
	// a column of the table (a spare one the author left empty).
	if len(used)-n < minSlivers || n < 2 {
		return
	}
	xs := []float64{g.xs[0]}
	for c := range used {
		if keep[c] {
			xs = append(xs, g.xs[c+1])
		} else if c+1 == len(used) {
			xs[len(xs)-1] = g.xs[c+1] // a sliver at the right edge widens the last column
		}
	}
	for r, row := range g.owner {
		var out []*cell
		for c, x := range row {
			if keep[c] {
				out = append(out, x)
			}
		}
		g.owner[r] = out
	}
	g.xs = xs
}

// raw is the line's texts run together with spaces, which is all
// IsFigure needs.
func (l line) raw() string {
	if len(l.texts) == 1 {
		return l.texts[0].S
	}
	var b strings.Builder
	for i, t := range l.texts {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.S)
	}
	return b.String()
}
