package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"os/signal"
	"regexp"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"chiso/corpus"
	"chiso/internal/contract"
	"chiso/internal/msg"
	"chiso/parse/ocr"
	"chiso/report"
)

// The dataset commands: ingest, export, history, rank, and `score --db`.

func init() {
	register(command{name: "ingest", summary: "read every report under folders into a dataset (idempotent by content)", run: runIngest})
	register(command{name: "export", summary: "write the dataset as one long table: csv, xlsx or json", run: runExport})
	register(command{name: "history", summary: "an indicator's values for a unit across periods", run: runHistory})
	register(command{name: "rank", summary: "rank the units of a period in a dataset, highest first", run: runRank})
	scoreDB = runScoreDB
	auditDB = runAuditDB
}

// datasetAudit is the one object of `audit --db --json`: audit's shape
// (schema, source, findings, error), the source being the dataset and
// each finding naming the reports it compares (corpus.CrossFinding).
type datasetAudit struct {
	Schema   string                `json:"schema"`
	Source   datasetSource         `json:"source"`
	Findings []corpus.CrossFinding `json:"findings"`
	Error    *string               `json:"error"`
}

type datasetSource struct {
	Path   string `json:"path"`
	Format string `json:"format"` // "dataset"
}

// periodFlag is --period of audit --db: a year, or a year and quarter.
var periodFlag = regexp.MustCompile(`^[0-9]{4}(-Q[1-4])?$`)

// runAuditDB is `chiso audit --db`: the findings across the reports of a
// dataset (cumulative counts that fall, a year unlike its fourth
// quarter, a unit's report against the city's summary, appraisal gaps
// per unit, two contents for one unit and period), computed afresh from
// what the dataset holds, so that it reads a dataset it may not write.
// Exit code 1 when a finding is an error, as audit's.
func runAuditDB(e *env, args []string) int {
	fs := newFlags(e, "audit", "--db DSN [--period YEAR|YEAR-Qn] [--unit UNIT] [--json]")
	dsn := fs.String("db", defaultDSN, "dataset: an SQLite file or a postgres:// URL")
	period := fs.String("period", "", "only findings about this period: a year (2023) or a quarter (2023-Q3)")
	unit := fs.String("unit", "", `unit as people type it: "q5", "Quận 5", "binh tan"`)
	asJSON := fs.Bool("json", false, "print one JSON object: the dataset's findings")
	if code := parseFlags(fs, args); code >= 0 {
		return code
	}
	switch {
	case *period != "" && !periodFlag.MatchString(*period):
		return badFlag(e, fs, "period", *period, "a period is a year or a quarter: 2023 or 2023-Q3")
	case fs.NArg() != 0:
		return usageError(e, fs, "the dataset is read, and no file is taken: --db names it")
	}
	s, ok := openStore(e, *dsn, true)
	if !ok {
		return exitUnread
	}
	defer s.Close()
	ctx := context.Background()
	all, err := s.CrossAudit(ctx)
	if err != nil {
		fail(e, fmt.Errorf("audit: %w", err))
		return exitUnread
	}
	p := msg.Printer(e.lang)
	if n, err := s.Legacy(ctx); err == nil && n > 0 {
		p.Fprintf(e.stderr, "chiso: %d reports were stored by an older chiso and are left out: run chiso ingest over their files again to upgrade them\n", n)
	}
	found := []corpus.CrossFinding{}
	errors := false
	for _, f := range all {
		if !aboutPeriod(f, *period) || (*unit != "" && !corpus.MatchUnit(*unit, f.Unit)) {
			continue
		}
		f.Message = msg.Text(f.Finding, e.lang)
		errors = errors || f.Severity == report.SeverityError
		found = append(found, f)
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		enc.Encode(datasetAudit{Schema: contract.Schema, Source: datasetSource{corpus.Redact(*dsn), "dataset"}, Findings: found})
	} else {
		fmt.Fprintf(e.stdout, "== %s\n", corpus.Redact(*dsn))
		p.Fprintf(e.stdout, "Findings across reports (%d):\n", len(found))
		for _, f := range found {
			fmt.Fprintf(e.stdout, "  %-9s %-20s %s %s: %s\n", msg.Severity(e.lang, f.Severity), f.Code, f.Unit, f.Period, f.Message)
			for _, sd := range f.Reports {
				where := sd.Source
				if sd.Location.Row > 0 {
					where += p.Sprintf(", table %d row %d", sd.Location.Table, sd.Location.Row)
				}
				fmt.Fprintf(e.stdout, "            %s %s: %s\n", sd.Unit, sd.Period, printable(where))
			}
		}
	}
	if errors {
		return exitFindings
	}
	return exitOK
}

