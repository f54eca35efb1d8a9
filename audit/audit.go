// Package audit is the second pass over a report: checks that hold what
// extract read against itself, such as a self-assessed score above the
// row's maximum. New checks of a whole report (totals against the rows
// they total, rates across columns, values against their units) are added
// here, each in its own file and in Checks, and run for every caller of
// chiso.Process.
//
// Extract keeps the checks it can only make while reading, because they
// need what the report does not keep: a rate against its component rows
// (empty and ambiguous ones included), a breakdown written in the evidence,
// a rate quoted in running text. Everything a check can decide from the
// report (and, where it must, the document) belongs here, so that a reader
// looking for "what is checked" has one place to look.
//
// A check returns findings as data — code, numbers, row — and never text:
// package internal/msg renders their messages at the edge.
package audit

import (
	"slices"

	"chiso/doc"
	"chiso/report"
)

// A Check looks at a report, and the document it was read from where the
// check needs it, and returns its findings in any order.
type Check func(rep *report.Report, d *doc.Document) []report.Finding

// Checks are the checks Run runs, in this order.
var Checks = []Check{SelfScoreOverMax, NoIndicatorTable, ProseTotals}

// Run runs every check on rep and returns rep's findings with theirs,
// ordered by place in the document (block, then row); at one place,
// rep's own come first, then each check's in the order of Checks. rep is
// not changed.
func Run(rep *report.Report, d *doc.Document) []report.Finding {
	out := slices.Clone(rep.Findings)
	for _, c := range Checks {
		out = append(out, c(rep, d)...)
	}
	slices.SortStableFunc(out, func(a, b report.Finding) int {
		if a.Location.Block != b.Location.Block {
			return a.Location.Block - b.Location.Block
		}
		return a.Location.Row - b.Location.Row
	})
	return out
}

// On is a finding of code about the row ind, with the numbers it compares.
func On(ind *report.Indicator, code report.Code, reported, computed *float64) report.Finding {
	return report.Finding{Code: code, Severity: code.Severity(), Path: ind.Path, Label: ind.Label,
		Reported: reported, Computed: computed, Location: ind.Location}
}
