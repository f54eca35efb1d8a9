package xlsx

import (
	"archive/zip"
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"chiso/doc"
	"chiso/internal/doctest"

	"chiso/internal/material"
)

// book builds a workbook in memory; edit sets cells, styles and merges.
func book(t testing.TB, edit func(f *excelize.File, s string)) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	edit(f, "Sheet1")
	b, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func read(t testing.TB, b []byte) (*doc.Document, error) {
	t.Helper()
	return Read(bytes.NewReader(b), int64(len(b)))
}

func numFmt(t testing.TB, f *excelize.File, s, cell, code string) {
	t.Helper()
	id, err := f.NewStyle(&excelize.Style{CustomNumFmt: &code})
	if err != nil {
		t.Fatal(err)
	}
	f.SetCellStyle(s, cell, cell, id)
}

func TestRead(t *testing.T) {
	tests := []struct {
		name string
		edit func(t *testing.T, f *excelize.File, s string)
		want []string
	}{
		{"numbers as a Vietnamese sheet shows them", func(t *testing.T, f *excelize.File, s string) {
			f.SetSheetRow(s, "A1", &[]any{"Chỉ số", "Giá trị"})
			f.SetSheetRow(s, "A2", &[]any{"Tỷ lệ", 0.7823})
			numFmt(t, f, s, "B2", "0.00%")
			f.SetSheetRow(s, "A3", &[]any{"Hồ sơ", 11781})
			numFmt(t, f, s, "B3", "#,##0")
			f.SetSheetRow(s, "A4", &[]any{"Điểm", 15.65})
			f.SetSheetRow(s, "A5", &[]any{"Ngày", time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)})
			numFmt(t, f, s, "B5", "dd/mm/yyyy")
			f.SetSheetRow(s, "A6", &[]any{"Ngày ngắn", 46022})
			id, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
			f.SetCellStyle(s, "B6", "B6", id)
			f.SetSheetRow(s, "A7", &[]any{"Văn bản", "0.72"})
			f.SetSheetRow(s, "A8", &[]any{"Tiền", 1234567.5})
			numFmt(t, f, s, "B8", "#,##0.00")
		}, []string{"t: Chỉ số | Giá trị / Tỷ lệ | 78,23% / Hồ sơ | 11.781 / Điểm | 15,65 / Ngày | 31/12/2025 / Ngày ngắn | 31/12/2025 / Văn bản | 0.72 / Tiền | 1.234.567,50"}},
		{"title rows, merges and a note", func(t *testing.T, f *excelize.File, s string) {
			f.SetCellValue(s, "A1", "BÁO CÁO")
			f.MergeCell(s, "A1", "D1")
			f.SetSheetRow(s, "A3", &[]any{"STT", "Chỉ tiêu", "Số liệu"})
			f.MergeCell(s, "C3", "D3")
			f.SetSheetRow(s, "C4", &[]any{"2022", "2023"})
			f.MergeCell(s, "A3", "A4")
			f.MergeCell(s, "B3", "B4")
			f.SetSheetRow(s, "A5", &[]any{"1", "Dân số", "10", "12"})
			f.SetCellValue(s, "A7", "Ghi chú: số liệu ước tính.")
		}, []string{"p: BÁO CÁO", "t: STT^2x1 | Chỉ tiêu^2x1 | Số liệu^1x2 / 2022 | 2023 / 1 | Dân số | 10 | 12", "p: Ghi chú: số liệu ước tính."}},
		{"hidden rows, columns and sheets", func(t *testing.T, f *excelize.File, s string) {
			f.SetSheetRow(s, "A1", &[]any{"STT", "Ẩn", "Chỉ tiêu", "Số"})
			f.SetSheetRow(s, "A2", &[]any{"1", "x", "a", "5"})
			f.SetSheetRow(s, "A3", &[]any{"2", "y", "b", "6"})
			f.MergeCell(s, "B1", "C1")
			f.SetColVisible(s, "B", false)
			f.SetRowVisible(s, 2, false)
			f.NewSheet("Ẩn")
			f.SetCellValue("Ẩn", "A1", "bí mật")
			f.SetSheetVisible("Ẩn", false)
		}, []string{"t: STT | Ẩn | Số / 2 | b | 6"}},
		{"two sheets are named", func(t *testing.T, f *excelize.File, s string) {
			f.SetSheetRow(s, "A1", &[]any{"a", "b"})
			f.NewSheet("Biểu 2")
			f.SetSheetRow("Biểu 2", "A1", &[]any{"c", "d"})
			f.NewSheet("Trống")
		}, []string{"p: Sheet1", "t: a | b", "p: Biểu 2", "t: c | d"}},
		{"a ruled total row stays in the table", func(t *testing.T, f *excelize.File, s string) {
			id, _ := f.NewStyle(&excelize.Style{Border: []excelize.Border{{Type: "left", Style: 1}}})
			f.SetSheetRow(s, "A1", &[]any{"STT", "Số"})
			f.SetSheetRow(s, "A2", &[]any{"1", "5"})
			f.SetCellValue(s, "A3", "TỔNG CỘNG")
			f.SetCellStyle(s, "A1", "B3", id)
			f.SetCellValue(s, "A4", "Ghi chú")
		}, []string{"t: STT | Số / 1 | 5 / TỔNG CỘNG | ", "p: Ghi chú"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := read(t, book(t, func(f *excelize.File, s string) { tt.edit(t, f, s) }))
			if err != nil {
				t.Fatal(err)
			}
			if got := doctest.Render(d); strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestReal reads the real workbook of the development set: a comment
// digest under a merged two-line title.
func TestReal(t *testing.T) {
	files := material.Glob(t, "real/docs/d09_*.xlsx")
	b, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	d, err := read(t, b)
	if err != nil {
		t.Fatal(err)
	}
	got := doctest.Render(d)
	if len(got) != 3 || got[0] != "p: Phụ lục" || !strings.HasPrefix(got[1], "p: TỔNG HỢP VIỆC GÓP Ý") {
		t.Fatalf("blocks %q", got[:min(len(got), 3)])
	}
	tbl := d.Blocks[2].Table
	grid := tbl.Texts()
	if len(grid) != 17 || len(grid[0]) != 4 || grid[0][0] != "STT" || grid[2][1] != "Sở Nông nghiệp và Môi trường" {
		t.Errorf("table %d rows, first rows %q", len(grid), grid[:min(len(grid), 3)])
	}
	if c := tbl.Rows[1][0]; c.Text != "I. CẤP SỞ, NGÀNH" || c.ColSpan != 4 {
		t.Errorf("group row %+v, want I. CẤP SỞ, NGÀNH across 4 columns", c)
	}
}

// stored zips parts without compression.
func stored(t testing.TB, parts map[string]string, method uint16) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range parts {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: method})
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	zw.Close()
	return buf.Bytes()
}

func TestHostile(t *testing.T) {
	good := book(t, func(f *excelize.File, s string) { f.SetSheetRow(s, "A1", &[]any{"a", "b"}) })
	parts := unzipParts(t, good)
	with := func(name, body string) map[string]string {
		m := map[string]string{}
		for k, v := range parts {
			m[k] = v
		}
		m[name] = body
		return m
	}
	tests := []struct {
		name string
		b    []byte
		want string
	}{
		{"empty", nil, "empty file"},
		{"not a zip", []byte("hello"), "not a zip archive"},
		{"zip bomb by ratio", stored(t, with("xl/worksheets/sheet1.xml", strings.Repeat(" ", 8<<20)), zip.Deflate), "zip bomb? xl/worksheets/sheet1.xml expands"},
		{"DOCTYPE", stored(t, with("xl/workbook.xml", `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]>`+parts["xl/workbook.xml"][strings.Index(parts["xl/workbook.xml"], "<workbook"):]), zip.Store), "may not declare a DOCTYPE"},
		{"no workbook", stored(t, map[string]string{"xl/x.xml": "<a/>"}, zip.Store), "not a readable Excel workbook"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := read(t, tt.b)
			if err == nil {
				t.Fatalf("no error, blocks %q", doctest.Render(d))
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not say %q", err, tt.want)
			}
		})
	}
}

// unzipParts returns a zip's parts by name.
func unzipParts(t testing.TB, b []byte) map[string]string {
	parts := map[string]string{}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		rc, _ := f.Open()
		var buf bytes.Buffer
		buf.ReadFrom(rc)
		parts[f.Name] = buf.String()
	}
	return parts
}
