package audit

import (
	"strings"

	"chiso/doc"
	"chiso/report"
)

// NoIndicatorTable finds a report from which nothing could be checked: no
// indicator row was read, and no paragraph of its running text quotes a
// rate beside counts ("đạt 60,5/61,5 điểm (chỉ số 98,37%)"). Such a report
// would otherwise print no finding and look like a clean audit (a DOCX
// whose table was laid out with tabs, a scan, a plan with only a task
// matrix). A report whose numbers stand only in its prose is audited
// through the prose checks and does not get the finding: whether they
// found anything is said by them.
func NoIndicatorTable(rep *report.Report, d *doc.Document) []report.Finding {
	if len(rep.Indicators) > 0 || proseQuotesRates(d) {
		return nil
	}
	return []report.Finding{{Code: report.CodeNoIndicatorTable, Severity: report.CodeNoIndicatorTable.Severity(),
		Path: []string{}, Label: rep.Title}}
}

// proseQuotesRates reports whether a paragraph of d holds a percentage and
// a fraction of counts (digits on both sides of a '/', not a date such as
// 21/8/2025).
func proseQuotesRates(d *doc.Document) bool {
	if d == nil {
		return false
	}
	for _, b := range d.Blocks {
		if b.Kind == doc.TableKind || !strings.Contains(b.Text, "%") {
			continue
		}
		if hasFraction(b.Text) {
			return true
		}
	}
	return false
}

// hasFraction reports digits/digits in s that are not part of a date
// (a/b/c).
func hasFraction(s string) bool {
	digit := func(c byte) bool { return c >= '0' && c <= '9' }
	for i := 1; i+1 < len(s); i++ {
		if s[i] != '/' || !digit(s[i-1]) || !digit(s[i+1]) {
			continue
		}
		j := i + 1
		for j < len(s) && (digit(s[j]) || s[j] == '.' || s[j] == ',') {
			j++
		}
		k := i - 1
		for k > 0 && (digit(s[k-1]) || s[k-1] == '.' || s[k-1] == ',') {
			k--
		}
		if (j < len(s) && s[j] == '/') || (k > 0 && s[k-1] == '/') {
			continue // a date or a three-part figure
		}
		return true
	}
	return false
}
