package serve

import (
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
)

// report64 is the 64-page test report of the shared test documents.
var report64 = filepath.Join("..", "..", "shared", "testdocs", "report_big.pdf")

// server64 starts a server for the benchmarks and reads the 64-page
// report.
func server64(b *testing.B) (*httptest.Server, []byte) {
	data, err := os.ReadFile(report64)
	if err != nil {
		b.Skipf("test document not available: %v", err)
	}
	ts := httptest.NewServer(New(nil, district(b)).Handler())
	b.Cleanup(ts.Close)
	return ts, data
}

// BenchmarkCheck64 is an officer's wait for a 64-page PDF: the upload,
// the pipeline and the report page with its tables and findings.
func BenchmarkCheck64(b *testing.B) {
	ts, data := server64(b)
	c := client(b)
	for b.Loop() {
		checkOne(b, c, ts.URL, "report_big.pdf", data)
	}
}

// BenchmarkReportPage renders the page of a 64-page report already
// checked: what a reload or the printable view costs.
func BenchmarkReportPage(b *testing.B) {
	ts, data := server64(b)
	c := client(b)
	loc, _ := checkOne(b, c, ts.URL, "report_big.pdf", data)
	for b.Loop() {
		get(b, c, ts.URL+loc)
	}
}
