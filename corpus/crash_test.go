package corpus

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"chiso/internal/msg"
)

// poisonExit is the status the fault hook kills the helper process with.
const poisonExit = 7

// TestPoisonHelper is not a test: run by TestPoisonFile in a child
// process, it ingests CHISO_POISON_DIR into CHISO_POISON_DB with the
// fault hook armed, so that reading the file named CHISO_POISON dies as a
// runaway reader would, without a chance to recover.
func TestPoisonHelper(t *testing.T) {
	poison := os.Getenv("CHISO_POISON")
	if poison == "" {
		t.Skip("run by TestPoisonFile")
	}
	s, err := Open(context.Background(), os.Getenv("CHISO_POISON_DB"))
	if err != nil {
		t.Fatal(err)
	}
	workers, _ := strconv.Atoi(os.Getenv("CHISO_POISON_WORKERS"))
	files, _ := Files([]string{os.Getenv("CHISO_POISON_DIR")})
	in := &Ingester{Store: s, Rubric: district(t), Workers: workers, Timeout: time.Minute}
	in.crash = func(path string) {
		if filepath.Base(path) == poison {
			os.Exit(poisonExit)
		}
	}
	if _, err := in.Run(context.Background(), files); err != nil {
		t.Fatal(err)
	}
}

// TestPoisonFile: a file that kills the process while it is read stops
// one run, not every run after it. Read by one worker, the next run
// records it as failed (CrashReason) and stores the rest; read beside
// others, the next run reads each suspect alone, dies once more on the
// poison file, and the run after that knows it.
func TestPoisonFile(t *testing.T) {
	for _, tt := range []struct {
		workers int
		deaths  int // runs the poison file stops
	}{{1, 1}, {2, 2}} {
		t.Run(strconv.Itoa(tt.workers)+" workers", func(t *testing.T) {
			dir := t.TempDir()
			docs := filepath.Join(dir, "docs")
			os.Mkdir(docs, 0o755)
			for _, n := range []string{"seed000.txt", "seed001.html", "seed004_filled.txt", "utf8.txt"} {
				copyFile(t, filepath.Join(fixtures, n), filepath.Join(docs, n))
			}
			copyFile(t, filepath.Join(fixtures, "nfd.txt"), filepath.Join(docs, "poison.txt"))
			db := filepath.Join(dir, "chiso.db")
			for i := 0; i < tt.deaths; i++ {
				cmd := exec.Command(os.Args[0], "-test.run=^TestPoisonHelper$")
				cmd.Env = append(os.Environ(), "CHISO_POISON=poison.txt", "CHISO_POISON_DB="+db,
					"CHISO_POISON_DIR="+docs, "CHISO_POISON_WORKERS="+strconv.Itoa(tt.workers))
				out, err := cmd.CombinedOutput()
				var ee *exec.ExitError
				if !errors.As(err, &ee) || ee.ExitCode() != poisonExit {
					t.Fatalf("run %d: %v, want exit %d:\n%s", i+1, err, poisonExit, out)
				}
			}
			s := openT(t, db)
			sum := ingest(t, s, tt.workers, docs)
			if len(sum.Failed) != 1 || filepath.Base(sum.Failed[0].Path) != "poison.txt" || sum.Failed[0].Reason != CrashReason {
				t.Fatalf("failed %+v, want poison.txt with %q", sum.Failed, CrashReason)
			}
			if got := sum.New + sum.Unchanged; got != 4 {
				t.Errorf("%d other files stored, want 4 (summary %+v)", got, sum)
			}
			if n := count(t, s, "reading"); n != 0 {
				t.Errorf("%d files left marked as being read", n)
			}
			if vi := msg.String("vi", CrashReason); vi == CrashReason {
				t.Errorf("no Vietnamese for %q", CrashReason)
			}
			// Not read again while its content is the same.
			again := ingest(t, s, tt.workers, docs)
			if len(again.Failed) != 1 || again.Failed[0].Reason != CrashReason {
				t.Errorf("second run: failed %+v", again.Failed)
			}
		})
	}
}
