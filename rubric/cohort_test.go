package rubric

import (
	"math"
	"testing"
)

func TestCohortScores(t *testing.T) {
	r := district(t)
	ind := r.Indicator("5.1")
	// 2, 7, 12: (x − 2)/(12 − 2) × 10 = 0, 5, 10.
	got := CohortScores(ind, []float64{2, 7, 12})
	for i, want := range []float64{0, 5, 10} {
		if got[i].Points == nil || *got[i].Points != want {
			t.Errorf("unit %d: %v (%s), want %v", i, ptr(got[i].Points), en(got[i].Basis), want)
		}
	}
	if en(got[1].Basis) != "min-max: 7 among 3 units (min 2, max 12)" {
		t.Errorf("basis %q", en(got[1].Basis))
	}
	if len(CohortScores(ind, nil)) != 0 {
		t.Error("an empty cohort scores someone")
	}
}

func TestGrowthScore(t *testing.T) {
	r := district(t)
	ind := r.Indicator("6.13")
	last := func(x float64) *float64 { return &x }
	tests := []struct {
		now   float64
		last  *float64
		want  float64
		basis string
	}{
		{82, last(80), 2.5, "growth 2.5% / 10% × 10 (2023: 82, 2022: 80)"}, // 82/80 − 1 = 2.5 %
		{88, last(80), 10, "growth 10% ≥ 10%: maximum (2023: 88, 2022: 80)"},
		{76, last(80), 0, "growth -5% not positive: 0 (2023: 76, 2022: 80)"},
		// No previous value: the decision's default for missing data.
		{80, nil, 0, "no value for 2022: default 0"},
	}
	for _, tt := range tests {
		res := GrowthScore(ind, 2023, tt.now, tt.last)
		if res.Points == nil || math.Abs(*res.Points-tt.want) > 1e-9 || en(res.Basis) != tt.basis {
			t.Errorf("%v over %v: got %v (%s), want %v (%s)", tt.now, ptr(tt.last), ptr(res.Points), en(res.Basis), tt.want, tt.basis)
		}
	}
}
