package corpus

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"chiso/internal/msg"
)

// faultProxy stands between the tests and PostgreSQL and, on cut, drops
// every connection and refuses new ones until restore: the server killed
// and restarted, as the client sees it, without root and at the moment
// the test chooses.
type faultProxy struct {
	ln       net.Listener
	upstream string
	mu       sync.Mutex
	down     bool
	conns    map[net.Conn]bool
}

// newFaultProxy listens on a loopback port and forwards to upstream
// (host:port); it stops with the test.
func newFaultProxy(t *testing.T, upstream string) *faultProxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &faultProxy{ln: ln, upstream: upstream, conns: map[net.Conn]bool{}}
	go p.serve()
	t.Cleanup(func() { ln.Close(); p.cut() })
	return p
}

func (p *faultProxy) serve() {
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		p.mu.Lock()
		down := p.down
		p.mu.Unlock()
		if down {
			c.Close() // refused: the server is not there
			continue
		}
		go p.forward(c)
	}
}

func (p *faultProxy) forward(c net.Conn) {
	up, err := net.Dial("tcp", p.upstream)
	if err != nil {
		c.Close()
		return
	}
	p.mu.Lock()
	if p.down {
		p.mu.Unlock()
		c.Close()
		up.Close()
		return
	}
	p.conns[c], p.conns[up] = true, true
	p.mu.Unlock()
	done := func() { c.Close(); up.Close() }
	go func() { io.Copy(up, c); done() }()
	io.Copy(c, up)
	done()
}

// cut drops every connection and refuses new ones.
func (p *faultProxy) cut() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.down = true
	for c := range p.conns {
		c.Close()
	}
	clear(p.conns)
}

// restore accepts connections again.
func (p *faultProxy) restore() {
	p.mu.Lock()
	p.down = false
	p.mu.Unlock()
}

// outage cuts, and restores after d: a server restarted, a network back.
func (p *faultProxy) outage(d time.Duration) {
	p.cut()
	time.AfterFunc(d, p.restore)
}

// via is dsn with its host and port replaced by the proxy's.
func (p *faultProxy) via(t *testing.T, dsn string) string {
	t.Helper()
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	u.Host = p.ln.Addr().String()
	return u.String()
}

func hostOf(t *testing.T, dsn string) string {
	t.Helper()
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	return u.Host
}

// TestPostgresCut: the connection to PostgreSQL lost in the middle of an
// ingest (while a file is read, and while the writer commits) stops the
// run with an error that says so in Vietnamese; the dataset holds whole
// reports only, no file is recorded as failed for it, none is blamed for
// stopping the run (the crash marker, crash.go); and once the server is
// back a rerun gives the export of one clean run, byte for byte.
func TestPostgresCut(t *testing.T) {
	tests := []struct {
		name    string
		workers int
		// arm sets the moment of the outage on in.
		arm func(in *Ingester, outage func())
	}{
		{"while a file is read", 1, func(in *Ingester, outage func()) {
			n := 0
			in.crash = func(string) {
				if n++; n == 25 {
					outage()
				}
			}
		}},
		{"while batches are written", 2, func(in *Ingester, outage func()) {
			n := 0
			in.Progress = func(Event) {
				if n++; n == 10 {
					outage()
				}
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			direct := freshPostgres(t)
			proxy := newFaultProxy(t, hostOf(t, direct))
			dir := t.TempDir()
			files := sheets(t, dir, 60)
			write(t, filepath.Join(dir, "broken.docx"), []byte("PK\x03\x04 not a zip"))

			s := openT(t, proxy.via(t, direct))
			list, unread := Files([]string{dir})
			in := &Ingester{Store: s, Rubric: district(t), Workers: tt.workers, Timeout: time.Minute, Unread: unread}
			tt.arm(in, func() { proxy.outage(300 * time.Millisecond) })
			sum, err := in.Run(context.Background(), list)
			in.reading.Wait()
			if err == nil {
				t.Fatalf("ingest through a cut connection: no error (summary %+v)", sum)
			}
			if !errors.Is(err, ErrUnreachable) || !strings.Contains(err.Error(), "PostgreSQL") {
				t.Errorf("error %q: want ErrUnreachable, naming PostgreSQL", err)
			}
			if vi := msg.String("vi", ErrUnreachable.Error()); vi == ErrUnreachable.Error() {
				t.Errorf("no Vietnamese for %q", ErrUnreachable)
			}
			if strings.Contains(err.Error(), dir) {
				t.Errorf("error %q names a file: the store failed, not the file", err)
			}
			proxy.restore() // if it is not back yet

			// What the cut left: whole reports, no failure blamed on a file.
			after := openT(t, direct)
			clean := openT(t, freshPostgres(t))
			ingest(t, clean, 2, dir)
			stored := count(t, after, "reports")
			if stored >= len(files) {
				t.Fatalf("%d reports stored before the cut: the test proves nothing", stored)
			}
			t.Logf("cut after %d of %d reports", stored, len(files))
			if got, want := rowCounts(t, after), rowCounts(t, clean); !within(got, want) {
				t.Errorf("partial reports after the cut:\n got  %v\n want a part of %v", got, want)
			}
			if n := countWhere(t, after, "failures", "path <> $1", filepath.Join(dir, "broken.docx")); n != 0 {
				t.Errorf("%d files recorded as failed because the store failed", n)
			}

			// The rerun, as a new process would: a new pool.
			again := openT(t, proxy.via(t, direct))
			sum = ingest(t, again, tt.workers, dir)
			if len(sum.Failed) != 1 || filepath.Base(sum.Failed[0].Path) != "broken.docx" {
				t.Errorf("rerun failed %+v, want only broken.docx", sum.Failed)
			}
			if n := count(t, again, "reading"); n != 0 {
				t.Errorf("%d files left marked as being read", n)
			}
			for _, export := range []struct {
				name  string
				write func(*Store, io.Writer) error
			}{
				{"json", func(s *Store, w io.Writer) error { return s.WriteJSON(context.Background(), w) }},
				{"csv", func(s *Store, w io.Writer) error {
					h, _ := HeadingsFor("vi")
					p, _ := CSVProfileFor("vi")
					return s.ExportCSV(context.Background(), w, h, p)
				}},
			} {
				var got, want bytes.Buffer
				if err := export.write(again, &got); err != nil {
					t.Fatal(err)
				}
				if err := export.write(clean, &want); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got.Bytes(), want.Bytes()) {
					t.Errorf("%s export after the cut and a rerun differs from a clean run's:\n%s", export.name, firstDiff(got.String(), want.String()))
				}
			}
			if got, want := dump(t, again), dump(t, clean); got != want {
				t.Errorf("dataset after the cut and a rerun differs from a clean run's:\n%s", firstDiff(got, want))
			}
		})
	}
}

