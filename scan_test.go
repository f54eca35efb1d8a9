package chiso

import (
	"context"
	"os"
	"reflect"
	"strings"
	"testing"

	"chiso/internal/material"
	"chiso/parse/ocr"
	"chiso/report"
)

// TestScanTwins reads the rendered scans of the golden reports (made by
// scripts/scan-fixtures.sh: turned 0.6°, blurred, speckled, JPEG) and
// compares every indicator with the text twin's: the value at 200 dpi
// in at least 95 of 100 rows and at 300 dpi in 98, and every value or
// score that differs flagged ocr_uncertain on its row, never a silent
// wrong number.
func TestScanTwins(t *testing.T) {
	if _, err := ocr.Find(); err != nil {
		if material.InCI() {
			t.Fatalf("no Tesseract in CI: %v", err)
		}
		t.Skipf("no Tesseract: %v", err)
	}
	tests := []struct {
		twin, scan string
		floor      float64
	}{
		{"merged.pdf", "merged-200.pdf", 0.95},
		{"wrapped.pdf", "wrapped-200.pdf", 0.95},
		{"merged.pdf", "merged-300.pdf", 0.98},
		{"wrapped.pdf", "wrapped-300.pdf", 0.98},
	}
	for _, tt := range tests {
		t.Run(tt.scan, func(t *testing.T) {
			twin := process(t, "golden/testdata/"+tt.twin)
			scan := process(t, "parse/image/testdata/"+tt.scan)
			if !scan.Document.Source.OCR {
				t.Fatal("the scan was not read by OCR")
			}
			byPath := map[string]*report.Indicator{}
			for i := range scan.Report.Indicators {
				ind := &scan.Report.Indicators[i]
				byPath[strings.Join(ind.Path, "/")] = ind
			}
			flagged := map[string]bool{}
			for _, f := range scan.Findings() {
				if f.Code == report.CodeOCRUncertain {
					flagged[strings.Join(f.Path, "/")] = true
				}
			}
			values, right := 0, 0
			for _, want := range twin.Report.Indicators {
				p := strings.Join(want.Path, "/")
				got := byPath[p]
				if got == nil {
					t.Errorf("%s: row not read", p)
					continue
				}
				if want.Value.Kind != report.KindEmpty {
					values++
					if reflect.DeepEqual(got.Value, want.Value) {
						right++
					} else if !flagged[p] {
						t.Errorf("%s: value %+v, want %+v, and no ocr_uncertain", p, got.Value, want.Value)
					}
				}
				for _, s := range []struct {
					name      string
					got, want *float64
				}{{"self score", got.SelfPoints, want.SelfPoints}, {"maximum", got.MaxPoints, want.MaxPoints}} {
					if !reflect.DeepEqual(s.got, s.want) && !flagged[p] {
						t.Errorf("%s: %s %v, want %v, and no ocr_uncertain", p, s.name, deref(s.got), deref(s.want))
					}
				}
				if !reflect.DeepEqual(got.Components, want.Components) && !flagged[p] {
					t.Errorf("%s: components %v, want %v, and no ocr_uncertain", p, got.Components, want.Components)
				}
			}
			share := float64(right) / float64(max(values, 1))
			t.Logf("%s: %d of %d values as in %s (%.0f%%)", tt.scan, right, values, tt.twin, 100*share)
			if values == 0 || share < tt.floor {
				t.Errorf("%d of %d values right, below %.0f%%", right, values, 100*tt.floor)
			}
		})
	}
}

func process(t *testing.T, path string) *Result {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Process(context.Background(), path, data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}
