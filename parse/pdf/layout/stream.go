package layout

import (
	"math"
	"sort"
	"strings"
	"unicode"
)

// Borderless tables by projection: a column border shows as an X range
// that no text crosses down many consecutive lines, while the lines
// around it have text on both sides. Lines are added one by one to a run
// and the ranges left free by every line so far are kept; the run is a
// table while two such ranges at least (three columns) are each bordered
// by text on both sides in a good share of its lines. A range is a column
// border when it is as wide as the padding producers put between cells
// (half an em), or, between right-aligned figures, one space wide: a word
// space free down a whole column is a border only between numbers.
//
// A line that crosses borders the run already has but not all of them
// (a total row whose label spans the first columns, a header set over two
// columns) is a spanning line and does not narrow the ranges; a line
// that crosses every border is a paragraph or a title and ends the run.
const (
	// padGap is the narrowest gap, in ems, between two text columns.
	padGap = 0.45
	// numGap is the narrowest gap, in ems, between two columns of figures.
	numGap = 0.15
	// borderShare is the share of a run's lines that must have text on
	// both sides of a border.
	borderShare = 0.3
	// spanShare bounds the share of a run's lines that may span borders.
	spanShare = 0.2
	// wordSpaces is the narrowest gap between text columns in spaces of
	// the font: wider than any word space, even in a monospaced font.
	wordSpaces = 1.5
	// seedLines is how far a run is grown from a line before giving up
	// when it never made a table.
	seedLines = 8
	// groupGap is the widest baseline distance, in ems, at which a run
	// resumes after a blank line between groups of rows.
	groupGap = 4.5
)

// gap is a free X range of a run of lines: a column border.
type gap struct {
	lo, hi float64
	// fig marks a border narrower than padGap, found between figures.
	fig bool
}

// ink returns the X ranges a line's texts cover, merged where they touch.
func ink(l line) []gap {
	out := make([]gap, 0, len(l.texts))
	for _, t := range l.texts {
		lo, hi := t.X, t.X+t.W
		if n := len(out); n > 0 && lo <= out[n-1].hi+0.01 {
			out[n-1].hi = max(out[n-1].hi, hi)
			continue
		}
		out = append(out, gap{lo: lo, hi: hi})
	}
	return out
}

// cover merges two sorted lists of X ranges.
func cover(a, b []gap) []gap {
	all := make([]gap, 0, len(a)+len(b))
	all = append(append(all, a...), b...)
	sort.Slice(all, func(i, j int) bool { return all[i].lo < all[j].lo })
	var out []gap
	for _, g := range all {
		if n := len(out); n > 0 && g.lo <= out[n-1].hi {
			out[n-1].hi = max(out[n-1].hi, g.hi)
			continue
		}
		out = append(out, g)
	}
	return out
}

// crossing reports whether the ink leaves no part of g free that is as
// wide as a border (between figures, for a border found between figures):
// a longer number or label in one row only narrows its column's border.
func crossing(in []gap, g gap, em, sw float64) bool {
	lo, widest := g.lo, 0.0
	for _, r := range in {
		if r.hi <= lo || r.lo >= g.hi {
			continue
		}
		widest = max(widest, r.lo-lo)
		lo = max(lo, r.hi)
	}
	widest = max(widest, g.hi-lo)
	if g.fig {
		return widest < numGap*em
	}
	return widest < max(padGap*em, wordSpaces*sw)
}

// crossed is crossing for line l, whose ink is in, except that figures on
// both sides of the border may come as close as between figures: a
// border found between labels and figures, or between figure columns set
// apart more widely in the first rows, is narrowed by longer numbers to a
// space in later rows, and in a monospaced font a space is wider than
// the narrowest gap between text columns.
func crossed(l line, in []gap, g gap, em, sw float64) bool {
	if !crossing(in, g, em, sw) {
		return false
	}
	if g.fig || crossing(in, gap{lo: g.lo, hi: g.hi, fig: true}, em, sw) {
		return true
	}
	left, right := around(l, g)
	return !IsFigure(left) || !IsFigure(right)
}

