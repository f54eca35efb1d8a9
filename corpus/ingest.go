package corpus

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"chiso"

	"chiso/parse"
	"chiso/report"
	"chiso/rubric"
)

// Extensions are the file name endings ingest reads when it walks a
// folder. A file named on the command line is always tried. Other files
// found in a folder are listed as unread, with the reason, so that an
// officer sees what was left out (a .ppt, a scan in .jpg).
var Extensions = []string{".pdf", ".docx", ".doc", ".html", ".htm", ".txt", ".md", ".rtf", ".xlsx", ".xls", ".odt", ".ods",
	".png", ".jpg", ".jpeg", ".tif", ".tiff"}

// Defaults of the per-file limits: parse's, which applies them.
const (
	DefaultMaxSize = parse.DefaultMaxSize
	DefaultTimeout = parse.DefaultTimeout
)

// Ingester reads reports into a Store.
type Ingester struct {
	Store  *Store
	Rubric *rubric.Rubric
	// Workers is how many files are read at once (0: runtime.NumCPU()).
	Workers int
	// MaxSize and Timeout bound one file (0: the defaults).
	MaxSize int64
	Timeout time.Duration
	// Lang is the language of messages and basis lines: "vi" or "en".
	Lang string
	// Progress, when set, is called once per file as it is done, from
	// one goroutine at a time.
	Progress func(Event)
	// Unread are the failures Files found while listing (folders and
	// links it could not read): Run records them in the dataset and the
	// summary with the files' own.
	Unread []Event

	// stall, when set by a test, runs before the stages: a read that
	// takes longer than Timeout.
	stall func()
	// crash, when set by a test, runs before a file is read: the fault
	// hook that kills the process on a poison file.
	crash func(path string)
	// suspects are the files the last run was reading side by side when
	// it stopped: each is read alone (see crash.go), under alone's write
	// lock, the other files under its read lock.
	suspects map[string]bool
	single   bool // one worker: every file is read alone
	alone    sync.RWMutex
	// server names the database server the run writes to (Store.server),
	// for the rows of table reading.
	server string
	// marks are the files whose rows in table reading this run wrote
	// and has not rubbed out yet; markWait, when set by a test, replaces
	// the constant.
	marks    map[string]bool
	marksMu  sync.Mutex
	markWait time.Duration
	// reading counts the goroutines reading a file, including those
	// abandoned at the time limit, so that a test can wait for them.
	reading sync.WaitGroup
}

// Event is what happened to one file.
type Event struct {
	Path    string
	Outcome Outcome
	Reason  string // why the file failed
	// Err is the error behind Reason, when there is one, so that the
	// command line can say what kind of failure it is in the reader's
	// language (Reason, stored in the dataset, stays as the reader wrote it).
	Err error
	// Findings counts the report's findings by code (new and replaced
	// reports only: an unchanged file is not read).
	Findings map[report.Code]int
}

// Summary is the result of one ingest run.
type Summary struct {
	Files, New, Unchanged, Replaced int
	Failed                          []Event
	Findings                        map[report.Code]int
	// CrossFindings is how many findings the audit across reports
	// stored after the run (RefreshCrossFindings; 0 when nothing new).
	CrossFindings int
	Elapsed       time.Duration
	// Storage is the time spent in write transactions: those of the one
	// writer, which commits the workers' reports in batches, and of the
	// few writes made beside it; Storage/Elapsed is the share of the run
	// the writer is busy.
	Storage time.Duration
}

// hidden reports files no one sends as a report: dot files and the lock
// files Office leaves beside an open document ("~$baocao.docx").
func hidden(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$")
}

// unsupportedReason says, in Vietnamese, that a file's format is not read
// and which formats are.
func unsupportedReason(p string) string {
	ext := strings.ToLower(filepath.Ext(p))
	if ext == "" {
		ext = "không có phần mở rộng"
	}
	return "định dạng không được hỗ trợ (" + ext + "): chiso đọc " + strings.Join(Extensions, ", ")
}

func supported(p string) bool {
	ext := strings.ToLower(filepath.Ext(p))
	for _, e := range Extensions {
		if ext == e {
			return true
		}
	}
	return false
}

