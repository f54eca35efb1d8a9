package corpus

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // driver "pgx"
	_ "modernc.org/sqlite"             // driver "sqlite", pure Go
)

// Dialect is the database behind a Store.
type Dialect string

// The two databases a dataset may live in.
const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// Store is an open dataset. Its methods are safe for concurrent use, and
// several processes may write the same dataset at once.
type Store struct {
	db      *sql.DB
	dialect Dialect

	// writes serialises this process's write transactions on SQLite; see
	// lockWrites.
	writes sync.Mutex

	mu sync.Mutex
	// upgrades counts the commits that upgraded a report stored before
	// schema 2 (upgradeReport): ingest then refreshes the findings
	// across reports even though no file was new.
	upgrades atomic.Int64

	// writeTime sums the time spent in write transactions, for the
	// ingest summary's share of time taken by storage.
	writeTime time.Duration

	// stmts are the write statements prepared once (prepareWrites), by
	// text; Close closes them.
	stmts map[string]*sql.Stmt
}

//go:embed migrations/*.sql
var migrations embed.FS

// busyTimeout is how long an SQLite writer waits for another one, in
// another process or this one, before SQLITE_BUSY.
const busyTimeout = 30 * time.Second

// Open opens the dataset named by dsn for reading and writing, creating
// it if needed, and applies the migrations it lacks. A dsn that starts
// with postgres:// or postgresql:// is a PostgreSQL database; anything
// else is the path of an SQLite file, any characters allowed ("Báo cáo
// #2/chiso.db" is that file, not "Báo cáo "). A dataset a newer chiso
// has migrated gives ErrNewSchema, and is left as it is.
func Open(ctx context.Context, dsn string) (*Store, error) { return open(ctx, dsn, false, 0) }

// OpenReadOnly opens an existing dataset for the commands that only read
// it (export, history, rank, score --db): nothing is created, migrated
// or switched to WAL, so a dataset on a read-only share, or a file the
// user may only read, can be read. A dataset made by an older chiso,
// which a migration would upgrade, gives ErrOldSchema; a file that is
// not a dataset, ErrNotDataset.
func OpenReadOnly(ctx context.Context, dsn string) (*Store, error) { return open(ctx, dsn, true, 0) }

// Errors of Open and OpenReadOnly, for errors.Is.
var (
	ErrOldSchema = errors.New("the dataset was made by an older version of chiso")
	// ErrNewSchema is a dataset migrated by a newer chiso than this one,
	// whose tables this one would misread or fail to write (as one
	// from before migration 006 fails on the rows of one after it).
	ErrNewSchema  = errors.New("the dataset was made by a newer version of chiso")
	ErrNotDataset = errors.New("not a chiso dataset")
)

// open opens dsn, migrating it up to the version upto (0: all). A store
// opened short of the last migration, as the tests of a migration make
// the dataset it starts from, cannot write reports.
func open(ctx context.Context, dsn string, readOnly bool, upto int) (*Store, error) {
	s := &Store{}
	var err error
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		s.dialect = Postgres
		s.db, err = sql.Open("pgx", dsn)
	} else {
		s.dialect = SQLite
		if readOnly {
			if _, serr := os.Stat(dsn); serr != nil {
				return nil, fmt.Errorf("open %s: %w", dsn, serr)
			}
		}
		s.db, err = sql.Open("sqlite", sqliteDSN(dsn, readOnly))
	}
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", redact(dsn), err)
	}
	if s.dialect == SQLite {
		// WAL lets readers run beside the one writer; a few connections
		// are enough, since writes are serialised by SQLite anyway.
		s.db.SetMaxOpenConns(4)
	} else {
		s.db.SetMaxOpenConns(8)
	}
	if err := s.db.PingContext(ctx); err != nil {
		s.db.Close()
		if strings.Contains(err.Error(), "file is not a database") {
			err = ErrNotDataset
		}
		return nil, fmt.Errorf("open %s: %w", redact(dsn), err)
	}
	if readOnly {
		if err := s.checkSchema(ctx); err != nil {
			s.db.Close()
			return nil, fmt.Errorf("open %s: %w", redact(dsn), err)
		}
		return s, nil
	}
	if err := s.checkNewer(ctx); err != nil {
		s.db.Close()
		return nil, fmt.Errorf("open %s: %w", redact(dsn), err)
	}
	if err := s.migrate(ctx, upto); err != nil {
		s.db.Close()
		return nil, fmt.Errorf("migrate %s: %w", redact(dsn), err)
	}
	if upto != 0 {
		return s, nil
	}
	if err := s.prepareWrites(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("open %s: %w", redact(dsn), err)
	}
	return s, nil
}

