package msdoc

import (
	"slices"
	"strings"

	"chiso/doc"
)

// tap is what a row's table properties (TAP) say of its cells:
// sprmTDefTable's cell edges and TC80 merge flags, and sprmTVertMerge.
type tap struct {
	edges  []int  // rgdxaCenter: itcMac+1 positions in twips
	merged []bool // fMerged: the cell continues the one to its left
	vmerge []int  // noMerge, mergeStart or mergeContinue
}

const (
	noMerge = iota
	mergeStart
	mergeContinue
)

const (
	maxCells   = 63  // itcMac: Word's limit of cells in a row
	maxGrid    = 256 // distinct cell edges in one table, beyond which the edges are not used
	maxNesting = 32  // table depth (sprmPItap) taken as given; deeper is read as this deep
)

// readTDefTable reads a TDefTableOperand after its size: itcMac, the
// itcMac+1 edges, then up to itcMac TC80s (20 bytes: tcgrf first).
func readTDefTable(b []byte) *tap {
	n := min(int(byteAt(b, 0)), maxCells, (len(b)-3)/2)
	if n <= 0 {
		return nil
	}
	t := &tap{edges: make([]int, n+1), merged: make([]bool, n), vmerge: make([]int, n)}
	for i := range t.edges {
		t.edges[i] = int(int16(le16(b, 1+2*i)))
	}
	tc := 1 + 2*(n+1)
	for i := 0; i < n && tc+20*i+2 <= len(b); i++ {
		grf := le16(b, tc+20*i)
		t.merged[i] = grf&0x0002 != 0
		switch {
		case grf&0x0040 != 0: // fVertRestart
			t.vmerge[i] = mergeStart
		case grf&0x0020 != 0: // fVertMerge
			t.vmerge[i] = mergeContinue
		}
	}
	return t
}

// edgesOf returns the edges of a row's first n cells.
func (t *tap) edgesOf(n int) []int {
	if t == nil {
		return nil
	}
	return t.edges[:min(n+1, len(t.edges))]
}

// vertMerge applies a sprmTVertMerge operand: cell index, then 0 (not
// merged), 1 (merged with the cell above) or 3 (starts a merge).
func (t *tap) vertMerge(b []byte) {
	if t == nil || len(b) < 2 || int(b[0]) >= len(t.vmerge) {
		return
	}
	switch b[1] {
	case 0:
		t.vmerge[b[0]] = noMerge
	case 1:
		t.vmerge[b[0]] = mergeContinue
	case 3:
		t.vmerge[b[0]] = mergeStart
	}
}

// para is a paragraph as the body needs it: its text and where it stands
// in tables.
type para struct {
	text    string
	depth   int  // table nesting, 0 outside tables
	cellEnd bool // ends a cell at its depth
	rowEnd  bool // ends a row at its depth (the TTP), carrying tap
	tap     *tap
}

// para says where a paragraph with this mark stands in tables. Cells at
// depth 1 end with a cell mark (0x07) and rows with a TTP; deeper cells
// and rows end with paragraph marks flagged sprmPFInnerTableCell and
// sprmPFInnerTtp.
func (pp paraProps) para(text string, mark rune) para {
	p := para{text: text, depth: min(max(pp.itap, 0), maxNesting), tap: pp.tap}
	if p.depth == 0 && (pp.inTable || mark == 0x07) {
		p.depth = 1
	}
	switch {
	case p.depth == 1:
		p.rowEnd = pp.ttp
		p.cellEnd = mark == 0x07 && !pp.ttp
	case p.depth > 1:
		p.rowEnd = pp.innerTtp
		p.cellEnd = pp.innerCell && !pp.innerTtp
	}
	return p
}

// body collects the document's blocks; stack[i] is the table open at
// depth i+1.
type body struct {
	blocks []doc.Block
	stack  []*tableBuilder
}

func (b *body) add(p para) {
	for len(b.stack) > p.depth {
		b.close()
	}
	if p.depth == 0 {
		if p.text != "" {
			b.blocks = append(b.blocks, doc.Block{Kind: doc.Paragraph, Text: p.text})
		}
		return
	}
	for len(b.stack) < p.depth {
		b.stack = append(b.stack, new(tableBuilder))
	}
	t := b.stack[p.depth-1]
	switch {
	case p.rowEnd:
		t.endRow(p.tap)
	case p.cellEnd:
		t.lines = append(t.lines, p.text)
		t.endCell()
	default:
		t.lines = append(t.lines, p.text)
	}
}

// close ends the innermost open table: a table at depth 1 becomes a
// block, a nested one lines of its parent's current cell.
func (b *body) close() {
	n := len(b.stack)
	t := b.stack[n-1].table()
	b.stack = b.stack[:n-1]
	if n > 1 {
		if s := flatten(t); s != "" {
			b.stack[n-2].lines = append(b.stack[n-2].lines, s)
		}
		return
	}
	if len(t.Rows) > 0 {
		b.blocks = append(b.blocks, doc.Block{Kind: doc.TableKind, Table: t})
	}
}

// finish closes open tables and numbers the blocks.
func (b *body) finish() []doc.Block {
	for len(b.stack) > 0 {
		b.close()
	}
	for i := range b.blocks {
		b.blocks[i].Index = i
	}
	return b.blocks
}

