package rubric

import (
	"math"
	"strings"

	"chiso/internal/formula"
	"chiso/report"
)

// Card is a report scored against a rubric.
type Card struct {
	Rubric *Rubric
	// Total is the sum of the points known; Pending lists the indicators
	// whose points need other reports (min-max, growth), not counted.
	Total     float64
	SelfTotal *float64
	Pending   []string
	Groups    []GroupScore
	Scores    []IndicatorScore
	// Findings are the scoring's own: self_score_mismatch,
	// rubric_missing and score_over_max against the rubric, in the
	// rubric's order. The report's and the mapping's are theirs.
	Findings []report.Finding
}

// GroupScore is a group's points; Points counts only known points.
type GroupScore struct {
	ID, Label string
	Max       float64
	Points    float64
}

// IndicatorScore is one indicator's score with the row it came from.
type IndicatorScore struct {
	Result
	Label      string
	SelfPoints *float64
	// Row is the report row the score was computed from and Ref its
	// mapping, both nil when no row maps to the indicator.
	Row *report.Indicator
	Ref *report.RubricRef
}

// Score scores a report on the rubric of its mapping m: each indicator
// from the best-mapped row (or 0 when none), the groups, the total, and the
// findings self_score_mismatch (warning), rubric_missing (warning) and
// score_over_max (error) where the self-score is above the rubric's
// maximum but not the sheet's own (that one is package audit's finding,
// from the sheet alone, and is not repeated). Neither rep nor m is changed.
// The findings carry their data (Finding.Scoring) and no message: the
// caller's catalogue writes it (package internal/msg).
func Score(rep *report.Report, m *Mapping) *Card {
	r := m.Rubric
	rows := map[string]int{}
	for i, ref := range m.Refs {
		if ref == nil || ref.ID != r.ID {
			continue
		}
		// Two rows on one indicator: the surer mapping, then the first.
		if prev, ok := rows[ref.Indicator]; !ok || ref.Confidence > m.Refs[prev].Confidence {
			rows[ref.Indicator] = i
		}
	}
	card := &Card{Rubric: r}
	var self float64
	hasSelf := false
	for i := range r.Indicators {
		def := &r.Indicators[i]
		var row *report.Indicator
		var ref *report.RubricRef
		if i, ok := rows[def.ID]; ok {
			row, ref = &rep.Indicators[i], m.Refs[i]
		}
		var obs *Observation
		if row != nil {
			obs = Observe(row, def)
		}
		res := ScoreIndicator(def, obs)
		sc := IndicatorScore{Result: res, Label: def.Label, Row: row, Ref: ref}
		if row != nil {
			sc.SelfPoints = row.SelfPoints
		}
		if sc.SelfPoints != nil {
			self += *sc.SelfPoints
			hasSelf = true
		}
		if row != nil && sc.SelfPoints != nil && *sc.SelfPoints > def.Max && !hasFinding(rep.Findings, report.CodeScoreOverMax, row) {
			// extract reports a self-score above the sheet's own maximum;
			// this is one above the rubric's, on a sheet without that
			// column or with another maximum written in it.
			self, limit := *sc.SelfPoints, def.Max
			card.Findings = append(card.Findings, report.Finding{
				Code: report.CodeScoreOverMax, Severity: report.CodeScoreOverMax.Severity(),
				Path: row.Path, Label: row.Label,
				Reported: &self, Computed: &limit, Location: row.Location,
				Scoring: &report.Scoring{Rubric: r.ID, Indicator: def.ID, Max: def.Max},
			})
		}
		switch {
		case row == nil:
			card.Findings = append(card.Findings, report.Finding{
				Code: report.CodeRubricMissing, Severity: report.CodeRubricMissing.Severity(),
				Path: []string{}, Label: def.Label,
				Scoring: &report.Scoring{Rubric: r.ID, Indicator: def.ID, Max: def.Max},
			})
		case sc.SelfPoints != nil && res.Points != nil && math.Abs(*sc.SelfPoints-*res.Points) > 0.005:
			self, pts := *sc.SelfPoints, *res.Points
			card.Findings = append(card.Findings, report.Finding{
				Code: report.CodeSelfScoreMismatch, Severity: report.CodeSelfScoreMismatch.Severity(),
				Path: row.Path, Label: row.Label,
				Reported: &self, Computed: &pts, Location: row.Location,
				Scoring: &report.Scoring{Rubric: r.ID, Indicator: def.ID, Max: def.Max, Basis: res.Basis},
			})
		}
		card.Scores = append(card.Scores, sc)
	}
	if hasSelf {
		s := round(self, 4)
		card.SelfTotal = &s
	}
	for _, g := range r.Groups {
		card.Groups = append(card.Groups, GroupScore{ID: g.ID, Label: g.Label, Max: g.Max})
	}
	card.retotal()
	return card
}

// hasFinding reports whether fs already has a finding of code on row.
func hasFinding(fs []report.Finding, code report.Code, row *report.Indicator) bool {
	for _, f := range fs {
		if f.Code == code && f.Location == row.Location && strings.Join(f.Path, "/") == strings.Join(row.Path, "/") {
			return true
		}
	}
	return false
}

// Observe turns an extracted row into what the rubric's method reads. The
// row's component rows become named inputs only when the report's formula
// is the rubric's: a report's "a" need not be the decision's "a" (seed 000
// writes 6.3 as a/b, the decision as (b+c)/a). Otherwise the rate the
// report states (or computes by its own formula) is used.
func Observe(row *report.Indicator, def *Indicator) *Observation {
	obs := &Observation{Raw: row.Raw}
	v := row.Value
	switch v.Kind {
	case report.KindPercent:
		obs.Number, obs.Percent = v.Number, true
	case report.KindNumber:
		obs.Number = v.Number
	case report.KindFraction:
		if v.Numerator != nil && v.Denominator != nil && *v.Denominator != 0 {
			p := *v.Numerator / *v.Denominator * 100
			obs.Number, obs.Percent = &p, true
		}
	case report.KindBool:
		obs.Bool = v.Bool
	case report.KindStatus:
		obs.Status = string(v.Status)
	case report.KindText:
		// Words only: the methods read Raw.
		if st, ok := statusWords(wordsOf(row.Raw)); ok {
			obs.Status = st
		}
	}
	if obs.Number == nil && obs.Bool == nil && obs.Status == "" && len(strings.Fields(row.Raw)) <= shortValue {
		// A short value extract could not type ("+5%", "6/7 nền tảng; 3/6
		// tập trung"): read what the methods can use from it. Prose is
		// not read for numbers: its first numeral is rarely the value.
		w := ReadValue(row.Raw)
		obs.Number, obs.Percent, obs.Bool, obs.Status = w.Number, w.Percent, w.Bool, w.Status
	}
	if len(row.Components) == 0 {
		return obs
	}
	own := row.Formula
	if own == "" {
		own = "a/b"
	}
	if sameFormula(own, def.Formula) {
		obs.Inputs = row.Components
		return obs
	}
	if obs.Number == nil {
		if f, err := formula.Parse(own); err == nil {
			if n, d, ratio, ok := evalRatio(f, row.Components); ok && ratio && d != 0 {
				p := n / d * 100
				obs.Number, obs.Percent = &p, true
			}
		}
	}
	return obs
}

// shortValue is the most words a value may have to be read for a number.
const shortValue = 6

func sameFormula(a, b string) bool {
	norm := func(s string) string { return strings.ReplaceAll(strings.ToLower(s), " ", "") }
	return a != "" && norm(a) == norm(b)
}
