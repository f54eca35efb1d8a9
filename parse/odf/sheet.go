package odf

import (
	"encoding/xml"
	"math"
	"strconv"
	"strings"

	"chiso/doc"
	"chiso/parse/sheet"
)

// book reads the sheets of a spreadsheet document.
type book struct {
	dec *decoder
	// ruled holds the names of the cell styles that draw a border.
	ruled  map[string]bool
	budget int // filled cells left
}

func readSheets(dec *decoder, d *doc.Document) error {
	b := &book{dec: dec, ruled: map[string]bool{}, budget: sheet.MaxCells}
	var sheets []*sheet.Sheet
	for {
		tok, err := dec.token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case is(t.Name, nsStyle, "style"):
				if err := b.style(t); err != nil {
					return err
				}
			case is(t.Name, nsTable, "table"):
				s, hidden, err := b.sheet(t)
				if err != nil {
					return err
				}
				if hidden {
					d.Warnings = append(d.Warnings, "sheet "+strconv.Quote(s.Name)+" is hidden and not read")
					continue
				}
				sheets = append(sheets, s)
			}
		case xml.EndElement:
			if is(t.Name, nsOffice, "spreadsheet") {
				d.Blocks = sheet.Layout(sheets)
				return nil
			}
		}
	}
}

// style reads a style:style, noting cell styles with a border.
func (b *book) style(se xml.StartElement) error {
	name := attr(se, nsStyle, "name")
	for {
		tok, err := b.dec.token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			if is(t.Name, nsStyle, "style") {
				return nil
			}
		case xml.StartElement:
			if is(t.Name, nsStyle, "table-cell-properties") {
				for _, a := range t.Attr {
					if a.Name.Space == nsFO && strings.HasPrefix(a.Name.Local, "border") && a.Value != "" && a.Value != "none" {
						b.ruled[name] = true
					}
				}
			}
		}
	}
}

// odsSheet is a sheet being read: rows are kept only up to the last one
// with content, so that the million empty rows a sheet may declare cost
// nothing.
type odsSheet struct {
	s        *sheet.Sheet
	row      int // visible rows so far, kept or not
	colStyle []string
	colShown []bool
	ruled    map[[2]int]bool
	// shownPrefix[c] counts the visible columns before c; anyRuled is 0
	// until known, then 1 (no column style is ruled) or 2.
	shownPrefix []int
	anyRuled    int
}

// sheet reads a table:table of a spreadsheet.
func (b *book) sheet(se xml.StartElement) (*sheet.Sheet, bool, error) {
	o := &odsSheet{s: &sheet.Sheet{Name: attr(se, nsTable, "name")}, ruled: map[[2]int]bool{}}
	o.s.Ruled = func(r, c int) bool { return o.ruled[[2]int{r, c}] }
	hidden := attr(se, nsTable, "display") == "false"
	var walk func(depth int) error
	walk = func(depth int) error {
		if depth > maxNesting {
			return b.dec.errorf("row groups nested deeper than %d", maxNesting)
		}
		for {
			tok, err := b.dec.token()
			if err != nil {
				return err
			}
			switch t := tok.(type) {
			case xml.EndElement:
				return nil
			case xml.StartElement:
				switch {
				case is(t.Name, nsTable, "table-column"):
					n, _ := strconv.Atoi(attr(t, nsTable, "number-columns-repeated"))
					for range min(max(n, 1), sheet.MaxCols-len(o.colShown)) {
						o.colShown = append(o.colShown, attr(t, nsTable, "visibility") != "collapse")
						o.colStyle = append(o.colStyle, attr(t, nsTable, "default-cell-style-name"))
					}
					err = b.dec.skip()
				case is(t.Name, nsTable, "table-row"):
					err = b.row(o, t)
				case is(t.Name, nsTable, "table-columns"), is(t.Name, nsTable, "table-header-columns"), is(t.Name, nsTable, "table-column-group"),
					is(t.Name, nsTable, "table-rows"), is(t.Name, nsTable, "table-header-rows"), is(t.Name, nsTable, "table-row-group"):
					err = walk(depth + 1)
				default:
					err = b.dec.skip()
				}
				if err != nil {
					return err
				}
			}
		}
	}
	if err := walk(0); err != nil {
		return nil, false, err
	}
	return o.s, hidden, nil
}

