package rubric

import (
	"math"
	"os"
	"strings"
	"testing"

	"chiso/doc"
	"chiso/extract"
	"chiso/report"
	"chiso/vntext"
)

// tsvDocument reads a text report whose tables are tab-separated lines
// (seed 000's layout) into the document model: a line with a tab is a row,
// a line without one a paragraph that ends the table. Like sheetDocument,
// it keeps this package's tests independent of the format readers.
func tsvDocument(t *testing.T, name string) *doc.Document {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	d := &doc.Document{Source: doc.Source{Path: name, Format: doc.Text}}
	var table *doc.Table
	flush := func() {
		if table != nil {
			d.Blocks = append(d.Blocks, doc.Block{Kind: doc.TableKind, Table: table, Index: len(d.Blocks)})
			table = nil
		}
	}
	for _, line := range strings.Split(string(b), "\n") {
		switch {
		case strings.Contains(line, "\t"):
			if table == nil {
				table = &doc.Table{}
			}
			var row []doc.Cell
			for _, c := range strings.Split(line, "\t") {
				row = append(row, doc.Cell{Text: vntext.Clean(c), RowSpan: 1, ColSpan: 1})
			}
			table.Rows = append(table.Rows, row)
		case strings.TrimSpace(line) == "":
		default:
			flush()
			d.Blocks = append(d.Blocks, doc.Block{Kind: doc.Paragraph, Text: vntext.Clean(line), Index: len(d.Blocks)})
		}
	}
	flush()
	return d
}

// TestScoreQuarterly scores seed 000, a district's quarterly report that
// numbers its rows its own way, on the district rubric: only the rows that
// measure a rubric indicator are scored, from the rate the report states;
// the rest of the rubric is missing and scores 0.
func TestScoreQuarterly(t *testing.T) {
	r := district(t)
	rep := extract.Extract(tsvDocument(t, "testdata/seed000_quarterly.txt"), extract.Options{})
	m := Map(rep, r)
	card := Score(rep, m)
	want := map[string]float64{
		// "Kế hoạch hành động hàng năm …": no value written → default 0.
		"2.3": 0,
		// 78.23 % online. The report's a/b are not the decision's a, b, c
		// ((b+c)/a), so the stated rate is used: ≥ 50 % → max 20.
		"6.3": 20,
		// Adults with a digital signature: the report's formula is the
		// decision's (a/b), so its a/b rows are used: 968/92333 = 1.0484 %,
		// 1.0484/50 × 20 = 0.4194 (the stated 1.05 % is rounded).
		"8.3": 0.4194,
		// "Số phường … đã có Tổ công nghệ số cộng đồng" = 14: a count, not
		// the rate 4.1 needs → not usable, default 0.
		"4.1": 0,
	}
	scored := map[string]bool{}
	for _, s := range card.Scores {
		if s.Row == nil {
			if s.Points == nil || *s.Points != 0 {
				t.Errorf("%s: no row but points %v", s.ID, ptr(s.Points))
			}
			continue
		}
		scored[s.ID] = true
		w, ok := want[s.ID]
		if !ok {
			t.Errorf("%s scored from row %v %q, which measures something else", s.ID, s.Row.Path, s.Row.Label)
			continue
		}
		if s.Points == nil || math.Abs(*s.Points-w) > 1e-4 {
			t.Errorf("%s: got %v (%s), want %v", s.ID, ptr(s.Points), en(s.Basis), w)
		}
	}
	for id := range want {
		if !scored[id] {
			t.Errorf("%s: no row mapped", id)
		}
	}
	missing := 0
	for _, f := range card.Findings {
		if f.Code == report.CodeRubricMissing {
			missing++
		}
	}
	if missing != 51-len(want) {
		t.Errorf("%d rubric_missing findings, want %d", missing, 51-len(want))
	}
	if math.Abs(card.Total-20.4194) > 1e-4 {
		t.Errorf("total %v, want 20.4194", card.Total)
	}
}
