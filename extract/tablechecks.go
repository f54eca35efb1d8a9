package extract

import (
	"strings"

	"chiso/internal/msg"
	"chiso/report"

	"chiso/vntext"
)

// The checks of this file audit what the columns of a row hold, beyond
// the rate of its component rows: a rate against its parts in other
// columns (rate_mismatch, rate_over_100), scores against their maximum
// (score_over_max), a self-assessed score against the appraised one
// (appraisal_gap), a value against its unit of measure (unit_mismatch) and
// a total row against the rows it sums (total_mismatch).

// cellNumber returns the number of the first cell of role in cells, and
// its index; nil when there is none or it is not a plain number.
func cellNumber(cells []report.Cell, role report.Role) (*float64, int) {
	for i, c := range cells {
		if c.Role == role && c.Value.Kind == report.KindNumber && c.Value.Number != nil && !c.Value.Ambiguous {
			return c.Value.Number, i
		}
	}
	return nil, -1
}

// checkColumns checks the typed cells of one row.
func (x *extractor) checkColumns(t *table, r *row, ind *report.Indicator) {
	cells := ind.Columns
	if len(cells) == 0 {
		return
	}
	maxv, mi := cellNumber(cells, report.RoleMax)
	self, si := cellNumber(cells, report.RoleSelf)
	appr, ai := cellNumber(cells, report.RoleAppraised)
	if maxv == nil {
		// A maximum written in the score's own header.
		for _, i := range []int{si, ai} {
			if i >= 0 && maxv == nil {
				maxv = maxOfHeader(t.head, cells[i].Header)
			}
		}
	}
	if maxv != nil && appr != nil && *appr > *maxv+1e-9 {
		x.find(report.CodeScoreOverMax, r, appr, maxv, "", "")
	}
	if maxv != nil && self != nil && *self > *maxv+1e-9 && ind.SelfPoints == nil {
		x.find(report.CodeScoreOverMax, r, self, maxv, "", "")
	}
	if self != nil && appr != nil && !holds(*self, *appr, 2) {
		x.find(report.CodeAppraisalGap, r, self, appr, "", "")
	}
	x.checkUnits(r, cells)
	// A rate whose parts stand in other columns of the row.
	for ri, c := range cells {
		if c.Value.Kind != report.KindPercent || c.Value.Number == nil || c.Value.Ambiguous || c.Role != report.RoleValue {
			continue
		}
		var a, b *float64
		// "Chỉ số = Điểm thẩm định / Điểm tối đa" in a ranking; a rate
		// of the indicator itself ("Tỷ lệ hồ sơ …" beside its score)
		// is not one of its scores.
		scoreRate := t.head.unitRows || strings.HasPrefix(vntext.Fold(lastPart(c.Header)), "chi so")
		switch {
		case scoreRate && maxv != nil && mi >= 0 && appr != nil:
			a, b = appr, maxv
		case scoreRate && maxv != nil && mi >= 0 && self != nil:
			a, b = self, maxv
		default:
			a, b = rateParts(cells, ri)
		}
		if a == nil || b == nil || *b == 0 {
			continue // 0 % of nothing says nothing
		}
		if ind.Components == nil {
			ind.Components = map[string]float64{"a": *a, "b": *b}
		}
		detail := msg.Num(a) + "/" + msg.Num(b)
		computed := 100 * *a / *b
		if computed > 100+1e-9 {
			x.find(report.CodeRateOver100, r, c.Value.Number, &computed, "a/b", detail)
		}
		if !holds(*c.Value.Number, computed, c.Value.Decimals) {
			x.find(report.CodeRateMismatch, r, c.Value.Number, &computed, "a/b", detail)
		}
	}
}

// maxOfHeader is the maximum written in a header ("tối đa 20 điểm").
func maxOfHeader(h header, path string) *float64 {
	for i, p := range h.paths {
		if p == path && i < len(h.maxes) {
			return h.maxes[i]
		}
	}
	return nil
}

