package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// mismatchHTML is a one-table report whose rate disagrees with its a/b.
const mismatchHTML = `<html><body><p>BÁO CÁO QUÝ III NĂM 2023 CỦA QUẬN 5</p><table>
<tr><th>STT</th><th>Chỉ số/Chỉ số thành phần</th><th>Số liệu kê khai</th><th>Tài liệu kiểm chứng</th></tr>
<tr><td>7</td><td>Tỷ lệ hồ sơ xử lý trực tuyến</td><td>75,23 %</td><td>- Tỷ lệ= a/b</td></tr>
<tr><td>a</td><td>Số hồ sơ xử lý trực tuyến</td><td>11.781</td><td></td></tr>
<tr><td>b</td><td>Tổng số hồ sơ</td><td>15.060</td><td></td></tr>
</table></body></html>`

func runCLI(stdin string, args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(&env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb}, args)
	return code, out.String(), errb.String()
}

func TestExtractCommand(t *testing.T) {
	tests := []struct {
		name  string
		stdin string
		args  []string
		code  int
	}{
		{"no file", "", []string{"extract"}, exitUsage},
		{"bad language", "", []string{"extract", "--lang", "fr", "-"}, exitUsage},
		{"error finding", mismatchHTML, []string{"extract", "--json", "-"}, exitFindings},
		{"audit error finding", mismatchHTML, []string{"audit", "--json", "--lang", "en", "-"}, exitFindings},
		{"unreadable wins", mismatchHTML, []string{"extract", "--json", "-", "testdata/no-such-file.docx"}, exitUnread},
		{"readable table", mismatchHTML, []string{"extract", "-"}, exitFindings},
		{"flags after the file", mismatchHTML, []string{"extract", "-", "--json", "--lang", "en"}, exitFindings},
		{"flag between files", mismatchHTML, []string{"audit", "-", "--json", "testdata/no-such-file.docx"}, exitUnread},
	}
	for _, tt := range tests {
		code, stdout, stderr := runCLI(tt.stdin, tt.args...)
		if code != tt.code {
			t.Errorf("%s: exit %d, want %d (stderr %q)", tt.name, code, tt.code, stderr)
		}
		if !strings.Contains(strings.Join(tt.args, " "), "--json") {
			continue
		}
		lines := strings.Split(strings.TrimSpace(stdout), "\n")
		files := 0
		for _, a := range tt.args {
			if a == "-" || strings.Contains(a, "/") {
				files++
			}
		}
		if len(lines) != files {
			t.Errorf("%s: %d JSON lines for %v", tt.name, len(lines), tt.args)
		}
		for _, l := range lines {
			var obj map[string]json.RawMessage
			if err := json.Unmarshal([]byte(l), &obj); err != nil {
				t.Fatalf("%s: %v in %q", tt.name, err, l)
			}
			for _, k := range []string{"schema", "source", "findings", "error"} {
				if _, ok := obj[k]; !ok {
					t.Errorf("%s: no %q in %s", tt.name, k, l)
				}
			}
			_, hasReport := obj["report"]
			if hasReport == (tt.args[0] == "audit") {
				t.Errorf("%s: report field present=%v", tt.name, hasReport)
			}
		}
	}
}

func TestExtractJSON(t *testing.T) {
	_, stdout, _ := runCLI(mismatchHTML, "extract", "--json", "-")
	var out struct {
		Report struct {
			Unit   string
			Period struct{ Year, Quarter *int }
		}
		Indicators []struct {
			Path       []string
			Value      map[string]any
			Components map[string]float64
		}
		Findings []struct {
			Code     string
			Reported *float64
			Computed *float64
		}
	}
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatal(err)
	}
	if out.Report.Unit != "Quận 5" || out.Report.Period.Quarter == nil || *out.Report.Period.Quarter != 3 {
		t.Errorf("report %+v", out.Report)
	}
	if len(out.Indicators) != 1 || out.Indicators[0].Components["a"] != 11781 || out.Indicators[0].Value["number"] != 75.23 {
		t.Errorf("indicators %+v", out.Indicators)
	}
	if len(out.Findings) != 1 || out.Findings[0].Code != "rate_mismatch" || *out.Findings[0].Reported != 75.23 {
		t.Errorf("findings %+v", out.Findings)
	}
}

