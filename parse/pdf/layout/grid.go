package layout

import (
	"math"
	"sort"
)

// maxSlots bounds the slots of one grid. Real tables have at most a few
// thousand on a page; a damaged or hostile file can draw a mesh of
// thousands of rules, whose texts are better read as paragraphs than
// stall the reader.
const maxSlots = 40000

// grid is a ruled table found on one page: the X's of its column borders,
// the Y's of its row borders, and which slot belongs to which cell.
type grid struct {
	xs, ys []float64
	// owner[r][c] is the cell covering slot (r, c), shared by the slots of
	// a merged cell.
	owner [][]*cell
}

// cell is one cell of a table being built. Texts are gathered page by
// page and turned into text once every page is read.
type cell struct {
	texts []Text
	// lines and width (the usable width, 0 when unknown) are kept until
	// every page is read: how lines join depends on the whole document.
	lines []line
	width float64
	text  string
	// grouped caches groupLines(texts) once a grid has grouped them.
	grouped []line
}

// findGrids finds the tables drawn with ruling lines: connected sets of
// crossing horizontal and vertical rules, at least two of each, making at
// least two cells. A lone box (one cell) is a frame, not a table.
func findGrids(h, v []seg) []*grid {
	parent := make([]int, len(h)+len(v))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	// Rules are few per page (tens to hundreds), so the pairwise test is
	// cheap; v is sorted by X, which bounds the inner loop.
	for i, a := range h {
		lo := sort.Search(len(v), func(k int) bool { return v[k].pos >= a.lo-ruleTol })
		for k := lo; k < len(v) && v[k].pos <= a.hi+ruleTol; k++ {
			b := v[k]
			if a.pos >= b.lo-ruleTol && a.pos <= b.hi+ruleTol {
				parent[find(i)] = find(len(h) + k)
			}
		}
	}
	comp := map[int]int{}
	var hs, vs [][]seg
	add := func(root int) int {
		c, ok := comp[root]
		if !ok {
			c = len(hs)
			comp[root] = c
			hs, vs = append(hs, nil), append(vs, nil)
		}
		return c
	}
	for i, a := range h {
		c := add(find(i))
		hs[c] = append(hs[c], a)
	}
	for k, b := range v {
		c := add(find(len(h) + k))
		vs[c] = append(vs[c], b)
	}
	var out []*grid
	for c := range hs {
		out = append(out, stacked(closed(hs[c], vs[c]), vs[c], 0)...)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ys[0] < out[j].ys[0] })
	return out
}

// openEnd is how far, in points, column rules must run on past the last
// row rule for the table to be taken as open there.
const openEnd = 6.0

// closed returns the horizontal rules of one component with a rule added
// where its column rules end beyond the last row rule (or start above the
// first): a table drawn with a boxed header and column rules only, its
// body left open at the bottom, has its body between those rules, where
// a grid of the header alone would leave it out.
func closed(h, v []seg) []seg {
	if len(h) == 0 || len(v) < 2 {
		return h
	}
	top, bottom := h[0].pos, h[0].pos
	for _, s := range h {
		top, bottom = min(top, s.pos), max(bottom, s.pos)
	}
	lo, hi, vtop, vbottom := v[0].pos, v[0].pos, v[0].lo, v[0].hi
	for _, s := range v {
		lo, hi = min(lo, s.pos), max(hi, s.pos)
		vtop, vbottom = min(vtop, s.lo), max(vbottom, s.hi)
	}
	out := h
	if vbottom > bottom+openEnd {
		out = append(append([]seg(nil), out...), seg{pos: vbottom, lo: lo, hi: hi})
	}
	if vtop < top-openEnd {
		out = append(append([]seg(nil), out...), seg{pos: vtop, lo: lo, hi: hi})
	}
	return out
}

// stacked returns the grids of one component of crossing rules. Tables
// set one right under the other (HTML tables with nothing between them,
// as LibreOffice prints them) share a border, so their rules form one
// component; their column borders do not line up, which tells them
// apart: each table becomes a grid of its own, with its own columns.
func stacked(h, v []seg, depth int) []*grid {
	g, walls := buildGrid(h, v)
	if g == nil {
		return nil
	}
	bands := splitStacked(walls)
	if len(bands) == 1 || depth > 8 {
		return []*grid{g}
	}
	var out []*grid
	for i, r0 := range bands {
		r1 := len(g.ys) - 1
		if i+1 < len(bands) {
			r1 = bands[i+1]
		}
		hb, vb := clip(h, v, g.ys[r0], g.ys[r1])
		out = append(out, stacked(hb, vb, depth+1)...)
	}
	return out
}

// splitStacked returns the first rows of the tables stacked in one grid,
// given the X's of the vertical rules crossing each row. A table starts
// at a row none of whose inner column borders is a border of the rows
// above it in the same table. Inner borders leave out the leftmost and
// the rightmost (and those within minSpan of them: double lines), so that
// tables of the same or of different widths compare alike. Rows without
// inner borders (a title or a section spanning the width) go with the
// table below when they come just before the change.
//
// Borders are compared at ruleTol, not at the minSpan that clusters them
// into columns: the columns of two stacked tables may be a point or two
// apart, where one table's border is always the same line.
func splitStacked(walls [][]float64) []int {
	out := []int{0}
	var seen []float64 // inner borders of the current table
	lastWalled := -1   // last row of the current table with inner borders
	for r, ws := range walls {
		sort.Float64s(ws)
		var in []float64
		for _, x := range ws {
			if x > ws[0]+minSpan && x < ws[len(ws)-1]-minSpan {
				in = append(in, x)
			}
		}
		if len(in) == 0 {
			continue
		}
		shared := false
		for _, x := range in {
			shared = shared || near(seen, x)
		}
		if len(seen) > 0 && !shared {
			out = append(out, lastWalled+1)
			seen = seen[:0]
		}
		// Each border once: the rows of a long table repeat them.
		for _, x := range in {
			if !near(seen, x) {
				seen = append(seen, x)
			}
		}
		lastWalled = r
	}
	return out
}

