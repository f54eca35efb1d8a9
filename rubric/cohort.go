package rubric

import (
	"fmt"
	"math"
)

// FinishCohort scores the min-max indicators of cards — one card per unit,
// all on the same rubric and period — across the cohort, and updates each
// card's groups, total and pending list. Units with no measure for an
// indicator keep their default 0 and are not part of its cohort. Cards on
// another rubric than the first are left alone.
func FinishCohort(cards []*Card) {
	if len(cards) == 0 {
		return
	}
	r := cards[0].Rubric
	for i := range r.Indicators {
		ind := &r.Indicators[i]
		if ind.Method.Kind != MinMax {
			continue
		}
		var members []*IndicatorScore
		var measures []float64
		for _, c := range cards {
			if c.Rubric != r {
				continue
			}
			if s := c.score(ind.ID); s != nil && s.Need == NeedCohort && s.Measure != nil {
				members = append(members, s)
				measures = append(measures, *s.Measure)
			}
		}
		if len(members) == 0 {
			continue
		}
		lo, hi := measures[0], measures[0]
		for _, x := range measures {
			lo, hi = math.Min(lo, x), math.Max(hi, x)
		}
		for k, p := range CohortPoints(ind, measures) {
			s := members[k]
			s.Points, s.Need = &p, NeedNothing
			if hi == lo {
				s.note(say(fmt.Sprintf("min-max across %d units, all %s: maximum", len(members), num(hi)),
					fmt.Sprintf("Min-Max giữa %d đơn vị, đều %s: điểm tối đa", len(members), num(hi))))
				continue
			}
			s.note(say(fmt.Sprintf("min-max across %d units: (%s − %s)/(%s − %s) × %s", len(members), num(measures[k]), num(lo), num(hi), num(lo), num(ind.Max)),
				fmt.Sprintf("Min-Max giữa %d đơn vị: (%s − %s)/(%s − %s) × %s", len(members), num(measures[k]), num(lo), num(hi), num(lo), num(ind.Max))))
		}
	}
	for _, c := range cards {
		if c.Rubric == r {
			c.retotal()
		}
	}
}

// FinishGrowth scores card's growth indicators from the same unit's card
// of the previous year: last year's measure becomes input b. Indicators
// last year's card has no measure for stay pending.
func FinishGrowth(card, lastYear *Card) {
	for i := range card.Scores {
		s := &card.Scores[i]
		if s.Need != NeedPreviousYear || s.Measure == nil {
			continue
		}
		prev := lastYear.score(s.ID)
		if prev == nil || prev.Measure == nil {
			continue
		}
		ind := card.Rubric.Indicator(s.ID)
		res := Score(ind, &Observation{Inputs: map[string]float64{"a": *s.Measure, "b": *prev.Measure}})
		res.Measure = s.Measure
		s.Result = res
	}
	card.retotal()
}

func (c *Card) score(id string) *IndicatorScore {
	for i := range c.Scores {
		if c.Scores[i].ID == id {
			return &c.Scores[i]
		}
	}
	return nil
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
