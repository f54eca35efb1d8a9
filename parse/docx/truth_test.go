package docx

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chiso/vntext"
)

// normalise applies vntext.Clean, as package parse does to every cell
// after the reader returns, and then reads every run of white space as
// one space: truth.json was made from the HTML, while
// report_wordlike.docx adds a line break and a tab inside one cell.
func normalise(s string) string {
	return strings.Join(strings.Fields(vntext.Clean(s)), " ")
}

// TestTruth compares the cells of the real test documents, made by
// LibreOffice from seed 000, with truth.json. truth.json holds expanded
// grids where a merged cell's text appears at its top-left position only.
func TestTruth(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "truth.json"))
	if err != nil {
		t.Fatal(err)
	}
	var truth [][][]string
	if err := json.Unmarshal(raw, &truth); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		file   string
		copies int // the tables of truth.json, repeated
	}{
		{"report.docx", 1},
		{"report_wordlike.docx", 1},
		{"report_nfd.docx", 1},
		{"report_tohop.docx", 1},
		{"report_big.docx", 8},
		// Packages nguyenthenguyen/docx refuses; Word opens them.
		{"broken/mainpart_renamed.docx", 1},
		{"broken/no_rels.docx", 1},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			d, err := readFile(t, tt.file)
			if err != nil {
				t.Fatal(err)
			}
			var tables [][][]string // origin texts, "" where covered
			for _, b := range d.Blocks {
				if b.Table == nil {
					continue
				}
				var grid [][]string
				for _, row := range b.Table.Grid() {
					var texts []string
					for _, c := range row {
						s := ""
						if c.Origin {
							s = c.Text
						}
						texts = append(texts, s)
					}
					grid = append(grid, texts)
				}
				tables = append(tables, grid)
			}
			if want := len(truth) * tt.copies; len(tables) != want {
				t.Fatalf("got %d tables, want %d", len(tables), want)
			}
			cells, matched, exact, extra := 0, 0, 0, 0
			for i, got := range tables {
				want := truth[i%len(truth)]
				if len(got) != len(want) {
					t.Errorf("table %d: %d rows, want %d", i, len(got), len(want))
				}
				for r := range min(len(got), len(want)) {
					if len(got[r]) != len(want[r]) {
						t.Errorf("table %d row %d: %d cells, want %d: %q", i, r, len(got[r]), len(want[r]), got[r])
					}
					for c := range min(len(got[r]), len(want[r])) {
						g, w := normalise(got[r][c]), normalise(want[r][c])
						if w == "" {
							if g != "" {
								extra++
								t.Errorf("table %d [%d][%d] = %q, want empty", i, r, c, g)
							}
							continue
						}
						cells++
						if vntext.Clean(got[r][c]) == vntext.Clean(want[r][c]) {
							exact++
						}
						if g == w {
							matched++
						} else {
							t.Errorf("table %d [%d][%d]:\n got %q\nwant %q", i, r, c, g, w)
						}
					}
				}
			}
			if want := 199 * tt.copies; cells != want {
				t.Errorf("truth has %d non-empty cells, expected %d", cells, want)
			}
			t.Logf("%d/%d non-empty cells match (%d also in line breaks), %d cells with text where truth has none",
				matched, cells, exact, extra)
		})
	}
}

// TestParagraphs checks the text around the tables: headings in order,
// and no paragraph blocks for empty paragraphs.
func TestParagraphs(t *testing.T) {
	d, err := readFile(t, "report.docx")
	if err != nil {
		t.Fatal(err)
	}
	var paras []string
	for _, b := range d.Blocks {
		if b.Kind == "paragraph" {
			if strings.TrimSpace(b.Text) == "" {
				t.Errorf("block %d: empty paragraph kept", b.Index)
			}
			paras = append(paras, b.Text)
		}
	}
	want := []string{
		"BÁO CÁO CDS VÀ ĐÔ THỊ THÔNG MINH 2023",
		"I. Các văn bản triển khai CDS-ĐTTM",
		"II. Kết quả triển khai các chỉ tiêu theo Quyết định số 17/QĐ-UBQGCDs và Kế hoạch số 875/KH-UBND",
	}
	if len(paras) < len(want) {
		t.Fatalf("got %d paragraphs: %q", len(paras), paras)
	}
	for i, w := range want {
		if paras[i] != w {
			t.Errorf("paragraph %d = %q, want %q", i, paras[i], w)
		}
	}
}
