package corpus

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
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
		stx, err := s.begin(ctx)
		if err != nil {
			return err
		}
		defer stx.rollback()
		ctx := s.inTx(ctx)
		if out, err = s.writeIn(ctx, stx, path, sha, size, rec, rows); err != nil {
			return err
		}
		if err := stx.commit(ctx); err != nil {
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

// The statements writeIn runs for every file, prepared once per
// connection on SQLite (Store.prepareWrites).
const (
	qPathSHA       = `select sha256 from paths where path = $1`
	qDeleteFailure = `delete from failures where path = $1`
	qUpsertPath    = `insert into paths (path, sha256, size, seen_at) values ($1, $2, $3, $4)
		on conflict (path) do update set sha256 = excluded.sha256, size = excluded.size, seen_at = excluded.seen_at`
	qInsertReport = `insert into reports (sha256, format, pages, title, unit, unit_key, period_label,
		year, quarter, month, rubric_id, total, ingested_at, months_first, months_last, cumulative, detail, content, id)
		values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, 1, $17, `
	qReportReturning = `) on conflict (sha256) do nothing returning id`
)

// The report inserts of the two dialects, which take a new report's id
// differently: PostgreSQL from the sequence, SQLite, whose writers take
// turns, as one more than the largest (found in the index reports_id).
var (
	qInsertReportSQLite   = qInsertReport + `(select coalesce(max(id), 0) + 1 from reports)` + qReportReturning
	qInsertReportPostgres = qInsertReport + `nextval('reports_id_seq')` + qReportReturning
)

func insertReportSQL(d Dialect) string {
	if d == SQLite {
		return qInsertReportSQLite
	}
	return qInsertReportPostgres
}

// writeIn is write's statements, in the caller's transaction tx, which
// the caller commits: one file's or, in a batch (see putBatch), many
// files'. rec nil is Link; rows are rec's.
func (s *Store) writeIn(ctx context.Context, tx *stmtTx, path, sha string, size int64, rec *Record, rows *reportRows) (Outcome, error) {
	var old string
	err := tx.queryRow(ctx, qPathSHA, path).Scan(&old)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return "", err
	}
	inserted := false
	if rec == nil {
		var n int
		if err := tx.queryRow(ctx, `select count(*) from reports where sha256 = $1`, sha).Scan(&n); err != nil {
			return "", err
		}
		if n == 0 {
			return "", errUnknown
		}
	} else if inserted, err = insertReport(ctx, tx, rec, rows); err != nil {
		return "", err
	}
	if old == sha {
		// The failure of an earlier version of the file is stale.
		if _, err := tx.exec(ctx, qDeleteFailure, path); err != nil {
			return "", err
		}
		return Unchanged, nil
	}
	if _, err := tx.exec(ctx, qUpsertPath, path, sha, size, now()); err != nil {
		return "", err
	}
	if _, err := tx.exec(ctx, qDeleteFailure, path); err != nil {
		return "", err
	}
	switch {
	case old != "":
		if err := dropOrphan(ctx, tx, old); err != nil {
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
func dropOrphan(ctx context.Context, tx *stmtTx, sha string) error {
	var n int
	if err := tx.queryRow(ctx, `select count(*) from paths where sha256 = $1`, sha).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	// The rows queued may be the report's own: inserted first, so that
	// they go with it.
	if err := tx.flush(ctx); err != nil {
		return err
	}
	var id int64
	if err := tx.queryRow(ctx, `select id from reports where sha256 = $1`, sha).Scan(&id); err != nil {
		return err
	}
	if err := deleteChildren(ctx, tx, id); err != nil {
		return err
	}
	_, err := tx.exec(ctx, `delete from reports where id = $1`, id)
	return err
}

// deleteChildren deletes the rows of the report id from the tables of
// children.
func deleteChildren(ctx context.Context, tx *stmtTx, id int64) error {
	lo, hi := keyRange(id)
	for _, c := range children {
		if _, err := tx.exec(ctx, `delete from `+c.table+` where id between $1 and $2`, lo, hi); err != nil {
			return err
		}
	}
	return nil
}

// keyBits is how many low bits of a row's id number the row in its
// report (migration 006): the rows of report r are the ids of
// keyRange(r).
const keyBits = 24

// maxRows is how many rows of one table a report may have.
const maxRows = 1<<keyBits - 1

// keyRange is the first and last id of the rows of report id.
func keyRange(id int64) (lo, hi int64) { return id << keyBits, id<<keyBits | maxRows }

// reportRows are the rows of one report for the tables indicators,
// cells, findings and points, in their columns' order, the first two
// (id and report) left nil until the report has its id (setKeys). Their
// values are of the types the drivers take as they are (string, int64,
// float64 and nil for NULL), made so by makeRows in the workers:
// database/sql converts an int, a *float64 or a named string type by
// reflection, and did so in the one writer, for every value of every
// row.
type reportRows struct {
	indicators, cells, findings, points [][]any
	content                             string // the report's contentKey
}

// makeRows turns a record into rows, outside any transaction.
func makeRows(rec *Record) *reportRows {
	rep, card := rec.Report, rec.Card
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
		r.indicators = append(r.indicators, []any{nil, nil, int64(i), joinPath(ind.Path), ind.STT, ind.Label, string(ind.Value.Kind),
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
				r.cells = append(r.cells, []any{nil, nil, int64(i), int64(c), cell.Header, string(cell.Role), string(cell.Value.Kind),
					num(n), cell.Raw})
			}
		}
	}
	for i, f := range rec.Findings {
		r.findings = append(r.findings, []any{nil, nil, int64(i), string(f.Code), string(f.Severity), joinPath(f.Path), f.Label,
			f.Message, num(f.Reported), num(f.Computed), int64(f.Location.Page), int64(f.Location.Table),
			int64(f.Location.Row)})
	}
	for i, sc := range card.Scores {
		basis := msg.Basis(sc.Basis, rec.Lang)
		var rowPath string
		if sc.Row != nil {
			rowPath = joinPath(sc.Row.Path)
		}
		r.points = append(r.points, []any{nil, nil, int64(i), card.Rubric.ID, sc.ID, sc.Max, num(sc.Points), num(sc.SelfPoints), basis,
			string(sc.Need), num(sc.Measure), rowPath})
	}
	return r
}

// errTooManyRows is the error of a report with more than maxRows rows in
// a table.
var errTooManyRows = errors.New("too many rows in one report")

// setKeys sets the id and report of every row of r, the report id's.
func (r *reportRows) setKeys(id int64) error {
	for t, rows := range r.tables() {
		if len(rows) > maxRows {
			return fmt.Errorf("%s: %d rows: %w", children[t].table, len(rows), errTooManyRows)
		}
		for n, row := range rows {
			row[0], row[1] = id<<keyBits|int64(n), id
		}
	}
	return nil
}

// tables are r's rows in the order of children.
func (r *reportRows) tables() [len(children)][][]any {
	return [...][][]any{r.indicators, r.cells, r.findings, r.points}
}

// insertReport inserts the report's rows unless a report with its sha256
// is there already ("on conflict do nothing": a concurrent ingester of
// the same bytes waits for the first one's commit and then inserts
// nothing). It reports whether it inserted.
func insertReport(ctx context.Context, tx *stmtTx, rec *Record, rows *reportRows) (bool, error) {
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
	var id int64
	err := tx.queryRow(ctx, insertReportSQL(tx.dialect),
		rec.Source.SHA256, string(rec.Source.Format), rec.Source.Pages, rep.Title, rep.Unit, UnitKey(rep.Unit),
		p.Label, p.Year, p.Quarter, p.Month, card.Rubric.ID, card.Total, now(), first, last, cumulative, rows.content).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return upgradeReport(ctx, tx, rec, rows)
	}
	if err != nil {
		return false, err
	}
	if err := rows.setKeys(id); err != nil {
		return false, err
	}
	tx.addChildren(rows)
	return true, nil
}

// upgradeReport fills in a report stored before schema 2 (detail 0) or
// 3 (content ”) from rec, its content read again: the columns 002 and
// 003 added, and its rows afresh (cells were not stored before 002). The update comes first and
// only one writer's matches, so two ingesters upgrading the same report
// do it once; the report's own columns are this chiso's reading too, so
// that they agree with its rows. It reports whether it upgraded.
func upgradeReport(ctx context.Context, tx *stmtTx, rec *Record, rows *reportRows) (bool, error) {
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
	var id int64
	err := tx.queryRow(ctx, `update reports set months_first = $2, months_last = $3, cumulative = $4, detail = 1,
		format = $5, pages = $6, title = $7, unit = $8, unit_key = $9, period_label = $10, year = $11, quarter = $12,
		month = $13, rubric_id = $14, total = $15, content = $16
		where sha256 = $1 and (detail = 0 or content = '') returning id`, rec.Source.SHA256, first, last, cumulative,
		string(rec.Source.Format), rec.Source.Pages, rep.Title, rep.Unit, UnitKey(rep.Unit), p.Label, p.Year, p.Quarter,
		p.Month, card.Rubric.ID, card.Total, rows.content).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if err := rows.setKeys(id); err != nil {
		return false, err
	}
	if err := tx.flush(ctx); err != nil {
		return false, err
	}
	if err := deleteChildren(ctx, tx, id); err != nil {
		return false, err
	}
	tx.upgraded = true
	tx.addChildren(rows)
	return true, nil
}

// prepareWrites prepares, on SQLite, the statements every batch runs
// (writeIn's and the inserts of insertRows up to sqliteRows rows), for
// the transactions to share: prepared per transaction, they cost a sixth
// of the writer's CPU time with batches of ~1,000 rows (BenchmarkWrite),
// the multi-row inserts being long. They are prepared here, before any
// transaction, on the connection the pool has idle: prepared on demand
// inside one, they would need another connection, which would stay open
// (and an SQLite file with two connections open cannot leave WAL mode).
// Another connection prepares them on its first use (Tx.StmtContext).
func (s *Store) prepareWrites(ctx context.Context) error {
	if s.dialect != SQLite {
		return nil
	}
	qs := []string{qPathSHA, qDeleteFailure, qUpsertPath, insertReportSQL(SQLite)}
	for _, c := range children {
		width := strings.Count(c.cols, ",") + 1
		for n := 1; n <= sqliteRows; n *= 2 {
			qs = append(qs, insertSQL(SQLite, c.table, c.cols, width, n))
		}
	}
	s.stmts = make(map[string]*sql.Stmt, len(qs))
	for _, q := range qs {
		st, err := s.db.PrepareContext(ctx, q)
		if err != nil {
			return fmt.Errorf("prepare %.40s…: %w", q, err)
		}
		s.stmts[q] = st
	}
	return nil
}

// children are the tables of a report's rows, with their columns in the
// order of reportRows.
var children = [...]struct{ table, cols string }{
	{"indicators", "id, report, seq, path, stt, label, kind, number, raw, " +
		"a, b, c, d, e, f, formula, rubric_id, rubric_ind, confidence, page, tbl, row_no, " +
		"row_unit, row_unit_key, self_score, appraised"},
	{"cells", "id, report, seq, col, header, role, kind, number, raw"},
	{"findings", "id, report, seq, code, severity, path, label, message, " +
		"reported, computed, page, tbl, row_no"},
	{"points", "id, report, seq, rubric_id, indicator, max, points, self_points, " +
		"basis, need, measure, row_path"},
}

// isChild reports whether table is one of children.
func isChild(table string) bool {
	for _, c := range children {
		if c.table == table {
			return true
		}
	}
	return false
}

// addChildren queues a report's indicators, cells, findings and points
// in tx, to be inserted with the other reports' of the transaction
// (flush): a batch then inserts each table's rows many per statement,
// whatever the size of its reports.
func (tx *stmtTx) addChildren(rows *reportRows) {
	for t, rs := range rows.tables() {
		tx.kids[t] = append(tx.kids[t], rs...)
	}
}

// flush inserts the rows addChildren queued. It runs before the
// transaction deletes rows of these tables (their report's may be among
// those queued) and before it commits (commit).
func (tx *stmtTx) flush(ctx context.Context) error {
	for t, c := range children {
		if err := insertRows(ctx, tx, tx.dialect, c.table, c.cols, tx.kids[t]); err != nil {
			return err
		}
		clear(tx.kids[t]) // let the rows go with their batch
		tx.kids[t] = tx.kids[t][:0]
	}
	return nil
}

// commit inserts the rows still queued and commits.
func (tx *stmtTx) commit(ctx context.Context) error {
	if err := tx.flush(ctx); err != nil {
		return err
	}
	return tx.Commit()
}

// Rows per insert statement. Every execution of a statement costs the
// same again whatever its rows (database/sql's and the driver's round,
// and with a context that can be cancelled, a goroutine the driver starts
// to watch it), so rows are inserted many per statement; the number is a
// power of two so that the rows left over take few statements of few
// sizes (prepared once on SQLite, see prepareWrites; pgx caches each
// statement text). On SQLite 64 rows was the fastest of 1, 16, 64 and
// 256 (BenchmarkWrite); long statements no longer bind slowly since
// modernc finds the argument of a parameter by its ordinal instead of
// scanning them all. Both bounds stay under the parameter limits of the
// databases (SQLite 32766, PostgreSQL 65535).
const (
	sqliteRows = 64
	maxParams  = 8000
)

// chunkRows is how many of left rows of width values the next insert
// statement takes: the most allowed, or when fewer are left, the largest
// power of two not above them.
func chunkRows(d Dialect, width, left int) int {
	most := sqliteRows
	if d != SQLite {
		most = 1
		for most*2*width <= maxParams {
			most *= 2
		}
	}
	most = max(1, min(most, maxParams/width))
	if left >= most {
		return most
	}
	n := 1
	for n*2 <= left {
		n *= 2
	}
	return n
}

// insertSQL is the statement inserting n rows of width values into
// table: its text made once per process.
func insertSQL(d Dialect, table, cols string, width, n int) string {
	k := insertKey{d, table, width, n}
	if q, ok := insertTexts.Load(k); ok {
		return q.(string)
	}
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
			if d == SQLite {
				// Anonymous parameters: modernc looks up the name
				// of every "$n" parameter at each bind.
				q.WriteByte('?')
			} else {
				q.WriteString("$" + strconv.Itoa(i*width+j+1))
			}
		}
		q.WriteByte(')')
	}
	insertTexts.Store(k, q.String())
	return q.String()
}

