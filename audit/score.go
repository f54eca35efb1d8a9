package audit

import (
	"chiso/doc"
	"chiso/report"
)

// SelfScoreOverMax finds the rows of a scoring sheet whose self-assessed
// score (Điểm tự chấm) is above the maximum the sheet itself gives
// (Điểm tối đa): score_over_max, from the sheet alone. The rubric's
// maximum is checked when the report is scored.
func SelfScoreOverMax(rep *report.Report, _ *doc.Document) []report.Finding {
	var out []report.Finding
	for i := range rep.Indicators {
		ind := &rep.Indicators[i]
		if ind.MaxPoints != nil && ind.SelfPoints != nil && *ind.SelfPoints > *ind.MaxPoints {
			out = append(out, On(ind, report.CodeScoreOverMax, ind.SelfPoints, ind.MaxPoints))
		}
	}
	return out
}
