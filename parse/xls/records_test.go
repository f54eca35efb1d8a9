package xls

import (
	"encoding/binary"
	"math"
	"testing"
)

// le writes little-endian fields: uint16 for int, then the bytes of
// []byte, uint32, float64 as they are.
func le(fields ...any) []byte {
	var b []byte
	for _, f := range fields {
		switch v := f.(type) {
		case int:
			b = binary.LittleEndian.AppendUint16(b, uint16(v))
		case uint32:
			b = binary.LittleEndian.AppendUint32(b, v)
		case float64:
			b = binary.LittleEndian.AppendUint64(b, math.Float64bits(v))
		case []byte:
			b = append(b, v...)
		case string:
			b = append(b, v...)
		}
	}
	return b
}

// testBook is a workbook with formats: XF 0 General, XF 1 "0.00%", XF 2
// ruled General.
func testBook() *workbook {
	wb := &workbook{
		formats: map[int]string{164: "0.00%"},
		xfs:     []xf{{format: 0}, {format: 164}, {format: 0, ruled: true}},
		strings: []string{"Chỉ tiêu", "Tỷ lệ"},
		budget:  100,
		styled:  100,
		merges:  100,
	}
	wb.shown = newShower(wb.formats, false)
	return wb
}

type rec struct {
	id   uint16
	data []byte
}

// TestRecords feeds cell records to a sheet and checks the text each
// cell gets.
func TestRecords(t *testing.T) {
	utf16le := func(s string) []byte {
		var b []byte
		for _, r := range s {
			b = binary.LittleEndian.AppendUint16(b, uint16(r))
		}
		return b
	}
	tests := []struct {
		name string
		recs []rec
		want map[[2]int]string
	}{
		{"shared string", []rec{{recLabelSST, le(0, 1, 0, uint32(1))}}, map[[2]int]string{{0, 1}: "Tỷ lệ"}},
		{"shared string out of range", []rec{{recLabelSST, le(0, 1, 0, uint32(9))}}, map[[2]int]string{}},
		{"label, compressed", []rec{{recLabel, le(2, 0, 0, 3, []byte{0}, "STT")}}, map[[2]int]string{{2, 0}: "STT"}},
		{"label, UTF-16", []rec{{recLabel, le(2, 0, 0, 3, []byte{1}, utf16le("Quý"))}}, map[[2]int]string{{2, 0}: "Quý"}},
		{"number under a percent format", []rec{{recNumber, le(1, 2, 1, 0.7823)}}, map[[2]int]string{{1, 2}: "78,23%"}},
		{"RK integer", []rec{{recRK, le(0, 0, 0, uint32(11781<<2|2))}}, map[[2]int]string{{0, 0}: "11781"}},
		{"RK integer ×100", []rec{{recRK, le(0, 0, 0, uint32(1565<<2|3))}}, map[[2]int]string{{0, 0}: "15,65"}},
		{"RK float", []rec{{recRK, le(0, 0, 0, uint32(math.Float64bits(2.5)>>32))}}, map[[2]int]string{{0, 0}: "2,5"}},
		{"MULRK", []rec{{recMulRK, le(3, 1, 0, uint32(1<<2|2), 1, uint32(50<<2|3), 3)}}, map[[2]int]string{{3, 1}: "1", {3, 2}: "50,00%"}},
		{"boolean and error", []rec{{recBoolErr, le(0, 0, 0, []byte{1, 0})}, {recBoolErr, le(0, 1, 0, []byte{0x07, 1})}},
			map[[2]int]string{{0, 0}: "TRUE", {0, 1}: "#DIV/0!"}},
		{"formula, number", []rec{{recFormula, le(0, 0, 1, 0.5, 0, uint32(0))}}, map[[2]int]string{{0, 0}: "50,00%"}},
		{"formula, text in STRING", []rec{
			{recFormula, le(0, 0, 0, []byte{0, 0, 0, 0, 0, 0, 0xFF, 0xFF}, 0, uint32(0))},
			{recString, le(4, []byte{0}, "tong")},
		}, map[[2]int]string{{0, 0}: "tong"}},
		{"STRING without its FORMULA", []rec{{recString, le(4, []byte{0}, "tong")}}, map[[2]int]string{}},
		{"formula, boolean", []rec{{recFormula, le(0, 0, 0, []byte{1, 0, 1, 0, 0, 0, 0xFF, 0xFF}, 0, uint32(0))}}, map[[2]int]string{{0, 0}: "TRUE"}},
		{"formula, error", []rec{{recFormula, le(0, 0, 0, []byte{2, 0, 0x2A, 0, 0, 0, 0xFF, 0xFF}, 0, uint32(0))}}, map[[2]int]string{{0, 0}: "#N/A"}},
		{"past column 256", []rec{{recRK, le(0, 300, 0, uint32(1<<2|2))}}, map[[2]int]string{}},
		{"short records", []rec{{recNumber, le(0, 0)}, {recLabelSST, le(0)}, {recMulRK, le(0, 0)}, {recFormula, le(1)}}, map[[2]int]string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wb := testBook()
			c := newCells(wb)
			formula := [2]int{-1, -1}
			for _, r := range tt.recs {
				if err := wb.record(c, r.id, r.data, &formula); err != nil {
					t.Fatal(err)
				}
			}
			if len(c.text) != len(tt.want) {
				t.Errorf("cells %v, want %v", c.text, tt.want)
			}
			for at, want := range tt.want {
				if got := c.text[at]; got != want {
					t.Errorf("cell %v = %q, want %q", at, got, want)
				}
			}
		})
	}
}

