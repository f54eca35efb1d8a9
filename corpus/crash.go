package corpus

import (
	"context"
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

// CrashReason is the failure of a file that stopped an earlier run
// while it was being read.
const CrashReason = "stopped chiso on an earlier run while it was being read: it is not read again until the file changes"

// crashed is a file found being read when the last run stopped.
type crashed struct {
	path, sha string
	alone     bool
}

// takeReading returns the files the last run was reading when it
// stopped, and forgets them.
func (s *Store) takeReading(ctx context.Context) ([]crashed, error) {
	rows, err := s.db.QueryContext(ctx, `select path, sha256, alone from reading`)
	if err != nil {
		return nil, err
	}
	var out []crashed
	for rows.Next() {
		var c crashed
		var alone int
		if err := rows.Scan(&c.path, &c.sha, &alone); err != nil {
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

// startReading writes down that path (of content sha) is being read.
func (s *Store) startReading(ctx context.Context, path, sha string, alone bool) error {
	a := 0
	if alone {
		a = 1
	}
	return s.exec(ctx, `insert into reading (path, sha256, alone, started_at) values ($1, $2, $3, $4)
		on conflict (path) do update set sha256 = excluded.sha256, alone = excluded.alone, started_at = excluded.started_at`,
		path, sha, a, now())
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
func (in *Ingester) takeCrashed(ctx context.Context, workers int) error {
	left, err := in.Store.takeReading(ctx)
	if err != nil {
		return err
	}
	in.suspects = map[string]bool{}
	for _, c := range left {
		if !c.alone {
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
	if err := in.Store.startReading(ctx, path, sha, alone); err != nil {
		unlock()
		return nil, err
	}
	if in.crash != nil {
		in.crash(path)
	}
	return func() error {
		defer unlock()
		return in.Store.doneReading(context.WithoutCancel(ctx), path)
	}, nil
}
