package corpus

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// testMigrateIDs: a dataset stored before migration 006, whose rows are
// keyed by their report's sha256, reads the same after it (the same
// dump, so the same exports), and the ingest that follows stores
// alongside what it migrated: a changed file replaces its report, and
// the migrated report's rows go with it.
func testMigrateIDs(t *testing.T, dsn string) {
	ctx := context.Background()
	dir := t.TempDir()
	seedFiles(t, dir)
	sheetPath := filepath.Join(dir, "q3.txt")
	write(t, sheetPath, sheet{"Quận 3", 2023, 4, "60%"}.bytes(t))
	ref := openT(t, refDSN(t, dsn))
	ingest(t, ref, 2, dir)
	want := dump(t, ref)

	old, err := open(ctx, dsn, false, 5)
	if err != nil {
		t.Fatal(err)
	}
	// The rows as migration 005 kept them, from the reference dataset.
	for _, c := range []struct{ table, cols, from string }{
		{"reports", "sha256, format, pages, title, unit, unit_key, period_label, year, quarter, month, rubric_id, total, " +
			"ingested_at, months_first, months_last, cumulative, detail, content", "reports r"},
		{"paths", "path, sha256, size, seen_at", "paths"},
		{"indicators", "sha256, seq, path, stt, label, kind, number, raw, a, b, c, d, e, f, formula, rubric_id, " +
			"rubric_ind, confidence, page, tbl, row_no, row_unit, row_unit_key, self_score, appraised", ""},
		{"cells", "sha256, seq, col, header, role, kind, number, raw", ""},
		{"findings", "sha256, seq, code, severity, path, label, message, reported, computed, page, tbl, row_no", ""},
		{"points", "sha256, rubric_id, indicator, max, points, self_points, basis, need, measure, row_path", ""},
	} {
		from := c.from
		if from == "" {
			from = `(select r.sha256, t.* from ` + c.table + ` t join reports r on r.id = t.report) t`
		}
		copyTable(t, ref, `select `+c.cols+` from `+from, old, c.table, c.cols)
	}
	old.Close()

	s := openT(t, dsn)
	if got := dump(t, s); got != want {
		t.Fatalf("after migration 006 the dataset differs: %s", firstDiff(got, want))
	}
	var n int
	if s.dialect == SQLite {
		// The pages of the old tables are given back (VACUUM).
		if err := s.db.QueryRow(`pragma freelist_count`).Scan(&n); err != nil || n != 0 {
			t.Errorf("%d free pages after migration 006 (%v), want 0", n, err)
		}
	}
	if err := s.db.QueryRow(`select count(*) from indicators i join reports r on r.id = i.report
		where i.id <> r.id * 16777216 + i.seq`).Scan(&n); err != nil || n != 0 {
		t.Errorf("%d indicators whose id is not their report's and number's (%v)", n, err)
	}
	before := count(t, s, "indicators")
	write(t, sheetPath, sheet{"Quận 3", 2023, 9, "60%"}.bytes(t))
	sum := ingest(t, s, 2, dir)
	if sum.Replaced != 1 {
		t.Fatalf("ingest after the migration: %+v, want 1 replaced", sum)
	}
	if got := count(t, s, "reports"); got != count(t, ref, "reports") {
		t.Errorf("%d reports after replacing one, want %d", got, count(t, ref, "reports"))
	}
	for _, table := range []string{"indicators", "cells", "findings", "points"} {
		if err := s.db.QueryRow(`select count(*) from ` + table + ` where report not in (select id from reports)`).Scan(&n); err != nil || n != 0 {
			t.Errorf("%s: %d rows of no report after replacing a migrated one (%v)", table, n, err)
		}
	}
	if after := count(t, s, "indicators"); after == 0 || after > before+before/2 {
		t.Errorf("%d indicators after replacing one report of %d", after, before)
	}
}

// refDSN is a second dataset beside dsn's, on the same backend.
func refDSN(t *testing.T, dsn string) string {
	for _, b := range backends {
		if (b.name == "postgres") == strings.HasPrefix(dsn, "postgres") {
			return b.fresh(t)
		}
	}
	t.Fatalf("no backend for %s", dsn)
	return ""
}

// copyTable inserts the rows q selects in from into table's cols of to.
func copyTable(t *testing.T, from *Store, q string, to *Store, table, cols string) {
	t.Helper()
	rows, err := from.db.Query(q)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	n := strings.Count(cols, ",") + 1
	marks := make([]string, n)
	for i := range marks {
		marks[i] = "$" + strconv.Itoa(i+1)
	}
	ins := `insert into ` + table + ` (` + cols + `) values (` + strings.Join(marks, ", ") + `)`
	for rows.Next() {
		vals, err := scanAny(rows, n)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := to.db.Exec(ins, vals...); err != nil {
			t.Fatalf("%s: %v", table, err)
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
}
