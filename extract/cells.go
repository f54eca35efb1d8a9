package extract

import (
	"chiso/report"
	"strings"

	"chiso/vntext"
)

// columnConventions decides the decimal convention of each column from
// its own numerals: a table of a comma-decimal report may write one
// column with dots ("90.91"). A column that gives no evidence takes conv.
func columnConventions(t *table, conv Convention) []Convention {
	n := len(t.head.cols)
	votes := make([][3]int, n)
	for _, r := range t.rows {
		for i, c := range r.cells {
			if i < n && c != "" && len(c) <= 40 && numberColumn(t.head.cols[i]) {
				voteText(c, &votes[i])
			}
		}
	}
	out := make([]Convention, n)
	for i := range out {
		out[i] = conventionOf(votes[i])
		if out[i] == ConventionUnknown {
			out[i] = conv
		}
	}
	return out
}

// typeCells types every cell of a row but its STT and label under its
// column's header.
func typeCells(t *table, r *row, convs []Convention) []report.Cell {
	h := t.head
	if len(h.roles) == 0 {
		return nil
	}
	measure := ""
	if m := h.find(ColMeasure); m >= 0 && m < len(r.cells) {
		measure = r.cells[m]
	}
	out := make([]report.Cell, 0, len(r.cells))
	for i, raw := range r.cells {
		if i >= len(h.cols) || h.cols[i] == ColSTT || h.cols[i] == ColLabel {
			continue
		}
		c := report.Cell{Header: h.paths[i], Role: h.roles[i], Raw: raw}
		if i == h.value && raw == r.raw && !r.component {
			c.Value = r.value // read already, with the row's context
			c.Value.Unit = strings.ToLower(c.Value.Unit)
		} else {
			c.Value = typeCell(raw, h, i, convs[i], measure)
		}
		out = append(out, c)
	}
	return out
}

// typeCell reads one cell of column i.
func typeCell(raw string, h header, i int, conv Convention, measure string) report.Value {
	switch {
	case raw == "":
		return report.Value{Kind: report.KindEmpty}
	case h.roles[i] == report.RoleEvidence || h.roles[i] == report.RoleResponsible || h.cols[i] == ColMeasure:
		return report.Value{Kind: report.KindText}
	}
	ctx := NumberContext{Convention: conv, Count: countLabel(vntext.FoldPrefix(h.paths[i], len("tong so ")))}
	v, _ := ParseValue(raw, ctx)
	v.Unit = strings.ToLower(v.Unit)
	if v.Kind == report.KindNumber {
		switch {
		case h.units[i] == "%" && v.Unit == "":
			v.Kind = report.KindPercent
		case v.Unit == "" && measure != "" && !strings.ContainsAny(measure, "0123456789"):
			v.Unit = strings.ToLower(oneLine(measure))
		case v.Unit == "":
			v.Unit = h.units[i]
		}
	}
	return v
}

// headerPercent reports whether the header of the row's value column says
// its numbers are percentages ("TỶ LỆ %", "Tỷ lệ (%)"), so that "88,98"
// there is 88,98 %.
func headerPercent(h header) bool {
	return h.value >= 0 && h.value < len(h.units) && h.units[h.value] == "%"
}

// headerFold is the folded header path of column i, "" when there is none.
func headerFold(h header, i int) string {
	if i < 0 || i >= len(h.paths) {
		return ""
	}
	return vntext.Fold(h.paths[i])
}

// numberColumn reports a column that may hold numbers: not the STT, label,
// evidence, responsible or measure column.
func numberColumn(c Column) bool {
	switch c {
	case ColSTT, ColLabel, ColEvidence, ColResponsible, ColMeasure:
		return false
	}
	return true
}
