package corpus

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"chiso/doc"
	"chiso/internal/msg"
	"chiso/report"
	"chiso/rubric"
)

// Record is one report read and scored, ready to store.
type Record struct {
	Path   string // where the file was found
	Size   int64
	Source doc.Source // Source.SHA256 is the key
	Report *report.Report
	// Mapping and Card are the rubric's reading of Report; Findings are
	// every stage's findings (chiso.Result.Findings).
	Mapping  *rubric.Mapping
	Card     *rubric.Card
	Findings []report.Finding
	Lang     string // language of Basis ("vi" or "en")
	// Cumulative is true when the report declares its figures
	// cumulative from the start of the year (DeclaresCumulative): the
	// audit across reports then expects its counts never to fall.
	Cumulative bool
}

// Outcome says what storing a file did.
type Outcome string

// The outcomes of Put and Link, as the ingest lines print them.
const (
	New       Outcome = "new"
	Unchanged Outcome = "unchanged"
	Replaced  Outcome = "replaced"
	Failed    Outcome = "failed"
)

// errUnknown is Link's answer when the content is not in the dataset yet
// and must be parsed.
var errUnknown = errors.New("content not in the dataset")

// Lookup says what the dataset holds for a file: the sha256 stored at its
// path ("" when none) and whether a report with the given sha256 exists
// (under any path) with everything this chiso stores of it. Ingest uses
// it to skip parsing known content.
func (s *Store) Lookup(ctx context.Context, path, sha string) (atPath string, known bool, err error) {
	err = s.db.QueryRowContext(ctx, `select sha256 from paths where path = $1`, path).Scan(&atPath)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return "", false, err
	}
	var n int
	// A report stored before schema 2 (detail 0) or 3 (no content key)
	// is read again, so that it gains what the audit across reports and
	// the one-report-per-content reading need (see upgradeReport).
	if err := s.db.QueryRowContext(ctx, `select count(*) from reports where sha256 = $1 and detail = 1 and content <> ''`, sha).Scan(&n); err != nil {
		return "", false, err
	}
	return atPath, n > 0, nil
}

// Link records that the content sha, already in the dataset, is also at
// path, without parsing it again. It returns errUnknown when the content
// is not (or no longer) there.
func (s *Store) Link(ctx context.Context, path, sha string, size int64) (Outcome, error) {
	return s.write(ctx, path, sha, size, nil)
}

// Put stores a report in one transaction: all its rows or none. Content
// already stored (by this or another process) is not stored again; a path
// whose content changed points to the new report, and the old report goes
// when no path refers to it any more.
func (s *Store) Put(ctx context.Context, rec *Record) (Outcome, error) {
	return s.write(ctx, rec.Path, rec.Source.SHA256, rec.Size, rec)
}

func (s *Store) write(ctx context.Context, path, sha string, size int64, rec *Record) (Outcome, error) {
	var out Outcome
	// The rows are made before the write lock is taken, so that it is
	// held for the statements only.
	var rows *reportRows
	if rec != nil {
		rows = makeRows(rec)
	}
	unlock := s.lockWrites()
	defer unlock()
	start := time.Now()
	err := retryBusy(ctx, func() error {
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		defer tx.Rollback()
		stx := &stmtTx{Tx: tx}
		if out, err = s.writeIn(ctx, stx, path, sha, size, rec, rows); err != nil {
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
		if stx.upgraded {
			s.upgrades.Add(1)
		}
		return nil
	})
	s.addWriteTime(time.Since(start))
	if err != nil {
		if errors.Is(err, errUnknown) {
			return "", err
		}
		return "", fmt.Errorf("store %s: %w", path, err)
	}
	return out, nil
}

// writeIn is write's statements, in the caller's transaction tx, which
// the caller commits: one file's or, in a batch (see putBatch), many
// files'. rec nil is Link; rows are rec's.
func (s *Store) writeIn(ctx context.Context, tx *stmtTx, path, sha string, size int64, rec *Record, rows *reportRows) (Outcome, error) {
	var old string
	err := tx.QueryRowContext(ctx, `select sha256 from paths where path = $1`, path).Scan(&old)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return "", err
	}
	inserted := false
	if rec == nil {
		var n int
		if err := tx.QueryRowContext(ctx, `select count(*) from reports where sha256 = $1`, sha).Scan(&n); err != nil {
			return "", err
		}
		if n == 0 {
			return "", errUnknown
		}
	} else if inserted, err = insertReport(ctx, tx, s.dialect, rec, rows); err != nil {
		return "", err
	}
	if old == sha {
		// The failure of an earlier version of the file is stale.
		if _, err := tx.ExecContext(ctx, `delete from failures where path = $1`, path); err != nil {
			return "", err
		}
		return Unchanged, nil
	}
	if _, err := tx.ExecContext(ctx, `insert into paths (path, sha256, size, seen_at) values ($1, $2, $3, $4)
		on conflict (path) do update set sha256 = excluded.sha256, size = excluded.size, seen_at = excluded.seen_at`,
		path, sha, size, now()); err != nil {
		return "", err
	}
	if _, err := tx.ExecContext(ctx, `delete from failures where path = $1`, path); err != nil {
		return "", err
	}
	switch {
	case old != "":
		if err := dropOrphan(ctx, tx.Tx, old); err != nil {
			return "", err
		}
		return Replaced, nil
	case inserted:
		return New, nil
	}
	return Unchanged, nil // same bytes as a report found at another path
}

