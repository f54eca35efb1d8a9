// Package xlsx reads Excel workbooks (.xlsx, Office Open XML spreadsheets)
// into the chiso document model, through github.com/xuri/excelize/v2.
//
// Each visible sheet is laid out by chiso/parse/sheet: title rows and
// notes as paragraphs, the table with merged cells as spans, the sheet's
// name as a paragraph before them when more than one sheet has content. Hidden sheets, rows and columns are left out, as Excel
// does not show them.
//
// A cell's text is what the sheet shows, in the Vietnamese way of writing
// numbers: excelize formats a number by its number format in Excel's
// en-US convention ("78.23%", "11,781"), and this package swaps the
// decimal and grouping separators between digits, so that 0.7823 under
// "0.00%" is "78,23%" and 11781 under "#,##0" is "11.781"; a number in the
// General format is written with a decimal comma. Dates in the
// locale-dependent short date format are dd/mm/yyyy; other date formats
// are shown as their format code says. A formula shows its cached value.
//
// What is added around excelize, which trusts the sizes a zip declares and
// expands every part: the package's parts are checked first against the
// limits of parse/docx (200 MB inflated in all, 100:1 for any part over
// 1 MB), XML parts may not declare a DOCTYPE, and a workbook may hold at
// most sheet.MaxCells filled cells.
package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"chiso/doc"
	"chiso/parse/sheet"
)

// Limits against zip bombs, the same as parse/docx's.
const (
	maxTotal   = 200 << 20
	maxRatio   = 100
	ratioFloor = 1 << 20
)

// Read reads an .xlsx of the given size. Errors say what is wrong and
// where, but not the file's name.
func Read(r io.ReaderAt, size int64) (d *doc.Document, err error) {
	defer func() {
		if p := recover(); p != nil {
			d, err = nil, fmt.Errorf("internal error reading XLSX: %v", p)
		}
	}()
	if err := check(r, size); err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(io.NewSectionReader(r, 0, size), excelize.Options{
		UnzipSizeLimit:    maxTotal,
		UnzipXMLSizeLimit: maxTotal, // keep every part in memory: no temporary files
		ShortDatePattern:  "dd/mm/yyyy",
	})
	if err != nil {
		return nil, fmt.Errorf("not a readable Excel workbook: %w", err)
	}
	defer f.Close()
	if err := noDoctype(f); err != nil {
		return nil, err
	}
	d = &doc.Document{Source: doc.Source{Format: doc.XLSX}}
	w := &workbook{f: f, budget: sheet.MaxCells, kinds: map[int]sheet.NumberKind{}, ruling: map[int]bool{}}
	var sheets []*sheet.Sheet
	for _, name := range f.GetSheetList() {
		if visible, err := f.GetSheetVisible(name); err == nil && !visible {
			d.Warnings = append(d.Warnings, fmt.Sprintf("sheet %q is hidden and not read", name))
			continue
		}
		s, err := w.sheet(name)
		if err != nil {
			return nil, fmt.Errorf("sheet %q: %w", name, err)
		}
		sheets = append(sheets, s)
	}
	d.Blocks = sheet.Layout(sheets)
	return d, nil
}

// check refuses a zip whose parts claim more than the limits, before
// excelize allocates what they claim.
func check(r io.ReaderAt, size int64) error {
	if size <= 0 {
		return errors.New("empty file")
	}
	zr, err := zip.NewReader(r, size)
	if err != nil && !(errors.Is(err, zip.ErrInsecurePath) && zr != nil) {
		return fmt.Errorf("not a zip archive (an XLSX is one): %w", err)
	}
	var total uint64
	for _, f := range zr.File {
		u, c := f.UncompressedSize64, f.CompressedSize64
		total += u
		if total > maxTotal {
			return fmt.Errorf("zip bomb? the parts expand to more than the %d MB limit (%s)", maxTotal>>20, f.Name)
		}
		if u > ratioFloor && u/max(c, 1) > maxRatio {
			return fmt.Errorf("zip bomb? %s expands %d:1 (%d to %d bytes), over the %d:1 limit", f.Name, u/max(c, 1), c, u, maxRatio)
		}
	}
	return nil
}

// noDoctype refuses XML parts that declare a DOCTYPE: no workbook needs
// one, and entity tricks start there.
func noDoctype(f *excelize.File) error {
	var bad string
	f.Pkg.Range(func(k, v any) bool {
		name, _ := k.(string)
		b, _ := v.([]byte)
		if strings.HasSuffix(strings.ToLower(name), ".xml") || strings.HasSuffix(strings.ToLower(name), ".rels") {
			if bytes.Contains(b[:min(len(b), 4096)], []byte("<!DOCTYPE")) {
				bad = name
				return false
			}
		}
		return true
	})
	if bad != "" {
		return fmt.Errorf("%s: an XLSX part may not declare a DOCTYPE", bad)
	}
	return nil
}

type workbook struct {
	f      *excelize.File
	budget int                      // filled cells left to read
	kinds  map[int]sheet.NumberKind // by style index
	ruling map[int]bool             // by style index: has a border
}

