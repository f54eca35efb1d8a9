package rubric

import (
	"slices"
	"testing"

	"chiso/report"
)

// TestScoreOverRubricMax: a self-score above the rubric's maximum is an
// error even when the sheet writes no maximum of its own, and is not
// reported twice when extract already found it against the sheet's.
func TestScoreOverRubricMax(t *testing.T) {
	r := district(t)
	seven, yes := 7.0, true
	row := report.Indicator{Path: []string{"II", "2", "2.1"}, STT: "2.1",
		Label: "Nghị quyết chuyên đề hoặc văn bản tương đương của cấp ủy về chuyển đổi số",
		Raw:   "Đã ban hành", Value: report.Value{Kind: report.KindBool, Bool: &yes}, SelfPoints: &seven,
		Location: report.Location{Table: 1, Row: 5}}
	sheetFinding := report.Finding{Code: report.CodeScoreOverMax, Severity: report.SeverityError, Path: row.Path, Location: row.Location}
	for _, tt := range []struct {
		name     string
		findings []report.Finding
	}{
		{"no max column", nil},
		{"extract found it", []report.Finding{sheetFinding}},
	} {
		rep := &report.Report{Indicators: []report.Indicator{row}, Findings: tt.findings}
		m := Map(rep, r)
		if m.Refs[0] == nil || m.Refs[0].Indicator != "2.1" {
			t.Fatalf("%s: row mapped to %+v", tt.name, m.Refs[0])
		}
		card := Score(rep, m)
		over, mismatch := 0, 0
		for _, f := range slices.Concat(rep.Findings, m.Findings, card.Findings) {
			switch f.Code {
			case report.CodeScoreOverMax:
				over++
			case report.CodeSelfScoreMismatch:
				mismatch++
			}
		}
		if over != 1 || mismatch != 1 {
			t.Errorf("%s: %d score_over_max, %d self_score_mismatch; want 1 and 1", tt.name, over, mismatch)
		}
	}
}