// dropOrphan deletes the report sha and its rows when no path refers to
// it any more.
func dropOrphan(ctx context.Context, tx *sql.Tx, sha string) error {
	var n int
	if err := tx.QueryRowContext(ctx, `select count(*) from paths where sha256 = $1`, sha).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	for _, t := range []string{"indicators", "cells", "findings", "points", "reports"} {
		if _, err := tx.ExecContext(ctx, `delete from `+t+` where sha256 = $1`, sha); err != nil {
			return err
		}
	}
	return nil
}

// reportRows are the rows of one report for the tables indicators,
// cells, findings and points, in their columns' order. Their values are
// of the types the drivers take as they are (string, int64, float64, and
// nil for NULL), made so by makeRows in the workers: database/sql
// converts an int, a *float64 or a named string type by reflection, and
// did so in the one writer, for every value of every row.
type reportRows struct {
	indicators, cells, findings, points [][]any
	content                             string // the report's contentKey
}

// makeRows turns a record into rows, outside any transaction.
func makeRows(rec *Record) *reportRows {
	rep, card := rec.Report, rec.Card
	sha := rec.Source.SHA256
	r := &reportRows{
		indicators: make([][]any, 0, len(rep.Indicators)),
		findings:   make([][]any, 0, len(rec.Findings)),
		points:     make([][]any, 0, len(card.Scores)),
		content:    contentKey(rec),
	}
	for i, ind := range rep.Indicators {
		comp := func(k string) any {
			if v, ok := ind.Components[k]; ok {
				return v
			}
			return nil
		}
		var rid, rind string
		var conf float64
		if ref := rec.Mapping.Refs[i]; ref != nil {
			rid, rind, conf = ref.ID, ref.Indicator, ref.Confidence
		}
		self, appraised := cellOf(ind.Columns, report.RoleSelf), cellOf(ind.Columns, report.RoleAppraised)
		if self == nil {
			self = ind.SelfPoints
		}
		r.indicators = append(r.indicators, []any{sha, int64(i), joinPath(ind.Path), ind.STT, ind.Label, string(ind.Value.Kind),
			num(ind.Value.Number), ind.Raw, comp("a"), comp("b"), comp("c"), comp("d"), comp("e"), comp("f"), ind.Formula,
			rid, rind, conf, int64(ind.Location.Page), int64(ind.Location.Table), int64(ind.Location.Row), ind.Unit,
			UnitKey(ind.Unit), num(self), num(appraised)})
		if ind.Unit != "" {
			// A summary row's columns are the indicators it reports for
			// its unit: kept with their headers for source_disagrees.
			for c, cell := range ind.Columns {
				n := cell.Value.Number
				if cell.Value.Ambiguous {
					n = nil
				}
				r.cells = append(r.cells, []any{sha, int64(i), int64(c), cell.Header, string(cell.Role), string(cell.Value.Kind),
					num(n), cell.Raw})
			}
		}
	}
	for i, f := range rec.Findings {
		r.findings = append(r.findings, []any{sha, int64(i), string(f.Code), string(f.Severity), joinPath(f.Path), f.Label,
			f.Message, num(f.Reported), num(f.Computed), int64(f.Location.Page), int64(f.Location.Table),
			int64(f.Location.Row)})
	}
	for _, sc := range card.Scores {
		basis := msg.Basis(sc.Basis, rec.Lang)
		var rowPath string
		if sc.Row != nil {
			rowPath = joinPath(sc.Row.Path)
		}
		r.points = append(r.points, []any{sha, card.Rubric.ID, sc.ID, sc.Max, num(sc.Points), num(sc.SelfPoints), basis,
			string(sc.Need), num(sc.Measure), rowPath})
	}
	return r
}

