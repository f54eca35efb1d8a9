package serve

import (
	"strconv"
	"strings"

	"chiso/internal/msg"
	"chiso/report"
	"chiso/rubric"
)

// reportPage is a checked report as its page shows it.
type reportPage struct {
	page
	Name       string
	Problem    string // why it could not be read; the rest is then empty
	Format     string
	Pages      int
	Title      string
	Unit       string
	Period     string
	Blocks     []blockView
	Findings   []findingView
	Counts     []countView
	Indicators []indicatorView
	Card       *cardView
}

// blockView is a paragraph or a table as written. PageStart is set on the
// first block of a new page.
type blockView struct {
	Page      int
	PageStart bool
	Text      string
	Table     *tableView
	Findings  []findingView // a paragraph's (prose checks)
	Severity  report.Severity
	Anchor    string
}

type tableView struct {
	Number int // 1-based among the document's tables, as findings name them
	Rows   []rowView
}

type rowView struct {
	Number   int
	Anchor   string
	Cells    []cellView
	Findings []findingView
	Severity report.Severity // the worst finding's, "" for none
}

type cellView struct {
	Text             string
	RowSpan, ColSpan int
	// Marked is a cell a finding of the row is about: the value it
	// names.
	Marked bool
}

type findingView struct {
	Code     report.Code
	Severity report.Severity
	Message  string
	Where    string // path and label, or "bảng 2, dòng 3"
	Anchor   string // the id of its row or paragraph on the page, "" when it has none
}

type countView struct {
	Severity report.Severity
	N        int
}

type indicatorView struct {
	Path, Label, Raw string
	Kind             report.Kind
	Rubric           string
	Anchor           string
}

type cardView struct {
	Rubric    string
	Groups    []groupView
	Pending   string
	TotalText string
	SelfText  string
}

type groupView struct {
	ID, Label  string
	Points     string
	Indicators []scoreView
}

type scoreView struct {
	ID, Label, Points, Max, Self, Basis string
	Mismatch                            bool
}

// severityRank orders severities, worst first.
var severityRank = map[report.Severity]int{report.SeverityError: 3, report.SeverityWarning: 2, report.SeverityInfo: 1}

func worse(a, b report.Severity) report.Severity {
	if severityRank[b] > severityRank[a] {
		return b
	}
	return a
}

func anchor(block, row int) string {
	if row == 0 {
		return "b" + strconv.Itoa(block)
	}
	return "b" + strconv.Itoa(block) + "r" + strconv.Itoa(row)
}

// newReportPage lays out c for its page in p's language. The messages are
// written again in that language: a report checked in Vietnamese reads in
// English after the switch.
func newReportPage(p page, c *checkedReport) reportPage {
	out := reportPage{page: p, Name: c.Name}
	if c.Err != nil {
		out.Problem = failure(p.Lang, c.Err)
		return out
	}
	res := c.Res
	d, rep := res.Document, res.Report
	out.Format, out.Pages = string(d.Source.Format), d.Source.Pages
	out.Title, out.Unit, out.Period = rep.Title, rep.Unit, rep.Period.Label

	// Findings by the row or paragraph they are on.
	type at struct{ block, row int }
	on := map[at][]findingView{}
	marks := map[at][]string{} // texts of the cells a row's findings name
	raw := map[at]string{}
	for _, ind := range rep.Indicators {
		raw[at{ind.Location.Block, ind.Location.Row}] = strings.TrimSpace(ind.Raw)
	}
	counts := map[report.Severity]int{}
	for _, f := range res.Findings() {
		fv := findingView{Code: f.Code, Severity: f.Severity, Message: text(f, p.Lang), Where: where(f, p.Lang)}
		counts[f.Severity]++
		if f.Location.Table > 0 || f.Location.Block > 0 || f.Location.Row > 0 {
			k := at{f.Location.Block, f.Location.Row}
			fv.Anchor = anchor(k.block, k.row)
			on[k] = append(on[k], fv)
			if r := raw[k]; r != "" {
				marks[k] = append(marks[k], r)
			}
			if f.Detail != "" {
				marks[k] = append(marks[k], strings.TrimSpace(f.Detail))
			}
		}
		out.Findings = append(out.Findings, fv)
	}
	for _, sev := range []report.Severity{report.SeverityError, report.SeverityWarning, report.SeverityInfo} {
		if counts[sev] > 0 {
			out.Counts = append(out.Counts, countView{sev, counts[sev]})
		}
	}

	page, tables := 0, 0
	for _, b := range d.Blocks {
		bv := blockView{Page: b.Page, PageStart: b.Page != page && b.Page > 0}
		page = b.Page
		if b.Table == nil {
			bv.Text = b.Text
			bv.Anchor = anchor(b.Index, 0)
			bv.Findings = on[at{b.Index, 0}]
			for _, f := range bv.Findings {
				bv.Severity = worse(bv.Severity, f.Severity)
			}
			out.Blocks = append(out.Blocks, bv)
			continue
		}
		tables++
		tv := &tableView{Number: tables}
		for ri, cells := range b.Table.Rows {
			k := at{b.Index, ri + 1}
			rv := rowView{Number: ri + 1, Anchor: anchor(k.block, k.row), Findings: on[k]}
			for _, f := range rv.Findings {
				rv.Severity = worse(rv.Severity, f.Severity)
			}
			for _, cell := range cells {
				rs, cs := cell.Span()
				cv := cellView{Text: cell.Text, RowSpan: rs, ColSpan: cs}
				for _, m := range marks[k] {
					if m != "" && strings.TrimSpace(cell.Text) == m {
						cv.Marked = true
					}
				}
				rv.Cells = append(rv.Cells, cv)
			}
			tv.Rows = append(tv.Rows, rv)
		}
		bv.Table = tv
		out.Blocks = append(out.Blocks, bv)
	}

	for _, ind := range rep.Indicators {
		iv := indicatorView{Path: strings.Join(ind.Path, "/"), Label: ind.Label, Raw: ind.Raw, Kind: ind.Value.Kind,
			Anchor: anchor(ind.Location.Block, ind.Location.Row)}
		out.Indicators = append(out.Indicators, iv)
	}
	if res.Mapping != nil {
		for i, ref := range res.Mapping.Refs {
			if ref != nil && i < len(out.Indicators) {
				out.Indicators[i].Rubric = ref.Indicator
			}
		}
	}
	if res.Card != nil {
		out.Card = newCard(res.Card, p.Lang)
	}
	return out
}

