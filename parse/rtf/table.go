package rtf

import (
	"slices"
	"strings"

	"chiso/doc"
)

const (
	noMerge = iota
	mergeStart
	mergeContinue
)

// cellDef is a cell as \trowd defines it: its right edge (\cellx, in
// twips) and merges.
type cellDef struct {
	right          int
	vmerge, hmerge int
}

// rowDef is the definition of the row being read.
type rowDef struct {
	left  int // \trleft
	cells []cellDef
	next  cellDef // properties of the cell whose \cellx comes next
}

// cellText is a cell's text as read up to \cell.
type cellText string

// tableRow is a row as read: its definition and its cells' text.
type tableRow struct {
	def   rowDef
	texts []string
}

// table is the table being read, laid out when it ends.
type table struct {
	rows  []tableRow
	cells int
}

// paragraphMark ends a paragraph (\par): in a table cell it starts a new
// line of the cell.
func (r *reader) paragraphMark() {
	if r.state.dest != body {
		return
	}
	r.flushRun()
	if r.state.intbl {
		r.para.WriteByte('\n')
		return
	}
	r.endParagraph(true)
}

// endParagraph adds the paragraph read so far; a paragraph outside a
// table ends the table before it. An empty paragraph is added only when
// it ends a table (whole lines of spacing are not blocks).
func (r *reader) endParagraph(mark bool) {
	r.flushRun()
	text := r.para.String()
	r.para.Reset()
	if len(r.nestRows) > 0 {
		text = strings.Join(append(r.nestRows, text), "\n")
		r.nestRows = nil
	}
	if r.table != nil && (mark || strings.TrimSpace(text) != "") {
		r.endTable()
	}
	if strings.TrimSpace(text) != "" {
		r.blocks = append(r.blocks, doc.Block{Kind: doc.Paragraph, Text: text})
	}
}

// endCell ends a cell (\cell).
func (r *reader) endCell() {
	if r.state.dest != body {
		return
	}
	r.flushRun()
	text := strings.Trim(r.para.String(), "\n")
	r.para.Reset()
	if len(r.nestRows) > 0 {
		lines := r.nestRows
		if strings.TrimSpace(text) != "" {
			lines = append(lines, text)
		}
		text = strings.Join(lines, "\n")
		r.nestRows = nil
	}
	if len(r.cells) < maxCols {
		r.cells = append(r.cells, cellText(text))
	}
}

// endRow ends a row (\row) with the row definition in effect.
func (r *reader) endRow() {
	if r.state.dest != body {
		return
	}
	r.flushRun()
	if strings.TrimSpace(r.para.String()) != "" {
		r.endCell() // text after the last \cell belongs to a cell
	}
	r.para.Reset()
	if r.table == nil {
		r.table = &table{}
	}
	texts := make([]string, len(r.cells))
	for i, c := range r.cells {
		texts[i] = string(c)
	}
	r.cells = nil
	if r.table.cells+len(texts) > maxCells {
		return
	}
	r.table.cells += len(texts)
	def := r.row
	def.cells = slices.Clone(def.cells)
	r.table.rows = append(r.table.rows, tableRow{def: def, texts: texts})
}

// endTable lays out the table read so far, if any, as a block.
func (r *reader) endTable() {
	if len(r.cells) > 0 {
		r.endRow()
	}
	t := r.table
	r.table = nil
	if t == nil || len(t.rows) == 0 {
		return
	}
	r.blocks = append(r.blocks, doc.Block{Kind: doc.TableKind, Table: t.layout()})
}

// layout places the cells on the grid of all the rows' cell edges, so
// that a cell spanning several edges of other rows gets a column span,
// and merges vertically merged cells into the first one.
func (t *table) layout() *doc.Table {
	var edges []int
	for _, row := range t.rows {
		edges = append(edges, row.def.left)
		for _, c := range row.def.cells {
			edges = append(edges, c.right)
		}
	}
	slices.Sort(edges)
	edges = slices.Compact(edges)
	if len(edges) > maxCols+1 {
		edges = edges[:maxCols+1]
	}
	col := func(x int) int {
		i, _ := slices.BinarySearch(edges, x)
		return min(i, len(edges)-1)
	}
	type origin struct{ row, idx, last, span int }
	origins := map[int]origin{}
	out := &doc.Table{}
	for r, row := range t.rows {
		var cells []doc.Cell
		left := row.def.left
		for i, text := range row.texts {
			def := cellDef{right: left + 1}
			if i < len(row.def.cells) {
				def = row.def.cells[i]
			} else if n := len(row.def.cells); n > 0 {
				// More cells than edges: Word lets such a row go on at
				// the width of its last cell.
				def.right = left + max(row.def.cells[n-1].right-edgeBefore(row.def, n-1), 1)
			}
			start, end := col(left), col(def.right)
			if def.right > edges[len(edges)-1] {
				end = start + 1
			}
			span := max(end-start, 1)
			left = max(def.right, left+1)
			if def.hmerge == mergeContinue && len(cells) > 0 {
				cells[len(cells)-1].ColSpan += span
				continue
			}
			if def.vmerge == mergeContinue {
				if o, ok := origins[start]; ok && o.last == r-1 && o.span == span {
					out.Rows[o.row][o.idx].RowSpan++
					o.last = r
					origins[start] = o
					continue
				}
			}
			delete(origins, start)
			if def.vmerge != noMerge {
				origins[start] = origin{row: r, idx: len(cells), last: r, span: span}
			}
			cells = append(cells, doc.Cell{Text: text, RowSpan: 1, ColSpan: span})
		}
		out.Rows = append(out.Rows, cells)
	}
	return out
}

// edgeBefore is the left edge of cell i of a row.
func edgeBefore(def rowDef, i int) int {
	if i == 0 {
		return def.left
	}
	return def.cells[i-1].right
}