// IsFigure reports whether s reads as a number, a percentage or a ratio.
// The OCR reader (package chiso/parse/pdf) keeps two figures its engine
// read side by side as two texts by it, as two cells are.
func IsFigure(s string) bool {
	s = strings.TrimSpace(s)
	digits := 0
	for _, r := range s {
		switch {
		case unicode.IsDigit(r):
			digits++
		case strings.ContainsRune(".,%/()-+–−* ", r):
		default:
			return false
		}
	}
	return digits > 0
}

// borders returns the gaps of occ (the merged ink of the run's core
// lines) that are column borders of those lines.
func borders(occ []gap, core []line, em, sw float64) []gap {
	var out []gap
	pad := max(padGap*em, wordSpaces*sw)
	need := max(2, int(math.Ceil(borderShare*float64(len(core)))))
	for k := 0; k+1 < len(occ); k++ {
		g := gap{lo: occ[k].hi, hi: occ[k+1].lo}
		w := g.hi - g.lo
		if w < numGap*em {
			continue
		}
		support, figures := 0, 0
		for _, l := range core {
			if l.x0 >= g.lo || l.x1 <= g.hi {
				continue
			}
			support++
			if w < pad {
				left, right := around(l, g)
				if IsFigure(left) && IsFigure(right) {
					figures++
				}
			}
		}
		if support >= need && (w >= pad || 3*figures >= 2*support) {
			g.fig = w < pad
			out = append(out, g)
		}
	}
	return out
}

// around returns the texts of l just left and just right of g.
func around(l line, g gap) (left, right string) {
	var lt, rt []Text
	for _, t := range l.texts {
		if t.X+t.W <= g.lo+0.01 {
			lt = append(lt, t)
		} else if t.X >= g.hi-0.01 && (len(rt) == 0 || !isGap(rt[len(rt)-1], t)) {
			rt = append(rt, t)
		} else if t.X >= g.hi-0.01 {
			break
		}
	}
	// The word before the gap: the texts back to the last word space.
	k := len(lt)
	for k > 0 && (k == len(lt) || !isGap(lt[k-1], lt[k])) {
		k--
	}
	if k < len(lt) && k > 0 && isGap(lt[k-1], lt[k]) {
		lt = lt[k:]
	}
	return line{texts: lt}.text(), line{texts: rt}.text()
}

// streamAt grows a borderless table from line i and returns the longest
// run that made one.
func streamAt(ls []line, i int) (span, bool) {
	best := span{from: -1}
	// A run starts at a line with two cells at least: most lines of
	// prose are one range of ink, and are passed over at once.
	if len(ink(ls[i])) < 2 {
		return best, false
	}
	var occ []gap
	var core []line
	var bs []gap
	odd := 0
	em, sw := ls[i].size, 0.0
	for j := i; j < len(ls); j++ {
		l := ls[j]
		if j > i && l.y-ls[j-1].y > rowGap*max(l.size, ls[j-1].size) && !resumes(ls, j, bs) {
			break
		}
		if best.from < 0 && j-i >= seedLines {
			break
		}
		in := ink(l)
		nx := 0
		for _, g := range bs {
			if crossed(l, in, g, em, sw) {
				nx++
			}
		}
		switch {
		case len(bs) >= 2 && nx == len(bs):
			j = len(ls) // a paragraph: the run ends
			continue
		case nx > 0 && float64(odd+1) <= max(1, spanShare*float64(j-i+1)):
			odd++
			if best.from >= 0 {
				best.to = j
			}
			continue
		case nx > 0:
			j = len(ls)
			continue
		}
		occ = cover(occ, in)
		core = append(core, l)
		em = min(em, l.size)
		for _, t := range l.texts {
			sw = max(sw, spaceOf(t))
		}
		bs = borders(occ, core, em, sw)
		if len(bs) >= minColumns-1 && len(core) >= minRows {
			best = span{from: i, to: j, gaps: append([]gap(nil), bs...), stream: true}
		}
	}
	if best.from < 0 {
		return best, false
	}
	// Lines at the edges that fit no border (a title over the table,
	// a caption under it) are not rows.
	for best.from < best.to && !fits(ls[best.from], best.gaps) {
		best.from++
	}
	for best.to > best.from && !fits(ls[best.to], best.gaps) && crossesAny(ls[best.to], best.gaps) {
		best.to--
	}
	if best.to-best.from+1 < minRows {
		return span{from: -1}, false
	}
	return best, true
}

