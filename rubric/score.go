package rubric

import (
	"math"
	"strconv"
	"strings"

	"chiso/internal/formula"
	"chiso/report"
)

// Observation is what one report says about one indicator: the value as
// written on a scoring sheet (the "Số liệu" column) and/or the named inputs
// (a, b, …) of a quarterly report's component rows.
type Observation struct {
	// Raw is the value as written: "62,5%", "Đã ban hành", "26 bài",
	// "Hàng tuần", "Đang thực hiện". Words are read from it when no typed
	// value says enough.
	Raw string
	// Number is the value read as a number; Percent says it is on the
	// 0–100 scale.
	Number  *float64
	Percent bool
	Bool    *bool
	// Status is "done", "in_progress" or "not_started" when the value is a
	// state of progress.
	Status string
	// Inputs are the named quantities of the indicator's method.
	Inputs map[string]float64
}

// Need says what else a result needs before it has points.
type Need string

const (
	NeedNothing      Need = ""
	NeedCohort       Need = "cohort"        // min_max: the other units' measures
	NeedPreviousYear Need = "previous_year" // growth: last year's value (input b)
)

// Result is one indicator's score.
type Result struct {
	ID  string
	Max float64
	// Points is nil when the score needs data from other reports (Need).
	Points *float64
	// Basis is how the points were reached, as data; package
	// internal/msg writes it as one line ("ratio 0.7823 × 20").
	Basis report.Basis
	// Inputs are the inputs the score used.
	Inputs map[string]float64
	// Measure is the value a cohort or a later year compares: for min_max
	// the unit's measure, for growth this year's value.
	Measure *float64
	Need    Need
}

// ScoreIndicator computes an indicator's points from what a report says about it;
// obs nil means the report has no data for it, which the decision scores 0
// ("nếu không có số liệu báo cáo … mặc định là 0 điểm").
//
// Min-max indicators need the other units of the cohort: Score returns
// Points nil, Need NeedCohort and the unit's Measure; CohortPoints then
// gives every unit its points. Growth needs last year's value: Score
// returns Need NeedPreviousYear unless obs carries input b (or states the
// growth itself); the caller that has last year's report sets
// obs.Inputs["b"] and scores again.
func ScoreIndicator(ind *Indicator, obs *Observation) Result {
	res := Result{ID: ind.ID, Max: ind.Max}
	if obs == nil || obs.empty() {
		res.set(0, because(report.RuleNoData))
		return res
	}
	res.Inputs = obs.Inputs
	m := &ind.Method
	switch m.Kind {
	case YesNo:
		yes, ok := obs.yes()
		if !ok {
			res.unread(obs)
			return res
		}
		if yes {
			res.set(ind.Max, because(report.RuleYes))
		} else {
			res.set(0, because(report.RuleNo))
		}
	case Leader, Frequency, Status:
		// The three differ only in the words that name their levels.
		read := map[Kind]func() (string, bool){Leader: obs.leader, Frequency: obs.frequency, Status: obs.status}[m.Kind]
		lv, ok := read()
		if !ok {
			res.unread(obs)
			return res
		}
		res.level(ind, lv)
	case Ratio, RatioCap, Threshold, Bands:
		r, z, ok := ratio(ind.Formula, obs)
		if !ok {
			res.unread(obs)
			return res
		}
		if z != nil {
			res.set(z.share*ind.Max, z.basis)
			return res
		}
		res.fromRatio(ind, r)
	case CountBands:
		res.countBands(ind, obs)
	case Parts:
		res.parts(ind, obs)
	case PerItem:
		n, ok := obs.count()
		if !ok {
			res.unread(obs)
			return res
		}
		p := math.Min(n*m.PerItem, ind.Max)
		res.set(p, because(report.RulePerItem, n, m.PerItem, ind.Max))
	case MinMax:
		x, ok := measure(ind.Formula, obs)
		if !ok {
			res.unread(obs)
			return res
		}
		res.Measure = &x
		res.Need = NeedCohort
		res.Basis = because(report.RuleMinMaxPending, x)
	case Growth:
		res.growth(ind, obs)
	}
	return res
}

// ratio returns the indicator's ratio (0–1 scale) from its inputs when all
// are present, else from a percentage value. A zero denominator returns a
// non-nil *zeroDenominator instead.
func ratio(formulaText string, obs *Observation) (r float64, z *zeroDenominator, ok bool) {
	if formulaText != "" && len(obs.Inputs) > 0 {
		if f, err := formula.Parse(formulaText); err == nil {
			if n, d, ratio, ok := evalRatio(f, obs.Inputs); ok && ratio {
				if d == 0 {
					return 0, zeroBasis(formulaText, n), true
				}
				return n / d, nil, true
			}
		}
	}
	if obs.Number != nil && obs.Percent {
		return *obs.Number / 100, nil, true
	}
	// A bare number is not read as a rate: quarterly reports put counts
	// ("14" wards) on rows whose rubric indicator is a rate.
	return 0, nil, false
}