// insertReport inserts the report's rows unless a report with its sha256
// is there already ("on conflict do nothing": a concurrent ingester of
// the same bytes waits for the first one's commit and then inserts
// nothing). It reports whether it inserted.
func insertReport(ctx context.Context, tx *stmtTx, d Dialect, rec *Record, rows *reportRows) (bool, error) {
	rep, card := rec.Report, rec.Card
	p := rep.Period
	var first, last *int
	if p.Months != nil {
		first, last = &p.Months[0], &p.Months[1]
	}
	cumulative := 0
	if rec.Cumulative {
		cumulative = 1
	}
	res, err := tx.ExecContext(ctx, `insert into reports (sha256, format, pages, title, unit, unit_key, period_label,
		year, quarter, month, rubric_id, total, ingested_at, months_first, months_last, cumulative, detail, content)
		values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, 1, $17) on conflict (sha256) do nothing`,
		rec.Source.SHA256, string(rec.Source.Format), rec.Source.Pages, rep.Title, rep.Unit, UnitKey(rep.Unit),
		p.Label, p.Year, p.Quarter, p.Month, card.Rubric.ID, card.Total, now(), first, last, cumulative, rows.content)
	if err != nil {
		return false, err
	}
	if n, err := res.RowsAffected(); err != nil {
		return false, err
	} else if n == 0 {
		return upgradeReport(ctx, tx, d, rec, rows)
	}
	return true, insertChildren(ctx, tx, d, rows)
}

// upgradeReport fills in a report stored before schema 2 (detail 0) or
// 3 (content ”) from rec, its content read again: the columns 002 and
// 003 added, and its rows afresh (cells were not stored before 002). The update comes first and
// only one writer's matches, so two ingesters upgrading the same report
// do it once; the report's own columns are this chiso's reading too, so
// that they agree with its rows. It reports whether it upgraded.
func upgradeReport(ctx context.Context, tx *stmtTx, d Dialect, rec *Record, rows *reportRows) (bool, error) {
	p := rec.Report.Period
	var first, last *int
	if p.Months != nil {
		first, last = &p.Months[0], &p.Months[1]
	}
	cumulative := 0
	if rec.Cumulative {
		cumulative = 1
	}
	rep, card := rec.Report, rec.Card
	res, err := tx.ExecContext(ctx, `update reports set months_first = $2, months_last = $3, cumulative = $4, detail = 1,
		format = $5, pages = $6, title = $7, unit = $8, unit_key = $9, period_label = $10, year = $11, quarter = $12,
		month = $13, rubric_id = $14, total = $15, content = $16
		where sha256 = $1 and (detail = 0 or content = '')`, rec.Source.SHA256, first, last, cumulative,
		string(rec.Source.Format), rec.Source.Pages, rep.Title, rep.Unit, UnitKey(rep.Unit), p.Label, p.Year, p.Quarter,
		p.Month, card.Rubric.ID, card.Total, rows.content)
	if err != nil {
		return false, err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return false, err
	}
	for _, t := range []string{"indicators", "cells", "findings", "points"} {
		if _, err := tx.ExecContext(ctx, `delete from `+t+` where sha256 = $1`, rec.Source.SHA256); err != nil {
			return false, err
		}
	}
	tx.upgraded = true
	return true, insertChildren(ctx, tx, d, rows)
}

// insertChildren inserts a report's indicators, cells, findings and
// points.
func insertChildren(ctx context.Context, tx *stmtTx, d Dialect, rows *reportRows) error {
	if err := insertRows(ctx, tx, d, "indicators", "sha256, seq, path, stt, label, kind, number, raw, "+
		"a, b, c, d, e, f, formula, rubric_id, rubric_ind, confidence, page, tbl, row_no, "+
		"row_unit, row_unit_key, self_score, appraised", rows.indicators); err != nil {
		return err
	}
	if err := insertRows(ctx, tx, d, "cells", "sha256, seq, col, header, role, kind, number, raw", rows.cells); err != nil {
		return err
	}
	if err := insertRows(ctx, tx, d, "findings", "sha256, seq, code, severity, path, label, message, "+
		"reported, computed, page, tbl, row_no", rows.findings); err != nil {
		return err
	}
	if err := insertRows(ctx, tx, d, "points", "sha256, rubric_id, indicator, max, points, self_points, "+
		"basis, need, measure, row_path", rows.points); err != nil {
		return err
	}
	return nil
}

