package corpus

import (
	"context"
	"maps"
	"slices"
	"time"
)

// A file that kills the process while it is read (a reader's runaway
// allocation, a fault no recover catches) would stop every later bulk
// run at the same place. So ingest writes down each file it starts to
// read, and rubs it out when the reading is over (table reading,
// migration 004). A run that finds rows there knows the last one died
// reading them:
//
//   - a file that was read alone is the one that stopped the run: it is
//     recorded as failed with CrashReason and not read again until its
//     content changes;
//   - files read side by side are suspects: each is read again alone,
//     with no other file being read at the same time, so that if one of
//     them stops the run again the next run knows which.
//
// The dataset stopping is not the file's fault. A run whose PostgreSQL
// server stops answering while files are read ends with ErrUnreachable,
// and before that rubs out their rows, waiting up to markWait for the
// server to answer again (rubOut). Rows it could not rub out name the
// server they were written under (its start time, migration 005): when
// the server has started again since, the file may have been stopped by
// the server's death, not its own, and is only a suspect.

// CrashReason is the failure of a file that stopped an earlier run
// while it was being read.
const CrashReason = "stopped chiso on an earlier run while it was being read: it is not read again until the file changes"

// crashed is a file found being read when the last run stopped.
type crashed struct {
	path, sha string
	alone     bool
	server    string // see Store.server
}

// markWait is how long a run that lost its PostgreSQL server waits for
// it to answer again, to rub out the rows of the files it was reading.
const markWait = 10 * time.Second

// takeReading returns the files the last run was reading when it
// stopped, and forgets them.
func (s *Store) takeReading(ctx context.Context) ([]crashed, error) {
	rows, err := s.db.QueryContext(ctx, `select path, sha256, alone, server from reading`)
	if err != nil {
		return nil, err
	}
	var out []crashed
	for rows.Next() {
		var c crashed
		var alone int
		if err := rows.Scan(&c.path, &c.sha, &alone, &c.server); err != nil {
			rows.Close()
			return nil, err
		}
		c.alone = alone == 1
		out = append(out, c)
	}
	if err := rows.Close(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, nil
	}
	return out, s.exec(ctx, `delete from reading`)
}

// startReading writes down that path (of content sha) is being read,
// under server (see Store.server).
func (s *Store) startReading(ctx context.Context, path, sha string, alone bool, server string) error {
	a := 0
	if alone {
		a = 1
	}
	return s.exec(ctx, `insert into reading (path, sha256, alone, started_at, server) values ($1, $2, $3, $4, $5)
		on conflict (path) do update set sha256 = excluded.sha256, alone = excluded.alone, started_at = excluded.started_at,
		server = excluded.server`,
		path, sha, a, now(), server)
}

// server names the running instance of the database server: on
// PostgreSQL its start time, which changes when it restarts; "" on
// SQLite, which has no server to stop.
func (s *Store) server(ctx context.Context) (string, error) {
	if s.dialect != Postgres {
		return "", nil
	}
	var t string
	err := s.db.QueryRowContext(ctx, `select pg_postmaster_start_time()::text`).Scan(&t)
	return t, err
}

// doneReading rubs out path's row of startReading.
func (s *Store) doneReading(ctx context.Context, path string) error {
	return s.exec(ctx, `delete from reading where path = $1`, path)
}

// crashedBefore reports whether path, with content sha, stopped an
// earlier run.
func (s *Store) crashedBefore(ctx context.Context, path, sha string) (bool, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `select count(*) from failures where path = $1 and sha256 = $2 and reason = $3`,
		path, sha, CrashReason).Scan(&n)
	return n > 0, err
}

// exec runs one statement in its own transaction, retried while the
// database is busy; its time counts as storage time.
func (s *Store) exec(ctx context.Context, stmt string, args ...any) error {
	unlock := s.lockWrites()
	defer unlock()
	start := time.Now()
	defer func() { s.addWriteTime(time.Since(start)) }()
	return retryBusy(ctx, func() error {
		_, err := s.db.ExecContext(ctx, stmt, args...)
		return err
	})
}

// takeCrashed reads what the last run left in table reading: the file
// read alone is recorded as failed (CrashReason), the files read side by
// side become suspects, to be read alone. With one worker every file is
// read alone.
func (in *Ingester) takeCrashed(ctx context.Context, workers int) (err error) {
	if in.server, err = in.Store.server(ctx); err != nil {
		return err
	}
	left, err := in.Store.takeReading(ctx)
	if err != nil {
		return err
	}
	in.suspects = map[string]bool{}
	in.marks = map[string]bool{}
	for _, c := range left {
		if !c.alone || c.server != in.server {
			// Beside others, or under a server that has stopped since.
			in.suspects[c.path] = true
			continue
		}
		if err := in.Store.Fail(ctx, c.path, c.sha, CrashReason); err != nil {
			return err
		}
	}
	in.single = workers == 1
	return nil
}

// startRead writes the file down as being read (see the comment at the
// top of this file), alone when it is a suspect or when only one file is
// read at a time, and returns what ends it. Its error, and done's, are
// the dataset's.
func (in *Ingester) startRead(ctx context.Context, path, sha string) (done func() error, err error) {
	alone := in.single || in.suspects[path]
	unlock := in.alone.RUnlock
	if alone {
		in.alone.Lock()
		unlock = in.alone.Unlock
	} else {
		in.alone.RLock()
	}
	if err := in.Store.startReading(ctx, path, sha, alone, in.server); err != nil {
		unlock()
		return nil, err
	}
	in.marksMu.Lock()
	in.marks[path] = true
	in.marksMu.Unlock()
	if in.crash != nil {
		in.crash(path)
	}
	return func() error {
		defer unlock()
		if err := in.Store.doneReading(context.WithoutCancel(ctx), path); err != nil {
			return err // the row stays in marks, for rubOut
		}
		in.marksMu.Lock()
		delete(in.marks, path)
		in.marksMu.Unlock()
		return nil
	}, nil
}

// rubOut rubs out the rows of the files this run was reading when the
// dataset stopped answering, which are left in marks: the database
// stopped the run, not they. It tries again until the server answers or
// markWait has passed, so that a server restarted, or a network back,
// within that time leaves nothing for the next run to blame.
func (in *Ingester) rubOut() {
	wait := in.markWait
	if wait == 0 {
		wait = markWait
	}
	ctx, cancel := context.WithTimeout(context.Background(), wait)
	defer cancel()
	for {
		in.marksMu.Lock()
		left := slices.Collect(maps.Keys(in.marks))
		in.marksMu.Unlock()
		for _, p := range left {
			if in.Store.doneReading(ctx, p) == nil {
				in.marksMu.Lock()
				delete(in.marks, p)
				in.marksMu.Unlock()
			}
		}
		in.marksMu.Lock()
		n := len(in.marks)
		in.marksMu.Unlock()
		if n == 0 {
			return
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(250 * time.Millisecond):
		}
	}
}
