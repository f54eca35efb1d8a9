package corpus

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"chiso/internal/material"
)

// cluster is a PostgreSQL server of the test's own, made by
// scripts/pg-test.sh in a folder and on a port of its own, so that
// stopping it stops no other test's server.
type cluster struct {
	dir, port, bin string
}

// ownCluster starts a cluster for the test and removes it after. It
// needs the server programs the script installs; like freshPostgres it
// skips without CHISO_TEST_POSTGRES, except in CI.
func ownCluster(t *testing.T) (*cluster, string) {
	t.Helper()
	if os.Getenv("CHISO_TEST_POSTGRES") == "" {
		if material.InCI() {
			t.Fatal("CHISO_TEST_POSTGRES is not set and CI=true: PostgreSQL tests must run in CI (see scripts/pg-test.sh)")
		}
		t.Skip("CHISO_TEST_POSTGRES not set: start a cluster with eval \"$(scripts/pg-test.sh start)\"")
	}
	bins, _ := filepath.Glob("/usr/lib/postgresql/*/bin/pg_ctl")
	if len(bins) == 0 {
		if p, err := exec.LookPath("pg_ctl"); err == nil {
			bins = []string{p}
		} else {
			t.Skip("no pg_ctl here to stop and start a server")
		}
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	ln.Close()
	// Not t.TempDir: its parent is closed to the postgres user the
	// script runs the server as.
	c := &cluster{dir: filepath.Join(os.TempDir(), fmt.Sprintf("chiso-pg-restart-%d-%s", os.Getpid(), port)), port: port, bin: filepath.Dir(bins[0])}
	script := exec.Command("../scripts/pg-test.sh", "start")
	script.Env = append(os.Environ(), "CHISO_PG_DIR="+c.dir, "CHISO_PG_PORT="+port)
	out, err := script.Output()
	if err != nil {
		t.Fatalf("scripts/pg-test.sh start: %v\n%s", err, out)
	}
	t.Cleanup(func() {
		stop := exec.Command("../scripts/pg-test.sh", "stop")
		stop.Env = append(os.Environ(), "CHISO_PG_DIR="+c.dir, "CHISO_PG_PORT="+port)
		stop.Run()
		os.RemoveAll(c.dir)
	})
	dsn, ok := strings.CutPrefix(strings.TrimSpace(string(out)), "export CHISO_TEST_POSTGRES=")
	if !ok {
		t.Fatalf("scripts/pg-test.sh start printed %q", out)
	}
	return c, strings.Trim(dsn, "'")
}

// pgCtl runs pg_ctl on the cluster, as the script does: as the postgres
// user when the test runs as root.
func (c *cluster) pgCtl(t *testing.T, args ...string) {
	t.Helper()
	args = append([]string{filepath.Join(c.bin, "pg_ctl"), "-D", filepath.Join(c.dir, "data")}, args...)
	if os.Geteuid() == 0 {
		args = append([]string{"runuser", "-u", "postgres", "--"}, args...)
	}
	if out, err := exec.Command(args[0], args[1:]...).CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// stop kills the server as a crash would (no shutdown checkpoint, every
// connection dropped); start brings it back.
func (c *cluster) stop(t *testing.T) { c.pgCtl(t, "-m", "immediate", "stop") }

func (c *cluster) start(t *testing.T) {
	c.pgCtl(t, "-l", filepath.Join(c.dir, "log"), "-w", "start",
		"-o", "-c listen_addresses=127.0.0.1 -p "+c.port+" -k "+c.dir+" -c fsync=off")
}

// TestPostgresRestart stops the server for real while a file is read,
// and starts it only after the run has given up: the file's row in
// table reading is left, and the next run, under a server started since,
// does not blame the file for stopping the run; the dataset holds whole
// reports, and the rerun's export is a clean run's.
func TestPostgresRestart(t *testing.T) {
	c, dsn := ownCluster(t)
	dir := t.TempDir()
	files := sheets(t, dir, 60)

	s := openT(t, dsn)
	list, _ := Files([]string{dir})
	in := &Ingester{Store: s, Rubric: district(t), Workers: 1, Timeout: time.Minute, markWait: -1}
	n := 0
	in.crash = func(string) {
		if n++; n == 25 {
			c.stop(t)
		}
	}
	_, err := in.Run(context.Background(), list)
	in.reading.Wait()
	if !errors.Is(err, ErrUnreachable) {
		t.Errorf("ingest with the server stopped: %v, want ErrUnreachable", err)
	}
	c.start(t)

	after := openT(t, dsn)
	if n := count(t, after, "reading"); n != 1 {
		t.Fatalf("%d files left marked as being read, want the one read when the server stopped", n)
	}
	stored := count(t, after, "reports")
	if stored >= len(files) {
		t.Fatalf("%d reports stored before the stop: the test proves nothing", stored)
	}
	t.Logf("stopped after %d of %d reports", stored, len(files))
	clean := openT(t, freshPostgres(t))
	ingest(t, clean, 2, dir)
	if got, want := rowCounts(t, after), rowCounts(t, clean); !within(got, want) {
		t.Errorf("partial reports after the stop:\n got  %v\n want a part of %v", got, want)
	}
	if n := count(t, after, "failures"); n != 0 {
		t.Errorf("%d files recorded as failed because the server stopped", n)
	}

	sum := ingest(t, after, 1, dir)
	if len(sum.Failed) != 0 {
		t.Errorf("rerun failed %+v, want none (the server stopped the run, not a file)", sum.Failed)
	}
	var got, want bytes.Buffer
	if err := after.WriteJSON(context.Background(), &got); err != nil {
		t.Fatal(err)
	}
	if err := clean.WriteJSON(context.Background(), &want); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Errorf("export after the stop and a rerun differs from a clean run's:\n%s", firstDiff(got.String(), want.String()))
	}
}
