package layout

import (
	"math"
	"sort"
	"strings"
	"unicode"

	"chiso/doc"
)

// table is a table being built: its column borders, and rows of slots
// pointing at cells (a merged cell is shared by the slots it covers).
type table struct {
	xs   []float64
	rows [][]*cell
	// gaps are the column borders of a borderless table: free ranges
	// rather than lines, which a continuation must overlap.
	gaps []gap
}

// item is a table or a paragraph of one page, at the Y where it starts.
type item struct {
	y     float64
	tab   *table
	lines []line
	// inBand marks a paragraph set wholly in the top or bottom band of its
	// page, where running headers and footers sit; margin marks one whose
	// text (digits aside) recurs there on other pages: a running header or
	// footer. Position alone is not enough: reports with narrow margins
	// start their text in the band.
	inBand, margin bool
	// bottom is the lowest rule of a ruled table (0 for other items).
	bottom float64
}

// marginBand is the share of the page height at the top and at the bottom
// where running headers and footers sit.
const marginBand = 0.08

func blocks(pages []Page) []doc.Block {
	var items []item
	pageOf := []int{}
	for _, p := range pages {
		for _, it := range pageItems(p) {
			items = append(items, it)
			pageOf = append(pageOf, p.Number)
		}
	}
	markMargins(items, pageOf)
	sp := cellSpacing(items)
	for _, it := range items {
		if it.tab == nil {
			continue
		}
		for _, row := range it.tab.rows {
			for _, x := range row {
				if x.lines != nil {
					x.text = joinLines(x.lines, x.width, sp)
					x.lines = nil
				}
			}
		}
	}
	items, pageOf = joinContinued(items, pageOf)
	out := make([]doc.Block, 0, len(items))
	for i, it := range items {
		b := doc.Block{Page: pageOf[i], Index: len(out)}
		if it.tab != nil {
			b.Kind = doc.TableKind
			b.Table = it.tab.doc()
		} else {
			b.Kind = doc.Paragraph
			// Paragraph lines were grouped by spacing already: join them.
			b.Text = joinLines(it.lines, 0, spacing{gap: math.Inf(1)})
		}
		out = append(out, b)
	}
	return out
}

// markMargins marks the paragraphs in the top or bottom band of a page
// whose text, digits aside, is in that band on another page too.
func markMargins(items []item, pageOf []int) {
	pages := map[string]map[int]bool{}
	key := func(it item) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsDigit(r) {
				return -1
			}
			return r
		}, plain(it.lines))
	}
	for i, it := range items {
		if it.inBand {
			k := key(it)
			if pages[k] == nil {
				pages[k] = map[int]bool{}
			}
			pages[k][pageOf[i]] = true
		}
	}
	for i, it := range items {
		if it.inBand && len(pages[key(it)]) > 1 {
			items[i].margin = true
		}
	}
}

// cellSpacing measures how the document sets the text in its ruled table
// cells: their usual line pitch, and whether some cell has two lines
// further apart than that (paragraph spacing).
func cellSpacing(items []item) spacing {
	var cells [][]line
	for _, it := range items {
		if it.tab == nil {
			continue
		}
		for r, row := range it.tab.rows {
			for c, x := range row {
				if len(x.lines) > 1 && (r == 0 || it.tab.rows[r-1][c] != x) && (c == 0 || row[c-1] != x) {
					cells = append(cells, x.lines)
				}
			}
		}
	}
	sp := spacing{gap: pitchGap(cells)}
	for _, ls := range cells {
		for i := 1; i < len(ls); i++ {
			sp.spaced = sp.spaced || spacedApart(ls[i-1], ls[i], sp.gap)
		}
	}
	return sp
}

