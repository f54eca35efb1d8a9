package pdf

import (
	"bytes"
	"context"
	"os"
	"testing"

	"chiso/internal/material"
)

// BenchmarkRead reads the 64-page report (text layer, rulings and layout).
func BenchmarkRead(b *testing.B) {
	data, err := os.ReadFile(material.Need(b, "testdocs", "report_big.pdf"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read(context.Background(), bytes.NewReader(data), int64(len(data))); err != nil {
			b.Fatal(err)
		}
	}
}
