package corpus

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// failDir is a folder whose one subfolder cannot be listed, as a folder
// without permission or one removed during the walk.
type failDir struct {
	fs.FS
	bad string
}

func (f failDir) ReadDir(name string) ([]fs.DirEntry, error) {
	if name == f.bad {
		return nil, &fs.PathError{Op: "readdirent", Path: name, Err: fs.ErrPermission}
	}
	return fs.ReadDir(f.FS, name)
}

// tree writes a folder with good files, a subfolder to make unreadable,
// a link to a file and a broken link.
func tree(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	copyFile(t, filepath.Join(fixtures, "seed004.txt"), filepath.Join(dir, "a.txt"))
	copyFile(t, filepath.Join(fixtures, "seed001.html"), filepath.Join(dir, "sub", "b.html"))
	copyFile(t, filepath.Join(fixtures, "seed000.txt"), filepath.Join(dir, "locked", "c.txt"))
	if err := os.Symlink(filepath.Join(dir, "a.txt"), filepath.Join(dir, "sub", "link.txt")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	if err := os.Symlink(filepath.Join(dir, "gone.pdf"), filepath.Join(dir, "broken.pdf")); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestFilesUnread(t *testing.T) {
	dir := tree(t)
	files, unread := listFiles([]string{dir}, ListOptions{}, func(root string) fs.FS { return failDir{os.DirFS(root), "locked"} })
	var rel []string
	for _, p := range files {
		r, _ := filepath.Rel(dir, p)
		rel = append(rel, filepath.ToSlash(r))
	}
	if got, want := strings.Join(rel, " "), "a.txt sub/b.html sub/link.txt"; got != want {
		t.Errorf("files = %s, want %s", got, want)
	}
	want := []struct{ path, reason string }{
		{"broken.pdf", "liên kết hỏng: không có tệp này"},
		{"locked", "không đọc được thư mục: không có quyền đọc"},
	}
	if len(unread) != len(want) {
		t.Fatalf("unread = %+v, want %v", unread, want)
	}
	for i, w := range want {
		if unread[i].Path != filepath.Join(dir, w.path) || unread[i].Reason != w.reason || unread[i].Outcome != Failed {
			t.Errorf("unread[%d] = %+v, want %s: %s", i, unread[i], w.path, w.reason)
		}
	}
}

// TestIngestUnread: an unreadable folder and a broken link are failures
// of the run, recorded with their reason, and the other files are read.
func TestIngestUnread(t *testing.T) {
	dir := tree(t)
	files, unread := listFiles([]string{dir}, ListOptions{}, func(root string) fs.FS { return failDir{os.DirFS(root), "locked"} })
	s := openT(t, filepath.Join(t.TempDir(), "chiso.db"))
	in := &Ingester{Store: s, Rubric: district(t), Workers: 2, Unread: unread}
	sum, err := in.Run(context.Background(), files)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Files != 5 || sum.New != 2 || sum.Unchanged != 1 || len(sum.Failed) != 2 {
		t.Errorf("summary %+v, want 5 files: 2 new, 1 unchanged (the link), 2 failed", sum)
	}
	rows, err := s.db.Query(`select path, reason from failures order by path`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var p, r string
		if err := rows.Scan(&p, &r); err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(dir, p)
		got = append(got, rel+": "+r)
	}
	if want := "broken.pdf: liên kết hỏng: không có tệp này|locked: không đọc được thư mục: không có quyền đọc"; strings.Join(got, "|") != want {
		t.Errorf("failures table = %q, want %q", got, want)
	}
}

// TestTimeoutCoversExtraction: the time limit holds when a stage after
// parsing runs long, and the abandoned read stores nothing when it ends.
func TestTimeoutCoversExtraction(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, filepath.Join(fixtures, "seed004.txt"), filepath.Join(dir, "a.txt"))
	s := openT(t, filepath.Join(t.TempDir(), "chiso.db"))
	release := make(chan struct{})
	in := &Ingester{Store: s, Rubric: district(t), Workers: 1, Timeout: 50 * time.Millisecond}
	in.stall = func() { <-release }
	files, _ := Files([]string{dir})
	sum, err := in.Run(context.Background(), files)
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.Failed) != 1 || sum.Failed[0].Reason != "timed out after 50ms (--timeout)" {
		t.Errorf("failed %+v, want a.txt timed out after 50ms", sum.Failed)
	}
	close(release)
	in.reading.Wait() // the abandoned read has run extraction and scoring
	if n := count(t, s, "reports"); n != 0 {
		t.Errorf("%d reports stored after the time limit, want 0", n)
	}
	if n := count(t, s, "failures"); n != 1 {
		t.Errorf("%d failures, want 1", n)
	}

	// Without the stall the same limit is ample: the limit, not the
	// file, made it fail.
	in = &Ingester{Store: s, Rubric: district(t), Workers: 1, Timeout: time.Minute}
	if sum, err = in.Run(context.Background(), files); err != nil || sum.New != 1 {
		t.Errorf("second run: %+v, %v; want the file new", sum, err)
	}
}