// aboutPeriod reports whether a finding is about period ("2023",
// "2023-Q3"; "" is every period): either report's period, a year
// matching every period of it.
func aboutPeriod(f corpus.CrossFinding, period string) bool {
	if period == "" {
		return true
	}
	for _, sd := range append([]corpus.Side{{Period: f.Period}}, f.Reports...) {
		if sd.Period == period || (len(period) == 4 && strings.HasPrefix(sd.Period, period)) {
			return true
		}
	}
	return false
}

const defaultDSN = "chiso.db"

// openStore opens the dataset dsn: for writing (ingest), or read-only
// for the commands that only read it, so that a dataset on a read-only
// share or a file the user may only read can be exported and ranked.
func openStore(e *env, dsn string, readOnly bool) (*corpus.Store, bool) {
	open := corpus.Open
	if readOnly {
		open = corpus.OpenReadOnly
	}
	s, err := open(context.Background(), dsn)
	if err != nil {
		fail(e, err)
		return nil, false
	}
	return s, true
}

// isTerminal reports whether w is a terminal, so that ingest draws a
// progress bar there and plain lines elsewhere (logs, pipes, CI).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func runIngest(e *env, args []string) int {
	fs := newFlags(e, "ingest", "[--db DSN] [--rubric ID|FILE] [--workers N] [--follow-links] DIR_OR_FILE...")
	dsn := fs.String("db", defaultDSN, "dataset: an SQLite file or a postgres:// URL")
	which := fs.String("rubric", "hcm-dti-2023-district", "rubric id (see chiso rubrics) or YAML file")
	workers := fs.Int("workers", runtime.NumCPU(), "files read at once")
	maxSize := fs.Int64("max-size", corpus.DefaultMaxSize, "largest file read, in bytes")
	timeout := fs.Duration("timeout", corpus.DefaultTimeout, "give up on a file after this long")
	follow := fs.Bool("follow-links", false, "follow links that point outside the folders given (default: only those inside them)")
	stats := fs.Bool("stats", os.Getenv("CHISO_STATS") != "", "print the time spent writing the dataset (also env CHISO_STATS=1)")
	if code := parseFlags(fs, args); code >= 0 {
		return code
	}
	if *workers < 1 {
		return badFlag(e, fs, "workers", strconv.Itoa(*workers), "at least one file must be read at a time")
	}
	if c := checkTimeout(e, fs, *timeout); c >= 0 {
		return c
	}
	if fs.NArg() == 0 {
		return usageError(e, fs, "at least one file or folder is needed")
	}
	r, code := openRubric(e, "ingest", *which)
	if code >= 0 {
		return code
	}
	files, unread := corpus.ListFiles(fs.Args(), corpus.ListOptions{FollowLinks: *follow})
	s, ok := openStore(e, *dsn, false)
	if !ok {
		return exitUnread
	}
	defer s.Close()
	if os.Getenv("GOGC") == "" {
		// Each report leaves megabytes of garbage over a live heap of a
		// few: at the default 100 the collector took a tenth of the CPU,
		// on the core a single worker leaves idle, which capped the
		// speed-up from more workers. 200 costs ~10 MB of RSS.
		debug.SetGCPercent(200)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	in := &corpus.Ingester{Store: s, Rubric: r, Workers: *workers, MaxSize: *maxSize, Timeout: *timeout, Lang: e.lang, Unread: unread}
	finish := func() {}
	if isTerminal(e.stderr) {
		bar := progressbar.NewOptions(len(files)+len(unread), progressbar.OptionSetWriter(e.stderr),
			progressbar.OptionSetDescription("ingest"), progressbar.OptionShowCount(), progressbar.OptionShowIts(),
			progressbar.OptionClearOnFinish())
		in.Progress = func(corpus.Event) { bar.Add(1) }
		finish = func() { bar.Finish() }
	} else {
		p := msg.Printer(e.lang)
		in.Progress = func(ev corpus.Event) {
			if ev.Outcome == corpus.Failed {
				p.Fprintf(e.stdout, "%s: failed: %s\n", printable(ev.Path), printable(reasonText(e.lang, ev)))
				return
			}
			fmt.Fprintf(e.stdout, "%s: %s\n", printable(ev.Path), msg.String(e.lang, string(ev.Outcome)))
		}
	}
	sum, err := in.Run(ctx, files)
	finish()
	if sum != nil {
		printSummary(e.stdout, sum, *stats, e.lang)
	}
	if err != nil {
		if ctx.Err() != nil {
			msg.Printer(e.lang).Fprintf(e.stderr, "chiso: interrupted: the reports above are stored; run again to finish\n")
		} else {
			fail(e, err)
		}
		return exitUnread
	}
	if len(sum.Failed) > 0 {
		return exitUnread
	}
	return exitOK
}

