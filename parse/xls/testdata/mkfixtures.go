//go:build ignore

// Mkfixtures writes the .xls fixtures of package xls: a workbook written
// with excelize, then saved by LibreOffice Calc as Excel 97 (.xls), as
// offices make such files. Run from the repository root:
//
//	go run parse/xls/testdata/mkfixtures.go
//
// features.xls has what the reader must handle besides plain cells: a
// merged title, a ruled table with numbers under percent, thousands,
// decimal and date formats, a number stored as text, a formula (its
// cached value), a hidden row and a hidden column, a string
// long enough to continue past its SST record, a second sheet (so that
// sheet names become headings) and a hidden sheet. (LibreOffice writes
// booleans and a formula's text or boolean result as numbers, so those
// are tested on records made in the test.) report.xls is package
// xlsx's test workbook (the golden merged table) saved as .xls, so that
// the two readers' times per table cell can be compared.
package main

import (
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"
)

func main() {
	dir := filepath.Join("parse", "xls", "testdata")
	tmp, err := os.MkdirTemp("", "xlsfixtures")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	src := filepath.Join(tmp, "features.xlsx")
	if err := features(src); err != nil {
		log.Fatal(err)
	}
	report, err := os.ReadFile(filepath.Join("parse", "xlsx", "testdata", "report.xlsx"))
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(tmp, "report.xlsx"), report, 0o644); err != nil {
		log.Fatal(err)
	}
	for _, name := range []string{"features.xlsx", "report.xlsx"} {
		cmd := exec.Command("soffice", "--headless", "-env:UserInstallation=file://"+filepath.Join(tmp, "profile"),
			"--convert-to", "xls:MS Excel 97", "--outdir", dir, filepath.Join(tmp, name))
		cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
		if err := cmd.Run(); err != nil {
			log.Fatalf("soffice %s: %v", name, err)
		}
	}
}

func features(path string) error {
	f := excelize.NewFile()
	defer f.Close()
	const s = "Báo cáo"
	if err := f.SetSheetName("Sheet1", s); err != nil {
		return err
	}
	ruled := &excelize.Style{}
	for _, side := range []string{"left", "top", "right", "bottom"} {
		ruled.Border = append(ruled.Border, excelize.Border{Type: side, Color: "000000", Style: 1})
	}
	style := func(code string) int {
		st := *ruled
		if code != "" {
			st.CustomNumFmt = &code
		}
		id, err := f.NewStyle(&st)
		if err != nil {
			log.Fatal(err)
		}
		return id
	}
	set := func(sheet, cell string, v any) {
		if err := f.SetCellValue(sheet, cell, v); err != nil {
			log.Fatal(err)
		}
	}
	set(s, "A1", "BÁO CÁO KẾT QUẢ CHUYỂN ĐỔI SỐ")
	f.MergeCell(s, "A1", "E1")
	set(s, "A2", "Quý 3 năm 2023")
	rows := [][]any{
		{"STT", "Chỉ tiêu", "Ẩn", "Giá trị", "Ghi chú"},
		{1, "Tỷ lệ hồ sơ trực tuyến", "x", 0.7823, "0.72"},
		{2, "Số hồ sơ tiếp nhận", "x", 11781, nil},
		{3, "Điểm trung bình", "x", 0.72, nil},
		{4, "Ngày báo cáo", "x", 45199, nil},
		{5, "Dòng ẩn", "x", 99, nil},
		{6, "Tổng (công thức)", "x", nil, nil},
	}
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, 4+i)
		if err := f.SetSheetRow(s, cell, &row); err != nil {
			return err
		}
	}
	text := style("@")
	f.SetCellStyle(s, "A4", "E10", text)
	f.SetCellStyle(s, "D5", "D5", style("0.00%"))
	f.SetCellStyle(s, "D6", "D6", style("#,##0"))
	f.SetCellStyle(s, "D7", "D7", style("0.00"))
	f.SetCellStyle(s, "D8", "D8", style("dd/mm/yyyy"))
	f.SetCellStyle(s, "D10", "D10", style("#,##0"))
	f.SetCellFormula(s, "D10", "D6+D9")
	f.SetColVisible(s, "C", false)
	f.SetRowVisible(s, 9, false)
	set(s, "A13", "Ghi chú: "+strings.Repeat("Chuyển đổi số là quá trình thay đổi tổng thể. ", 200))

	const annex = "Phụ lục"
	f.NewSheet(annex)
	f.SetSheetRow(annex, "A1", &[]any{"Đơn vị", "Điểm"})
	f.SetSheetRow(annex, "A2", &[]any{"Quận 1", 512.5})
	const hidden = "Ẩn"
	f.NewSheet(hidden)
	set(hidden, "A1", "không đọc")
	f.SetSheetVisible(hidden, false)
	return f.SaveAs(path)
}
