// Package ziplimit opens the parts of a zip-based document (DOCX,
// OpenDocument) under one inflation budget, so that a zip bomb is refused
// before and while it inflates, the same way in every reader.
//
// A part is refused before it is opened when its declared size exceeds
// what is left of the budget, or when it is larger than RatioFloor and
// expands more than MaxRatio times; while it is read, the bytes really
// inflated are counted, since a damaged header may understate them.
package ziplimit

import (
	"archive/zip"
	"fmt"
	"io"
)

const (
	// MaxTotal caps the bytes inflated from all the parts one document
	// opens.
	MaxTotal = 200 << 20
	// MaxRatio caps uncompressed/compressed size for any part larger than
	// RatioFloor; tiny parts (empty relationships, settings) compress far
	// better than that and are harmless.
	MaxRatio   = 100
	RatioFloor = 1 << 20
)

// Budget is what is left to inflate from one document.
type Budget struct{ left int64 }

// New returns a budget of MaxTotal bytes.
func New() *Budget { return &Budget{left: MaxTotal} }

// Open opens part f, named name in errors, counted against the budget.
func (b *Budget) Open(name string, f *zip.File) (io.ReadCloser, error) {
	u, c := f.UncompressedSize64, f.CompressedSize64
	if u > uint64(b.left) {
		return nil, fmt.Errorf("zip bomb? %s expands to %d bytes, over the %d MB limit", name, u, MaxTotal>>20)
	}
	if u > RatioFloor && u/max(c, 1) > MaxRatio {
		return nil, fmt.Errorf("zip bomb? %s expands %d:1 (%d to %d bytes), over the %d:1 limit", name, u/max(c, 1), c, u, MaxRatio)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &reader{rc: rc, b: b, name: name}, nil
}

// reader stops a part whose real size exceeds what is left of the budget;
// archive/zip also rejects a part longer than its declared size, this
// guards the total.
type reader struct {
	rc   io.ReadCloser
	b    *Budget
	name string
}

func (r *reader) Read(buf []byte) (int, error) {
	n, err := r.rc.Read(buf)
	r.b.left -= int64(n)
	if r.b.left < 0 {
		return n, fmt.Errorf("zip bomb? %s: more than %d MB inflated", r.name, MaxTotal>>20)
	}
	return n, err
}

func (r *reader) Close() error { return r.rc.Close() }
