package extract

import (
	"bytes"
	"context"
	"os"
	"testing"

	"chiso/internal/material"
	"chiso/parse"
)

// The benchmarks compare Extract with reading the same document, on seed
// 000 as text and as the DOCX and PDF made from it (testdocs), and the
// 64-page PDF of eight copies of its tables: extraction should add little
// to parsing.

// benchFiles are the benchmarks' documents.
var benchFiles = []string{"seed000.txt", "report.docx", "report.pdf", "report_big.pdf"}

// benchPath is where a benchmark document is: the seed in testdata, the
// others in the shared testdocs.
func benchPath(b *testing.B, f string) string {
	if f == "seed000.txt" {
		return "testdata/" + f
	}
	return material.Need(b, "testdocs", f)
}

func BenchmarkExtract(b *testing.B) {
	for _, f := range benchFiles {
		b.Run(f, func(b *testing.B) {
			d, err := parse.File(benchPath(b, f))
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
	for _, f := range benchFiles {
		b.Run(f, func(b *testing.B) {
			data, err := os.ReadFile(benchPath(b, f))
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
