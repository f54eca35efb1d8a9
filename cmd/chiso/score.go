package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"chiso"
	"chiso/internal/contract"
	"chiso/internal/msg"
	"chiso/parse"
	"chiso/report"
	"chiso/rubric"
)

func init() {
	register(command{name: "score", summary: "map rows to a rubric, compute each indicator's points and the total", run: runScore})
	register(command{name: "rubrics", summary: "list the rubrics that ship (ID, title, max points, indicators)", run: runRubrics})
}

// scoreDB, when set (by corpus.go), runs `score --db`: every unit of a
// period in a dataset, which needs package corpus.
var scoreDB func(e *env, args []string) int

func runScore(e *env, args []string) int {
	if scoreDB != nil && hasFlag(args, "db") {
		return scoreDB(e, args)
	}
	fs := newFlags(e, "score", "[--json] [--lang vi|en] --rubric ID|FILE FILE...")
	asJSON := fs.Bool("json", false, "print JSON Lines, one object per file")
	which := fs.String("rubric", "", "rubric id (see chiso rubrics) or YAML file")
	timeout := fs.Duration("timeout", parse.DefaultTimeout, "give up on a file after this long")
	if code := parseFlags(fs, args); code >= 0 {
		return code
	}
	if c := checkTimeout(e, fs, *timeout); c >= 0 {
		return c
	}
	switch {
	case *which == "":
		return usageError(e, fs, "a rubric is needed: --rubric ID (chiso rubrics lists them) or a YAML file")
	case fs.NArg() == 0:
		return usageError(e, fs, "at least one file or folder is needed")
	}
	r, code := openRubric(e, "score", *which)
	if code >= 0 {
		return code
	}
	code = exitOK
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	opt := chiso.Options{Rubric: r, Timeout: *timeout, Lang: e.lang}
	eachInput(e, fs.Args(), opt, func(name string, res *chiso.Result, err error) bool {
		var out contract.Score
		if err != nil {
			code = exitUnread
			fail(e, err)
			out = contract.ScoreError(name, r, err)
		} else {
			out = contract.NewScore(res.Document.Source, res.Report, res.Mapping, res.Card, e.lang)
			for _, f := range out.Findings {
				if f.Severity == report.SeverityError && code == exitOK {
					code = exitFindings
				}
			}
		}
		if *asJSON {
			if err := enc.Encode(out); err != nil {
				fail(e, err)
				code = exitUnread
				return false
			}
			return true
		}
		if out.Error == nil {
			printScore(e.stdout, &out, r, e.lang)
		}
		return true
	})
	return code
}

// printScore writes a scored report for a person, grouped as the decision
// groups its indicators.
func printScore(w io.Writer, out *contract.Score, r *rubric.Rubric, lang string) {
	num := func(x float64) string { return msg.Number(lang, x, 2) }
	fmt.Fprintf(w, "== %s — %s %s\n", out.Source.Path, r.ID, r.Title)
	if out.Report.Unit != "" || out.Report.Period.Label != "" {
		fmt.Fprintf(w, "   %s %s\n", out.Report.Unit, out.Report.Period.Label)
	}
	fmt.Fprintf(w, "%s: %s / %s", msg.String(lang, "total"), num(out.Total), num(r.Max))
	if out.SelfTotal != nil {
		fmt.Fprintf(w, "   %s: %s", msg.String(lang, "self-assessed"), num(*out.SelfTotal))
	}
	if len(out.Pending) > 0 {
		fmt.Fprintf(w, "   %s: %s", msg.String(lang, "needs other reports"), strings.Join(out.Pending, ", "))
	}
	fmt.Fprintln(w)
	byGroup := map[string][]contract.Indicator{}
	for i, ind := range out.Indicators {
		g := r.Indicators[i].Group
		byGroup[g] = append(byGroup[g], ind)
	}
	for _, g := range out.Groups {
		fmt.Fprintf(w, "\n%-5s %-60s %7s / %-4s\n", g.ID, clip(g.Label, 60), num(g.Points), num(g.Max))
		for _, ind := range byGroup[g.ID] {
			pts := "–"
			if ind.Points != nil {
				pts = num(*ind.Points)
			}
			self := ""
			if ind.SelfPoints != nil {
				self = msg.String(lang, "self") + " " + num(*ind.SelfPoints)
			}
			fmt.Fprintf(w, "  %-5s %-56s %7s / %-4s %-10s %s\n", ind.ID, clip(ind.Label, 56), pts, num(ind.Max), self, ind.Basis)
		}
	}
	if len(out.Findings) > 0 {
		fmt.Fprintf(w, "\n%s:\n", msg.String(lang, "findings"))
		for _, f := range out.Findings {
			fmt.Fprintf(w, "  %-9s %-20s %-12s %s\n", msg.Severity(lang, f.Severity), f.Code, strings.Join(f.Path, "/"), f.Message)
		}
	}
	fmt.Fprintln(w)
}

