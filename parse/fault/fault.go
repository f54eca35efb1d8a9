// Package fault names the ways reading a document can fail. The format
// readers (parse/pdf, parse/docx, parse/html, parse/text) wrap these
// sentinels so that package parse, and through it the command line and
// ingest, can tell a damaged file from an encrypted one, a scan from a
// file over budget, with errors.Is instead of matching message text.
//
// It also holds the per-document budgets the readers share: a Budget
// caps what one document may make a reader produce (bytes decoded from
// compressed streams, content operators, table cells), and the reader
// that enforces an inflate ratio where bytes are decompressed.
package fault

import (
	"errors"
	"fmt"
)

// The kinds of failure. A reader returns an error that wraps exactly one
// of them (or none, for an internal error).
var (
	ErrTooLarge    = errors.New("file too large")
	ErrUnsupported = errors.New("unsupported format")
	ErrNoText      = errors.New("no text layer")
	ErrTimeout     = errors.New("time limit reached")
	ErrDamaged     = errors.New("damaged file")
	ErrEncrypted   = errors.New("encrypted")
	ErrBudget      = errors.New("over budget")
)

// BudgetError reports that reading a document would exceed one of its
// budgets; it matches ErrBudget.
type BudgetError struct {
	What  string // what was counted, e.g. "bytes decoded from one PDF stream"
	Limit int64  // the budget
}

func (e *BudgetError) Error() string {
	return fmt.Sprintf("over budget: more than %d %s", e.Limit, e.What)
}

func (e *BudgetError) Is(target error) bool { return target == ErrBudget }

// Damaged returns an error matching ErrDamaged with the formatted detail.
func Damaged(format string, args ...any) error {
	return &kindError{kind: ErrDamaged, msg: fmt.Sprintf(format, args...)}
}

// Wrap returns err marked as being of kind (one of the sentinels), unless
// it already matches a sentinel, in which case it is returned unchanged.
func Wrap(kind, err error) error {
	if err == nil || Kind(err) != nil {
		return err
	}
	return &kindError{kind: kind, msg: err.Error(), err: err}
}

// Kind returns the sentinel err matches, or nil.
func Kind(err error) error {
	for _, k := range kinds {
		if errors.Is(err, k) {
			return k
		}
	}
	return nil
}

// kinds in the order Kind tries them: the more specific first (a budget
// exceeded on a damaged file is a budget error).
var kinds = []error{ErrBudget, ErrTimeout, ErrTooLarge, ErrEncrypted, ErrNoText, ErrUnsupported, ErrDamaged}

type kindError struct {
	kind error
	msg  string
	err  error
}

func (e *kindError) Error() string { return e.msg }

func (e *kindError) Is(target error) bool { return target == e.kind }

func (e *kindError) Unwrap() error { return e.err }
