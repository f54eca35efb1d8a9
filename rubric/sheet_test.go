package rubric

import (
	"math"
	"os"
	"slices"
	"strings"
	"testing"

	"chiso/doc"
	"chiso/extract"
	"chiso/report"
	"chiso/vntext"
)

// sheetDocument reads a text report in seed 004's layout — one cell per
// line with a leading tab, rows separated by blank lines, a line without a
// tab continuing the cell above — into the document model, as paragraphs
// for the lines before the table and one table. It stands in for
// chiso/parse so that this package's tests do not depend on the format
// readers; the golden tests run the same fixture through chiso/parse.
func sheetDocument(t *testing.T, name string) *doc.Document {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	d := &doc.Document{Source: doc.Source{Path: name, Format: doc.Text}}
	table := &doc.Table{}
	for _, block := range strings.Split(string(b), "\n\n") {
		var cells []doc.Cell
		for _, line := range strings.Split(block, "\n") {
			switch {
			case strings.HasPrefix(line, "\t"):
				cells = append(cells, doc.Cell{Text: vntext.Clean(strings.TrimPrefix(line, "\t")), RowSpan: 1, ColSpan: 1})
			case len(cells) > 0:
				cells[len(cells)-1].Text += "\n" + vntext.Clean(line)
			case strings.TrimSpace(line) != "":
				d.Blocks = append(d.Blocks, doc.Block{Kind: doc.Paragraph, Text: vntext.Clean(line), Index: len(d.Blocks)})
			}
		}
		if len(cells) > 0 {
			table.Rows = append(table.Rows, cells)
		}
	}
	d.Blocks = append(d.Blocks, doc.Block{Kind: doc.TableKind, Table: table, Index: len(d.Blocks)})
	return d
}

// TestScoreFilledSheet scores golden/testdata/seed004_filled.txt — seed
// 004's district sheet filled with invented values and self-scores, some
// wrong on purpose — end to end (extract, Map, Score) against
// points worked out by hand from Decision 79's rules.
func TestScoreFilledSheet(t *testing.T) {
	r := district(t)
	rep := extract.Extract(sheetDocument(t, "../golden/testdata/seed004_filled.txt"), extract.Options{})
	m := Map(rep, r)
	card := Score(rep, m)

	want := map[string]float64{ // NaN: no points from one report
		"1.1": 10,                                  // "Chủ tịch UBND Quận 1": the head chairs → max 10
		"1.2": 7.5,                                 // 75% → 0.75 × 10 (self 10: wrong)
		"1.3": 8,                                   // 4/5 = 0.8 × 10
		"1.4": 5,                                   // 19 articles: band 10–19 → ½ × 10 (self 10: wrong)
		"1.5": 20,                                  // weekly → max 20
		"2.1": 5,                                   // Đã ban hành → 5
		"2.2": 5,                                   // Đã ban hành → 5
		"2.3": 0,                                   // Chưa ban hành → 0
		"2.4": 10,                                  // 100% × 10
		"2.5": 10,                                  // Đã ban hành → 10
		"2.6": 0,                                   // Chưa ban hành → 0 (self 10: wrong)
		"3.1": 5,                                   // exactly 80%: ≥ 80% earns the max (erratum)
		"3.2": 0,                                   // 79.5% < 80% → 0 (self 5: wrong)
		"3.3": 15,                                  // exactly 80% is in "Từ 50% - 80%": 15 (self 30: wrong)
		"3.4": 20.3571,                             // 6/7 × 15 + 3/6 × 15 = 12.8571 + 7.5 (self 20.36: within rounding)
		"4.1": 10,                                  // 100% × 10
		"4.2": 6.25,                                // 62.5% × 10
		"4.3": 1.25,                                // 12.5% × 10
		"4.4": 10,                                  // Có → 10
		"4.5": 8.5,                                 // 85% × 10
		"4.6": 1,                                   // 20% × 5 (self 5: wrong)
		"4.7": 5,                                   // 50% ≥ target 50% → max 5 (self 6: above max, and wrong)
		"5.1": math.NaN(),                          // min-max: needs the other districts (self 10 not checked)
		"5.2": 8.5714,                              // 6/7 × 10 (self 8.57: within rounding)
		"5.3": 10,                                  // 100% × 10
		"5.4": 0,                                   // 0% × 5
		"6.1": 10,                                  // "Đã đáp ứng": both parts, ⅘ + ⅕ of 10
		"6.2": 4.55,                                // 45.5% × 10
		"6.3": 20,                                  // 78.23% ≥ 50% → max 20
		"6.4": 4.5,                                 // 81% / 90% × 5 (self 5: wrong)
		"6.5": 10, "6.6": 10, "6.7": 10, "6.8": 10, // Có sử dụng
		"6.9":  0,    // Chưa sử dụng
		"6.10": 10,   // Có sử dụng
		"6.11": 0,    // Chưa sử dụng (self 10: wrong)
		"6.12": 10,   // Có sử dụng
		"6.13": 5,    // growth +5% / 10% × 10 (self 10: wrong)
		"6.14": 7.5,  // 60% / 80% × 10
		"6.15": 19,   // 95% × 20
		"6.16": 10,   // 50% × 20
		"7.1":  15,   // 25% / 50% × 30
		"7.2":  30,   // 80% ≥ 80% → max 30
		"7.3":  29.4, // 98% × 30
		"8.1":  14,   // 70% × 20
		"8.2":  15,   // 45% / 60% × 20
		"8.3":  4,    // 10% / 50% × 20
		"8.4":  5,    // 35% / 70% × 10
		"8.5":  12,   // 12 activities × 1 point
		"9.1":  10,   // Đang thực hiện → ½ × 20 (self 20: wrong)
	}
	if len(card.Scores) != 51 {
		t.Fatalf("%d scores, want 51", len(card.Scores))
	}
	for _, s := range card.Scores {
		w := want[s.ID]
		switch {
		case s.Row == nil:
			t.Errorf("%s: no row mapped", s.ID)
		case math.IsNaN(w):
			if s.Points != nil {
				t.Errorf("%s: got %v, want no points yet", s.ID, *s.Points)
			}
		case s.Points == nil || math.Abs(*s.Points-w) > 1e-4:
			t.Errorf("%s: got %v (%s), want %v", s.ID, ptr(s.Points), en(s.Basis), w)
		}
	}
	// By group: 50.5, 30, 40.3571, 42, 18.5714, 140.55, 74.4, 50, 10.
	wantGroups := []float64{50.5, 30, 40.3571, 42, 18.5714, 140.55, 74.4, 50, 10}
	for i, g := range card.Groups {
		if math.Abs(g.Points-wantGroups[i]) > 1e-4 {
			t.Errorf("group %s: %v, want %v", g.ID, g.Points, wantGroups[i])
		}
	}
	if math.Abs(card.Total-456.3785) > 1e-4 || strings.Join(card.Pending, " ") != "5.1" {
		t.Errorf("total %v pending %v, want 456.3785 with 5.1 pending", card.Total, card.Pending)
	}
	if card.SelfTotal == nil || math.Abs(*card.SelfTotal-534.38) > 1e-4 {
		t.Errorf("self total %v, want 534.38 (the sheet's TỔNG CỘNG)", ptr(card.SelfTotal))
	}
	var mismatched []string
	counts := map[report.Code]int{}
	for _, f := range slices.Concat(rep.Findings, m.Findings, card.Findings) {
		counts[f.Code]++
		if f.Code == report.CodeSelfScoreMismatch {
			mismatched = append(mismatched, f.Path[len(f.Path)-1])
		}
		if f.Code == report.CodeRubricUnmapped && len(f.Path) > 0 && f.Path[0] == "II" {
			t.Errorf("scored row unmapped: %+v", f)
		}
	}
	if got := strings.Join(mismatched, " "); got != "1.2 1.4 2.6 3.2 3.3 4.6 4.7 6.4 6.11 6.13 9.1" {
		t.Errorf("self_score_mismatch on %s", got)
	}
	if counts[report.CodeScoreOverMax] != 1 || counts[report.CodeRubricMissing] != 0 {
		t.Errorf("findings %v: want one score_over_max (4.7, from extract) and no rubric_missing", counts)
	}
}

