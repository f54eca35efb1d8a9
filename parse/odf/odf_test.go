package odf

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chiso/doc"

	"chiso/internal/doctest"
)

// stored rewrites a zip with every part stored, so that the fuzzer's
// mutations reach the XML; replace swaps the content of named parts.
func stored(t testing.TB, b []byte, replace map[string]string) []byte {
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
		if r, ok := replace[f.Name]; ok {
			body = []byte(r)
		}
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Store})
		w.Write(body)
	}
	zw.Close()
	return buf.Bytes()
}

func load(t testing.TB, name string) []byte {
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestRead reads the merged-cell report as LibreOffice saves it in both
// kinds: the same table, spans and Vietnamese numbers.
func TestRead(t *testing.T) {
	for _, name := range []string{"report.odt", "report.ods"} {
		t.Run(name, func(t *testing.T) {
			b := load(t, name)
			d, err := Read(bytes.NewReader(b), int64(len(b)))
			if err != nil {
				t.Fatal(err)
			}
			var tbl *doc.Table
			for _, blk := range d.Blocks {
				if blk.Table != nil {
					tbl = blk.Table
				}
			}
			if tbl == nil {
				t.Fatal("no table")
			}
			if c := tbl.Rows[0][0]; c.Text != "STT" || c.RowSpan != 2 {
				t.Errorf("first cell %+v, want STT over 2 rows", c)
			}
			if c := tbl.Rows[0][3]; c.Text != "Số liệu" || c.ColSpan != 2 {
				t.Errorf("fourth cell %+v, want Số liệu over 2 columns", c)
			}
			g := tbl.Texts()
			if g[4][4] != "11.781" || g[3][0] != "1" {
				t.Errorf("row 5 %q, want 11.781 in column 5", g[4])
			}
		})
	}
}

func TestNumbers(t *testing.T) {
	tests := []struct {
		text string
		v    float64
		want string
	}{
		{"11,781", 11781, "11.781"},
		{"78.23%", 78.23, "78,23%"},
		{"11.781", 11781, "11.781"}, // already Vietnamese
		{"1,5", 1.5, "1,5"},
		{"2023", 2023, "2023"},
	}
	for _, tt := range tests {
		got := tt.text
		if englishValue(tt.text, tt.v) {
			got = swap(tt.text)
		}
		if got != tt.want {
			t.Errorf("%q (%v) = %q, want %q", tt.text, tt.v, got, tt.want)
		}
	}
}

func TestListLabels(t *testing.T) {
	for n, want := range map[int][2]string{1: {"a", "i"}, 4: {"d", "iv"}, 27: {"aa", "xxvii"}} {
		if got := number(n, "a"); got != want[0] {
			t.Errorf("number(%d, a) = %q", n, got)
		}
		if got := number(n, "i"); got != want[1] {
			t.Errorf("number(%d, i) = %q", n, got)
		}
	}
}

func TestHostile(t *testing.T) {
	odt := load(t, "report.odt")
	tests := []struct {
		name string
		b    []byte
		want string
	}{
		{"empty", nil, "empty file"},
		{"not a zip", []byte("hello"), "not a zip archive"},
		{"DOCTYPE", stored(t, odt, map[string]string{"content.xml": `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><office:document-content/>`}), "may not declare a DOCTYPE"},
		{"presentation", stored(t, odt, map[string]string{"mimetype": "application/vnd.oasis.opendocument.presentation"}), "neither an OpenDocument text nor a spreadsheet"},
		{"cut short", stored(t, odt, map[string]string{"content.xml": `<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"><office:body><office:text>`}), "content.xml"},
		{"nested too deep", stored(t, odt, map[string]string{"content.xml": `<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:body><office:text>` +
			strings.Repeat("<table:table><table:table-row><table:table-cell>", 40)}), "nested deeper"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(bytes.NewReader(tt.b), int64(len(tt.b)))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
}

// FuzzRead checks that no input panics or yields a malformed document.
func FuzzRead(f *testing.F) {
	f.Add(stored(f, load(f, "report.odt"), nil))
	f.Add(stored(f, load(f, "report.ods"), nil))
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := Read(bytes.NewReader(b), int64(len(b)))
		doctest.Check(t, d, err)
	})
}
