package odf

import (
	"encoding/xml"
	"strconv"
	"strings"

	"chiso/doc"
)

// walker reads the body of a text document.
type walker struct {
	dec    *decoder
	blocks []doc.Block
	styles map[string]*listStyle
	// lists are the open text:list elements, innermost last.
	lists []*listState
	// counters hold each list style's numbers by level, so that a list
	// that continues an earlier one goes on counting.
	counters map[string][]int
	pending  string // a list label waiting for its item's first paragraph
}

// listStyle is a text:list-style: how each level numbers its items.
type listStyle struct {
	levels map[int]levelStyle
}

type levelStyle struct {
	format, prefix, suffix string
	start, display         int
}

type listState struct {
	style string
	level int // 1 for the outermost list
}

func readText(dec *decoder, d *doc.Document) error {
	w := &walker{dec: dec, styles: map[string]*listStyle{}, counters: map[string][]int{}}
	for {
		tok, err := dec.token()
		if err != nil {
			return err
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch {
		case is(se.Name, nsText, "list-style"):
			if err := w.listStyle(se); err != nil {
				return err
			}
		case is(se.Name, nsOffice, "text"):
			if err := w.body(1); err != nil {
				return err
			}
			d.Blocks = w.blocks
			return nil
		}
	}
}

// listStyle reads a text:list-style's numbered levels.
func (w *walker) listStyle(se xml.StartElement) error {
	ls := &listStyle{levels: map[int]levelStyle{}}
	w.styles[attr(se, nsStyle, "name")] = ls
	for {
		tok, err := w.dec.token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			if is(t.Name, nsText, "list-style") {
				return nil
			}
		case xml.StartElement:
			if is(t.Name, nsText, "list-level-style-number") {
				level, _ := strconv.Atoi(attr(t, nsText, "level"))
				start, err := strconv.Atoi(attr(t, nsText, "start-value"))
				if err != nil {
					start = 1
				}
				display, _ := strconv.Atoi(attr(t, nsText, "display-levels"))
				ls.levels[level] = levelStyle{format: attr(t, nsStyle, "num-format"), prefix: attr(t, nsStyle, "num-prefix"),
					suffix: attr(t, nsStyle, "num-suffix"), start: start, display: max(display, 1)}
			}
		}
	}
}

// body reads block content up to the end of the element whose start tag
// was just read: paragraphs, headings, lists, tables, sections.
func (w *walker) body(depth int) error {
	for {
		tok, err := w.dec.token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return nil
		case xml.StartElement:
			if err := w.block(t, depth); err != nil {
				return err
			}
		}
	}
}

// block reads one element of block content.
func (w *walker) block(t xml.StartElement, depth int) error {
	if depth > 4*maxNesting {
		return w.dec.errorf("elements nested deeper than %d", 4*maxNesting)
	}
	switch {
	case is(t.Name, nsText, "p"), is(t.Name, nsText, "h"):
		s, err := w.paragraph()
		if err != nil {
			return err
		}
		w.blocks = append(w.blocks, doc.Block{Kind: doc.Paragraph, Text: s})
	case is(t.Name, nsTable, "table"):
		tbl, err := w.table(depth)
		if err != nil {
			return err
		}
		w.blocks = append(w.blocks, doc.Block{Kind: doc.TableKind, Table: tbl})
	case is(t.Name, nsText, "list"):
		return w.list(t, depth)
	case is(t.Name, nsText, "tracked-changes"), is(t.Name, nsText, "sequence-decls"), is(t.Name, nsOffice, "forms"),
		is(t.Name, nsOffice, "annotation"), is(t.Name, nsText, "note"):
		return w.dec.skip()
	default:
		return w.body(depth + 1) // sections, index bodies and the like
	}
	return nil
}

// list reads a text:list, numbering its items.
func (w *walker) list(t xml.StartElement, depth int) error {
	style := attr(t, nsText, "style-name")
	level := 1
	if n := len(w.lists); n > 0 {
		level = w.lists[n-1].level + 1
		if style == "" {
			style = w.lists[n-1].style
		}
	} else if attr(t, nsText, "continue-numbering") != "true" && attr(t, nsText, "continue-list") == "" {
		delete(w.counters, style)
	}
	if len(w.lists) >= maxNesting {
		return w.dec.errorf("lists nested deeper than %d", maxNesting)
	}
	w.lists = append(w.lists, &listState{style: style, level: level})
	defer func() { w.lists = w.lists[:len(w.lists)-1] }()
	for {
		tok, err := w.dec.token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return nil
		case xml.StartElement:
			if is(t.Name, nsText, "list-item") || is(t.Name, nsText, "list-header") {
				if is(t.Name, nsText, "list-item") {
					w.pending = w.label(style, level, attr(t, nsText, "start-value"))
				}
				err = w.body(depth + 1)
				w.pending = ""
			} else {
				err = w.dec.skip()
			}
			if err != nil {
				return err
			}
		}
	}
}

