package layout

import (
	"math"
	"sort"
)

// ruleTol is how far apart, in points, two rules may lie and still be one
// line: producers draw a shared cell border once per cell, a little offset,
// or as the edges of a thin filled rectangle.
const ruleTol = 1.5

// seg is an axis-aligned ruling segment: at pos across the axis, from lo to hi
// along it. For a horizontal rule pos is Y and lo..hi an X range.
type seg struct {
	pos, lo, hi float64
}

// splitRules sorts the page's rules into horizontal and vertical segments
// and merges each set into maximal lines.
func splitRules(rules []Rule) (h, v []seg) {
	for _, r := range rules {
		if !finite(r.X0) || !finite(r.X1) || !finite(r.Y0) || !finite(r.Y1) {
			continue
		}
		x0, x1 := min(r.X0, r.X1), max(r.X0, r.X1)
		y0, y1 := min(r.Y0, r.Y1), max(r.Y0, r.Y1)
		dx, dy := x1-x0, y1-y0
		switch {
		case dy <= ruleTol && dx > ruleTol:
			h = append(h, seg{(y0 + y1) / 2, x0, x1})
		case dx <= ruleTol && dy > ruleTol:
			v = append(v, seg{(x0 + x1) / 2, y0, y1})
		}
	}
	return mergeSegs(h), mergeSegs(v)
}

// mergeSegs joins segments that lie on one line (positions within ruleTol)
// and overlap or touch, so a border drawn cell by cell becomes one rule.
func mergeSegs(s []seg) []seg {
	if len(s) == 0 {
		return nil
	}
	sort.Slice(s, func(i, j int) bool { return s[i].pos < s[j].pos })
	var out []seg
	for i := 0; i < len(s); {
		j := i + 1
		for j < len(s) && s[j].pos-s[j-1].pos <= ruleTol/2 && s[j].pos-s[i].pos <= ruleTol {
			j++
		}
		line := s[i:j]
		sum := 0.0
		for _, g := range line {
			sum += g.pos
		}
		pos := sum / float64(len(line))
		sort.Slice(line, func(a, b int) bool { return line[a].lo < line[b].lo })
		cur := seg{pos, line[0].lo, line[0].hi}
		for _, g := range line[1:] {
			if g.lo <= cur.hi+ruleTol {
				cur.hi = max(cur.hi, g.hi)
				continue
			}
			out = append(out, cur)
			cur = seg{pos, g.lo, g.hi}
		}
		out = append(out, cur)
		i = j
	}
	return out
}

// minSpan is the narrowest column or row a grid may have, in points.
// Rules closer than that are one border drawn twice: a double line, or
// both edges of a thick border drawn as a filled rectangle.
const minSpan = 3.0

// clusterPos returns the distinct positions of the segments, positions
// closer than minSpan taken as one (their mean).
func clusterPos(s []seg) []float64 {
	p := make([]float64, len(s))
	for i, g := range s {
		p[i] = g.pos
	}
	sort.Float64s(p)
	var out []float64
	for i := 0; i < len(p); {
		j, sum := i, 0.0
		for j < len(p) && p[j]-p[i] <= minSpan {
			sum += p[j]
			j++
		}
		out = append(out, sum/float64(j-i))
		i = j
	}
	return out
}

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }
