package layout

import (
	"math"
	"sort"
)

// Borderless tables (PDFs whose borders were not drawn, aligned plain
// text) have no rules; their columns show only as X's where several
// consecutive lines start a run of text and no run crosses. Three columns
// at least: two aligned runs are as often a label and its value, or a
// hanging indent, as a table.
const (
	alignTol   = 1.0 // pt: two starts at the same column
	minColumns = 3
	minRows    = 3
	// rowGap is the baseline distance, in ems, that ends a borderless
	// table: a blank line between two tables.
	rowGap = 2.2
	// colGap is the gap, in ems, that must precede a column start on some
	// line of the run.
	colGap = 1.0
)

// column is a candidate column start while a run of lines is examined.
type column struct {
	x       float64
	support int  // lines of the run with a text starting at x
	dead    bool // some text of the run crosses x
	// gapped is set once a line has a gap of at least colGap before the
	// text at x (or starts there): word spaces that happen to align are
	// not columns.
	gapped bool
	last   int // last line that counted towards support
}

// span is a run of lines found to be a borderless table.
type span struct {
	from, to int // lines from..to inclusive
	xs       []float64
	tabbed   bool // cells are the chunks of a line, in order (see tabbedAt)
	stream   bool // columns are the free ranges gaps (see streamAt)
	gaps     []gap
}

// findBorderless returns the runs of lines that align into columns.
func findBorderless(ls []line) []span {
	var out []span
	floor := 0 // the first line after the last table
	for i := 0; i < len(ls); {
		// Of the two readings the one covering more lines wins; aligned
		// columns place cells better when both cover the same.
		s, ok := borderlessAt(ls, i)
		if t, tok := tabbedAt(ls, i); tok && (!ok || t.to > s.to) {
			s, ok = t, true
			s.tabbed = true
		}
		t, tok := streamAt(ls, i)
		if tok && t.from > i {
			// Lines trimmed off the top narrowed the borders: find
			// them again from the first row.
			if u, uok := streamAt(ls, t.from); uok {
				t = u
			}
		}
		if tok {
			t = headed(ls, t, floor)
		}
		// Ties go to the projection, which places cells better than
		// shared starts, but not against tab stops, whose cells the
		// chunks of a line give in order even where stops drift.
		if tok && (!ok || t.to > s.to || (t.to == s.to && !s.tabbed)) {
			s, ok = t, true
		}
		if !ok || (!s.stream && longerBelow(ls, i, s.to)) {
			i++
			continue
		}
		out = append(out, s)
		i = s.to + 1
		floor = i
	}
	return out
}

// longerBelow reports whether the projection finds a table from the line
// after i that reaches further than to, where the starts shared from
// line i end: line i is then no row of it but, say, the last line of the
// paragraph above, whose start a column happened to share within
// alignTol (recognised words' starts wander by a pixel or two), and the
// table is the one found from the next line.
func longerBelow(ls []line, i, to int) bool {
	if i+1 >= len(ls) {
		return false
	}
	t, ok := streamAt(ls, i+1)
	return ok && t.to > to
}

// headLines is how many lines at the top of a borderless table may be
// header lines whose texts span columns.
const headLines = 3

