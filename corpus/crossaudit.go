package corpus

// The audit across reports (issue 17): what no one report can show —
// a cumulative count that falls from one period to a later one of the
// same year, a year that disagrees with its fourth quarter, a unit's own
// report against the city's summary row for it, self-assessed against
// appraised scores per unit, and two different contents for one unit,
// period and kind of report.

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"math"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"chiso/doc"
	"chiso/report"
	"chiso/rubric"
	"chiso/vntext"
)

// CrossFinding is a finding of the audit across reports: the contract's
// finding (code, severity, path, label, message, reported, computed and
// location, all of the first report's row) with the unit and period it
// is about and the reports compared, so that an auditor can open both.
type CrossFinding struct {
	report.Finding
	Unit   string `json:"unit"`
	Period string `json:"period"`
	// Indicator is the rubric indicator the rows compared map to;
	// omitted when they were matched by their folded label.
	Indicator string `json:"indicator,omitempty"`
	// Reports are the report whose row the finding is about, then the
	// one it was compared with (absent for appraisal_gap, which is
	// about one table).
	Reports []Side `json:"reports"`
}

// Side is one report a cross-report finding names, and its row.
type Side struct {
	Unit     string          `json:"unit"`
	Period   string          `json:"period"`
	Source   string          `json:"source"`
	SHA256   string          `json:"sha256"`
	Path     []string        `json:"path"`
	Location report.Location `json:"location"`
}

// DeclaresCumulative reports whether a document says its figures are
// cumulative from the start of the year, as the seed report does: "Số
// liệu báo cáo là số liệu lũy kế tính từ đầu năm đến thời điểm báo cáo".
// A sentence about one count ("lũy kế tính đến tháng 09 là 1.056 đối
// tượng") does not say it of the report, and does not count.
func DeclaresCumulative(d *doc.Document) bool {
	if d == nil {
		return false
	}
	for _, b := range d.Blocks {
		if b.Kind == doc.TableKind {
			continue
		}
		f := vntext.Fold(b.Text)
		if strings.Contains(f, "luy ke") && strings.Contains(f, "tu dau nam") {
			return true
		}
	}
	return false
}

// auditReport is a stored report as the pass reads it.
type auditReport struct {
	reportRef
	cumulative, detail bool
	kind               string // "summary", "sheet" or "report"
	title              string // folded
	span               string // spanKey
	rows               []auditRow
	fingerprint        string
}

// auditRow is a stored indicator row.
type auditRow struct {
	seq                 int
	path, label, rubric string
	kind                string
	number, a, b        *float64
	self, appraised     *float64
	rowUnit, rowUnitKey string
	page, tbl, row      int
	ambiguous           bool
	cells               []auditCell
}

type auditCell struct {
	header, role, kind string
	number             *float64
}

// spanKey names the span a report covers: PeriodKey, with a 6- or
// 9-month report told from its year ("2023-M1-9").
func spanKey(r *reportRef) string {
	return SpanKey(r.Year, r.Quarter, r.Month, r.Months, r.Label)
}

// SpanKey is PeriodKey for a report that also says which months it
// covers: a span of months that is no quarter, month or year (6 or 9
// months from January) is named by them, "2023-M1-9", so that it is not
// taken for the year.
func SpanKey(year, quarter, month *int, months [2]int, label string) string {
	if year != nil && quarter == nil && month == nil && months[0] > 0 && months != [2]int{1, 12} {
		return fmt.Sprintf("%d-M%d-%d", *year, months[0], months[1])
	}
	return PeriodKey(year, quarter, month, label)
}

