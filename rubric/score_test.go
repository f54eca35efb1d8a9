package rubric

import (
	"math"
	"strings"
	"testing"

	"chiso/internal/msg"
	"chiso/report"
)

// en writes a basis as the English output shows it.
func en(b report.Basis) string { return msg.Basis(b, "en") }

func district(t *testing.T) *Rubric {
	t.Helper()
	r, err := Builtin("hcm-dti-2023-district")
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func in(kv ...float64) map[string]float64 {
	m := map[string]float64{}
	for i := 0; i < len(kv); i += 2 {
		m[string(rune('a'+int(kv[i])))] = kv[i+1]
	}
	return m
}

// Input names for in(): in(A, 3, B, 4) is {"a": 3, "b": 4}.
const (
	A = iota
	B
	C
	D
	E
	F
)

// TestScoreMethods checks every method kind of the decision at its
// boundaries, on the district rubric's own indicators.
func TestScoreMethods(t *testing.T) {
	r := district(t)
	tests := []struct {
		id     string
		raw    string             // the Số liệu cell, read by ReadValue
		inputs map[string]float64 // or the a/b… component rows
		want   float64            // points; NaN: no points yet (Need)
		basis  string             // a substring of the basis
	}{
		// yes_no
		{"2.1", "Đã ban hành", nil, 5, "yes"},
		{"2.1", "Chưa ban hành", nil, 0, "no"},
		{"6.5", "Có sử dụng", nil, 10, "yes"},
		{"4.4", "Không", nil, 0, "no"},
		{"2.1", "", nil, 0, "no data: default 0"},
		// leader
		{"1.1", "Chủ tịch UBND quận", nil, 10, "head"},
		{"1.1", "Phó Chủ tịch UBND quận", nil, 5, "deputy"},
		{"1.1", "Bí thư Quận ủy", nil, 10, "head"},
		{"1.1", "Chưa có Ban chỉ đạo", nil, 0, "other"},
		// ratio: a/b × max, 0/0 → max (II.2.c), a/0 → 0, a > b capped
		{"1.2", "", in(A, 3, B, 4), 7.5, "ratio 0.7500 × 10"},
		{"1.2", "", in(A, 0, B, 0), 10, "0/0"},
		{"1.2", "", in(A, 2, B, 0), 0, "zero denominator"},
		{"1.2", "", in(A, 5, B, 4), 10, "capped"},
		{"1.2", "62,5%", nil, 6.25, "ratio 0.6250 × 10"},
		// ratio of sums
		{"4.3", "", in(A, 1, B, 2, C, 3, D, 4, E, 30, F, 70), 1, "ratio 0.1000 × 10"},
		{"6.2", "", in(A, 10, B, 10, C, 5, D, 10), 7.5, "ratio 0.7500"},
		// ratio_cap at its targets 50, 60, 70, 80, 90
		{"6.3", "50%", nil, 20, "≥ 50%"},
		{"6.3", "49,99%", nil, 19.996, "49.99% / 50%"},
		{"6.3", "", in(A, 15060, B, 5000, C, 6781), 20, "78.23% ≥ 50%"},
		{"8.2", "60%", nil, 20, "≥ 60%"},
		{"8.2", "30%", nil, 10, "30% / 60%"},
		{"8.4", "70%", nil, 10, "≥ 70%"},
		{"7.2", "79%", nil, 29.625, "79% / 80%"},
		{"6.4", "90%", nil, 5, "≥ 90%"},
		{"6.4", "", in(A, 200, B, 90), 2.5, "45% / 90%"},
		// threshold: exactly 80% earns the maximum (erratum)
		{"3.1", "80%", nil, 5, "threshold ≥ 80% met"},
		{"3.1", "79,9%", nil, 0, "threshold ≥ 80% not met"},
		// bands: > 80 → 30, 50–80 → 15 (erratum: "150"), < 50 → 0
		{"3.3", "80,1%", nil, 30, "> 80%"},
		{"3.3", "80%", nil, 15, "≥ 50%"},
		{"3.3", "50%", nil, 15, "≥ 50%"},
		{"3.3", "49%", nil, 0, "below every band"},
		// count_bands: ≥ 20 → max, 10–19 → ½, < 10 → ¼, no section → 0
		{"1.4", "20 bài", nil, 10, "band ≥ 20"},
		{"1.4", "19 bài", nil, 5, "band ≥ 10"},
		{"1.4", "10 bài", nil, 5, "band ≥ 10"},
		{"1.4", "9 bài", nil, 2.5, "band ≥ 0"},
		{"1.4", "Chưa có chuyên mục", nil, 0, "no section"},
		// frequency
		{"1.5", "Hàng tuần", nil, 20, "weekly"},
		{"1.5", "Hàng tháng", nil, 10, "monthly"},
		{"1.5", "Hàng quý", nil, 0, "less"},
		// status
		{"9.1", "Đã triển khai", nil, 20, "done"},
		{"9.1", "Đang thực hiện", nil, 10, "in_progress"},
		{"9.1", "Chưa triển khai", nil, 0, "not_started"},
		// parts: two halves (3.4) and ⅘ + ⅕ (6.1)
		{"3.4", "", in(A, 7, B, 7, C, 3, D, 6), 22.5, "a/b 1.0000 × 0.5 + c/d 0.5000 × 0.5"},
		{"3.4", "", in(A, 0, B, 0, C, 0, D, 0), 30, "a/b 1.0000"},
		{"3.4", "6/7; 3/6", nil, 30 * (6.0/7/2 + 0.25), "a/b 0.8571"},
		{"6.1", "", in(A, 1, B, 0), 8, "a yes × 0.8 + b no × 0.2"},
		{"6.1", "Có", nil, 10, "b yes"},
		// per_item: 1 point each, capped at 20
		{"8.5", "12 hoạt động", nil, 12, "12 items × 1"},
		{"8.5", "25 hoạt động", nil, 20, "capped at 20"},
		// min_max: needs the cohort
		{"5.1", "7", nil, math.NaN(), "needs the other units"},
		// growth: ≥ 10% → max, else g/10 × max, negative → 0
		{"6.13", "", in(A, 0.88, B, 0.8), 10, "growth 10% ≥ 10%"},
		{"6.13", "", in(A, 0.84, B, 0.8), 5, "growth 5% / 10%"},
		{"6.13", "", in(A, 0.72, B, 0.8), 0, "growth -10% not positive"},
		{"6.13", "+4%", nil, 4, "growth 4% / 10%"},
		{"6.13", "giảm 3%", nil, 0, "not positive"},
		{"6.13", "78%", nil, math.NaN(), "needs the previous year"},
		// a value a method cannot use scores the default 0
		{"1.5", "xyz", nil, 0, "not usable"},
		// words are read with their diacritics: "cơ quan" is not "có",
		// "đăng ký" is not "đang"; text typed without any is read folded
		{"6.5", "Tiếp tục triển khai tại các cơ quan", nil, 0, "not usable"},
		{"9.1", "Đăng ký triển khai", nil, 0, "not usable"},
		{"6.5", "Co su dung", nil, 10, "yes"},
		{"9.1", "dang thuc hien", nil, 10, "in_progress"},
		// a count is not a rate
		{"4.1", "14", nil, 0, "not usable"},
	}
	for _, tt := range tests {
		t.Run(tt.id+" "+tt.raw, func(t *testing.T) {
			ind := r.Indicator(tt.id)
			obs := ReadValue(tt.raw)
			obs.Inputs = tt.inputs
			res := ScoreIndicator(ind, obs)
			switch {
			case math.IsNaN(tt.want):
				if res.Points != nil || res.Need == NeedNothing {
					t.Errorf("got points %v need %q, want none yet", *res.Points, res.Need)
				}
			case res.Points == nil:
				t.Errorf("got no points (%s), want %v", en(res.Basis), tt.want)
			case math.Abs(*res.Points-tt.want) > 1e-3:
				t.Errorf("got %v (%s), want %v", *res.Points, en(res.Basis), tt.want)
			}
			if !strings.Contains(en(res.Basis), tt.basis) {
				t.Errorf("basis %q, want it to contain %q", en(res.Basis), tt.basis)
			}
			if vi := msg.Basis(res.Basis, "vi"); vi == string(res.Basis.Rule) {
				t.Error("no Vietnamese basis")
			}
		})
	}
}

func TestNoData(t *testing.T) {
	r := district(t)
	for _, ind := range r.Indicators {
		res := ScoreIndicator(&ind, nil)
		if res.Points == nil || *res.Points != 0 || en(res.Basis) != "no data: default 0" {
			t.Errorf("%s: got %v %q, want 0 by default", ind.ID, res.Points, en(res.Basis))
		}
	}
}

func TestCohortPoints(t *testing.T) {
	ind := district(t).Indicator("5.1")
	tests := []struct {
		measures, want []float64
	}{
		{[]float64{2, 7, 12}, []float64{0, 5, 10}},
		{[]float64{4, 4, 4}, []float64{10, 10, 10}}, // all equal: all highest
		{[]float64{3}, []float64{10}},
		{nil, []float64{}},
	}
	for _, tt := range tests {
		got := CohortPoints(ind, tt.measures)
		if len(got) != len(tt.want) {
			t.Fatalf("%v: got %v, want %v", tt.measures, got, tt.want)
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%v: got %v, want %v", tt.measures, got, tt.want)
				break
			}
		}
	}
}

func TestReadValue(t *testing.T) {
	tests := []struct {
		raw     string
		number  float64
		percent bool
	}{
		{"62,5%", 62.5, true},
		{"78.23 %", 78.23, true},
		{"1.234 hồ sơ", 1234, false},
		{"1.234,5", 1234.5, false},
		{"26 bài", 26, false},
	}
	for _, tt := range tests {
		o := ReadValue(tt.raw)
		if o.Number == nil || *o.Number != tt.number || o.Percent != tt.percent {
			t.Errorf("%q: got %v %v, want %v %v", tt.raw, o.Number, o.Percent, tt.number, tt.percent)
		}
	}
}