// pageItems finds the tables and paragraphs of one page, top to bottom.
func pageItems(p Page) []item {
	texts := make([]Text, 0, len(p.Texts))
	for _, t := range p.Texts {
		texts = monoWords(texts, sane(t))
	}
	h, v := splitRules(p.Rules)
	grids := findGrids(h, v)
	for _, g := range grids {
		g.dropSlivers(texts)
	}
	var free []Text
	for _, t := range texts {
		if !place(grids, t) {
			free = append(free, t)
		}
	}
	// A grid whose rules draw no rows goes to the text-alignment finder,
	// which reads rows from baselines and columns from gaps.
	kept := grids[:0]
	for _, g := range grids {
		if g.underruled() {
			free = append(free, g.texts()...)
			continue
		}
		g.splitSpans()
		kept = append(kept, g)
	}
	grids = kept
	var items []item
	for _, g := range grids {
		items = append(items, item{y: g.ys[0], tab: g.table(), bottom: g.ys[len(g.ys)-1]})
	}
	ls := groupLines(free)
	next := 0
	flush := func(to int) {
		for _, para := range paragraphs(ls[next:to]) {
			items = append(items, item{y: para[0].y - para[0].size, lines: para})
		}
	}
	for _, s := range findBorderless(ls) {
		flush(s.from)
		var rows [][]*cell
		switch {
		case s.stream:
			y := ls[s.from].y - ls[s.from].size
			parts := sideBySide(ls[s.from:s.to+1], s.gaps)
			for _, p := range parts[:len(parts)-1] {
				t := &table{xs: borderXs(p.ls, p.gaps), rows: streamRows(p.ls, p.gaps, h), gaps: p.gaps}
				items = append(items, item{y: y, tab: t})
			}
			p := parts[len(parts)-1]
			rows, s.xs, s.gaps = streamRows(p.ls, p.gaps, h), borderXs(p.ls, p.gaps), p.gaps
		case s.tabbed:
			rows = tabbedRows(ls[s.from:s.to+1], len(s.xs))
		default:
			rows = borderlessRows(ls[s.from:s.to+1], s.xs)
		}
		t := &table{xs: s.xs, rows: rows, gaps: s.gaps}
		items = append(items, item{y: ls[s.from].y - ls[s.from].size, tab: t})
		next = s.to + 1
	}
	flush(len(ls))
	sort.SliceStable(items, func(i, j int) bool { return items[i].y < items[j].y })
	items = headOver(items)
	items = splitAround(items)
	if p.Height > 0 {
		for i, it := range items {
			if it.tab != nil {
				continue
			}
			top, bottom := it.lines[0].y-it.lines[0].size, it.lines[len(it.lines)-1].y
			items[i].inBand = bottom < marginBand*p.Height || top > (1-marginBand)*p.Height
		}
	}
	return items
}

// headGap is how far, in points, the first line of a borderless table
// may start below the ruled header over it.
const headGap = 12.0

// headOver joins a ruled grid to the borderless table right under it
// when the grid's column rules stand in the table's column borders, one
// rule per border: a header boxed in rules over a body without them
// (rows ruled by horizontal lines alone, which make no grid). The grid's
// rows become the table's first rows.
func headOver(items []item) []item {
	out := items[:0]
	for i := 0; i < len(items); i++ {
		a := items[i]
		if i+1 < len(items) && a.bottom > 0 {
			b := items[i+1]
			if b.tab != nil && b.tab.gaps != nil && b.y >= a.bottom-ruleTol && b.y-a.bottom <= headGap && inGaps(a.tab.xs, b.tab.gaps) {
				b.tab.rows = append(a.tab.rows, b.tab.rows...)
				b.y = a.y
				items[i+1] = b
				continue
			}
		}
		out = append(out, a)
	}
	return out
}

// inGaps reports whether the inner column rules xs lie one in each of the
// free ranges gs.
func inGaps(xs []float64, gs []gap) bool {
	if len(xs) != len(gs)+2 {
		return false
	}
	for k, g := range gs {
		if x := xs[k+1]; x < g.lo-ruleTol || x > g.hi+ruleTol {
			return false
		}
	}
	return true
}

// place puts a text into the grid cell holding its midpoint, or else,
// for a text running out of its table (a table wider than the page, whose
// last column the producer cut at the page edge), the cell holding its
// start. It reports whether some grid took the text.
func place(grids []*grid, t Text) bool {
	y := t.Y - 0.3*t.Size
	for _, x := range []float64{t.X + t.W/2, t.X + min(t.W/2, 0.25*t.Size)} {
		for _, g := range grids {
			if g.contains(x, y) {
				c := g.at(x, y)
				c.texts = append(c.texts, t)
				return true
			}
		}
	}
	return false
}

// splitAround breaks a paragraph that a ruled table interrupts (the
// paragraph was grouped from the free lines alone) so that the blocks
// follow the page top to bottom.
func splitAround(items []item) []item {
	var out []item
	for _, it := range items {
		if it.tab != nil {
			out = append(out, it)
			continue
		}
		start := 0
		for k := 1; k < len(it.lines); k++ {
			for _, o := range items {
				if o.tab != nil && o.y > it.lines[k-1].y && o.y < it.lines[k].y {
					out = append(out, item{y: it.lines[start].y - it.lines[start].size, lines: it.lines[start:k]})
					start = k
					break
				}
			}
		}
		out = append(out, item{y: it.lines[start].y - it.lines[start].size, lines: it.lines[start:]})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].y < out[j].y })
	return out
}

