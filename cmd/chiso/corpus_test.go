package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// copyTo copies files from the golden fixtures into dir.
func copyTo(t *testing.T, dir string, names ...string) {
	t.Helper()
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join("../../golden/testdata", n))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, n), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestIngestCommands(t *testing.T) {
	dir := t.TempDir()
	docs := filepath.Join(dir, "docs")
	os.Mkdir(docs, 0o755)
	copyTo(t, docs, "seed000.txt", "seed000.docx", "seed001.html", "seed004_filled.txt")
	// A folder name with "#", which used to cut the dataset's path short.
	db := filepath.Join(dir, "Báo cáo #2", "chiso.db")
	os.Mkdir(filepath.Dir(db), 0o755)

	code, out, errs := runCLI("", "ingest", "--db", db, "--workers", "2", docs)
	if code != exitOK {
		t.Fatalf("ingest: exit %d\n%s%s", code, out, errs)
	}
	if _, err := os.Stat(db); err != nil {
		t.Errorf("ingest --db %q wrote no dataset there: %v", db, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "Báo cáo ")); err == nil {
		t.Errorf("ingest --db %q wrote %q", db, filepath.Join(dir, "Báo cáo "))
	}
	// Reading commands open the dataset read-only: a missing one is an
	// error (exit 3) and is not created.
	missing := filepath.Join(dir, "none.db")
	for _, args := range [][]string{{"export", "--format", "json"}, {"history", "--unit", "q5"}, {"rank", "--period", "2023"}} {
		code, _, errs := runCLI("", append(append([]string{}, args...), "--db", missing)...)
		if _, err := os.Stat(missing); code != exitUnread || err == nil || !strings.Contains(errs, "none.db") {
			t.Errorf("%s on a missing dataset: exit %d, file made %v, %q", args[0], code, err == nil, errs)
		}
	}
	if got := strings.Count(out, ": mới\n"); got != 4 {
		t.Errorf("ingest printed %d \"mới\" lines, want 4:\n%s", got, out)
	}
	if !strings.Contains(out, "tệp 4, mới 4, không đổi 0, thay thế 0, lỗi 0") {
		t.Errorf("no summary:\n%s", out)
	}

	// A named file is tried whatever its name, and a broken one gives exit 3.
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte("PK\x03\x04 not a zip"), 0o644)
	code, out, _ = runCLI("", "ingest", "--db", db, "--stats", docs, bad, "--lang", "en")
	if code != exitUnread {
		t.Errorf("ingest with a broken file: exit %d, want %d", code, exitUnread)
	}
	for _, want := range []string{"unchanged 4", "failed 1", "failed: " + bad, "storage: "} {
		if !strings.Contains(out, want) {
			t.Errorf("second ingest output lacks %q:\n%s", want, out)
		}
	}

	testExport(t, db, dir)

	// seed000.txt and seed000.docx are one report: its value is listed
	// once, under its span.
	code, out, _ = runCLI("", "history", "--db", db, "--unit", "q5", "--indicator", "6.3")
	if code != exitOK || strings.Count(out, "Quận 5") != 1 || !strings.Contains(out, "2023-M1-9") || !strings.Contains(out, "78,23  điểm 20") {
		t.Errorf("history q5 6.3: exit %d\n%s", code, out)
	}
	code, out, _ = runCLI("", "history", "--db", db, "--unit", "q5", "--indicator", "6.3", "--lang", "en")
	if code != exitOK || !strings.Contains(out, "78.23  points 20") {
		t.Errorf("history --lang en: exit %d\n%s", code, out)
	}

	code, out, errs = runCLI("", "score", "--db", db, "--rubric", "hcm-dti-2023-district", "--period", "2024")
	if code != exitOK || !strings.Contains(out, "Quận 1") || !strings.Contains(out, "5.1") {
		t.Errorf("score --db: exit %d\n%s%s", code, out, errs)
	}
	code, out, _ = runCLI("", "rank", "--db", db, "--period", "2023")
	if code != exitOK || !strings.Contains(out, "Quận 5") || !strings.Contains(out, "Quận Bình Tân") {
		t.Errorf("rank: exit %d\n%s", code, out)
	}
	if code, _, _ := runCLI("", "rank", "--db", db, "--period", "last year"); code != exitUsage {
		t.Errorf("rank with a bad period: exit %d, want %d", code, exitUsage)
	}
}

