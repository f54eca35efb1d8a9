package extract

import (
	"bytes"
	"context"
	"os"
	"testing"

	"chiso/parse"
)

// The benchmarks compare Extract with reading the same document, on seed
// 000 as text and as the DOCX and PDF made from it: extraction should add
// little to parsing.

func BenchmarkExtract(b *testing.B) {
	for _, f := range []string{"seed000.txt", "report.docx", "report.pdf"} {
		b.Run(f, func(b *testing.B) {
			d, err := parse.File("testdata/" + f)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				Extract(d, Options{})
			}
		})
	}
}

func BenchmarkParse(b *testing.B) {
	for _, f := range []string{"seed000.txt", "report.docx", "report.pdf"} {
		b.Run(f, func(b *testing.B) {
			data, err := os.ReadFile("testdata/" + f)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := parse.Bytes(context.Background(), bytes.Clone(data), f, 0); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
