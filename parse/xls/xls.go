// Package xls reads Excel 97–2003 workbooks (.xls, BIFF8 in a compound
// file) into the chiso document model, as package xlsx reads .xlsx: each
// visible sheet laid out by chiso/parse/sheet (title rows and notes as
// paragraphs, the table with merged cells as spans, the sheet's name as a
// paragraph before them when more than one sheet has content), hidden
// sheets, rows and columns left out, numbers shown as the sheet shows them
// in the Vietnamese way ("78,23%", "11.781", dates dd/mm/yyyy), formulas
// by their cached value.
//
// The pure-Go .xls libraries were measured on LibreOffice-saved workbooks
// first: github.com/extrame/xls panicked on every one (a nil dereference),
// and github.com/shakinm/xlsReader reads cell values but not merged
// cells, hidden rows or columns, or what a number format shows (a date
// comes out as its serial number). So the compound file is opened with
// github.com/richardlehane/mscfb and the BIFF8 records are read here; the
// number formats are applied by github.com/xuri/excelize/v2, as for .xlsx,
// so that an .xls and its .xlsx show a cell alike.
//
// What is read, in the terms of [MS-XLS] (Excel Binary File Format):
//
//   - the Workbook stream's globals: BOF (BIFF8 only; a Book stream,
//     Excel 5.0/95, is refused with the advice to save as .xlsx), FILEPASS
//     (an encrypted workbook, refused), DATEMODE (the 1904 system),
//     FORMAT, XF (each cell format's number format and borders), SST with
//     its CONTINUE records (the shared strings, compressed or UTF-16, rich
//     runs and phonetic extensions skipped), BOUNDSHEET (sheet names,
//     positions, hidden state and type: charts and macro sheets skipped);
//   - each worksheet's substream: ROW (fDyZero, hidden rows; the row's
//     default format), COLINFO (fHidden, hidden columns; their format),
//     LABELSST, LABEL, RSTRING, NUMBER, RK, MULRK, BOOLERR, FORMULA with
//     its cached number, boolean, error or STRING result, BLANK and
//     MULBLANK (for the borders of empty cells, which tell a ruled table
//     from notes around it), and MERGEDCELLS. Substreams nested in a sheet
//     (an embedded chart) are skipped.
//
// BIFF8 text is UTF-16, compressed to one byte a character only when all
// of a string's characters are below U+0100, so the CODEPAGE record is not
// needed to read it.
//
// Every offset, count and length is checked against the stream: a damaged
// or hostile file gives an error or less text, never a panic or an
// allocation larger than the file; a workbook may hold at most
// sheet.MaxCells filled cells.
package xls

import (
	"errors"
	"fmt"
	"io"

	"chiso/doc"
	"chiso/parse/fault"
	"chiso/parse/internal/cfb"
	"chiso/parse/sheet"
)

// MaxSize is the largest compound file Read accepts.
const MaxSize = 256 << 20

// ErrNotExcel is returned for a compound file with no Workbook stream.
var ErrNotExcel = errors.New("no Workbook stream: not an Excel 97–2003 workbook")

// Read reads an .xls of the given size. Errors say what is wrong and in
// which structure, but not the file's name.
func Read(r io.ReaderAt, size int64) (d *doc.Document, err error) {
	defer func() {
		// Last defence only: every panic found is fixed at its cause.
		if p := recover(); p != nil {
			d, err = nil, fmt.Errorf("internal error reading .xls: %v", p)
		}
	}()
	if size > MaxSize {
		return nil, fmt.Errorf("%w: file of %d bytes is over the %d MB limit for .xls", fault.ErrTooLarge, size, MaxSize>>20)
	}
	stream, err := workbookStream(r, size)
	if err != nil {
		return nil, err
	}
	return readStream(stream)
}

// readStream reads the workbook in a Workbook stream.
func readStream(stream []byte) (*doc.Document, error) {
	wb, err := readGlobals(stream)
	if err != nil {
		return nil, err
	}
	wb.budget, wb.styled, wb.merges = sheet.MaxCells, maxStyledRows, sheet.MaxCells
	d := &doc.Document{Source: doc.Source{Format: doc.XLS}}
	var sheets []*sheet.Sheet
	read := map[int]bool{} // sheet positions read
	for _, bs := range wb.sheets {
		switch {
		case bs.kind != 0:
			continue // a chart, a macro sheet or a VBA module: no cells
		case bs.hidden:
			d.Warnings = append(d.Warnings, fmt.Sprintf("sheet %q is hidden and not read", bs.name))
			continue
		case read[bs.pos]:
			// Two names for one sheet: only a damaged or crafted file has
			// them, and reading it again would cost its length again.
			d.Warnings = append(d.Warnings, fmt.Sprintf("sheet %q is the same sheet as one before it and not read again", bs.name))
			continue
		}
		read[bs.pos] = true
		s, warn, err := wb.sheet(stream, bs)
		if err != nil {
			return nil, fmt.Errorf("sheet %q: %w", bs.name, err)
		}
		if warn != "" {
			d.Warnings = append(d.Warnings, fmt.Sprintf("sheet %q: %s", bs.name, warn))
		}
		sheets = append(sheets, s)
	}
	d.Blocks = sheet.Layout(sheets)
	return d, nil
}

// workbookStream returns the Workbook stream at the compound file's root.
func workbookStream(r io.ReaderAt, size int64) ([]byte, error) {
	cf, err := cfb.Open(r, size)
	if err != nil {
		return nil, fault.Damaged("not a readable compound (OLE2) file: %v", err)
	}
	book := false
	for e, err := cf.Next(); err != io.EOF; e, err = cf.Next() {
		if err != nil {
			return nil, fault.Damaged("compound file directory: %v", err)
		}
		if len(e.Path) != 0 {
			continue // a stream inside a storage: an embedded object
		}
		switch e.Name {
		case "Book":
			book = true
			continue
		case "Workbook":
		default:
			continue
		}
		if e.Size < 0 || e.Size > size {
			return nil, fault.Damaged("stream Workbook claims %d bytes in a file of %d", e.Size, size)
		}
		b := make([]byte, e.Size)
		if _, err := io.ReadFull(e, b); err != nil {
			return nil, fault.Damaged("stream Workbook: %v", err)
		}
		return b, nil
	}
	if book {
		return nil, fmt.Errorf("%w: an Excel 5.0/95 workbook (BIFF5): open it in Excel or LibreOffice and save it as .xlsx", fault.ErrUnsupported)
	}
	return nil, fault.Wrap(fault.ErrUnsupported, ErrNotExcel)
}
