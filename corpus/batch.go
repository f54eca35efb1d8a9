package corpus

import (
	"context"
	"fmt"
	"sort"
	"time"
)

// Group commit. One transaction per report made SQLite's single writer the
// limit of a bulk run: the commit and each transaction's own lookups cost
// as much again as the report's rows. Run's workers therefore only read
// files; one goroutine writes what they read, many files per transaction
// (putBatch), committing when batchSize files or batchRows rows are
// waiting, or batchDelay after the first of them, whichever comes first.
// The bound on rows bounds the memory the waiting reports hold (measured:
// 16 reports of 200 rows waiting raised the peak RSS of a run by a fifth).
//
// What a crash loses: the files of the batch not yet committed (at most
// batchSize, or batchDelay of reading), and, with SQLite's
// synchronous=NORMAL, on power loss the last batches committed. Their
// events have not been printed, nothing of them is in the dataset (a batch
// is one transaction: all its files or none), and a rerun reads them
// again (TestKillAndRerun).
const (
	batchSize  = 64
	batchRows  = 1000 // rows of indicators, findings and points
	batchDelay = 100 * time.Millisecond
)

// pending is one file's write, waiting for its batch: its event, whose
// Outcome the write sets, and what to store.
type pending struct {
	ev   Event
	sha  string
	rec  *Record // a report to Put; nil with ev.Outcome Failed or set
	fail bool    // record ev.Reason as the file's failure
	rows *reportRows
}

// header is rec without what makeRows has turned into rows (rows,
// findings, scores), so that the reports waiting for their batch hold
// their rows once, not twice.
func (rec *Record) header() *Record {
	h := *rec
	rep, card := *rec.Report, *rec.Card
	rep.Indicators, rep.Findings = nil, nil
	card.Scores, card.Groups, card.Findings = nil, nil, nil
	h.Report, h.Card, h.Mapping, h.Findings = &rep, &card, nil, nil
	return &h
}

// stores reports whether p writes anything; a file found unchanged only
// passes through, to keep the events in order.
func (p *pending) stores() bool { return p.rec != nil || p.fail }

// size is how many rows p writes.
func (p *pending) size() int {
	if p.rows == nil {
		return 1
	}
	return 1 + len(p.rows.indicators) + len(p.rows.cells) + len(p.rows.findings) + len(p.rows.points)
}

// putBatch writes the batch's reports and failures in one transaction and
// sets each report's Outcome. When the transaction fails for another
// reason than contention (which retryBusy waits out), the files are
// written again one per transaction, so that the error names the file it
// comes from and the others are kept.
func (s *Store) putBatch(ctx context.Context, batch []*pending) error {
	var ws []*pending
	for _, p := range batch {
		if p.stores() {
			if p.rec != nil && p.rows == nil {
				p.rows = makeRows(p.rec)
			}
			ws = append(ws, p)
		}
	}
	if len(ws) == 0 {
		return nil
	}
	// One order for every writer, so that two PostgreSQL batches with
	// files in common wait for each other instead of deadlocking.
	sort.SliceStable(ws, func(i, j int) bool {
		if ws[i].sha != ws[j].sha {
			return ws[i].sha < ws[j].sha
		}
		return ws[i].ev.Path < ws[j].ev.Path
	})
	outs := make([]Outcome, len(ws))
	unlock := s.lockWrites()
	start := time.Now()
	err := retryBusy(ctx, func() error { return s.batchTx(ctx, ws, outs) })
	s.addWriteTime(time.Since(start))
	unlock()
	if err == nil {
		for i, p := range ws {
			if !p.fail {
				p.ev.Outcome = outs[i]
			}
		}
		return nil
	}
	if ctx.Err() != nil || len(ws) == 1 || lostConnection(err) {
		// Interrupted, or the database is gone: writing the files one
		// by one would fail as well, and blame the first of them.
		return s.asUnreachable(err)
	}
	for _, p := range ws {
		if p.fail {
			err = s.Fail(ctx, p.ev.Path, p.sha, p.ev.Reason)
		} else {
			p.ev.Outcome, err = s.write(ctx, p.ev.Path, p.sha, p.rec.Size, p.rec)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// batchTx is putBatch's transaction: the files of ws, in their order,
// with the outcome of each report in outs.
func (s *Store) batchTx(ctx context.Context, ws []*pending, outs []Outcome) error {
	stx, err := s.begin(ctx)
	if err != nil {
		return err
	}
	defer stx.rollback()
	tx := stx.Tx
	ctx = s.inTx(ctx)
	for i, p := range ws {
		if p.fail {
			if err := failIn(ctx, tx, p.ev.Path, p.sha, p.ev.Reason); err != nil {
				return s.storeError(p.ev.Path, err)
			}
			continue
		}
		if outs[i], err = s.writeIn(ctx, stx, p.ev.Path, p.sha, p.rec.Size, p.rec, p.rows); err != nil {
			return s.storeError(p.ev.Path, err)
		}
	}
	if err := stx.commit(ctx); err != nil {
		return err
	}
	if stx.upgraded {
		s.upgrades.Add(1)
	}
	return nil
}

// storeError is err, from writing path in a transaction, naming the
// file, unless it is the database that is gone: that is not the file's
// failure.
func (s *Store) storeError(path string, err error) error {
	if lostConnection(err) {
		return s.asUnreachable(err)
	}
	return fmt.Errorf("store %s: %w", path, err)
}

// writeBatches is Run's writer: it takes the workers' files from in, in
// the order they come, writes them in batches, and sends their events to
// out once their batch is committed. It returns the first error, after
// which it writes nothing more but still empties in so that no worker
// waits forever.
func (s *Store) writeBatches(ctx context.Context, in <-chan *pending, out chan<- Event) error {
	var batch []*pending
	var timer <-chan time.Time
	var failed error
	rows := 0
	flush := func() {
		if failed == nil {
			failed = s.putBatch(ctx, batch)
		}
		if failed == nil {
			for _, p := range batch {
				out <- p.ev
			}
		}
		batch, timer, rows = batch[:0], nil, 0
	}
	for {
		select {
		case p, ok := <-in:
			if !ok {
				flush()
				return failed
			}
			if failed != nil {
				continue
			}
			batch = append(batch, p)
			rows += p.size()
			switch {
			case len(batch) >= batchSize || rows >= batchRows:
				flush()
			case !p.stores() && len(batch) == 1:
				flush() // nothing to write: no reason to wait
			case timer == nil && p.stores():
				timer = time.After(batchDelay)
			}
		case <-timer:
			flush()
		}
	}
}
