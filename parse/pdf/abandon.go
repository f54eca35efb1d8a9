package pdf

import (
	"context"
	"fmt"
)

// abandonable runs f in its own goroutine and returns its result, or
// ctx's error as soon as ctx ends. ledongthuc and pdfcpu take no context
// and can loop on hostile files, so the only way to keep the time limit is
// to stop waiting; the goroutine is abandoned and its result discarded. A
// panic in f becomes an error that starts with what.
func abandonable[T any](ctx context.Context, what string, f func() (T, error)) (T, error) {
	type result struct {
		v   T
		err error
	}
	done := make(chan result, 1) // buffered: an abandoned f must not block
	go func() {
		var res result
		defer func() {
			if x := recover(); x != nil {
				res = result{err: fmt.Errorf("%s: %v", what, x)}
			}
			done <- res
		}()
		res.v, res.err = f()
	}()
	select {
	case res := <-done:
		return res.v, res.err
	case <-ctx.Done():
		var zero T
		return zero, ctx.Err()
	}
}
