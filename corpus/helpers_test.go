package corpus

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"chiso/internal/material"
	"chiso/rubric"
)

// fixtures is where the golden fixtures live: the seed reports in every
// format, made by the golden helper.
const fixtures = "../golden/testdata"

// backend is a database the storage suite runs against.
type backend struct {
	name string
	// fresh returns the DSN of a new, empty dataset.
	fresh func(t *testing.T) string
}

var backends = []backend{
	{"sqlite", func(t *testing.T) string { return filepath.Join(t.TempDir(), "chiso.db") }},
	{"postgres", freshPostgres},
}

var pgSeq atomic.Int64

// freshPostgres creates an empty database in the cluster named by
// CHISO_TEST_POSTGRES and drops it after the test. Without the variable
// the test is skipped, unless CI=true, where a missing database is a
// failure: CI must not pass by skipping the real thing.
func freshPostgres(t *testing.T) string {
	t.Helper()
	base := os.Getenv("CHISO_TEST_POSTGRES")
	if base == "" {
		if material.InCI() {
			t.Fatal("CHISO_TEST_POSTGRES is not set and CI=true: PostgreSQL tests must run in CI (see scripts/pg-test.sh)")
		}
		t.Skip("CHISO_TEST_POSTGRES not set: start a cluster with eval \"$(scripts/pg-test.sh start)\"")
	}
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	name := fmt.Sprintf("chiso_t%d_%d", os.Getpid(), pgSeq.Add(1))
	if _, err := admin.Exec(`create database ` + name); err != nil {
		t.Fatalf("create database: %v", err)
	}
	t.Cleanup(func() {
		admin, err := sql.Open("pgx", base)
		if err != nil {
			return
		}
		defer admin.Close()
		admin.Exec(`drop database if exists ` + name + ` with (force)`)
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}

func openT(t *testing.T, dsn string) *Store {
	t.Helper()
	s, err := Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func district(t testing.TB) *rubric.Rubric {
	t.Helper()
	r, err := rubric.Builtin("hcm-dti-2023-district")
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// ingest runs an Ingester over paths and fails the test on a dataset
// error.
func ingest(t *testing.T, s *Store, workers int, paths ...string) *Summary {
	t.Helper()
	files, unread := Files(paths)
	in := &Ingester{Store: s, Rubric: district(t), Workers: workers, Timeout: time.Minute, Unread: unread}
	sum, err := in.Run(context.Background(), files)
	if err != nil {
		t.Fatal(err)
	}
	return sum
}

func dump(t *testing.T, s *Store) string {
	t.Helper()
	var b bytes.Buffer
	if err := s.Dump(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func count(t *testing.T, s *Store, table string) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow(`select count(*) from ` + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// kept counts the indicators of the reports the dataset reads: one per
// content (the lowest sha256 of each), as a report saved in several
// formats is counted once.
func kept(t *testing.T, s *Store) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow(`select count(*) from indicators where report in
		(select id from reports where sha256 in (select min(sha256) from reports group by content))`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func copyFile(t testing.TB, src, dst string) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	write(t, dst, b)
}

func write(t testing.TB, path string, b []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// seedFiles copies the five seed reports in all four formats (twenty
// distinct files) into dir.
func seedFiles(t testing.TB, dir string) []string {
	t.Helper()
	var out []string
	for i := range 5 {
		for _, ext := range []string{".txt", ".html", ".docx", ".pdf"} {
			name := fmt.Sprintf("seed%03d%s", i, ext)
			dst := filepath.Join(dir, name)
			copyFile(t, filepath.Join(fixtures, name), dst)
			out = append(out, dst)
		}
	}
	return out
}

// sheet is a district scoring sheet (seed 004 as filled in, text) for
// another unit, year and values: what a unit would send.
type sheet struct {
	unit    string // "Quận 3"
	year    int
	systems int    // indicator 5.1, a min-max count
	rate    string // indicator 6.13, a rate whose growth is scored: "60%"
}

func (s sheet) bytes(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(fixtures, "seed004_filled.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	for _, r := range [][2]string{
		{"Quận 1", s.unit}, {"QUẬN 1", strings.ToUpper(s.unit)},
		{"năm 2024", fmt.Sprintf("năm %d", s.year)}, {"NĂM 2024", fmt.Sprintf("NĂM %d", s.year)},
		{"\t7 hệ thống", fmt.Sprintf("\t%d hệ thống", s.systems)},
		{"\t+5%\n", "\t" + s.rate + "\n"},
	} {
		if !strings.Contains(text, r[0]) {
			t.Fatalf("seed004_filled.txt no longer holds %q: the variation needs updating", r[0])
		}
		text = strings.ReplaceAll(text, r[0], r[1])
	}
	return []byte(text)
}

// sheets writes n distinct scoring sheets into dir (units × years ×
// values vary, so no two have the same bytes).
func sheets(t testing.TB, dir string, n int) []string {
	t.Helper()
	var out []string
	for k := range n {
		s := sheet{unit: fmt.Sprintf("Quận %d", k%20+1), year: 2024 - k/20%10, systems: k % 13, rate: fmt.Sprintf("%d%%", 40+k%50)}
		p := filepath.Join(dir, fmt.Sprintf("q%02d-%d-%03d.txt", k%20+1, s.year, k))
		write(t, p, s.bytes(t))
		out = append(out, p)
	}
	return out
}

// writeCSV writes the long table as CSV with English headings in the
// international profile.
func (s *Store) writeCSV(ctx context.Context, w io.Writer) error {
	return s.ExportCSV(ctx, w, English, IntlCSV)
}

// writeXLSX writes the dataset as a workbook with English headings.
func (s *Store) writeXLSX(ctx context.Context, w io.Writer) error {
	return s.ExportXLSX(ctx, w, English)
}