// reasonText is why a file failed to be ingested, for a person reading
// lang: the kind of failure in the catalogue's words, then the reader's
// own detail; the reason as stored when its kind is not known.
func reasonText(lang string, ev corpus.Event) string {
	kind := ""
	if ev.Err != nil {
		kind = msg.Failure(lang, ev.Err)
	}
	if lang == "en" || kind == "" {
		return msg.String(lang, ev.Reason)
	}
	return kind + " (" + ev.Reason + ")"
}

// printSummary writes what an ingest did, in lang.
func printSummary(w io.Writer, s *corpus.Summary, stats bool, lang string) {
	p := msg.Printer(lang)
	p.Fprintf(w, "files %d, new %d, unchanged %d, replaced %d, failed %d, time %s\n",
		s.Files, s.New, s.Unchanged, s.Replaced, len(s.Failed), s.Elapsed.Round(time.Millisecond))
	if len(s.Findings) > 0 {
		codes := slices.Sorted(maps.Keys(s.Findings))
		parts := make([]string, len(codes))
		for i, c := range codes {
			parts[i] = string(c) + " " + strconv.Itoa(s.Findings[c])
		}
		p.Fprintf(w, "findings: %s\n", strings.Join(parts, ", "))
	}
	if s.CrossFindings > 0 {
		p.Fprintf(w, "findings across reports: %d (chiso audit --db lists them)\n", s.CrossFindings)
	}
	for _, f := range s.Failed {
		p.Fprintf(w, "failed: %s: %s\n", printable(f.Path), printable(reasonText(lang, f)))
	}
	// Scans read once Tesseract is installed: the list to come back to.
	var scans []string
	for _, f := range s.Failed {
		if errors.Is(f.Err, ocr.ErrNoEngine) {
			scans = append(scans, f.Path)
		}
	}
	if len(scans) > 0 {
		p.Fprintf(w, "needs OCR (install Tesseract, then ingest again): %d files\n", len(scans))
		for _, f := range scans {
			fmt.Fprintf(w, "  %s\n", printable(f))
		}
	}
	if stats {
		share := 0.0
		if s.Elapsed > 0 {
			share = float64(s.Storage) / float64(s.Elapsed) * 100
		}
		p.Fprintf(w, "storage: %s in write transactions (summed over workers), %s%% of the run's time\n",
			s.Storage.Round(time.Millisecond), msg.Number(lang, share, 1))
	}
}