// TestGlobs gives chiso the patterns cmd.exe and PowerShell pass on
// unexpanded: chiso expands them itself, and a pattern that matches
// nothing is reported by name.
func TestGlobs(t *testing.T) {
	dir := t.TempDir()
	copyTo(t, dir, "seed000.txt", "seed001.html")
	code, out, errs := runCLI("", "extract", "--json", filepath.Join(dir, "seed*.*"))
	if code == exitUnread || strings.Count(out, "\n") != 2 || !strings.Contains(out, "seed001.html") {
		t.Errorf("extract seed*.*: exit %d, %d lines, %s", code, strings.Count(out, "\n"), errs)
	}
	none := filepath.Join(dir, "*.pdf")
	code, _, errs = runCLI("", "extract", none)
	if code != exitUnread || !strings.Contains(errs, none) {
		t.Errorf("extract %s: exit %d, %q; want exit 3 naming the pattern", none, code, errs)
	}
}

// TestBadFlagValues: a wrong flag value is named, with why, not just
// answered with the usage.
func TestBadFlagValues(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"extract", "--lang", "fr", "-"}, "--lang fr: "},
		{[]string{"audit", "-", "--lang=fr"}, "--lang fr: "},
		{[]string{"score", "--lang", "fr", "-"}, "--lang fr: "},
		{[]string{"ingest", "--workers", "0", "x"}, "--workers 0: "},
		{[]string{"ingest", "--lang", "fr", "x"}, "--lang fr: "},
		{[]string{"export", "--format", "yaml"}, "--format yaml: "},
		{[]string{"export", "--format", "csv", "--csv-profile", "excel"}, "--csv-profile excel: "},
	} {
		code, _, errs := runCLI("", tt.args...)
		if code != exitUsage || !strings.Contains(errs, tt.want) {
			t.Errorf("%q: exit %d, stderr %q; want exit %d and %q", tt.args, code, errs, exitUsage, tt.want)
		}
	}
}

// TestFolders: extract, audit, score and parse take folders, read
// recursively with ingest's filter, and name each file under them that
// chiso cannot read (exit 3), in JSON too, rather than skip it silently.
func TestFolders(t *testing.T) {
	dir := t.TempDir()
	copyTo(t, dir, "seed000.txt")
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	copyTo(t, filepath.Join(dir, "sub"), "seed001.html")
	pages := filepath.Join(dir, "note.pages")
	os.WriteFile(pages, []byte("not a report"), 0o644)
	for _, args := range [][]string{
		{"audit", "--json", dir},
		{"extract", dir, "--json"},
		{"score", "--rubric", "hcm-dti-2023-district", "--json", dir},
		{"parse", "--json", dir},
	} {
		code, out, errs := runCLI("", args...)
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if code != exitUnread || len(lines) != 3 || !strings.Contains(lines[0], "seed000.txt") ||
			!strings.Contains(lines[1], filepath.Join("sub", "seed001.html")) || !strings.Contains(lines[2], `"error":"`+pages) ||
			!strings.Contains(errs, pages+": định dạng không được hỗ trợ (.pages)") || strings.Contains(errs, "tệp bị hỏng") {
			t.Errorf("%q: exit %d, %d lines:\n%s\nstderr %q", args, code, len(lines), out, errs)
		}
	}
	// Without the unreadable file the folder is a clean run of two.
	os.Remove(pages)
	code, out, _ := runCLI("", "audit", dir)
	if code != exitFindings || strings.Count(out, "== ") != 2 {
		t.Errorf("audit %s: exit %d\n%s", dir, code, out)
	}
}

// TestAuditAsScore: on a filled self-scoring sheet, audit and extract
// show every finding score does — the self-score checks included; audit
// once showed 1 where score showed 12.
func TestAuditAsScore(t *testing.T) {
	codes := func(args ...string) []string {
		code, out, errs := runCLI("", args...)
		var obj struct {
			Findings []struct{ Code, Severity string }
		}
		if err := json.Unmarshal([]byte(out), &obj); err != nil || code != exitFindings {
			t.Fatalf("%q: exit %d, %v, %s", args, code, err, errs)
		}
		var cs []string
		for _, f := range obj.Findings {
			if f.Severity != "info" {
				cs = append(cs, f.Code)
			}
		}
		slices.Sort(cs)
		return cs
	}
	score := codes("score", "--json", "--rubric", "hcm-dti-2023-district", filledSheet)
	if len(score) < 12 {
		t.Fatalf("score shows %d findings: %v", len(score), score)
	}
	for _, cmd := range []string{"audit", "extract"} {
		if got := codes(cmd, "--json", "--rubric", "hcm-dti-2023-district", filledSheet); !slices.Equal(got, score) {
			t.Errorf("%s shows %v\nscore shows %v", cmd, got, score)
		}
	}
}
