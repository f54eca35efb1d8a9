package chiso

import (
	"fmt"
	"io"
	"io/fs"

	"chiso/parse"
)

// ReadAll reads a document's bytes from r for Process, refusing more than
// maxSize bytes (0: parse.DefaultMaxSize) with a *parse.Error of kind
// parse.ErrTooLarge naming the file, as parse's own readers do. When r
// is a regular file (it has Stat, as *os.File does) one over the limit is
// refused from its size before a byte is read: reading 256 MB to learn
// that a 300 MB file is too large cost 600 MB and seconds a file. It is
// here rather than in each caller so that the command line and ingest
// apply the same limit the same way.
func ReadAll(r io.Reader, name string, maxSize int64) ([]byte, error) {
	if maxSize <= 0 {
		maxSize = parse.DefaultMaxSize
	}
	if st, ok := r.(interface{ Stat() (fs.FileInfo, error) }); ok {
		if fi, err := st.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() > maxSize {
			return nil, tooLarge(name, maxSize)
		}
	}
	data, err := io.ReadAll(io.LimitReader(r, maxSize+1))
	if err != nil {
		return nil, &parse.Error{Path: name, Err: err}
	}
	if int64(len(data)) > maxSize {
		return nil, tooLarge(name, maxSize)
	}
	return data, nil
}

func tooLarge(name string, maxSize int64) error {
	return &parse.Error{Path: name, Err: fmt.Errorf("%w: file larger than the limit of %d bytes", parse.ErrTooLarge, maxSize)}
}
