package audit

import (
	"math"
	"regexp"
	"strings"
	"unicode/utf8"

	"chiso/doc"
	"chiso/internal/msg"
	"chiso/report"
)

// ProseTotals checks the totals a paragraph beside a table restates
// against the table's rows. Reports of a pilot or a campaign often give
// one column of counts written as parts ("12/73/82" under "hồ sơ hỗ
// trợ/Tổng hồ sơ trực tuyến/Tổng số hồ sơ") and then sum them up in the
// text ("Có 14 hồ sơ …/137 hồ sơ nộp trực tuyến/156 tổng số hồ sơ").
// When the paragraph names as many parts as the cells hold, at least one
// of them equals the rows' sum (so that the sentence is the table's
// total, not a figure of some other scope) and another does not, the
// first that does not is a breakdown_mismatch: the text and the table
// cannot both be right. A paragraph whose parts all differ is taken to
// speak of something else and gives nothing.
func ProseTotals(rep *report.Report, d *doc.Document) []report.Finding {
	if d == nil || len(rep.Indicators) == 0 {
		return nil
	}
	var out []report.Finding
	for _, g := range partGroups(rep, d) {
		for _, text := range []string{g.after, g.before} {
			if f, ok := g.check(text); ok {
				out = append(out, f)
				break
			}
		}
	}
	return out
}

// A partGroup is one column of part-counts in one table, which may run
// over several blocks when a page break splits the table.
type partGroup struct {
	header        string
	sums          []float64
	terms         [][]string // each part's row values, as Num writes them
	last          report.Location
	label         string   // the section the table stands in
	path          []string // and its outline numbers
	before, after string   // the paragraphs next to the table
}

// check compares the group's sums with the first group of as many parts
// in text.
func (g *partGroup) check(text string) (report.Finding, bool) {
	for _, said := range slashGroups(text, len(g.sums)) {
		agree, first := 0, -1
		for i, x := range said {
			if math.Abs(x-g.sums[i]) < 0.5 {
				agree++
			} else if first < 0 {
				first = i
			}
		}
		if agree == 0 || first < 0 {
			continue
		}
		reported, computed := said[first], g.sums[first]
		return report.Finding{Code: report.CodeBreakdownMismatch, Severity: report.CodeBreakdownMismatch.Severity(),
			Path: g.path, Label: g.label, Reported: &reported, Computed: &computed, Location: g.last,
			Formula: g.part(first), Detail: strings.Join(g.terms[first], " + ")}, true
	}
	return report.Finding{}, false
}

// part names the i-th part from the column's header ("Tổng hồ sơ trực
// tuyến"), or the whole header when it does not split into the parts. Of
// a header path ("Kết quả / a/b/c") the lowest level names the parts.
func (g *partGroup) part(i int) string {
	h := g.header
	if k := strings.LastIndex(h, " / "); k >= 0 {
		h = h[k+3:]
	}
	names := strings.Split(h, "/")
	if len(names) == len(g.sums) {
		return strings.TrimSpace(names[i])
	}
	return strings.TrimSpace(g.header)
}

// partGroups finds, in each table of rep, the columns every row of which
// starts with the same number of counts joined by '/'.
func partGroups(rep *report.Report, d *doc.Document) []*partGroup {
	type key struct {
		table  int
		header string
	}
	var order []key
	groups := map[key]*partGroup{}
	broken := map[key]bool{}
	// A table split by a page break is read as consecutive blocks; its
	// pieces are one table when only page numbers stand between them.
	tableOf := map[int]int{}
	prevTable := -1
	for i, b := range d.Blocks {
		if b.Kind != doc.TableKind {
			if !trivial(b.Text) {
				prevTable = -1
			}
			continue
		}
		if prevTable < 0 {
			prevTable = i
		}
		tableOf[i] = prevTable
	}
	for _, ind := range rep.Indicators {
		t, ok := tableOf[ind.Location.Block]
		if !ok {
			continue
		}
		for _, c := range ind.Columns {
			k := key{t, c.Header}
			if broken[k] {
				continue
			}
			parts, ok := leadingParts(c.Raw)
			g := groups[k]
			if !ok || (g != nil && len(g.sums) != len(parts)) {
				broken[k] = true
				continue
			}
			if g == nil {
				g = &partGroup{header: c.Header, sums: make([]float64, len(parts)), terms: make([][]string, len(parts))}
				groups[k] = g
				order = append(order, k)
			}
			for i := range parts {
				g.sums[i] += parts[i]
				g.terms[i] = append(g.terms[i], msg.Num(&parts[i]))
			}
			g.last = ind.Location
		}
	}
	var out []*partGroup
	for _, k := range order {
		g := groups[k]
		if broken[k] || len(g.terms[0]) < 2 {
			continue
		}
		g.before, g.after = neighbours(d, k.table)
		g.label, g.path = section(d, k.table)
		out = append(out, g)
	}
	return out
}

// neighbours returns the paragraphs just before the table starting at
// block first and just after its last piece, skipping page numbers.
func neighbours(d *doc.Document, first int) (before, after string) {
	for i := first - 1; i >= 0; i-- {
		if b := d.Blocks[i]; b.Kind != doc.TableKind && !trivial(b.Text) {
			before = b.Text
			break
		}
	}
	for i := first + 1; i < len(d.Blocks); i++ {
		b := d.Blocks[i]
		if b.Kind == doc.TableKind || trivial(b.Text) {
			continue
		}
		after = b.Text
		break
	}
	return before, after
}