func runExport(e *env, args []string) int {
	fs := newFlags(e, "export", "[--db DSN] --format csv|xlsx|json [--lang vi|en] [--csv-profile vi|intl] [--out FILE]")
	dsn := fs.String("db", defaultDSN, "dataset: an SQLite file or a postgres:// URL")
	format := fs.String("format", "", "csv (UTF-8 with BOM), xlsx, or json (JSON Lines)")
	profile := fs.String("csv-profile", "vi", `csv separators: vi (";" and decimal ",", for Excel set to Vietnamese) or intl ("," and decimal ".")`)
	if code := parseFlags(fs, args); code >= 0 {
		return code
	}
	h, herr := corpus.HeadingsFor(e.lang)
	if herr != nil {
		return checkLang(e, fs, e.lang)
	}
	p, perr := corpus.CSVProfileFor(*profile)
	if perr != nil {
		return badFlag(e, fs, "csv-profile", *profile, "the profiles are vi (for Excel set to Vietnamese) and intl")
	}
	if *format != "csv" && *format != "xlsx" && *format != "json" {
		return badFlag(e, fs, "format", *format, "the formats are csv, xlsx and json")
	}
	if fs.NArg() != 0 {
		return usageError(e, fs, "export reads the dataset and takes no file: --out FILE names the file to write")
	}
	w := e.stdout
	if *format == "xlsx" && isTerminal(w) {
		msg.Printer(e.lang).Fprintf(e.stderr, "chiso: not writing a workbook to a terminal: use --out FILE or a redirection\n")
		return exitUsage
	}
	s, ok := openStore(e, *dsn, true)
	if !ok {
		return exitUnread
	}
	defer s.Close()
	ctx := context.Background()
	var err error
	switch *format {
	case "csv":
		err = s.ExportCSV(ctx, w, h, p)
	case "xlsx":
		err = s.ExportXLSX(ctx, w, h)
	case "json":
		err = s.WriteJSON(ctx, w)
	}
	if err != nil {
		fail(e, fmt.Errorf("export: %w", err))
		return exitUnread
	}
	return exitOK
}

