package corpus

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"chiso/internal/msg"
	"chiso/report"
	"chiso/rubric"
)

// longWidths are the widths of the long table's columns, in characters,
// in Header's order: wide enough for the usual value (a unit's name, a
// row label is cut at 60), as the stream writer must set them before it
// has seen a row. A heading wider than its column widens it.
var longWidths = []float64{24, 14, 7, 6, 7, 16, 7, 10, 60, 12, 12, 18, 12, 12, 8, 20, 40, 20}

// Widths of a period sheet's columns: the unit, the report count, the
// source path and the total, then every indicator.
var periodWidths = []float64{24, 10, 40, 10}

// Widths of the findings sheet's columns and of a unit's sheet.
var (
	findingWidths = []float64{24, 14, 12, 50, 10, 24, 70, 12, 12, 40}
	unitWidths    = []float64{14, 7, 10, 60, 18, 12, 8, 8, 70}
)

// indicatorWidth is the width of a period sheet's indicator column,
// whose heading (id and name) wraps over several lines.
const indicatorWidth = 16

// width is the width of a column of w characters headed by h.
func width(w float64, h string) float64 {
	return max(w, float64(utf8.RuneCountInString(h)+2))
}

// ExportXLSX writes the dataset as an Excel workbook with the headings
// h, for officers who open it in Excel:
//
//   - the long table (sheet h.LongSheet), one row per indicator;
//   - one sheet per period (named for it: "Quý 3-2023", or h.NoPeriod)
//     with the units as rows (one report each: see periodSheets) and the
//     rubric's indicators, id and name, as columns. Those cells hold
//     points (what the units are compared on); a cell whose row has
//     findings is filled red and carries their messages as a comment; a
//     cell whose report has no data for the indicator is grey and empty,
//     not 0;
//   - the findings (sheet h.FindingsSheet), one row each, with their
//     messages;
//   - one sheet per unit, its reports' indicators, points and findings,
//     which an office can send back to the unit as it is.
//
// A cell with nothing in it is left out, so that Excel treats it as
// blank (=M7/N7 works on it); numbers are number cells with a number
// format (percentages as 0.00%, counts with thousands separators, points
// and totals with 2 decimals) that Excel shows with the separators of
// its region: 78,23% and 11.781 in Vietnamese. Text is always a string
// cell, never a formula. Every sheet's header row is bold, frozen and
// has an autofilter.
func (s *Store) ExportXLSX(ctx context.Context, w io.Writer, h Headings) error {
	if len(h.Long) != len(Header) || len(h.Period) != len(periodWidths) ||
		len(h.Findings) != len(findingWidths) || len(h.Unit) != len(unitWidths) {
		return fmt.Errorf("xlsx: %d, %d, %d and %d column headings, want %d, %d, %d and %d",
			len(h.Long), len(h.Period), len(h.Findings), len(h.Unit),
			len(Header), len(periodWidths), len(findingWidths), len(unitWidths))
	}
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", h.LongSheet); err != nil {
		return err
	}
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	reps, err := s.reports(ctx, "")
	if err != nil {
		return err
	}
	if err := s.longSheet(ctx, f, h, st); err != nil {
		return err
	}
	if err := s.periodSheets(ctx, f, h, st, reps); err != nil {
		return err
	}
	cross, err := s.StoredCrossFindings(ctx)
	if err != nil {
		return err
	}
	for i := range cross {
		cross[i].Message = msg.Text(cross[i].Finding, h.lang)
	}
	if err := s.findingsSheet(ctx, f, h, st, reps, cross); err != nil {
		return err
	}
	if err := s.unitSheets(ctx, f, h, st, reps, cross); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

// styles are the cell styles of a workbook.
type styles struct {
	bold, wrapBold, wrap         int
	percent, count, decimal, pts int
	ptsRed, noData, title        int
}

// Built-in number formats of Excel: stored as ids, shown with the
// decimal and thousands separators of the reader's region.
const (
	fmtDecimal2  = 2  // 0.00
	fmtThousands = 3  // #,##0
	fmtDecThou   = 4  // #,##0.00
	fmtPercent2  = 10 // 0.00%
)