// maxBlankRepeat is the most times an empty row is repeated as rows of
// the sheet; more is formatting down to the sheet's end.
const maxBlankRepeat = 64

// row reads a table:table-row.
func (b *book) row(o *odsSheet, se xml.StartElement) error {
	var texts []string
	var merges []sheet.Range
	var ruled []int
	col, vis := 0, 0 // sheet column, visible column
	for {
		tok, err := b.dec.token()
		if err != nil {
			return err
		}
		if e, ok := tok.(xml.EndElement); ok && is(e.Name, nsTable, "table-row") {
			break
		}
		t, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		covered := is(t.Name, nsTable, "covered-table-cell")
		if !covered && !is(t.Name, nsTable, "table-cell") {
			if err := b.dec.skip(); err != nil {
				return err
			}
			continue
		}
		text := ""
		if covered {
			err = b.dec.skip()
		} else {
			text, err = b.cellText(t)
		}
		if err != nil {
			return err
		}
		style := attr(t, nsTable, "style-name")
		n, _ := strconv.Atoi(attr(t, nsTable, "number-columns-repeated"))
		n = min(max(n, 1), sheet.MaxCols)
		rs, _ := strconv.Atoi(attr(t, nsTable, "number-rows-spanned"))
		cs, _ := strconv.Atoi(attr(t, nsTable, "number-columns-spanned"))
		if text == "" && rs <= 1 && cs <= 1 && !b.ruled[style] && (style != "" || !o.ruledCols(b)) {
			// Empty cells, often repeated to the sheet's last column:
			// only the columns they take count.
			end := min(col+n, sheet.MaxCols)
			vis += o.shownBetween(col, end)
			col = end
			continue
		}
		for range n {
			if col >= sheet.MaxCols {
				break
			}
			shown := col >= len(o.colShown) || o.colShown[col]
			if shown {
				st := style
				if st == "" && col < len(o.colStyle) {
					st = o.colStyle[col]
				}
				if b.ruled[st] && vis < 64 {
					ruled = append(ruled, vis)
				}
				if text != "" {
					if b.budget--; b.budget < 0 {
						return b.dec.errorf("more than %d filled cells", sheet.MaxCells)
					}
					for len(texts) <= vis {
						texts = append(texts, "")
					}
					texts[vis] = text
				}
				if !covered && (rs > 1 || cs > 1) {
					merges = append(merges, sheet.Range{Row: o.row, Col: vis, Rows: min(max(rs, 1), sheet.MaxRows), Cols: visibleCols(o.colShown, col, min(max(cs, 1), sheet.MaxCols))})
				}
				vis++
			}
			col++
		}
	}
	if attr(se, nsTable, "visibility") == "collapse" || attr(se, nsTable, "visibility") == "filter" {
		return nil
	}
	n, _ := strconv.Atoi(attr(se, nsTable, "number-rows-repeated"))
	n = max(n, 1)
	if len(texts) == 0 && len(merges) == 0 {
		if n > maxBlankRepeat {
			o.row += n // formatting to the end of the sheet: no rows
			return nil
		}
		if len(ruled) == 0 {
			o.row += n
			return nil
		}
	}
	for range min(n, sheet.MaxRows) {
		if o.row >= sheet.MaxRows {
			return b.dec.errorf("more than %d rows", sheet.MaxRows)
		}
		for len(o.s.Rows) < o.row {
			o.s.Rows = append(o.s.Rows, nil)
		}
		if len(texts) > 0 {
			if b.budget -= len(texts); b.budget < 0 {
				return b.dec.errorf("more than %d filled cells", sheet.MaxCells)
			}
		}
		o.s.Rows = append(o.s.Rows, append([]string(nil), texts...))
		for _, m := range merges {
			m.Row = o.row
			o.s.Merges = append(o.s.Merges, m)
		}
		for _, c := range ruled {
			o.ruled[[2]int{o.row, c}] = true
		}
		o.row++
	}
	return nil
}