// Run ingests files (as listed by Files) with the configured number of
// workers. Files that fail are recorded in the dataset and in the
// summary; Run itself fails only when the dataset cannot be written,
// with ErrUnreachable when a PostgreSQL server stops answering: the
// batches committed before are whole, no file is recorded as failed or
// blamed for it (crash.go), and a rerun once the server is back
// completes the dataset.
func (in *Ingester) Run(ctx context.Context, files []string) (*Summary, error) {
	start := time.Now()
	storeStart := in.Store.WriteTime()
	upgradesStart := in.Store.upgrades.Load()
	workers := in.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	if err := in.takeCrashed(ctx, workers); err != nil {
		return nil, in.Store.asUnreachable(err)
	}
	jobs := make(chan string)
	writes := make(chan *pending, workers)
	events := make(chan Event)
	var fatal error
	var fatalOnce sync.Once
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range jobs {
				w, err := in.one(ctx, p)
				if err != nil {
					fatalOnce.Do(func() { fatal = err; cancel() })
					continue
				}
				writes <- w
			}
		}()
	}
	// The workers read; one writer stores what they read, many files per
	// transaction (see batchSize).
	wrote := make(chan struct{})
	go func() {
		defer close(wrote)
		if err := in.Store.writeBatches(ctx, writes, events); err != nil {
			fatalOnce.Do(func() { fatal = err; cancel() })
		}
	}()
	go func() {
		defer close(jobs)
		for _, p := range files {
			select {
			case jobs <- p:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(writes); <-wrote; close(events) }()

	sum := &Summary{Findings: map[report.Code]int{}}
	for _, ev := range in.Unread {
		if err := in.Store.Fail(ctx, ev.Path, "", ev.Reason); err != nil {
			fatalOnce.Do(func() { fatal = err; cancel() })
			break
		}
		sum.Files++
		sum.Failed = append(sum.Failed, ev)
		if in.Progress != nil {
			in.Progress(ev)
		}
	}
	for ev := range events {
		sum.Files++
		switch ev.Outcome {
		case New:
			sum.New++
		case Unchanged:
			sum.Unchanged++
		case Replaced:
			sum.Replaced++
		case Failed:
			sum.Failed = append(sum.Failed, ev)
		}
		for c, n := range ev.Findings {
			sum.Findings[c] += n
		}
		if in.Progress != nil {
			in.Progress(ev)
		}
	}
	sort.Slice(sum.Failed, func(i, j int) bool { return sum.Failed[i].Path < sum.Failed[j].Path })
	if fatal == nil && parent.Err() == nil && (sum.New > 0 || sum.Replaced > 0 || in.Store.upgrades.Load() > upgradesStart) {
		// The audit across reports, stored with the dataset so that
		// export shows it: it reads what this run stored.
		if n, err := in.Store.RefreshCrossFindings(parent, in.Rubric); err != nil {
			fatal = fmt.Errorf("audit across reports: %w", err)
		} else {
			sum.CrossFindings = n
		}
	}
	sum.Elapsed = time.Since(start)
	sum.Storage = in.Store.WriteTime() - storeStart
	if fatal == nil && parent.Err() != nil {
		fatal = parent.Err() // interrupted: the summary is partial
	}
	if fatal != nil {
		// The files being read when the dataset failed did not stop
		// the run: their rows in table reading must not blame them.
		in.rubOut()
	}
	return sum, in.Store.asUnreachable(fatal)
}

// one ingests one file: it reads it and returns what to store, for Run's
// writer. Its error is a dataset error, which stops the run; a file that
// cannot be read is a failure to store.
func (in *Ingester) one(ctx context.Context, path string) (w *pending, err error) {
	w = &pending{ev: Event{Path: path}}
	fail := func(sha, reason string) (*pending, error) {
		w.ev.Outcome, w.ev.Reason, w.sha, w.fail = Failed, reason, sha, true
		return w, nil
	}
	data, err := parse.ReadFile(path, in.maxSize())
	if err != nil {
		w.ev.Err = err
		return fail("", reason(err))
	}
	sum := sha256.Sum256(data)
	sha := hex.EncodeToString(sum[:])
	atPath, known, err := in.Store.Lookup(ctx, path, sha)
	if err != nil {
		return nil, err
	}
	if known {
		if atPath == sha {
			w.ev.Outcome = Unchanged
			return w, nil
		}
		w.ev.Outcome, err = in.Store.Link(ctx, path, sha, int64(len(data)))
		if !errors.Is(err, errUnknown) {
			return w, err
		}
		// Deleted since Lookup (its last path changed content): read it.
	}
	if crashed, err := in.Store.crashedBefore(ctx, path, sha); err != nil {
		return nil, err
	} else if crashed {
		return fail(sha, CrashReason)
	}
	done, err := in.startRead(ctx, path, sha)
	if err != nil {
		return nil, err
	}
	rec, err := in.readWithin(ctx, path, data)
	if derr := done(); derr != nil {
		return nil, derr
	}
	if err != nil {
		if ctx.Err() != nil {
			// Interrupted, not the file's fault: record nothing.
			return nil, ctx.Err()
		}
		w.ev.Err = err
		return fail(sha, err.Error())
	}
	rec.Source.SHA256 = sha
	w.ev.Findings = map[report.Code]int{}
	for _, f := range rec.Findings {
		w.ev.Findings[f.Code]++
	}
	// The rows are made here, by the workers, to leave the writer only
	// the statements.
	w.sha, w.rows, w.rec = sha, makeRows(rec), rec.header()
	return w, nil
}

// readWithin runs read under the per-file time limit, which covers the
// whole pipeline: parsing watches the context, but extraction and scoring
// are pure CPU and do not take one, so read runs in a goroutine that is
// abandoned at the deadline. An abandoned read cannot touch the dataset:
// only the caller stores, and it has stopped waiting for the result.
func (in *Ingester) readWithin(ctx context.Context, path string, data []byte) (*Record, error) {
	limit := in.timeout()
	tctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	type result struct {
		rec *Record
		err error
	}
	done := make(chan result, 1) // buffered: an abandoned read ends without a receiver
	in.reading.Add(1)
	go func() {
		defer in.reading.Done()
		rec, err := in.read(tctx, path, data)
		done <- result{rec, err}
	}()
	var r result
	select {
	case r = <-done:
	case <-tctx.Done():
	}
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	if tctx.Err() != nil {
		// Also when the result came late: the limit is a promise.
		return nil, fmt.Errorf("timed out after %v (--timeout)", limit)
	}
	return r.rec, r.err
}

// read parses, extracts and scores one file, turning a panic in any stage
// into an error so that one bad file cannot stop a bulk run.
func (in *Ingester) read(ctx context.Context, path string, data []byte) (rec *Record, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error: %v", r)
		}
	}()
	if in.stall != nil {
		in.stall()
	}
	lang := in.Lang
	if lang == "" {
		lang = "vi"
	}
	res, err := chiso.Process(ctx, path, data, chiso.Options{Rubric: in.Rubric, Timeout: in.timeout(), Lang: lang})
	if err != nil {
		return nil, readError{err}
	}
	return &Record{Path: path, Size: int64(len(data)), Source: res.Document.Source, Report: res.Report,
		Mapping: res.Mapping, Card: res.Card, Findings: res.Findings(), Lang: lang,
		Cumulative: DeclaresCumulative(res.Document)}, nil
}

// readError is a failure to read a file, written without the path (see
// reason) and unwrapping to the reader's error, for errors.Is.
type readError struct{ err error }

func (e readError) Error() string { return reason(e.err) }
func (e readError) Unwrap() error { return e.err }

// reason is a parse failure without the path, which the failure has in
// its own column.
func reason(err error) string {
	var pe *parse.Error
	switch {
	case !errors.As(err, &pe):
		return err.Error()
	case pe.Format == "":
		return pe.Err.Error()
	}
	return pe.Format + ": " + pe.Err.Error()
}

func (in *Ingester) maxSize() int64 {
	if in.MaxSize > 0 {
		return in.MaxSize
	}
	return DefaultMaxSize
}

func (in *Ingester) timeout() time.Duration {
	if in.Timeout > 0 {
		return in.Timeout
	}
	return DefaultTimeout
}
