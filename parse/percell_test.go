package parse_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"chiso/parse"
)

// BenchmarkPerCell reads one document, a seed report's golden twins, in
// every format that keeps its tables, and reports the time per table cell,
// so that a reader can be held to the DOCX reader's pace on the same
// content.
func BenchmarkPerCell(b *testing.B) {
	for _, ext := range []string{".docx", ".doc", ".xlsx", ".xls", ".odt", ".ods", ".rtf", ".md", ".html"} {
		path := filepath.Join("..", "golden", "testdata", "seed001"+ext)
		data, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		b.Run(ext[1:], func(b *testing.B) {
			d, err := parse.Bytes(context.Background(), data, path, time.Minute)
			if err != nil {
				b.Fatal(err)
			}
			cells := 0
			for _, blk := range d.Blocks {
				if blk.Table != nil {
					for _, row := range blk.Table.Rows {
						cells += len(row)
					}
				}
			}
			b.ResetTimer()
			for b.Loop() {
				if _, err := parse.Bytes(context.Background(), data, path, time.Minute); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(max(cells, 1)), "ns/cell")
		})
	}
}