func ptr(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

// TestSheetOnOtherRubric scores the district sheet against the department
// rubric: the sheet's STT are district ids, so they must not be trusted
// where the label says otherwise. Each department indicator maps to its
// district twin (by the decision's wording), and 6.2, which has none, to
// nothing.
func TestSheetOnOtherRubric(t *testing.T) {
	r, err := Builtin("hcm-dti-2023-department")
	if err != nil {
		t.Fatal(err)
	}
	rep := extract.Extract(sheetDocument(t, "../golden/testdata/seed004_filled.txt"), extract.Options{})
	m := Map(rep, r)
	card := Score(rep, m)
	twin := map[string]string{ // department id → district row
		"1.1": "1.1", "1.2": "1.2", "1.3": "1.3", "1.4": "1.4",
		"2.1": "2.2", "2.2": "2.3", "2.3": "2.4",
		"3.1": "3.1", "3.2": "3.2", "3.3": "3.3", "3.4": "3.4",
		"4.1": "4.3", "4.2": "4.4", "4.3": "4.5",
		"5.1": "5.1", "5.2": "5.2", "5.3": "5.3", "5.4": "5.4",
		"6.1": "6.1", "6.2": "", "6.3": "6.2", "6.4": "6.4",
		"6.5": "6.5", "6.6": "6.6", "6.7": "6.7", "6.8": "6.8", "6.9": "6.9",
		"6.10": "6.10", "6.11": "6.11", "6.12": "6.12", "6.13": "6.13", "6.14": "6.14",
	}
	for _, s := range card.Scores {
		got := ""
		if s.Row != nil {
			got = s.Row.STT
		}
		if got != twin[s.ID] {
			t.Errorf("department %s ← district row %q, want %q", s.ID, got, twin[s.ID])
		}
	}
}