// maxParams bounds the parameters of one statement, under the limits of
// both databases (SQLite 32766, PostgreSQL 65535).
const maxParams = 8000

// insertRows inserts rows into table. On PostgreSQL it sends multi-row
// statements, one round trip per few hundred rows (measured: half the
// write time of one statement per row, on loopback). On SQLite, where
// there is no round trip and modernc binds long statements slowly
// (measured: 4× the write time), one prepared statement runs per row.
func insertRows(ctx context.Context, tx *stmtTx, d Dialect, table, cols string, rows [][]any) error {
	if len(rows) == 0 {
		return nil
	}
	width := len(rows[0])
	values := func(n int) string {
		var q strings.Builder
		q.WriteString("insert into " + table + " (" + cols + ") values ")
		for i := range n {
			if i > 0 {
				q.WriteString(", ")
			}
			q.WriteByte('(')
			for j := range width {
				if j > 0 {
					q.WriteString(", ")
				}
				q.WriteString("$" + strconv.Itoa(i*width+j+1))
			}
			q.WriteByte(')')
		}
		return q.String()
	}
	if d == SQLite {
		// Anonymous "?" parameters: modernc looks up the name of every
		// "$n" parameter at each bind, a tenth of the writer's time.
		q := "insert into " + table + " (" + cols + ") values (?" + strings.Repeat(", ?", width-1) + ")"
		st, err := tx.prepare(ctx, q)
		if err != nil {
			return err
		}
		for i, r := range rows {
			if _, err := st.ExecContext(ctx, r...); err != nil {
				return fmt.Errorf("%s row %d: %w", table, i, err)
			}
		}
		return nil
	}
	per := max(1, maxParams/width)
	for start := 0; start < len(rows); start += per {
		chunk := rows[start:min(start+per, len(rows))]
		args := make([]any, 0, len(chunk)*width)
		for _, r := range chunk {
			args = append(args, r...)
		}
		if _, err := tx.ExecContext(ctx, values(len(chunk)), args...); err != nil {
			return fmt.Errorf("%s rows %d–%d: %w", table, start, start+len(chunk)-1, err)
		}
	}
	return nil
}

// stmtTx is a write transaction that prepares each statement once: a
// batch of reports (putBatch) runs the same few inserts thousands of
// times, and preparing them per report cost a third of the writer's time
// (BenchmarkWrite). The statements close with the transaction.
type stmtTx struct {
	*sql.Tx
	stmts map[string]*sql.Stmt
	// upgraded is set when the transaction upgraded a report stored
	// before schema 2 (upgradeReport), for Store.upgrades.
	upgraded bool
}

func (tx *stmtTx) prepare(ctx context.Context, q string) (*sql.Stmt, error) {
	if st, ok := tx.stmts[q]; ok {
		return st, nil
	}
	st, err := tx.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	if tx.stmts == nil {
		tx.stmts = map[string]*sql.Stmt{}
	}
	tx.stmts[q] = st
	return st, nil
}

// Fail records that the file at path could not be read, replacing an
// earlier failure of the same path. A report stored earlier for the path
// is kept: the dataset does not lose a good version to a bad one.
func (s *Store) Fail(ctx context.Context, path, sha, reason string) error {
	unlock := s.lockWrites()
	defer unlock()
	start := time.Now()
	defer func() { s.addWriteTime(time.Since(start)) }()
	return retryBusy(ctx, func() error { return failIn(ctx, s.db, path, sha, reason) })
}

// failIn is Fail's statement, run by db or in a transaction.
func failIn(ctx context.Context, db interface {
	ExecContext(context.Context, string, ...any) (sql.Result, error)
}, path, sha, reason string) error {
	_, err := db.ExecContext(ctx, `insert into failures (path, sha256, reason, failed_at) values ($1, $2, $3, $4)
		on conflict (path) do update set sha256 = excluded.sha256, reason = excluded.reason, failed_at = excluded.failed_at`,
		path, sha, reason, now())
	return err
}

// num is p as a row holds it: its number, or nil for NULL.
func num(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

// cellOf is the number of the first cell of role in cells, nil when
// there is none or it is not a plain number.
func cellOf(cells []report.Cell, role report.Role) *float64 {
	for _, c := range cells {
		if c.Role == role && c.Value.Kind == report.KindNumber && c.Value.Number != nil && !c.Value.Ambiguous {
			return c.Value.Number
		}
	}
	return nil
}

// joinPath is how an STT path is stored: its tokens joined by "/", as
// the CLI prints it.
func joinPath(p []string) string { return strings.Join(p, "/") }
