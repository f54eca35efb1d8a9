package corpus

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"chiso/internal/msg"
)

// ListOptions are how ListFiles walks the folders it is given.
type ListOptions struct {
	// FollowLinks follows a link wherever it points, to a file or a
	// folder (each folder walked once, so a loop ends). Without it a link
	// is followed only when what it points to lies inside one of the
	// folders given, so that a link in a unit's folder to /etc/passwd is
	// not stored as a report (chiso ingest --follow-links).
	FollowLinks bool
	// Within are more folders a link may point into, besides those
	// listed: the other folders named on the command line, when they are
	// listed one at a time.
	Within []string
}

// Files lists the files under the given paths that ingest reads, with
// the default ListOptions.
func Files(paths []string) ([]string, []Event) { return ListFiles(paths, ListOptions{}) }

// ListFiles lists the files under the given paths that ingest reads:
// folders are walked recursively for Extensions, a file named is kept
// whatever its name, wherever it points, or even when it does not exist.
// The list is sorted and without repeats. What a walk finds and does not
// read is returned as failed Events, for Ingester.Unread, each with its
// reason in Vietnamese, so that one bad folder does not stop a run over
// thousands of files and an officer sees what was left out: a folder
// that cannot be read (permissions, removed during the walk), a broken
// link, a link out of the folders given (see ListOptions), and a fifo,
// device or socket, which is never opened (opening a fifo waits for a
// writer that may never come).
func ListFiles(paths []string, opt ListOptions) ([]string, []Event) {
	return listFiles(paths, opt, os.DirFS)
}

// listFiles is ListFiles reading folders through dirFS, which tests
// replace to make a folder fail: as root, the user tests run as here, a
// folder of mode 000 is still readable.
func listFiles(paths []string, opt ListOptions, dirFS func(string) fs.FS) ([]string, []Event) {
	l := &lister{opt: opt, dirFS: dirFS, seen: map[string]bool{}}
	for _, dir := range opt.Within {
		if abs, err := filepath.Abs(dir); err == nil {
			l.inside = append(l.inside, resolved(abs))
		}
	}
	var roots []string
	for _, root := range paths {
		// Absolute, so that one file is one path whatever the working
		// folder of the run that found it.
		if abs, err := filepath.Abs(root); err == nil {
			root = abs
		}
		roots = append(roots, root)
		st, err := os.Stat(root)
		switch {
		case err == nil && st.IsDir():
			l.inside = append(l.inside, resolved(root))
		case err == nil && special(st.Mode()):
			// Named, but opening it could wait for ever.
			l.unread = append(l.unread, Event{Path: root, Outcome: Failed, Reason: specialReason(st.Mode())})
		default:
			// A file named is tried even if it cannot be opened: it is
			// then recorded as failed, with the reason, like any other.
			l.add(root)
		}
	}
	for _, root := range roots {
		if st, err := os.Stat(root); err == nil && st.IsDir() {
			l.walk(root, root)
		}
	}
	sort.Strings(l.out)
	// A file both named and found in a folder is tried, not listed.
	l.unread = slices.DeleteFunc(l.unread, func(ev Event) bool { return l.seen[ev.Path] })
	sort.Slice(l.unread, func(i, j int) bool { return l.unread[i].Path < l.unread[j].Path })
	return l.out, l.unread
}

// lister is one listing under way.
type lister struct {
	opt   ListOptions
	dirFS func(string) fs.FS
	// inside are the folders, links resolved, whose files are listed:
	// the folders given, and those walked by following a link.
	inside []string
	seen   map[string]bool
	out    []string
	unread []Event
}

func (l *lister) add(p string) {
	if !l.seen[p] {
		l.seen[p] = true
		l.out = append(l.out, p)
	}
}

func (l *lister) skip(p, reason string) {
	l.unread = append(l.unread, Event{Path: p, Outcome: Failed, Reason: reason})
}

// walk lists the folder dir, naming what it finds from as: dir itself,
// or the link that led to it.
func (l *lister) walk(dir, as string) {
	fs.WalkDir(l.dirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		full := filepath.Join(as, filepath.FromSlash(p))
		if err != nil {
			// Called again for a folder whose entries could not be
			// listed: record it and walk on.
			l.skip(full, "không đọc được thư mục: "+cause(err))
			return nil
		}
		switch t := d.Type(); {
		case supported(p) && t.IsRegular():
			l.add(full)
		case supported(p) && t&fs.ModeSymlink != 0:
			l.link(filepath.Join(dir, filepath.FromSlash(p)), full)
		case hidden(d.Name()):
		case t.IsRegular():
			l.skip(full, unsupportedReason(p))
		case t&fs.ModeSymlink != 0:
			l.link(filepath.Join(dir, filepath.FromSlash(p)), full)
		case special(t):
			l.skip(full, specialReason(t))
		}
		return nil
	})
}

// link decides on the link at path (named full): followed to a file or
// a folder inside the folders given, or anywhere with FollowLinks;
// listed as not read, with where it points, otherwise.
func (l *lister) link(path, full string) {
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		if supported(path) {
			l.skip(full, "liên kết hỏng: "+cause(err))
		}
		return
	}
	st, err := os.Stat(target)
	if err != nil {
		l.skip(full, "liên kết hỏng: "+cause(err))
		return
	}
	in := l.within(target)
	switch {
	case !in && !l.opt.FollowLinks:
		l.skip(full, "liên kết trỏ ra ngoài các thư mục đã cho, tới "+target+
			": không đọc (chiso ingest --follow-links để đọc)")
	case st.IsDir():
		// Inside, its files are listed where they are; followed out, it
		// is walked once: a link back into it is then inside.
		if !in {
			l.inside = append(l.inside, target)
			l.walk(target, full)
		}
	case special(st.Mode()):
		l.skip(full, specialReason(st.Mode()))
	case supported(full):
		l.add(full)
	default:
		l.skip(full, unsupportedReason(full))
	}
}

// within reports whether target, links resolved, lies in one of the
// folders listed.
func (l *lister) within(target string) bool {
	for _, dir := range l.inside {
		rel, err := filepath.Rel(dir, target)
		if err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// resolved is path with its links resolved, path itself when they
// cannot be.
func resolved(path string) string {
	if r, err := filepath.EvalSymlinks(path); err == nil {
		return r
	}
	return path
}

// special reports a file that is neither a regular file, a folder nor a
// link: a fifo, a device, a socket.
func special(m fs.FileMode) bool {
	return m&(fs.ModeNamedPipe|fs.ModeSocket|fs.ModeDevice|fs.ModeCharDevice|fs.ModeIrregular) != 0
}

// specialReason says, in Vietnamese, which kind of special file m is
// and that it is not opened.
func specialReason(m fs.FileMode) string {
	kind := "tệp đặc biệt"
	switch {
	case m&fs.ModeNamedPipe != 0:
		kind = "ống có tên (fifo)"
	case m&fs.ModeSocket != 0:
		kind = "socket"
	case m&(fs.ModeDevice|fs.ModeCharDevice) != 0:
		kind = "thiết bị"
	}
	return "không phải tệp thường mà là " + kind + ": bỏ qua, không mở"
}

// cause is err without the path, which the failure has in its own
// column, in Vietnamese when the catalogue knows its kind.
func cause(err error) string {
	if kind := msg.Failure("vi", err); kind != "" {
		return kind
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
