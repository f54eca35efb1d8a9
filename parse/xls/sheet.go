package xls

import (
	"encoding/binary"
	"fmt"
	"math"

	"chiso/parse/fault"
	"chiso/parse/sheet"
)

// BIFF8 sheets are 65536 rows by 256 columns.
const (
	maxRows = 1 << 16
	maxCols = 256
)

// maxRuledCols is how far along a row borders are kept: parse/sheet looks
// for them among the first 64 columns only.
const maxRuledCols = 64

// maxStyledRows is how many rows of a workbook keep their cells' formats
// (2 bytes for each of maxRuledCols columns): a workbook's worth of
// reports, far from the 65536 rows of every sheet a crafted file could
// format cell by cell.
const maxStyledRows = 1 << 18

// cells is one worksheet as its records give it.
type cells struct {
	wb      *workbook
	text    map[[2]int]string // by sheet row and column
	xf      map[int][]uint16  // row → XF+1 of its first columns (0: none)
	rowXF   map[int]int       // a row's default format (ROW fGhostDirty)
	colXF   [maxCols]int      // a column's format (COLINFO), XF+1
	hidRow  map[int]bool
	hidCol  [maxCols]bool
	merges  [][4]int // first row, last row, first column, last column
	lastRow int      // of a filled cell, -1 for none
	lastCol int
	skipped int // cells past the 256 columns of a BIFF8 sheet
}

func newCells(wb *workbook) *cells {
	return &cells{wb: wb, text: map[[2]int]string{}, xf: map[int][]uint16{}, rowXF: map[int]int{}, hidRow: map[int]bool{}, lastRow: -1, lastCol: -1}
}

// sheet reads the worksheet substream of bs.
func (wb *workbook) sheet(stream []byte, bs boundSheet) (*sheet.Sheet, string, error) {
	if bs.pos < 0 || bs.pos >= len(stream) {
		return nil, "", fault.Damaged("the sheet's position %d is outside the Workbook stream of %d bytes", bs.pos, len(stream))
	}
	r := &records{b: stream, pos: bs.pos}
	id, data, ok := r.next()
	if !ok || id != recBOF || u16(data, 2) != bofWorksheet {
		return nil, "", fault.Damaged("no worksheet BOF record at offset %d", bs.pos)
	}
	c := newCells(wb)
	var warn string
	formula := [2]int{-1, -1} // the FORMULA cell whose STRING record comes next
	depth := 0                // substreams nested in the sheet (embedded charts)
	for {
		id, data, ok := r.next()
		if !ok {
			warn = "the sheet ends before its EOF record (a truncated file?): read up to there"
			break
		}
		if id == recBOF {
			depth++
			continue
		}
		if id == recEOF {
			if depth == 0 {
				break
			}
			depth--
			continue
		}
		if depth > 0 {
			continue
		}
		if err := wb.record(c, id, data, &formula); err != nil {
			return nil, "", err
		}
	}
	if c.skipped > 0 {
		if warn != "" {
			warn += "; "
		}
		warn += fmt.Sprintf("%d cells past column 256, the last of an Excel 97 sheet, left out", c.skipped)
	}
	return c.layout(bs.name, wb), warn, nil
}

