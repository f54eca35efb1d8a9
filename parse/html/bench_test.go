package html

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"chiso/internal/material"
)

func BenchmarkRead(b *testing.B) {
	b.Run("report_big", func(b *testing.B) {
		// The 64-page test report of the shared test documents.
		data, err := os.ReadFile(material.Need(b, "testdocs", "report_big.html"))
		if err != nil {
			b.Fatal(err)
		}
		benchRead(b, data)
	})
	for _, size := range []struct {
		name  string
		bytes int
	}{{"generated21MB", 21 << 20}, {"generated50MB", 50 << 20}} {
		b.Run(size.name, func(b *testing.B) {
			benchRead(b, repeatTables(b, size.bytes))
		})
	}
}

func benchRead(b *testing.B, data []byte) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

// repeatTables builds a page of at least n bytes by repeating the tables of
// testdata/report.html, as a long district report would.
func repeatTables(tb testing.TB, n int) []byte {
	src, err := os.ReadFile(filepath.Join("testdata", "report.html"))
	if err != nil {
		tb.Fatal(err)
	}
	start := bytes.Index(src, []byte("<table"))
	end := bytes.LastIndex(src, []byte("</table>")) + len("</table>")
	if start < 0 || end < start {
		tb.Fatal("no tables in report.html")
	}
	body := src[start:end]
	page := make([]byte, 0, n+len(body)+64)
	page = append(page, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>\n"...)
	for len(page) < n {
		page = append(page, body...)
		page = append(page, '\n')
	}
	return append(page, "</body></html>\n"...)
}
