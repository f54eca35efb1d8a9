package xls

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"chiso/doc"
)

// FuzzRead checks that no input panics or hangs and that what is read is
// a well-formed document. Most mutations of a whole compound file stop
// at its directory, so FuzzStream mutates the Workbook stream itself.
//
//	nice go test -run '^$' -fuzz '^FuzzRead$' -fuzztime 10m -fuzzminimizetime 1s -parallel 1 ./parse/xls
func FuzzRead(f *testing.F) {
	for _, name := range []string{"features.xls", "report.xls"} {
		f.Add(readFile(f, name))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		timed(t, len(b), func() { checkRead(t, b) })
	})
}

// FuzzStream reads mutated Workbook streams (records of the globals and
// the sheets) without the compound file around them.
//
//	nice go test -run '^$' -fuzz '^FuzzStream$' -fuzztime 10m -fuzzminimizetime 1s -parallel 1 ./parse/xls
func FuzzStream(f *testing.F) {
	for _, name := range []string{"features.xls", "report.xls"} {
		b := readFile(f, name)
		s, err := workbookStream(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s []byte) {
		timed(t, len(s), func() {
			d, err := func() (d *doc.Document, err error) {
				defer func() {
					if p := recover(); p != nil {
						t.Fatalf("panic: %v", p)
					}
				}()
				return readStream(s)
			}()
			if err == nil {
				checkDoc(t, d)
			}
		})
	})
}

// TestDamagedBytes overwrites random bytes of the fixtures' Workbook
// streams, 2,000 times: reading must give a document or an error, never
// a panic.
func TestDamagedBytes(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, name := range []string{"features.xls", "report.xls"} {
		b := readFile(t, name)
		good, err := workbookStream(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			t.Fatal(err)
		}
		for i := range 1000 {
			s := slices.Clone(good)
			for range 1 + rng.IntN(8) {
				s[rng.IntN(len(s))] = byte(rng.Uint32())
			}
			if d, err := readStream(s); err == nil {
				checkDoc(t, d)
			}
			if t.Failed() {
				t.Fatalf("%s, damage %d", name, i)
			}
		}
	}
}

// timed fails an input that takes over 5 s, so that the fuzzer keeps it.
func timed(t *testing.T, n int, f func()) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatalf("reading %d bytes took over 5s", n)
	}
}

// checkRead fails on a recovered panic or a malformed document.
func checkRead(t *testing.T, b []byte) {
	d, err := Read(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		if strings.Contains(err.Error(), "internal error") {
			t.Fatal(err)
		}
		return
	}
	checkDoc(t, d)
}

func checkDoc(t *testing.T, d *doc.Document) {
	for i, blk := range d.Blocks {
		if blk.Index != i || (blk.Table == nil) != (blk.Kind == doc.Paragraph) {
			t.Fatalf("block %d: index %d kind %s", i, blk.Index, blk.Kind)
		}
		if blk.Table == nil {
			continue
		}
		for _, row := range blk.Table.Rows {
			for _, c := range row {
				if c.RowSpan < 1 || c.ColSpan < 1 {
					t.Fatalf("block %d: cell %q has spans %d×%d", i, c.Text, c.RowSpan, c.ColSpan)
				}
			}
		}
		blk.Table.Grid()
	}
}
