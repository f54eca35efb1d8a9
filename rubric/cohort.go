package rubric

import "chiso/report"

// The rules that need other reports than the one scored: min-max across a
// period's units and growth over the previous year. Score leaves those
// indicators pending (Need, Measure); the caller that holds many reports
// (package corpus) gives each rule the measures and stores what it
// returns. They are the only cohort and growth rules: there is no second
// copy in corpus.

// CohortScores scores a min-max indicator across a cohort of units:
// measures[i] is unit i's Measure, and result i is its points with a basis
// line. See CohortPoints for the rule.
func CohortScores(ind *Indicator, measures []float64) []Result {
	out := make([]Result, len(measures))
	if len(measures) == 0 {
		return out
	}
	lo, hi := measures[0], measures[0]
	for _, x := range measures {
		lo, hi = min(lo, x), max(hi, x)
	}
	for k, p := range CohortPoints(ind, measures) {
		res := Result{ID: ind.ID, Max: ind.Max, Measure: &measures[k]}
		res.set(p, because(report.RuleMinMax, measures[k], len(measures), lo, hi))
		out[k] = res
	}
	return out
}

// GrowthScore scores a growth indicator of year from this year's measure
// and last year's (input b). Without last year's value the indicator gets
// the decision's default for missing data, 0 ("không có số liệu báo cáo …
// mặc định là 0 điểm"): the year is being closed, so nothing will come to
// make it pending any longer.
func GrowthScore(ind *Indicator, year int, this float64, last *float64) Result {
	if last == nil {
		res := Result{ID: ind.ID, Max: ind.Max, Measure: &this}
		res.set(0, because(report.RuleNoLastYear, year-1))
		return res
	}
	res := ScoreIndicator(ind, &Observation{Inputs: map[string]float64{"a": this, "b": *last}})
	res.Measure = &this
	res.Basis = because(report.RuleYears, res.Basis, year, this, year-1, *last)
	return res
}

// retotal recomputes the groups, total and pending list from the scores.
func (c *Card) retotal() {
	byGroup := map[string]float64{}
	c.Total, c.Pending = 0, nil
	for i, s := range c.Scores {
		if s.Points == nil {
			c.Pending = append(c.Pending, s.ID)
			continue
		}
		c.Total += *s.Points
		byGroup[c.Rubric.Indicators[i].Group] += *s.Points
	}
	c.Total = round(c.Total, 4)
	for i := range c.Groups {
		c.Groups[i].Points = round(byGroup[c.Groups[i].ID], 4)
	}
}
