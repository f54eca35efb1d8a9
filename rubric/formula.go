package rubric

import "chiso/internal/formula"

// The decision's formulas are ratios of sums of named inputs ("a/b",
// "(b+c)/a", "(a+b+c+d)/(e+f)") or a single sum ("a") for a measure that
// is not a ratio. They are read by package internal/formula, the grammar
// extract reads a report's formulas with, so that the two are compared
// and computed alike.

// evalRatio computes f from in; ok is false when an input is missing. For
// a ratio num and den are returned separately, so that the caller can
// treat a zero denominator as the decision says; den is 1 for a formula
// that is not a ratio, and ratio reports which it was.
func evalRatio(f *formula.Expr, in map[string]float64) (num, den float64, ratio, ok bool) {
	if !f.Has(in) {
		return 0, 0, false, false
	}
	n, d := f.Ratio()
	num, zn := n.Eval(in)
	if d == nil {
		return num, 1, false, !zn
	}
	den, zd := d.Eval(in)
	return num, den, true, !zn && !zd
}