// zeroDenominator is the scoring of a ratio whose denominator is zero: 0/0 is
// a unit without the content the criterion measures, which the decision
// (II.2.c) gives the maximum; a positive numerator over zero is
// inconsistent data and earns 0.
type zeroDenominator struct {
	share float64
	basis report.Basis
}

func zeroBasis(formulaText string, n float64) *zeroDenominator {
	if n == 0 {
		return &zeroDenominator{1, because(report.RuleZeroOverZero, formulaText)}
	}
	return &zeroDenominator{0, because(report.RuleZeroDenom, formulaText, n)}
}

// measure is a min-max indicator's value: its formula over the inputs, or
// the number as written.
func measure(formulaText string, obs *Observation) (float64, bool) {
	if formulaText != "" && len(obs.Inputs) > 0 {
		if f, err := formula.Parse(formulaText); err == nil {
			if n, d, ratio, ok := evalRatio(f, obs.Inputs); ok {
				if d == 0 {
					return 0, true
				}
				// A ratio is measured in percent, as sheets state it, so
				// that units reporting a/b and units reporting "12%" are
				// compared on one scale.
				if ratio {
					return n / d * 100, true
				}
				return n, true
			}
		}
	}
	if obs.Number != nil {
		return *obs.Number, true
	}
	return 0, false
}

// fromRatio applies a ratio method to r (0–1 scale).
func (res *Result) fromRatio(ind *Indicator, r float64) {
	m := &ind.Method
	pct := round(r*100, 9) // 0.7 × 100 is 70, not 70.000…01
	switch m.Kind {
	case Ratio:
		p := math.Min(r, 1) * ind.Max
		rule := report.RuleRatio
		if r > 1 {
			rule = report.RuleRatioCapped
		}
		res.set(p, because(rule, report.Ratio(r), ind.Max))
	case RatioCap:
		if pct >= m.Target {
			res.set(ind.Max, because(report.RuleTargetMet, round(pct, 2), m.Target))
			return
		}
		res.set(math.Max(pct, 0)/m.Target*ind.Max, because(report.RuleTargetShare, round(pct, 2), m.Target, ind.Max))
	case Threshold:
		if pct >= m.Threshold {
			res.set(ind.Max, because(report.RuleThresholdMet, m.Threshold, round(pct, 2)))
			return
		}
		res.set(0, because(report.RuleThresholdMiss, m.Threshold, round(pct, 2)))
	case Bands:
		for _, b := range m.Bands {
			if b.Above != nil && pct > *b.Above || b.From != nil && pct >= *b.From {
				rule, bound := report.RuleBandFrom, deref(b.From)
				if b.Above != nil {
					rule, bound = report.RuleBandAbove, *b.Above
				}
				res.set(b.Share*ind.Max, because(rule, bound, round(pct, 2), b.Share, ind.Max))
				return
			}
		}
		res.set(0, because(report.RuleBelowBands, round(pct, 2)))
	}
}

func (res *Result) countBands(ind *Indicator, obs *Observation) {
	if yes, ok := obs.yes(); ok && !yes && obs.Number == nil {
		res.set(0, because(report.RuleNoSection))
		return
	}
	n, ok := obs.count()
	if !ok {
		if yes, ok := obs.yes(); ok && yes {
			// A section exists but its article count is not given: only the
			// lowest band is certain.
			n = 0
		} else {
			res.unread(obs)
			return
		}
	}
	for _, b := range ind.Method.Bands {
		if n >= deref(b.From) {
			res.set(b.Share*ind.Max, because(report.RuleArticles, n, deref(b.From), b.Share, ind.Max))
			return
		}
	}
	res.set(0, because(report.RuleArticlesBelow, n))
}

