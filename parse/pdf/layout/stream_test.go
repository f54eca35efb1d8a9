package layout_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chiso/doc"
	"chiso/extract"
	"chiso/parse/pdf"
	"chiso/vntext"
)

// streamDir holds the borderless and partly ruled fixtures that
// testdata/stream/gen.go prints with headless Chromium, each with the
// expected grids of its tables (NAME.truth.json).
const streamDir = "testdata/stream"

// readPDF reads a fixture and returns its blocks.
func readPDF(t testing.TB, path string) []doc.Block {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	d, err := pdf.Read(context.Background(), f, st.Size())
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return d.Blocks
}

// cellAccuracy is the share of the expected non-empty cells whose text
// equals the extracted cell at the same row and column, each expected
// table laid over the extracted table and the row and column offset that
// match it best. An extracted table serves one expected table at most.
func cellAccuracy(want, got [][][]string) (match, total int) {
	used := make([]bool, len(got))
	for _, w := range want {
		best, bestT := 0, -1
		for k, g := range got {
			if used[k] {
				continue
			}
			for dr := -3; dr <= 3; dr++ {
				for dc := -2; dc <= 2; dc++ {
					if m := overlay(w, g, dr, dc); m > best {
						best, bestT = m, k
					}
				}
			}
		}
		if bestT >= 0 {
			used[bestT] = true
		}
		match += best
		for _, row := range w {
			for _, s := range row {
				if vntext.Clean(s) != "" {
					total++
				}
			}
		}
	}
	return match, total
}

// overlay counts the non-empty cells of w equal to those of g shifted by
// dr rows and dc columns.
func overlay(w, g [][]string, dr, dc int) int {
	n := 0
	for r, row := range w {
		for c, s := range row {
			s = vntext.Clean(s)
			gr, gc := r+dr, c+dc
			if s != "" && gr >= 0 && gr < len(g) && gc >= 0 && gc < len(g[gr]) && vntext.Clean(g[gr][gc]) == s {
				n++
			}
		}
	}
	return n
}

// TestStreamAccuracy reads each fixture and asserts that at least 98 %
// of its expected cells come out right, and that the paragraphs around
// its tables stay paragraphs.
func TestStreamAccuracy(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join(streamDir, "*.pdf"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no fixtures in %s: %v", streamDir, err)
	}
	for _, path := range paths {
		name := strings.TrimSuffix(filepath.Base(path), ".pdf")
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join(streamDir, name+".truth.json"))
			if err != nil {
				t.Fatal(err)
			}
			var want [][][]string
			if err := json.Unmarshal(b, &want); err != nil {
				t.Fatalf("%s.truth.json: %v", name, err)
			}
			blocks := readPDF(t, path)
			got := tables(blocks)
			match, total := cellAccuracy(want, got)
			acc := float64(match) / float64(total)
			t.Logf("%s: %d tables (want %d), %d/%d cells (%.3f)", name, len(got), len(want), match, total, acc)
			if acc < 0.98 && testing.Verbose() {
				for _, g := range got {
					for _, row := range g {
						t.Logf("  | %s |", strings.Join(row, " | "))
					}
					t.Log("  --")
				}
			}
			if acc < 0.98 {
				t.Errorf("%s: cell accuracy %.3f, want at least 0.98", name, acc)
			}
			if len(got) != len(want) {
				t.Errorf("%s: %d tables, want %d", name, len(got), len(want))
			}
			for _, p := range paras(blocks) {
				if strings.Contains(p, "Kết quả thẩm định cho thấy") && !strings.HasPrefix(p, "Kết quả thẩm định cho thấy") {
					t.Errorf("%s: the paragraph after a table was glued to something: %q", name, p)
				}
			}
		})
	}
}

// TestBorderlessReportIndicators reads the four-page report Chromium
// printed from HTML without borders, whose second table breaks across a
// page without repeating its header, and checks that every row of both
// ranking tables becomes an indicator: 15 departments and 60 communes.
func TestBorderlessReportIndicators(t *testing.T) {
	f, err := os.Open(filepath.Join(streamDir, "continued.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	d, err := pdf.Read(context.Background(), f, st.Size())
	if err != nil {
		t.Fatal(err)
	}
	if d.Source.Pages != 4 {
		t.Errorf("%d pages, want 4", d.Source.Pages)
	}
	rep := extract.Extract(d, extract.Options{})
	if n := len(rep.Indicators); n < 75 {
		t.Errorf("%d indicators, want at least 75 (15 departments and 60 communes)", n)
	}
}
