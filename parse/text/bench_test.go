package text

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func BenchmarkRead(b *testing.B) {
	for _, name := range []string{"seed000.txt", "seed001.txt", "seed002.txt", "seed003.txt", "seed004.txt", "seed000_cp1258.txt"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) { benchRead(b, data) })
	}
	// All five seeds repeated to 20 MB: the time per byte should match the
	// seeds', as every layout is read in linear time.
	var all []byte
	for _, name := range []string{"seed000.txt", "seed001.txt", "seed002.txt", "seed003.txt", "seed004.txt"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			b.Fatal(err)
		}
		all = append(all, data...)
	}
	big := bytes.Repeat(all, (20<<20)/len(all)+1)
	b.Run("seeds20MB", func(b *testing.B) { benchRead(b, big) })
}

func benchRead(b *testing.B, data []byte) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read(data); err != nil {
			b.Fatal(err)
		}
	}
}