// shownBetween counts the visible columns in [from, to).
func (o *odsSheet) shownBetween(from, to int) int {
	if o.shownPrefix == nil {
		o.shownPrefix = make([]int, len(o.colShown)+1)
		for i, v := range o.colShown {
			o.shownPrefix[i+1] = o.shownPrefix[i]
			if v {
				o.shownPrefix[i+1]++
			}
		}
	}
	at := func(c int) int {
		if c <= len(o.colShown) {
			return o.shownPrefix[c]
		}
		return o.shownPrefix[len(o.colShown)] + c - len(o.colShown)
	}
	return at(to) - at(from)
}

// ruledCols reports whether any column's default cell style is ruled.
func (o *odsSheet) ruledCols(b *book) bool {
	if o.anyRuled == 0 {
		o.anyRuled = 1
		for _, st := range o.colStyle {
			if b.ruled[st] {
				o.anyRuled = 2
				break
			}
		}
	}
	return o.anyRuled == 2
}

// visibleCols counts the visible columns among n from col.
func visibleCols(shown []bool, col, n int) int {
	v := 0
	for c := col; c < col+n; c++ {
		if c >= len(shown) || shown[c] {
			v++
		}
	}
	return max(v, 1)
}

// cellText reads a table:table-cell's paragraphs as lines, and makes a
// number's text Vietnamese when it reads as the value in en-US.
func (b *book) cellText(se xml.StartElement) (string, error) {
	w := &walker{dec: b.dec, styles: map[string]*listStyle{}, counters: map[string][]int{}}
	if err := w.body(1); err != nil {
		return "", err
	}
	var lines []string
	for _, blk := range w.blocks {
		if blk.Kind == doc.Paragraph {
			lines = append(lines, blk.Text)
		}
	}
	text := strings.Join(lines, "\n")
	switch attr(se, nsOffice, "value-type") {
	case "float", "percentage", "currency":
		v, err := strconv.ParseFloat(attr(se, nsOffice, "value"), 64)
		if err == nil && attr(se, nsOffice, "value-type") == "percentage" {
			v *= 100
		}
		if err == nil && englishValue(text, v) {
			return swap(text), nil
		}
	}
	return text, nil
}

// englishValue reports whether text, read with "," grouping and "."
// decimals, is v as rounded for display.
func englishValue(text string, v float64) bool {
	var digits strings.Builder
	seen := false
	for _, r := range text {
		switch {
		case r >= '0' && r <= '9':
			digits.WriteRune(r)
			seen = true
		case r == '.' && seen:
			digits.WriteRune(r)
		case r == '-' && !seen:
			digits.WriteRune(r)
		case r == ',' && seen:
		case seen && r != ' ' && r != '%' && r != '\u00a0':
			return false
		}
	}
	if !strings.ContainsAny(text, ".,") {
		return false // nothing to swap
	}
	got, err := strconv.ParseFloat(digits.String(), 64)
	if err != nil {
		return false
	}
	_, frac, _ := strings.Cut(digits.String(), ".")
	scale := math.Pow(10, float64(len(frac)))
	return math.Abs(got-math.Round(v*scale)/scale) < 0.5/scale || math.Abs(got-v) < 1e-9*math.Max(1, math.Abs(v))
}

// swap exchanges "." and "," between digits.
func swap(s string) string {
	b := []byte(s)
	digit := func(i int) bool { return i >= 0 && i < len(b) && b[i] >= '0' && b[i] <= '9' }
	for i, ch := range b {
		if (ch == '.' || ch == ',') && digit(i+1) && (digit(i-1) || i == 0 || b[i-1] == '-') {
			b[i] = ch ^ '.' ^ ','
		}
	}
	return string(b)
}
