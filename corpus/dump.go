package corpus

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"sort"
	"strings"
)

// dumpTables are the tables of a dataset with the columns Dump compares:
// all but the timestamps, which differ between two runs that store the
// same things, and the ids of reports and their rows, which differ with
// the order the reports were stored in (points' seq too, the order of
// the scores, which migration 006 could only guess).
var dumpTables = []struct{ name, cols string }{
	{"reports", "sha256, format, pages, title, unit, unit_key, period_label, year, quarter, month, rubric_id, total, " +
		"months_first, months_last, cumulative, detail"},
	{"paths", "path, sha256, size"},
	{"indicators", "sha256, seq, path, stt, label, kind, number, raw, a, b, c, d, e, f, formula, rubric_id, rubric_ind, confidence, page, tbl, row_no, " +
		"row_unit, row_unit_key, self_score, appraised"},
	{"cells", "sha256, seq, col, header, role, kind, number, raw"},
	{"findings", "sha256, seq, code, severity, path, label, message, reported, computed, page, tbl, row_no"},
	{"points", "sha256, rubric_id, indicator, max, points, self_points, basis, need, measure, row_path"},
	{"failures", "path, sha256, reason"},
	{"cross_findings", "seq, code, severity, unit, unit_key, period, indicator, path, label, reported, computed, formula, " +
		"detail, sha256, page, tbl, row_no, other_sha256, other_period, other_path, other_page, other_tbl, other_row"},
}

// Dump writes a canonical text form of the dataset: every table's rows
// without timestamps, one line each, sorted. Two datasets that hold the
// same reports dump the same bytes, whichever database and whatever order
// of ingestion, so the form serves to compare them.
func (s *Store) Dump(ctx context.Context, w io.Writer) error {
	for _, t := range dumpTables {
		from := t.name
		if isChild(t.name) {
			// A report's rows name it by its sha256: ids differ between
			// two datasets of the same reports.
			from = `(select r.sha256, t.* from ` + t.name + ` t join reports r on r.id = t.report) t`
		}
		rows, err := s.db.QueryContext(ctx, `select `+t.cols+` from `+from)
		if err != nil {
			return err
		}
		n := strings.Count(t.cols, ",") + 1
		var lines []string
		for rows.Next() {
			vals, err := scanAny(rows, n)
			if err != nil {
				rows.Close()
				return err
			}
			cells := make([]string, n)
			for i, v := range vals {
				cells[i] = dumpValue(v)
			}
			lines = append(lines, t.name+"\t"+strings.Join(cells, "\t"))
		}
		if err := rows.Close(); err != nil {
			return err
		}
		sort.Strings(lines)
		for _, l := range lines {
			if _, err := fmt.Fprintln(w, l); err != nil {
				return err
			}
		}
	}
	return nil
}

// scanAny scans the n columns of the current row as the driver gives
// them.
func scanAny(rows *sql.Rows, n int) ([]any, error) {
	vals := make([]any, n)
	ptrs := make([]any, n)
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	return vals, rows.Scan(ptrs...)
}

// dumpValue prints a column value the same way whichever driver read it
// (pgx gives int64 and float64, modernc int64, float64 or []byte).
func dumpValue(v any) string {
	switch x := v.(type) {
	case nil:
		return "NULL"
	case []byte:
		return string(x)
	case float64:
		return fmt.Sprintf("%.9g", x)
	case float32:
		return fmt.Sprintf("%.9g", float64(x))
	}
	return fmt.Sprint(v)
}
