package golden

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// chisoBin is the command built by TestMain, or "" with buildErr saying why
// it could not be built.
var (
	chisoBin string
	buildErr error
)

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "golden-chiso-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	chisoBin, buildErr = build(dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// build compiles cmd/chiso into dir once, so that every test runs the
// command a user runs.
func build(dir string) (string, error) {
	goCmd, err := exec.LookPath("go")
	if err != nil {
		return "", err
	}
	exe := filepath.Join(dir, "chiso")
	out, err := exec.Command(goCmd, "build", "-o", exe, "chiso/cmd/chiso").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go build chiso/cmd/chiso: %v\n%s", err, out)
	}
	return exe, nil
}

// TestCLI runs `chiso parse --json` over every fixture, as the README's
// first example does: it must exit 0, print one object per file, and print
// exactly what the parse view gives once indented — so that the expected
// files are what users see.
func TestCLI(t *testing.T) {
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	paths := fixtures(t)
	args := []string{"parse", "--json"}
	for _, p := range paths {
		args = append(args, filepath.Base(p))
	}
	cmd := exec.Command(chisoBin, args...)
	cmd.Dir = "testdata" // so that source.path is the base name, as in the expected files
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Errorf("chiso %v over the fixtures: %v\n%s", args[:2], err, stderr.Bytes())
	}
	lines := bytes.Split(bytes.TrimSuffix(stdout.Bytes(), []byte("\n")), []byte("\n"))
	if len(lines) != len(paths) {
		t.Fatalf("chiso parse --json printed %d lines for %d files", len(lines), len(paths))
	}
	for i, line := range lines {
		var got bytes.Buffer
		if err := json.Indent(&got, line, "", "  "); err != nil {
			t.Errorf("%s: output is not JSON: %v", paths[i], err)
			continue
		}
		got.WriteByte('\n')
		want, err := encode(parseView(t, paths[i]))
		if err != nil {
			t.Fatal(err)
		}
		if d := diff(want, got.Bytes()); d != "" {
			t.Errorf("chiso parse --json %s differs from the parse view (view -, chiso +):\n%s", filepath.Base(paths[i]), d)
		}
	}
}
