package formula

import (
	"errors"
	"math"
	"slices"
	"testing"
)

func TestParse(t *testing.T) {
	in := map[string]float64{"a": 2, "b": 8, "c": 6, "d": 4, "e": 5, "f": 5}
	for _, tc := range []struct {
		s     string
		vars  []string
		value float64
		ratio bool
	}{
		// The rubric's shapes.
		{"a/b", []string{"a", "b"}, 0.25, true},
		{"(b+c)/a", []string{"b", "c", "a"}, 7, true},
		{"(a+b+c+d)/(e+f)", []string{"a", "b", "c", "d", "e", "f"}, 2, true},
		{"a", []string{"a"}, 2, false},
		{"a+b", []string{"a", "b"}, 10, false},
		// What reports write, as extract finds it.
		{"a / b", []string{"a", "b"}, 0.25, true},
		{"a/bx100", []string{"a", "b"}, 25, false},
		{"a*b/c", []string{"a", "b", "c"}, 16.0 / 6, true},
		{"a+b/c", []string{"a", "b", "c"}, 2 + 8.0/6, false}, // precedence, not (a+b)/c
		{"(a)/(b)", []string{"a", "b"}, 0.25, true},
		{"a/2,5", []string{"a"}, 0.8, true},
		{"a/b/d", []string{"a", "b", "d"}, 0.0625, true},
	} {
		e, err := Parse(tc.s)
		if err != nil {
			t.Errorf("Parse(%q): %v", tc.s, err)
			continue
		}
		if got := e.Vars(); !slices.Equal(got, tc.vars) {
			t.Errorf("Parse(%q).Vars() = %v, want %v", tc.s, got, tc.vars)
		}
		if v, zero := e.Eval(in); zero || math.Abs(v-tc.value) > 1e-9 {
			t.Errorf("Parse(%q).Eval = %v (zero %v), want %v", tc.s, v, zero, tc.value)
		}
		if _, den := e.Ratio(); (den != nil) != tc.ratio {
			t.Errorf("Parse(%q).Ratio(): ratio %v, want %v", tc.s, den != nil, tc.ratio)
		}
	}
}

func TestParseRefuses(t *testing.T) {
	for _, s := range []string{"", "a/", "(a+b", "a+b)", "x/a", "A/b", "a//b", "a/b − 1", "a × 1", "((((((((((((((((((((((a))))))))))))))))))))))"} {
		_, err := Parse(s)
		var fe *Error
		if !errors.As(err, &fe) {
			t.Errorf("Parse(%q) = %v, want an *Error", s, err)
			continue
		}
		if fe.Error() == "" {
			t.Errorf("Parse(%q): empty message", s)
		}
	}
}

func TestEvalZero(t *testing.T) {
	e, _ := Parse("(a+b)/c")
	if _, zero := e.Eval(map[string]float64{"a": 1, "b": 2, "c": 0}); !zero {
		t.Error("(a+b)/c with c = 0: no division by zero reported")
	}
	if e.Has(map[string]float64{"a": 1, "b": 2}) {
		t.Error("Has reports c present")
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"a/b", "(a+b+c+d)/(e+f)", "a*b/c x 100", "((a)", "2,5/a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e, err := Parse(s)
		if err != nil {
			return
		}
		vals := map[string]float64{}
		for _, n := range e.Vars() {
			if !IsName(n) {
				t.Fatalf("Parse(%q): name %q", s, n)
			}
			vals[n] = 1
		}
		e.Eval(vals)
		e.Ratio()
	})
}
