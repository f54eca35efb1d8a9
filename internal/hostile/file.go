package hostile

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
)

// File is one document of a hostile corpus.
type File struct {
	// Name is the file's name in the corpus folder; its extension is the
	// format hint a sender's file would carry.
	Name string
	// Class is what the file tests, for the counts of a run: a
	// reproducer class ("pdf-xref-huge", "zip-bomb", ...), "valid-FORMAT"
	// for a well-formed document, or "mutation-FORMAT".
	Class string
	// Data is the file's content, when it is small enough to hold.
	Data []byte
	// Body writes the content of a file too big to hold (a bomb, a
	// 200 MB line), streaming, when Data is nil.
	Body func(w io.Writer) error
	// Size, when larger than what Data or Body write, pads the file with
	// a hole up to Size bytes: a file over the size limit costs no disk.
	Size int64
}

// Big reports whether the file is one of the costly classes (written by
// Body, or padded past Data): the ones an in-process test leaves out.
func (f *File) Big() bool { return f.Body != nil || f.Size > int64(len(f.Data)) }

// WriteTo writes the file's content to w. It does not pad to Size: only
// WriteFile, on a real file, can make the hole.
func (f *File) WriteTo(w io.Writer) (int64, error) {
	if f.Body == nil {
		n, err := w.Write(f.Data)
		return int64(n), err
	}
	cw := &countWriter{w: w}
	err := f.Body(cw)
	return cw.n, err
}

// Bytes returns the content held or written by Body.
func (f *File) Bytes() ([]byte, error) {
	if f.Body == nil {
		return f.Data, nil
	}
	var b bytes.Buffer
	_, err := f.WriteTo(&b)
	return b.Bytes(), err
}

// WriteFile writes f into dir under its name and returns the path.
func WriteFile(dir string, f *File) (string, error) {
	path := filepath.Join(dir, filepath.FromSlash(f.Name))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return "", err
	}
	out, err := os.Create(path)
	if err != nil {
		return "", err
	}
	n, err := f.WriteTo(out)
	if err == nil && f.Size > n {
		err = out.Truncate(f.Size)
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return path, err
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