// resumes reports whether line j, set further below the line before it
// than rows are apart, still belongs to the run whose borders are bs:
// statistical tables leave a blank line between groups of rows, often
// with the group's heading alone in the first column. The line must come
// within groupGap, cross no border and fill most of the columns, as a row
// of the table does and a paragraph or caption under it does not; or be
// such a heading, the next line right under it filling the columns.
func resumes(ls []line, j int, bs []gap) bool {
	l, prev := ls[j], ls[j-1]
	if len(bs) < minColumns-1 || l.y-prev.y > groupGap*max(l.size, prev.size) || crossesAny(l, bs) {
		return false
	}
	if fills(l, bs) {
		return true
	}
	if j+1 == len(ls) || columnOf(bs, l.x1) != 0 {
		return false
	}
	next := ls[j+1]
	return next.y-l.y <= rowGap*max(l.size, next.size) && !crossesAny(next, bs) && fills(next, bs)
}

// fills reports whether the line has text in more than half the columns.
func fills(l line, bs []gap) bool {
	filled := map[int]bool{}
	for _, t := range l.texts {
		filled[columnOf(bs, t.X)] = true
	}
	return 2*len(filled) > len(bs)+1
}

// fits reports whether the line has text on both sides of some border.
func fits(l line, bs []gap) bool {
	in := ink(l)
	for _, g := range bs {
		if l.x0 < g.lo && l.x1 > g.hi && !crossed(l, in, g, l.size, spaceOf(l.texts[0])) {
			return true
		}
	}
	return false
}

func crossesAny(l line, bs []gap) bool {
	in := ink(l)
	for _, g := range bs {
		if crossed(l, in, g, l.size, spaceOf(l.texts[0])) {
			return true
		}
	}
	return false
}

// columnOf returns the column of x given the borders.
func columnOf(bs []gap, x float64) int {
	c := 0
	for c < len(bs) && x >= (bs[c].lo+bs[c].hi)/2 {
		c++
	}
	return c
}

// columnInk returns, for each column of a borderless table, the X range
// its texts cover on the lines that cross no border (the body rows).
// A range is empty (lo > hi) for a column no such line fills.
func columnInk(ls []line, bs []gap) []gap {
	ext := make([]gap, len(bs)+1)
	for c := range ext {
		ext[c] = gap{lo: math.Inf(1), hi: math.Inf(-1)}
	}
	for _, l := range ls {
		if crossesAny(l, bs) {
			continue
		}
		for _, t := range l.texts {
			c := columnOf(bs, t.X)
			ext[c].lo, ext[c].hi = min(ext[c].lo, t.X), max(ext[c].hi, t.X+t.W)
		}
	}
	return ext
}

// phrases cuts a line into its phrases: texts closer than a cell's
// padding, which stand in one cell together.
func phrases(l line) [][]Text {
	var out [][]Text
	for i, t := range l.texts {
		if i > 0 {
			p := l.texts[i-1]
			if t.X-(p.X+p.W) < max(padGap*l.size, wordSpaces*spaceOf(p)) {
				out[len(out)-1] = append(out[len(out)-1], t)
				continue
			}
		}
		out = append(out, []Text{t})
	}
	return out
}

// columnsUnder returns the first and the last column a phrase of a line
// crossing borders stands over: those whose body text it overlaps. A
// header centred over a narrow column of right-aligned figures starts
// left of the border's middle, where columnOf would put it in the column
// before. A phrase over no body text goes where its ends lie.
func columnsUnder(ch []Text, bs []gap, ext []gap) (c0, c1 int) {
	lo, hi := ch[0].X, ch[len(ch)-1].X+ch[len(ch)-1].W
	c0, c1 = -1, -1
	for c, e := range ext {
		if e.lo < hi && e.hi > lo {
			if c0 < 0 {
				c0 = c
			}
			c1 = c
		}
	}
	if c0 < 0 {
		return columnOf(bs, lo), columnOf(bs, hi)
	}
	return c0, c1
}