// testExport exports the dataset db as CSV and XLSX, in Vietnamese by
// default and in English with --lang en, and as JSON, whose field names
// stay English whatever the language.
func testExport(t *testing.T, db, dir string) {
	t.Helper()
	for _, tt := range []struct {
		lang         []string
		csv, data    string   // the start of the CSV after the BOM, the first cells of sheet data
		sheet, total string   // a period sheet's first and fourth headings
		long         string   // the long table's sheet
		periods      []string // the names of two period sheets
	}{
		{nil, "Đơn vị;Kỳ báo cáo;Năm;Quý;Tháng;", "Đơn vị|Kỳ báo cáo|Năm", "Đơn vị", "Tổng điểm", "Số liệu", []string{"Quý 3-2023", "Năm 2024"}},
		{[]string{"--lang", "vi"}, "Đơn vị;Kỳ báo cáo;", "Đơn vị|Kỳ báo cáo|Năm", "Đơn vị", "Tổng điểm", "Số liệu", []string{"Quý 3-2023", "Năm 2024"}},
		{[]string{"--lang", "en"}, "unit;period;year;quarter;month;", "unit|period|year", "unit", "total", "data", []string{"2023-Q3", "2024"}},
		{[]string{"--lang", "en", "--csv-profile", "intl"}, "unit,period,year,quarter,month,", "unit|period|year", "unit", "total", "data", []string{"2023-Q3", "2024"}},
	} {
		csvPath := filepath.Join(dir, "out.csv")
		args := append([]string{"export", "--db", db, "--format", "csv", "--out", csvPath}, tt.lang...)
		if code, _, errs := runCLI("", args...); code != exitOK {
			t.Fatalf("export %q: exit %d: %s", args, code, errs)
		}
		b, _ := os.ReadFile(csvPath)
		if !bytes.HasPrefix(b, []byte("\uFEFF"+tt.csv)) || !strings.Contains(string(b), "Quận Bình Tân") {
			t.Errorf("export %q: %.200s", args, b)
		}

		xlsxPath := filepath.Join(dir, "out.xlsx")
		args = append([]string{"export", "--db", db, "--format", "xlsx", "--out", xlsxPath}, tt.lang...)
		if code, _, errs := runCLI("", args...); code != exitOK {
			t.Fatalf("export %q: exit %d: %s", args, code, errs)
		}
		f, err := excelize.OpenFile(xlsxPath)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := f.GetRows(tt.long)
		if err != nil || len(rows) < 2 || !strings.HasPrefix(strings.Join(rows[0], "|"), tt.data) {
			t.Errorf("export %q: sheet %s starts %q (%v), want %q", args, tt.long, rows[:min(len(rows), 1)], err, tt.data)
		}
		for _, sh := range tt.periods {
			rows, err := f.GetRows(sh)
			if err != nil || len(rows) < 2 || len(rows[0]) < 4 || rows[0][0] != tt.sheet || rows[0][3] != tt.total {
				t.Errorf("export %q: sheet %q: %v, header %q, want %q ... %q", args, sh, err, rows[:min(len(rows), 1)], tt.sheet, tt.total)
			}
		}
		f.Close()
	}
	code, out, _ := runCLI("", "export", "--db", db, "--format", "json", "--lang", "vi")
	if code != exitOK || strings.Count(out, "\n") < 10 || !strings.HasPrefix(out, `{"unit":`) {
		t.Errorf("json export: exit %d, %.200s", code, out)
	}
	for _, args := range [][]string{{"--format", "yaml"}, {"--format", "csv", "--lang", "fr"}, {"--format", "csv", "--csv-profile", "excel"}} {
		if code, _, _ := runCLI("", append([]string{"export", "--db", db}, args...)...); code != exitUsage {
			t.Errorf("export %q: exit %d, want %d", args, code, exitUsage)
		}
	}
}

