package rubric

import (
	"strings"
	"testing"

	"chiso/mapping"

	"golang.org/x/text/unicode/norm"
)

// TestMappingRobustness measures how seed 004's 51 scored labels map when
// written the ways reports write them: decomposed (NFD), without
// diacritics, abbreviated, with a word dropped, cut to 60 % of their words,
// with words added. Each variant must map at least as well as measured
// when this test was written; a wrong id counts against it like a miss.
func TestMappingRobustness(t *testing.T) {
	// Without the aliases, which are seed 004's own wordings.
	r := district(t)
	for i := range r.Indicators {
		r.Indicators[i].Aliases = nil
	}
	m := mapping.New(r.Candidates())
	var rows []sheetRow
	for _, row := range readSheet(t, "testdata/seed004_sheet.txt") {
		if indicatorID.MatchString(row.stt) {
			rows = append(rows, row)
		}
	}
	abbrev := strings.NewReplacer("chuyển đổi số", "CĐS", "Chuyển đổi số", "CĐS", "dịch vụ công trực tuyến", "DVCTT",
		"hệ thống thông tin", "HTTT", "thủ tục hành chính", "TTHC", "cơ quan nhà nước", "CQNN",
		"công nghệ thông tin", "CNTT", "Ủy ban nhân dân", "UBND", "an toàn thông tin", "ATTT", "phản ánh kiến nghị", "PAKN")
	dropMiddle := func(s string) string {
		w := strings.Fields(s)
		return strings.Join(append(w[:len(w)/2:len(w)/2], w[len(w)/2+1:]...), " ")
	}
	cut := func(s string) string {
		w := strings.Fields(s)
		return strings.Join(w[:max(1, len(w)*6/10)], " ")
	}
	tests := []struct {
		name    string
		variant func(string) string
		min     int
		// maxWrong bounds the rows mapped to another indicator: a cut
		// label may lose the words that told two indicators apart (4.4
		// cut to "Có công chức, viên chức chuyên trách, kiêm nhiệm" is
		// 4.3's wording too).
		maxWrong int
	}{
		{"as written", func(s string) string { return s }, 51, 0},
		{"NFD", norm.NFD.String, 51, 0},
		{"no diacritics", stripMarks, 51, 0},
		{"abbreviated", abbrev.Replace, 51, 0},
		{"middle word dropped", dropMiddle, 51, 0},
		// 45 before the words were weighted and the confidence had to
		// reach MinConfidence; the rows now missed were near ties.
		{"cut to 60% of words", cut, 44, 2},
		{"words added", func(s string) string { return "Kết quả " + s + " trong năm 2024 của đơn vị" }, 51, 0},
	}
	for _, tt := range tests {
		right, wrong := 0, 0
		for _, row := range rows {
			got, ok := m.Match(tt.variant(row.label), "")
			if ok && got.ID == row.stt {
				right++
			} else {
				if ok {
					wrong++
				}
				t.Logf("%s: %s %q → %s %v (%.2f, runner-up %s %.2f)", tt.name, row.stt, tt.variant(row.label), got.ID, ok, got.Score, got.RunnerUp, got.RunnerUpScore)
			}
		}
		t.Logf("%-20s %d/%d, %d wrong", tt.name, right, len(rows), wrong)
		if wrong > tt.maxWrong {
			// A wrong id scores the row by another indicator's rule.
			t.Errorf("%s: %d rows mapped to another indicator, want at most %d", tt.name, wrong, tt.maxWrong)
		}
		if right < tt.min {
			t.Errorf("%s: %d/%d mapped right, want at least %d", tt.name, right, len(rows), tt.min)
		}
	}
}

// BenchmarkMatchRubric is one label matched against the 71 candidates of
// the district rubric (51 indicators, 20 information items).
func BenchmarkMatchRubric(b *testing.B) {
	r, err := Builtin("hcm-dti-2023-district")
	if err != nil {
		b.Fatal(err)
	}
	m := r.Matcher()
	for b.Loop() {
		m.Match("Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến (áp dụng đối với các thủ tục hành chính đã được cung cấp dịch vụ công trực tuyến)", "")
	}
}