// trivial reports a paragraph that interrupts nothing: empty, or a page
// number.
func trivial(s string) bool {
	s = strings.TrimSpace(s)
	return len(s) <= 3 && strings.Trim(s, "0123456789") == ""
}

var (
	romanHeading    = regexp.MustCompile(`^\s*([IVX]{1,5})\.\s+\S`)
	numberedHeading = regexp.MustCompile(`^\s*(\d{1,2})\.\s+(\S.*)$`)
)

// section returns the heading the table at block first stands under,
// with its outline number ("II.5 Mô hình …"), as an officer cites it.
func section(d *doc.Document, first int) (string, []string) {
	var roman, num, title string
	for i := first - 1; i >= 0; i-- {
		b := d.Blocks[i]
		if b.Kind == doc.TableKind {
			continue
		}
		if m := romanHeading.FindStringSubmatch(b.Text); m != nil {
			roman = m[1]
			break
		}
		if num == "" && utf8.RuneCountInString(b.Text) <= 300 {
			if m := numberedHeading.FindStringSubmatch(b.Text); m != nil {
				num, title = m[1], strings.TrimSpace(m[2])
			}
		}
	}
	switch {
	case num != "" && roman != "":
		return roman + "." + num + " " + title, []string{roman, num}
	case num != "":
		return num + ". " + title, []string{num}
	}
	return "", []string{}
}

// leadingParts reads the counts a cell starts with when they are two or
// more joined by '/' ("12/73/82", "862/1.266 (68,1%)").
func leadingParts(raw string) ([]float64, bool) {
	raw = strings.TrimSpace(raw)
	end := strings.IndexAny(raw, " (\n")
	if end >= 0 {
		raw = raw[:end]
	}
	fields := strings.Split(raw, "/")
	if len(fields) < 2 {
		return nil, false
	}
	parts := make([]float64, len(fields))
	for i, f := range fields {
		if f == "" || strings.Trim(f, "0123456789.") != "" {
			return nil, false
		}
		x, ok := wholeCount(f)
		if !ok {
			return nil, false
		}
		parts[i] = x
	}
	return parts, true
}

// slashGroups returns the runs of n counts in text joined by '/' with at
// most a few words after each ("14 hồ sơ …/137 hồ sơ …/156 tổng số hồ
// sơ"); a percentage is not a count, and a run is read from its start.
func slashGroups(text string, n int) [][]float64 {
	nums := counts(text)
	var out [][]float64
	for i := 0; i+n <= len(nums); i++ {
		if i > 0 && joined(text[nums[i-1].end:nums[i].start]) {
			continue // the middle of a longer run
		}
		run := []float64{nums[i].x}
		for j := i + 1; j < len(nums) && len(run) < n && joined(text[nums[j-1].end:nums[j].start]); j++ {
			run = append(run, nums[j].x)
		}
		if len(run) == n && (i+n == len(nums) || !joined(text[nums[i+n-1].end:nums[i+n].start])) {
			out = append(out, run)
		}
	}
	return out
}

// joined reports whether the text between two counts joins them as parts:
// a few words, then '/', then spaces.
func joined(gap string) bool {
	k := strings.IndexByte(gap, '/')
	return k >= 0 && k <= 80 && strings.TrimSpace(gap[k+1:]) == "" && !strings.ContainsAny(gap[:k], "/%;:")
}

// A count is a numeral of running text and where it stands.
type count struct {
	x          float64
	start, end int
}

// counts returns text's whole counts; a percentage or a decimal is left
// out, and the gap it leaves joins nothing.
func counts(text string) []count {
	var out []count
	for i := 0; i < len(text); {
		if !isDigit(text[i]) {
			i++
			continue
		}
		j := i
		for j < len(text) && (isDigit(text[j]) || text[j] == '.' && j+1 < len(text) && isDigit(text[j+1])) {
			j++
		}
		rest := strings.TrimLeft(text[j:], " ")
		percent := strings.HasPrefix(rest, "%") || (j < len(text) && text[j] == ',' && j+1 < len(text) && isDigit(text[j+1]))
		if x, ok := wholeCount(text[i:j]); ok && !percent {
			out = append(out, count{x, i, j})
		}
		i = j
		for i < len(text) && (isDigit(text[i]) || text[i] == ',') {
			i++
		}
	}
	return out
}

// wholeCount reads a count as Vietnamese documents write one: digits,
// with '.' between groups of three ("1.266", "02"). Anything else (a
// decimal, a date part) is not a count of files or people. This is all a
// part-count needs; the general numeral reader (package extract) is not
// used because its tests run this pass.
func wholeCount(tok string) (float64, bool) {
	groups := strings.Split(tok, ".")
	x := 0.0
	for i, g := range groups {
		if g == "" || strings.Trim(g, "0123456789") != "" || (i > 0 && len(g) != 3) || (i == 0 && len(groups) > 1 && len(g) > 3) {
			return 0, false
		}
		for _, c := range g {
			x = x*10 + float64(c-'0')
		}
	}
	return x, true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
