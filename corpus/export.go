package corpus

import (
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Row is one row of the long table: one indicator of one report (a unit
// in a period).
type Row struct {
	Unit        string   `json:"unit"`
	PeriodLabel string   `json:"period"`
	Year        *int     `json:"year"`
	Quarter     *int     `json:"quarter"`
	Month       *int     `json:"month"`
	Path        string   `json:"path"` // section/STT chain, "/"-joined
	STT         string   `json:"stt"`
	RubricID    string   `json:"rubric_id"` // the rubric indicator, e.g. "6.3"
	Label       string   `json:"label"`
	Kind        string   `json:"kind"`
	Value       *float64 `json:"value"`
	Raw         string   `json:"raw"`
	A           *float64 `json:"a"`
	B           *float64 `json:"b"`
	Points      *float64 `json:"points"`
	Findings    string   `json:"findings"` // codes joined by ","
	Source      string   `json:"source"`   // the first path the bytes were found at
	SHA256      string   `json:"sha256"`
}

// Header is the long table's column names, in order: the English ones,
// which are also Row's JSON field names.
var Header = []string{"unit", "period", "year", "quarter", "month", "path", "stt", "rubric_id", "label",
	"kind", "value", "raw", "a", "b", "points", "findings", "source", "sha256"}

// Headings are the words of an export that people read: the column
// names of the long table and of the other sheets, the sheet names, and
// what value kinds, finding codes and severities are called. Machine
// formats (JSON) keep Row's field names and the contract's codes
// whatever the language.
type Headings struct {
	Long     []string // the long table's columns, in Header's order
	Period   []string // a period sheet's first columns: unit, reports, source, total
	NoPeriod string   // the sheet of reports without a period
	// Findings are the findings sheet's columns: unit, period, path,
	// label, severity, finding, message, reported, computed, source.
	Findings []string
	// Unit are a unit's sheet columns: period, STT, rubric indicator,
	// label, raw, value, points, max points, findings.
	Unit []string
	// Sheet names: the long table and the findings.
	LongSheet, FindingsSheet string
	// UnitTitle is the title row of a unit's sheet, a format of the
	// unit's name; UnitSheet the prefix of its sheet name.
	UnitTitle, UnitSheet string
	// NoData is the note of a period sheet cell whose report has no data
	// for the indicator (scored 0 by default), told apart from a 0 earned.
	NoData string
	// periodName names a period's sheet.
	periodName func(year, quarter, month *int, months [2]int) string
	// lang is the language of the findings across reports (stored as
	// data, not text) and of the words for value kinds, finding codes and
	// severities (internal/msg); in English the contract's codes are
	// kept, which scripts match on.
	lang string
}

// English are the headings as the program names the fields.
var English = Headings{
	Long:          Header,
	Period:        []string{"unit", "reports", "source", "total"},
	NoPeriod:      "no period",
	Findings:      []string{"unit", "period", "path", "label", "severity", "code", "message", "reported", "computed", "source"},
	Unit:          []string{"period", "stt", "rubric_id", "label", "raw", "value", "points", "max", "findings"},
	LongSheet:     "data",
	FindingsSheet: "findings",
	UnitTitle:     "%s: indicators, points and findings of its reports",
	UnitSheet:     "unit ",
	NoData:        "no data in the report: scored 0 by default",
	lang:          "en",
	periodName: func(year, quarter, month *int, months [2]int) string {
		return SpanKey(year, quarter, month, months, "")
	},
}

// Vietnamese are the headings for the officers who open the export in
// Excel: the words of their own reports and scoring sheets.
var Vietnamese = Headings{
	Long: []string{"Đơn vị", "Kỳ báo cáo", "Năm", "Quý", "Tháng", "Mục/Đường dẫn", "STT", "Mã chỉ số DTI",
		"Chỉ số", "Loại giá trị", "Giá trị", "Số liệu ghi", "a", "b", "Điểm", "Phát hiện", "Tệp nguồn", "SHA-256"},
	Period:        []string{"Đơn vị", "Số báo cáo", "Tệp nguồn", "Tổng điểm"},
	NoPeriod:      "Không rõ kỳ",
	Findings:      []string{"Đơn vị", "Kỳ báo cáo", "Mục/Đường dẫn", "Chỉ số", "Mức độ", "Phát hiện", "Nội dung", "Số liệu ghi", "Số liệu tính", "Tệp nguồn"},
	Unit:          []string{"Kỳ báo cáo", "STT", "Mã chỉ số DTI", "Chỉ số", "Số liệu ghi", "Giá trị", "Điểm", "Điểm tối đa", "Phát hiện"},
	LongSheet:     "Số liệu",
	FindingsSheet: "Phát hiện",
	UnitTitle:     "%s: chỉ số, điểm và phát hiện trong các báo cáo",
	UnitSheet:     "ĐV ",
	NoData:        "báo cáo không có số liệu: mặc định 0 điểm",
	lang:          "vi",
	periodName: func(year, quarter, month *int, months [2]int) string {
		switch {
		case year == nil:
			return ""
		case month != nil:
			return fmt.Sprintf("Tháng %d-%d", *month, *year)
		case quarter != nil:
			return fmt.Sprintf("Quý %d-%d", *quarter, *year)
		case months[0] == 1 && months[1] > 0 && months[1] < 12:
			return fmt.Sprintf("%d tháng-%d", months[1], *year)
		}
		return fmt.Sprintf("Năm %d", *year)
	},
}

// HeadingsFor returns the headings of a language, "vi" or "en".
func HeadingsFor(lang string) (Headings, error) {
	switch lang {
	case "vi":
		return Vietnamese, nil
	case "en":
		return English, nil
	}
	return Headings{}, fmt.Errorf("no headings in language %q (want vi or en)", lang)
}

// Strings is the row as the long table's cells.
func (r *Row) Strings() []string {
	return []string{r.Unit, r.PeriodLabel, intStr(r.Year), intStr(r.Quarter), intStr(r.Month), r.Path, r.STT,
		r.RubricID, r.Label, r.Kind, numStr(r.Value), r.Raw, numStr(r.A), numStr(r.B), numStr(r.Points),
		r.Findings, r.Source, r.SHA256}
}

func intStr(p *int) string {
	if p == nil {
		return ""
	}
	return strconv.Itoa(*p)
}

func numStr(p *float64) string {
	if p == nil {
		return ""
	}
	return strconv.FormatFloat(*p, 'f', -1, 64)
}

// reportRef is a stored report, as the ordering of exports and scores
// needs it.
type reportRef struct {
	// ID is the report's key in the dataset's rows (see keyRange).
	ID                                           int64
	SHA256, Unit, UnitKey, Label, Rubric, Source string
	// Sources are the paths of every file of the report's content, in
	// byte order; Source is the first.
	Sources              []string
	Year, Quarter, Month *int
	// Months is the span the report covers, first and last month
	// (zero when the report does not say).
	Months [2]int
	Total  float64
}

// reports returns the stored reports ordered by unit key, period and
// sha256, one per content: of the files that hold the same report (the
// same content key, see contentKey), the one with the lowest sha256
// stands for all, with all their paths as its sources, so that a report
// saved in four formats is counted, scored and listed once. The ordering
// is done here rather than in SQL, where SQLite and PostgreSQL collate
// text and place NULLs differently.
func (s *Store) reports(ctx context.Context, where string, args ...any) ([]reportRef, error) {
	src, err := s.allPaths(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `select r.id, r.sha256, r.unit, r.unit_key, r.period_label, r.rubric_id, r.total,
		r.year, r.quarter, r.month, r.months_first, r.months_last, r.content from reports r `+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []reportRef
	byContent := map[string]int{} // content → index in out
	for rows.Next() {
		var r reportRef
		var content string
		var y, q, m, mf, ml sql.NullInt64
		if err := rows.Scan(&r.ID, &r.SHA256, &r.Unit, &r.UnitKey, &r.Label, &r.Rubric, &r.Total, &y, &q, &m, &mf, &ml, &content); err != nil {
			return nil, err
		}
		if mf.Valid && ml.Valid {
			r.Months = [2]int{int(mf.Int64), int(ml.Int64)}
		}
		r.Year, r.Quarter, r.Month, r.Sources = intPtr(y), intPtr(q), intPtr(m), src[r.SHA256]
		if i, ok := byContent[content]; ok && content != "" {
			kept := &out[i]
			kept.Sources = append(kept.Sources, r.Sources...)
			if r.SHA256 < kept.SHA256 {
				r.Sources = kept.Sources
				*kept = r
			}
			continue
		}
		byContent[content] = len(out)
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		slices.Sort(out[i].Sources)
		if len(out[i].Sources) > 0 {
			out[i].Source = out[i].Sources[0]
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].less(&out[j]) })
	return out, nil
}

// allPaths returns each report's paths. Their order is decided by the
// caller in Go because an order by path in SQL would follow the
// database's collation, which differs between SQLite and PostgreSQL.
func (s *Store) allPaths(ctx context.Context) (map[string][]string, error) {
	rows, err := s.db.QueryContext(ctx, `select sha256, path from paths`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][]string{}
	for rows.Next() {
		var sha, p string
		if err := rows.Scan(&sha, &p); err != nil {
			return nil, err
		}
		out[sha] = append(out[sha], p)
	}
	return out, rows.Err()
}

func (r *reportRef) less(o *reportRef) bool {
	if r.UnitKey != o.UnitKey {
		return r.UnitKey < o.UnitKey
	}
	for _, p := range [][2]*int{{r.Year, o.Year}, {r.Quarter, o.Quarter}, {r.Month, o.Month}} {
		a, b := deref(p[0]), deref(p[1])
		if a != b {
			return a < b
		}
	}
	if r.Label != o.Label {
		return r.Label < o.Label
	}
	return r.SHA256 < o.SHA256
}

func deref(p *int) int {
	if p == nil {
		return 0
	}
	return *p
}

func intPtr(n sql.NullInt64) *int {
	if !n.Valid {
		return nil
	}
	v := int(n.Int64)
	return &v
}

func floatPtr(n sql.NullFloat64) *float64 {
	if !n.Valid {
		return nil
	}
	v := n.Float64
	return &v
}

// scored is a points row of a report.
type scored struct {
	Indicator, Basis, Need, RowPath string
	Max                             float64
	Points, SelfPoints, Measure     *float64
}

// points returns the points rows of the report id, in the order of its
// scores.
func (s *Store) points(ctx context.Context, id int64) ([]scored, error) {
	lo, hi := keyRange(id)
	rows, err := s.db.QueryContext(ctx, `select indicator, basis, need, row_path, max, points, self_points, measure
		from points where id between $1 and $2 order by id`, lo, hi)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []scored
	for rows.Next() {
		var p scored
		var pts, self, m sql.NullFloat64
		if err := rows.Scan(&p.Indicator, &p.Basis, &p.Need, &p.RowPath, &p.Max, &pts, &self, &m); err != nil {
			return nil, err
		}
		p.Points, p.SelfPoints, p.Measure = floatPtr(pts), floatPtr(self), floatPtr(m)
		out = append(out, p)
	}
	return out, rows.Err()
}

// findingCodes returns a report's finding codes by the "/"-joined path of
// the row they are about, sorted and without repeats.
func (s *Store) findingCodes(ctx context.Context, id int64) (map[string][]string, error) {
	lo, hi := keyRange(id)
	rows, err := s.db.QueryContext(ctx, `select path, code from findings where id between $1 and $2`, lo, hi)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][]string{}
	for rows.Next() {
		var p, c string
		if err := rows.Scan(&p, &c); err != nil {
			return nil, err
		}
		out[p] = append(out[p], c)
	}
	for p, cs := range out {
		sort.Strings(cs)
		out[p] = compactStrings(cs)
	}
	return out, rows.Err()
}

func compactStrings(s []string) []string {
	var out []string
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

// EachRow calls f for every row of the long table, ordered by unit,
// period, report (sha256) and the indicator's place in its report.
func (s *Store) EachRow(ctx context.Context, f func(*Row) error) error {
	reps, err := s.reports(ctx, "")
	if err != nil {
		return err
	}
	for _, r := range reps {
		pts, err := s.points(ctx, r.ID)
		if err != nil {
			return err
		}
		byRow := map[string]*float64{}
		for _, p := range pts {
			if p.RowPath != "" {
				byRow[p.Indicator+"\x00"+p.RowPath] = p.Points
			}
		}
		codes, err := s.findingCodes(ctx, r.ID)
		if err != nil {
			return err
		}
		lo, hi := keyRange(r.ID)
		rows, err := s.db.QueryContext(ctx, `select path, stt, rubric_ind, label, kind, number, raw, a, b
			from indicators where id between $1 and $2 order by id`, lo, hi)
		if err != nil {
			return err
		}
		for rows.Next() {
			row := Row{Unit: r.Unit, PeriodLabel: r.Label, Year: r.Year, Quarter: r.Quarter, Month: r.Month,
				Source: r.Source, SHA256: r.SHA256}
			var v, a, b sql.NullFloat64
			if err := rows.Scan(&row.Path, &row.STT, &row.RubricID, &row.Label, &row.Kind, &v, &row.Raw, &a, &b); err != nil {
				rows.Close()
				return err
			}
			row.Value, row.A, row.B = floatPtr(v), floatPtr(a), floatPtr(b)
			if row.RubricID != "" {
				row.Points = byRow[row.RubricID+"\x00"+row.Path]
			}
			row.Findings = strings.Join(codes[row.Path], ",")
			if err := f(&row); err != nil {
				rows.Close()
				return err
			}
		}
		if err := rows.Close(); err != nil {
			return err
		}
		if err := rows.Err(); err != nil {
			return err
		}
	}
	return nil
}

// ExportCSV writes the long table as CSV in UTF-8 with a byte order mark,
// which Excel needs to read Vietnamese text as UTF-8, under the header
// row h.Long, with the separators of the profile p. Text cells that a
// spreadsheet would take for a formula are neutralised (see Neutralise).
func (s *Store) ExportCSV(ctx context.Context, w io.Writer, h Headings, p CSVProfile) error {
	if len(h.Long) != len(Header) {
		return fmt.Errorf("csv: %d column headings, want %d", len(h.Long), len(Header))
	}
	if p.Comma == 0 || p.Decimal == 0 {
		return fmt.Errorf("csv: profile %q has no separator or decimal mark", p.Name)
	}
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Comma = p.Comma
	// CRLF, as Excel writes CSV and as RFC 4180 asks.
	cw.UseCRLF = true
	if err := cw.Write(neutralised(h.Long)); err != nil {
		return err
	}
	err := s.EachRow(ctx, func(r *Row) error { return cw.Write(p.cells(r, h)) })
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// WriteJSON writes the long table as JSON Lines, one Row object a line,
// so that a large dataset can be read as a stream.
func (s *Store) WriteJSON(ctx context.Context, w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return s.EachRow(ctx, func(r *Row) error {
		if err := enc.Encode(r); err != nil {
			return fmt.Errorf("json: %w", err)
		}
		return nil
	})
}

// firstPaths returns, for each report, the first of its paths in byte
// order.
func (s *Store) firstPaths(ctx context.Context) (map[string]string, error) {
	all, err := s.allPaths(ctx)
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(all))
	for sha, ps := range all {
		out[sha] = slices.Min(ps)
	}
	return out, nil
}
