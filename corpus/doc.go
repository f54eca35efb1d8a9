// Package corpus keeps years of reports in one dataset and answers
// questions across them: bulk ingest (parse → extract → rubric for every
// file under some folders, in parallel, idempotent by the sha256 of the
// bytes), export as one long table (CSV, XLSX, JSON Lines), an
// indicator's history for a unit, and the scores that need more than one
// report — min-max across the units of a period and growth over the
// previous year — with the ranking they give.
//
// A dataset is an SQLite file (modernc.org/sqlite, pure Go) or a
// PostgreSQL database (pgx), with one schema: embedded, versioned
// migrations applied on Open. Both are used through database/sql, except
// that on PostgreSQL a report's rows go in with COPY, which database/sql
// has no word for: copyRows reaches pgx under it, in the same
// transaction. Several ingest processes may write one dataset at once: a
// report's rows are written in one transaction (an ingest's workers read
// in parallel and one writer commits what they read in batches of many
// reports: see batchSize), keyed by its sha256 with "on conflict do
// nothing", so the same bytes are one report however many processes or
// paths bring them. On SQLite every
// write transaction is BEGIN IMMEDIATE with a busy timeout, so writers
// queue rather than fail upgrading a read lock ("database is locked");
// the writers of one process queue on a mutex first, since SQLite's busy
// handler polls with sleeps of up to 100 ms and left workers idle.
//
// Ingest never stops for one file: a file that cannot be read, a folder
// that cannot be listed, a broken link, a link out of the folders given
// (unless ListOptions.FollowLinks), a fifo, device or socket (never
// opened) and a file that exceeds the per-file time limit (parse, extraction and scoring together) are
// recorded as failures with their reason, and the run goes on.
// The dataset failing is not a file's failure: a PostgreSQL server that
// stops answering (cut, stopped, restarting) stops the run with
// ErrUnreachable, with every committed report whole, and a rerun once it
// is back gives the dataset of one clean run.
//
// The same queries run on both databases: $1 placeholders (which
// modernc.org/sqlite accepts too), timestamps as RFC 3339 text, and
// ordering done in Go where the two databases would collate or place
// NULLs differently. A report is known by its sha256 everywhere a user
// sees it; its rows point to it by an integer id, which is also their
// key's high bits (see keyRange and migration 006), because the sha256
// repeated in every row and its index made a third of a dataset's bytes
// and most of a write's cost.
package corpus
