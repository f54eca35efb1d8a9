package corpus

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

func TestFiles(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"a.pdf", "sub/b.DOCX", "sub/deeper/c.htm", "d.txt", "e.html", "notes.json", "f.xlsx", "sub/g"} {
		write(t, filepath.Join(dir, n), []byte("x"))
	}
	named := filepath.Join(dir, "notes.json")
	got, unread := Files([]string{dir, named, filepath.Join(dir, "a.pdf")})
	// notes.json is named, so tried; sub/g, found in the folder, is
	// listed as a format chiso does not read.
	if len(unread) != 1 || !strings.HasSuffix(unread[0].Path, "g") || !strings.Contains(unread[0].Reason, "định dạng không được hỗ trợ") {
		t.Errorf("unread %+v, want sub/g as unsupported", unread)
	}
	var rel []string
	for _, p := range got {
		r, _ := filepath.Rel(dir, p)
		rel = append(rel, filepath.ToSlash(r))
	}
	want := "a.pdf d.txt e.html f.xlsx notes.json sub/b.DOCX sub/deeper/c.htm"
	if strings.Join(rel, " ") != want {
		t.Errorf("Files = %v, want %s", rel, want)
	}
}

func TestLimits(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, filepath.Join(fixtures, "seed000.txt"), filepath.Join(dir, "big.txt"))
	copyFile(t, filepath.Join(fixtures, "seed004.txt"), filepath.Join(dir, "small.txt"))
	s := openT(t, filepath.Join(t.TempDir(), "chiso.db"))
	files, _ := Files([]string{dir})
	in := &Ingester{Store: s, Rubric: district(t), Workers: 1, MaxSize: 20_000}
	sum, err := in.Run(context.Background(), files)
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.Failed) != 1 || !strings.HasSuffix(sum.Failed[0].Path, "big.txt") ||
		!strings.Contains(sum.Failed[0].Reason, "larger than the limit") {
		t.Errorf("with --max-size 20000: failed %+v, want big.txt too large", sum.Failed)
	}
	if sum.New != 1 {
		t.Errorf("%d new, want the small file", sum.New)
	}
}
