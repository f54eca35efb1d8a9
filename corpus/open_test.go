package corpus

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestOpenEscapedPath opens a dataset in a folder whose name holds the
// characters that end or escape an SQLite URI: the file is made there,
// not at "Báo cáo " (where the unescaped "#" cut the path).
func TestOpenEscapedPath(t *testing.T) {
	root := t.TempDir()
	for _, dir := range []string{"Báo cáo #2", "50% xong", "hỏi?đáp"} {
		dsn := filepath.Join(root, dir, "chiso.db")
		if err := os.MkdirAll(filepath.Dir(dsn), 0o755); err != nil {
			t.Fatal(err)
		}
		s := openT(t, dsn)
		s.Close()
		if _, err := os.Stat(dsn); err != nil {
			t.Errorf("Open(%q) made no file there: %v", dsn, err)
		}
		r, err := OpenReadOnly(context.Background(), dsn)
		if err != nil {
			t.Errorf("OpenReadOnly(%q): %v", dsn, err)
			continue
		}
		r.Close()
	}
	entries, _ := os.ReadDir(root)
	if len(entries) != 3 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("files made in %s: %q, want only the three folders", root, names)
	}
}

// TestOpenReadOnly reads a dataset without writing to it: no file made,
// no migration run, no journal switched, the bytes unchanged; an old
// schema and a file that is no dataset are told apart from other errors.
func TestOpenReadOnly(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	dsn := filepath.Join(dir, "chiso.db")
	s := openT(t, dsn)
	copyFile(t, filepath.Join(fixtures, "seed000.txt"), filepath.Join(dir, "in", "seed000.txt"))
	ingest(t, s, 1, filepath.Join(dir, "in"))
	if _, err := s.db.Exec(`pragma journal_mode=delete`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	before, err := os.ReadFile(dsn)
	if err != nil {
		t.Fatal(err)
	}

	r, err := OpenReadOnly(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	var csv bytes.Buffer
	if err := r.ExportCSV(ctx, &csv, Vietnamese, VietnameseCSV); err != nil || csv.Len() < 1000 {
		t.Errorf("export from a read-only dataset: %v, %d bytes", err, csv.Len())
	}
	if _, err := r.db.Exec(`create table x (y integer)`); err == nil {
		t.Error("a read-only dataset took a write")
	}
	var mode string
	if err := r.db.QueryRow(`pragma journal_mode`).Scan(&mode); err != nil || mode != "delete" {
		t.Errorf("journal mode %q (%v), want delete kept", mode, err)
	}
	r.Close()
	if after, _ := os.ReadFile(dsn); !bytes.Equal(before, after) {
		t.Error("reading the dataset changed its bytes")
	}
	if _, err := os.Stat(dsn + "-wal"); err == nil {
		t.Error("reading the dataset left a WAL file")
	}

	missing := filepath.Join(dir, "none.db")
	if _, err := OpenReadOnly(ctx, missing); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("OpenReadOnly of a missing file: %v, want os.ErrNotExist", err)
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("OpenReadOnly made the missing file")
	}

	old := filepath.Join(dir, "old.db")
	db, err := sql.Open("sqlite", old)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`create table schema_migrations (version integer primary key, applied_at text not null)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := OpenReadOnly(ctx, old); !errors.Is(err, ErrOldSchema) {
		t.Errorf("OpenReadOnly of an old dataset: %v, want ErrOldSchema", err)
	}
	// A dataset a later chiso has migrated is not touched, for writing
	// or reading.
	db, err = sql.Open("sqlite", old)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`insert into schema_migrations (version, applied_at) values (99, '')`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := Open(ctx, old); !errors.Is(err, ErrNewSchema) {
		t.Errorf("Open of a newer dataset: %v, want ErrNewSchema", err)
	}
	if _, err := OpenReadOnly(ctx, old); !errors.Is(err, ErrNewSchema) {
		t.Errorf("OpenReadOnly of a newer dataset: %v, want ErrNewSchema", err)
	}
	other := filepath.Join(dir, "notes.txt")
	write(t, other, []byte("không phải cơ sở dữ liệu\n"))
	if _, err := OpenReadOnly(ctx, other); !errors.Is(err, ErrNotDataset) {
		t.Errorf("OpenReadOnly of a text file: %v, want ErrNotDataset", err)
	}
}

// TestRankNamedUnitsOnly ranks the units of a year: a report that names
// no unit (as a scan or a form with the unit left blank reads) is left
// out, not ranked as a unit with an empty name.
func TestRankNamedUnitsOnly(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "q3.txt"), sheet{unit: "Quận 3", year: 2024, systems: 4, rate: "50%"}.bytes(t))
	write(t, filepath.Join(dir, "q4.txt"), sheet{unit: "Quận 4", year: 2024, systems: 6, rate: "60%"}.bytes(t))
	s := openT(t, filepath.Join(dir, "chiso.db"))
	ingest(t, s, 1, dir)
	res, err := s.db.Exec(`update reports set unit = '', unit_key = '' where unit = 'Quận 4'`)
	if n, _ := res.RowsAffected(); err != nil || n != 1 {
		t.Fatalf("unnaming Quận 4: %v, %d reports", err, n)
	}
	us, err := s.ScorePeriod(context.Background(), district(t), 2024)
	if err != nil {
		t.Fatal(err)
	}
	if len(us) != 1 || us[0].Unit != "Quận 3" {
		t.Errorf("ranked %+v, want Quận 3 alone", us)
	}
}
