package corpus

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

// BenchmarkIngest ingests 100 distinct reports (the seeds in four formats
// and scoring sheets) into a fresh SQLite dataset with 1 and 2 workers:
// docs/s, and the share of the run spent in write transactions. The
// 2,000-document run with RSS is scripts/bench-ingest.sh.
func BenchmarkIngest(b *testing.B) {
	dir := b.TempDir()
	seedFiles(b, dir)
	sheets(b, dir, 80)
	files, unread := Files([]string{dir})
	if len(files) != 100 || len(unread) != 0 {
		b.Fatalf("%d files, %d unread; want 100, 0", len(files), len(unread))
	}
	r := district(b)
	for _, w := range []int{1, 2} {
		b.Run(fmt.Sprint("workers=", w), func(b *testing.B) {
			var docs, secs, storage float64
			for i := range b.N {
				s, err := Open(context.Background(), filepath.Join(b.TempDir(), fmt.Sprint(i, ".db")))
				if err != nil {
					b.Fatal(err)
				}
				in := &Ingester{Store: s, Rubric: r, Workers: w}
				sum, err := in.Run(context.Background(), files)
				s.Close()
				if err != nil {
					b.Fatal(err)
				}
				if sum.New != len(files) {
					b.Fatalf("%d new of %d: %+v", sum.New, len(files), sum.Failed)
				}
				docs += float64(sum.Files)
				secs += sum.Elapsed.Seconds()
				storage += sum.Storage.Seconds()
			}
			b.ReportMetric(docs/secs, "docs/s")
			b.ReportMetric(storage/secs*100, "storage%")
		})
	}
}

// BenchmarkWrite is the writer alone: the 100 reports of BenchmarkIngest,
// read beforehand, stored into a fresh SQLite dataset one transaction per
// report (Put) and in batches cut as writeBatches cuts them, at batchSize
// files or batchRows rows (putBatch, as ingest does). Its
// ms/report is the writer's cost per report, which bounds a bulk run at
// 1000/ms_per_report reports/s however many cores read, and allocs/report
// the writer's allocations (b.N's allocs/op count the set-up too). The
// context can be cancelled, as Run's is: the driver then watches it at
// every statement.
func BenchmarkWrite(b *testing.B) {
	dir := b.TempDir()
	seedFiles(b, dir)
	sheets(b, dir, 80)
	files, _ := Files([]string{dir})
	in := &Ingester{Rubric: district(b)}
	var recs []*Record
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		rec, err := in.read(context.Background(), f, data)
		if err != nil {
			b.Fatal(err)
		}
		sum := sha256.Sum256(data)
		rec.Source.SHA256 = hex.EncodeToString(sum[:])
		recs = append(recs, rec)
	}
	for _, mode := range []string{"put", "batch"} {
		b.Run(mode, func(b *testing.B) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			n := 0
			var spent time.Duration
			var allocs uint64
			var before, after runtime.MemStats
			write := func(f func() error) {
				runtime.ReadMemStats(&before)
				err := f()
				runtime.ReadMemStats(&after)
				if err != nil {
					b.Fatal(err)
				}
				allocs += after.Mallocs - before.Mallocs
			}
			for i := range b.N {
				s, err := Open(context.Background(), filepath.Join(b.TempDir(), fmt.Sprint(i, ".db")))
				if err != nil {
					b.Fatal(err)
				}
				var batch []*pending
				rows := 0
				for _, rec := range recs {
					if mode == "put" {
						write(func() error { _, err := s.Put(ctx, rec); return err })
						continue
					}
					p := &pending{ev: Event{Path: rec.Path}, sha: rec.Source.SHA256, rec: rec, rows: makeRows(rec)}
					batch, rows = append(batch, p), rows+p.size()
					if len(batch) >= batchSize || rows >= batchRows { // as writeBatches cuts
						write(func() error { return s.putBatch(ctx, batch) })
						batch, rows = batch[:0], 0
					}
				}
				write(func() error { return s.putBatch(ctx, batch) })
				spent += s.WriteTime()
				n += len(recs)
				s.Close()
			}
			b.ReportMetric(float64(spent.Microseconds())/1000/float64(n), "ms/report")
			b.ReportMetric(float64(allocs)/float64(n), "allocs/report")
		})
	}
}