type insertKey struct {
	d            Dialect
	table        string
	width, count int
}

// insertTexts caches insertSQL's statements.
var insertTexts sync.Map

// insertRows inserts rows into table: with COPY in a transaction of
// Store.begin on PostgreSQL (copyRows), else many per statement
// (chunkRows). On SQLite each statement is prepared once per connection
// or transaction (stmtTx); on PostgreSQL pgx prepares and caches it per
// connection, and a statement of many rows is one round trip instead of
// many (measured: half the write time of one statement per row, on
// loopback).
func insertRows(ctx context.Context, tx *stmtTx, d Dialect, table, cols string, rows [][]any) error {
	if len(rows) == 0 {
		return nil
	}
	if tx.conn != nil {
		return copyRows(ctx, tx.conn, table, cols, rows)
	}
	width := len(rows[0])
	args := make([]any, 0, chunkRows(d, width, len(rows))*width)
	for start := 0; start < len(rows); {
		n := chunkRows(d, width, len(rows)-start)
		args = args[:0]
		for _, r := range rows[start : start+n] {
			args = append(args, r...)
		}
		q := insertSQL(d, table, cols, width, n)
		var err error
		if d == SQLite {
			var st *sql.Stmt
			if st, err = tx.prepare(ctx, q); err == nil {
				_, err = st.ExecContext(ctx, args...)
			}
		} else {
			_, err = tx.ExecContext(ctx, q, args...)
		}
		if err != nil {
			return fmt.Errorf("%s rows %d–%d: %w", table, start, start+n-1, err)
		}
		start += n
	}
	return nil
}