func newStyles(f *excelize.File) (*styles, error) {
	var st styles
	red := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"#FFC7CE"}}
	grey := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"#E7E6E6"}}
	for _, d := range []struct {
		id *int
		s  excelize.Style
	}{
		{&st.bold, excelize.Style{Font: &excelize.Font{Bold: true}}},
		{&st.wrapBold, excelize.Style{Font: &excelize.Font{Bold: true},
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
		{&st.wrap, excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
		{&st.percent, excelize.Style{NumFmt: fmtPercent2}},
		{&st.count, excelize.Style{NumFmt: fmtThousands}},
		{&st.decimal, excelize.Style{NumFmt: fmtDecThou}},
		{&st.pts, excelize.Style{NumFmt: fmtDecimal2}},
		{&st.ptsRed, excelize.Style{NumFmt: fmtDecimal2, Fill: red}},
		{&st.noData, excelize.Style{Fill: grey}},
		{&st.title, excelize.Style{Font: &excelize.Font{Bold: true, Size: 13}}},
	} {
		id, err := f.NewStyle(&d.s)
		if err != nil {
			return nil, err
		}
		*d.id = id
	}
	return &st, nil
}

// number is a number cell in the format its kind reads best in:
// percentages (0–100 as written) as a fraction under 0.00%, whole
// numbers with thousands separators, others with two decimals.
func (st *styles) number(v *float64, kind string) any {
	switch {
	case v == nil:
		return nil
	case kind == "percent":
		// Rounded, so that 88.23 is 0.8823 and not 0.8823000000000001.
		return excelize.Cell{StyleID: st.percent, Value: math.Round(*v*1e8) / 1e10}
	case *v == math.Trunc(*v) && math.Abs(*v) < 1e15:
		return excelize.Cell{StyleID: st.count, Value: *v}
	}
	return excelize.Cell{StyleID: st.decimal, Value: *v}
}

// points is a points cell, two decimals.
func (st *styles) points(v *float64) any {
	if v == nil {
		return nil
	}
	return excelize.Cell{StyleID: st.pts, Value: *v}
}

// text is a string cell, or no cell for an empty string. A string is
// written as a string whatever it starts with: excelize never makes a
// formula of a value, so "=HYPERLINK(…)" stays text.
func text(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func intCell(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

// longSheet writes the long table, streamed: a dataset may hold hundreds
// of thousands of rows.
func (s *Store) longSheet(ctx context.Context, f *excelize.File, h Headings, st *styles) error {
	sw, err := f.NewStreamWriter(h.LongSheet)
	if err != nil {
		return err
	}
	for i, head := range h.Long {
		if err := sw.SetColWidth(i+1, i+1, width(longWidths[i], head)); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(headerPane(0, 1)); err != nil {
		return err
	}
	if err := sw.SetRow("A1", strs(h.Long), excelize.RowOpts{StyleID: st.bold}); err != nil {
		return err
	}
	n := 1
	err = s.EachRow(ctx, func(r *Row) error {
		n++
		cells := []any{text(r.Unit), text(r.PeriodLabel), intCell(r.Year), intCell(r.Quarter), intCell(r.Month),
			text(r.Path), text(r.STT), text(r.RubricID), text(r.Label), text(msg.Kind(h.lang, report.Kind(r.Kind))),
			st.number(r.Value, r.Kind), text(r.Raw), st.number(r.A, ""), st.number(r.B, ""), st.points(r.Points),
			text(h.codes(r.Findings)), text(r.Source), text(r.SHA256)}
		return sw.SetRow("A"+strconv.Itoa(n), cells)
	})
	if err != nil {
		return err
	}
	if err := addTable(sw, len(Header), n); err != nil {
		return err
	}
	return sw.Flush()
}

// codes is a "," list of finding codes in h's words.
func (h Headings) codes(list string) string {
	if h.lang == "en" || list == "" {
		return list
	}
	cs := strings.Split(list, ",")
	for i, c := range cs {
		cs[i] = msg.Code(h.lang, report.Code(c))
	}
	return strings.Join(cs, "; ")
}

// addTable makes the streamed rows 1..n of ncols columns an Excel table:
// an autofilter on the header row, no banding that would hide the
// findings' colours. A table needs a row under its header.
func addTable(sw *excelize.StreamWriter, ncols, n int) error {
	last, err := excelize.CoordinatesToCellName(ncols, max(n, 2))
	if err != nil {
		return err
	}
	off := false
	return sw.AddTable(&excelize.Table{Range: "A1:" + last, StyleName: "TableStyleLight1", ShowRowStripes: &off})
}

// headerPane freezes the first rows rows and the first cols columns.
func headerPane(cols, rows int) *excelize.Panes {
	top, _ := excelize.CoordinatesToCellName(cols+1, rows+1)
	p := &excelize.Panes{Freeze: true, XSplit: cols, YSplit: rows, TopLeftCell: top, ActivePane: "bottomLeft"}
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

// sheetOf names the period sheet of a report in the headings h.
func (h Headings) sheetOf(r *reportRef) string {
	name := h.periodName(r.Year, r.Quarter, r.Month, r.Months)
	switch {
	case r.Year == nil && r.Label == "":
		name = h.NoPeriod
	case r.Year == nil:
		name = r.Label
	}
	return name
}

// periodSheets adds one sheet per period and rubric, in the order of the
// periods.
func (s *Store) periodSheets(ctx context.Context, f *excelize.File, h Headings, st *styles, reps []reportRef) error {
	rubrics := map[string]bool{}
	for _, r := range reps {
		rubrics[r.Rubric] = true
	}
	type sheet struct {
		name  string
		first *reportRef
		reps  []reportRef
		count []int // reports of the unit in the period
	}
	var sheets []*sheet
	byName := map[string]*sheet{}
	for i := range reps {
		r := &reps[i]
		name := h.sheetOf(r)
		if len(rubrics) > 1 {
			name += " " + r.Rubric
		}
		name = sheetName(name)
		sh := byName[name]
		if sh == nil {
			sh = &sheet{name: name, first: r}
			byName[name] = sh
			sheets = append(sheets, sh)
		}
		// One row per unit: a unit with several reports of one period
		// shows the first by sha256, so the choice is stable, and says
		// how many it has.
		if k := len(sh.reps) - 1; k >= 0 && sh.reps[k].UnitKey == r.UnitKey {
			sh.count[k]++
			continue
		}
		sh.reps = append(sh.reps, *r)
		sh.count = append(sh.count, 1)
	}
	sort.SliceStable(sheets, func(i, j int) bool {
		a, b := sheets[i].first, sheets[j].first
		if a.periodLess(b) != b.periodLess(a) {
			return a.periodLess(b)
		}
		return sheets[i].name < sheets[j].name
	})
	for _, sh := range sheets {
		if _, err := f.NewSheet(sh.name); err != nil {
			return fmt.Errorf("sheet %q: %w", sh.name, err)
		}
		rb, _ := rubric.Builtin(sh.reps[0].Rubric)
		var ids []string
		if rb != nil {
			for _, ind := range rb.Indicators {
				ids = append(ids, ind.ID)
			}
		}
		col := map[string]int{}
		header := append([]string(nil), h.Period...)
		for _, id := range ids {
			col[id] = len(header)
			header = append(header, id)
		}
		for i, r := range sh.reps {
			pts, err := s.points(ctx, r.ID)
			if err != nil {
				return err
			}
			msgs, err := s.findingMessages(ctx, r.ID)
			if err != nil {
				return err
			}
			for _, p := range pts {
				if _, ok := col[p.Indicator]; !ok {
					col[p.Indicator] = len(header)
					header = append(header, p.Indicator)
				}
			}
			y := i + 2
			row := []any{r.Unit, sh.count[i], r.Source, r.Total}
			if err := f.SetSheetRow(sh.name, "A"+strconv.Itoa(y), &row); err != nil {
				return err
			}
			if err := f.SetCellStyle(sh.name, "D"+strconv.Itoa(y), "D"+strconv.Itoa(y), st.pts); err != nil {
				return err
			}
			for _, p := range pts {
				cell, err := excelize.CoordinatesToCellName(col[p.Indicator]+1, y)
				if err != nil {
					return err
				}
				ms := msgs[p.RowPath]
				switch {
				case noData(p):
					// No row of the report answers the indicator: the
					// decision scores it 0, but the cell says "no data"
					// rather than a 0 the unit earned.
					if err := f.SetCellStyle(sh.name, cell, cell, st.noData); err != nil {
						return err
					}
					if err := note(f, sh.name, cell, h.NoData); err != nil {
						return err
					}
					continue
				case p.Points == nil:
					continue
				}
				if err := f.SetCellValue(sh.name, cell, *p.Points); err != nil {
					return err
				}
				style := st.pts
				if p.RowPath != "" && len(ms) > 0 {
					style = st.ptsRed
					if err := note(f, sh.name, cell, strings.Join(ms, "\n")); err != nil {
						return err
					}
				}
				if err := f.SetCellStyle(sh.name, cell, cell, style); err != nil {
					return err
				}
			}
		}
		// The indicator columns are headed by id and name, so that the
		// officer need not look the ids up.
		names := indicatorNames(rb)
		for i := len(h.Period); i < len(header); i++ {
			if n := names[header[i]]; n != "" {
				header[i] += " " + clipRunes(n, 60)
			}
		}
		if err := f.SetSheetRow(sh.name, "A1", &header); err != nil {
			return err
		}
		if err := layOut(f, sh.name, h.Period, len(header), len(sh.reps)+1, st); err != nil {
			return fmt.Errorf("sheet %q: %w", sh.name, err)
		}
	}
	return nil
}

// The basis lines of package rubric for an indicator the report has no
// data for, in both languages an ingest may have stored.
var noDataBasis = map[string]bool{"no data: default 0": true, "không có số liệu: mặc định 0": true}

// noData reports whether p is the default 0 of an indicator the report
// has no data for (no row, or an empty one), rather than points earned.
func noData(p scored) bool { return p.Need == "" && noDataBasis[p.Basis] }

// periodLess orders reports by period: year, then span (whole year
// last), quarter and month.
func (r *reportRef) periodLess(o *reportRef) bool {
	for _, p := range [][2]*int{{r.Year, o.Year}, {r.Quarter, o.Quarter}, {r.Month, o.Month}} {
		a, b := deref(p[0]), deref(p[1])
		if a != b {
			return a < b
		}
	}
	return r.Months[1] < o.Months[1]
}

// note adds a comment to a cell.
func note(f *excelize.File, sheet, cell, msg string) error {
	return f.AddComment(sheet, excelize.Comment{Cell: cell, Author: "chiso",
		Paragraph: []excelize.RichTextRun{{Text: msg}}})
}

// indicatorNames are the names of a rubric's indicators by id.
func indicatorNames(r *rubric.Rubric) map[string]string {
	out := map[string]string{}
	if r == nil {
		return out
	}
	for _, ind := range r.Indicators {
		out[ind.ID] = ind.Label
	}
	return out
}

func clipRunes(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// layOut makes a period sheet readable when it opens: the header row
// bold and wrapped (the indicators' names), it and the units' column
// frozen, an autofilter over the rows, the columns wide enough for their
// headings and usual values.
func layOut(f *excelize.File, sheet string, period []string, ncols, nrows int, st *styles) error {
	last, err := excelize.ColumnNumberToName(ncols)
	if err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, "A1", last+"1", st.wrapBold); err != nil {
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
		if err := f.SetRowHeight(sheet, 1, 90); err != nil {
			return err
		}
	}
	if err := f.AutoFilter(sheet, "A1:"+last+strconv.Itoa(max(nrows, 2)), nil); err != nil {
		return err
	}
	return f.SetPanes(sheet, headerPane(1, 1))
}

// finding is a stored finding as the sheets show it.
type finding struct {
	Path, Label, Code, Severity, Message string
	Reported, Computed                   *float64
}

func (s *Store) findings(ctx context.Context, id int64) ([]finding, error) {
	lo, hi := keyRange(id)
	rows, err := s.db.QueryContext(ctx, `select path, label, code, severity, message, reported, computed
		from findings where id between $1 and $2 order by id`, lo, hi)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []finding
	for rows.Next() {
		var fd finding
		var rep, comp sql.NullFloat64
		if err := rows.Scan(&fd.Path, &fd.Label, &fd.Code, &fd.Severity, &fd.Message, &rep, &comp); err != nil {
			return nil, err
		}
		fd.Reported, fd.Computed = floatPtr(rep), floatPtr(comp)
		out = append(out, fd)
	}
	return out, rows.Err()
}

// findingMessages returns a report's finding messages by the path of the
// row they are about.
func (s *Store) findingMessages(ctx context.Context, id int64) (map[string][]string, error) {
	fs, err := s.findings(ctx, id)
	if err != nil {
		return nil, err
	}
	out := map[string][]string{}
	for _, fd := range fs {
		out[fd.Path] = append(out[fd.Path], fd.Message)
	}
	return out, nil
}

// findingsSheet writes every finding of every report, one row each,
// then the findings across reports, their source being both reports'.
func (s *Store) findingsSheet(ctx context.Context, f *excelize.File, h Headings, st *styles, reps []reportRef, cross []CrossFinding) error {
	if _, err := f.NewSheet(h.FindingsSheet); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(h.FindingsSheet)
	if err != nil {
		return err
	}
	for i, head := range h.Findings {
		if err := sw.SetColWidth(i+1, i+1, width(findingWidths[i], head)); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(headerPane(0, 1)); err != nil {
		return err
	}
	if err := sw.SetRow("A1", strs(h.Findings), excelize.RowOpts{StyleID: st.bold}); err != nil {
		return err
	}
	n := 1
	for _, r := range reps {
		fs, err := s.findings(ctx, r.ID)
		if err != nil {
			return err
		}
		for _, fd := range fs {
			n++
			cells := []any{text(r.Unit), text(r.Label), text(fd.Path), text(fd.Label), text(msg.Severity(h.lang, report.Severity(fd.Severity))),
				text(msg.Code(h.lang, report.Code(fd.Code))), text(fd.Message), st.number(fd.Reported, ""), st.number(fd.Computed, ""),
				text(r.Source)}
			if err := sw.SetRow("A"+strconv.Itoa(n), cells); err != nil {
				return err
			}
		}
	}
	for _, fd := range cross {
		n++
		cells := []any{text(fd.Unit), text(fd.Period), text(joinPath(fd.Path)), text(fd.Label), text(msg.Severity(h.lang, fd.Severity)),
			text(msg.Code(h.lang, fd.Code)), text(fd.Message), st.number(fd.Reported, ""), st.number(fd.Computed, ""),
			text(crossSources(fd))}
		if err := sw.SetRow("A"+strconv.Itoa(n), cells); err != nil {
			return err
		}
	}
	if err := addTable(sw, len(h.Findings), n); err != nil {
		return err
	}
	return sw.Flush()
}

// crossSources names the reports of a finding across reports: "a.docx ↔
// b.pdf".
func crossSources(f CrossFinding) string {
	names := make([]string, len(f.Reports))
	for i, sd := range f.Reports {
		names[i] = sd.Source
	}
	return strings.Join(names, " ↔ ")
}

// unitSheets adds a sheet per unit: under a title naming the unit, every
// indicator of its reports with the points it earned and the messages of
// its findings, then the findings about no row (a rubric indicator the
// report lacks), so that the office can send the sheet to the unit to
// correct its report.
func (s *Store) unitSheets(ctx context.Context, f *excelize.File, h Headings, st *styles, reps []reportRef, cross []CrossFinding) error {
	byUnit := map[string][]CrossFinding{}
	for _, fd := range cross {
		byUnit[UnitKey(fd.Unit)] = append(byUnit[UnitKey(fd.Unit)], fd)
	}
	used := map[string]bool{}
	for _, name := range f.GetSheetList() {
		used[strings.ToLower(name)] = true
	}
	for start := 0; start < len(reps); {
		end := start + 1
		for end < len(reps) && reps[end].UnitKey == reps[start].UnitKey {
			end++
		}
		unit := reps[start:end:end]
		start = end
		if unit[0].Unit == "" {
			continue // no unit to send it to
		}
		name := uniqueSheet(sheetName(h.UnitSheet+unit[0].Unit), used)
		if _, err := f.NewSheet(name); err != nil {
			return fmt.Errorf("sheet %q: %w", name, err)
		}
		sw, err := f.NewStreamWriter(name)
		if err != nil {
			return err
		}
		for i, head := range h.Unit {
			if err := sw.SetColWidth(i+1, i+1, width(unitWidths[i], head)); err != nil {
				return err
			}
		}
		if err := sw.SetPanes(headerPane(0, 2)); err != nil {
			return err
		}
		if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: st.title, Value: fmt.Sprintf(h.UnitTitle, unit[0].Unit)}}); err != nil {
			return err
		}
		if err := sw.SetRow("A2", strs(h.Unit), excelize.RowOpts{StyleID: st.bold}); err != nil {
			return err
		}
		n := 2
		for _, r := range unit {
			rows, err := s.unitRows(ctx, r, h, st)
			if err != nil {
				return err
			}
			for _, cells := range rows {
				n++
				if err := sw.SetRow("A"+strconv.Itoa(n), cells); err != nil {
					return err
				}
			}
		}
		// The periods where a finding across reports applies to the
		// unit, after its reports' rows.
		for _, fd := range byUnit[unit[0].UnitKey] {
			n++
			cells := []any{text(fd.Period), text(joinPath(fd.Path)), text(strings.TrimPrefix(fd.Indicator, "~")), text(fd.Label),
				nil, st.number(fd.Reported, ""), nil, nil, excelize.Cell{StyleID: st.wrap, Value: fd.Message + " (" + crossSources(fd) + ")"}}
			if err := sw.SetRow("A"+strconv.Itoa(n), cells); err != nil {
				return err
			}
		}
		if err := sw.Flush(); err != nil {
			return err
		}
		last, _ := excelize.CoordinatesToCellName(len(h.Unit), max(n, 3))
		if err := f.AutoFilter(name, "A2:"+last, nil); err != nil {
			return err
		}
	}
	return nil
}

// unitRows are the rows of one report on its unit's sheet.
func (s *Store) unitRows(ctx context.Context, r reportRef, h Headings, st *styles) ([][]any, error) {
	pts, err := s.points(ctx, r.ID)
	if err != nil {
		return nil, err
	}
	type pm struct{ points, max *float64 }
	byRow := map[string]pm{}
	for _, p := range pts {
		if p.RowPath != "" {
			m := p.Max
			byRow[p.Indicator+"\x00"+p.RowPath] = pm{p.Points, &m}
		}
	}
	fs, err := s.findings(ctx, r.ID)
	if err != nil {
		return nil, err
	}
	msgs := map[string][]string{}
	for _, fd := range fs {
		msgs[fd.Path] = append(msgs[fd.Path], fd.Message)
	}
	lo, hi := keyRange(r.ID)
	rows, err := s.db.QueryContext(ctx, `select path, stt, rubric_ind, label, kind, number, raw
		from indicators where id between $1 and $2 order by id`, lo, hi)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out [][]any
	seen := map[string]bool{}
	for rows.Next() {
		var path, stt, rid, label, kind, raw string
		var v sql.NullFloat64
		if err := rows.Scan(&path, &stt, &rid, &label, &kind, &v, &raw); err != nil {
			return nil, err
		}
		seen[path] = true
		p := byRow[rid+"\x00"+path]
		var msg any
		if ms := msgs[path]; len(ms) > 0 {
			msg = excelize.Cell{StyleID: st.wrap, Value: strings.Join(ms, "\n")}
		}
		out = append(out, []any{text(r.Label), text(stt), text(rid), text(label), text(raw),
			st.number(floatPtr(v), kind), st.points(p.points), st.points(p.max), msg})
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, fd := range fs {
		if !seen[fd.Path] {
			out = append(out, []any{text(r.Label), nil, nil, text(fd.Label), nil, nil, nil, nil,
				excelize.Cell{StyleID: st.wrap, Value: fd.Message}})
		}
	}
	return out, nil
}

// uniqueSheet returns name, or name with a number, unused in used (by
// lower-case name: Excel's sheet names ignore case), and marks it used.
func uniqueSheet(name string, used map[string]bool) string {
	try := name
	for k := 2; used[strings.ToLower(try)]; k++ {
		suffix := " (" + strconv.Itoa(k) + ")"
		r := []rune(name)
		try = string(r[:min(len(r), 31-len(suffix))]) + suffix
	}
	used[strings.ToLower(try)] = true
	return try
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
