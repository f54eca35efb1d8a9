package main

import (
	"encoding/json"
	"flag"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"

	"chiso/internal/msg"
)

// TestVietnameseByDefault: help, usage errors, summaries and the numbers
// of the text output are Vietnamese unless --lang en asks for English,
// on every command.
func TestVietnameseByDefault(t *testing.T) {
	tests := []struct {
		args      []string
		code      int
		out, errs string // what stdout and stderr hold
		notOut    string // what stdout must not hold
	}{
		{[]string{"--help"}, exitOK, "", "cách dùng: chiso LỆNH", ""},
		{[]string{"--help", "--lang", "en"}, exitOK, "", "usage: chiso COMMAND", ""},
		{[]string{"extract", "-h"}, exitOK, "", "in JSON Lines, mỗi tệp một đối tượng", ""},
		{[]string{"extract", "-h", "--lang", "en"}, exitOK, "", "print JSON Lines, one object per file", ""},
		{[]string{"history", "-h"}, exitOK, "", "ngôn ngữ của thông báo", ""},
		{[]string{"nope"}, exitUsage, "", `chiso: không có lệnh "nope"`, ""},
		{[]string{"--lang", "en"}, exitUsage, "", "usage: chiso COMMAND", ""},
		{[]string{"--lang", "en", "audit", "-"}, exitFindings, "Findings (1):", "", ""},
		{[]string{"help", "rank"}, exitOK, "", "cách dùng: chiso rank", ""},
		{[]string{"score", "--rubric", "hcm-dti-2023-district", filledSheet}, exitFindings, "tổng điểm: 456,38 / 660", "", "456.38"},
		{[]string{"score", "--rubric", "hcm-dti-2023-district", filledSheet, "--lang", "en"}, exitFindings, "total: 456.38 / 660", "", "456,38"},
		{[]string{"extract", "-"}, exitFindings, "a/b = 11.781/15.060 = 78,227%", "", "75.23"},
		{[]string{"extract", "-", "--lang", "en"}, exitFindings, "75.23 %            6.3", "", "11.781"},
		{[]string{"audit", "-"}, exitFindings, "lỗi       rate_mismatch", "", ""},
		{[]string{"extract", "no/such/file.docx"}, exitUnread, "", "không có tệp này", ""},
		{[]string{"extract", "--rubric", "nope", "-"}, exitUsage, "", "chiso extract: --rubric nope: không phải bộ tiêu chí có sẵn (hcm-dti-2023-department", ""},
		{[]string{"rank", "--rubric", "nope", "--period", "2023", "--lang", "en"}, exitUsage, "", "chiso rank: --rubric nope: not a rubric chiso ships", ""},
		{[]string{"export", "--db", "../../go.mod", "--format", "json"}, exitUnread, "", "không phải bộ dữ liệu của chiso", ""},
	}
	for _, tt := range tests {
		code, out, errs := runCLI(mismatchHTML, tt.args...)
		if code != tt.code || !strings.Contains(out, tt.out) || !strings.Contains(errs, tt.errs) ||
			tt.notOut != "" && strings.Contains(out, tt.notOut) {
			t.Errorf("%q: exit %d, want %d\nstdout %q (want %q, not %q)\nstderr %q (want %q)",
				tt.args, code, tt.code, out, tt.out, tt.notOut, errs, tt.errs)
		}
	}
}