// stmtTx is a write transaction that prepares each statement once: a
// batch of reports (putBatch) runs the same few inserts thousands of
// times, and preparing them per report cost a third of the writer's time
// (BenchmarkWrite). The statements close with the transaction, but those
// of shared (Store.prepareWrites) are prepared only once per connection.
// It holds the rows of the reports it inserted until flush.
type stmtTx struct {
	*sql.Tx
	// conn is the transaction's connection on PostgreSQL, for COPY
	// (copyRows); nil on SQLite.
	conn    *sql.Conn
	dialect Dialect
	shared  map[string]*sql.Stmt
	stmts   map[string]*sql.Stmt
	// kids are the rows of children queued by addChildren, by table.
	kids [len(children)][][]any
	// upgraded is set when the transaction upgraded a report stored
	// before schema 2 (upgradeReport), for Store.upgrades.
	upgraded bool
}

// begin starts a write transaction: on PostgreSQL on a connection of its
// own, which copyRows reaches under database/sql.
func (s *Store) begin(ctx context.Context) (*stmtTx, error) {
	stx := &stmtTx{dialect: s.dialect, shared: s.stmts}
	var err error
	if s.dialect == SQLite {
		stx.Tx, err = s.db.BeginTx(ctx, nil)
		return stx, err
	}
	if stx.conn, err = s.db.Conn(ctx); err != nil {
		return nil, err
	}
	if stx.Tx, err = stx.conn.BeginTx(ctx, nil); err != nil {
		stx.conn.Close()
		return nil, err
	}
	return stx, nil
}