// streamRows turns the lines of a borderless table into rows. Each text
// goes to the column its start lies in and spans to the column its end
// lies in. A line starts a new row unless it continues the row above: its
// first column is empty and it fills at most half the cells the row's
// first line filled (a wrapped cell). Horizontal rules across the table
// (hs) end a row too, and the lines between two rules that hold one first
// column between them are one row (cells centred vertically). Leading
// bold lines over a body that is not bold are one header row. A new row
// whose first column is empty under a label that is not a number shares
// that label: a row label spanning rows.
func streamRows(ls []line, bs []gap, hs []seg) [][]*cell {
	nc := len(bs) + 1
	type lcells struct {
		texts [][]Text
		span  []int // column where the text starting here ends
		n     int   // non-empty cells
	}
	per := make([]lcells, len(ls))
	ext := columnInk(ls, bs)
	for r, l := range ls {
		lc := lcells{texts: make([][]Text, nc), span: make([]int, nc)}
		for c := range lc.span {
			lc.span[c] = c
		}
		if !crossesAny(l, bs) {
			for _, t := range l.texts {
				c0 := columnOf(bs, t.X)
				c1 := columnOf(bs, t.X+t.W)
				lc.texts[c0] = append(lc.texts[c0], t)
				lc.span[c0] = max(lc.span[c0], c1)
			}
		} else {
			for _, ch := range phrases(l) {
				c0, c1 := columnsUnder(ch, bs, ext)
				lc.texts[c0] = append(lc.texts[c0], ch...)
				lc.span[c0] = max(lc.span[c0], c1)
			}
		}
		for c := range lc.texts {
			if len(lc.texts[c]) > 0 {
				lc.n++
			}
		}
		per[r] = lc
	}
	// Rules across the table: a rule lies between lines r-1 and r.
	x0, x1 := ls[0].x0, ls[0].x1
	for _, l := range ls {
		x0, x1 = min(x0, l.x0), max(x1, l.x1)
	}
	ruled := make([]bool, len(ls))
	for _, h := range hs {
		if h.hi-h.lo < 0.6*(x1-x0) || h.lo > x1 || h.hi < x0 {
			continue
		}
		for r := 1; r < len(ls); r++ {
			if h.pos > ls[r-1].y && h.pos < ls[r].y-0.7*ls[r].size {
				ruled[r] = true
			}
		}
	}
	anyRule := false
	for _, v := range ruled {
		anyRule = anyRule || v
	}
	// Bands between rules that hold one first-column text are one row.
	oneBand := make([]bool, len(ls))
	if anyRule {
		for r := 0; r < len(ls); {
			e := r + 1
			for e < len(ls) && !ruled[e] {
				e++
			}
			firsts := 0
			for k := r; k < e; k++ {
				if len(per[k].texts[0]) > 0 {
					firsts++
				}
			}
			for k := r + 1; k < e; k++ {
				oneBand[k] = firsts <= 1
			}
			r = e
		}
	}
	header := boldHead(ls)
	var rows [][]*cell
	var rowLines [][][]line // per row, per column, the lines of text
	first := -1             // line that started the current row
	for r := range ls {
		lc := per[r]
		cont := r > 0 && !ruled[r] && (oneBand[r] || r < header ||
			(len(lc.texts[0]) == 0 && 2*lc.n <= per[first].n))
		if !cont {
			row := make([]*cell, nc)
			for c := range row {
				row[c] = &cell{}
			}
			rows = append(rows, row)
			rowLines = append(rowLines, make([][]line, nc))
			first = r
		}
		row, rl := rows[len(rows)-1], rowLines[len(rows)-1]
		for c := 0; c < nc; c++ {
			if len(lc.texts[c]) == 0 {
				continue
			}
			rl[c] = append(rl[c], line{texts: lc.texts[c], y: ls[r].y, size: ls[r].size})
			for k := c + 1; k <= lc.span[c] && k < nc; k++ {
				if len(rl[k]) == 0 && row[k] != row[c] {
					row[k] = row[c]
				}
			}
		}
	}
	// A text crossing a border spans the empty cells after it too: a
	// label over the first columns of a total row, set left, fills no
	// more of its span than its own width.
	for i, row := range rows {
		for c := 1; c < nc; c++ {
			if row[c] == row[c-1] && (c+1 == nc || row[c+1] != row[c]) {
				for k := c + 1; k < nc && len(rowLines[i][k]) == 0 && (k+1 == nc || row[k+1] != row[k]); k++ {
					row[k] = row[c]
				}
			}
		}
	}
	for i, row := range rows {
		for c, x := range row {
			if c > 0 && row[c-1] == x {
				continue
			}
			var ls []line
			for k := c; k < nc && row[k] == x; k++ {
				ls = append(ls, rowLines[i][k]...)
			}
			sort.SliceStable(ls, func(a, b int) bool { return ls[a].y < ls[b].y })
			x.text = joinLines(ls, 0, spacing{gap: math.Inf(1)})
		}
	}
	// A row label spanning rows: the first column empty under a label.
	label := -1
	for i, row := range rows {
		t := strings.TrimSpace(row[0].text)
		switch {
		case t != "" && !IsFigure(t) && row[0] != row[min(1, nc-1)]:
			label = i
		case t == "" && label >= 0 && !rowEmpty(row[1:]):
			row[0] = rows[label][0]
		default:
			label = -1
		}
	}
	return rows
}