// ruled reports whether the cell at a sheet row and column (0-based) has
// a border. An empty cell keeps the style of its row or column.
func (w *workbook) ruled(sheetName string, r, c int) bool {
	cell, err := excelize.CoordinatesToCellName(c+1, r+1)
	if err != nil {
		return false
	}
	style, err := w.f.GetCellStyle(sheetName, cell)
	if err != nil {
		return false
	}
	v, ok := w.ruling[style]
	if !ok {
		if s, err := w.f.GetStyle(style); err == nil && s != nil {
			for _, b := range s.Border {
				v = v || b.Style > 0
			}
		}
		w.ruling[style] = v
	}
	return v
}

// sheet reads one sheet's visible cells and merges.
func (w *workbook) sheet(name string) (*sheet.Sheet, error) {
	f := w.f
	rows, err := f.GetRows(name)
	if err != nil {
		return nil, err
	}
	raw, err := f.GetRows(name, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, err
	}
	if len(rows) > sheet.MaxRows {
		return nil, fmt.Errorf("%d rows, over the limit of %d", len(rows), sheet.MaxRows)
	}
	width := 0
	for _, row := range rows {
		width = max(width, len(row))
	}
	if width > sheet.MaxCols {
		return nil, fmt.Errorf("%d columns, over the limit of %d", width, sheet.MaxCols)
	}
	// Visible columns and rows, and where each lands once hidden ones are
	// left out.
	colAt := make([]int, width)
	var colOf, rowOf []int // sheet column and row of each visible one
	n := 0
	for c := range width {
		colAt[c] = -1
		col, _ := excelize.ColumnNumberToName(c + 1)
		if v, err := f.GetColVisible(name, col); err != nil || v {
			colAt[c] = n
			colOf = append(colOf, c)
			n++
		}
	}
	rowAt := make([]int, len(rows))
	s := &sheet.Sheet{Name: name}
	s.Ruled = func(r, c int) bool {
		if r >= len(rowOf) || c >= len(colOf) {
			return false
		}
		return w.ruled(name, rowOf[r], colOf[c])
	}
	for r, row := range rows {
		rowAt[r] = -1
		// An empty row is kept without asking whether it is hidden: a
		// sheet may claim a million of them, and the question costs.
		if len(row) == 0 {
			rowAt[r] = len(s.Rows)
			rowOf = append(rowOf, r)
			s.Rows = append(s.Rows, nil)
			continue
		}
		if v, err := f.GetRowVisible(name, r+1); err == nil && !v {
			continue
		}
		rowAt[r] = len(s.Rows)
		rowOf = append(rowOf, r)
		out := make([]string, n)
		for c, text := range row {
			if colAt[c] < 0 || text == "" {
				continue
			}
			if w.budget--; w.budget < 0 {
				return nil, fmt.Errorf("more than %d filled cells in the workbook", sheet.MaxCells)
			}
			var rv string
			if r < len(raw) && c < len(raw[r]) {
				rv = raw[r][c]
			}
			out[colAt[c]] = w.shown(name, r, c, text, rv)
		}
		s.Rows = append(s.Rows, out)
	}
	merges, err := f.GetMergeCells(name, true)
	if err != nil {
		return nil, err
	}
	for _, m := range merges {
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil || r1 > r2 || c1 > c2 || r1 > len(rows) || c1 > width {
			continue
		}
		rg, ok := sheet.Visible(rowAt, colAt, r1-1, min(r2, len(rows))-1, c1-1, min(c2, width)-1)
		if !ok {
			continue
		}
		s.Merges = append(s.Merges, rg)
		// A merge whose first row or column is hidden shows its text in
		// the part that is visible.
		if (rowAt[r1-1] < 0 || colAt[c1-1] < 0) && c1-1 < len(rows[r1-1]) && rows[r1-1][c1-1] != "" {
			var rv string
			if r1-1 < len(raw) && c1-1 < len(raw[r1-1]) {
				rv = raw[r1-1][c1-1]
			}
			s.Rows[rg.Row][rg.Col] = w.shown(name, r1-1, c1-1, rows[r1-1][c1-1], rv)
		}
	}
	return s, nil
}

// shown returns a cell's text in the Vietnamese way (see the package
// comment), from excelize's formatted text and the raw value.
func (w *workbook) shown(sheetName string, r, c int, text, raw string) string {
	if _, err := strconv.ParseFloat(raw, 64); err != nil {
		return text // text, an error value, a boolean
	}
	cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
	k := sheet.General
	if text != raw {
		style, err := w.f.GetCellStyle(sheetName, cell)
		if err != nil {
			return text
		}
		var ok bool
		if k, ok = w.kinds[style]; !ok {
			k = w.kindOf(style)
			w.kinds[style] = k
		}
	} else if t, err := w.f.GetCellType(sheetName, cell); err != nil || !numeric(t) {
		return text // a text cell that looks like a number ("0.72")
	}
	if k == sheet.Date {
		return text
	}
	return sheet.Vietnamese(text)
}

func numeric(t excelize.CellType) bool {
	return t == excelize.CellTypeNumber || t == excelize.CellTypeUnset || t == excelize.CellTypeFormula
}

// kindOf classifies a style's number format.
func (w *workbook) kindOf(style int) sheet.NumberKind {
	s, err := w.f.GetStyle(style)
	if err != nil || s == nil {
		return sheet.General
	}
	if s.CustomNumFmt != nil {
		if sheet.IsDateCode(*s.CustomNumFmt) {
			return sheet.Date
		}
		return sheet.Number
	}
	return sheet.BuiltinKind(s.NumFmt)
}
