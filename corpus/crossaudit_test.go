package corpus

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"chiso/report"
	"chiso/rubric"
)

// unitReport writes a unit's report as a text file: its heading, the
// cumulative declaration when cum, and one indicator row per line of
// rows ("STT\tlabel\tvalue").
func unitReport(t *testing.T, dir, name, unit, period string, cum bool, rows ...string) string {
	t.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "ỦY BAN NHÂN DÂN %s\n\nBÁO CÁO\n\nKết quả chuyển đổi số %s\n\n", strings.ToUpper(unit), period)
	if cum {
		b.WriteString("Số liệu báo cáo là số liệu lũy kế tính từ đầu năm đến thời điểm báo cáo.\n\n")
	}
	b.WriteString("STT\tChỉ số/Chỉ số thành phần\tSố liệu kê khai\tTài liệu kiểm chứng\n")
	for _, r := range rows {
		b.WriteString(r + "\tVăn bản\n")
	}
	p := filepath.Join(dir, name)
	write(t, p, []byte(b.String()))
	return p
}

// counts3 are the rows of a district report: systems in use (rubric
// I.1.14), online meetings (no rubric indicator: matched by label), and
// the rate of dossiers handled online with its a and b (rubric 6.3).
func counts3(systems, meetings, a, b int) []string {
	rate := "0 %"
	if b > 0 {
		rate = fmt.Sprintf("%d %%", a*100/b)
	}
	return []string{
		fmt.Sprintf("1\tSố hệ thống thông tin được đưa vào sử dụng\t%d", systems),
		fmt.Sprintf("2\tTỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến\t%s", rate),
		fmt.Sprintf("a\tSố hồ sơ thủ tục hành chính được xử lý trực tuyến\t%d", a),
		fmt.Sprintf("b\tTổng số hồ sơ thủ tục hành chính\t%d", b),
		fmt.Sprintf("3\tSố cuộc họp trực tuyến\t%d", meetings),
	}
}

// table writes a city-wide table whose rows are units.
func table(t *testing.T, dir, name, title, header string, rows ...string) string {
	t.Helper()
	text := "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH\n\nBÁO CÁO\n\n" + title + "\n\n" + header + "\n" + strings.Join(rows, "\n") + "\n"
	p := filepath.Join(dir, name)
	write(t, p, []byte(text))
	return p
}

// crossLine is a finding as the cases assert it.
func crossLine(f CrossFinding) string {
	return fmt.Sprintf("%s %s %s [%s] %s→%s", f.Code, f.Unit, f.Period, strings.Join(f.Path, "/"), numStr(f.Reported), numStr(f.Computed))
}