// TestSST reads shared strings that break across CONTINUE records, where
// the rest of a string may change from compressed to UTF-16.
func TestSST(t *testing.T) {
	head := le(uint32(3), uint32(3))
	data := append(head, le(3, []byte{0}, "abc")...)
	// "Quý" starts compressed ("Qu") and continues in UTF-16 ("ý").
	data = append(data, le(3, []byte{0}, "Qu")...)
	cont1 := le([]byte{1}, 0xFD)
	// A rich string with one run and an extension of 2 bytes.
	cont1 = append(cont1, le(2, []byte{0x0C}, 1, uint32(2), "ok", 0, 0, []byte{9, 9})...)
	got := readSST(data, [][]byte{cont1})
	want := []string{"abc", "Quý", "ok"}
	if len(got) != len(want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("string %d = %q, want %q", i, got[i], want[i])
		}
	}
	// A count larger than the strings present stops at the damage.
	if got := readSST(le(uint32(9), uint32(1<<30), 3, []byte{0}, "abc"), nil); len(got) != 1 {
		t.Errorf("damaged table: got %q", got)
	}
}

// TestHidden lays out a sheet with a hidden row and column and a merge
// that starts in the hidden column.
func TestHidden(t *testing.T) {
	wb := testBook()
	c := newCells(wb)
	formula := [2]int{-1, -1}
	for _, r := range []rec{
		{recLabel, le(0, 0, 0, 5, []byte{0}, "TITLE")},
		{recMergeCells, le(1, 0, 0, 0, 2)},
		{recLabel, le(1, 1, 2, 1, []byte{0}, "a")},
		{recLabel, le(1, 2, 2, 1, []byte{0}, "b")},
		{recLabel, le(2, 1, 2, 1, []byte{0}, "x")},
		{recLabel, le(2, 2, 2, 1, []byte{0}, "y")},
		{recRow, le(2, 0, 3, 255, 0, 0, 0x20|0x80, 2)},
		{recColInfo, le(0, 0, 255, 0, 1, 0)},
	} {
		if err := wb.record(c, r.id, r.data, &formula); err != nil {
			t.Fatal(err)
		}
	}
	s := c.layout("s", wb)
	if len(s.Rows) != 2 || len(s.Rows[0]) != 2 || s.Rows[0][0] != "TITLE" || s.Rows[1][0] != "a" {
		t.Fatalf("rows %q", s.Rows)
	}
	if len(s.Merges) != 1 || s.Merges[0].Cols != 2 || s.Merges[0].Col != 0 {
		t.Errorf("merges %+v", s.Merges)
	}
	if !s.Ruled(1, 0) || s.Ruled(0, 1) {
		t.Error("borders of the table's cells not kept, or given to the title")
	}
}
