package rubric

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"chiso/internal/formula"
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
	// Basis says in one line how the points were reached; BasisVI says it
	// in Vietnamese.
	Basis, BasisVI string
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
		res.set(0, say("no data: default 0", "không có số liệu: mặc định 0"))
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
			res.set(ind.Max, say("yes: maximum", "có: điểm tối đa"))
		} else {
			res.set(0, say("no: 0", "không: 0 điểm"))
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
			res.set(z.share*ind.Max, z.text)
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
		res.set(p, say(fmt.Sprintf("%s items × %s, capped at %s", num(n), num(m.PerItem), num(ind.Max)),
			fmt.Sprintf("%s hoạt động × %s, tối đa %s", num(n), num(m.PerItem), num(ind.Max))))
	case MinMax:
		x, ok := measure(ind.Formula, obs)
		if !ok {
			res.unread(obs)
			return res
		}
		res.Measure = &x
		res.Need = NeedCohort
		res.note(say(fmt.Sprintf("min-max across units: measure %s, needs the other units", num(x)),
			fmt.Sprintf("Min-Max giữa các đơn vị: giá trị %s, cần số liệu các đơn vị khác", num(x))))
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
	text  text
}

func zeroBasis(formulaText string, n float64) *zeroDenominator {
	if n == 0 {
		return &zeroDenominator{1, say(fmt.Sprintf("%s = 0/0: nothing to measure, maximum (decision II.2.c)", formulaText),
			fmt.Sprintf("%s = 0/0: đơn vị không có nội dung, điểm tối đa (mục II.2.c)", formulaText))}
	}
	return &zeroDenominator{0, say(fmt.Sprintf("%s = %s/0: zero denominator, 0", formulaText, num(n)),
		fmt.Sprintf("%s = %s/0: mẫu số bằng 0, 0 điểm", formulaText, num(n)))}
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
		en := fmt.Sprintf("ratio %s × %s", dec4(r), num(ind.Max))
		vi := fmt.Sprintf("tỷ lệ %s × %s", dec4(r), num(ind.Max))
		if r > 1 {
			en += ", capped at the maximum"
			vi += ", giới hạn ở điểm tối đa"
		}
		res.set(p, say(en, vi))
	case RatioCap:
		if pct >= m.Target {
			res.set(ind.Max, say(fmt.Sprintf("ratio %s%% ≥ %s%%: maximum", num(round(pct, 2)), num(m.Target)),
				fmt.Sprintf("tỷ lệ %s%% ≥ %s%%: điểm tối đa", num(round(pct, 2)), num(m.Target))))
			return
		}
		res.set(math.Max(pct, 0)/m.Target*ind.Max, say(
			fmt.Sprintf("ratio %s%% / %s%% × %s", num(round(pct, 2)), num(m.Target), num(ind.Max)),
			fmt.Sprintf("tỷ lệ %s%% / %s%% × %s", num(round(pct, 2)), num(m.Target), num(ind.Max))))
	case Threshold:
		if pct >= m.Threshold {
			res.set(ind.Max, say(fmt.Sprintf("threshold ≥ %s%% met (%s%%)", num(m.Threshold), num(round(pct, 2))),
				fmt.Sprintf("đạt ngưỡng ≥ %s%% (%s%%)", num(m.Threshold), num(round(pct, 2)))))
			return
		}
		res.set(0, say(fmt.Sprintf("threshold ≥ %s%% not met (%s%%)", num(m.Threshold), num(round(pct, 2))),
			fmt.Sprintf("không đạt ngưỡng ≥ %s%% (%s%%)", num(m.Threshold), num(round(pct, 2)))))
	case Bands:
		for _, b := range m.Bands {
			if b.Above != nil && pct > *b.Above || b.From != nil && pct >= *b.From {
				cond := "≥ " + num(deref(b.From))
				if b.Above != nil {
					cond = "> " + num(*b.Above)
				}
				res.set(b.Share*ind.Max, say(fmt.Sprintf("band %s%% (%s%%): %s × %s", cond, num(round(pct, 2)), num(b.Share), num(ind.Max)),
					fmt.Sprintf("mức %s%% (%s%%): %s × %s", cond, num(round(pct, 2)), num(b.Share), num(ind.Max))))
				return
			}
		}
		res.set(0, say(fmt.Sprintf("below every band (%s%%): 0", num(round(pct, 2))),
			fmt.Sprintf("dưới mọi mức (%s%%): 0 điểm", num(round(pct, 2)))))
	}
}

func (res *Result) countBands(ind *Indicator, obs *Observation) {
	if yes, ok := obs.yes(); ok && !yes && obs.Number == nil {
		res.set(0, say("no section: 0", "chưa có chuyên mục: 0 điểm"))
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
			res.set(b.Share*ind.Max, say(fmt.Sprintf("%s articles, band ≥ %s: %s × %s", num(n), num(deref(b.From)), num(b.Share), num(ind.Max)),
				fmt.Sprintf("%s tin, bài, mức ≥ %s: %s × %s", num(n), num(deref(b.From)), num(b.Share), num(ind.Max))))
			return
		}
	}
	res.set(0, say(fmt.Sprintf("%s articles, below every band: 0", num(n)), fmt.Sprintf("%s tin, bài, dưới mọi mức: 0 điểm", num(n))))
}

