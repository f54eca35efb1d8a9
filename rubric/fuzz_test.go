package rubric

import (
	"errors"
	"math"
	"testing"
)

// FuzzParse: a rubric file, however damaged, is either refused with a
// *LoadError or loads into a rubric whose invariants hold and which scores
// without panicking.
func FuzzParse(f *testing.F) {
	for _, id := range IDs() {
		b, err := builtin.ReadFile("data/" + id + ".yaml")
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("id: x\nmax: 10\ngroups: [{id: \"1\", label: g, max: 10}]\nindicators: [{id: \"1.1\", label: l, group: \"1\", max: 10, method: {kind: yes_no}}]\n"))
	f.Add([]byte("id: x\nmax: 10\ngroups: [{id: \"1\", label: g, max: 10}]\nindicators: [{id: \"1.1\", label: l, group: \"1\", max: 10, method: {kind: ratio}, formula: \"(a+b)/c\", inputs: [{name: a}, {name: b}, {name: c}]}]\n"))
	f.Add([]byte("{"))
	f.Add([]byte(""))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Parse(data, "fuzz.yaml")
		if err != nil {
			var le *LoadError
			if !errors.As(err, &le) || le.File != "fuzz.yaml" {
				t.Fatalf("error %v is not a *LoadError naming the file", err)
			}
			return
		}
		sum := 0.0
		for _, g := range r.Groups {
			sum += g.Max
		}
		if math.Abs(sum-r.Max) > 1e-6 {
			t.Fatalf("loaded a rubric whose groups add up to %v, not %v", sum, r.Max)
		}
		for i := range r.Indicators {
			ind := &r.Indicators[i]
			for _, obs := range []*Observation{nil, ReadValue("62,5%"), ReadValue("Đã ban hành"), {Inputs: map[string]float64{"a": 1, "b": 0, "c": 3, "d": 4}}} {
				res := ScoreIndicator(ind, obs)
				if res.Points != nil && (*res.Points < 0 || *res.Points > ind.Max || math.IsNaN(*res.Points)) {
					t.Fatalf("%s: points %v outside [0, %v]", ind.ID, *res.Points, ind.Max)
				}
			}
		}
	})
}

// FuzzReadValue: any cell text reads without panicking, and every
// indicator of the district rubric scores it within [0, max].
func FuzzReadValue(f *testing.F) {
	for _, s := range []string{"62,5%", "78.23 %", "1.234,5", "26 bài", "Đã ban hành", "Hàng tuần", "Đang thực hiện",
		"+5%", "giảm 3%", "6/7 nền tảng; 3/6 tập trung", "0/0", "Phó Chủ tịch", "-", "999999999999999999999%", "1e400"} {
		f.Add(s)
	}
	r, err := Builtin("hcm-dti-2023-district")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		obs := ReadValue(s)
		for i := range r.Indicators {
			ind := &r.Indicators[i]
			res := ScoreIndicator(ind, obs)
			if res.Points != nil && !(*res.Points >= 0 && *res.Points <= ind.Max) {
				t.Fatalf("%s of %q: points %v outside [0, %v]", ind.ID, s, *res.Points, ind.Max)
			}
			if res.Basis.Rule == "" {
				t.Fatalf("%s of %q: no basis", ind.ID, s)
			}
		}
	})
}
