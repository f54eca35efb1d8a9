package rubric

import (
	"math"
	"strings"
	"testing"
)

// card scores a made-up sheet of one district: 5.1 (min-max) and 6.13
// (growth) from the given values, everything else without data.
func card(t *testing.T, r *Rubric, v51, v613 string) *Card {
	t.Helper()
	c := &Card{Rubric: r}
	for _, g := range r.Groups {
		c.Groups = append(c.Groups, GroupScore{ID: g.ID, Label: g.Label, Max: g.Max})
	}
	for i := range r.Indicators {
		ind := &r.Indicators[i]
		var obs *Observation
		switch ind.ID {
		case "5.1":
			obs = ReadValue(v51)
		case "6.13":
			obs = ReadValue(v613)
		}
		c.Scores = append(c.Scores, IndicatorScore{Result: Score(ind, obs), Label: ind.Label})
	}
	c.retotal()
	return c
}

func TestFinishCohort(t *testing.T) {
	r := district(t)
	cards := []*Card{card(t, r, "2", ""), card(t, r, "7 hệ thống", ""), card(t, r, "12", ""), card(t, r, "", "")}
	for _, c := range cards[:3] {
		if strings.Join(c.Pending, " ") != "5.1" {
			t.Fatalf("pending %v, want 5.1", c.Pending)
		}
	}
	FinishCohort(cards)
	// 2, 7, 12: (x − 2)/(12 − 2) × 10 = 0, 5, 10; the fourth unit has no
	// data: default 0, outside the cohort.
	for i, want := range []float64{0, 5, 10, 0} {
		s := cards[i].score("5.1")
		if s.Points == nil || *s.Points != want || len(cards[i].Pending) != 0 || cards[i].Total != want || cards[i].Groups[4].Points != want {
			t.Errorf("unit %d: %v (%s), total %v, pending %v; want %v", i, ptr(s.Points), s.Basis, cards[i].Total, cards[i].Pending, want)
		}
	}
	if s := cards[1].score("5.1"); s.Basis != "min-max across 3 units: (7 − 2)/(12 − 2) × 10" {
		t.Errorf("basis %q", s.Basis)
	}
}

func TestFinishGrowth(t *testing.T) {
	r := district(t)
	tests := []struct {
		now, last string
		want      float64
	}{
		{"82%", "80%", 2.5},     // 82/80 − 1 = 2.5 %: 2.5/10 × 10
		{"88%", "80%", 10},      // 10 %: max
		{"76%", "80%", 0},       // −5 %: 0
		{"80%", "", math.NaN()}, // no previous value: still pending
	}
	for _, tt := range tests {
		c := card(t, r, "", tt.now)
		FinishGrowth(c, card(t, r, "", tt.last))
		s := c.score("6.13")
		if math.IsNaN(tt.want) {
			if s.Points != nil || strings.Join(c.Pending, " ") != "6.13" {
				t.Errorf("%s over %q: got %v, want pending", tt.now, tt.last, ptr(s.Points))
			}
			continue
		}
		if s.Points == nil || math.Abs(*s.Points-tt.want) > 1e-9 || c.Total != tt.want {
			t.Errorf("%s over %s: got %v (%s), total %v; want %v", tt.now, tt.last, ptr(s.Points), s.Basis, c.Total, tt.want)
		}
	}
}