// tableBuilder collects a table's rows as read: each row's cell texts and
// its TAP, laid out when the table ends, once every row's edges are known.
type tableBuilder struct {
	rows  []rowIn
	cells []string // finished cells of the current row
	lines []string // paragraphs of the current cell
}

type rowIn struct {
	cells []string
	tap   *tap
}

func (t *tableBuilder) endCell() {
	t.cells = append(t.cells, strings.Trim(strings.Join(t.lines, "\n"), "\n"))
	t.lines = t.lines[:0]
}

func (t *tableBuilder) endRow(tp *tap) {
	if len(t.lines) > 0 && strings.Join(t.lines, "") != "" {
		// Text between the last cell mark and the row's end.
		t.endCell()
	}
	t.lines = t.lines[:0]
	t.rows = append(t.rows, rowIn{t.cells, tp})
	t.cells = nil
}

// table lays the rows out on the table's grid: the distinct cell edges of
// all its rows, as Word draws them. A cell spans the grid columns between
// its edges; a row that starts right of the table's left edge gets empty
// cells in front (as w:gridBefore does in DOCX); cells flagged fMerged
// join the cell to their left, and vertically merged cells the cell
// above.
func (t *tableBuilder) table() *doc.Table {
	if len(t.cells) > 0 || len(t.lines) > 0 {
		t.endRow(nil)
	}
	var edges []int
	for _, r := range t.rows {
		edges = append(edges, r.tap.edgesOf(len(r.cells))...)
	}
	slices.Sort(edges)
	edges = slices.Compact(edges)
	if len(edges) > maxGrid {
		edges = nil
	}
	col := func(x int) int { i, _ := slices.BinarySearch(edges, x); return i }
	var g gridBuilder
	for _, r := range t.rows {
		g.startRow()
		tp := r.tap
		if edges == nil || !slices.IsSorted(tp.edgesOf(len(r.cells))) {
			// Edges out of order (a damaged row) would give spans wider
			// than the grid.
			tp = nil
		}
		for i, text := range r.cells {
			c := cell{text: text, span: 1}
			if tp != nil && i+1 < len(tp.edges) {
				if i == 0 {
					g.before(col(tp.edges[0]))
				}
				if s := col(tp.edges[i+1]) - col(tp.edges[i]); s > 0 {
					c.span = s
				}
				c.hCont = tp.merged[i]
				c.vMerge = tp.vmerge[i]
			}
			g.add(c)
		}
	}
	return &doc.Table{Rows: g.rows}
}

// cell is a cell as read, before layout.
type cell struct {
	text   string
	span   int  // grid columns
	vMerge int  // noMerge, mergeStart or mergeContinue
	hCont  bool // fMerged: part of the cell to its left
}

// gridBuilder places cells on the grid as the model wants them: a merged
// cell once, at its top-left, with its spans.
type gridBuilder struct {
	rows    [][]doc.Cell
	col     int // grid column where the next cell of the current row starts
	origins map[int]origin
}

// origin is a cell that starts or continues a vertical merge, keyed by its
// grid column.
type origin struct {
	row, idx int // position of the merged cell in rows
	last     int // last row the merge reached
	span     int // its grid columns
}

func (g *gridBuilder) startRow() {
	g.rows = append(g.rows, nil)
	g.col = 0
}

// before adds n empty cells for the grid columns a row leaves empty at
// its start.
func (g *gridBuilder) before(n int) {
	for range min(n, maxGrid) {
		g.add(cell{span: 1})
	}
}

func (g *gridBuilder) add(c cell) {
	r := len(g.rows) - 1
	row := g.rows[r]
	if c.hCont && len(row) > 0 {
		last := &row[len(row)-1]
		last.ColSpan += c.span
		last.Text = joinText(last.Text, c.text)
		g.col += c.span
		return
	}
	if c.vMerge == mergeContinue {
		if o, ok := g.origins[g.col]; ok && o.last == r-1 && o.span == c.span {
			top := &g.rows[o.row][o.idx]
			top.RowSpan++
			top.Text = joinText(top.Text, c.text)
			o.last = r
			g.origins[g.col] = o
			g.col += c.span
			return
		}
		// A continuation with nothing above it to merge with: Word
		// shows it as an ordinary cell.
	}
	for k := g.col; k < g.col+c.span; k++ {
		delete(g.origins, k)
	}
	if c.vMerge != noMerge {
		if g.origins == nil {
			g.origins = make(map[int]origin)
		}
		g.origins[g.col] = origin{row: r, idx: len(row), last: r, span: c.span}
	}
	g.rows[r] = append(row, doc.Cell{Text: c.text, RowSpan: 1, ColSpan: c.span})
	g.col += c.span
}

// joinText keeps the text of a cell merged into another, which Word
// shows below the first's.
func joinText(a, b string) string {
	switch {
	case b == "":
		return a
	case a == "":
		return b
	}
	return a + "\n" + b
}

// flatten writes a table nested in a cell as text: one line per row,
// cells separated by " | " (a tab would be lost when vntext.Clean
// collapses spaces). Rows with no text are left out.
func flatten(t *doc.Table) string {
	var lines []string
	for _, row := range t.Rows {
		cells := make([]string, len(row))
		empty := true
		for i, c := range row {
			cells[i] = strings.Join(strings.Fields(c.Text), " ")
			empty = empty && cells[i] == ""
		}
		if !empty {
			lines = append(lines, strings.Join(cells, " | "))
		}
	}
	return strings.Join(lines, "\n")
}
