package docx

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkReadBig reads report_big.docx: 8 copies of seed 000's tables,
// 1.1 MB of document.xml in a 71 KB file.
func BenchmarkReadBig(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "report_big.docx"))
	if os.IsNotExist(err) {
		b.Skip("testdata/report_big.docx is absent")
	}
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