// checkSchema makes sure that a dataset opened read-only has every
// migration this chiso knows, which its queries assume, and none it does
// not.
func (s *Store) checkSchema(ctx context.Context) error {
	have, want, err := s.versions(ctx)
	if errors.Is(err, errNoSchema) {
		return ErrNotDataset
	}
	if err != nil {
		return err
	}
	if have < want {
		return fmt.Errorf("%w (schema %d, this chiso reads %d): run chiso ingest on it once, with write access, to upgrade it",
			ErrOldSchema, have, want)
	}
	return newer(have, want)
}

// checkNewer is ErrNewSchema when the dataset has a migration this chiso
// does not know; a new, empty one has none.
func (s *Store) checkNewer(ctx context.Context) error {
	have, want, err := s.versions(ctx)
	if errors.Is(err, errNoSchema) {
		return nil
	}
	if err != nil {
		return err
	}
	return newer(have, want)
}

// errNoSchema is versions' error for a database with no migrations table.
var errNoSchema = errors.New("no schema_migrations")

// versions returns the last migration the dataset has had and the last
// this chiso knows.
func (s *Store) versions(ctx context.Context) (have, want int, err error) {
	if want, err = latestMigration(); err != nil {
		return 0, 0, err
	}
	var v sql.NullInt64
	// Another process may be making the file a dataset (switching it to
	// WAL, migrating it): its lock is waited out, as migrate's is.
	err = retryBusy(ctx, func() error {
		return s.db.QueryRowContext(ctx, `select max(version) from schema_migrations`).Scan(&v)
	})
	if err != nil {
		if strings.Contains(err.Error(), "no such table") || strings.Contains(err.Error(), "does not exist") ||
			strings.Contains(err.Error(), "file is not a database") {
			return 0, want, errNoSchema
		}
		return 0, want, err
	}
	return int(v.Int64), want, nil
}

// newer is ErrNewSchema when have is past want, the last migration this
// chiso knows.
func newer(have, want int) error {
	if have > want {
		return fmt.Errorf("%w (schema %d, this chiso knows %d): use that chiso or a later one", ErrNewSchema, have, want)
	}
	return nil
}

// latestMigration is the version of the newest embedded migration.
func latestMigration() (int, error) {
	files, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return 0, err
	}
	v := 0
	for _, name := range files {
		n, err := strconv.Atoi(strings.SplitN(strings.TrimPrefix(name, "migrations/"), "_", 2)[0])
		if err != nil {
			return 0, fmt.Errorf("%s: name does not start with a version number", name)
		}
		v = max(v, n)
	}
	return v, nil
}

