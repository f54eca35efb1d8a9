package layout

import "math"

// minStacked is how many rows of figures one ruled cell must hold, side
// by side with another cell holding text on the same baselines, before
// the grid is taken for a partly ruled table: the rules are column
// borders or a header box only, and the rows are not drawn.
const minStacked = 3

// underruled reports whether the grid's rules leave rows undrawn: some
// cell holds minStacked or more lines, most of them figures ("(X)" and
// "*****" notes may stand among them), and another
// cell beside it has text on at least minStacked of the same baselines.
// Statistical tables drawn with vertical rules and a boxed header only
// (census tables, spreadsheets printed with column borders) look like
// that, and read as one row holding every figure of a column. A wrapped
// label beside a single figure, the usual ruled cell, does not.
func (g *grid) underruled() bool {
	type stack struct {
		ys      []float64
		size    float64
		figures int
		top     float64
		bottom  float64
	}
	var cells []stack
	for r, row := range g.owner {
		for c, x := range row {
			if len(x.texts) < minStacked || (r > 0 && g.owner[r-1][c] == x) || (c > 0 && row[c-1] == x) {
				continue
			}
			ls := groupLines(x.texts)
			if len(ls) < minStacked {
				continue
			}
			s := stack{top: ls[0].y, bottom: ls[len(ls)-1].y}
			for _, l := range ls {
				s.ys = append(s.ys, l.y)
				s.size = max(s.size, l.size)
				if isFigure(plain([]line{l})) {
					s.figures++
				}
			}
			cells = append(cells, s)
		}
	}
	for i, a := range cells {
		if a.figures < minStacked || 2*a.figures < len(a.ys) {
			continue
		}
		for k, b := range cells {
			if k == i || b.bottom < a.top || b.top > a.bottom {
				continue
			}
			shared := 0
			tol := baselineTol * max(a.size, b.size)
			for _, y := range a.ys {
				for _, z := range b.ys {
					if math.Abs(y-z) <= tol {
						shared++
						break
					}
				}
			}
			if shared >= minStacked {
				return true
			}
		}
	}
	return false
}

// texts returns every text placed in the grid.
func (g *grid) texts() []Text {
	var out []Text
	for r, row := range g.owner {
		for c, x := range row {
			if (r > 0 && g.owner[r-1][c] == x) || (c > 0 && row[c-1] == x) {
				continue
			}
			out = append(out, x.texts...)
		}
	}
	return out
}
