package corpus

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
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