// label counts an item of a list at level and returns its label, "" for
// a level that is not numbered.
func (w *walker) label(style string, level int, startValue string) string {
	ls := w.styles[style]
	c := w.counters[style]
	for len(c) < level {
		c = append(c, 0)
	}
	c = c[:level] // deeper levels restart
	lv, numbered := levelStyle{}, false
	if ls != nil {
		lv, numbered = ls.levels[level]
	}
	if n, err := strconv.Atoi(startValue); err == nil {
		c[level-1] = n
	} else if c[level-1] == 0 && numbered {
		c[level-1] = lv.start
	} else {
		c[level-1]++
	}
	w.counters[style] = c
	if !numbered || lv.format == "" {
		return ""
	}
	var parts []string
	for l := max(level-lv.display+1, 1); l <= level; l++ {
		f := lv.format
		if l != level && ls.levels[l].format != "" {
			f = ls.levels[l].format
		}
		parts = append(parts, number(c[l-1], f))
	}
	return lv.prefix + strings.Join(parts, ".") + lv.suffix
}

// number writes n in an ODF number format: 1, a, A, i, I.
func number(n int, format string) string {
	switch format {
	case "a", "A":
		if n < 1 {
			return strconv.Itoa(n)
		}
		var b []byte
		for ; n > 0; n = (n - 1) / 26 {
			b = append([]byte{byte('a' + (n-1)%26)}, b...)
		}
		if format == "A" {
			return strings.ToUpper(string(b))
		}
		return string(b)
	case "i", "I":
		if n < 1 || n > 3999 {
			return strconv.Itoa(n)
		}
		var b strings.Builder
		for _, r := range []struct {
			v int
			s string
		}{{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"}, {40, "xl"}, {10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}} {
			for ; n >= r.v; n -= r.v {
				b.WriteString(r.s)
			}
		}
		if format == "I" {
			return strings.ToUpper(b.String())
		}
		return b.String()
	}
	return strconv.Itoa(n)
}

// paragraph reads a text:p or text:h whose start tag was just read and
// returns its text, with the pending list label before it.
func (w *walker) paragraph() (string, error) {
	var b strings.Builder
	if w.pending != "" {
		b.WriteString(w.pending)
		b.WriteByte(' ')
		w.pending = ""
	}
	if err := w.inline(&b, 0); err != nil {
		return "", err
	}
	return b.String(), nil
}

// inline writes the text of inline content up to the end of the element
// whose start tag was just read.
func (w *walker) inline(b *strings.Builder, depth int) error {
	if depth > 4*maxNesting {
		return w.dec.errorf("elements nested deeper than %d", 4*maxNesting)
	}
	for {
		tok, err := w.dec.token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return nil
		case xml.CharData:
			b.Write(t)
		case xml.StartElement:
			switch {
			case is(t.Name, nsText, "s"):
				n, err := strconv.Atoi(attr(t, nsText, "c"))
				if err != nil {
					n = 1
				}
				b.WriteString(strings.Repeat(" ", min(max(n, 1), 100)))
				err = w.dec.skip()
			case is(t.Name, nsText, "tab"):
				b.WriteByte('\t')
				err = w.dec.skip()
			case is(t.Name, nsText, "line-break"):
				b.WriteByte('\n')
				err = w.dec.skip()
			case is(t.Name, nsText, "note"), is(t.Name, nsOffice, "annotation"), is(t.Name, nsText, "tracked-changes"),
				t.Name.Space == "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0":
				err = w.dec.skip()
			default:
				err = w.inline(b, depth+1)
			}
			if err != nil {
				return err
			}
		}
	}
}

