package doc

// GridCell is one position of an expanded table.
type GridCell struct {
	Text string
	// Origin is false where the position is covered by a merged cell
	// whose top-left corner lies elsewhere; Text then repeats that cell's.
	Origin bool
	// Row and Col are the top-left position of the cell that covers this
	// position.
	Row, Col int
}

// Grid expands the table into a rectangle the way an HTML table lays out:
// each cell takes the first free column of its row, and a merged cell fills
// every position it spans with its text. Rows shorter than the widest row
// are padded with empty cells.
//
// The positions merged cells fill beyond their first are bounded by
// spanBudget: a hostile table of a few thousand cells with diagonal
// rowspans would otherwise lay out as tens of millions of positions. A
// cell whose span would pass the bound is laid out as one position, as
// if it merged nothing; no real table comes near it.
func (t *Table) Grid() [][]GridCell {
	grid := make([][]GridCell, 0, len(t.Rows))
	budget := spanBudget(t)
	occupied := func(r, c int) bool {
		return r < len(grid) && c < len(grid[r]) && grid[r][c].Row >= 0
	}
	// A new row is made as wide as the widest so far, the width nearly
	// every row ends with, so that it is allocated once, not grown a
	// cell at a time.
	widest := 0
	put := func(r, c int, g GridCell) {
		for len(grid) <= r {
			grid = append(grid, make([]GridCell, 0, max(widest, c+1)))
		}
		for len(grid[r]) <= c {
			grid[r] = append(grid[r], GridCell{Row: -1, Col: -1})
		}
		grid[r][c] = g
		widest = max(widest, len(grid[r]))
	}
	for r, row := range t.Rows {
		col := 0
		for _, cell := range row {
			for occupied(r, col) {
				col++
			}
			rs, cs := cell.Span()
			// Spans past the table's last row are clipped, as browsers do.
			if r+rs > len(t.Rows) {
				rs = len(t.Rows) - r
			}
			if n := rs * cs; n > 1 {
				if n-1 > budget {
					rs, cs = 1, 1
				} else {
					budget -= n - 1
				}
			}
			for dr := 0; dr < rs; dr++ {
				for dc := 0; dc < cs; dc++ {
					put(r+dr, col+dc, GridCell{Text: cell.Text, Origin: dr == 0 && dc == 0, Row: r, Col: col})
				}
			}
			col += cs
		}
		if len(grid) <= r {
			put(r, 0, GridCell{Row: -1, Col: -1})
			grid[r] = grid[r][:0]
		}
	}
	width := 0
	for _, row := range grid {
		width = max(width, len(row))
	}
	for r := range grid {
		for len(grid[r]) < width {
			grid[r] = append(grid[r], GridCell{Row: -1, Col: -1})
		}
		for c := range grid[r] {
			if grid[r][c].Row < 0 {
				grid[r][c] = GridCell{Origin: true, Row: r, Col: c}
			}
		}
	}
	return grid
}

// Texts returns the expanded grid's texts.
func (t *Table) Texts() [][]string {
	g := t.Grid()
	out := make([][]string, len(g))
	for r, row := range g {
		out[r] = make([]string, len(row))
		for c, cell := range row {
			out[r][c] = cell.Text
		}
	}
	return out
}

// spanBudget is how many positions beyond their first the merged cells of
// t may fill: sixteen per cell of the table, and at least a million.
func spanBudget(t *Table) int {
	n := 0
	for _, row := range t.Rows {
		n += len(row)
	}
	return max(1<<20, 16*n)
}