// loadAudit reads every report with its rows.
func (s *Store) loadAudit(ctx context.Context) ([]*auditReport, error) {
	refs, err := s.reports(ctx, "")
	if err != nil {
		return nil, err
	}
	flags := map[string][2]bool{}
	titles := map[string]string{}
	rows, err := s.db.QueryContext(ctx, `select sha256, cumulative, detail, title from reports`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var sha, title string
		var c, d int
		if err := rows.Scan(&sha, &c, &d, &title); err != nil {
			rows.Close()
			return nil, err
		}
		flags[sha] = [2]bool{c == 1, d == 1}
		titles[sha] = vntext.Fold(title)
	}
	if err := rows.Close(); err != nil {
		return nil, err
	}
	out := make([]*auditReport, 0, len(refs))
	for _, ref := range refs {
		r := &auditReport{reportRef: ref, cumulative: flags[ref.SHA256][0], detail: flags[ref.SHA256][1], title: titles[ref.SHA256]}
		r.span = spanKey(&r.reportRef)
		if err := s.loadRows(ctx, r); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

func (s *Store) loadRows(ctx context.Context, r *auditReport) error {
	amb := map[string]bool{}
	lo, hi := keyRange(r.ID)
	rows, err := s.db.QueryContext(ctx, `select path from findings where id between $1 and $2 and code = $3`,
		lo, hi, string(report.CodeAmbiguousNumber))
	if err != nil {
		return err
	}
	for rows.Next() {
		var p string
		if err := rows.Scan(&p); err != nil {
			rows.Close()
			return err
		}
		amb[p] = true
	}
	if err := rows.Close(); err != nil {
		return err
	}
	rows, err = s.db.QueryContext(ctx, `select seq, path, label, rubric_ind, kind, number, a, b, self_score, appraised,
		row_unit, row_unit_key, page, tbl, row_no from indicators where id between $1 and $2 order by id`, lo, hi)
	if err != nil {
		return err
	}
	bySeq := map[int]int{}
	h := sha256.New()
	for rows.Next() {
		var w auditRow
		var n, a, b, self, appr sql.NullFloat64
		if err := rows.Scan(&w.seq, &w.path, &w.label, &w.rubric, &w.kind, &n, &a, &b, &self, &appr,
			&w.rowUnit, &w.rowUnitKey, &w.page, &w.tbl, &w.row); err != nil {
			rows.Close()
			return err
		}
		w.number, w.a, w.b, w.self, w.appraised = floatPtr(n), floatPtr(a), floatPtr(b), floatPtr(self), floatPtr(appr)
		w.ambiguous = amb[w.path]
		bySeq[w.seq] = len(r.rows)
		r.rows = append(r.rows, w)
		// The content, as read: what two files of one report in two
		// formats share and two different reports do not.
		fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00%s\x00%s\n", w.path, vntext.Fold(w.label), w.kind, numStr(w.number), numStr(w.a), numStr(w.b))
	}
	if err := rows.Close(); err != nil {
		return err
	}
	r.fingerprint = hex.EncodeToString(h.Sum(nil))
	rows, err = s.db.QueryContext(ctx, `select seq, header, role, kind, number from cells where id between $1 and $2 order by id`, lo, hi)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var seq int
		var c auditCell
		var n sql.NullFloat64
		if err := rows.Scan(&seq, &c.header, &c.role, &c.kind, &n); err != nil {
			return err
		}
		c.number = floatPtr(n)
		if i, ok := bySeq[seq]; ok {
			r.rows[i].cells = append(r.rows[i].cells, c)
		}
	}
	r.kind = "report"
	for _, w := range r.rows {
		if w.rowUnit != "" {
			r.kind = "summary"
			break
		}
		if w.self != nil {
			r.kind = "sheet"
		}
	}
	return rows.Err()
}

// Legacy counts the reports stored by a chiso older than the audit
// across reports: their span, cumulative declaration and summary rows
// were not kept, and the audit leaves them out.
func (s *Store) Legacy(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `select count(*) from reports where detail = 0`).Scan(&n)
	return n, err
}

