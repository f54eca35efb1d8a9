package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"chiso"

	"golang.org/x/term"

	"chiso/doc"
	"chiso/internal/contract"
	"chiso/internal/msg"
	"chiso/parse"
	"chiso/report"
	"chiso/rubric"
)

func init() {
	register(command{name: "extract", summary: "print each report's indicators and findings", run: func(e *env, args []string) int {
		return runExtract(e, "extract", args)
	}})
	register(command{name: "audit", summary: "print only the findings (discrepancies), grouped per file", run: func(e *env, args []string) int {
		if auditDB != nil && hasFlag(args, "db") {
			return auditDB(e, args)
		}
		return runExtract(e, "audit", args)
	}})
}

// auditDB, when set (by corpus.go), runs `audit --db`: the audit across
// the reports of a dataset, which needs package corpus.
var auditDB func(e *env, args []string) int

// runExtract is `chiso extract` and `chiso audit`. Exit code: 3 when any
// file could not be read (it wins, since those files were not checked at
// all), else 1 when any finding is an error, else 0.
func runExtract(e *env, name string, args []string) int {
	fs := newFlags(e, name, "[--json] [--lang vi|en] [--rubric ID|FILE|none] FILE...")
	asJSON := fs.Bool("json", false, "print JSON Lines, one object per file")
	which := fs.String("rubric", rubric.DefaultID, "rubric the rows are mapped onto (chiso rubrics lists them), a YAML file, or none")
	timeout := fs.Duration("timeout", parse.DefaultTimeout, "give up on a file after this long")
	if code := parseFlags(fs, args); code >= 0 {
		return code
	}
	if c := checkTimeout(e, fs, *timeout); c >= 0 {
		return c
	}
	if fs.NArg() == 0 {
		return usageError(e, fs, "at least one file or folder is needed")
	}
	var r *rubric.Rubric
	if *which != "none" {
		var code int
		if r, code = openRubric(e, name, *which); code >= 0 {
			return code
		}
	}
	unread, errors := false, false
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	code := -1
	opt := chiso.Options{Rubric: r, Timeout: *timeout, Lang: e.lang}
	eachInput(e, fs.Args(), opt, func(path string, res *chiso.Result, err error) bool {
		src := doc.Source{Path: path}
		var rep *report.Report
		if err != nil {
			unread = true
			fail(e, err)
		} else {
			src = res.Document.Source
			rep = res.Mapping.Mapped(res.Report)
			rep.Findings = append(rep.Findings, cardChecks(res.Card)...)
			errors = errors || hasErrors(rep)
		}
		switch {
		case *asJSON && name == "audit":
			err = enc.Encode(contract.NewAudit(src, rep, err))
		case *asJSON:
			err = enc.Encode(contract.NewExtract(src, rep, err))
		case rep != nil && name == "audit":
			printFindings(e.stdout, src.Path, rep, e.lang)
			err = nil
		case rep != nil:
			printReport(e.stdout, src.Path, rep, e.lang, termWidth(e.stdout))
			err = nil
		default:
			err = nil
		}
		if err != nil {
			fail(e, err)
			code = exitUnread
			return false
		}
		return true
	})
	switch {
	case code >= 0:
		return code
	case unread:
		return exitUnread
	case errors:
		return exitFindings
	}
	return exitOK
}

// cardChecks are the findings of scoring a report against the rubric
// that extract and audit show too, so that an audit never says less than
// score would: the self-score checks (self_score_mismatch,
// score_over_max). rubric_missing, an indicator the report does not
// cover, is a gap in a self-scoring sheet, which covers them all, and
// only a note of scope on any other report (a quarterly report covers a
// few), where it is left to score.
func cardChecks(card *rubric.Card) []report.Finding {
	if card == nil {
		return nil
	}
	var out []report.Finding
	for _, f := range card.Findings {
		if f.Code != report.CodeRubricMissing || card.SelfTotal != nil {
			out = append(out, f)
		}
	}
	return out
}