// inTx is the context for the statements of a write transaction begun
// with ctx. On SQLite it cannot be cancelled: the transaction holds the
// write lock from its BEGIN IMMEDIATE, so no statement in it waits for
// another writer, and a statement given a context that can be cancelled
// costs modernc a goroutine to watch it (a twentieth of the writer's
// time, BenchmarkWrite). An interrupted ingest stops at the end of the
// transaction instead, a few milliseconds later. On PostgreSQL a
// statement may wait on the server, which may hang: ctx stays.
func (s *Store) inTx(ctx context.Context) context.Context {
	if s.dialect == SQLite {
		return context.WithoutCancel(ctx)
	}
	return ctx
}

// rollback ends the transaction if it was not committed, and gives its
// connection back to the pool.
func (tx *stmtTx) rollback() {
	tx.Rollback()
	if tx.conn != nil {
		tx.conn.Close()
	}
}

func (tx *stmtTx) prepare(ctx context.Context, q string) (*sql.Stmt, error) {
	if st, ok := tx.stmts[q]; ok {
		return st, nil
	}
	var st *sql.Stmt
	if parent, ok := tx.shared[q]; ok {
		st = tx.StmtContext(ctx, parent) // prepares q if tx's connection has not
	} else {
		var err error
		if st, err = tx.PrepareContext(ctx, q); err != nil {
			return nil, err
		}
	}
	if tx.stmts == nil {
		tx.stmts = map[string]*sql.Stmt{}
	}
	tx.stmts[q] = st
	return st, nil
}

// exec runs q in the transaction: on SQLite prepared once per
// transaction (prepare), where modernc's ExecContext prepares q at every
// call and a batch runs the statements of writeIn for each of its
// reports; pgx caches the statements it is given itself.
func (tx *stmtTx) exec(ctx context.Context, q string, args ...any) (sql.Result, error) {
	if tx.dialect != SQLite {
		return tx.ExecContext(ctx, q, args...)
	}
	st, err := tx.prepare(ctx, q)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

// queryRow is QueryRowContext as exec is ExecContext.
func (tx *stmtTx) queryRow(ctx context.Context, q string, args ...any) interface{ Scan(...any) error } {
	if tx.dialect != SQLite {
		return tx.QueryRowContext(ctx, q, args...)
	}
	st, err := tx.prepare(ctx, q)
	if err != nil {
		return errRow{err}
	}
	return st.QueryRowContext(ctx, args...)
}

// errRow is a row that could not be queried.
type errRow struct{ err error }

func (r errRow) Scan(...any) error { return r.err }

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