// CrossAudit runs the audit across the reports of the dataset and
// returns its findings, ordered by unit, period, code and row, with no
// message (the caller writes them in its language: msg.Fill).
//
// Reports of one unit, span and kind (shape and title) whose contents
// are the same (one report in several formats) are one report to the
// checks; the one used
// is the dataset's first (lowest sha256), which is also the one score
// --db and rank use. Reports stored before schema 2 (Legacy) are left
// out, and a report naming no unit is in no series and no duplicate
// (its summary rows and appraisals are checked).
//
// Which counts are cumulative is said by the rubric each report was
// scored with, where it says so (rubric.Indicator.Cumulative): the
// rubrics given, else the embedded one of that id. Where it does not,
// a report's counts are cumulative when the report declares them so.
func (s *Store) CrossAudit(ctx context.Context, rubrics ...*rubric.Rubric) ([]CrossFinding, error) {
	all, err := s.loadAudit(ctx)
	if err != nil {
		return nil, err
	}
	a := &auditor{rubrics: map[string]*rubric.Rubric{}}
	for _, rb := range rubrics {
		if rb != nil {
			a.rubrics[rb.ID] = rb
		}
	}
	// One report per unit, span and kind; duplicates with another content
	// are duplicate_report.
	// A kind is the shape of the report and its title: a quarterly
	// report and a task sheet of one unit and year are two documents,
	// not one sent twice.
	type gkey struct{ unit, span, kind, title string }
	used := map[gkey]*auditReport{}
	var reps []*auditReport
	for _, r := range all {
		if !r.detail {
			continue
		}
		if r.UnitKey == "" {
			// No unit, no series and no duplicate; its summary rows
			// and appraisals still name units.
			reps = append(reps, r)
			continue
		}
		k := gkey{r.UnitKey, r.span, r.kind, r.title}
		first, ok := used[k]
		if !ok {
			used[k] = r
			reps = append(reps, r)
			continue
		}
		if r.fingerprint != first.fingerprint && !a.seenDup(first.fingerprint, r.fingerprint) {
			a.add(report.CodeDuplicateReport, first, nil, r, nil, nil, nil, "", first.Label)
		}
	}
	a.cumulative(reps)
	a.summaries(reps)
	a.appraisals(reps)
	sort.SliceStable(a.out, func(i, j int) bool {
		x, y := &a.out[i], &a.out[j]
		if UnitKey(x.Unit) != UnitKey(y.Unit) {
			return UnitKey(x.Unit) < UnitKey(y.Unit)
		}
		if x.Period != y.Period {
			return x.Period < y.Period
		}
		if x.Code != y.Code {
			return x.Code < y.Code
		}
		return strings.Join(x.Path, "/") < strings.Join(y.Path, "/")
	})
	return a.out, nil
}

type auditor struct {
	out  []CrossFinding
	dups map[string]bool
	// rubrics by id, loaded once each; nil for an id not embedded.
	rubrics map[string]*rubric.Rubric
}

// cumulativeRow reports whether row w of report r counts from the start
// of the year: as its rubric indicator says, else as r declares.
func (a *auditor) cumulativeRow(r *auditReport, w *auditRow) bool {
	if w.rubric == "" || r.Rubric == "" {
		return r.cumulative
	}
	rb, ok := a.rubrics[r.Rubric]
	if !ok {
		rb, _ = rubric.Builtin(r.Rubric) // a rubric from a file not given again: none
		a.rubrics[r.Rubric] = rb
	}
	if rb != nil {
		if c, known := rb.Cumulative(w.rubric); known {
			return c
		}
	}
	return r.cumulative
}

// seenDup reports whether the pair of contents was reported already,
// and marks it: three files of two contents are one finding per pair.
func (a *auditor) seenDup(x, y string) bool {
	if a.dups == nil {
		a.dups = map[string]bool{}
	}
	k := x + y
	if a.dups[k] {
		return true
	}
	a.dups[k] = true
	return false
}

// side describes report r at row w (nil: the report as a whole).
func side(r *auditReport, w *auditRow) Side {
	sd := Side{Unit: r.Unit, Period: r.span, Source: r.Source, SHA256: r.SHA256, Path: []string{}}
	if w != nil {
		sd.Path = splitPath(w.path)
		sd.Location = report.Location{Page: w.page, Table: w.tbl, Row: w.row}
	}
	return sd
}

func splitPath(p string) []string {
	if p == "" {
		return []string{}
	}
	return strings.Split(p, "/")
}

// where is how a message names a report: its period and file name.
func where(r *auditReport) string {
	return r.span + ", " + filepath.Base(r.Source)
}

// add records a finding about row w of report r (the row it is about),
// compared with row ow of report o. Formula and Detail are what the
// code's message names besides the numbers (see internal/msg).
func (a *auditor) add(code report.Code, r *auditReport, w *auditRow, o *auditReport, ow *auditRow, reported, computed *float64, indicator, label string) {
	if strings.HasPrefix(indicator, "~") {
		indicator = "" // matched by label, which Label holds
	} else {
		indicator, _, _ = strings.Cut(indicator, " (")
	}
	f := CrossFinding{Unit: r.Unit, Period: r.span, Indicator: indicator}
	f.Code, f.Severity, f.Path, f.Label = code, code.Severity(), []string{}, label
	f.Reported, f.Computed = reported, computed
	f.Reports = []Side{side(r, w)}
	if w != nil {
		f.Path, f.Location = splitPath(w.path), report.Location{Page: w.page, Table: w.tbl, Row: w.row}
		if label == "" {
			f.Label = w.label
		}
		if w.rowUnit != "" {
			f.Unit = w.rowUnit
		}
	}
	f.Detail = where(r)
	if o != nil {
		f.Reports = append(f.Reports, side(o, ow))
		f.Formula = where(o)
	}
	a.out = append(a.out, f)
}