// sqliteDSN makes an SQLite URI of a file path: the path escaped (%, ?
// and # would otherwise end it or be read as escapes), and the pragmas
// chiso needs. For writing: WAL so that readers do not block the
// writer, a busy timeout so that writers in several processes queue
// instead of failing, foreign keys, and BEGIN IMMEDIATE for transactions
// so that a writer takes the write lock at the start and never fails
// upgrading a read lock (SQLITE_BUSY that no timeout can cure);
// synchronous=NORMAL, under which a commit does not wait for the disk: a
// crash of chiso loses nothing committed, a power loss the transactions
// since the last checkpoint (see batchSize); and temp_store=MEMORY, so
// that the statement journal of a multi-row insert (insertRows), which
// SQLite keeps to undo the statement alone, never goes to a temporary
// file: it only ever holds pages of the one statement, and nothing in it
// outlives the transaction, so a crash loses nothing more (measured with
// BenchmarkWrite: 7 % of the writer's CPU time). For reading: mode=ro and the busy timeout only, so that opening writes
// nothing (the journal mode is the one the dataset has).
func sqliteDSN(path string, readOnly bool) string {
	p := filepath.ToSlash(path)
	if filepath.VolumeName(path) != "" {
		// C:/x/chiso.db: SQLite reads the drive of file:///C:/x/chiso.db.
		p = "///" + p
	}
	p = "file:" + uriEscaper.Replace(p)
	busy := "_pragma=busy_timeout(" + strconv.Itoa(int(busyTimeout/time.Millisecond)) + ")"
	if readOnly {
		return p + "?mode=ro&" + busy
	}
	return p + "?" + busy + "&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)" +
		"&_pragma=temp_store(MEMORY)&_txlock=immediate"
}

// uriEscaper escapes what ends or escapes a path in an SQLite URI.
var uriEscaper = strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23")

// Redact is dsn as chiso prints it: a PostgreSQL URL's password hidden.
func Redact(dsn string) string { return redact(dsn) }

// redact hides a password in a PostgreSQL URL for error messages.
func redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil || u.User == nil {
		return dsn
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxx")
	}
	return u.String()
}

// Close closes the dataset.
func (s *Store) Close() error {
	for _, st := range s.stmts {
		st.Close()
	}
	return s.db.Close()
}

// WriteTime is the total time spent in write transactions since Open.
func (s *Store) WriteTime() time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.writeTime
}

// lockWrites makes this process's writers queue for SQLite's one write
// lock in Go rather than in SQLite, and returns the unlock. SQLite's busy
// handler sleeps 1, 2, 5, 10 ... 100 ms between tries whatever the holder
// does, so two workers polling for the lock left one idle long after the
// other's few-millisecond transaction had ended (the speed-up from one
// worker to two was 1.5x); a mutex hands the lock over at once. Writers
// in other processes still queue through busy_timeout. PostgreSQL has no
// such lock, and its writers run in parallel.
func (s *Store) lockWrites() (unlock func()) {
	if s.dialect != SQLite {
		return func() {}
	}
	s.writes.Lock()
	return s.writes.Unlock
}

func (s *Store) addWriteTime(d time.Duration) {
	s.mu.Lock()
	s.writeTime += d
	s.mu.Unlock()
}

// migrationLock is the pg_advisory_lock key that serialises migrators:
// "chiso" in ASCII.
const migrationLock = 0x636869736f

