package pdf

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkRead reads the 64-page report (text layer, rulings and layout).
func BenchmarkRead(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(testdocs, "report_big.pdf"))
	if err != nil {
		b.Skipf("report_big.pdf not available: %v", err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read(context.Background(), bytes.NewReader(data), int64(len(data))); err != nil {
			b.Fatal(err)
		}
	}
}
