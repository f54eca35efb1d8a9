package docx

import (
	"encoding/xml"
	"strconv"
	"strings"

	"chiso/doc"
)

// tableBuilder lays out w:tr/w:tc into doc.Table rows. Word places cells
// on a column grid (w:gridSpan, w:gridBefore) and merges vertically by
// marking the cells below the first as continuations (w:vMerge); the
// model wants HTML's shape instead, so a continuation is dropped and the
// cell that started the merge gets a RowSpan.
type tableBuilder struct {
	rows    [][]doc.Cell
	col     int  // grid column where the next cell of the current row starts
	inRow   bool // a w:tr is open
	origins map[int]origin
}

// origin is a cell that starts or continues a vertical merge, keyed by its
// grid column.
type origin struct {
	row, idx int // position of the merged cell in rows
	last     int // last row the merge reached
	span     int // its grid columns
}

// cell is a w:tc as read, before layout.
type cell struct {
	text   string
	span   int  // w:gridSpan
	vMerge int  // noMerge, mergeStart or mergeContinue
	hCont  bool // w:hMerge continue: part of the cell to its left
}

const (
	noMerge = iota
	mergeStart
	mergeContinue
)

func (t *tableBuilder) startRow() {
	t.rows = append(t.rows, nil)
	t.col, t.inRow = 0, true
}

// gridBefore adds the grid columns a row skips at its start (w:trPr comes
// before the row's cells) as empty cells, so that its other cells keep
// their grid columns.
func (t *tableBuilder) gridBefore(n int) {
	if !t.inRow || len(t.rows[len(t.rows)-1]) > 0 {
		return
	}
	for range min(max(n, 0), 64) {
		t.add(cell{span: 1})
	}
}

func (t *tableBuilder) endRow() { t.inRow = false }

func (t *tableBuilder) add(c cell) {
	if !t.inRow {
		t.startRow()
	}
	r := len(t.rows) - 1
	span := max(c.span, 1)
	row := t.rows[r]
	if c.hCont && len(row) > 0 {
		row[len(row)-1].ColSpan += span
		t.col += span
		return
	}
	if c.vMerge == mergeContinue {
		if o, ok := t.origins[t.col]; ok && o.last == r-1 && o.span == span {
			t.rows[o.row][o.idx].RowSpan++
			o.last = r
			t.origins[t.col] = o
			t.col += span
			return
		}
		// A continuation with nothing above it to merge with: Word
		// shows it as an ordinary cell.
	}
	for k := t.col; k < t.col+span; k++ {
		delete(t.origins, k)
	}
	if c.vMerge != noMerge {
		if t.origins == nil {
			t.origins = make(map[int]origin)
		}
		t.origins[t.col] = origin{row: r, idx: len(row), last: r, span: span}
	}
	t.rows[r] = append(row, doc.Cell{Text: c.text, RowSpan: 1, ColSpan: span})
	t.col += span
}

func (t *tableBuilder) table() *doc.Table { return &doc.Table{Rows: t.rows} }

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

// table reads a w:tbl whose start tag has been read, up to its end tag.
func (w *walker) table(depth int) (*doc.Table, error) {
	var t tableBuilder
	for {
		tok, err := w.token()
		if err != nil {
			return nil, err
		}
		if done, err := w.common(tok); err != nil {
			return nil, err
		} else if done {
			continue
		}
		switch tk := tok.(type) {
		case xml.EndElement:
			switch {
			case isW(tk.Name, "tbl"):
				return t.table(), nil
			case isW(tk.Name, "tr"):
				t.endRow()
			}
		case xml.StartElement:
			switch {
			case isW(tk.Name, "tr"):
				t.startRow()
			case isW(tk.Name, "trPr"):
				props, err := w.props("gridBefore")
				if err != nil {
					return nil, err
				}
				if props[0] != nil {
					n, _ := strconv.Atoi(props[0].Val)
					t.gridBefore(n)
				}
			case isW(tk.Name, "tc"):
				c, err := w.cell(depth)
				if err != nil {
					return nil, err
				}
				t.add(c)
			case isW(tk.Name, "p"):
				// A paragraph between rows (not valid WordprocessingML):
				// read past it so that its runs are not taken for
				// the table's.
				if _, err := w.paragraph(depth); err != nil {
					return nil, err
				}
			}
		}
	}
}

// cell reads a w:tc whose start tag has been read, up to its end tag.
// Paragraphs become lines; a nested table becomes lines of " | "-separated
// cells.
func (w *walker) cell(depth int) (cell, error) {
	c := cell{span: 1}
	var lines []string
	for {
		tok, err := w.token()
		if err != nil {
			return c, err
		}
		if done, err := w.common(tok); err != nil {
			return c, err
		} else if done {
			continue
		}
		switch t := tok.(type) {
		case xml.EndElement:
			if isW(t.Name, "tc") {
				c.text = strings.Trim(strings.Join(lines, "\n"), "\n")
				return c, nil
			}
		case xml.StartElement:
			switch {
			case isW(t.Name, "tcPr"):
				props, err := w.props("gridSpan", "vMerge", "hMerge")
				if err != nil {
					return c, err
				}
				span, vMerge, hMerge := props[0], props[1], props[2]
				if span != nil {
					if n, err := strconv.Atoi(span.Val); err == nil {
						c.span = min(max(n, 1), 64)
					}
				}
				if vMerge != nil {
					c.vMerge = mergeContinue // no w:val means continue
					if vMerge.Val == "restart" {
						c.vMerge = mergeStart
					}
				}
				c.hCont = hMerge != nil && hMerge.Val != "restart"
			case isW(t.Name, "p"):
				text, err := w.paragraph(depth)
				if err != nil {
					return c, err
				}
				lines = append(lines, text)
			case isW(t.Name, "tbl"):
				if depth+1 > maxNesting {
					return c, w.errorf("tables nested deeper than %d", maxNesting)
				}
				nested, err := w.table(depth + 1)
				if err != nil {
					return c, err
				}
				if s := flatten(nested); s != "" {
					lines = append(lines, s)
				}
			}
		}
	}
}
