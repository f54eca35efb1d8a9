package layout_test

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"chiso/doc"
	"chiso/parse/pdf"
	"chiso/vntext"

	"chiso/internal/material"
)

var testdocs = material.Path("testdocs")

// readTruth loads the expected cell grids of the report.* test documents.
func readTruth(t testing.TB) [][][]string {
	b, err := os.ReadFile(material.Need(t, "testdocs", "truth.json"))
	if err != nil {
		t.Fatal(err)
	}
	var truth [][][]string
	if err := json.Unmarshal(b, &truth); err != nil {
		t.Fatalf("truth.json: %v", err)
	}
	return truth
}

// readTables reads a test PDF and returns the expanded grids of its tables.
func readTables(t testing.TB, name string) [][][]string {
	f, err := os.Open(material.Need(t, "testdocs", name))
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
		t.Fatalf("%s: %v", name, err)
	}
	var out [][][]string
	for _, b := range d.Blocks {
		if b.Kind == doc.TableKind {
			out = append(out, b.Table.Texts())
		}
	}
	return out
}

// score counts the non-empty truth cells that the tables reproduce exactly,
// table by table and row by row, both sides normalised as package parse
// does. It returns the misses for the log.
func score(truth, got [][][]string) (match, total int, misses []string) {
	cell := func(g [][][]string, t, r, c int) (string, bool) {
		if t < len(g) && r < len(g[t]) && c < len(g[t][r]) {
			return vntext.Clean(g[t][r][c]), true
		}
		return "", false
	}
	for t, tab := range truth {
		for r, row := range tab {
			for c := range row {
				want, _ := cell(truth, t, r, c)
				if want == "" {
					continue
				}
				total++
				if g, _ := cell(got, t, r, c); g == want {
					match++
				} else {
					misses = append(misses, strings.NewReplacer("\n", `\n`).Replace(
						"table "+itoa(t)+" row "+itoa(r)+" col "+itoa(c)+": "+diff(g, want)))
				}
			}
		}
	}
	return match, total, misses
}

func itoa(i int) string { b, _ := json.Marshal(i); return string(b) }

// diff shows where got and want part: the runes around the first difference.
func diff(got, want string) string {
	g, w := []rune(got), []rune(want)
	i := 0
	for i < len(g) && i < len(w) && g[i] == w[i] {
		i++
	}
	from := max(0, i-30)
	cut := func(r []rune) string {
		b, _ := json.Marshal(string(r[min(from, len(r)):min(i+30, len(r))]))
		return string(b)
	}
	return "at rune " + itoa(i) + " got " + cut(g) + " want " + cut(w)
}

// TestAccuracy compares the tables read from the PDF renderings of the
// test report with truth.json, cell by cell.
func TestAccuracy(t *testing.T) {
	truth := readTruth(t)
	tests := []struct {
		file   string
		copies int  // of the truth tables in the file
		assert bool // false: measured only (pango's text is cut at tab stops; "tổ hợp" marks)
	}{
		{"report.pdf", 1, true},
		{"report_fpdf_cid.pdf", 1, true},
		{"report_wordlike.pdf", 1, true},
		{"report_nfd.pdf", 1, true},
		{"report_big.pdf", 8, true},
		{"report_cairo_cid.pdf", 1, false},
		{"report_tohop.pdf", 1, false},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			got := readTables(t, tc.file)
			var want [][][]string
			for range tc.copies {
				want = append(want, truth...)
			}
			match, total, misses := score(want, got)
			pct := 100 * float64(match) / float64(total)
			t.Logf("%s: %d tables, %d/%d cells (%.1f %%)", tc.file, len(got), match, total, pct)
			for i, m := range misses {
				if i == 10 && !testing.Verbose() {
					break
				}
				t.Log(m)
			}
			if tc.assert && pct < 98 {
				t.Errorf("%s: %.1f %% of cells match, want at least 98 %%", tc.file, pct)
			}
		})
	}
}

// TestRepeatedHeaders checks that the header rows LibreOffice repeats on
// every page a table continues on, and the parts of rows it splits across
// pages, are not counted as rows: report.pdf has truth's 53 rows over 8
// pages, report_big.pdf the same tables eight times over 64 pages.
func TestRepeatedHeaders(t *testing.T) {
	truth := readTruth(t)
	rows := func(ts [][][]string) int {
		n := 0
		for _, t := range ts {
			n += len(t)
		}
		return n
	}
	tests := []struct {
		file   string
		copies int
	}{
		{"report.pdf", 1},
		{"report_fpdf_cid.pdf", 1},
		{"report_big.pdf", 8},
	}
	for _, tc := range tests {
		got := readTables(t, tc.file)
		wantTables, wantRows := tc.copies*len(truth), tc.copies*rows(truth)
		if len(got) != wantTables || rows(got) != wantRows {
			t.Errorf("%s: %d tables with %d rows, want %d tables with %d rows", tc.file, len(got), rows(got), wantTables, wantRows)
		}
	}
}
