package fault

import (
	"fmt"
	"io"
)

// Inflation limits, as strict as Apache POI's ZipSecureFile: once past a
// grace size, a compressed stream may not decode to more than 100 times
// its compressed size (POI's minimum inflate ratio of 0.01). Crafted
// deflate reaches 1032:1; real content streams and XML compress 3–20:1.
const (
	MinInflateRatio = 0.01
	InflateGrace    = 100 << 10
)

// Inflated returns a reader of r, the decoded bytes of a stream that took
// compressed bytes in the file, that fails with a *BudgetError as soon as
// more than max bytes have been decoded or the inflate ratio drops below
// MinInflateRatio after InflateGrace bytes. Bytes are counted where they
// are produced, so a bomb never gets further than the budget.
func Inflated(r io.Reader, compressed, max int64, what string) io.Reader {
	return &inflated{r: r, compressed: compressed, max: max, what: what}
}

type inflated struct {
	r          io.Reader
	compressed int64
	max        int64
	n          int64
	what       string
}

func (l *inflated) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	l.n += int64(n)
	if l.n > l.max {
		return n, &BudgetError{What: "bytes decoded from " + l.what, Limit: l.max}
	}
	if l.n > InflateGrace && float64(l.compressed) < MinInflateRatio*float64(l.n) {
		return n, &BudgetError{What: fmt.Sprintf("bytes decoded from %s of %d compressed bytes (inflate ratio under %v)", l.what, l.compressed, MinInflateRatio), Limit: int64(float64(l.compressed) / MinInflateRatio)}
	}
	return n, err
}