// paragraphs groups lines into paragraphs: a paragraph ends at extra
// vertical space, a change of font size, an indented line, or after a line
// that stops well short of the right margin.
func paragraphs(ls []line) [][]line {
	if len(ls) == 0 {
		return nil
	}
	gap := pitchGap([][]line{ls})
	right := math.Inf(-1)
	for _, l := range ls {
		right = max(right, l.x1)
	}
	var out [][]line
	start := 0
	for i := 1; i < len(ls); i++ {
		prev, l := ls[i-1], ls[i]
		em := max(prev.size, l.size)
		if l.y-prev.y > gap*em ||
			math.Abs(l.size-prev.size) > 0.2*em ||
			l.x0 > prev.x0+em ||
			prev.x1 < right-4*em {
			out = append(out, ls[start:i])
			start = i
		}
	}
	return append(out, ls[start:])
}

// table turns a ruled grid with its texts placed into a table.
func (g *grid) table() *table {
	// The usable width of a cell is its border width less the padding on
	// both sides. Producers pad every cell alike, so the padding is the
	// smallest inset of a line from its cell's left border in the table
	// (centred cells alone would overstate it).
	lines := map[*cell][]line{}
	pad := math.Inf(1)
	for r, row := range g.owner {
		for c, x := range row {
			if len(x.texts) == 0 || (r > 0 && g.owner[r-1][c] == x) || (c > 0 && row[c-1] == x) {
				continue
			}
			ls := x.grouped
			if ls == nil {
				ls = groupLines(x.texts)
			}
			lines[x] = ls
			for _, l := range ls {
				pad = min(pad, l.x0-g.xs[c])
			}
		}
	}
	pad = max(0, min(pad, 20))
	for r, row := range g.owner {
		for c, x := range row {
			ls, ok := lines[x]
			if !ok || (r > 0 && g.owner[r-1][c] == x) || (c > 0 && row[c-1] == x) {
				continue
			}
			c1 := c
			for c1+1 < len(row) && row[c1+1] == x {
				c1++
			}
			x.lines, x.width = ls, g.xs[c1+1]-g.xs[c]-2*pad
		}
	}
	return &table{xs: g.xs, rows: g.owner}
}

// doc converts the slots into a doc.Table: each cell once, at its top-left
// slot, with the spans it covers.
func (t *table) doc() *doc.Table {
	out := &doc.Table{Rows: make([][]doc.Cell, len(t.rows))}
	for r, row := range t.rows {
		cells := []doc.Cell{}
		for c, x := range row {
			if (r > 0 && c < len(t.rows[r-1]) && t.rows[r-1][c] == x) || (c > 0 && row[c-1] == x) {
				continue
			}
			cs := 1
			for c+cs < len(row) && row[c+cs] == x {
				cs++
			}
			rs := 1
			for r+rs < len(t.rows) && c < len(t.rows[r+rs]) && t.rows[r+rs][c] == x {
				rs++
			}
			cells = append(cells, doc.Cell{Text: x.text, RowSpan: rs, ColSpan: cs})
		}
		out.Rows[r] = cells
	}
	return out
}

// sane replaces coordinates a damaged file may carry (NaN, infinities,
// absurd sizes) so that sorting and geometry stay well defined.
func sane(t Text) Text {
	fix := func(f float64) float64 {
		if !finite(f) {
			return 0
		}
		return max(-1e6, min(f, 1e6))
	}
	t.X, t.Y, t.W, t.SpaceW = fix(t.X), fix(t.Y), fix(t.W), fix(t.SpaceW)
	t.Size = math.Abs(fix(t.Size))
	if t.Size < 0.5 {
		t.Size = 10
	}
	if t.W < 0 {
		t.W = 0
	}
	return t
}

// isPageNumber reports whether a paragraph is only a page number
// ("3", "- 3 -", "Trang 3", "3/8"), which may sit between the parts of a
// table continued on the next page even when the page size is unknown.
func isPageNumber(s string) bool {
	s = strings.TrimSpace(s)
	if len(s) >= 5 && strings.EqualFold(s[:5], "trang") {
		s = s[5:] // not ToLower of every paragraph of the page
	}
	s = strings.Trim(s, "- ")
	if s == "" {
		return false
	}
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '/' || r == ' ':
		default:
			return false
		}
	}
	return digits > 0 && digits <= 6
}