// boldHead returns how many leading lines are set in bold over a body
// that is not: the header, one row however its cells wrap.
func boldHead(ls []line) int {
	bold := func(l line) bool {
		// Glyphs a font lacks come from a fallback font, whose name
		// may be missing: only named fonts count.
		n, named := 0, 0
		for _, t := range l.texts {
			if t.Font != "" {
				named++
			}
			if strings.Contains(strings.ToLower(t.Font), "bold") {
				n++
			}
		}
		return 2*n > named
	}
	k := 0
	for k < len(ls) && k < 4 && bold(ls[k]) {
		k++
	}
	if k == 0 || k == len(ls) || bold(ls[k]) {
		return 0
	}
	return k
}

// borderXs returns the column borders of a borderless table as X's: its
// left edge, the middle of each gap and its right edge.
func borderXs(ls []line, bs []gap) []float64 {
	x0, x1 := ls[0].x0, ls[0].x1
	for _, l := range ls {
		x0, x1 = min(x0, l.x0), max(x1, l.x1)
	}
	xs := []float64{x0}
	for _, g := range bs {
		xs = append(xs, (g.lo+g.hi)/2)
	}
	return append(xs, x1)
}

// spaceOf returns the width of a space in the text's font.
func spaceOf(t Text) float64 {
	if t.SpaceW > 0 {
		return t.SpaceW
	}
	return 0.25 * t.Size
}

// side is one of the tables a borderless run holds side by side.
type side struct {
	ls   []line
	gaps []gap
}

// sideBySide splits a borderless run at a border much wider than the
// others with three columns at least on both sides: two tables set side
// by side, whose rows need not share baselines. It returns the run
// whole when there is no such border.
func sideBySide(ls []line, bs []gap) []side {
	k, em := -1, ls[0].size
	for i, g := range bs {
		if k < 0 || g.hi-g.lo > bs[k].hi-bs[k].lo {
			k = i
		}
	}
	whole := []side{{ls, bs}}
	if k < minColumns-1 || len(bs)-k-1 < minColumns-1 {
		return whole
	}
	w := bs[k].hi - bs[k].lo
	for i, g := range bs {
		if i != k && 1.5*(g.hi-g.lo) > w {
			return whole
		}
	}
	if w < 2.5*em {
		return whole
	}
	// The rows of the two sides must not be one row: some line starts
	// a row on one side (its first column) with nothing on the other.
	cut := (bs[k].lo + bs[k].hi) / 2
	apart := false
	for _, l := range ls {
		lt, rt := l.x0 < cut, l.x1 > cut
		first := func(lo, hi float64) bool {
			for _, t := range l.texts {
				if t.X >= lo && t.X < hi {
					return true
				}
			}
			return false
		}
		apart = apart || (lt && !rt && first(math.Inf(-1), bs[0].lo)) || (rt && !lt && first(cut, bs[k+1].lo))
	}
	if !apart {
		return whole
	}
	var left, right []Text
	for _, l := range ls {
		for _, t := range l.texts {
			if t.X < cut {
				left = append(left, t)
			} else {
				right = append(right, t)
			}
		}
	}
	return []side{{groupLines(left), bs[:k]}, {groupLines(right), bs[k+1:]}}
}