// indicatorKey is how rows of two reports are the same indicator: the
// rubric indicator they map to, else their folded label.
func indicatorKey(rubricInd, label string) string {
	if rubricInd != "" {
		return rubricInd
	}
	return "~" + vntext.Fold(label)
}

// seriesValue is one count of a report's own rows.
type seriesValue struct {
	v    *float64
	w    *auditRow
	part string // "a" or "b": a rate's part, "" for the row's value
}

// counts are the counts of r's own rows that a cumulative series
// compares: a number row (a count or amount), and the a and b of a rate;
// never a rate as a value, a status or text, and not a key that two
// rows of the report share (which one would be compared is a guess).
func counts(r *auditReport, cumulative func(*auditRow) bool) map[string]seriesValue {
	out := map[string]seriesValue{}
	twice := map[string]bool{}
	put := func(k string, v *float64, w *auditRow, part string) {
		if _, ok := out[k]; ok {
			twice[k] = true
		}
		out[k] = seriesValue{v, w, part}
	}
	for i := range r.rows {
		w := &r.rows[i]
		if w.rowUnit != "" || w.ambiguous || !cumulative(w) {
			continue
		}
		k := indicatorKey(w.rubric, w.label)
		switch report.Kind(w.kind) {
		case report.KindNumber:
			if w.number != nil {
				put(k, w.number, w, "")
			}
		case report.KindPercent, report.KindFraction:
			if w.a != nil {
				put(k+" (a)", w.a, w, "a")
			}
			if w.b != nil {
				put(k+" (b)", w.b, w, "b")
			}
		}
	}
	for k := range twice {
		delete(out, k)
	}
	return out
}

// cumulative checks each unit's reports of one year that declare their
// figures cumulative from the start of the year: ordered by the last
// month they cover, a count must not fall (cumulative_decrease), and two
// that end in the same month — the fourth quarter and the year — must
// agree (period_inconsistent). Reports that do not declare it are not
// compared: a count of staff or of systems may fall in any year, and
// only the declaration says a report's counts add up from January.
func (a *auditor) cumulative(reps []*auditReport) {
	type ykey struct {
		unit string
		year int
	}
	series := map[ykey][]*auditReport{}
	var keys []ykey
	for _, r := range reps {
		if r.UnitKey == "" || r.Year == nil || r.Months[1] == 0 || r.kind == "summary" {
			continue
		}
		k := ykey{r.UnitKey, *r.Year}
		if _, ok := series[k]; !ok {
			keys = append(keys, k)
		}
		series[k] = append(series[k], r)
	}
	for _, k := range keys {
		rs := series[k]
		if len(rs) < 2 {
			continue
		}
		// By last month; at a tie the year after the quarter.
		sort.SliceStable(rs, func(i, j int) bool {
			if rs[i].Months[1] != rs[j].Months[1] {
				return rs[i].Months[1] < rs[j].Months[1]
			}
			return rs[i].Quarter != nil && rs[j].Quarter == nil
		})
		cs := make([]map[string]seriesValue, len(rs))
		for i, r := range rs {
			cs[i] = counts(r, func(w *auditRow) bool { return a.cumulativeRow(r, w) })
		}
		for i := 1; i < len(rs); i++ {
			for _, key := range sortedKeys(cs[i]) {
				later := cs[i][key]
				// The nearest earlier report that has the indicator.
				for j := i - 1; j >= 0; j-- {
					earlier, ok := cs[j][key]
					if !ok {
						continue
					}
					same := rs[j].Months[1] == rs[i].Months[1]
					if same && !(rs[j].Quarter != nil && rs[i].Quarter == nil) {
						// Two documents of one span (two titles of the
						// quarter): not a year against its fourth
						// quarter; the one before them is compared.
						continue
					}
					n := len(a.out)
					switch {
					case same && !sameNumber(*later.v, *earlier.v):
						a.add(report.CodePeriodInconsistent, rs[i], later.w, rs[j], earlier.w, later.v, earlier.v, key, "")
					case !same && *later.v < *earlier.v-1e-9:
						a.add(report.CodeCumulativeDecrease, rs[i], later.w, rs[j], earlier.w, later.v, earlier.v, key, "")
					}
					if len(a.out) > n && later.part != "" {
						// A rate's a or b: the path goes down to its
						// letter row, as the report numbers it.
						f := &a.out[n]
						f.Path = append(f.Path, later.part)
						f.Reports[0].Path = append(f.Reports[0].Path, later.part)
						f.Reports[1].Path = append(f.Reports[1].Path, earlier.part)
					}
					break
				}
			}
		}
	}
}