func TestHasFlag(t *testing.T) {
	tests := []struct {
		args []string
		want bool
	}{
		{[]string{"--rubric", "x", "--db", "d"}, true},
		{[]string{"-db=d"}, true},
		{[]string{"--rubric", "x", "file.pdf"}, false},
		{[]string{"--", "--db"}, false},
		{[]string{"--dbx"}, false},
	}
	for _, tt := range tests {
		if got := hasFlag(tt.args, "db"); got != tt.want {
			t.Errorf("hasFlag(%q) = %v, want %v", tt.args, got, tt.want)
		}
	}
}

// TestIngestGoesOn: a broken link in a folder and a file over the time
// limit are failures named in the summary, with exit 3, and the other
// files are read.
func TestIngestGoesOn(t *testing.T) {
	dir := t.TempDir()
	docs := filepath.Join(dir, "docs")
	os.Mkdir(docs, 0o755)
	copyTo(t, docs, "seed000.txt", "seed004_filled.txt")
	broken := filepath.Join(docs, "moved.pdf")
	if err := os.Symlink(filepath.Join(dir, "nowhere.pdf"), broken); err != nil {
		t.Skip("no symlinks here:", err)
	}
	db := filepath.Join(dir, "chiso.db")
	code, out, errs := runCLI("", "ingest", "--db", db, docs)
	if code != exitUnread {
		t.Errorf("ingest with a broken link: exit %d, want %d\n%s", code, exitUnread, errs)
	}
	for _, want := range []string{"tệp 3, mới 2, không đổi 0, thay thế 0, lỗi 1", "lỗi: " + broken + ": liên kết hỏng: không có tệp này"} {
		if !strings.Contains(out, want) {
			t.Errorf("ingest output lacks %q:\n%s", want, out)
		}
	}

	os.Remove(broken)
	copyTo(t, docs, "seed001.html")
	code, out, _ = runCLI("", "ingest", "--db", db, "--timeout", "1ns", docs, "--lang", "en")
	if code != exitUnread || !strings.Contains(out, "seed001.html: failed: timed out after 1ns") {
		t.Errorf("ingest --timeout 1ns: exit %d, want %d and the new file timed out:\n%s", code, exitUnread, out)
	}
}

// TestIngestReasons: why a file failed is said in the reader's language
// (the kind of failure, then the reader's own detail), and in English
// with --lang en; the dataset keeps the reader's words.
func TestIngestReasons(t *testing.T) {
	dir := t.TempDir()
	docs := filepath.Join(dir, "docs")
	os.Mkdir(docs, 0o755)
	copyTo(t, docs, "seed000.txt")
	bad := filepath.Join(docs, "bad.docx")
	os.WriteFile(bad, []byte("PK\x03\x04 not a zip"), 0o644)
	db := filepath.Join(dir, "chiso.db")
	for _, tt := range []struct {
		lang []string
		want string
	}{
		{nil, "lỗi: " + bad + ": tệp bị hỏng (docx: "},
		{[]string{"--lang", "en"}, "failed: " + bad + ": docx: "},
	} {
		code, out, _ := runCLI("", append([]string{"ingest", "--db", db, docs}, tt.lang...)...)
		if code != exitUnread || !strings.Contains(out, tt.want) {
			t.Errorf("ingest %q: exit %d, output lacks %q:\n%s", tt.lang, code, tt.want, out)
		}
	}
}