// clip shortens s to n runes for a table column.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

// num writes x for a person reading lang, with at most two decimals:
// points and totals (456,38 in Vietnamese, 456.38 in English).
func num(lang string, x float64) string { return msg.Number(lang, x, 2) }

// rubricLine is one line of `rubrics --json`.
type rubricLine struct {
	ID         string  `json:"id"`
	Title      string  `json:"title"`
	Max        float64 `json:"max"`
	Indicators int     `json:"indicators"`
	Groups     int     `json:"groups"`
	Source     string  `json:"source"`
}

// runRubrics lists the shipped rubrics, or with an argument (an id or a
// YAML file) prints that rubric's groups and indicators.
func runRubrics(e *env, args []string) int {
	fs := newFlags(e, "rubrics", "[--json] [ID|FILE]")
	asJSON := fs.Bool("json", false, "print JSON Lines, one object per rubric")
	if code := parseFlags(fs, args); code >= 0 {
		return code
	}
	var rs []*rubric.Rubric
	if fs.NArg() > 0 {
		for _, a := range fs.Args() {
			r, code := openRubric(e, "rubrics", a)
			if code >= 0 {
				return code
			}
			rs = append(rs, r)
		}
	} else {
		var err error
		if rs, err = rubric.All(); err != nil {
			fail(e, err)
			return exitUnread
		}
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	for _, r := range rs {
		if *asJSON {
			if err := enc.Encode(rubricLine{r.ID, r.Title, r.Max, len(r.Indicators), len(r.Groups), r.Source}); err != nil {
				fail(e, err)
				return exitUnread
			}
			continue
		}
		if fs.NArg() == 0 {
			msg.Printer(e.lang).Fprintf(e.stdout, "%-26s %4s points %3d indicators  %s\n", r.ID, num(e.lang, r.Max), len(r.Indicators), r.Title)
			continue
		}
		printRubric(e.stdout, r, e.lang)
	}
	return exitOK
}

func printRubric(w io.Writer, r *rubric.Rubric, lang string) {
	num := func(x float64) string { return msg.Number(lang, x, 2) }
	msg.Printer(lang).Fprintf(w, "== %s — %s (%s)\n   %s points, %d groups, %d indicators\n", r.ID, r.Title, r.Source, num(r.Max), len(r.Groups), len(r.Indicators))
	for _, g := range r.Groups {
		fmt.Fprintf(w, "\n%-5s %-60s %4s\n", g.ID, clip(g.Label, 60), num(g.Max))
		for _, ind := range r.Indicators {
			if ind.Group != g.ID {
				continue
			}
			method := string(ind.Method.Kind)
			if ind.Formula != "" {
				method += " " + ind.Formula
			}
			fmt.Fprintf(w, "  %-5s %-60s %4s  %s\n", ind.ID, clip(ind.Label, 60), num(ind.Max), method)
		}
	}
	fmt.Fprintln(w)
}