func sortedKeys(m map[string]seriesValue) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// sameNumber reports whether two numbers as written are the same.
func sameNumber(x, y float64) bool { return math.Abs(x-y) <= 1e-9*math.Max(1, math.Abs(x)) }

// summaries compares each row of a summary table (one row per unit)
// with that unit's own report of the same span: the row's value by its
// rubric indicator, and each numeric column by its header, matched to
// the unit's row of that folded label (the whole header, or its last
// part: "Tiếp nhận / Tổng số hồ sơ" is "Tổng số hồ sơ").
func (a *auditor) summaries(reps []*auditReport) {
	type ukey struct{ unit, span string }
	own := map[ukey]*auditReport{}
	for _, r := range reps {
		k := ukey{r.UnitKey, r.span}
		if r.kind != "summary" && r.UnitKey != "" && own[k] == nil {
			own[k] = r
		}
	}
	for _, sum := range reps {
		if sum.kind != "summary" {
			continue
		}
		for i := range sum.rows {
			w := &sum.rows[i]
			if w.rowUnitKey == "" || w.rowUnitKey == sum.UnitKey {
				continue
			}
			o := own[ukey{w.rowUnitKey, sum.span}]
			if o == nil {
				continue
			}
			values := ownValues(o)
			compare := func(key string, v *float64) {
				ov, ok := values[key]
				if !ok || v == nil || sameNumber(*ov.v, *v) {
					return
				}
				a.add(report.CodeSourceDisagrees, o, ov.w, sum, w, ov.v, v, key, "")
			}
			if w.rubric != "" && w.number != nil && !w.ambiguous {
				compare(w.rubric, w.number)
			}
			for _, c := range w.cells {
				if c.number == nil || (c.kind != string(report.KindNumber) && c.kind != string(report.KindPercent)) ||
					c.role != string(report.RoleValue) {
					continue
				}
				full := "~" + vntext.Fold(c.header)
				last := c.header
				if i := strings.LastIndex(last, " / "); i >= 0 {
					last = last[i+3:]
				}
				if _, ok := values[full]; ok {
					compare(full, c.number)
				} else {
					compare("~"+vntext.Fold(last), c.number)
				}
			}
		}
	}
}

// ownValues are the numbers of a unit's own rows by rubric indicator and
// by folded label (both, so that a summary matches either), leaving out
// keys two rows share.
func ownValues(r *auditReport) map[string]seriesValue {
	out := map[string]seriesValue{}
	twice := map[string]bool{}
	for i := range r.rows {
		w := &r.rows[i]
		if w.rowUnit != "" || w.ambiguous || w.number == nil {
			continue
		}
		if k := report.Kind(w.kind); k != report.KindNumber && k != report.KindPercent {
			continue
		}
		keys := []string{"~" + vntext.Fold(w.label)}
		if w.rubric != "" {
			keys = append(keys, w.rubric)
		}
		for _, k := range keys {
			if _, ok := out[k]; ok {
				twice[k] = true
			}
			out[k] = seriesValue{w.number, w, ""}
		}
	}
	for k := range twice {
		delete(out, k)
	}
	return out
}

// appraisals sums, per unit and report, the rows that carry both a
// self-assessed and an appraised score — a unit's own sheet, or a
// ranking's row for the unit — and gives one appraisal_gap per unit
// where they differ: the totals, how many indicators differ, and by how
// much in all. (Each row's own gap is extract's appraisal_gap, stored
// with the report.)
func (a *auditor) appraisals(reps []*auditReport) {
	for _, r := range reps {
		type acc struct {
			unit       string
			self, appr float64
			differ     int
			first      *auditRow
		}
		var order []string
		byUnit := map[string]*acc{}
		for i := range r.rows {
			w := &r.rows[i]
			if w.self == nil || w.appraised == nil {
				continue
			}
			unit, key := r.Unit, r.UnitKey
			if w.rowUnit != "" {
				unit, key = w.rowUnit, w.rowUnitKey
			}
			u := byUnit[key]
			if u == nil {
				u = &acc{unit: unit}
				byUnit[key] = u
				order = append(order, key)
			}
			u.self += *w.self
			u.appr += *w.appraised
			if !sameNumber(*w.self, *w.appraised) {
				u.differ++
				if u.first == nil {
					u.first = w
				}
			}
		}
		for _, k := range order {
			u := byUnit[k]
			if u.differ == 0 {
				continue
			}
			self, appr := round6(u.self), round6(u.appr)
			diff := round6(u.self - u.appr)
			a.add(report.CodeAppraisalGap, r, u.first, nil, nil, &self, &appr, "", u.unit)
			f := &a.out[len(a.out)-1]
			// The message's count and difference (internal/msg).
			f.Formula, f.Detail = strconv.Itoa(u.differ), strconv.FormatFloat(diff, 'f', -1, 64)
		}
	}
}