// headed returns the run s with the borders its body has, when lines at
// its top hid some: a header centred over a group of columns ("2005"
// over Number, Margin of error, Percent) covers the border between two
// of them, and the first line of a run narrows its borders for good.
// The run found from a later line must reach as far and find more
// borders; the header lines stay in the table, spanning the columns
// their texts cover. Header lines set apart from the body by more than
// rows are (and so left out of the run) are taken back too, back to
// line floor at most: up to headLines lines within groupGap of one
// another, each of two cells or more, within the body's width, with
// text on both sides of some border; a group heading alone in the first
// column may stand between them and the body.
func headed(ls []line, s span, floor int) span {
	for k := 1; k <= headLines && s.from+k < s.to; k++ {
		u, ok := streamAt(ls, s.from+k)
		if ok && u.from == s.from+k && u.to >= s.to && len(u.gaps) > len(s.gaps) {
			s.gaps, s.to = u.gaps, u.to
		}
	}
	if !s.stream {
		return s
	}
	x0, x1 := math.Inf(1), math.Inf(-1)
	for _, l := range ls[s.from : s.to+1] {
		x0, x1 = min(x0, l.x0), max(x1, l.x1)
	}
	// A group heading alone in the first column, right above the first
	// row, is taken only with a header line above it.
	for j, n := s.from-1, 0; j >= floor && n < headLines; j, n = j-1, n+1 {
		l, below := ls[j], ls[j+1]
		em := max(l.size, below.size)
		if below.y-l.y > groupGap*em || l.x0 < x0-em || l.x1 > x1+em {
			break
		}
		if len(ink(l)) >= 2 && fits(l, s.gaps) {
			s.from = j
			continue
		}
		if j+1 != s.from || below.y-l.y > rowGap*em || columnOf(s.gaps, l.x1) != 0 || crossesAny(l, s.gaps) {
			break
		}
	}
	return s
}

// borderlessAt grows a run of lines from line i while at least minColumns
// column starts stay uncrossed, and returns the longest run that made a
// table.
func borderlessAt(ls []line, i int) (span, bool) {
	var cols []column
	best := span{from: -1}
	for j := i; j < len(ls); j++ {
		if j > i && ls[j].y-ls[j-1].y > rowGap*max(ls[j].size, ls[j-1].size) {
			break
		}
		for k := range cols {
			if !cols[k].dead && crosses(ls[j], cols[k].x) {
				cols[k].dead = true
			}
		}
		for n, t := range ls[j].texts {
			gapped := n == 0 || t.X-(ls[j].texts[n-1].X+ls[j].texts[n-1].W) >= colGap*t.Size
			k := nearest(cols, t.X)
			if k >= 0 {
				if cols[k].last != j {
					cols[k].support++
					cols[k].last = j
				}
				cols[k].gapped = cols[k].gapped || gapped
				continue
			}
			c := column{x: t.X, support: 1, last: j, gapped: gapped}
			for r := i; r < j && !c.dead; r++ {
				c.dead = crosses(ls[r], t.X)
			}
			cols = append(cols, c)
		}
		n := j - i + 1
		var xs []float64
		for _, c := range cols {
			if !c.dead && c.gapped && c.support >= 2 && 4*c.support >= n {
				xs = append(xs, c.x)
			}
		}
		if len(xs) >= minColumns && n >= minRows {
			best = span{from: i, to: j, xs: xs}
		} else if n >= minRows {
			break
		}
	}
	if best.from < 0 {
		return best, false
	}
	sort.Float64s(best.xs)
	return best, true
}

// crosses reports whether a text of the line runs across x.
func crosses(l line, x float64) bool {
	for _, t := range l.texts {
		if t.X < x-alignTol && t.X+t.W > x+alignTol {
			return true
		}
	}
	return false
}

// nearest returns the index of the column starting within alignTol of x, or -1.
func nearest(cols []column, x float64) int {
	best, d := -1, math.Inf(1)
	for k, c := range cols {
		if e := math.Abs(c.x - x); e <= alignTol && e < d {
			best, d = k, e
		}
	}
	return best
}

// borderlessRows turns the lines of a span into table rows: each text goes
// to the last column starting at or before it.
func borderlessRows(ls []line, xs []float64) [][]*cell {
	rows := make([][]*cell, len(ls))
	for r, l := range ls {
		row := make([]*cell, len(xs))
		for c := range row {
			row[c] = &cell{}
		}
		for _, t := range l.texts {
			c := 0
			for c+1 < len(xs) && xs[c+1] <= t.X+alignTol {
				c++
			}
			row[c].texts = append(row[c].texts, t)
		}
		for _, x := range row {
			x.text = line{texts: x.texts}.text()
		}
		rows[r] = row
	}
	return rows
}
