package xlsx

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"chiso/internal/doctest"
)

// FuzzRead checks that no input panics, hangs or yields a malformed
// document. Seeds are stored (not deflated) so that mutations reach the
// XML instead of stopping at the zip checksum.
func FuzzRead(f *testing.F) {
	small := book(f, func(x *excelize.File, s string) {
		x.SetCellValue(s, "A1", "BÁO CÁO")
		x.MergeCell(s, "A1", "C1")
		x.SetSheetRow(s, "A3", &[]any{"STT", "Chỉ tiêu", 0.7823})
		numFmt(f, x, s, "C3", "0.00%")
		x.SetSheetRow(s, "A4", &[]any{"1", "Hồ sơ", 11781})
		x.SetRowVisible(s, 2, false)
	})
	real, err := os.ReadFile(filepath.Join("testdata", "report.xlsx"))
	if err != nil {
		f.Fatal(err)
	}
	for _, b := range [][]byte{small, real} {
		f.Add(restore(f, b))
	}
	f.Fuzz(func(t *testing.T, b []byte) { checkRead(t, b) })
}

// restore rewrites a zip with every part stored.
func restore(t testing.TB, b []byte) []byte {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(rc)
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Store})
		w.Write(body)
	}
	zw.Close()
	return buf.Bytes()
}

func checkRead(t *testing.T, b []byte) {
	d, err := Read(bytes.NewReader(b), int64(len(b)))
	doctest.Check(t, d, err)
}