func runHistory(e *env, args []string) int {
	fs := newFlags(e, "history", "[--db DSN] --unit UNIT [--indicator ID] [--json]")
	dsn := fs.String("db", defaultDSN, "dataset: an SQLite file or a postgres:// URL")
	unit := fs.String("unit", "", `unit as people type it: "q5", "Quận 5", "binh tan"`)
	id := fs.String("indicator", "", "rubric indicator id, e.g. 6.3 (default: all)")
	asJSON := fs.Bool("json", false, "print JSON Lines")
	if code := parseFlags(fs, args); code >= 0 {
		return code
	}
	switch {
	case *unit == "":
		return usageError(e, fs, "a unit is needed, e.g. --unit q5")
	case fs.NArg() != 0:
		return usageError(e, fs, "history reads the dataset and takes no file")
	}
	s, ok := openStore(e, *dsn, true)
	if !ok {
		return exitUnread
	}
	defer s.Close()
	pts, err := s.History(context.Background(), *unit, *id)
	if err != nil {
		fail(e, fmt.Errorf("history: %w", err))
		return exitUnread
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	for _, p := range pts {
		if *asJSON {
			enc.Encode(p)
			continue
		}
		v := clip(p.Raw, 12)
		if p.Value != nil {
			v = msg.Number(e.lang, *p.Value, 3)
		}
		pt := "–"
		if p.Points != nil {
			pt = num(e.lang, *p.Points)
		}
		marks := ""
		if len(p.Findings) > 0 {
			marks = "  [" + strings.Join(p.Findings, ", ") + "]"
		}
		fmt.Fprintf(e.stdout, "%-20s %-9s %-6s %12s  %s %-6s %s  (%s)%s\n", clip(p.Unit, 20), p.Period, p.Indicator, v,
			msg.String(e.lang, "points"), pt, clip(p.RowLabel, 50), printable(p.Source), marks)
	}
	if len(pts) == 0 {
		msg.Printer(e.lang).Fprintf(e.stderr, "chiso: no values for unit %q\n", *unit)
	}
	return exitOK
}

// cohortOpts are the flags of `score --db` and `rank`.
type cohortOpts struct {
	dsn, rubric string
	year        int
	json        bool
}

func cohortFlags(e *env, name string, args []string) (cohortOpts, int) {
	fs := newFlags(e, name, "--db DSN --rubric ID|FILE --period YEAR [--json]")
	d := fs.String("db", defaultDSN, "dataset: an SQLite file or a postgres:// URL")
	w := fs.String("rubric", "hcm-dti-2023-district", "rubric id or YAML file")
	p := fs.String("period", "", "year whose units are scored, e.g. 2023")
	j := fs.Bool("json", false, "print JSON Lines, one object per unit")
	if c := parseFlags(fs, args); c >= 0 {
		return cohortOpts{}, c
	}
	y, err := strconv.Atoi(*p)
	switch {
	case err != nil || y < 1000 || y > 9999:
		return cohortOpts{}, badFlag(e, fs, "period", *p, "a year is written with four digits, e.g. 2023")
	case fs.NArg() != 0:
		return cohortOpts{}, usageError(e, fs, "the dataset is read, and no file is taken: --db names it")
	}
	return cohortOpts{*d, *w, y, *j}, -1
}

// runScoreDB is `chiso score --db`: every unit of a period scored, the
// min-max indicators filled across the cohort and growth from the
// previous year.
func runScoreDB(e *env, args []string) int { return cohort(e, "score", args) }

func runRank(e *env, args []string) int { return cohort(e, "rank", args) }

// unitLine is one unit of `score --db --json` and `rank --json`.
type unitLine struct {
	Rank   int          `json:"rank"`
	Tied   bool         `json:"tied"`
	Unit   string       `json:"unit"`
	Total  float64      `json:"total"`
	Source string       `json:"source"`
	SHA256 string       `json:"sha256"`
	Filled []filledLine `json:"filled"`
}

// filledLine is one indicator scored across reports, its basis written in
// the command's language.
type filledLine struct {
	ID     string  `json:"id"`
	Points float64 `json:"points"`
	Basis  string  `json:"basis"`
}

func cohort(e *env, name string, args []string) int {
	o, code := cohortFlags(e, name, args)
	if code >= 0 {
		return code
	}
	r, code := openRubric(e, name, o.rubric)
	if code >= 0 {
		return code
	}
	s, ok := openStore(e, o.dsn, true)
	if !ok {
		return exitUnread
	}
	defer s.Close()
	us, err := s.ScorePeriod(context.Background(), r, o.year)
	if err != nil {
		fail(e, fmt.Errorf("%s: %w", name, err))
		return exitUnread
	}
	if len(us) == 0 {
		msg.Printer(e.lang).Fprintf(e.stderr, "chiso: no report of %d scored with %s in the dataset\n", o.year, r.ID)
		return exitOK
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	for _, u := range us {
		if o.json {
			filled := []filledLine{}
			for _, f := range u.Filled {
				filled = append(filled, filledLine{f.ID, f.Points, msg.Basis(f.Basis, e.lang)})
			}
			enc.Encode(unitLine{u.Rank, u.Tied, u.Unit, u.Total, u.Source, u.SHA256, filled})
			continue
		}
		rank := strconv.Itoa(u.Rank)
		if u.Tied {
			rank += "="
		}
		fmt.Fprintf(e.stdout, "%4s  %-28s %8s / %s  %s\n", rank, clip(u.Unit, 28), num(e.lang, u.Total), num(e.lang, r.Max), printable(u.Source))
		if name == "score" {
			for _, f := range u.Filled {
				fmt.Fprintf(e.stdout, "        %-6s %6s  %s\n", f.ID, num(e.lang, f.Points), msg.Basis(f.Basis, e.lang))
			}
		}
	}
	if !o.json {
		for _, u := range us {
			if u.Tied {
				msg.Printer(e.lang).Fprintf(e.stdout, "\n\"=\": equal totals share a rank; Decision 79/QĐ-UBND gives no tie-break.\n")
				break
			}
		}
	}
	return exitOK
}

// hasFlag reports whether args hold -name or --name (with or without
// "=value") before a "--".
func hasFlag(args []string, name string) bool {
	for _, a := range args {
		if a == "--" {
			return false
		}
		if !strings.HasPrefix(a, "-") {
			continue
		}
		a = strings.TrimLeft(a, "-")
		if a == name || strings.HasPrefix(a, name+"=") {
			return true
		}
	}
	return false
}
