package corpus

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"chiso/rubric"
)

// LongSheet is the name of the XLSX sheet that holds the long table.
const LongSheet = "data"

// longWidths are the widths of the long table's columns, in characters,
// in Header's order: wide enough for the usual value (a unit's name, a
// row label is cut at 60), as the stream writer must set them before it
// has seen a row. A heading wider than its column widens it.
var longWidths = []float64{24, 14, 7, 6, 7, 16, 7, 10, 60, 12, 12, 18, 12, 12, 8, 20, 40, 20}

// Widths of a period sheet's columns: the unit, the report count, the
// source path and the total, then every indicator.
var periodWidths = []float64{24, 10, 40, 10}

const indicatorWidth = 8

// width is the width of a column of w characters headed by h.
func width(w float64, h string) float64 {
	return max(w, float64(utf8.RuneCountInString(h)+2))
}

// WriteXLSX writes the dataset as an Excel workbook with English
// headings: see ExportXLSX.
func (s *Store) WriteXLSX(ctx context.Context, w io.Writer) error {
	return s.ExportXLSX(ctx, w, English)
}

// ExportXLSX writes the dataset as an Excel workbook with the headings
// h: the long table on sheet "data", then one sheet per period (named
// "2023", "2023-Q3", "2023-M09", or h.NoPeriod) with the units as rows
// (one report each: see periodSheets) and the rubric's indicators as
// columns. Those cells hold points (not values: points are what the units
// are compared on). A cell whose row has findings is filled red and
// carries the finding codes as a comment. Every sheet's header row is
// bold and frozen, so that it stays in view as the officer scrolls.
func (s *Store) ExportXLSX(ctx context.Context, w io.Writer, h Headings) error {
	if len(h.Long) != len(Header) || len(h.Period) != len(periodWidths) {
		return fmt.Errorf("xlsx: %d and %d column headings, want %d and %d",
			len(h.Long), len(h.Period), len(Header), len(periodWidths))
	}
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", LongSheet); err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(LongSheet)
	if err != nil {
		return err
	}
	for i, head := range h.Long {
		if err := sw.SetColWidth(i+1, i+1, width(longWidths[i], head)); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(headerPane(0)); err != nil {
		return err
	}
	n := 1
	if err := sw.SetRow("A1", strs(h.Long), excelize.RowOpts{StyleID: bold}); err != nil {
		return err
	}
	err = s.EachRow(ctx, func(r *Row) error {
		n++
		cells := strs(r.Strings())
		// Numbers as numbers, so that Excel can sum and sort them.
		for i, p := range []*float64{r.Value, r.A, r.B, r.Points} {
			if p != nil {
				cells[[]int{10, 12, 13, 14}[i]] = *p
			}
		}
		for i, p := range []*int{r.Year, r.Quarter, r.Month} {
			if p != nil {
				cells[2+i] = *p
			}
		}
		return sw.SetRow("A"+strconv.Itoa(n), cells)
	})
	if err != nil {
		return err
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	if err := s.periodSheets(ctx, f, h, bold); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

// headerPane freezes the header row and the first cols columns.
func headerPane(cols int) *excelize.Panes {
	top, _ := excelize.CoordinatesToCellName(cols+1, 2)
	p := &excelize.Panes{Freeze: true, XSplit: cols, YSplit: 1, TopLeftCell: top, ActivePane: "bottomLeft"}
	if cols > 0 {
		p.ActivePane = "bottomRight"
	}
	return p
}

func strs(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}

// PeriodKey names a period for a sheet or a command line: "2023",
// "2023-Q3", "2023-M09", or the label when the report gives no year.
func PeriodKey(year, quarter, month *int, label string) string {
	switch {
	case year == nil && label == "":
		return "no period"
	case year == nil:
		return label
	case month != nil:
		return fmt.Sprintf("%d-M%02d", *year, *month)
	case quarter != nil:
		return fmt.Sprintf("%d-Q%d", *year, *quarter)
	}
	return strconv.Itoa(*year)
}

// periodSheets adds one sheet per period and rubric, with the headings
// h and the header row in the style head.
func (s *Store) periodSheets(ctx context.Context, f *excelize.File, h Headings, head int) error {
	reps, err := s.reports(ctx, "")
	if err != nil {
		return err
	}
	rubrics := map[string]bool{}
	for _, r := range reps {
		rubrics[r.Rubric] = true
	}
	type sheet struct {
		name  string
		reps  []reportRef
		count []int // reports of the unit in the period
	}
	var sheets []*sheet
	byName := map[string]*sheet{}
	for _, r := range reps {
		name := PeriodKey(r.Year, r.Quarter, r.Month, r.Label)
		if r.Year == nil && r.Label == "" {
			name = h.NoPeriod
		}
		if len(rubrics) > 1 {
			name += " " + r.Rubric
		}
		name = sheetName(name)
		sh := byName[name]
		if sh == nil {
			sh = &sheet{name: name}
			byName[name] = sh
			sheets = append(sheets, sh)
		}
		// One row per unit: a unit with several reports of one period
		// (the same report as DOCX and PDF, say) shows the first by
		// sha256, so the choice is stable, and says how many it has.
		if k := len(sh.reps) - 1; k >= 0 && sh.reps[k].UnitKey == r.UnitKey {
			sh.count[k]++
			continue
		}
		sh.reps = append(sh.reps, r)
		sh.count = append(sh.count, 1)
	}
	sort.Slice(sheets, func(i, j int) bool { return sheets[i].name < sheets[j].name })
	red, err := f.NewStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"#FFC7CE"}}})
	if err != nil {
		return err
	}
	for _, sh := range sheets {
		if _, err := f.NewSheet(sh.name); err != nil {
			return fmt.Errorf("sheet %q: %w", sh.name, err)
		}
		ids := indicatorOrder(sh.reps[0].Rubric)
		col := map[string]int{}
		header := strs(h.Period)
		for _, id := range ids {
			col[id] = len(header)
			header = append(header, id)
		}
		for i, r := range sh.reps {
			pts, err := s.points(ctx, r.SHA256)
			if err != nil {
				return err
			}
			codes, err := s.findingCodes(ctx, r.SHA256)
			if err != nil {
				return err
			}
			for _, p := range pts {
				if _, ok := col[p.Indicator]; !ok {
					col[p.Indicator] = len(header)
					header = append(header, p.Indicator)
				}
			}
			row := make([]any, len(header))
			row[0], row[1], row[2], row[3] = r.Unit, sh.count[i], r.Source, r.Total
			var flagged []struct {
				c     int
				codes []string
			}
			for _, p := range pts {
				c := col[p.Indicator]
				if p.Points != nil {
					row[c] = *p.Points
				}
				if cs := codes[p.RowPath]; p.RowPath != "" && len(cs) > 0 {
					flagged = append(flagged, struct {
						c     int
						codes []string
					}{c, cs})
				}
			}
			axis := "A" + strconv.Itoa(i+2)
			if err := f.SetSheetRow(sh.name, axis, &row); err != nil {
				return err
			}
			for _, fl := range flagged {
				cell, err := excelize.CoordinatesToCellName(fl.c+1, i+2)
				if err != nil {
					return err
				}
				if err := f.SetCellStyle(sh.name, cell, cell, red); err != nil {
					return err
				}
				if err := f.AddComment(sh.name, excelize.Comment{Cell: cell, Author: "chiso",
					Paragraph: []excelize.RichTextRun{{Text: strings.Join(fl.codes, ", ")}}}); err != nil {
					return err
				}
			}
		}
		if err := f.SetSheetRow(sh.name, "A1", &header); err != nil {
			return err
		}
		if err := layOut(f, sh.name, h.Period, len(header), head); err != nil {
			return fmt.Errorf("sheet %q: %w", sh.name, err)
		}
	}
	return nil
}

