package doc

import (
	"reflect"
	"testing"
)

func TestGrid(t *testing.T) {
	tb := &Table{Rows: [][]Cell{
		{{Text: "STT", RowSpan: 2}, {Text: "Điểm", ColSpan: 2}},
		{{Text: "Tối đa"}, {Text: "Đạt"}},
		{{Text: "1"}, {Text: "10"}},
	}}
	var got [][]string
	for _, row := range tb.Grid() {
		var r []string
		for _, c := range row {
			r = append(r, c.Text)
		}
		got = append(got, r)
	}
	want := [][]string{{"STT", "Điểm", "Điểm"}, {"STT", "Tối đa", "Đạt"}, {"1", "10", ""}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Grid = %q, want %q", got, want)
	}
}

// TestGridSpanBudget: diagonal rowspans carry every earlier cell into
// every later row, so 3,000 cells would lay out as 9 million positions;
// the spans past the budget are laid out as single positions.
func TestGridSpanBudget(t *testing.T) {
	const n = 3000
	tb := &Table{}
	for range n {
		tb.Rows = append(tb.Rows, []Cell{{Text: "x", RowSpan: 65534}})
	}
	g := tb.Grid()
	positions := 0
	for _, row := range g {
		positions += len(row)
	}
	// The budget, the cells themselves, and the padding of the rows to
	// the widest (which the budget bounds too): about 1.1 million, where
	// unbounded spans give n² = 9 million.
	if limit := 3_000_000; positions > limit {
		t.Errorf("%d rows laid out as %d positions, want at most %d", n, positions, limit)
	}
	if len(g) != n {
		t.Errorf("%d rows, want %d", len(g), n)
	}
}
