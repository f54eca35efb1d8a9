package xls

import (
	"bytes"
	"testing"
)

// BenchmarkRead reads report.xls, package xlsx's report.xlsx (the golden
// merged table, 63 cells) saved as .xls; parse's BenchmarkPerCell
// compares the readers per table cell on one document.
func BenchmarkRead(b *testing.B) {
	data := readFile(b, "report.xls")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read(bytes.NewReader(data), int64(len(data))); err != nil {
			b.Fatal(err)
		}
	}
}
