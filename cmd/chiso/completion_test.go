package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestBashCompletion sources `chiso completion bash` in bash and asks it
// what it completes, as bash does on Tab.
func TestBashCompletion(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash here:", err)
	}
	code, script, errs := runCLI("", "completion", "bash")
	if code != exitOK {
		t.Fatalf("completion bash: exit %d, %s", code, errs)
	}
	file := filepath.Join(t.TempDir(), "chiso.bash")
	if err := os.WriteFile(file, []byte(script), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		line []string // the words typed, the last being completed
		want string
	}{
		{[]string{"chiso", "ex"}, "export extract"},
		{[]string{"chiso", "v"}, "version"},
		{[]string{"chiso", "extract", "a.txt", "--l"}, "--lang"},
		{[]string{"chiso", "history", "--"}, "--db --indicator --json --lang --out --unit"},
		{[]string{"chiso", "score", "--p"}, "--period"}, // score --db's own flag
		{[]string{"chiso", "audit", "--p"}, "--period"}, // audit --db's own flag
		{[]string{"chiso", "audit", "--lang", ""}, "vi en"},
		{[]string{"chiso", "export", "-format", "x"}, "xlsx"},
		{[]string{"chiso", "extract", "--rubric", "hcm-dti-2023-di"}, "hcm-dti-2023-district"},
		{[]string{"chiso", "completion", "p"}, "powershell"},
		{[]string{"chiso", "audit", "bao"}, ""}, // a file name: left to bash (-o default)
	}
	for _, tt := range tests {
		args := append([]string{"--norc", "-c", `source "$0"; COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); _chiso; echo "${COMPREPLY[*]}"`, file}, tt.line...)
		cmd := exec.Command(bash, args...)
		out, err := cmd.CombinedOutput()
		if got := strings.TrimSpace(string(out)); err != nil || got != tt.want {
			t.Errorf("%q: %q (%v), want %q", tt.line, got, err, tt.want)
		}
	}
}

// TestPowerShellCompletion: there is no PowerShell here to run it, so the
// script is checked for what it must register and list.
func TestPowerShellCompletion(t *testing.T) {
	code, script, _ := runCLI("", "completion", "powershell")
	for _, want := range []string{
		"Register-ArgumentCompleter -Native -CommandName 'chiso', 'chiso.exe'",
		"'ingest' = @('--db', '--follow-links', '--lang', '--max-size', '--out', '--rubric', '--stats', '--timeout', '--workers')",
		"'--lang' = @('vi', 'en')",
		"'--rubric' = @('none', 'hcm-dti-2023-department', 'hcm-dti-2023-district')",
		"[System.Management.Automation.CompletionResult]::new(",
	} {
		if code != exitOK || !strings.Contains(script, want) {
			t.Errorf("exit %d, script lacks %q:\n%s", code, want, script)
		}
	}
	if strings.Count(script, "{") != strings.Count(script, "}") || strings.Count(script, "(") != strings.Count(script, ")") {
		t.Errorf("unbalanced script:\n%s", script)
	}
	if code, _, errs := runCLI("", "completion", "zsh"); code != exitUsage || !strings.Contains(errs, "bash và powershell") {
		t.Errorf("completion zsh: exit %d, %q", code, errs)
	}
}
