package vntext

import (
	"os"
	"strings"
	"testing"

	"chiso/internal/material"
)

// seedCells returns the table cells of seed 000, a report whose cells hold
// HTML remnants, or skips the benchmark when the seeds are absent.
func seedCells(b *testing.B) []string {
	data, err := os.ReadFile(material.Path("seeds", "000_2d96459ab1c13f85.txt"))
	if err != nil {
		b.Skip("seed 000 not found:", err)
	}
	var cells []string
	for _, line := range strings.Split(string(data), "\n") {
		cells = append(cells, strings.Split(line, "\t")...)
	}
	return cells
}

func benchCells(b *testing.B, f func(string) string) {
	cells := seedCells(b)
	size := 0
	for _, c := range cells {
		size += len(c)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, c := range cells {
			f(c)
		}
	}
}

func BenchmarkClean(b *testing.B) { benchCells(b, Clean) }
func BenchmarkFold(b *testing.B)  { benchCells(b, Fold) }

// BenchmarkCleanClean measures the fast path: cells that are already clean.
func BenchmarkCleanClean(b *testing.B) {
	cells := seedCells(b)
	for i, c := range cells {
		cells[i] = Clean(c)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, c := range cells {
			Clean(c)
		}
	}
}
