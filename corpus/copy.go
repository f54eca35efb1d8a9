package corpus

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// copyRows writes rows into table on PostgreSQL with COPY, in the
// transaction open on conn. Inserting the rows of a report, even many
// to a statement, was four fifths of the writer's time on PostgreSQL
// (500 generated reports, 2 workers: 4.1 of 5.3 s), the server parsing
// and planning statements of thousands of parameters; COPY sends them
// as binary values in one stream. database/sql has no COPY, so the
// statement goes through pgx under it, on the same connection and so in
// the same transaction.
func copyRows(ctx context.Context, conn *sql.Conn, table, cols string, rows [][]any) error {
	names := strings.Split(cols, ", ")
	return conn.Raw(func(dc any) error {
		c, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("copy into %s: connection is %T, not pgx's", table, dc)
		}
		n, err := c.Conn().CopyFrom(ctx, pgx.Identifier{table}, names, pgx.CopyFromRows(rows))
		if err != nil {
			return fmt.Errorf("copy into %s: %w", table, err)
		}
		if n != int64(len(rows)) {
			return fmt.Errorf("copy into %s: %d rows of %d", table, n, len(rows))
		}
		return nil
	})
}