func (res *Result) parts(ind *Indicator, obs *Observation) {
	fractions := fractionsIn(obs.Raw)
	total := 0.0
	var en, vi []string
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
			en = append(en, fmt.Sprintf("%s %s × %s", p.Formula, dec4(r), num(p.Share)))
			vi = append(vi, fmt.Sprintf("%s %s × %s", p.Formula, dec4(r), num(p.Share)))
		default:
			v, ok := obs.Inputs[p.Input]
			yes := ok && v != 0
			if !ok {
				yes, _ = obs.yes()
			}
			if yes {
				r = 1
			}
			en = append(en, fmt.Sprintf("%s %s × %s", p.Input, yesNo(yes, "yes", "no"), num(p.Share)))
			vi = append(vi, fmt.Sprintf("%s %s × %s", p.Input, yesNo(yes, "có", "không"), num(p.Share)))
		}
		total += r * p.Share
	}
	res.set(total*ind.Max, say("parts: ("+strings.Join(en, " + ")+") × "+num(ind.Max),
		"các phần: ("+strings.Join(vi, " + ")+") × "+num(ind.Max)))
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
				res.set(ind.Max, say("a/b = 0/0: nothing to measure, maximum (decision II.2.c)", "a/b = 0/0: không có nội dung, điểm tối đa (mục II.2.c)"))
			} else {
				res.set(ind.Max, say("previous year 0, this year > 0: growth ≥ target, maximum", "năm trước 0, năm nay > 0: tăng trưởng đạt, điểm tối đa"))
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
		res.note(say(fmt.Sprintf("growth: this year %s, needs the previous year's value", num(x)),
			fmt.Sprintf("tăng trưởng: năm nay %s, cần số liệu năm trước", num(x))))
		return
	}
	switch {
	case g >= target:
		res.set(ind.Max, say(fmt.Sprintf("growth %s%% ≥ %s%%: maximum", num(round(g, 2)), num(target)),
			fmt.Sprintf("tăng %s%% ≥ %s%%: điểm tối đa", num(round(g, 2)), num(target))))
	case g <= 0:
		res.set(0, say(fmt.Sprintf("growth %s%% not positive: 0", num(round(g, 2))),
			fmt.Sprintf("tăng trưởng %s%% không dương: 0 điểm", num(round(g, 2)))))
	default:
		res.set(g/target*ind.Max, say(fmt.Sprintf("growth %s%% / %s%% × %s", num(round(g, 2)), num(target), num(ind.Max)),
			fmt.Sprintf("tăng %s%% / %s%% × %s", num(round(g, 2)), num(target), num(ind.Max))))
	}
}

// level scores a leader, frequency or status method.
func (res *Result) level(ind *Indicator, lv string) {
	share := ind.Method.Levels[lv]
	res.set(share*ind.Max, say(fmt.Sprintf("%s: %s × %s", lv, num(share), num(ind.Max)),
		fmt.Sprintf("%s: %s × %s", levelVI[lv], num(share), num(ind.Max))))
}

var levelVI = map[string]string{
	"head": "người đứng đầu", "deputy": "cấp phó", "other": "khác",
	"weekly": "hàng tuần", "monthly": "hàng tháng", "less": "thưa hơn hàng tháng",
	"done": "đã thực hiện", "in_progress": "đang thực hiện", "not_started": "chưa thực hiện",
}

// unread scores a value that is present but says nothing the method can
// use: the decision's default for missing data, 0.
func (res *Result) unread(obs *Observation) {
	raw := []rune(strings.Join(strings.Fields(obs.Raw), " "))
	if len(raw) > 40 {
		raw = append(raw[:39], '…')
	}
	res.set(0, say(fmt.Sprintf("value %q not usable by this method: default 0", string(raw)),
		fmt.Sprintf("số liệu %q không dùng được cho cách tính này: mặc định 0", string(raw))))
}

// set gives the result its points, never below 0 nor above the maximum.
func (res *Result) set(points float64, t text) {
	p := round(math.Max(0, math.Min(points, res.Max)), 4)
	res.Points = &p
	res.note(t)
}

func (res *Result) note(t text) { res.Basis, res.BasisVI = t.en, t.vi }

// text is a basis line in English and Vietnamese.
type text struct{ en, vi string }

func say(en, vi string) text { return text{en, vi} }

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

// dec4 formats a ratio with four decimals, as the basis lines show it.
func dec4(x float64) string { return strconv.FormatFloat(x, 'f', 4, 64) }

func deref(p *float64) float64 {
	if p == nil {
		return 0
	}
	return *p
}

func yesNo(b bool, yes, no string) string {
	if b {
		return yes
	}
	return no
}