// layOut makes a period sheet readable when it opens: the header row
// bold, it and the units' column frozen, the columns wide enough for
// their headings and usual values.
func layOut(f *excelize.File, sheet string, period []string, ncols, head int) error {
	last, err := excelize.ColumnNumberToName(ncols)
	if err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, "A1", last+"1", head); err != nil {
		return err
	}
	for i, hd := range period {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheet, col, col, width(periodWidths[i], hd)); err != nil {
			return err
		}
	}
	if ncols > len(period) {
		first, _ := excelize.ColumnNumberToName(len(period) + 1)
		if err := f.SetColWidth(sheet, first, last, indicatorWidth); err != nil {
			return err
		}
	}
	return f.SetPanes(sheet, headerPane(1))
}

// indicatorOrder is the rubric's indicators in the decision's order, or
// none when the rubric is not one that ships (the columns then come in
// the order the points name them).
func indicatorOrder(id string) []string {
	r, err := rubric.Builtin(id)
	if err != nil {
		return nil
	}
	ids := make([]string, len(r.Indicators))
	for i, ind := range r.Indicators {
		ids[i] = ind.ID
	}
	return ids
}

// sheetName makes s a valid sheet name: at most 31 characters, none of
// : \ / ? * [ ].
func sheetName(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`:\/?*[]`, r) {
			return '-'
		}
		return r
	}, s)
	if r := []rune(s); len(r) > 31 {
		s = string(r[:31])
	}
	return s
}