// table reads a table:table whose start tag was just read.
func (w *walker) table(depth int) (*doc.Table, error) {
	if depth > maxNesting {
		return nil, w.dec.errorf("tables nested deeper than %d", maxNesting)
	}
	t := &doc.Table{}
	cells, width := 0, 0
	var rows func() error
	rows = func() error {
		for {
			tok, err := w.dec.token()
			if err != nil {
				return err
			}
			switch e := tok.(type) {
			case xml.EndElement:
				return nil
			case xml.StartElement:
				switch {
				case is(e.Name, nsTable, "table-row"):
					row, covered, err := w.row(depth)
					width = max(width, len(row)+covered)
					if err != nil {
						return err
					}
					n, _ := strconv.Atoi(attr(e, nsTable, "number-rows-repeated"))
					for range min(max(n, 1), 1000) {
						if len(t.Rows) >= maxRows || cells+len(row) > maxCells {
							return w.dec.errorf("a table of more than %d rows or %d cells", maxRows, maxCells)
						}
						t.Rows = append(t.Rows, append([]doc.Cell(nil), row...))
						cells += len(row)
					}
				case is(e.Name, nsTable, "table-header-rows"), is(e.Name, nsTable, "table-rows"), is(e.Name, nsTable, "table-row-group"):
					if err := rows(); err != nil {
						return err
					}
				default:
					if err := w.dec.skip(); err != nil {
						return err
					}
				}
			}
		}
	}
	if err := rows(); err != nil {
		return nil, err
	}
	// Trailing empty rows repeated to fill a page are not the table's.
	for len(t.Rows) > 0 && emptyRow(t.Rows[len(t.Rows)-1]) && len(t.Rows) > 1 {
		t.Rows = t.Rows[:len(t.Rows)-1]
	}
	clampSpans(t, width)
	return t, nil
}

const (
	maxRows  = 100_000
	maxCells = 2_000_000
	maxCols  = 1024
)

func emptyRow(row []doc.Cell) bool {
	for _, c := range row {
		if c.Text != "" || c.RowSpan > 1 || c.ColSpan > 1 {
			return false
		}
	}
	return true
}

// row reads a table:table-row of a text document.
func (w *walker) row(depth int) ([]doc.Cell, int, error) {
	var row []doc.Cell
	covered := 0
	for {
		tok, err := w.dec.token()
		if err != nil {
			return nil, 0, err
		}
		switch e := tok.(type) {
		case xml.EndElement:
			return row, covered, nil
		case xml.StartElement:
			if is(e.Name, nsTable, "covered-table-cell") {
				n, _ := strconv.Atoi(attr(e, nsTable, "number-columns-repeated"))
				covered += min(max(n, 1), maxCols)
			}
			if !is(e.Name, nsTable, "table-cell") {
				if err := w.dec.skip(); err != nil {
					return nil, 0, err
				}
				continue
			}
			text, err := w.cell(depth)
			if err != nil {
				return nil, 0, err
			}
			rs, _ := strconv.Atoi(attr(e, nsTable, "number-rows-spanned"))
			cs, _ := strconv.Atoi(attr(e, nsTable, "number-columns-spanned"))
			n, _ := strconv.Atoi(attr(e, nsTable, "number-columns-repeated"))
			for range min(max(n, 1), maxCols) {
				if len(row) >= maxCols {
					return nil, 0, w.dec.errorf("a table row of more than %d cells", maxCols)
				}
				row = append(row, doc.Cell{Text: text, RowSpan: min(max(rs, 1), maxRows), ColSpan: min(max(cs, 1), maxCols)})
			}
		}
	}
}

// cell reads a table:table-cell: its paragraphs as lines, a nested table
// as lines of " | "-separated cells.
func (w *walker) cell(depth int) (string, error) {
	saved := w.blocks
	w.blocks = nil
	err := w.body(depth + 1)
	inner := w.blocks
	w.blocks = saved
	if err != nil {
		return "", err
	}
	var lines []string
	for _, b := range inner {
		if b.Kind == doc.TableKind {
			if s := flatten(b.Table); s != "" {
				lines = append(lines, s)
			}
			continue
		}
		lines = append(lines, b.Text)
	}
	return strings.Trim(strings.Join(lines, "\n"), "\n"), nil
}

// flatten writes a nested table as one line per row, cells separated by
// " | ", as parse/docx does. Rows with no text are left out.
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

// clampSpans keeps spans inside the table, as browsers do: a row's column
// spans add up to at most the table's width (cells and covered cells of
// its widest row), a row span reaches
// at most the last row. A crafted span would otherwise make the table's
// grid, which later stages build, as large as the span claims.
func clampSpans(t *doc.Table, width int) {
	for r, row := range t.Rows {
		used := 0
		for i := range row {
			row[i].ColSpan = max(min(row[i].ColSpan, width-used-(len(row)-i-1)), 1)
			used += row[i].ColSpan
			row[i].RowSpan = max(min(row[i].RowSpan, len(t.Rows)-r), 1)
		}
	}
}