func TestCrossAudit(t *testing.T) {
	quarters := []string{"quý I năm 2023", "quý II năm 2023", "quý III năm 2023", "quý IV năm 2023", "năm 2023"}
	series := func(cum bool, values ...[4]int) func(t *testing.T, dir string) []string {
		return func(t *testing.T, dir string) []string {
			var out []string
			for i, v := range values {
				out = append(out, unitReport(t, dir, fmt.Sprintf("q3-%d.txt", i), "Quận 3", quarters[i], cum, counts3(v[0], v[1], v[2], v[3])...))
			}
			return out
		}
	}
	tests := []struct {
		name  string
		files func(t *testing.T, dir string) []string
		want  []string
	}{
		{
			// Systems fall from 6 (Q2) to 4 (Q3); the year says 44
			// meetings where Q4 said 45 to the end of December.
			name:  "series with a decrease and a year unlike Q4",
			files: series(true, [4]int{5, 10, 100, 200}, [4]int{6, 20, 300, 500}, [4]int{4, 30, 600, 1200}, [4]int{8, 45, 900, 1600}, [4]int{8, 44, 900, 1600}),
			want: []string{
				"period_inconsistent Quận 3 2023 [3] 44→45",
				"cumulative_decrease Quận 3 2023-Q3 [1] 4→6",
			},
		},
		{
			// No Q4 in the dataset: the year is cumulative to December,
			// so it may exceed Q3 (systems 7→9) but not fall below it
			// (meetings 30→28).
			name: "Q1–Q3 and the year",
			files: func(t *testing.T, dir string) []string {
				periods := []string{"quý I năm 2023", "quý II năm 2023", "quý III năm 2023", "năm 2023"}
				var out []string
				for i, v := range [][4]int{{5, 10, 100, 200}, {6, 20, 300, 500}, {7, 30, 600, 1200}, {9, 28, 900, 1600}} {
					out = append(out, unitReport(t, dir, fmt.Sprintf("p%d.txt", i), "Quận 3", periods[i], true, counts3(v[0], v[1], v[2], v[3])...))
				}
				return out
			},
			want: []string{"cumulative_decrease Quận 3 2023 [3] 28→30"},
		},
		{
			name:  "a rate's b falls",
			files: series(true, [4]int{5, 10, 100, 200}, [4]int{6, 20, 120, 150}),
			want:  []string{"cumulative_decrease Quận 3 2023-Q2 [2/b] 150→200"},
		},
		{
			name:  "clean series",
			files: series(true, [4]int{5, 10, 100, 200}, [4]int{6, 20, 300, 500}, [4]int{7, 30, 600, 1200}, [4]int{8, 45, 900, 1600}, [4]int{8, 45, 900, 1600}),
		},
		{
			// Without the declaration a count may fall (staff, systems
			// retired): nothing is said.
			name:  "series not declared cumulative",
			files: series(false, [4]int{5, 10, 100, 200}, [4]int{6, 20, 300, 500}, [4]int{4, 30, 600, 1200}, [4]int{8, 45, 900, 1600}, [4]int{8, 44, 900, 1600}),
		},
		{
			// The city's summary lists Quận 3 as it reported; Quận 5
			// reported 30 meetings, the summary says 35.
			name: "summary against the units' reports",
			files: func(t *testing.T, dir string) []string {
				return []string{
					table(t, dir, "city.txt", "Tổng hợp kết quả chuyển đổi số của các quận quý III năm 2023",
						"STT\tĐơn vị\tSố cuộc họp trực tuyến\tSố hệ thống thông tin được đưa vào sử dụng",
						"1\tQuận 3\t40\t7", "2\tQuận 5\t35\t9"),
					unitReport(t, dir, "q3.txt", "Quận 3", "quý III năm 2023", true, counts3(7, 40, 600, 1200)...),
					unitReport(t, dir, "q5.txt", "Quận 5", "quý III năm 2023", true, counts3(9, 30, 500, 1000)...),
				}
			},
			want: []string{"source_disagrees Quận 5 2023-Q3 [3] 30→35"},
		},
		{
			name: "summary of another period is not compared",
			files: func(t *testing.T, dir string) []string {
				return []string{
					table(t, dir, "city.txt", "Tổng hợp kết quả chuyển đổi số của các quận quý II năm 2023",
						"STT\tĐơn vị\tSố cuộc họp trực tuyến", "1\tQuận 5\t35"),
					unitReport(t, dir, "q5.txt", "Quận 5", "quý III năm 2023", true, counts3(9, 30, 500, 1000)...),
				}
			},
		},
		{
			// Quận 3 assessed itself 85 and was appraised 80; Quận 5's
			// scores agree.
			name: "appraisal table",
			files: func(t *testing.T, dir string) []string {
				return []string{table(t, dir, "rank.txt", "Kết quả thẩm định chỉ số chuyển đổi số của các quận năm 2023",
					"STT\tĐơn vị\tĐiểm tối đa\tĐiểm tự đánh giá\tĐiểm thẩm định",
					"1\tQuận 3\t100\t85\t80", "2\tQuận 5\t100\t70\t70")}
			},
			want: []string{"appraisal_gap Quận 3 2023 [1] 85→80"},
		},
		{
			// A table that names no issuing unit still names its rows'
			// (the real PAR-index appendix is such a table).
			name: "appraisal table of no unit",
			files: func(t *testing.T, dir string) []string {
				p := filepath.Join(dir, "pl3.txt")
				write(t, p, []byte("PHỤ LỤC\n\nKết quả thẩm định năm 2023\n\nSTT\tĐơn vị\tĐiểm tối đa\tĐiểm tự đánh giá\tĐiểm thẩm định\n"+
					"1\tSở Tư pháp\t15\t15\t14\n2\tSở Y tế\t15\t15\t15\n"))
				return []string{p}
			},
			want: []string{"appraisal_gap Sở Tư pháp 2023 [1] 15→14"},
		},
		{
			name: "two contents for one unit and quarter",
			files: func(t *testing.T, dir string) []string {
				return []string{
					unitReport(t, dir, "a.txt", "Quận 3", "quý III năm 2023", true, counts3(7, 40, 600, 1200)...),
					unitReport(t, dir, "b.txt", "Quận 3", "quý III năm 2023", true, counts3(8, 40, 600, 1200)...),
				}
			},
			want: []string{"duplicate_report Quận 3 2023-Q3 [] →"},
		},
		{
			// Another document of the unit and quarter (another title):
			// not the same report sent twice.
			// Both are compared with Q2, which had 10 meetings: one falls.
			name: "two documents for one unit and quarter",
			files: func(t *testing.T, dir string) []string {
				unitReport(t, dir, "q2.txt", "Quận 3", "quý II năm 2023", true, "3\tSố cuộc họp trực tuyến\t50")
				a := unitReport(t, dir, "a.txt", "Quận 3", "quý III năm 2023", true, counts3(7, 40, 600, 1200)...)
				b := unitReport(t, dir, "b.txt", "Quận 3", "quý III năm 2023", true, counts3(8, 40, 600, 1200)...)
				text, err := os.ReadFile(b)
				if err != nil {
					t.Fatal(err)
				}
				write(t, b, []byte(strings.Replace(string(text), "Kết quả chuyển đổi số", "Kết quả cải cách hành chính", 1)))
				return []string{filepath.Join(dir, "q2.txt"), a, b}
			},
			want: []string{"cumulative_decrease Quận 3 2023-Q3 [3] 40→50", "cumulative_decrease Quận 3 2023-Q3 [3] 40→50"},
		},
		{
			// Other bytes (a trailing line), the same content: one
			// report in two files, as a report in two formats is.
			name: "one content in two files",
			files: func(t *testing.T, dir string) []string {
				a := unitReport(t, dir, "a.txt", "Quận 3", "quý III năm 2023", true, counts3(7, 40, 600, 1200)...)
				b := filepath.Join(dir, "b.txt")
				text, err := os.ReadFile(a)
				if err != nil {
					t.Fatal(err)
				}
				write(t, b, append(text, "\n\n"...))
				return []string{a, b}
			},
		},
	}
	for _, be := range backends {
		t.Run(be.name, func(t *testing.T) {
			for _, tt := range tests {
				t.Run(tt.name, func(t *testing.T) {
					s := openT(t, be.fresh(t))
					files := tt.files(t, t.TempDir())
					if sum := ingest(t, s, 2, files...); len(sum.Failed) > 0 || sum.New != len(files) {
						t.Fatalf("ingest: %d new of %d, failed %v", sum.New, len(files), sum.Failed)
					}
					got, err := s.CrossAudit(context.Background())
					if err != nil {
						t.Fatal(err)
					}
					var lines []string
					for _, f := range got {
						lines = append(lines, crossLine(f))
						checkSides(t, f)
					}
					if !reflect.DeepEqual(lines, tt.want) {
						t.Errorf("findings\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(tt.want, "\n"))
					}
					stored, err := s.StoredCrossFindings(context.Background())
					if err != nil {
						t.Fatal(err)
					}
					if !reflect.DeepEqual(stored, got) {
						t.Errorf("stored with the dataset:\n%+v\nthe pass:\n%+v", stored, got)
					}
				})
			}
		})
	}
}

// checkSides: a finding names its reports, each by source and sha256,
// two of them for every code but appraisal_gap, and a row where it is
// about one.
func checkSides(t *testing.T, f CrossFinding) {
	t.Helper()
	want := 2
	if f.Code == report.CodeAppraisalGap {
		want = 1
	}
	if len(f.Reports) != want {
		t.Errorf("%s: %d reports named, want %d", crossLine(f), len(f.Reports), want)
		return
	}
	for _, sd := range f.Reports {
		if sd.Source == "" || len(sd.SHA256) != 64 || sd.Period == "" {
			t.Errorf("%s: report %+v not named", crossLine(f), sd)
		}
		if f.Code != report.CodeDuplicateReport && sd.Location.Row == 0 && f.Code != report.CodeAppraisalGap {
			t.Errorf("%s: report %s names no row", crossLine(f), sd.Source)
		}
	}
	if want == 2 && f.Reports[0].SHA256 == f.Reports[1].SHA256 {
		t.Errorf("%s: compares a report with itself", crossLine(f))
	}
	if f.Severity != f.Code.Severity() {
		t.Errorf("%s: severity %s, want %s", crossLine(f), f.Severity, f.Code.Severity())
	}
}

func TestDeclaresCumulative(t *testing.T) {
	dir := t.TempDir()
	s := openT(t, filepath.Join(dir, "chiso.db"))
	files := []string{
		unitReport(t, dir, "yes.txt", "Quận 3", "quý III năm 2023", true, counts3(1, 1, 1, 1)...),
		unitReport(t, dir, "no.txt", "Quận 4", "quý III năm 2023", false, counts3(1, 1, 1, 1)...),
		filepath.Join(fixtures, "seed000.txt"), // "Số liệu báo cáo là số liệu lũy kế tính từ đầu năm …"
		filepath.Join(fixtures, "seed002.txt"), // a monthly report, which says nothing of it
	}
	ingest(t, s, 1, files...)
	got := map[string]bool{}
	rows, err := s.db.Query(`select p.path, r.cumulative from paths p join reports r on r.sha256 = p.sha256`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var p string
		var c int
		if err := rows.Scan(&p, &c); err != nil {
			t.Fatal(err)
		}
		got[filepath.Base(p)] = c == 1
	}
	want := map[string]bool{"yes.txt": true, "no.txt": false, "seed000.txt": true, "seed002.txt": false}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("declares cumulative: %v, want %v", got, want)
	}
}

