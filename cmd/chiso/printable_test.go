package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPrintable(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Báo cáo Quận 1.docx", "Báo cáo Quận 1.docx"},
		{`C:\Báo cáo\q1.pdf`, `C:\Báo cáo\q1.pdf`},
		{"a\x1b[2Jb.txt", `a\x1b[2Jb.txt`},
		{"title\x1b]0;pwned\x07.pdf", `title\x1b]0;pwned\a.pdf`},
		{"line\nbreak\r.txt", `line\nbreak\r.txt`},
		{"del\x7f.txt", `del\x7f.txt`},
		{"c1\u009b31m.txt", `c1\u009b31m.txt`},
		{"invoice\u202efdp.exe", `invoice\u202efdp.exe`},
		{"iso\u2066x\u2069.txt", `iso\u2066x\u2069.txt`},
		{"latin1-\xe9.txt", `latin1-\xe9.txt`},
	}
	for _, tt := range tests {
		if got := printable(tt.in); got != tt.want {
			t.Errorf("printable(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

// TestNamesEscaped: a file name holding a terminal escape reaches the
// terminal escaped, in ingest's progress, failure and summary lines and
// in parse's and extract's errors, so that a name cannot clear the
// screen or retitle the window of the officer who reads the output.
func TestNamesEscaped(t *testing.T) {
	dir := t.TempDir()
	docs := filepath.Join(dir, "docs")
	os.Mkdir(docs, 0o755)
	good := filepath.Join(docs, "q1\x1b[2J.txt")
	bad := filepath.Join(docs, "q2\x1b]0;x\x07.docx")
	b, err := os.ReadFile("../../golden/testdata/seed004.txt")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(good, b, 0o644); err != nil {
		t.Skip("no such file names here:", err)
	}
	os.WriteFile(bad, []byte("PK\x03\x04 not a zip"), 0o644)
	db := filepath.Join(dir, "chiso.db")
	tests := []struct {
		args []string
		want []string // in stdout and stderr together
	}{
		{[]string{"ingest", "--db", db, docs}, []string{
			filepath.Join(docs, `q1\x1b[2J.txt`) + ": mới",
			filepath.Join(docs, `q2\x1b]0;x\a.docx`) + ": lỗi:",
			"lỗi: " + filepath.Join(docs, `q2\x1b]0;x\a.docx`) + ": ",
		}},
		{[]string{"parse", bad}, []string{"chiso: " + filepath.Join(docs, `q2\x1b]0;x\a.docx`) + ": "}},
		{[]string{"parse", bad, "--lang", "en"}, []string{filepath.Join(docs, `q2\x1b]0;x\a.docx`)}},
		{[]string{"extract", bad}, []string{"chiso: " + filepath.Join(docs, `q2\x1b]0;x\a.docx`) + ": "}},
		{[]string{"extract", docs}, []string{"== " + filepath.Join(docs, `q1\x1b[2J.txt`)}},
		{[]string{"parse", docs}, []string{"== " + filepath.Join(docs, `q1\x1b[2J.txt`)}},
	}
	for _, tt := range tests {
		_, out, errs := runCLI("", tt.args...)
		all := out + errs
		if strings.ContainsAny(all, "\x1b\x07") {
			t.Errorf("%q printed a raw escape:\n%q", tt.args, all)
		}
		for _, w := range tt.want {
			if !strings.Contains(all, w) {
				t.Errorf("%q: output lacks %s:\n%s", tt.args, w, all)
			}
		}
	}
}
