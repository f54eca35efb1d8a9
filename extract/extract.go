package extract

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"chiso/doc"
	"chiso/internal/msg"
	"chiso/report"
	"chiso/vntext"
)

// Extract reads the indicators of a document and audits them. It never
// fails: a document without indicator tables gives a report with no
// indicators (and perhaps findings from its running text).
func Extract(d *doc.Document, opt Options) *report.Report {
	x := &extractor{rep: &report.Report{Indicators: []report.Indicator{}, Findings: []report.Finding{}}}
	if d == nil {
		return x.rep
	}
	x.unsure = d.Uncertain
	head := readHeading(d)
	title, region := front(d, head)
	x.rep.Title = title
	if head.issuer != "" {
		x.rep.Unit = issuerUnit(head.issuer)
	} else {
		x.rep.Unit = findUnit(title, region, d)
	}
	x.rep.Period = findPeriod(title, region, d)
	x.doc = d

	tables := findTables(d)
	prefix := needsSections(tables)
	n := 0
	for _, t := range tables {
		n += len(t.rows)
	}
	x.rows = make(map[[2]int]*row, n)
	x.rep.Indicators = make([]report.Indicator, 0, n)
	for ti, t := range tables {
		x.table(t, sectionPrefix(prefix, t, ti))
		for _, r := range t.rows {
			x.rows[[2]int{r.loc.Block, r.loc.Row}] = r
		}
		for k, r := range t.continued {
			x.rows[k] = r
		}
	}
	x.prose(d)
	sort.SliceStable(x.rep.Findings, func(i, j int) bool {
		a, b := x.rep.Findings[i].Location, x.rep.Findings[j].Location
		if a.Block != b.Block {
			return a.Block < b.Block
		}
		return a.Row < b.Row
	})
	return x.rep
}

type extractor struct {
	doc *doc.Document
	// conv is the document's decimal convention, voted on over all its
	// text the first time a table or a sentence needs it (see docConv):
	// most tables decide by their own values.
	conv     Convention
	convDone bool
	rep      *report.Report
	// rows are the indicator-table rows by block and grid row, so that a
	// rate quoted in a long cell is reported with its row's path.
	rows map[[2]int]*row
	// unsure are the words a scan's recogniser was unsure of.
	unsure map[string]float64
}

// docConv is the document's decimal convention.
func (x *extractor) docConv() Convention {
	if !x.convDone {
		x.conv, x.convDone = documentConvention(x.doc), true
	}
	return x.conv
}

// confidence is the lowest confidence of the words of a value cell read
// from a scan, when the recogniser was unsure of one of them.
func (x *extractor) confidence(raw string) (float64, bool) {
	if len(x.unsure) == 0 { // not a scan, or one read without doubt
		return 1, false
	}
	low, ok := 1.0, false
	for _, w := range strings.Fields(raw) {
		if c, unsure := x.unsure[strings.Trim(w, "|")]; unsure && c < low {
			low, ok = c, true
		}
	}
	return low, ok
}

// documentConvention votes on the decimal convention over every numeral of
// the document.
func documentConvention(d *doc.Document) Convention {
	var votes [3]int
	for _, b := range d.Blocks {
		if b.Kind == doc.TableKind && b.Table != nil {
			for _, r := range b.Table.Rows {
				for _, c := range r {
					voteText(c.Text, &votes)
				}
			}
			continue
		}
		voteText(b.Text, &votes)
	}
	return conventionOf(votes)
}

// voteText votes with every numeral of s.
func voteText(s string, votes *[3]int) {
	for i := 0; i < len(s); {
		if i = nextDigit(s, i); i == len(s) {
			break
		}
		if i > 0 && isDigit(s[i-1]) {
			i++
			continue
		}
		n := numeralEnd(s[i:])
		voteConvention(s[i:i+n], votes)
		i += max(n, 1)
	}
}

// needsSections reports whether the tables restart their numbering: some
// STT path occurs in two tables. Paths are then prefixed by the section.
func needsSections(tables []*table) bool {
	seen := map[string]int{}
	for ti, t := range tables {
		for _, r := range t.rows {
			k := strings.Join(r.path, "\x00")
			if prev, ok := seen[k]; ok && prev != ti {
				return true
			}
			seen[k] = ti
		}
	}
	return false
}

