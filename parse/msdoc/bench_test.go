package msdoc

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"chiso/doc"
	"chiso/parse/docx"
)

// sameContent are report.doc and the DOCX LibreOffice saved it from: seed
// 000's report, read by this package and by package docx.
var sameContent = []struct {
	name, path string
	read       func(io.ReaderAt, int64) (*doc.Document, error)
}{
	{"doc", filepath.Join("testdata", "report.doc"), Read},
	{"docx", filepath.Join("..", "docx", "testdata", "report.docx"), docx.Read},
}

// BenchmarkRead reads the same report as .doc and as .docx and reports
// the time per table cell of each reader.
func BenchmarkRead(b *testing.B) {
	for _, x := range sameContent {
		b.Run(x.name, func(b *testing.B) {
			data, err := os.ReadFile(x.path)
			if err != nil {
				b.Fatal(err)
			}
			d, err := x.read(bytes.NewReader(data), int64(len(data)))
			if err != nil {
				b.Fatal(err)
			}
			cells := 0
			for _, t := range tablesOf(d) {
				for _, row := range t {
					cells += len(row)
				}
			}
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := x.read(bytes.NewReader(data), int64(len(data))); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(cells), "ns/cell")
		})
	}
}

// TestSameAsDOCX reads report.doc and the DOCX it was saved from: every
// table cell and paragraph must be the same.
func TestSameAsDOCX(t *testing.T) {
	var docs [2]*doc.Document
	for i, x := range sameContent {
		docs[i] = readPath(t, x.path, x.read)
	}
	got, want := tablesOf(docs[0]), tablesOf(docs[1])
	if len(got) != len(want) {
		t.Fatalf("%d tables, the DOCX has %d", len(got), len(want))
	}
	cells := 0
	for k := range got {
		if len(got[k]) != len(want[k]) {
			t.Errorf("table %d: %d rows, want %d", k+1, len(got[k]), len(want[k]))
			continue
		}
		for r := range got[k] {
			if len(got[k][r]) != len(want[k][r]) {
				t.Errorf("table %d row %d: %d columns, want %d", k+1, r+1, len(got[k][r]), len(want[k][r]))
				continue
			}
			for c := range got[k][r] {
				cells++
				if got[k][r][c] != want[k][r][c] {
					t.Errorf("table %d [%d][%d] = %q, want %q", k+1, r+1, c+1, got[k][r][c], want[k][r][c])
				}
			}
		}
	}
	if gp, wp := parasOf(docs[0]), parasOf(docs[1]); !slices.Equal(gp, wp) {
		t.Errorf("paragraphs differ:\n got %q\nwant %q", gp, wp)
	}
	if cells == 0 {
		t.Error("no table cells")
	}
}
