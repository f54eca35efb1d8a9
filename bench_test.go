package chiso

import (
	"context"
	"os"
	"testing"

	"chiso/rubric"
)

// BenchmarkProcess is the whole pipeline, as `chiso extract` runs it with
// the district rubric, on the 64-page PDF of ../shared/testdocs.
func BenchmarkProcess(b *testing.B) {
	data, err := os.ReadFile("../shared/testdocs/report_big.pdf")
	if err != nil {
		b.Skip("../shared/testdocs/report_big.pdf not available:", err)
	}
	r, err := rubric.Builtin("hcm-dti-2023-district")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Process(context.Background(), "report_big.pdf", data, Options{Rubric: r}); err != nil {
			b.Fatal(err)
		}
	}
}
