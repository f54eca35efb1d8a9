package xls

import (
	"fmt"

	"chiso/parse/fault"
)

// workbook is what the globals substream holds.
type workbook struct {
	strings  []string // the shared string table
	xfs      []xf
	formats  map[int]string // FORMAT records: number format codes by index
	date1904 bool
	sheets   []boundSheet
	shown    *shower
	budget   int // filled cells left to read
	// styled and merges are what is left of the budgets for rows whose
	// cells' formats are kept (for their borders) and for merged ranges:
	// a record of a few bytes may ask for either, so a crafted file could
	// otherwise make them cost many times its size.
	styled, merges int
}

// xf is what is used of an XF record: the number format and whether any
// border is drawn.
type xf struct {
	format int
	ruled  bool
}

// boundSheet is a BOUNDSHEET record.
type boundSheet struct {
	name   string
	pos    int // of the sheet's BOF in the Workbook stream
	hidden bool
	kind   byte // 0 worksheet, 1 macro sheet, 2 chart, 6 VBA module
}

// BIFF versions and substream types of a BOF record.
const (
	biff8        = 0x0600
	bofGlobals   = 0x0005
	bofWorksheet = 0x0010
)

// readGlobals reads the globals substream at the start of the stream.
func readGlobals(stream []byte) (*workbook, error) {
	r := &records{b: stream}
	id, data, ok := r.next()
	if !ok || id != recBOF || len(data) < 4 {
		return nil, fault.Damaged("the Workbook stream does not start with a BOF record")
	}
	if v := u16(data, 0); v != biff8 {
		return nil, fmt.Errorf("%w: BIFF version %#04x, not BIFF8 (Excel 97–2003): open it in Excel or LibreOffice and save it as .xlsx", fault.ErrUnsupported, v)
	}
	if u16(data, 2) != bofGlobals {
		return nil, fault.Damaged("the Workbook stream does not start with the workbook globals")
	}
	wb := &workbook{formats: map[int]string{}}
	for {
		id, data, ok := r.next()
		if !ok || id == recEOF {
			break
		}
		switch id {
		case recFilePass:
			return nil, fmt.Errorf("%w: the workbook is password-protected: remove the password in Excel and save again", fault.ErrEncrypted)
		case recDateMode:
			wb.date1904 = u16(data, 0) == 1
		case recFormat:
			if len(data) >= 2 {
				wb.formats[u16(data, 0)] = xlString(data[2:], false)
			}
		case recXF:
			if len(data) >= 12 {
				borders := u16(data, 10) // dgLeft, dgRight, dgTop, dgBottom: 4 bits each
				wb.xfs = append(wb.xfs, xf{format: u16(data, 2), ruled: borders != 0})
			}
		case recSST:
			wb.strings = readSST(data, r.continues())
		case recBoundSheet:
			if len(data) >= 8 {
				wb.sheets = append(wb.sheets, boundSheet{
					pos:    int(u32(data, 0)),
					hidden: data[4]&0x03 != 0,
					kind:   data[5],
					name:   xlString(data[6:], true),
				})
			}
		}
	}
	if len(wb.sheets) == 0 {
		return nil, fault.Damaged("the workbook names no sheet (no BOUNDSHEET record)")
	}
	wb.shown = newShower(wb.formats, wb.date1904)
	return wb, nil
}

// readSST reads the shared string table: a count of references, a count
// of unique strings, then the strings, across the CONTINUE records. A
// damaged table keeps the strings read before the damage.
func readSST(data []byte, cont [][]byte) []string {
	if len(data) < 8 {
		return nil
	}
	n := int(u32(data, 4))
	s := &segments{segs: append([][]byte{data[8:]}, cont...)}
	total := len(data)
	for _, c := range cont {
		total += len(c)
	}
	// Each string takes at least 3 bytes: do not trust a count larger.
	out := make([]string, 0, min(n, total/3))
	for range n {
		t, ok := s.str()
		if !ok {
			break
		}
		out = append(out, t)
	}
	return out
}

// format returns the number format of an XF, -1 for an unknown XF.
func (wb *workbook) format(ixfe int) int {
	if ixfe < 0 || ixfe >= len(wb.xfs) {
		return -1
	}
	return wb.xfs[ixfe].format
}

func (wb *workbook) ruled(ixfe int) bool {
	return ixfe >= 0 && ixfe < len(wb.xfs) && wb.xfs[ixfe].ruled
}