func hasErrors(rep *report.Report) bool {
	for _, f := range rep.Findings {
		if f.Severity == report.SeverityError {
			return true
		}
	}
	return false
}

// termWidth is the width of w when it is a terminal, else 100 columns.
func termWidth(w io.Writer) int {
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		if width, _, err := term.GetSize(int(f.Fd())); err == nil && width >= 40 {
			return width
		}
	}
	return 100
}

// printReport writes a report for a person: one line per indicator (path,
// label cut to the width, value as written and as read), then the findings.
func printReport(w io.Writer, path string, rep *report.Report, lang string, width int) {
	h := func(en string) string { return msg.String(lang, en) }
	fmt.Fprintf(w, "== %s: %s | %s | %s\n", printable(path), rep.Title, rep.Unit, rep.Period.Label)
	const pathW, rawW, readW, dtiW = 14, 16, 18, 5
	labelW := max(width-pathW-rawW-readW-dtiW-4, 12)
	fmt.Fprintf(w, "%s %s %s %s %s\n", pad(h("STT"), pathW), pad(h("Indicator"), labelW), pad(h("Value (as written)"), rawW), pad(h("Read as"), readW), "DTI")
	for _, ind := range rep.Indicators {
		dti := ""
		if ind.Rubric != nil {
			dti = ind.Rubric.Indicator
		}
		fmt.Fprintf(w, "%s %s %s %s %s\n", pad(strings.Join(ind.Path, "/"), pathW), pad(ind.Label, labelW),
			pad(firstLine(ind.Raw), rawW), pad(valueString(ind.Value, lang), readW), dti)
	}
	printFindings(w, "", rep, lang)
}

// printFindings writes the findings, one per line.
func printFindings(w io.Writer, path string, rep *report.Report, lang string) {
	if path != "" {
		fmt.Fprintf(w, "== %s\n", printable(path))
	}
	if len(rep.Findings) == 0 {
		return
	}
	// Info findings say only that a row matched no rubric indicator; on a
	// quarterly report that is most rows, and they would drown the
	// discrepancies a person reads this for.
	shown, hidden := 0, 0
	for _, f := range rep.Findings {
		if f.Severity == report.SeverityInfo {
			hidden++
		} else {
			shown++
		}
	}
	p := msg.Printer(lang)
	p.Fprintf(w, "Findings (%d):\n", shown)
	for _, f := range rep.Findings {
		if f.Severity == report.SeverityInfo {
			continue
		}
		// A message is never cut: it is the point of the output.
		where := strings.Join(f.Path, "/")
		if where != "" {
			where += ": " // a finding about the whole report has no row
		}
		fmt.Fprintf(w, "  %-9s %-20s %s%s\n", msg.Severity(lang, f.Severity), f.Code, where, f.Message)
	}
	if hidden > 0 {
		p.Fprintf(w, "  (%d info findings (rows matching no rubric indicator) not shown: --json has them all)\n", hidden)
	}
}

// valueString writes a typed value briefly, in lang: "78,23 %",
// "11.781 hồ sơ", "760.370/761.174", "có", "đã hoàn thành".
func valueString(v report.Value, lang string) string {
	n := func(p *float64) string { return msg.Number(lang, *p, 4) }
	switch {
	case v.Kind == report.KindPercent && v.Number != nil:
		return n(v.Number) + " %"
	case v.Kind == report.KindNumber && v.Number != nil:
		return strings.TrimSpace(n(v.Number) + " " + v.Unit)
	case v.Kind == report.KindFraction:
		return n(v.Numerator) + "/" + n(v.Denominator)
	case v.Kind == report.KindBool && v.Bool != nil:
		return msg.Bool(lang, *v.Bool)
	case v.Kind == report.KindStatus:
		return msg.Status(lang, v.Status)
	}
	return msg.Kind(lang, v.Kind)
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i] + " …"
	}
	return s
}

// cut shortens s to n runes, marking the cut with "…".
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// pad cuts or pads s to exactly n runes.
func pad(s string, n int) string {
	s = cut(s, n)
	return s + strings.Repeat(" ", n-utf8.RuneCountInString(s))
}
