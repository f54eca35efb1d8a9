// Package corpustest reads a fixed-seed corpus of corrupt files through
// chiso's one pipeline, under a memory limit and a deadline a file.
//
// It is a package of its own, rather than a test of the root package
// chiso, so that its test binary holds only this test: the peak RSS it
// checks (VmHWM) is then this corpus's, not the golden tests'. It imports
// chiso, parse and internal/hostile, none of which imports it.
package corpustest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
	"time"

	"chiso"
	"chiso/internal/hostile"
	"chiso/parse"
	"chiso/parse/ocr"
)

const (
	// seed fixes the corpus: a failure is the same file on every run.
	seed = 15
	// perFormat mutations of each of the 14 formats: 560 in all.
	perFormat = 40
	// memLimit is the soft limit the runtime works to (GOMEMLIMIT).
	memLimit = 256 << 20
	// rssBound is the peak resident set the whole run may reach: the
	// limit plus the binary, the runtime's slack and one file's bytes.
	rssBound = 512 << 20
	// deadline is each file's context deadline: short, since a few
	// files (a form drawn 100 times a level, 100,000 pages) do run into
	// it, and must then return. stall is how long past it a reader may
	// take to return before the test calls it a hang.
	deadline = 5 * time.Second
	stall    = 30 * time.Second
)

// TestCorruptCorpus reads every small file of the hostile corpus with
// parse.Bytes and chiso.Process: each must return a document or a
// *parse.Error, without a panic reaching the caller, within its deadline,
// and the process must stay under rssBound.
func TestCorruptCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 700 files")
	}
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(memLimit))
	// Without the engine a scan fails with ErrNoEngine after its image is
	// decoded: the decoders are tested, not Tesseract's speed.
	ocr.SetPath(filepath.Join(t.TempDir(), "no-tesseract"))
	defer ocr.SetPath("")
	files := hostile.Small(seed, perFormat)
	mutations := 0
	for _, f := range files {
		if strings.HasPrefix(f.Class, "mutation-") {
			mutations++
		}
	}
	if mutations < 500 {
		t.Fatalf("%d mutations, want at least 500", mutations)
	}
	read, failed := 0, 0
	var slowest time.Duration
	for _, f := range files {
		for _, stage := range []string{"parse", "process"} {
			start := time.Now()
			err, ok := readOne(stage, f)
			if d := time.Since(start); d > time.Second {
				// Not a failure (the machine may be loaded): the list
				// to look at when the test grows slow.
				t.Logf("%s %s (%s): %v", stage, f.Name, f.Class, d.Round(time.Millisecond))
			} else {
				slowest = max(slowest, d)
			}
			if !ok {
				t.Fatalf("%s %s (%s): still reading %v after its deadline of %v", stage, f.Name, f.Class, stall, deadline)
			}
			var pe *parse.Error
			switch {
			case err == nil:
				read++
			case errors.As(err, &pe):
				failed++
				if strings.Contains(err.Error(), "internal error") {
					t.Errorf("%s %s (%s): a reader panicked: %v", stage, f.Name, f.Class, err)
				}
			default:
				t.Errorf("%s %s (%s): error %T %v, want a *parse.Error", stage, f.Name, f.Class, err, err)
			}
		}
	}
	t.Logf("%d files (%d mutations), %d reads, %d refused; slowest under a second %v", len(files), mutations, read, failed, slowest.Round(time.Millisecond))
	if read == 0 || failed == 0 {
		t.Errorf("%d read and %d refused: a corpus of damage and valid samples has both", read, failed)
	}
	checkRSS(t)
}

// readOne reads f through one stage in a goroutine and waits for it past
// the deadline; ok is false when it did not return. A panic that escapes
// the stage ends the test binary, which fails the test as loudly.
func readOne(stage string, f hostile.File) (err error, ok bool) {
	ctx, cancel := context.WithTimeout(context.Background(), deadline)
	defer cancel()
	done := make(chan error, 1)
	go func() {
		switch stage {
		case "parse":
			_, err := parse.Bytes(ctx, f.Data, f.Name, deadline)
			done <- err
		default:
			_, err := chiso.Process(ctx, f.Name, f.Data, chiso.Options{Timeout: deadline})
			done <- err
		}
	}()
	select {
	case err := <-done:
		return err, true
	case <-time.After(deadline + stall):
		return nil, false
	}
}

// checkRSS fails the test when the process's peak resident set
// (VmHWM, Linux) passed rssBound.
func checkRSS(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Logf("peak RSS not checked: /proc/self/status is Linux's")
		return
	}
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			if err != nil {
				t.Fatalf("VmHWM %q: %v", v, err)
			}
			t.Logf("peak RSS %d MB (bound %d MB)", kb>>10, rssBound>>20)
			if kb<<10 > rssBound {
				t.Errorf("peak RSS %d MB, over the bound of %d MB", kb>>10, rssBound>>20)
			}
			return
		}
	}
	t.Fatal("no VmHWM in /proc/self/status")
}
