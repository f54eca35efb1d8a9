package audit

import (
	"reflect"
	"testing"

	"chiso/report"
)

func f64(x float64) *float64 { return &x }

func TestSelfScoreOverMax(t *testing.T) {
	tests := []struct {
		name      string
		max, self *float64
		want      bool
	}{
		{"above", f64(5), f64(6), true},
		{"equal", f64(5), f64(5), false},
		{"below", f64(5), f64(4.5), false},
		{"no maximum", nil, f64(6), false},
		{"no self-score", f64(5), nil, false},
	}
	for _, tt := range tests {
		ind := report.Indicator{Path: []string{"4", "7"}, Label: "x", MaxPoints: tt.max, SelfPoints: tt.self,
			Location: report.Location{Table: 1, Row: 9, Block: 3}}
		got := SelfScoreOverMax(&report.Report{Indicators: []report.Indicator{ind}}, nil)
		if (len(got) == 1) != tt.want || len(got) > 1 {
			t.Fatalf("%s: %+v", tt.name, got)
		}
		if tt.want {
			want := report.Finding{Code: report.CodeScoreOverMax, Severity: report.SeverityError, Path: ind.Path,
				Label: "x", Reported: tt.self, Computed: tt.max, Location: ind.Location}
			if !reflect.DeepEqual(got[0], want) {
				t.Errorf("%s: %+v, want %+v", tt.name, got[0], want)
			}
		}
	}
}

// TestRunOrder: Run merges the checks' findings into the report's by
// place, the report's first at one place, and leaves the report alone.
func TestRunOrder(t *testing.T) {
	at := func(code report.Code, block, row int) report.Finding {
		return report.Finding{Code: code, Location: report.Location{Block: block, Row: row}}
	}
	rep := &report.Report{
		Indicators: []report.Indicator{{MaxPoints: f64(1), SelfPoints: f64(2), Location: report.Location{Block: 2, Row: 4}}},
		Findings:   []report.Finding{at(report.CodeDuplicateSTT, 2, 4), at(report.CodeProseRateMismatch, 5, 0)},
	}
	got := Run(rep, nil)
	var codes []report.Code
	for _, f := range got {
		codes = append(codes, f.Code)
	}
	want := []report.Code{report.CodeDuplicateSTT, report.CodeScoreOverMax, report.CodeProseRateMismatch}
	if !reflect.DeepEqual(codes, want) {
		t.Errorf("codes %v, want %v", codes, want)
	}
	if len(rep.Findings) != 2 {
		t.Errorf("Run changed the report: %d findings", len(rep.Findings))
	}
}