// rowCounts is, for each stored report, how many indicators, findings
// and points it has.
func rowCounts(t *testing.T, s *Store) map[string]string {
	t.Helper()
	rows, err := s.db.Query(`select r.sha256,
		(select count(*) from indicators i where i.report = r.id),
		(select count(*) from findings f where f.report = r.id),
		(select count(*) from points p where p.report = r.id),
		(select count(*) from paths p where p.sha256 = r.sha256)
		from reports r`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var sha string
		var ind, fnd, pts, paths int
		if err := rows.Scan(&sha, &ind, &fnd, &pts, &paths); err != nil {
			t.Fatal(err)
		}
		out[sha] = fmt.Sprintf("%d indicators, %d findings, %d points, %d paths", ind, fnd, pts, paths)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// within reports whether every report of got is in want with the same
// rows.
func within(got, want map[string]string) bool {
	for sha, g := range got {
		if want[sha] != g {
			return false
		}
	}
	return true
}

func countWhere(t *testing.T, s *Store, table, cond string, args ...any) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow(`select count(*) from `+table+` where `+cond, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestPostgresCutCommand: the same through the command line, as an
// officer sees it: chiso ingest says in Vietnamese that the connection
// to PostgreSQL was lost (exit 3), and after a rerun chiso export
// writes what it writes for a clean run, byte for byte.
func TestPostgresCutCommand(t *testing.T) {
	direct := freshPostgres(t)
	proxy := newFaultProxy(t, hostOf(t, direct))
	dir := t.TempDir()
	files := sheets(t, dir, 200)
	s := openT(t, direct) // the schema first, so that the count below can poll
	viaProxy := proxy.via(t, direct)
	cmd := exec.Command(chisoCmd(t), "ingest", "--db", viaProxy, "--workers", "2", dir)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(2 * time.Minute)
	for count(t, s, "reports") < 20 {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("no reports after 2 minutes:\n%s", out.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	proxy.outage(300 * time.Millisecond)
	err := cmd.Wait()
	if n := count(t, s, "reports"); n >= len(files) {
		t.Fatalf("ingest finished (%d reports) before the cut: the test proves nothing", n)
	}
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 3 {
		t.Errorf("ingest through a cut connection: %v, want exit 3\n%s", err, out.String())
	}
	if want := "chiso: mất kết nối tới máy chủ PostgreSQL của bộ dữ liệu: các báo cáo đã lưu trước đó vẫn trọn vẹn"; !strings.Contains(out.String(), want) {
		t.Errorf("ingest output lacks %q:\n%s", want, tail(out.String()))
	}
	if strings.Contains(out.String(), ": lỗi:") {
		t.Errorf("a file was said to fail because the connection was lost:\n%s", tail(out.String()))
	}
	proxy.restore()

	run := func(args ...string) []byte {
		t.Helper()
		b, err := exec.Command(chisoCmd(t), args...).Output()
		if err != nil {
			t.Fatalf("chiso %s: %v", strings.Join(args, " "), err)
		}
		return b
	}
	run("ingest", "--db", viaProxy, "--workers", "2", dir)
	clean := freshPostgres(t)
	run("ingest", "--db", clean, "--workers", "2", dir)
	for _, format := range []string{"json", "csv"} {
		got := run("export", "--db", viaProxy, "--format", format)
		want := run("export", "--db", clean, "--format", format)
		if !bytes.Equal(got, want) {
			t.Errorf("chiso export --format %s after the cut and a rerun differs from a clean run's:\n%s", format, firstDiff(string(got), string(want)))
		}
	}
}

// tail is the end of a command's output, where its summary and error are.
func tail(s string) string {
	if len(s) > 2000 {
		return "…" + s[len(s)-2000:]
	}
	return s
}
