package pdf

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"strings"
	"testing"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"chiso/parse/pdf/layout"

	"chiso/internal/material"
)

func openPages(t testing.TB, name string) ([]layout.Page, []string, error) {
	t.Helper()
	f, err := os.Open(material.Need(t, "testdocs", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	return Pages(ctx, f, st.Size())
}

// truthCells returns the non-empty cells of truth.json.
func truthCells(t *testing.T) []string {
	b, err := os.ReadFile(material.Need(t, "testdocs", "truth.json"))
	if err != nil {
		t.Fatal(err)
	}
	var tables [][][]string
	if err := json.Unmarshal(b, &tables); err != nil {
		t.Fatal(err)
	}
	var cells []string
	for _, tb := range tables {
		for _, row := range tb {
			for _, c := range row {
				if strings.TrimSpace(c) != "" {
					cells = append(cells, c)
				}
			}
		}
	}
	return cells
}

func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, norm.NFC.String(s))
}

// allText joins the runs in drawing order: a run that continues the
// previous one on its baseline without a gap (a word drawn in two fonts, as
// cairo does for accented letters) is joined without a space.
func allText(pages []layout.Page) string {
	var b strings.Builder
	for _, p := range pages {
		var prev *layout.Text
		for i := range p.Texts {
			x := &p.Texts[i]
			if prev != nil && !(math.Abs(x.Y-prev.Y) < 0.1*x.Size && math.Abs(x.X-(prev.X+prev.W)) < 0.15*x.Size) {
				b.WriteByte(' ')
			}
			b.WriteString(x.S)
			prev = x
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// TestTextLayer checks that the runs of each rendering of the report hold
// every cell of the expected grid, spaces aside, in NFC and without
// replacement characters.
func TestTextLayer(t *testing.T) {
	cells := truthCells(t)
	tests := []struct {
		file string
		min  float64 // share of cells that must be found
	}{
		{"report.pdf", 0.975},
		{"report_fpdf_cid.pdf", 0.98},
		{"report_nfd.pdf", 0.975},
		{"report_wordlike.pdf", 0.97},
		{"report_cairo_cid.pdf", 0.45},
		{"report_tohop.pdf", 0.90},
		{"report_big.pdf", 0.975},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			pages, _, err := openPages(t, tt.file)
			if err != nil {
				t.Fatal(err)
			}
			text := allText(pages)
			if strings.ContainsRune(text, '\uFFFD') {
				t.Errorf("text contains U+FFFD")
			}
			if !norm.NFC.IsNormalString(text) {
				t.Errorf("text is not NFC")
			}
			if !strings.Contains(text, "Chỉ số") {
				t.Errorf(`"Chỉ số" not found`)
			}
			flat := squeeze(text)
			found := 0
			for _, c := range cells {
				if strings.Contains(flat, squeeze(c)) {
					found++
				} else {
					t.Logf("not found: %q", c)
				}
			}
			t.Logf("%s: %d of %d cells found", tt.file, found, len(cells))
			if got := float64(found) / float64(len(cells)); got < tt.min {
				t.Errorf("%d of %d cells found (%.1f%%), want at least %.0f%%", found, len(cells), 100*got, 100*tt.min)
			}
		})
	}
}
