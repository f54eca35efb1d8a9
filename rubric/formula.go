package rubric

import (
	"fmt"
	"strings"
)

// formula is a ratio of sums of named inputs, the only shape the decision's
// formulas take: "a/b", "b/a", "(b+c)/a", "(a+b+c+d)/(e+f)"; or a single
// sum ("a") for a measure that is not a ratio.
type formula struct {
	num, den []string // den is nil when the formula is not a ratio
}

// parseFormula reads the shapes described at formula.
func parseFormula(s string) (formula, error) {
	s = strings.ReplaceAll(s, " ", "")
	if s == "" {
		return formula{}, fmt.Errorf("empty formula")
	}
	top, bottom, isRatio := strings.Cut(s, "/")
	num, err := parseSum(top)
	if err != nil {
		return formula{}, err
	}
	f := formula{num: num}
	if isRatio {
		if f.den, err = parseSum(bottom); err != nil {
			return formula{}, err
		}
	}
	return f, nil
}

// parseSum reads "a" or "(a+b+…)".
func parseSum(s string) ([]string, error) {
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		s = s[1 : len(s)-1]
	}
	var names []string
	for _, n := range strings.Split(s, "+") {
		if !isName(n) {
			return nil, fmt.Errorf("%q is not an input name (a lower-case letter)", n)
		}
		names = append(names, n)
	}
	return names, nil
}

func isName(s string) bool {
	return len(s) == 1 && 'a' <= s[0] && s[0] <= 'z'
}

// vars lists the inputs the formula uses.
func (f formula) vars() []string { return append(append([]string(nil), f.num...), f.den...) }

// eval computes the formula from inputs; ok is false when an input is
// missing. For a ratio, num and den are returned separately so that the
// caller can treat a zero denominator as the decision says.
func (f formula) eval(in map[string]float64) (num, den float64, ok bool) {
	sum := func(names []string) (float64, bool) {
		t := 0.0
		for _, n := range names {
			v, ok := in[n]
			if !ok {
				return 0, false
			}
			t += v
		}
		return t, true
	}
	if num, ok = sum(f.num); !ok {
		return 0, 0, false
	}
	if f.den == nil {
		return num, 1, true
	}
	den, ok = sum(f.den)
	return num, den, ok
}
