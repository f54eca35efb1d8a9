package layout_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"chiso/doc"
	"chiso/parse/pdf/layout"
)

// TestOCRScoringSheet lays out the words a scan of a scoring sheet
// printed without borders gives (testdata/ocr/scoring.json: the page's
// texts as package chiso/parse/pdf makes them from Tesseract's words, of
// page 1 of the golden seed004_filled printed borderless, scanned at 200
// dpi): the table starts under the paragraph above it, whose last line
// ("1)") a column start of the table shares within a pixel or two, and
// holds every row with its STT, label, maximum, figure and self score
// apart.
func TestOCRScoringSheet(t *testing.T) {
	data, err := os.ReadFile("testdata/ocr/scoring.json")
	if err != nil {
		t.Fatal(err)
	}
	var p layout.Page
	if err := json.Unmarshal(data, &p); err != nil {
		t.Fatal(err)
	}
	var tables []*doc.Table
	for _, b := range layout.Blocks([]layout.Page{p}) {
		if b.Kind == doc.TableKind {
			tables = append(tables, b.Table)
		}
	}
	if len(tables) != 1 {
		t.Fatalf("%d tables, want 1", len(tables))
	}
	byFirst := map[string][]string{}
	for _, r := range tables[0].Rows {
		var cells []string
		for _, c := range r {
			cells = append(cells, c.Text)
		}
		if _, ok := byFirst[cells[0]]; !ok {
			byFirst[cells[0]] = cells
		}
	}
	for _, want := range [][]string{
		{"STT", "", "Điểm", "Số", "Điểm"},
		{"1", "Số lượng dân số Quận 1", "", "142.625", ""},
		{"17", "", "", "", ""},
		{"II", "CHỈ SỐ ĐÁNH GIÁ", "660", "", ""},
		{"1.2", "", "10", "75%", "10"},
		{"1.3", "", "10", "4/5", "8"},
		{"1.4", "", "10", "19 bài", "10"},
	} {
		got, ok := byFirst[want[0]]
		if !ok {
			t.Errorf("no row %q", want[0])
			continue
		}
		for c, w := range want {
			if w != "" && (c >= len(got) || got[c] != w) {
				t.Errorf("row %s: cells %q, want %q in column %d", want[0], got, w, c)
			}
		}
		if len(got) != 6 {
			t.Errorf("row %s: %d cells %q, want 6", want[0], len(got), got)
		}
	}
	if t.Failed() {
		for _, r := range tables[0].Rows {
			var cells []string
			for _, c := range r {
				cells = append(cells, c.Text)
			}
			t.Log(strings.Join(cells, " | "))
		}
	}
}
