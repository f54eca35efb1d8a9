// Package sheet lays out the cells of one spreadsheet sheet as the chiso
// document model: the title lines above a table and the notes below it as
// paragraphs, the table itself with its merged cells as spans. The
// spreadsheet readers (parse/xlsx, parse/xls, parse/odf) read cells and
// merges each from its own format and hand them here, so that a workbook
// reads the same whatever program saved it.
//
// Offices lay a report out in a sheet the way they would on paper: a title
// in a merged row, the table, a note or signature under it. A sheet is
// therefore cut at its empty rows into regions (one empty row between two
// table rows does not cut); in each region, the rows
// before the first table row (two or more filled cells, or ruled cells
// when the reader knows the borders) and after the last are paragraphs (one per row, its cells joined by spaces), and
// the rows between are one table, from the leftmost to the rightmost
// column used. A region with no such row is all paragraphs. When more than
// one sheet of a workbook has content, each sheet's name comes first as a
// paragraph of its own.
package sheet

import (
	"strings"

	"chiso/doc"
)

// Limits on what one sheet may cost; a sheet is a grid, so a crafted file
// can claim a million rows by a million columns with almost no bytes.
const (
	// MaxCells is the most filled cells read from one workbook.
	MaxCells = 2_000_000
	// MaxCols and MaxRows bound the grid of one sheet.
	MaxCols = 1024
	MaxRows = 1 << 20
)

// Range is a merged block of cells, in the sheet's visible coordinates
// (rows and columns hidden in the sheet left out), counting from 0.
type Range struct {
	Row, Col   int // top-left cell
	Rows, Cols int // at least 1
}

// Visible maps a merge over sheet rows r1..r2 and columns c1..c2
// (0-based, inclusive) to the visible grid, where rowAt and colAt give
// each sheet row and column its visible position (-1: hidden): its first visible row and column and the
// number of visible ones it covers.
func Visible(rowAt, colAt []int, r1, r2, c1, c2 int) (Range, bool) {
	rg := Range{Row: -1, Col: -1}
	for r := r1; r <= r2; r++ {
		if rowAt[r] >= 0 {
			if rg.Row < 0 {
				rg.Row = rowAt[r]
			}
			rg.Rows++
		}
	}
	for c := c1; c <= c2; c++ {
		if colAt[c] >= 0 {
			if rg.Col < 0 {
				rg.Col = colAt[c]
			}
			rg.Cols++
		}
	}
	return rg, rg.Row >= 0 && rg.Col >= 0
}

// Sheet is one sheet as read: the text of its visible cells, row by row
// (rows may be short or nil), and its merged ranges.
type Sheet struct {
	Name   string
	Rows   [][]string
	Merges []Range
	// Ruled, when set, reports whether the cell at a visible position has
	// a border. Offices rule their tables, which tells a table's total row
	// ("TỔNG CỘNG" alone in its row) or empty row from a note or a spacer.
	Ruled func(row, col int) bool
}

// Layout lays out the sheets of one workbook in order. The sheets' names
// are paragraphs before their blocks when more than one sheet has any:
// the name of a lone sheet ("Sheet1", "Trang tính1", or the title cut
// short) says nothing its cells do not, and a paragraph before the title
// would be read as part of it.
func Layout(sheets []*Sheet) []doc.Block {
	var blocks []doc.Block
	var named [][]doc.Block
	for _, s := range sheets {
		if b := s.Blocks(); len(b) > 0 {
			named = append(named, append([]doc.Block{{Kind: doc.Paragraph, Text: s.Name}}, b...))
		}
	}
	for _, b := range named {
		if len(named) == 1 {
			b = b[1:]
		}
		blocks = append(blocks, b...)
	}
	for i := range blocks {
		blocks[i].Index = i
	}
	return blocks
}

// Blocks lays the sheet out as paragraphs and tables (see the package
// comment), without its name.
func (s *Sheet) Blocks() []doc.Block {
	l := newLayout(s)
	// Regions are runs of rows without an empty one. A single empty row
	// between two rows of two or more filled cells is kept inside the
	// table: a table may have a blank row, and two tables are set apart
	// by more.
	type region struct{ from, to int }
	var regions []region
	for r := 0; r < len(s.Rows); {
		if l.empty(r) {
			r++
			continue
		}
		end := r
		for end < len(s.Rows) && !l.empty(end) {
			end++
		}
		if n := len(regions); n > 0 && regions[n-1].to+1 == r && l.multi(r) && l.multi(regions[n-1].to-1) {
			regions[n-1].to = end
		} else {
			regions = append(regions, region{r, end})
		}
		r = end
	}
	var blocks []doc.Block
	for _, rg := range regions {
		blocks = append(blocks, l.region(rg.from, rg.to)...)
	}
	return blocks
}

// layout holds a sheet with its merges indexed by position.
type layout struct {
	s *Sheet
	// origin maps each merge's top-left cell to the merge; covered maps
	// every other cell of a merge to its merge.
	origin  map[[2]int]Range
	covered map[[2]int]Range
	// reached marks rows into which a merge with text reaches from above.
	reached  map[int]bool
	rowRuled map[int]bool
	width    int // of the widest row
}

