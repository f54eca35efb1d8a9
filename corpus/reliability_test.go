package corpus

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// binDir holds the chiso command built for the tests that run several
// processes at once; TestMain removes it.
var (
	binDir    string
	buildOnce sync.Once
	chisoBin  string
	buildErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// chisoCmd builds the command once per test binary, on first use, so that
// fuzz workers (which run TestMain too) do not build it.
func chisoCmd(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		if binDir, buildErr = os.MkdirTemp("", "chiso-corpus-test"); buildErr != nil {
			return
		}
		chisoBin = filepath.Join(binDir, "chiso")
		out, err := exec.Command("go", "build", "-o", chisoBin, "chiso/cmd/chiso").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("building chiso: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return chisoBin
}

// reference is the dump of a clean single run over paths into a fresh
// dataset of the same backend.
func reference(t *testing.T, b backend, paths ...string) string {
	t.Helper()
	s := openT(t, b.fresh(t))
	ingest(t, s, 2, paths...)
	return dump(t, s)
}

// TestConcurrentProcesses runs four `chiso ingest` processes at once on
// overlapping folders into one dataset: no duplicate report, no lost
// row, no "database is locked".
func TestConcurrentProcesses(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			dsn := b.fresh(t)
			dir := t.TempDir()
			var folders []string
			for i := range 4 {
				folders = append(folders, filepath.Join(dir, fmt.Sprintf("f%d", i)))
			}
			files := sheets(t, dir+"/all", 60)
			for i, f := range files {
				copyFile(t, f, filepath.Join(folders[i%4], filepath.Base(f)))
				// Every fifth file is also in the next folder under
				// another name: the same bytes at two paths.
				if i%5 == 0 {
					copyFile(t, f, filepath.Join(folders[(i+1)%4], "copy-"+filepath.Base(f)))
				}
			}
			os.RemoveAll(dir + "/all")
			var cmds []*exec.Cmd
			var outs []*bytes.Buffer
			for i := range 4 {
				// Each process takes its folder and the next one, so every
				// file is ingested by two processes at once.
				cmd := exec.Command(chisoCmd(t), "ingest", "--db", dsn, "--workers", "2", folders[i], folders[(i+1)%4])
				var out bytes.Buffer
				cmd.Stdout, cmd.Stderr = &out, &out
				if err := cmd.Start(); err != nil {
					t.Fatal(err)
				}
				cmds, outs = append(cmds, cmd), append(outs, &out)
			}
			for i, cmd := range cmds {
				err := cmd.Wait()
				out := outs[i].String()
				if err != nil {
					t.Errorf("process %d: %v\n%s", i, err, out)
				}
				for _, bad := range []string{"locked", "SQLITE_BUSY", ": failed:", "duplicate key"} {
					if strings.Contains(out, bad) {
						t.Errorf("process %d printed %q:\n%s", i, bad, out)
					}
				}
			}
			s := openT(t, dsn)
			if n := count(t, s, "reports"); n != len(files) {
				t.Errorf("%d reports, want %d", n, len(files))
			}
			if got, want := dump(t, s), reference(t, b, folders...); got != want {
				t.Errorf("four concurrent processes gave another dataset than one clean run:\n%s", firstDiff(got, want))
			}
		})
	}
}

// TestKillAndRerun kills an ingest with SIGKILL in the middle of 200
// files, reruns it, and expects the dataset a clean single run gives:
// every report written whole or not at all.
func TestKillAndRerun(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			dsn := b.fresh(t)
			dir := t.TempDir()
			files := sheets(t, dir, 200)
			broken, _ := filepath.Glob("testdata/broken/*")
			for _, f := range broken {
				copyFile(t, f, filepath.Join(dir, "broken-"+filepath.Base(f)))
			}
			// Make the schema first, so that the count below can poll.
			s := openT(t, dsn)
			cmd := exec.Command(chisoCmd(t), "ingest", "--db", dsn, "--workers", "2", dir)
			var out bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &out
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			deadline := time.Now().Add(2 * time.Minute)
			for {
				if n := count(t, s, "reports"); n >= 20 {
					break
				}
				if time.Now().After(deadline) {
					cmd.Process.Kill()
					t.Fatalf("no reports after 2 minutes:\n%s", out.String())
				}
				time.Sleep(10 * time.Millisecond)
			}
			// Process.Kill is SIGKILL on Unix: no chance to clean up.
			if err := cmd.Process.Kill(); err != nil {
				t.Fatal(err)
			}
			cmd.Wait()
			n := count(t, s, "reports")
			if n >= len(files) {
				t.Fatalf("ingest finished (%d reports) before it was killed: the test proves nothing", n)
			}
			t.Logf("killed after %d of %d reports", n, len(files))
			rerun := exec.Command(chisoCmd(t), "ingest", "--db", dsn, "--workers", "2", dir)
			outb, err := rerun.CombinedOutput()
			if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 3 {
				t.Errorf("rerun: %v, want exit 3 for the broken files\n%s", err, outb)
			}
			for _, f := range broken {
				if !bytes.Contains(outb, []byte("lỗi: "+filepath.Join(dir, "broken-"+filepath.Base(f)))) {
					t.Errorf("summary does not name %s as failed", f)
				}
			}
			if c := count(t, s, "reports"); c != len(files) {
				t.Errorf("%d reports after the rerun, want %d", c, len(files))
			}
			if got, want := dump(t, s), reference(t, b, dir); got != want {
				t.Errorf("kill -9 and rerun gave another dataset than one clean run:\n%s", firstDiff(got, want))
			}
		})
	}
}

// TestBackendsAgree ingests the same files into SQLite and PostgreSQL and
// expects the same dataset and the same export.
func TestBackendsAgree(t *testing.T) {
	dir := t.TempDir()
	seedFiles(t, dir)
	var dumps, csvs []string
	for _, b := range backends {
		s := openT(t, b.fresh(t))
		ingest(t, s, 2, dir)
		dumps = append(dumps, dump(t, s))
		var buf bytes.Buffer
		if err := s.writeCSV(context.Background(), &buf); err != nil {
			t.Fatal(err)
		}
		csvs = append(csvs, buf.String())
	}
	if dumps[0] != dumps[1] {
		t.Errorf("SQLite and PostgreSQL hold different datasets:\n%s", firstDiff(dumps[0], dumps[1]))
	}
	if csvs[0] != csvs[1] {
		t.Errorf("SQLite and PostgreSQL export different CSV:\n%s", firstDiff(csvs[0], csvs[1]))
	}
}

// firstDiff shows the first line where two dumps differ.
func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return fmt.Sprintf("line %d:\n got  %.300s\n want %.300s", i+1, x, y)
		}
	}
	return "(equal)"
}
