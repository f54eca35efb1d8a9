package msdoc

import (
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"chiso/doc"
	"chiso/parse/docx"
	"chiso/vntext"

	"chiso/internal/material"
)

// realDocs lists the real .doc files of the shared test set, skipping the
// test when the set is absent outside CI and failing it in CI.
func realDocs(t *testing.T) []string {
	t.Helper()
	return material.Glob(t, "real/docs/*.doc")
}

// soffice returns the LibreOffice command, skipping the test when it is
// missing outside CI and failing it in CI.
func soffice(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("soffice")
	if err != nil {
		if material.InCI() {
			t.Fatal("soffice (LibreOffice) is missing; .ci/run installs it")
		}
		t.Skip("soffice (LibreOffice) is missing")
	}
	return path
}

// toDOCX converts files with LibreOffice into dir and returns the DOCX
// paths in the same order.
func toDOCX(t *testing.T, dir string, files ...string) []string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	args := []string{"--headless", "--norestore", "-env:UserInstallation=file://" + filepath.Join(dir, "profile"),
		"--convert-to", "docx:MS Word 2007 XML", "--outdir", dir}
	out, err := exec.CommandContext(ctx, soffice(t), append(args, files...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	var docs []string
	for _, f := range files {
		d := filepath.Join(dir, strings.TrimSuffix(filepath.Base(f), ".doc")+".docx")
		if _, err := os.Stat(d); err != nil {
			t.Fatalf("soffice did not write %s:\n%s", d, out)
		}
		docs = append(docs, d)
	}
	return docs
}

// TestRealAgainstLibreOffice reads the real .doc files and the DOCX that
// LibreOffice makes of them, and compares every table's expanded grid
// cell by cell (text as package parse cleans it) and the paragraphs
// outside tables.
func TestRealAgainstLibreOffice(t *testing.T) {
	files := realDocs(t)
	converted := toDOCX(t, t.TempDir(), files...)
	for i, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			got := readPath(t, f, Read)
			want := readPath(t, converted[i], docx.Read)
			gt, wt := tablesOf(got), tablesOf(want)
			if len(gt) != len(wt) {
				t.Errorf("%d tables, LibreOffice's DOCX has %d", len(gt), len(wt))
			}
			cells, equal := 0, 0
			for k := range min(len(gt), len(wt)) {
				g, w := gt[k], wt[k]
				if len(g) != len(w) {
					t.Errorf("table %d: %d rows, want %d", k+1, len(g), len(w))
				}
				for r := range min(len(g), len(w)) {
					if len(g[r]) != len(w[r]) {
						t.Errorf("table %d row %d: %d columns, want %d", k+1, r+1, len(g[r]), len(w[r]))
					}
					for c := range max(len(g[r]), len(w[r])) {
						cells++
						gs, ws := at(g[r], c), at(w[r], c)
						if gs == ws {
							equal++
						} else {
							t.Errorf("table %d [%d][%d] = %q, want %q", k+1, r+1, c+1, gs, ws)
						}
					}
				}
			}
			gp, wp := parasOf(got), parasOf(want)
			same := 0
			for k := range min(len(gp), len(wp)) {
				if gp[k] == wp[k] {
					same++
				}
			}
			if same != len(wp) || len(gp) != len(wp) {
				t.Errorf("%d of %d paragraphs equal to LibreOffice's (%d read)", same, len(wp), len(gp))
			}
			t.Logf("%d tables, %d/%d grid cells equal to LibreOffice's DOCX read by parse/docx; %d/%d paragraphs", len(gt), equal, cells, same, len(wp))
		})
	}
}

func at(row []string, c int) string {
	if c < len(row) {
		return row[c]
	}
	return "<none>"
}

func readPath(t *testing.T, path string, read func(r io.ReaderAt, size int64) (*doc.Document, error)) *doc.Document {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := read(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return d
}

// tablesOf returns the cleaned texts of every table's expanded grid.
func tablesOf(d *doc.Document) [][][]string {
	var out [][][]string
	for _, b := range d.Blocks {
		if b.Table == nil {
			continue
		}
		g := b.Table.Texts()
		for _, row := range g {
			for c := range row {
				row[c] = vntext.Clean(row[c])
			}
		}
		out = append(out, g)
	}
	return out
}

// parasOf returns the cleaned text of the paragraphs outside tables that
// have any.
func parasOf(d *doc.Document) []string {
	var out []string
	for _, b := range d.Blocks {
		if b.Table == nil {
			if s := vntext.Clean(b.Text); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}
