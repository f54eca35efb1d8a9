package extract

import (
	"os"
	"testing"
)

// BenchmarkExtract is Extract alone on seed 000; BenchmarkLoadText is the
// test loader reading the same file, a lower bound for package parse's
// text reader (see golden's BenchmarkParseExtract for the real ratio).
func BenchmarkExtract(b *testing.B) {
	d := loadText(b, "testdata/seed000.txt")
	b.ReportAllocs()
	for b.Loop() {
		Extract(d, Options{})
	}
}

func BenchmarkLoadText(b *testing.B) {
	data, err := os.ReadFile("testdata/seed000.txt")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		textDocument(string(data))
	}
}