// TestBadFlags: a bad flag or value is a usage error (exit 2) that names
// the flag and says what is wrong, before the usage; it used to print the
// usage alone, or flag's English.
func TestBadFlags(t *testing.T) {
	tests := []struct {
		args []string
		errs string
	}{
		{[]string{"extract", "--lang", "fr", "-"}, "chiso extract: --lang fr: các ngôn ngữ là vi (tiếng Việt) và en (tiếng Anh)"},
		{[]string{"history", "--lang", "fr", "--unit", "q5"}, "chiso history: --lang fr:"},
		{[]string{"ingest", "--workers", "0", "docs"}, "chiso ingest: --workers 0: phải đọc ít nhất một tệp mỗi lần"},
		{[]string{"ingest", "docs", "--workers", "abc"}, "chiso ingest: --workers abc: không phải giá trị tuỳ chọn này nhận"},
		{[]string{"ingest", "docs", "--workers"}, "chiso ingest: -workers: cần một giá trị"},
		{[]string{"extract", "--bogus", "-"}, "chiso extract: -bogus: không có tuỳ chọn này"},
		{[]string{"extract", "--bogus", "-", "--lang", "en"}, "chiso extract: -bogus: no such flag"},
		{[]string{"extract", "--timeout", "0", "-"}, "chiso extract: --timeout 0s: giới hạn thời gian phải lớn hơn 0"},
		{[]string{"extract"}, "chiso extract: cần ít nhất một tệp hoặc thư mục"},
		{[]string{"score", "-"}, "chiso score: cần một bộ tiêu chí"},
		{[]string{"history"}, "chiso history: cần một đơn vị, ví dụ --unit q5"},
		{[]string{"rank", "--period", "last year"}, "chiso rank: --period last year: năm được viết bằng bốn chữ số"},
		{[]string{"export", "--format", "yaml"}, "chiso export: --format yaml: các định dạng là csv, xlsx và json"},
	}
	for _, tt := range tests {
		code, _, errs := runCLI("", tt.args...)
		if code != exitUsage || !strings.HasPrefix(errs, tt.errs) || !strings.Contains(errs, "cách dùng: chiso") && !strings.Contains(errs, "usage: chiso") {
			t.Errorf("%q: exit %d, stderr %q; want %d and %q, then the usage", tt.args, code, errs, exitUsage, tt.errs)
		}
	}
}

// TestVersion: `chiso version` and `chiso --version` say the version and
// the toolchain, in text and as JSON.
func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}, {"-version", "--lang", "en"}} {
		code, out, errs := runCLI("", args...)
		if code != exitOK || !strings.HasPrefix(out, "chiso ") || !strings.Contains(out, runtime.Version()) {
			t.Errorf("%q: exit %d, %q %q", args, code, out, errs)
		}
	}
	code, out, _ := runCLI("", "version", "--json")
	var v version
	if err := json.Unmarshal([]byte(out), &v); code != exitOK || err != nil || v.Go != runtime.Version() || v.Version == "" {
		t.Errorf("version --json: exit %d, %q, %v", code, out, err)
	}
}

// TestHelpCatalogued: every command's summary and every flag's text has
// its Vietnamese in the catalogue, so that help is never half English. A
// command added without them fails here: add them to
// internal/msg/catalog.go.
func TestHelpCatalogued(t *testing.T) {
	for name, c := range commands {
		if msg.String("vi", c.summary) == c.summary {
			t.Errorf("command %s: summary %q has no Vietnamese in internal/msg/catalog.go", name, c.summary)
		}
		probe := &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard, lang: "vi"}
		c.run(probe, []string{"-h"})
		for _, fs := range probe.flagSets {
			fs.VisitAll(func(f *flag.Flag) {
				if msg.String("vi", f.Usage) == f.Usage {
					t.Errorf("%s --%s: %q has no Vietnamese in internal/msg/catalog.go", name, f.Name, f.Usage)
				}
			})
		}
	}
}

// TestOut: --out FILE writes any command's standard output to FILE, in
// UTF-8, wherever it stands on the line; a usage error leaves no file.
func TestOut(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"rubrics", "--out", "OUT"},
		{"audit", "-", "--out=OUT"},
		{"extract", "--out", "OUT", "--json", "-"},
		{"version", "--out", "OUT"},
		{"completion", "powershell", "--out", "OUT"},
	} {
		out := filepath.Join(dir, args[0]+".txt")
		for i, a := range args {
			args[i] = strings.ReplaceAll(a, "OUT", out)
		}
		code, stdout, errs := runCLI(mismatchHTML, args...)
		b, err := os.ReadFile(out)
		if code == exitUsage || code == exitUnread || stdout != "" || err != nil || len(b) == 0 || !utf8.Valid(b) {
			t.Errorf("%q: exit %d, stdout %q, file %d bytes (%v), stderr %q", args, code, stdout, len(b), err, errs)
		}
	}
	out := filepath.Join(dir, "none.txt")
	if code, _, _ := runCLI("", "extract", "--lang", "fr", "-", "--out", out); code != exitUsage {
		t.Errorf("extract --lang fr: exit %d", code)
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("a usage error left %s behind", out)
	}
	if code, _, errs := runCLI("", "rubrics", "--out"); code != exitUsage || !strings.Contains(errs, "--out cần một giá trị") {
		t.Errorf("rubrics --out: exit %d, %q", code, errs)
	}
}