// sectionPrefix is the path prefix of table ti: its section heading's
// number, or its 1-based position among the indicator tables when it has
// no heading.
func sectionPrefix(need bool, t *table, ti int) []string {
	if !need {
		return nil
	}
	if t.section != "" {
		return []string{t.section}
	}
	return []string{strconv.Itoa(ti + 1)}
}

// table turns the rows of one table into indicators and findings.
func (x *extractor) table(t *table, prefix []string) {
	var votes [3]int
	for _, r := range t.rows {
		voteText(r.raw, &votes)
	}
	conv := conventionOf(votes)
	if conv == ConventionUnknown {
		conv = x.docConv()
	}
	for _, r := range t.rows {
		r.formula = findFormula(r.evidence)
	}
	convs := columnConventions(t, conv)
	// Letter rows under a rate are its components.
	for _, r := range t.rows {
		if r.stt.Level == LevelLetter && r.parent >= 0 && isRate(t.rows[r.parent]) {
			r.component = true
		}
	}
	for _, r := range t.rows {
		rc := conv
		if t.head.value >= 0 && t.head.value < len(convs) {
			rc = convs[t.head.value]
		}
		r.value, r.problem = ParseValue(r.raw, NumberContext{Convention: rc, Count: r.component || countLabel(vntext.FoldPrefix(r.label, len("tong so ")))})
		if r.value.Kind == report.KindNumber && r.value.Unit == "" && headerPercent(t.head) {
			r.value.Kind = report.KindPercent
		}
		if r.value.Unit == "" && r.measure != "" && r.value.Kind == report.KindNumber {
			r.value.Unit = oneLine(r.measure)
		}
		if len(prefix) > 0 {
			r.path = slices.Concat(prefix, r.path)
		}
	}
	// An ambiguous rate may be decided by its own a/b.
	for i, r := range t.rows {
		if comps := componentsOf(t, i); len(comps) > 0 {
			resolveRate(r, comps, formulaOf(r))
		}
	}
	seen := map[string]bool{}
	for i, r := range t.rows {
		if r.stt.Level < LevelBullet { // bullets and unnumbered rows repeat by nature
			k := strconv.Itoa(r.parent) + "\x00" + r.stt.Text
			if seen[k] {
				x.find(report.CodeDuplicateSTT, r, nil, nil, "", r.stt.Text)
			}
			seen[k] = true
		}
		switch r.problem {
		case ProblemAmbiguous:
			x.find(report.CodeAmbiguousNumber, r, r.value.Number, nil, "", r.raw)
		case ProblemUnparsed:
			x.find(report.CodeUnparsedValue, r, nil, nil, "", firstLine(r.raw))
		}
		x.checkBreakdown(r, conv)
		if r.component {
			continue
		}
		ind := report.Indicator{
			Path: r.path, STT: r.stt.Text, Label: r.label, Raw: r.raw, Value: r.value,
			Evidence: r.evidence, Location: r.loc, Responsible: r.responsible,
			Group: r.value.Kind == report.KindEmpty && r.children > len(componentsOf(t, i)),
		}
		if c, ok := x.confidence(r.raw); ok && r.value.Kind != report.KindEmpty {
			ind.Confidence = &c
			x.find(report.CodeOCRUncertain, r, r.value.Number, nil, "", firstLine(r.raw))
		}
		ind.MaxPoints = points(r.maxRaw)
		ind.SelfPoints = points(r.selfRaw)
		// A score read from a scan is checked by eye too: it is scored
		// and summed as the value is.
		for _, sc := range []struct {
			raw string
			n   *float64
		}{{r.maxRaw, ind.MaxPoints}, {r.selfRaw, ind.SelfPoints}} {
			if _, ok := x.confidence(sc.raw); ok && sc.n != nil {
				x.find(report.CodeOCRUncertain, r, sc.n, nil, "", firstLine(sc.raw))
			}
		}
		comps := componentsOf(t, i)
		if len(comps) > 0 {
			ind.Components = map[string]float64{}
			for k, c := range comps {
				if c.value.Number != nil && !c.value.Ambiguous && c.value.Kind == report.KindNumber {
					ind.Components[k] = *c.value.Number
				}
			}
			if len(ind.Components) == 0 {
				ind.Components = nil
			}
		}
		ind.Columns = typeCells(t, r, convs)
		if t.head.unitRows {
			ind.Unit = r.label
		}
		x.checkColumns(t, r, &ind)
		ind.Formula = r.formula
		formula := formulaOf(r)
		for _, c := range checkRate(r, comps, formula) {
			x.find(c.code, r, r.value.Number, c.computed, formula, c.detail)
		}
		if len(comps) == 0 && r.value.Kind == report.KindPercent && !r.value.Ambiguous && *r.value.Number > 100 && isShare(r.foldedLabel()) {
			x.find(report.CodeRateOver100, r, r.value.Number, nil, "", "")
		}
		x.rep.Indicators = append(x.rep.Indicators, ind)
	}
	x.checkTotals(t, convs)
}

