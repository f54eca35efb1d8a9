package xlsx

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkRead reads report.xlsx, the golden fixture merged.xlsx (a
// 63-cell table), and reports the time per table cell; parse's
// BenchmarkPerCell compares the readers on one document.
func BenchmarkRead(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "report.xlsx"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read(bytes.NewReader(data), int64(len(data))); err != nil {
			b.Fatal(err)
		}
	}
}