// TestCrossFindingsShown: the stored findings across reports reach the
// workbook's findings sheet (both sources named, message in the
// workbook's language), the unit's sheet, and history, which marks both
// periods of a fall.
func TestCrossFindingsShown(t *testing.T) {
	dir := t.TempDir()
	s := openT(t, filepath.Join(dir, "chiso.db"))
	ingest(t, s, 1,
		unitReport(t, dir, "q2.txt", "Quận 3", "quý II năm 2023", true, counts3(6, 20, 300, 500)...),
		unitReport(t, dir, "q3.txt", "Quận 3", "quý III năm 2023", true, counts3(4, 30, 600, 1200)...))
	pts, err := s.History(context.Background(), "q3", "I.1.14")
	if err != nil {
		t.Fatal(err)
	}
	var marked []string
	for _, p := range pts {
		marked = append(marked, p.Period+":"+strings.Join(p.Findings, ","))
	}
	if want := []string{"2023-Q2:cumulative_decrease", "2023-Q3:cumulative_decrease"}; !reflect.DeepEqual(marked, want) {
		t.Errorf("history marks %v, want %v", marked, want)
	}
	if pts, _ := s.History(context.Background(), "q3", "6.3"); len(pts) != 2 || pts[0].Findings != nil {
		t.Errorf("history of a clean indicator: %+v", pts)
	}
	for _, tt := range []struct {
		h          Headings
		code, text string
	}{
		{Vietnamese, "số lũy kế giảm giữa các kỳ", "số liệu lũy kế giảm từ 6 (2023-Q2, q2.txt) xuống 4 (2023-Q3, q3.txt)"},
		{English, "cumulative_decrease", "cumulative figure falls from 6 (2023-Q2, q2.txt) to 4 (2023-Q3, q3.txt)"},
	} {
		var b bytes.Buffer
		if err := s.ExportXLSX(context.Background(), &b, tt.h); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(&b)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := f.GetRows(tt.h.FindingsSheet)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, r := range rows {
			if len(r) >= 10 && r[5] == tt.code {
				found = true
				if r[0] != "Quận 3" || r[1] != "2023-Q3" || r[6] != tt.text ||
					!strings.Contains(r[9], "q3.txt") || !strings.Contains(r[9], "q2.txt") {
					t.Errorf("%s findings sheet row %q", tt.h.FindingsSheet, r)
				}
			}
		}
		if !found {
			t.Errorf("%s: no %s row in %q", tt.h.FindingsSheet, tt.code, rows)
		}
		unit, err := f.GetRows(tt.h.UnitSheet + "Quận 3")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(fmt.Sprint(unit), tt.text) {
			t.Errorf("unit sheet lacks %q: %q", tt.text, unit)
		}
		f.Close()
	}
}