// record reads one record of a worksheet into c.
func (wb *workbook) record(c *cells, id uint16, data []byte, formula *[2]int) error {
	row, col, ixfe := u16(data, 0), u16(data, 2), u16(data, 4)
	if id != recString {
		*formula = [2]int{-1, -1}
	}
	switch id {
	case recLabelSST:
		if len(data) >= 10 {
			if i := int(u32(data, 6)); i < len(wb.strings) {
				return c.set(wb, row, col, ixfe, wb.strings[i])
			}
		}
	case recLabel, recRString:
		if len(data) >= 8 {
			return c.set(wb, row, col, ixfe, xlString(data[6:], false))
		}
	case recNumber:
		if len(data) >= 14 {
			v := math.Float64frombits(binary.LittleEndian.Uint64(data[6:]))
			return c.set(wb, row, col, ixfe, wb.shown.show(v, wb.format(ixfe)))
		}
	case recRK:
		if len(data) >= 10 {
			return c.set(wb, row, col, ixfe, wb.shown.show(rk(u32(data, 6)), wb.format(ixfe)))
		}
	case recMulRK:
		// rw, colFirst, then 6 bytes (ixfe, RK) a cell, then colLast.
		for i, at := 0, 4; at+6 <= len(data)-2; i, at = i+1, at+6 {
			x := u16(data, at)
			if err := c.set(wb, row, col+i, x, wb.shown.show(rk(u32(data, at+2)), wb.format(x))); err != nil {
				return err
			}
		}
	case recBlank:
		if len(data) >= 6 {
			c.style(row, col, ixfe)
		}
	case recMulBlank:
		for i, at := 0, 4; at+2 <= len(data)-2; i, at = i+1, at+2 {
			c.style(row, col+i, u16(data, at))
		}
	case recBoolErr:
		if len(data) >= 8 {
			return c.set(wb, row, col, ixfe, boolErr(data[6], data[7] != 0))
		}
	case recFormula:
		if len(data) < 14 {
			return nil
		}
		v := data[6:14]
		if v[6] != 0xFF || v[7] != 0xFF {
			return c.set(wb, row, col, ixfe, wb.shown.show(math.Float64frombits(binary.LittleEndian.Uint64(v)), wb.format(ixfe)))
		}
		switch v[0] {
		case 0: // a string, in the STRING record that follows
			*formula = [2]int{row, col}
			c.style(row, col, ixfe)
		case 1:
			return c.set(wb, row, col, ixfe, boolErr(v[2], false))
		case 2:
			return c.set(wb, row, col, ixfe, boolErr(v[2], true))
		}
	case recString:
		if formula[0] >= 0 {
			r, cl := formula[0], formula[1]
			*formula = [2]int{-1, -1}
			return c.set(wb, r, cl, -1, xlString(data, false))
		}
	case recRow:
		if len(data) >= 16 {
			flags := u16(data, 12)
			if flags&0x20 != 0 { // fDyZero
				c.hidRow[row] = true
			}
			if flags&0x80 != 0 { // fGhostDirty: ixfe_val holds the row's format
				c.rowXF[row] = u16(data, 14)&0x0FFF + 1
			}
		}
	case recColInfo:
		if len(data) >= 10 {
			first, last := u16(data, 0), min(u16(data, 2), maxCols-1)
			for i := first; i <= last; i++ {
				c.hidCol[i] = u16(data, 8)&0x01 != 0
				c.colXF[i] = u16(data, 6) + 1
			}
		}
	case recMergeCells:
		n := u16(data, 0)
		for i, at := 0, 2; i < n && at+8 <= len(data) && wb.merges > 0; i, at = i+1, at+8 {
			c.merges = append(c.merges, [4]int{u16(data, at), u16(data, at+2), u16(data, at+4), u16(data, at+6)})
			wb.merges--
		}
	}
	return nil
}

// rk decodes an RkNumber: a 30-bit integer or the high 30 bits of a
// float64, divided by 100 when fX100 is set.
func rk(v uint32) float64 {
	var f float64
	if v&0x02 != 0 {
		f = float64(int32(v) >> 2)
	} else {
		f = math.Float64frombits(uint64(v&0xFFFFFFFC) << 32)
	}
	if v&0x01 != 0 {
		f /= 100
	}
	return f
}

// boolErr is the text Excel shows for a boolean or an error value.
func boolErr(v byte, isErr bool) string {
	if !isErr {
		if v != 0 {
			return "TRUE"
		}
		return "FALSE"
	}
	switch v {
	case 0x00:
		return "#NULL!"
	case 0x07:
		return "#DIV/0!"
	case 0x0F:
		return "#VALUE!"
	case 0x17:
		return "#REF!"
	case 0x1D:
		return "#NAME?"
	case 0x24:
		return "#NUM!"
	case 0x2A:
		return "#N/A"
	}
	return "#N/A"
}

