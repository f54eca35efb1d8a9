package corpus

import (
	"database/sql"
	"database/sql/driver"
	"errors"
	"io"
	"net"
	"strings"
	"syscall"

	"github.com/jackc/pgx/v5/pgconn"
)

// ErrUnreachable is the failure of a PostgreSQL dataset that stopped
// answering: the connection cut, the server stopped or restarting. What
// was committed before is whole (a batch is one transaction), and an
// ingest run again once the server is back completes the dataset.
var ErrUnreachable = errors.New("the connection to the dataset's PostgreSQL server was lost")

// unreachable is err, a lost connection, made an ErrUnreachable, so
// that the message says what happened rather than pgx's "unexpected EOF"
// alone.
type unreachable struct{ err error }

func (e *unreachable) Error() string   { return ErrUnreachable.Error() + ": " + e.err.Error() }
func (e *unreachable) Unwrap() []error { return []error{ErrUnreachable, e.err} }

// asUnreachable is err made an ErrUnreachable when it is a lost
// connection to PostgreSQL, err itself otherwise.
func (s *Store) asUnreachable(err error) error {
	if err == nil || s.dialect != Postgres || errors.Is(err, ErrUnreachable) || !lostConnection(err) {
		return err
	}
	return &unreachable{err}
}

// lostConnection reports whether err says that the database is not there
// any more, rather than that a statement failed: the connection reset or
// closed under a query, refused on connecting, or the server shutting
// down or starting (SQLSTATE class 08, 57P01–57P03).
func lostConnection(err error) bool {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return strings.HasPrefix(pe.Code, "08") || pe.Code == "57P01" || pe.Code == "57P02" || pe.Code == "57P03"
	}
	var ce *pgconn.ConnectError
	var ne net.Error
	switch {
	case errors.As(err, &ce), errors.As(err, &ne),
		errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF),
		errors.Is(err, driver.ErrBadConn), errors.Is(err, sql.ErrConnDone),
		errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.EPIPE):
		return true
	}
	// pgx's own words for a connection it has closed after a failure.
	s := err.Error()
	return strings.Contains(s, "conn closed")
}