// TestUpgradeLegacy: a report stored before schema 2 (detail 0, no span,
// no declaration, no cells) is left out of the audit, counted by Legacy,
// and upgraded in place by the next ingest of its file, which then finds
// what the audit across reports is for.
func TestUpgradeLegacy(t *testing.T) {
	for _, be := range backends {
		t.Run(be.name, func(t *testing.T) {
			dir := t.TempDir()
			s := openT(t, be.fresh(t))
			files := []string{
				unitReport(t, dir, "q2.txt", "Quận 3", "quý II năm 2023", true, counts3(6, 20, 300, 500)...),
				unitReport(t, dir, "q3.txt", "Quận 3", "quý III năm 2023", true, counts3(4, 30, 600, 1200)...),
			}
			ingest(t, s, 1, files...)
			ctx := context.Background()
			for _, q := range []string{`update reports set detail = 0, cumulative = 0, months_first = null, months_last = null`,
				`delete from cells`, `delete from cross_findings`} {
				if _, err := s.db.Exec(q); err != nil {
					t.Fatal(err)
				}
			}
			if got, err := s.CrossAudit(ctx); err != nil || len(got) != 0 {
				t.Fatalf("legacy reports audited: %v %v", got, err)
			}
			if n, err := s.Legacy(ctx); err != nil || n != 2 {
				t.Fatalf("Legacy = %d, %v; want 2", n, err)
			}
			indicators := count(t, s, "indicators")
			sum := ingest(t, s, 1, files...)
			if sum.New != 0 || sum.Unchanged != 2 || sum.CrossFindings != 1 {
				t.Errorf("ingest again: new %d, unchanged %d, cross findings %d; want 0, 2, 1", sum.New, sum.Unchanged, sum.CrossFindings)
			}
			if n, _ := s.Legacy(ctx); n != 0 {
				t.Errorf("Legacy = %d after the upgrade", n)
			}
			if n := count(t, s, "indicators"); n != indicators || count(t, s, "cells") != 0 {
				t.Errorf("%d indicators after the upgrade, %d before", n, indicators)
			}
			var c int
			if err := s.db.QueryRow(`select count(*) from reports where cumulative = 1 and months_last is not null`).Scan(&c); err != nil || c != 2 {
				t.Errorf("%d reports upgraded with their span and declaration, want 2 (%v)", c, err)
			}
			stored, _ := s.StoredCrossFindings(ctx)
			if len(stored) != 1 || stored[0].Code != report.CodeCumulativeDecrease {
				t.Errorf("after the upgrade: %+v", stored)
			}
			// A third run reads nothing again.
			if sum := ingest(t, s, 1, files...); sum.Unchanged != 2 || sum.CrossFindings != 0 {
				t.Errorf("third ingest: %+v", sum)
			}
		})
	}
}