// set records a filled cell; ixfe -1 keeps the cell's format.
func (c *cells) set(wb *workbook, row, col, ixfe int, text string) error {
	if col >= maxCols {
		c.skipped++
		return nil
	}
	if ixfe >= 0 {
		c.style(row, col, ixfe)
	}
	if text == "" {
		return nil
	}
	at := [2]int{row, col}
	if _, dup := c.text[at]; !dup {
		if wb.budget--; wb.budget < 0 {
			return fmt.Errorf("%w: more than %d filled cells in the workbook", fault.ErrBudget, sheet.MaxCells)
		}
	}
	c.text[at] = text
	c.lastRow, c.lastCol = max(c.lastRow, row), max(c.lastCol, col)
	return nil
}

// style records the format of a cell among a row's first columns.
func (c *cells) style(row, col, ixfe int) {
	if col >= maxRuledCols {
		return
	}
	x := c.xf[row]
	if x == nil {
		if c.wb.styled--; c.wb.styled < 0 {
			return // over budget: the cell's border is not known
		}
		x = make([]uint16, maxRuledCols)
		c.xf[row] = x
	}
	x[col] = uint16(ixfe + 1)
}

// ruled reports whether the cell at a sheet row and column has a border;
// an empty cell keeps the format of its row or column.
func (c *cells) ruled(wb *workbook, row, col int) bool {
	if col >= maxRuledCols {
		return false
	}
	if x := c.xf[row]; x != nil && x[col] != 0 {
		return wb.ruled(int(x[col]) - 1)
	}
	if x, ok := c.rowXF[row]; ok {
		return wb.ruled(x - 1)
	}
	return wb.ruled(c.colXF[col] - 1)
}

// layout lays the cells out as a sheet.Sheet of visible rows and columns.
func (c *cells) layout(name string, wb *workbook) *sheet.Sheet {
	s := &sheet.Sheet{Name: name}
	nrows, width := c.lastRow+1, c.lastCol+1
	colAt := make([]int, width)
	var colOf, rowOf []int // sheet column and row of each visible one
	n := 0
	for col := range width {
		colAt[col] = -1
		if !c.hidCol[col] {
			colAt[col] = n
			colOf = append(colOf, col)
			n++
		}
	}
	rowAt := make([]int, nrows)
	for r := range nrows {
		rowAt[r] = -1
		if c.hidRow[r] {
			continue
		}
		rowAt[r] = len(s.Rows)
		rowOf = append(rowOf, r)
		s.Rows = append(s.Rows, nil)
	}
	for at, text := range c.text {
		r, col := at[0], at[1]
		if rowAt[r] < 0 || colAt[col] < 0 {
			continue
		}
		row := s.Rows[rowAt[r]]
		if row == nil {
			row = make([]string, n)
			s.Rows[rowAt[r]] = row
		}
		row[colAt[col]] = text
	}
	s.Ruled = func(r, col int) bool {
		if r >= len(rowOf) || col >= len(colOf) {
			return false
		}
		return c.ruled(wb, rowOf[r], colOf[col])
	}
	for _, m := range c.merges {
		r1, r2, c1, c2 := m[0], min(m[1], nrows-1), m[2], min(m[3], width-1)
		if r1 > r2 || c1 > c2 {
			continue
		}
		rg, ok := sheet.Visible(rowAt, colAt, r1, r2, c1, c2)
		if !ok {
			continue
		}
		s.Merges = append(s.Merges, rg)
		// A merge whose first row or column is hidden shows its text in
		// the part that is visible.
		if rowAt[r1] < 0 || colAt[c1] < 0 {
			if text, ok := c.text[[2]int{r1, c1}]; ok {
				if s.Rows[rg.Row] == nil {
					s.Rows[rg.Row] = make([]string, n)
				}
				s.Rows[rg.Row][rg.Col] = text
			}
		}
	}
	return s
}