// countLabel reports a label that names a count ("Số …", "Tổng số …",
// "Số lượng …"): its value is a whole number, so "1.487" is thousands
// whatever the document's decimals. f is the folded label, or its first
// eight bytes or more.
func countLabel(f string) bool {
	return strings.HasPrefix(f, "so ") || strings.HasPrefix(f, "tong so ")
}

// componentsOf returns the component rows of row i by letter.
func componentsOf(t *table, i int) map[string]*row {
	comps := map[string]*row{}
	for _, c := range t.rows[i+1:] {
		if c.parent == i && c.component {
			comps[c.stt.Text] = c
		}
	}
	return comps
}

// formulaOf is the formula written in a row's evidence, or a/b.
func formulaOf(r *row) string {
	if r.formula != "" {
		return r.formula
	}
	return "a/b"
}

// checkBreakdown checks a count against the breakdown in its evidence.
func (x *extractor) checkBreakdown(r *row, conv Convention) {
	if r.value.Kind != report.KindNumber || r.value.Ambiguous || r.value.Number == nil {
		return
	}
	terms := breakdown(r.evidence, conv)
	if terms == nil {
		return
	}
	sum := 0.0
	parts := make([]string, len(terms))
	for i := range terms {
		sum += terms[i]
		parts[i] = msg.Num(&terms[i])
	}
	if !holds(*r.value.Number, sum, r.value.Decimals) {
		x.find(report.CodeBreakdownMismatch, r, r.value.Number, &sum, "", strings.Join(parts, " + "))
	}
}

// points reads a score cell: a plain number, or nil.
func points(s string) *float64 {
	v, p := ParseValue(s, NumberContext{Convention: CommaDecimal})
	if v.Kind != report.KindNumber || p != ProblemNone || v.Unit != "" {
		return nil
	}
	return v.Number
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// find records a finding about a table row.
func (x *extractor) find(code report.Code, r *row, reported, computed *float64, formula, detail string) {
	x.rep.Findings = append(x.rep.Findings, report.Finding{
		Code: code, Severity: code.Severity(), Path: r.path, Label: r.label,
		Reported: reported, Computed: computed, Formula: formula, Detail: detail, Location: r.loc,
	})
}

// prose checks the rates quoted in paragraphs and in long table cells.
// Cells of indicator rows carry the row's path.
func (x *extractor) prose(d *doc.Document) {
	tableNo := 0
	for _, b := range d.Blocks {
		if b.Kind != doc.TableKind || b.Table == nil {
			x.proseText(b.Text, report.Location{Page: b.Page, Block: b.Index}, nil)
			continue
		}
		tableNo++
		for ri, cells := range b.Table.Rows {
			for _, c := range cells {
				// Tested before counting the words of every cell.
				if !rateMarks(c.Text) || !moreFields(c.Text, 7) {
					continue
				}
				loc := report.Location{Page: b.Page, Table: tableNo, Row: ri + 1, Block: b.Index}
				var path []string
				if r := x.rows[[2]int{b.Index, ri + 1}]; r != nil {
					path = r.path
				}
				x.proseText(c.Text, loc, path)
			}
		}
	}
}

// proseText checks the rates quoted in one text.
func (x *extractor) proseText(text string, loc report.Location, path []string) {
	// Tested here too, so that text with no rate does not make the whole
	// document vote on its decimals (docConv).
	if !rateMarks(text) {
		return
	}
	for _, pr := range proseRates(text, x.docConv()) {
		computed := 100 * pr.x / pr.y
		if holds(pr.z, computed, pr.decimals) {
			continue
		}
		z := pr.z
		p := path
		if p == nil {
			p = []string{}
		}
		x.rep.Findings = append(x.rep.Findings, report.Finding{
			Code: report.CodeProseRateMismatch, Severity: report.CodeProseRateMismatch.Severity(), Path: p, Label: pr.text,
			Reported: &z, Computed: &computed, Detail: pr.ratio, Location: loc,
		})
	}
}