// TestCrossAuditRubricCumulative: where the rubric says whether an
// indicator's counts are cumulative, that decides, whatever the report
// declares; elsewhere the declaration does.
func TestCrossAuditRubricCumulative(t *testing.T) {
	yes, no := true, false
	quarters := []string{"quý I năm 2023", "quý II năm 2023", "quý III năm 2023"}
	tests := []struct {
		name string
		cum  bool            // the reports declare their figures cumulative
		set  map[string]bool // rubric indicator → Cumulative
		want []string
	}{
		{
			// Rows 1 (systems, I.1.14) and 2's b (6.3) fall; the
			// meetings (no rubric indicator) fall too.
			name: "declared, rubric silent",
			cum:  true,
			want: []string{
				"cumulative_decrease Quận 3 2023-Q2 [1] 4→6",
				"cumulative_decrease Quận 3 2023-Q2 [2/b] 150→200",
				"cumulative_decrease Quận 3 2023-Q2 [3] 15→20",
			},
		},
		{
			name: "declared, rubric says the systems are not cumulative",
			cum:  true,
			set:  map[string]bool{"I.1.14": false},
			want: []string{
				"cumulative_decrease Quận 3 2023-Q2 [2/b] 150→200",
				"cumulative_decrease Quận 3 2023-Q2 [3] 15→20",
			},
		},
		{
			// Not declared: only what the rubric calls cumulative.
			name: "not declared, rubric says 6.3 is cumulative",
			set:  map[string]bool{"6.3": true},
			want: []string{"cumulative_decrease Quận 3 2023-Q2 [2/b] 150→200"},
		},
		{
			name: "not declared, rubric silent",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rb := district(t)
			for id, c := range tt.set {
				p := &no
				if c {
					p = &yes
				}
				if ind := rb.Indicator(id); ind != nil {
					ind.Cumulative = p
					continue
				}
				i := slices.IndexFunc(rb.Info, func(x rubric.Info) bool { return x.ID == id })
				if i < 0 {
					t.Fatalf("no indicator %s in %s", id, rb.ID)
				}
				rb.Info[i].Cumulative = p
			}
			dir := t.TempDir()
			var files []string
			for i, v := range [][4]int{{6, 20, 100, 200}, {4, 15, 120, 150}} {
				files = append(files, unitReport(t, dir, fmt.Sprintf("q%d.txt", i+1), "Quận 3", quarters[i], tt.cum, counts3(v[0], v[1], v[2], v[3])...))
			}
			s := openT(t, filepath.Join(t.TempDir(), "d.db"))
			list, _ := Files(files)
			in := &Ingester{Store: s, Rubric: rb, Workers: 1, Timeout: time.Minute}
			if sum, err := in.Run(context.Background(), list); err != nil || sum.New != len(files) {
				t.Fatalf("ingest: %+v, %v", sum, err)
			}
			got, err := s.CrossAudit(context.Background(), rb)
			if err != nil {
				t.Fatal(err)
			}
			var lines []string
			for _, f := range got {
				lines = append(lines, crossLine(f))
			}
			if !reflect.DeepEqual(lines, tt.want) {
				t.Errorf("findings\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(tt.want, "\n"))
			}
			// Ingest stored the findings of the rubric it ran with.
			stored, err := s.StoredCrossFindings(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(stored, got) {
				t.Errorf("stored with the dataset:\n%+v\nthe pass:\n%+v", stored, got)
			}
		})
	}
}