// text is f's message in lang: written again from its data, or as the
// stage wrote it when the catalogue has no text for its code.
func text(f report.Finding, lang string) string {
	if t := msg.Text(f, lang); t != "" {
		return t
	}
	return f.Message
}

// where names a finding's place as an auditor reads it.
func where(f report.Finding, lang string) string {
	s := strings.Join(f.Path, "/")
	if f.Label != "" {
		if s != "" {
			s += " "
		}
		s += f.Label
	}
	if s == "" && f.Location.Table > 0 {
		s = msg.String(lang, "table") + " " + strconv.Itoa(f.Location.Table) + ", " + msg.String(lang, "row") + " " + strconv.Itoa(f.Location.Row)
	}
	return s
}

func newCard(c *rubric.Card, lang string) *cardView {
	cv := &cardView{Rubric: c.Rubric.ID,
		TotalText: msg.Number(lang, c.Total, 2) + " / " + msg.Number(lang, c.Rubric.Max, 2),
		Pending:   strings.Join(c.Pending, ", ")}
	if c.SelfTotal != nil {
		cv.SelfText = msg.Number(lang, *c.SelfTotal, 2)
	}
	groups := map[string]int{}
	for _, g := range c.Groups {
		groups[g.ID] = len(cv.Groups)
		cv.Groups = append(cv.Groups, groupView{ID: g.ID, Label: g.Label,
			Points: msg.Number(lang, g.Points, 2) + " / " + msg.Number(lang, g.Max, 2)})
	}
	for i, sc := range c.Scores {
		sv := scoreView{ID: sc.ID, Label: sc.Label, Max: msg.Number(lang, sc.Max, 2), Basis: msg.Basis(sc.Basis, lang), Points: "–"}
		if sc.Points != nil {
			sv.Points = msg.Number(lang, *sc.Points, 2)
		}
		if sc.SelfPoints != nil {
			sv.Self = msg.Number(lang, *sc.SelfPoints, 2)
			sv.Mismatch = sc.Points != nil && *sc.Points != *sc.SelfPoints
		}
		g, ok := groups[c.Rubric.Indicators[i].Group]
		if !ok {
			continue
		}
		cv.Groups[g].Indicators = append(cv.Groups[g].Indicators, sv)
	}
	return cv
}

// reportsPage lists the reports of one upload.
type reportsPage struct {
	page
	Reports []summary
}

type summary struct {
	ID, Name, Problem, Title, Unit, Period string
	Indicators                             int
	Counts                                 []countView
}

func summaries(cs []*checkedReport, lang string) []summary {
	var out []summary
	for _, c := range cs {
		s := summary{ID: c.ID, Name: c.Name}
		if c.Err != nil {
			s.Problem = failure(lang, c.Err)
			out = append(out, s)
			continue
		}
		rep := c.Res.Report
		s.Title, s.Unit, s.Period, s.Indicators = rep.Title, rep.Unit, rep.Period.Label, len(rep.Indicators)
		counts := map[report.Severity]int{}
		for _, f := range c.Res.Findings() {
			counts[f.Severity]++
		}
		for _, sev := range []report.Severity{report.SeverityError, report.SeverityWarning, report.SeverityInfo} {
			if counts[sev] > 0 {
				s.Counts = append(s.Counts, countView{sev, counts[sev]})
			}
		}
		out = append(out, s)
	}
	return out
}