func (res *Result) parts(ind *Indicator, obs *Observation) {
	fractions := fractionsIn(obs.Raw)
	total := 0.0
	var parts []report.Basis
	for i, p := range ind.Method.Parts {
		var r float64
		switch {
		case p.Formula != "":
			var n, d float64
			ok := false
			if f, err := formula.Parse(p.Formula); err == nil {
				n, d, _, ok = evalRatio(f, obs.Inputs)
			}
			switch {
			case ok && d != 0:
				r = math.Min(n/d, 1)
			case ok && n == 0:
				r = 1 // 0/0: nothing to measure (II.2.c)
			case ok:
				r = 0
			case i < len(fractions) && len(fractions) == countFormulas(ind.Method.Parts):
				r = math.Min(fractions[i], 1)
			case obs.Number != nil && obs.Percent:
				// One rate for several parts: applied to each.
				r = math.Min(*obs.Number/100, 1)
			default:
				r = 0
			}
			parts = append(parts, because(report.RulePartRatio, p.Formula, report.Ratio(r), p.Share))
		default:
			v, ok := obs.Inputs[p.Input]
			yes := ok && v != 0
			if !ok {
				yes, _ = obs.yes()
			}
			if yes {
				r = 1
			}
			parts = append(parts, because(report.RulePartYes, p.Input, yes, p.Share))
		}
		total += r * p.Share
	}
	res.set(total*ind.Max, because(report.RuleParts, parts, ind.Max))
}

func countFormulas(parts []Part) int {
	n := 0
	for _, p := range parts {
		if p.Formula != "" {
			n++
		}
	}
	return n
}

func (res *Result) growth(ind *Indicator, obs *Observation) {
	target := ind.Method.Target
	var g float64
	a, hasA := obs.Inputs["a"]
	b, hasB := obs.Inputs["b"]
	switch {
	case hasA && hasB:
		if b == 0 {
			if a == 0 {
				res.set(ind.Max, because(report.RuleGrowthZero))
			} else {
				res.set(ind.Max, because(report.RuleGrowthFromNil))
			}
			return
		}
		// Rounded so that 0.88/0.8 − 1 is 10 %, not 9.999…
		g = round((a/b-1)*100, 9)
	default:
		if sg, ok := obs.statedGrowth(); ok {
			g = sg
			break
		}
		x, ok := obs.Inputs["a"]
		if !ok && obs.Number != nil {
			x, ok = *obs.Number, true
		}
		if !ok {
			res.unread(obs)
			return
		}
		res.Measure = &x
		res.Need = NeedPreviousYear
		res.Basis = because(report.RuleGrowthPending, x)
		return
	}
	switch {
	case g >= target:
		res.set(ind.Max, because(report.RuleGrowthMet, round(g, 2), target))
	case g <= 0:
		res.set(0, because(report.RuleGrowthNone, round(g, 2)))
	default:
		res.set(g/target*ind.Max, because(report.RuleGrowthShare, round(g, 2), target, ind.Max))
	}
}

// level scores a leader, frequency or status method.
func (res *Result) level(ind *Indicator, lv string) {
	share := ind.Method.Levels[lv]
	res.set(share*ind.Max, because(report.RuleLevel, report.Level(lv), share, ind.Max))
}

// unread scores a value that is present but says nothing the method can
// use: the decision's default for missing data, 0.
func (res *Result) unread(obs *Observation) {
	raw := []rune(strings.Join(strings.Fields(obs.Raw), " "))
	if len(raw) > 40 {
		raw = append(raw[:39], '…')
	}
	res.set(0, because(report.RuleUnread, string(raw)))
}

// set gives the result its points, never below 0 nor above the maximum,
// and their basis.
func (res *Result) set(points float64, b report.Basis) {
	p := round(math.Max(0, math.Min(points, res.Max)), 4)
	res.Points = &p
	res.Basis = b
}

// because is the basis of a rule with its arguments (see report.Rule).
func because(rule report.Rule, args ...any) report.Basis {
	return report.Basis{Rule: rule, Args: args}
}

// CohortPoints scores a min-max indicator across a cohort of units:
// measures[i] is unit i's Measure. The highest gets the maximum, the lowest
// 0, the others in proportion; when all are equal each gets the maximum (see
// the errata in the rubric file).
func CohortPoints(ind *Indicator, measures []float64) []float64 {
	out := make([]float64, len(measures))
	if len(measures) == 0 {
		return out
	}
	lo, hi := measures[0], measures[0]
	for _, x := range measures {
		lo, hi = math.Min(lo, x), math.Max(hi, x)
	}
	for i, x := range measures {
		if hi == lo {
			out[i] = ind.Max
			continue
		}
		out[i] = round((x-lo)/(hi-lo)*ind.Max, 4)
	}
	return out
}

func round(x float64, digits int) float64 {
	p := math.Pow(10, float64(digits))
	return math.Round(x*p) / p
}

// num formats a number without trailing zeros: 20, 0.5, 78.23.
func num(x float64) string { return strconv.FormatFloat(round(x, 4), 'f', -1, 64) }

func deref(p *float64) float64 {
	if p == nil {
		return 0
	}
	return *p
}
