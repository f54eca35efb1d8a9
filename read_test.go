package chiso

import (
	"errors"
	"io"
	"io/fs"
	"strings"
	"testing"
	"time"

	"chiso/parse"
)

// statReader is a file that says it is size bytes and must not be read.
type statReader struct {
	t    *testing.T
	size int64
}

func (s statReader) Read([]byte) (int, error) {
	s.t.Error("read a file whose size is over the limit")
	return 0, io.EOF
}

func (s statReader) Stat() (fs.FileInfo, error) { return fileInfo(s.size), nil }

type fileInfo int64

func (f fileInfo) Name() string       { return "big.pdf" }
func (f fileInfo) Size() int64        { return int64(f) }
func (f fileInfo) Mode() fs.FileMode  { return 0o644 }
func (f fileInfo) ModTime() time.Time { return time.Time{} }
func (f fileInfo) IsDir() bool        { return false }
func (f fileInfo) Sys() any           { return nil }

// TestReadAllLimit: a file over the limit is refused as too large, a
// regular file from its size before it is read.
func TestReadAllLimit(t *testing.T) {
	tests := []struct {
		name string
		r    io.Reader
	}{
		{"stream over the limit", strings.NewReader("0123456789a")},
		{"regular file over the limit", statReader{t, 300 << 20}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadAll(tc.r, "big.pdf", 10)
			var pe *parse.Error
			if !errors.As(err, &pe) || pe.Path != "big.pdf" || !errors.Is(err, parse.ErrTooLarge) {
				t.Fatalf("err = %v, want a *parse.Error of kind ErrTooLarge naming big.pdf", err)
			}
		})
	}
}
