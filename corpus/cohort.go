package corpus

import (
	"context"
	"math"
	"sort"

	"chiso/report"
	"chiso/rubric"
)

// UnitScore is one unit's score for a period, with the indicators that
// need the cohort (min-max) or the previous year (growth) filled in.
type UnitScore struct {
	Unit   string
	Source string // path of the report scored
	SHA256 string
	Total  float64
	// Rank is 1 for the highest total; units with equal totals share a
	// rank (the decision gives no tie-break).
	Rank int
	Tied bool
	// Filled are the indicators scored here rather than from the report
	// alone: min-max across the cohort and growth over the previous year.
	Filled []Filled
	// Groups are the points of each of the rubric's groups, by group id,
	// Filled included: they add up to Total.
	Groups map[string]float64
}

// Filled is one indicator scored across reports.
type Filled struct {
	ID     string  `json:"id"`
	Points float64 `json:"points"`
	// Basis is how the rule scored it; the caller writes it in its
	// language (package internal/msg).
	Basis report.Basis `json:"-"`
}

// ScorePeriod scores every unit that has a report of the given year
// against the rubric: the points each report earned alone, plus the
// min-max indicators across the units of the year and the growth
// indicators from the previous year's report of the same unit, by the
// rubric's rules (rubric.CohortScores, rubric.GrowthScore). A unit with
// several reports in the year is scored on the one that
// covers the most of it: the annual report, else the latest quarter or
// month (equal ones: the lowest sha256, so the choice is stable). The
// result is ranked highest first.
func (s *Store) ScorePeriod(ctx context.Context, r *rubric.Rubric, year int) ([]UnitScore, error) {
	curByUnit, err := s.pick(ctx, r.ID, year)
	if err != nil {
		return nil, err
	}
	cur := make([]reportRef, 0, len(curByUnit))
	for _, rep := range curByUnit {
		cur = append(cur, rep)
	}
	sort.Slice(cur, func(i, j int) bool { return cur[i].less(&cur[j]) })
	prev, err := s.pick(ctx, r.ID, year-1)
	if err != nil {
		return nil, err
	}
	out := make([]UnitScore, len(cur))
	pts := make([]map[string]scored, len(cur))
	for i, rep := range cur {
		ps, err := s.points(ctx, rep.ID)
		if err != nil {
			return nil, err
		}
		pts[i] = map[string]scored{}
		for _, p := range ps {
			pts[i][p.Indicator] = p
		}
		out[i] = UnitScore{Unit: rep.Unit, Source: rep.Source, SHA256: rep.SHA256}
	}
	for _, ind := range r.Indicators {
		switch ind.Method.Kind {
		case rubric.MinMax:
			var who []int
			var measures []float64
			for i := range cur {
				if p, ok := pts[i][ind.ID]; ok && p.Need == string(rubric.NeedCohort) && p.Measure != nil {
					who = append(who, i)
					measures = append(measures, *p.Measure)
				}
			}
			for k, res := range rubric.CohortScores(&ind, measures) {
				out[who[k]].Filled = append(out[who[k]].Filled, filled(res))
			}
		case rubric.Growth:
			for i, rep := range cur {
				p, ok := pts[i][ind.ID]
				if !ok || p.Need != string(rubric.NeedPreviousYear) || p.Measure == nil {
					continue
				}
				var lastMeasure *float64
				if last, ok := prev[rep.UnitKey]; ok {
					lps, err := s.points(ctx, last.ID)
					if err != nil {
						return nil, err
					}
					for _, lp := range lps {
						if lp.Indicator == ind.ID && lp.Measure != nil {
							lastMeasure = lp.Measure
						}
					}
				}
				out[i].Filled = append(out[i].Filled, filled(rubric.GrowthScore(&ind, year, *p.Measure, lastMeasure)))
			}
		}
	}
	group := map[string]string{}
	for _, ind := range r.Indicators {
		group[ind.ID] = ind.Group
	}
	for i, rep := range cur {
		out[i].Total = rep.Total
		out[i].Groups = map[string]float64{}
		for id, p := range pts[i] {
			if p.Points != nil {
				out[i].Groups[group[id]] += *p.Points
			}
		}
		for _, f := range out[i].Filled {
			out[i].Total += f.Points
			out[i].Groups[group[f.ID]] += f.Points
		}
		out[i].Total = math.Round(out[i].Total*1e6) / 1e6
		for g, x := range out[i].Groups {
			out[i].Groups[g] = math.Round(x*1e6) / 1e6
		}
	}
	rank(out)
	return out, nil
}

// filled is a score of the cohort or growth rules as ScorePeriod lists it.
func filled(res rubric.Result) Filled {
	return Filled{ID: res.ID, Points: *res.Points, Basis: res.Basis}
}

// rank orders units highest total first; equal totals share a rank
// (1, 1, 3), because the decision names no tie-break.
func rank(us []UnitScore) {
	sort.SliceStable(us, func(i, j int) bool {
		if us[i].Total != us[j].Total {
			return us[i].Total > us[j].Total
		}
		return UnitKey(us[i].Unit) < UnitKey(us[j].Unit)
	})
	for i := range us {
		us[i].Rank = i + 1
		if i > 0 && us[i].Total == us[i-1].Total {
			us[i].Rank = us[i-1].Rank
			us[i].Tied, us[i-1].Tied = true, true
		}
	}
}

// pick returns, per unit key, the report of the year that covers the most
// of it (see ScorePeriod).
func (s *Store) pick(ctx context.Context, rubricID string, year int) (map[string]reportRef, error) {
	reps, err := s.reports(ctx, "where r.rubric_id = $1 and r.year = $2", rubricID, year)
	if err != nil {
		return nil, err
	}
	best := map[string]reportRef{}
	for _, r := range reps {
		if r.UnitKey == "" {
			// A report that names no unit cannot be ranked against
			// the others: it is no unit's score.
			continue
		}
		b, ok := best[r.UnitKey]
		if !ok || covers(r) > covers(b) {
			best[r.UnitKey] = r
		}
	}
	return best, nil
}

// covers orders a year's reports by how much of the year they cover:
// annual above quarterly above monthly, later above earlier.
func covers(r reportRef) int {
	switch {
	case r.Quarter == nil && r.Month == nil:
		return 100
	case r.Quarter != nil:
		return 20 + *r.Quarter
	}
	return *r.Month
}
