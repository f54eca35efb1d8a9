package main

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"chiso/doc"
)

// The spreadsheet fixtures are written with excelize as a typed workbook
// and then saved by LibreOffice as .xlsx, .xls and .ods, so that the
// readers meet what an office suite writes. The workbook lays the
// document out as offices do in Excel: one sheet, each paragraph in a
// cell of column A, each table below with its merged cells merged, two
// blank rows between blocks (one would not set two tables apart). A cell whose text a number format reproduces exactly
// ("11.781", "78,23%", "0,72", "31/12/2025") is stored as a number with
// that format, so that the readers must format numbers the way the sheet
// shows them; any other cell is text.

// sheetName is the one sheet of a generated workbook.
const sheetName = "Báo cáo"

// renderBook writes d as an .xlsx workbook.
func renderBook(d *doc.Document) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheetName); err != nil {
		return nil, err
	}
	// Table cells are ruled, as offices rule their tables, which is how
	// the readers tell a table's one-cell rows from notes around it.
	styles := map[string]int{}
	style := func(code string) (int, error) {
		if id, ok := styles[code]; ok {
			return id, nil
		}
		st := &excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}
		for _, side := range []string{"left", "top", "right", "bottom"} {
			st.Border = append(st.Border, excelize.Border{Type: side, Color: "000000", Style: 1})
		}
		if code != "@" {
			c := code
			st.CustomNumFmt = &c
		}
		id, err := f.NewStyle(st)
		styles[code] = id
		return id, err
	}
	r := 1
	for _, blk := range d.Blocks {
		if blk.Kind != doc.TableKind || blk.Table == nil {
			if err := f.SetCellStr(sheetName, cellName(0, r), blk.Text); err != nil {
				return nil, err
			}
			r += 3
			continue
		}
		grid := occupied(blk.Table)
		width, _ := rowWidths(blk.Table)
		text, err := style("@")
		if err != nil {
			return nil, err
		}
		if err := f.SetCellStyle(sheetName, cellName(0, r), cellName(width-1, r+len(blk.Table.Rows)-1), text); err != nil {
			return nil, err
		}
		for i, row := range blk.Table.Rows {
			col := 0
			for _, c := range row {
				for grid[i][col] {
					col++
				}
				rs, cs := c.Span()
				rs = min(rs, len(blk.Table.Rows)-i)
				for dr := range rs {
					for dc := range cs {
						grid[i+dr][col+dc] = true
					}
				}
				at := cellName(col, r+i)
				v, code := typed(c.Text)
				if code == "" {
					if err := f.SetCellStr(sheetName, at, c.Text); err != nil {
						return nil, err
					}
				} else {
					id, err := style(code)
					if err != nil {
						return nil, err
					}
					if err := f.SetCellValue(sheetName, at, v); err != nil {
						return nil, err
					}
					if err := f.SetCellStyle(sheetName, at, at, id); err != nil {
						return nil, err
					}
				}
				if rs > 1 || cs > 1 {
					if err := f.MergeCell(sheetName, at, cellName(col+cs-1, r+i+rs-1)); err != nil {
						return nil, err
					}
				}
				col += cs
			}
		}
		r += len(blk.Table.Rows) + 2
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// occupied returns a grid of the table's positions, wide enough for any
// row, all free.
func occupied(t *doc.Table) [][]bool {
	width, _ := rowWidths(t)
	for _, row := range t.Rows {
		n := 0
		for _, c := range row {
			_, cs := c.Span()
			n += cs
		}
		width = max(width, n)
	}
	g := make([][]bool, len(t.Rows))
	for i := range g {
		g[i] = make([]bool, 2*width+1)
	}
	return g
}

func cellName(col, row int) string {
	s, err := excelize.CoordinatesToCellName(col+1, row)
	if err != nil {
		panic(err) // columns and rows here are small and positive
	}
	return s
}

var (
	plainInt = regexp.MustCompile(`^-?[1-9][0-9]{0,14}$|^0$`)
	grouped  = regexp.MustCompile(`^[1-9][0-9]{0,2}(\.[0-9]{3})+(,[0-9]+)?$`)
	decimal  = regexp.MustCompile(`^-?[0-9]+,[0-9]+$`)
	percent  = regexp.MustCompile(`^-?[0-9]+(,([0-9]+))?%$`)
	date     = regexp.MustCompile(`^([0-9]{2})/([0-9]{2})/([0-9]{4})$`)
)

// typed returns the value and number format that show s exactly, or ""
// for text. Vietnamese sheets group thousands with "." and write decimals
// with ",", which is what Excel shows under those formats in a Vietnamese
// locale.
func typed(s string) (any, string) {
	decimals := func(frac string) string {
		if frac == "" {
			return ""
		}
		return "." + strings.Repeat("0", len(frac))
	}
	switch {
	case plainInt.MatchString(s):
		n, err := strconv.ParseInt(s, 10, 64)
		if err == nil {
			return n, "0"
		}
	case grouped.MatchString(s):
		whole, frac, _ := strings.Cut(s, ",")
		v, err := strconv.ParseFloat(strings.ReplaceAll(whole, ".", "")+"."+frac+"0", 64)
		if err == nil {
			return v, "#,##0" + decimals(frac)
		}
	case decimal.MatchString(s):
		_, frac, _ := strings.Cut(s, ",")
		v, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
		if err == nil {
			return v, "0" + decimals(frac)
		}
	case percent.MatchString(s):
		m := percent.FindStringSubmatch(s)
		v, err := strconv.ParseFloat(strings.Replace(strings.TrimSuffix(s, "%"), ",", ".", 1), 64)
		if err == nil {
			return v / 100, "0" + decimals(m[2]) + "%"
		}
	case date.MatchString(s):
		t, err := time.Parse("02/01/2006", s)
		if err == nil {
			return t, "dd/mm/yyyy"
		}
	}
	return nil, ""
}

// renderMarkdown writes d as Markdown: a paragraph per block, each table a
// pipe table whose first row is the header. Markdown has no merged cells,
// so a merged cell's text is repeated in every position it covers, which
// is what the table's grid holds; line breaks in cells are <br>.
func renderMarkdown(d *doc.Document) []byte {
	var b strings.Builder
	for _, blk := range d.Blocks {
		if blk.Kind != doc.TableKind || blk.Table == nil {
			fmt.Fprintf(&b, "%s\n\n", escapeMarkdown(blk.Text, false))
			continue
		}
		for i, row := range blk.Table.Texts() {
			cells := make([]string, len(row))
			for c, s := range row {
				cells[c] = escapeMarkdown(s, true)
			}
			fmt.Fprintf(&b, "| %s |\n", strings.Join(cells, " | "))
			if i == 0 {
				b.WriteString("|" + strings.Repeat(" --- |", len(row)) + "\n")
			}
		}
		b.WriteString("\n")
	}
	return []byte(b.String())
}

// escapeMarkdown escapes the characters Markdown would read as markup:
// "|" in a cell, "*" and "\" everywhere; line breaks become <br> in a cell
// and a hard break in a paragraph.
func escapeMarkdown(s string, cell bool) string {
	s = strings.NewReplacer(`\`, `\\`, `*`, `\*`, `|`, `\|`).Replace(s)
	if cell {
		return strings.ReplaceAll(s, "\n", "<br>")
	}
	return strings.ReplaceAll(s, "\n", "\\\n")
}
