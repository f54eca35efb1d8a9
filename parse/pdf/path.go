package pdf

import (
	"math"

	"chiso/parse/pdf/layout"
)

// point is a path point in device space; curve says it was reached by a
// Bézier segment, which is never a ruling.
type point struct {
	x, y  float64
	curve bool
}

type subpath struct {
	pts    []point
	closed bool
}

// path collects the current path under construction.
type path struct {
	subs []subpath
}

func (p *path) move(x, y float64) {
	p.subs = append(p.subs, subpath{pts: []point{{x: x, y: y}}})
}

func (p *path) line(x, y float64, curve bool) {
	if len(p.subs) == 0 {
		p.move(x, y)
		return
	}
	s := &p.subs[len(p.subs)-1]
	s.pts = append(s.pts, point{x, y, curve})
}

func (p *path) close() {
	if len(p.subs) == 0 {
		return
	}
	s := &p.subs[len(p.subs)-1]
	s.closed = true
	// Drawing continues from the subpath's start.
	p.subs = append(p.subs, subpath{pts: []point{{x: s.pts[0].x, y: s.pts[0].y}}})
}

func (p *path) reset() { p.subs = p.subs[:0] }

// Limits for turning painted paths into rulings, in points.
const (
	snap     = 0.5 // a segment this far off the axis is still a ruling
	thinFill = 3.0 // a filled rectangle this thin is a line
	minRule  = 1.0 // shorter segments are dots or glyph parts
)

// paint turns the current path, stroked and/or filled, into rulings and
// clears it. White fills are backgrounds, not lines, and a filled
// rectangle the size of the page is a background whatever its colour.
func (w *walker) paint(stroke, fill bool) {
	for _, s := range w.path.subs {
		if len(s.pts) < 2 {
			continue
		}
		if fill && !w.gs.fillWhite {
			if x0, y0, x1, y1, ok := rectOf(s); ok {
				wd, ht := x1-x0, y1-y0
				switch {
				case ht < thinFill && wd >= minRule && wd > ht:
					y := (y0 + y1) / 2
					w.rule(x0, y, x1, y)
				case wd < thinFill && ht >= minRule && ht > wd:
					x := (x0 + x1) / 2
					w.rule(x, y0, x, y1)
				case !stroke && !w.pageSized(wd, ht):
					w.rule(x0, y0, x1, y0)
					w.rule(x0, y1, x1, y1)
					w.rule(x0, y0, x0, y1)
					w.rule(x1, y0, x1, y1)
				}
			}
		}
		if !stroke {
			continue
		}
		for i := 1; i < len(s.pts); i++ {
			if !s.pts[i].curve {
				w.rule(s.pts[i-1].x, s.pts[i-1].y, s.pts[i].x, s.pts[i].y)
			}
		}
		if s.closed {
			a, b := s.pts[len(s.pts)-1], s.pts[0]
			w.rule(a.x, a.y, b.x, b.y)
		}
	}
	w.path.reset()
}

func (w *walker) pageSized(wd, ht float64) bool {
	return wd > 0.9*w.out.Width && ht > 0.9*w.out.Height
}

// rectOf reports whether a subpath is an axis-aligned rectangle (as drawn
// by re, or by four lines) and returns its device-space bounds.
func rectOf(s subpath) (x0, y0, x1, y1 float64, ok bool) {
	pts := s.pts
	if n := len(pts); n == 5 && near(pts[0], pts[4]) {
		pts = pts[:4]
	}
	if len(pts) != 4 {
		return 0, 0, 0, 0, false
	}
	x0, y0, x1, y1 = pts[0].x, pts[0].y, pts[0].x, pts[0].y
	for i, p := range pts {
		q := pts[(i+1)%4]
		if p.curve || math.Abs(p.x-q.x) > snap && math.Abs(p.y-q.y) > snap {
			return 0, 0, 0, 0, false
		}
		x0, x1 = math.Min(x0, p.x), math.Max(x1, p.x)
		y0, y1 = math.Min(y0, p.y), math.Max(y1, p.y)
	}
	return x0, y0, x1, y1, true
}

func near(a, b point) bool { return math.Abs(a.x-b.x) < snap && math.Abs(a.y-b.y) < snap }

// rule records a device-space segment as a ruling if it is (nearly)
// horizontal or vertical and long enough.
func (w *walker) rule(x0, y0, x1, y1 float64) {
	x0, y0 = w.toPage(x0, y0)
	x1, y1 = w.toPage(x1, y1)
	dx, dy := math.Abs(x1-x0), math.Abs(y1-y0)
	var r layout.Rule
	switch {
	case dy < snap && dx >= minRule:
		y := (y0 + y1) / 2
		r = layout.Rule{X0: math.Min(x0, x1), Y0: y, X1: math.Max(x0, x1), Y1: y}
	case dx < snap && dy >= minRule:
		x := (x0 + x1) / 2
		r = layout.Rule{X0: x, Y0: math.Min(y0, y1), X1: x, Y1: math.Max(y0, y1)}
	default:
		return
	}
	if len(w.out.Rules) < maxRules && finite(r.X0, r.Y0, r.X1, r.Y1) {
		w.out.Rules = append(w.out.Rules, r)
	}
}
