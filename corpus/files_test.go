package corpus

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestFilesLinks: a link is followed when what it points to lies inside
// the folders given, or anywhere with FollowLinks; one pointing out is
// listed as not read, saying where it points; fifos are listed as not
// read and never opened; a broken link says so in Vietnamese; a file
// named is tried wherever it points.
func TestFilesLinks(t *testing.T) {
	type want struct {
		files  []string          // relative to the docs folder
		unread map[string]string // relative path → a part of the reason
	}
	tests := []struct {
		name   string
		setup  func(t *testing.T, docs, outside string) // makes links in docs
		args   []string                                 // relative to docs; nil: docs itself
		follow bool
		want   want
	}{
		{"link inside followed", func(t *testing.T, docs, _ string) {
			symlink(t, filepath.Join(docs, "a.txt"), filepath.Join(docs, "sub", "in.txt"))
		}, nil, false, want{files: []string{"a.txt", "sub/in.txt"}}},
		{"link to a file outside refused", func(t *testing.T, docs, outside string) {
			symlink(t, filepath.Join(outside, "passwd"), filepath.Join(docs, "passwd.txt"))
		}, nil, false, want{files: []string{"a.txt"}, unread: map[string]string{
			"passwd.txt": "liên kết trỏ ra ngoài các thư mục đã cho, tới {outside}/passwd: không đọc"}}},
		{"link to a folder outside refused", func(t *testing.T, docs, outside string) {
			symlink(t, outside, filepath.Join(docs, "more"))
		}, nil, false, want{files: []string{"a.txt"}, unread: map[string]string{
			"more": "ra ngoài các thư mục đã cho, tới {outside}:"}}},
		{"follow-links follows a file", func(t *testing.T, docs, outside string) {
			symlink(t, filepath.Join(outside, "b.txt"), filepath.Join(docs, "b.txt"))
		}, nil, true, want{files: []string{"a.txt", "b.txt"}}},
		{"follow-links walks a folder once", func(t *testing.T, docs, outside string) {
			symlink(t, outside, filepath.Join(docs, "more"))
			symlink(t, docs, filepath.Join(outside, "back")) // a loop
		}, nil, true, want{files: []string{"a.txt", "more/b.txt"}, unread: map[string]string{
			"more/passwd": "định dạng không được hỗ trợ"}}},
		{"a link between two folders given", func(t *testing.T, docs, outside string) {
			symlink(t, filepath.Join(outside, "b.txt"), filepath.Join(docs, "b.txt"))
		}, []string{".", "{outside}"}, false, want{files: []string{"a.txt", "b.txt", "{outside}/b.txt"},
			unread: map[string]string{"{outside}/passwd": "định dạng không được hỗ trợ"}}},
		{"a link named is tried", func(t *testing.T, docs, outside string) {
			symlink(t, filepath.Join(outside, "passwd"), filepath.Join(docs, "passwd.txt"))
		}, []string{"passwd.txt"}, false, want{files: []string{"passwd.txt"}}},
		{"broken link", func(t *testing.T, docs, _ string) {
			symlink(t, filepath.Join(docs, "gone.pdf"), filepath.Join(docs, "moved.pdf"))
		}, nil, false, want{files: []string{"a.txt"}, unread: map[string]string{
			"moved.pdf": "liên kết hỏng: không có tệp này"}}},
		{"fifo skipped", func(t *testing.T, docs, _ string) {
			mkfifo(t, filepath.Join(docs, "pipe.pdf"))
		}, nil, false, want{files: []string{"a.txt"}, unread: map[string]string{
			"pipe.pdf": "không phải tệp thường mà là ống có tên (fifo): bỏ qua"}}},
		{"fifo named skipped", func(t *testing.T, docs, _ string) {
			mkfifo(t, filepath.Join(docs, "pipe.pdf"))
		}, []string{"pipe.pdf"}, false, want{unread: map[string]string{"pipe.pdf": "ống có tên (fifo)"}}},
		{"link to a fifo skipped", func(t *testing.T, docs, _ string) {
			mkfifo(t, filepath.Join(docs, ".pipe"))
			symlink(t, filepath.Join(docs, ".pipe"), filepath.Join(docs, "p.txt"))
		}, nil, false, want{files: []string{"a.txt"}, unread: map[string]string{"p.txt": "ống có tên (fifo)"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			docs, outside := filepath.Join(dir, "docs"), filepath.Join(dir, "outside")
			copyFile(t, filepath.Join(fixtures, "seed004.txt"), filepath.Join(docs, "a.txt"))
			copyFile(t, filepath.Join(fixtures, "seed000.txt"), filepath.Join(outside, "b.txt"))
			write(t, filepath.Join(outside, "passwd"), []byte("root:x:0:0:root:/root:/bin/bash\n"))
			tt.setup(t, docs, outside)
			fill := func(s string) string { return strings.ReplaceAll(s, "{outside}", outside) }
			args := []string{docs}
			if tt.args != nil {
				args = nil
				for _, a := range tt.args {
					args = append(args, filepath.Join(docs, fill(a)))
					if strings.HasPrefix(a, "{") {
						args[len(args)-1] = fill(a)
					}
				}
			}
			files, unread := ListFiles(args, ListOptions{FollowLinks: tt.follow})
			rel := func(p string) string {
				if r, err := filepath.Rel(docs, p); err == nil && !strings.HasPrefix(r, "..") {
					return filepath.ToSlash(r)
				}
				return strings.ReplaceAll(filepath.ToSlash(p), filepath.ToSlash(outside), "{outside}")
			}
			var got []string
			for _, f := range files {
				got = append(got, rel(f))
			}
			if !slices.Equal(got, tt.want.files) {
				t.Errorf("files = %q, want %q", got, tt.want.files)
			}
			if len(unread) != len(tt.want.unread) {
				t.Errorf("unread = %+v, want %v", unread, tt.want.unread)
			}
			for _, ev := range unread {
				part, ok := tt.want.unread[rel(ev.Path)]
				if !ok || !strings.Contains(ev.Reason, fill(part)) || ev.Outcome != Failed {
					t.Errorf("unread %s: %q, want a failure with %q", rel(ev.Path), ev.Reason, fill(part))
				}
			}
		})
	}
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Skip("no symlinks here:", err)
	}
}