// newLayout indexes the merges, clipped to the sheet's rows and to its
// widest row: a merge past the last column holding text shows nothing.
// Merges that overlap an earlier one, which Excel refuses to make, are
// ignored, and so are merges past a total of MaxCells cells.
func newLayout(s *Sheet) *layout {
	l := &layout{s: s, origin: map[[2]int]Range{}, covered: map[[2]int]Range{}, reached: map[int]bool{}, rowRuled: map[int]bool{}}
	width := 0
	for _, row := range s.Rows {
		width = max(width, len(row))
	}
	l.width = width
	budget := MaxCells
	for _, m := range s.Merges {
		if m.Rows < 1 || m.Cols < 1 || m.Row < 0 || m.Col < 0 || m.Row >= len(s.Rows) || m.Col >= width {
			continue
		}
		m.Rows = min(m.Rows, len(s.Rows)-m.Row)
		m.Cols = min(m.Cols, width-m.Col)
		if m.Rows*m.Cols == 1 {
			continue
		}
		if budget -= m.Rows * m.Cols; budget < 0 {
			break
		}
		if _, dup := l.origin[[2]int{m.Row, m.Col}]; dup {
			continue
		}
		if _, in := l.covered[[2]int{m.Row, m.Col}]; in {
			continue // overlaps an earlier merge, which Excel would refuse
		}
		l.origin[[2]int{m.Row, m.Col}] = m
		text := l.text(m.Row, m.Col) != ""
		for r := m.Row; r < m.Row+m.Rows; r++ {
			l.reached[r] = l.reached[r] || (text && r > m.Row)
			for c := m.Col; c < m.Col+m.Cols; c++ {
				if r != m.Row || c != m.Col {
					l.covered[[2]int{r, c}] = m
				}
			}
		}
	}
	return l
}

// text returns the text of a cell, "" past the end of its row.
func (l *layout) text(r, c int) string {
	if row := l.s.Rows[r]; c < len(row) {
		return strings.TrimSpace(row[c])
	}
	return ""
}

// filled counts the row's cells with text of their own, and says whether
// a merge with text from a row above reaches into it.
func (l *layout) filled(r int) (n int, spanned bool) {
	for c := range l.s.Rows[r] {
		if _, in := l.covered[[2]int{r, c}]; in {
			continue
		}
		if l.text(r, c) != "" {
			n++
		}
	}
	return n, l.reached[r]
}

// multi reports a table row: two or more filled cells, or ruled cells.
func (l *layout) multi(r int) bool {
	n, _ := l.filled(r)
	return n >= 2 || l.ruled(r)
}

func (l *layout) empty(r int) bool {
	n, spanned := l.filled(r)
	return n == 0 && !spanned && !l.ruled(r)
}

// maxRuledCols is how far along a row a border is looked for.
const maxRuledCols = 64

// ruled reports a row with a ruled cell among its first columns, asked
// only of rows with fewer than two filled cells (and remembered).
func (l *layout) ruled(r int) bool {
	if l.s.Ruled == nil {
		return false
	}
	if v, ok := l.rowRuled[r]; ok {
		return v
	}
	v := false
	for c := range min(l.width, maxRuledCols) {
		if l.s.Ruled(r, c) {
			v = true
			break
		}
	}
	l.rowRuled[r] = v
	return v
}

// region lays out rows [from, to), none of them empty.
func (l *layout) region(from, to int) []doc.Block {
	first, last := -1, -1
	for r := from; r < to; r++ {
		if l.multi(r) {
			if first < 0 {
				first = r
			}
			last = r
		}
	}
	var blocks []doc.Block
	para := func(a, b int) {
		for r := a; r < b; r++ {
			var parts []string
			for c := range l.s.Rows[r] {
				if s := l.text(r, c); s != "" {
					parts = append(parts, s)
				}
			}
			if len(parts) > 0 {
				blocks = append(blocks, doc.Block{Kind: doc.Paragraph, Text: strings.Join(parts, " ")})
			}
		}
	}
	if first < 0 {
		para(from, to)
		return blocks
	}
	para(from, first)
	blocks = append(blocks, doc.Block{Kind: doc.TableKind, Table: l.table(first, last+1)})
	para(last+1, to)
	return blocks
}

// table builds the table of rows [from, to), from the leftmost to the
// rightmost column any of them uses.
func (l *layout) table(from, to int) *doc.Table {
	left, right := MaxCols, -1
	for r := from; r < to; r++ {
		for c := range l.s.Rows[r] {
			if l.text(r, c) != "" {
				left, right = min(left, c), max(right, c)
				if m, ok := l.origin[[2]int{r, c}]; ok {
					right = max(right, c+m.Cols-1)
				}
			}
		}
	}
	if left > right {
		left, right = 0, 0
	}
	// Empty columns at either side belong to the table when its first
	// row is ruled there (an STT column left blank).
	if l.s.Ruled != nil {
		for left > 0 && l.s.Ruled(from, left-1) {
			left--
		}
		for right+1 < min(l.width, maxRuledCols) && l.s.Ruled(from, right+1) {
			right++
		}
	}
	t := &doc.Table{Rows: make([][]doc.Cell, 0, to-from)}
	for r := from; r < to; r++ {
		row := make([]doc.Cell, 0, right-left+1)
		for c := left; c <= right; c++ {
			if m, in := l.covered[[2]int{r, c}]; in {
				// A merge that starts outside the table (above it, or left
				// of its first column) is cut at the table's edge: the
				// part inside is a cell of its own, without the text.
				if r == max(m.Row, from) && c == max(m.Col, left) {
					row = append(row, l.cell("", r, c, m, to, right))
				}
				continue
			}
			if m, ok := l.origin[[2]int{r, c}]; ok {
				row = append(row, l.cell(l.text(r, c), r, c, m, to, right))
				continue
			}
			row = append(row, doc.Cell{Text: l.text(r, c), RowSpan: 1, ColSpan: 1})
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// cell is the part of merge m that starts at (r, c), clipped to the table.
func (l *layout) cell(text string, r, c int, m Range, to, right int) doc.Cell {
	rows := min(m.Row+m.Rows, to) - r
	cols := min(m.Col+m.Cols-1, right) - c + 1
	return doc.Cell{Text: text, RowSpan: max(rows, 1), ColSpan: max(cols, 1)}
}