// TestAuditDB: `audit --db` finds what no one report shows (here a count
// that falls from Q2 to Q3 of a report declared cumulative), in
// Vietnamese by default and in the finding shape with --json, filters by
// period and unit, exits 1 on an error finding, 0 on a clean period, and
// 2 on a period it cannot read; file audit is unchanged beside it.
func TestAuditDB(t *testing.T) {
	dir := t.TempDir()
	report := func(name, period string, systems int) {
		text := "ỦY BAN NHÂN DÂN QUẬN 3\n\nBÁO CÁO\n\nKết quả chuyển đổi số " + period + "\n\n" +
			"Số liệu báo cáo là số liệu lũy kế tính từ đầu năm đến thời điểm báo cáo.\n\n" +
			"STT\tChỉ số/Chỉ số thành phần\tSố liệu kê khai\tTài liệu kiểm chứng\n" +
			"1\tSố cuộc họp trực tuyến\t" + strconv.Itoa(systems) + "\tVăn bản\n"
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	report("q2.txt", "quý II năm 2023", 45)
	report("q3.txt", "quý III năm 2023", 40)
	report("q1-2024.txt", "quý I năm 2024", 3)
	db := filepath.Join(dir, "chiso.db")
	if code, out, errs := runCLI("", "ingest", "--db", db, dir); code != exitOK {
		t.Fatalf("ingest: exit %d\n%s%s", code, out, errs)
	}
	tests := []struct {
		args []string
		code int
		want []string // in stdout
		not  []string
	}{
		{[]string{"audit", "--db", db}, exitFindings,
			[]string{"cumulative_decrease", "số liệu lũy kế giảm từ 45 (2023-Q2, q2.txt) xuống 40 (2023-Q3, q3.txt)", "q2.txt, bảng 1 dòng 2"}, nil},
		{[]string{"audit", "--db", db, "--lang", "en", "--period", "2023-Q3"}, exitFindings,
			[]string{"cumulative figure falls from 45 (2023-Q2, q2.txt) to 40 (2023-Q3, q3.txt)"}, nil},
		{[]string{"audit", "--db", db, "--period", "2024"}, exitOK, []string{"(0)"}, []string{"cumulative_decrease"}},
		{[]string{"audit", "--db", db, "--unit", "q5"}, exitOK, []string{"(0)"}, []string{"cumulative_decrease"}},
		{[]string{"audit", "--db", db, "--unit", "quan 3", "--period", "2023"}, exitFindings, []string{"cumulative_decrease"}, nil},
		{[]string{"audit", "--db", db, "--period", "2023-3"}, exitUsage, nil, nil},
		{[]string{"audit", filepath.Join(dir, "q3.txt")}, exitOK, []string{"== "}, []string{"cumulative_decrease"}},
	}
	for _, tt := range tests {
		code, out, errs := runCLI("", tt.args...)
		if code != tt.code {
			t.Errorf("%v: exit %d, want %d\n%s%s", tt.args, code, tt.code, out, errs)
		}
		for _, w := range tt.want {
			if !strings.Contains(out, w) {
				t.Errorf("%v: no %q in\n%s", tt.args, w, out)
			}
		}
		for _, w := range tt.not {
			if strings.Contains(out, w) {
				t.Errorf("%v: %q in\n%s", tt.args, w, out)
			}
		}
	}
	code, out, _ := runCLI("", "audit", "--db", db, "--json")
	var got struct {
		Schema   string `json:"schema"`
		Findings []struct {
			Code     string   `json:"code"`
			Severity string   `json:"severity"`
			Reported *float64 `json:"reported"`
			Computed *float64 `json:"computed"`
			Message  string   `json:"message"`
			Reports  []struct {
				Source string `json:"source"`
			} `json:"reports"`
		} `json:"findings"`
		Error *string `json:"error"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil || code != exitFindings {
		t.Fatalf("audit --db --json: exit %d, %v\n%s", code, err, out)
	}
	if got.Schema != "chiso/v1" || len(got.Findings) != 1 || got.Error != nil {
		t.Fatalf("audit --db --json: %+v", got)
	}
	f := got.Findings[0]
	if f.Code != "cumulative_decrease" || f.Severity != "error" || *f.Reported != 40 || *f.Computed != 45 ||
		len(f.Reports) != 2 || filepath.Base(f.Reports[0].Source) != "q3.txt" || filepath.Base(f.Reports[1].Source) != "q2.txt" {
		t.Errorf("finding %+v", f)
	}
}
