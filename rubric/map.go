package rubric

import (
	"slices"
	"strings"

	"chiso/mapping"
	"chiso/report"
)

// Mapping is how a report's rows map onto one rubric: the rubric's reading
// of the report, kept apart from it so that the report stays what extract
// read.
type Mapping struct {
	Rubric *Rubric
	// Refs holds, for each of the report's indicators by index, the rubric
	// indicator it maps to, or nil (a group row, a row without a label, or
	// one that matched nothing).
	Refs []*report.RubricRef
	// Findings are rubric_unmapped (info), one for each row left unmapped,
	// in the report's row order.
	Findings []report.Finding
}

// matchKey is what a row's match depends on; matched is its result.
type matchKey struct {
	label, stt string
	rate       bool
}

type matched struct {
	match mapping.Match
	ok    bool
}

// Map maps every row of rep to one of r's indicators (or unscored
// information items) with package mapping. Group rows and rows without a
// label are not mapped.
//
// When the report is a scoring sheet on the rubric (its rows carry the
// Điểm tối đa column), the rows' STT is the rubric's id and must agree
// with the label; otherwise the report numbers its rows its own way and
// only the label counts. The rubric_unmapped findings carry their data
// (Finding.Scoring) and no message: the caller's catalogue writes it.
func Map(rep *report.Report, r *Rubric) *Mapping {
	mp := &Mapping{Rubric: r, Refs: make([]*report.RubricRef, len(rep.Indicators))}
	m := r.Matcher()
	sheet := false
	for _, ind := range rep.Indicators {
		if ind.MaxPoints != nil {
			sheet = true
			break
		}
	}
	memo := map[matchKey]matched{}
	for i := range rep.Indicators {
		ind := &rep.Indicators[i]
		if ind.Group || strings.TrimSpace(ind.Label) == "" {
			continue
		}
		stt := ""
		if sheet {
			stt = ind.STT
		}
		k := ind.Value.Kind
		rate := k == report.KindPercent || k == report.KindFraction || len(ind.Components) > 0
		// A label met again is matched once: annexes repeat their rows
		// for each unit or period, and matching is most of Map's time.
		key := matchKey{ind.Label, stt, rate}
		res, seen := memo[key]
		if !seen {
			res.match, res.ok = m.MatchRate(ind.Label, stt, rate)
			memo[key] = res
		}
		got, ok := res.match, res.ok
		if ok {
			mp.Refs[i] = &report.RubricRef{ID: r.ID, Indicator: got.ID, Confidence: got.Confidence}
			continue
		}
		mp.Findings = append(mp.Findings, report.Finding{
			Code: report.CodeRubricUnmapped, Severity: report.CodeRubricUnmapped.Severity(),
			Path: ind.Path, Label: ind.Label, Location: ind.Location,
			Scoring: &report.Scoring{Rubric: r.ID, Indicator: got.ID, Match: got.Score},
		})
	}
	return mp
}

// Mapped returns rep as the extract command shows it with a rubric: a copy
// whose rows carry their rubric reference and whose findings are followed
// by the mapping's. rep itself is not changed; m nil returns rep.
func (m *Mapping) Mapped(rep *report.Report) *report.Report {
	if m == nil {
		return rep
	}
	out := *rep
	out.Indicators = slices.Clone(rep.Indicators)
	for i := range out.Indicators {
		out.Indicators[i].Rubric = m.Refs[i]
	}
	out.Findings = append(append([]report.Finding{}, rep.Findings...), m.Findings...)
	return &out
}
