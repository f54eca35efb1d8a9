package main

import (
	"strings"
	"testing"
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
		{[]string{"score", "--rubric", "hcm-dti-2023-district", filledSheet}, exitFindings, "tổng điểm: 456,38 / 660", "", "456.38"},
		{[]string{"score", "--rubric", "hcm-dti-2023-district", filledSheet, "--lang", "en"}, exitFindings, "total: 456.38 / 660", "", "456,38"},
		{[]string{"extract", "-"}, exitFindings, "a/b = 11.781/15.060 = 78,227%", "", "75.23"},
		{[]string{"extract", "-", "--lang", "en"}, exitFindings, "75.23 %            6.3", "", "11.781"},
		{[]string{"audit", "-"}, exitFindings, "lỗi       rate_mismatch", "", ""},
		{[]string{"extract", "no/such/file.docx"}, exitUnread, "", "không có tệp này", ""},
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