// rateParts finds the parts of the rate in cell ri among the row's
// numbers: the whole is the column whose header says Tổng số, the part
// the nearest other number left of the rate ("Tổng số | Trực tuyến | Tỷ
// lệ").
func rateParts(cells []report.Cell, ri int) (a, b *float64) {
	bi := -1
	for i, c := range cells {
		if i != ri && c.Value.Kind == report.KindNumber && c.Value.Number != nil && !c.Value.Ambiguous {
			f := vntext.FoldPrefix(lastPart(c.Header), len("tong so "))
			if strings.HasPrefix(f, "tong") {
				bi = i
				break
			}
		}
	}
	if bi < 0 {
		return nil, nil
	}
	// The part: the column the rate's header names ("Tỷ lệ thực tuyến"
	// over "Thực tuyến"), the only other number, or one that agrees.
	rate := vntext.Fold(lastPart(cells[ri].Header))
	var parts []int
	for i, c := range cells {
		if i != bi && i != ri && c.Value.Kind == report.KindNumber && c.Value.Number != nil && !c.Value.Ambiguous {
			if f := vntext.Fold(lastPart(c.Header)); f != "" && hasWords(rate, f) {
				return c.Value.Number, cells[bi].Value.Number
			}
			parts = append(parts, i)
		}
	}
	whole := cells[bi].Value.Number
	if len(parts) == 1 {
		return cells[parts[0]].Value.Number, whole
	}
	for _, i := range parts {
		if *whole != 0 && holds(*cells[ri].Value.Number, 100**cells[i].Value.Number / *whole, cells[ri].Value.Decimals) {
			return cells[i].Value.Number, whole
		}
	}
	return nil, nil
}

// lastPart is the lowest header of a header path.
func lastPart(path string) string {
	if i := strings.LastIndex(path, " / "); i >= 0 {
		return path[i+3:]
	}
	return path
}

// checkUnits checks each value against its unit of measure: a count under
// "%" above 100, a percentage under a unit that counts things.
func (x *extractor) checkUnits(r *row, cells []report.Cell) {
	for _, c := range cells {
		v := c.Value
		if v.Number == nil || v.Ambiguous {
			continue
		}
		switch {
		case v.Kind == report.KindPercent && v.Unit == "" && strings.IndexByte(c.Raw, '%') < 0 && *v.Number > 100:
			// "%" only in the header: a share cannot pass 100.
			x.find(report.CodeUnitMismatch, r, v.Number, nil, "", "%")
		case v.Kind == report.KindNumber && v.Unit == "%" && *v.Number > 100:
			x.find(report.CodeUnitMismatch, r, v.Number, nil, "", "%")
		}
	}
}

// checkTotals checks each total row against the rows it sums, column by
// column: the top rows of the table, or the rows one level down when the
// top ones are groups without values.
func (x *extractor) checkTotals(t *table, convs []Convention) {
	for _, tot := range t.totals {
		for i, raw := range tot.cells {
			if i >= len(t.head.cols) || raw == "" {
				continue
			}
			switch t.head.cols[i] {
			case ColSTT, ColLabel, ColEvidence, ColResponsible, ColMeasure, ColRank, ColGrade:
				continue
			}
			if i < len(t.head.units) && t.head.units[i] == "%" {
				continue
			}
			want, p := ParseValue(raw, NumberContext{Convention: convs[i], Count: true})
			if want.Kind != report.KindNumber || p != ProblemNone || want.Number == nil {
				continue
			}
			sum, ok := columnSum(t, i, convs[i])
			if ok && !holds(*want.Number, sum, want.Decimals) {
				r := &row{label: tot.label, path: []string{}, loc: tot.loc}
				x.find(report.CodeTotalMismatch, r, want.Number, &sum, "", lastPart(t.head.paths[i]))
			}
		}
	}
}

// columnSum adds column i over the top rows of t, or over the rows one
// level down when a top row has no number there.
func columnSum(t *table, i int, conv Convention) (float64, bool) {
	for _, top := range []bool{true, false} {
		sum, n, ok := 0.0, 0, true
		for _, r := range t.rows {
			if r.component || (top && r.parent != -1) || (!top && (r.parent == -1 || t.rows[r.parent].parent != -1)) {
				continue
			}
			if i >= len(r.cells) {
				ok = false
				break
			}
			v, p := ParseValue(r.cells[i], NumberContext{Convention: conv, Count: true})
			if v.Kind != report.KindNumber || p != ProblemNone || v.Number == nil {
				ok = false
				break
			}
			sum += *v.Number
			n++
		}
		if ok && n >= 2 {
			return sum, true
		}
	}
	return 0, false
}
