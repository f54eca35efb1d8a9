package chiso

import (
	"context"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"chiso/internal/material"
	"chiso/parse/ocr"
	"chiso/report"
)

// TestScanTwins reads the rendered scans of the golden reports (made by
// scripts/scan-fixtures.sh: turned 0.6°, blurred, speckled, JPEG) and
// compares every indicator with the text twin's: the value at 200 dpi
// in at least 95 of 100 rows and at 300 dpi in 98, and every value or
// score that differs flagged ocr_uncertain on its row or caught by a
// check of its rate against its a/b rows, never a silent wrong number.
// The borderless scan is a scoring sheet printed without borders, the
// twin's section II from 1 to 2.6: no rules for the ruled-table reader,
// its columns found by the layout's borderless finder on the words.
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
		// from and to, when set, are the paths of the twin's first and
		// last rows the scan holds.
		from, to string
	}{
		{"merged.pdf", "merged-200.pdf", 0.95, "", ""},
		{"wrapped.pdf", "wrapped-200.pdf", 0.95, "", ""},
		{"merged.pdf", "merged-300.pdf", 0.98, "", ""},
		{"wrapped.pdf", "wrapped-300.pdf", 0.98, "", ""},
		{"seed004_filled.pdf", "borderless-200.pdf", 0.95, "II", "II/2/2.6"},
	}
	for _, tt := range tests {
		t.Run(tt.scan, func(t *testing.T) {
			twin := process(t, "golden/testdata/"+tt.twin)
			start := time.Now()
			scan := process(t, "parse/image/testdata/"+tt.scan)
			t.Logf("%s read in %v", tt.scan, time.Since(start).Round(time.Millisecond))
			if !scan.Document.Source.OCR {
				t.Fatal("the scan was not read by OCR")
			}
			byPath := map[string]*report.Indicator{}
			for i := range scan.Report.Indicators {
				ind := &scan.Report.Indicators[i]
				byPath[strings.Join(ind.Path, "/")] = ind
			}
			flagged := caught(scan.Findings())
			values, right := 0, 0
			for _, want := range rows(t, twin.Report.Indicators, tt.from, tt.to) {
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

// caught returns the paths of the rows a reader is sent to check: those
// flagged ocr_uncertain, and a rate whose a/b rows disagree with it, the
// a/b rows under it too.
func caught(fs []report.Finding) map[string]bool {
	out := map[string]bool{}
	for _, f := range fs {
		switch f.Code {
		case report.CodeOCRUncertain, report.CodeRateMismatch, report.CodeRateOver100, report.CodeZeroDenominator:
			out[strings.Join(f.Path, "/")] = true
		}
	}
	for p := range out {
		for _, c := range []string{"a", "b"} {
			out[p+"/"+c] = true
		}
	}
	return out
}

// rows returns the indicators from the one at path from to the one at
// path to, all of them when from is "".
func rows(t *testing.T, all []report.Indicator, from, to string) []report.Indicator {
	t.Helper()
	if from == "" {
		return all
	}
	i := slices.IndexFunc(all, func(ind report.Indicator) bool { return strings.Join(ind.Path, "/") == from })
	j := slices.IndexFunc(all, func(ind report.Indicator) bool { return strings.Join(ind.Path, "/") == to })
	if i < 0 || j < i {
		t.Fatalf("the twin has no rows %s to %s", from, to)
	}
	return all[i : j+1]
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