func round6(x float64) float64 { return math.Round(x*1e6) / 1e6 }

// RefreshCrossFindings runs CrossAudit and stores its findings with the
// dataset, replacing the last pass's, in one transaction: export shows
// them and history marks their periods. Ingest runs it after each run.
func (s *Store) RefreshCrossFindings(ctx context.Context, rubrics ...*rubric.Rubric) (int, error) {
	fs, err := s.CrossAudit(ctx, rubrics...)
	if err != nil {
		return 0, err
	}
	rows := make([][]any, len(fs))
	for i, f := range fs {
		o := Side{Path: []string{}}
		if len(f.Reports) > 1 {
			o = f.Reports[1]
		}
		r := f.Reports[0]
		rows[i] = []any{i, string(f.Code), string(f.Severity), f.Unit, UnitKey(f.Unit), f.Period, f.Indicator,
			joinPath(f.Path), f.Label, f.Reported, f.Computed, f.Formula, f.Detail,
			r.SHA256, r.Location.Page, r.Location.Table, r.Location.Row,
			o.SHA256, o.Period, joinPath(o.Path), o.Location.Page, o.Location.Table, o.Location.Row}
	}
	unlock := s.lockWrites()
	defer unlock()
	start := time.Now()
	defer func() { s.addWriteTime(time.Since(start)) }()
	err = retryBusy(ctx, func() error {
		tx, err := s.begin(ctx)
		if err != nil {
			return err
		}
		defer tx.rollback()
		if _, err := tx.ExecContext(ctx, `delete from cross_findings`); err != nil {
			return err
		}
		if err := insertRows(ctx, tx, s.dialect, "cross_findings", crossCols, rows); err != nil {
			return err
		}
		return tx.Commit()
	})
	return len(fs), err
}

const crossCols = "seq, code, severity, unit, unit_key, period, indicator, path, label, reported, computed, formula, detail, " +
	"sha256, page, tbl, row_no, other_sha256, other_period, other_path, other_page, other_tbl, other_row"

// StoredCrossFindings returns the findings the last pass stored, in its
// order, with their sources (the reports' first paths) and no message.
func (s *Store) StoredCrossFindings(ctx context.Context) ([]CrossFinding, error) {
	src, err := s.firstPaths(ctx)
	if err != nil {
		return nil, err
	}
	units := map[string]string{}
	urows, err := s.db.QueryContext(ctx, `select sha256, unit from reports`)
	if err != nil {
		return nil, err
	}
	for urows.Next() {
		var sha, u string
		if err := urows.Scan(&sha, &u); err != nil {
			urows.Close()
			return nil, err
		}
		units[sha] = u
	}
	if err := urows.Close(); err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `select `+crossCols+` from cross_findings order by seq`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []CrossFinding
	for rows.Next() {
		var f CrossFinding
		var seq int
		var code, sev, unitKey, path, opath string
		var rep, comp sql.NullFloat64
		r, o := Side{}, Side{}
		if err := rows.Scan(&seq, &code, &sev, &f.Unit, &unitKey, &f.Period, &f.Indicator, &path, &f.Label, &rep, &comp,
			&f.Formula, &f.Detail, &r.SHA256, &r.Location.Page, &r.Location.Table, &r.Location.Row,
			&o.SHA256, &o.Period, &opath, &o.Location.Page, &o.Location.Table, &o.Location.Row); err != nil {
			return nil, err
		}
		f.Code, f.Severity, f.Path = report.Code(code), report.Severity(sev), splitPath(path)
		f.Reported, f.Computed, f.Location = floatPtr(rep), floatPtr(comp), r.Location
		r.Unit, r.Period, r.Source, r.Path = units[r.SHA256], f.Period, src[r.SHA256], f.Path
		f.Reports = []Side{r}
		if o.SHA256 != "" {
			o.Unit, o.Source, o.Path = units[o.SHA256], src[o.SHA256], splitPath(opath)
			f.Reports = append(f.Reports, o)
		}
		out = append(out, f)
	}
	return out, rows.Err()
}
