package chiso

import (
	"fmt"
	"io"

	"chiso/parse"
)

// ReadAll reads a document's bytes from r for Process, refusing more than
// maxSize bytes (0: parse.DefaultMaxSize) with a *parse.Error naming the
// file, as parse's own readers do. It is here rather than in each caller
// so that the command line and ingest apply the same limit the same way.
func ReadAll(r io.Reader, name string, maxSize int64) ([]byte, error) {
	if maxSize <= 0 {
		maxSize = parse.DefaultMaxSize
	}
	data, err := io.ReadAll(io.LimitReader(r, maxSize+1))
	if err != nil {
		return nil, &parse.Error{Path: name, Err: err}
	}
	if int64(len(data)) > maxSize {
		return nil, &parse.Error{Path: name, Err: fmt.Errorf("file larger than the limit of %d bytes", maxSize)}
	}
	return data, nil
}