// migrate applies the embedded migrations not yet recorded in
// schema_migrations, up to version upto (0: all), each in its own
// transaction. Concurrent migrators
// wait for each other: PostgreSQL by an advisory lock held on one
// connection, SQLite by BEGIN IMMEDIATE.
func (s *Store) migrate(ctx context.Context, upto int) error {
	files, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(files)
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if s.dialect == SQLite {
		// Temporary storage is memory for the writes (sqliteDSN), but
		// a migration that copies tables sorts them whole, as VACUUM
		// builds a whole new file: in files, the memory they take does
		// not grow with the dataset.
		if _, err := conn.ExecContext(ctx, `pragma temp_store = file`); err != nil {
			return err
		}
		defer conn.ExecContext(context.Background(), `pragma temp_store = memory`)
	}
	if s.dialect == Postgres {
		if _, err := conn.ExecContext(ctx, `select pg_advisory_lock($1)`, migrationLock); err != nil {
			return err
		}
		defer conn.ExecContext(context.Background(), `select pg_advisory_unlock($1)`, migrationLock)
	}
	rebuilt := false
	for _, name := range files {
		version, err := strconv.Atoi(strings.SplitN(strings.TrimPrefix(name, "migrations/"), "_", 2)[0])
		if err != nil {
			return fmt.Errorf("%s: name does not start with a version number", name)
		}
		if upto != 0 && version > upto {
			break
		}
		body, err := migrations.ReadFile(name)
		if err != nil {
			return err
		}
		err = retryBusy(ctx, func() error {
			tx, err := conn.BeginTx(ctx, nil)
			if err != nil {
				return err
			}
			defer tx.Rollback()
			if _, err := tx.ExecContext(ctx, `create table if not exists schema_migrations (version integer primary key, applied_at text not null)`); err != nil {
				return err
			}
			var n int
			if err := tx.QueryRowContext(ctx, `select count(*) from schema_migrations where version = $1`, version).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return nil
			}
			if rebuilds[version] && !rebuilt {
				// Only a dataset with reports has pages to give back.
				if err := tx.QueryRowContext(ctx, `select exists (select 1 from reports)`).Scan(&rebuilt); err != nil {
					return err
				}
			}
			for _, stmt := range statements(string(body), s.dialect) {
				if _, err := tx.ExecContext(ctx, stmt); err != nil {
					return fmt.Errorf("%s: %w\n%s", name, err, stmt)
				}
			}
			if _, err := tx.ExecContext(ctx, `insert into schema_migrations (version, applied_at) values ($1, $2)`, version, now()); err != nil {
				return err
			}
			return tx.Commit()
		})
		if err != nil {
			return err
		}
	}
	if rebuilt && s.dialect == SQLite {
		// The space is given back for the user's disk, not for the
		// dataset, which reuses free pages anyway: a VACUUM that cannot
		// run now (another process is reading) is not an error.
		conn.ExecContext(ctx, `vacuum`)
	}
	return nil
}

// rebuilds are the migrations that copy whole tables into new ones (006:
// the rows of a report keyed by its id). SQLite keeps the pages of the
// old tables in its file, free, until VACUUM: a dataset of 2,000 reports
// went from 109 MB to 136 MB, and after VACUUM to 57 MB.
var rebuilds = map[int]bool{6: true}

// statements splits a migration into statements at semicolons that end a
// line, dropping comments. A line that starts with "--sqlite:" or
// "--postgres:" is kept, without the marker, only for that dialect: the
// dialect switch for the few places where the SQL differs.
func statements(body string, d Dialect) []string {
	var out []string
	var cur strings.Builder
	for _, line := range strings.Split(body, "\n") {
		t := strings.TrimSpace(line)
		if rest, ok := strings.CutPrefix(t, "--"+string(d)+":"); ok {
			t = strings.TrimSpace(rest)
		} else if strings.HasPrefix(t, "--") || t == "" {
			continue
		}
		cur.WriteString(t)
		cur.WriteByte('\n')
		if strings.HasSuffix(t, ";") {
			out = append(out, strings.TrimSuffix(strings.TrimSpace(cur.String()), ";"))
			cur.Reset()
		}
	}
	if strings.TrimSpace(cur.String()) != "" {
		out = append(out, strings.TrimSpace(cur.String()))
	}
	return out
}

// retryBusy runs f again while SQLite says the database is busy or locked
// (a writer in another process held the lock past busy_timeout, or a
// checkpoint was running) and while PostgreSQL reports a serialisation
// failure or deadlock, with a growing pause.
func retryBusy(ctx context.Context, f func() error) error {
	pause := 20 * time.Millisecond
	for attempt := 0; ; attempt++ {
		err := f()
		if err == nil || !transient(err) || attempt >= 20 {
			return err
		}
		select {
		case <-ctx.Done():
			return errors.Join(err, ctx.Err())
		case <-time.After(pause):
		}
		if pause < time.Second {
			pause *= 2
		}
	}
}

// transient reports whether err is worth retrying.
func transient(err error) bool {
	s := err.Error()
	for _, m := range []string{"SQLITE_BUSY", "database is locked", "SQLSTATE 40001", "SQLSTATE 40P01", "SQLSTATE 23503"} {
		if strings.Contains(s, m) {
			return true
		}
	}
	return false
}

func now() string { return time.Now().UTC().Format(time.RFC3339Nano) }