// near reports whether some position in ps lies within ruleTol of x.
func near(ps []float64, x float64) bool {
	for _, p := range ps {
		if math.Abs(p-x) <= ruleTol {
			return true
		}
	}
	return false
}

// clip keeps the rules of the band y0..y1: horizontal rules at its edges
// or inside it, vertical rules cut to it.
func clip(h, v []seg, y0, y1 float64) (hb, vb []seg) {
	for _, s := range h {
		if s.pos >= y0-ruleTol && s.pos <= y1+ruleTol {
			hb = append(hb, s)
		}
	}
	for _, s := range v {
		lo, hi := max(s.lo, y0), min(s.hi, y1)
		if hi-lo > ruleTol {
			vb = append(vb, seg{s.pos, lo, hi})
		}
	}
	return hb, vb
}

// buildGrid derives the slots of one component and merges slots not
// separated by a rule into one cell, which becomes a row or column span.
// It returns the X's of the vertical rules crossing each row too.
func buildGrid(h, v []seg) (*grid, [][]float64) {
	if len(h) < 2 || len(v) < 2 {
		return nil, nil
	}
	xs, ys := clusterPos(v), clusterPos(h)
	if len(xs) < 2 || len(ys) < 2 || (len(xs) == 2 && len(ys) == 2) {
		return nil, nil
	}
	nr, nc := len(ys)-1, len(xs)-1
	if nr*nc > maxSlots {
		return nil, nil
	}
	vAt, hAt := bucket(v, xs), bucket(h, ys)
	// vwall[r][c]: a vertical rule at xs[c] separates slots in row r.
	vwall := make([][]bool, nr)
	walls := make([][]float64, nr)
	for r := range vwall {
		vwall[r] = make([]bool, nc+1)
		for c := range vwall[r] {
			vwall[r][c] = covered(vAt[c], ys[r], ys[r+1])
			if vwall[r][c] {
				for _, g := range vAt[c] {
					if min(ys[r+1], g.hi)-max(ys[r], g.lo) >= (ys[r+1]-ys[r])/2 {
						walls[r] = append(walls[r], g.pos)
					}
				}
			}
		}
	}
	// hwall[r][c]: a horizontal rule at ys[r] separates slots in column c.
	hwall := make([][]bool, nr+1)
	for r := range hwall {
		hwall[r] = make([]bool, nc)
		for c := range hwall[r] {
			hwall[r][c] = covered(hAt[r], xs[c], xs[c+1])
		}
	}
	owner := make([][]*cell, nr)
	for r := range owner {
		owner[r] = make([]*cell, nc)
	}
	for r := 0; r < nr; r++ {
		for c := 0; c < nc; c++ {
			if owner[r][c] != nil {
				continue
			}
			cs := 1
			for c+cs < nc && !vwall[r][c+cs] && owner[r][c+cs] == nil {
				cs++
			}
			rs := 1
		down:
			for r+rs < nr {
				for k := c; k < c+cs; k++ {
					if hwall[r+rs][k] || owner[r+rs][k] != nil {
						break down
					}
				}
				rs++
			}
			x := &cell{}
			for i := r; i < r+rs; i++ {
				for k := c; k < c+cs; k++ {
					owner[i][k] = x
				}
			}
		}
	}
	return &grid{xs: xs, ys: ys, owner: owner}, walls
}

// bucket groups the segments by the clustered position they lie at.
func bucket(s []seg, at []float64) [][]seg {
	out := make([][]seg, len(at))
	for _, g := range s {
		i := sort.SearchFloat64s(at, g.pos)
		if i == len(at) || (i > 0 && g.pos-at[i-1] < at[i]-g.pos) {
			i--
		}
		out[i] = append(out[i], g)
	}
	return out
}

// covered reports whether the segments cover at least half of lo..hi.
func covered(s []seg, lo, hi float64) bool {
	got := 0.0
	for _, g := range s {
		got += max(0, min(hi, g.hi)-max(lo, g.lo))
	}
	return got >= (hi-lo)/2
}

// contains reports whether the point lies inside the grid.
func (g *grid) contains(x, y float64) bool {
	return x >= g.xs[0] && x <= g.xs[len(g.xs)-1] && y >= g.ys[0] && y <= g.ys[len(g.ys)-1]
}

// at returns the cell covering the point, which must lie inside the grid.
func (g *grid) at(x, y float64) *cell {
	c := slot(g.xs, x)
	r := slot(g.ys, y)
	return g.owner[r][c]
}

// slot returns i such that edges[i] <= p < edges[i+1], clamped to the slots.
func slot(edges []float64, p float64) int {
	i := sort.SearchFloat64s(edges, p) - 1
	return max(0, min(i, len(edges)-2))
}
