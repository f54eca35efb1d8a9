package image

import (
	"image"
	"math"
)

// A Line is a ruling line found on a page image, in pixels: horizontal
// when Y0 == Y1, vertical when X0 == X1.
type Line struct {
	X0, Y0, X1, Y1 int
}

// Threshold is the grey level below which a pixel is ink, by Otsu's
// method: the level that best separates the page's two populations,
// paper and ink, whatever the scan's contrast (a thin rule blurred by a
// JPEG scan is mid-grey).
func Threshold(g *image.Gray) uint8 {
	var hist [256]float64
	b := g.Bounds()
	for y := 0; y < b.Dy(); y++ {
		for _, v := range g.Pix[y*g.Stride : y*g.Stride+b.Dx()] {
			hist[v]++
		}
	}
	total, sum := 0.0, 0.0
	for i, h := range hist {
		total += h
		sum += float64(i) * h
	}
	best, bestVar := 128, -1.0
	w0, sum0 := 0.0, 0.0
	for t := 0; t < 255; t++ {
		w0 += hist[t]
		sum0 += float64(t) * hist[t]
		w1 := total - w0
		if w0 == 0 || w1 == 0 {
			continue
		}
		m0, m1 := sum0/w0, (sum-sum0)/w1
		if v := w0 * w1 * (m0 - m1) * (m0 - m1); v > bestVar {
			best, bestVar = t, v
		}
	}
	return uint8(best + 1)
}

// Skew is the angle, in degrees, by which the page's lines of text and
// rules are turned (positive: clockwise, as y grows downwards), found
// between -3° and 3° as the angle whose rows of ink are the most sharply
// separated: the projection of the ink onto the vertical axis, sheared
// by the angle, has the largest sum of squares when the lines lie along
// its rows. The page is sampled one pixel in two each way.
func Skew(g *image.Gray) float64 {
	b := g.Bounds()
	dark := Threshold(g)
	type pt struct{ x, y int }
	var ink []pt
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		row := g.Pix[(y-b.Min.Y)*g.Stride:]
		for x := 0; x < b.Dx(); x += 2 {
			if row[x] < dark {
				ink = append(ink, pt{x, y - b.Min.Y})
			}
		}
	}
	if len(ink) < 100 {
		return 0
	}
	best, bestScore := 0.0, -1.0
	hist := make([]float64, b.Dy()+2*b.Dx())
	for a := -3.0; a <= 3.0001; a += 0.05 {
		t := math.Tan(a * math.Pi / 180)
		clear(hist)
		off := float64(b.Dx())
		for _, p := range ink {
			// Bins two pixels high, as the rows are sampled one in two.
			i := int((float64(p.y) - float64(p.x)*t + off) / 2)
			if i >= 0 && i < len(hist) {
				hist[i]++
			}
		}
		s := 0.0
		for _, h := range hist {
			s += h * h
		}
		if s > bestScore {
			best, bestScore = a, s
		}
	}
	return math.Round(best*100) / 100
}

// Rotate turns g by deg degrees about its centre (counter to Skew's
// sense when given -Skew), filling with white. Each pixel is the
// bilinear blend of the four it falls between: a nearest-neighbour turn
// leaves stair-steps on every stroke that cost the recogniser the
// diacritics of capitals (KINH TẾ SỐ read as KINH TE SO).
func Rotate(g *image.Gray, deg float64) *image.Gray {
	b := g.Bounds()
	w, h := b.Dx(), b.Dy()
	out := image.NewGray(image.Rect(0, 0, w, h))
	s, c := math.Sincos(deg * math.Pi / 180)
	cx, cy := float64(w)/2, float64(h)/2
	at := func(x, y int) float64 {
		if x < 0 || y < 0 || x >= w || y >= h {
			return 255
		}
		return float64(g.Pix[y*g.Stride+x])
	}
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			dx, dy := float64(x)-cx, float64(y)-cy
			sx, sy := c*dx+s*dy+cx, -s*dx+c*dy+cy
			x0, y0 := int(math.Floor(sx)), int(math.Floor(sy))
			fx, fy := sx-float64(x0), sy-float64(y0)
			v := (at(x0, y0)*(1-fx)+at(x0+1, y0)*fx)*(1-fy) + (at(x0, y0+1)*(1-fx)+at(x0+1, y0+1)*fx)*fy
			out.Pix[y*out.Stride+x] = uint8(v + 0.5)
		}
	}
	return out
}

// Turned maps a point of a w×h image to where Rotate(g, deg) puts it,
// so that what was found on the image as scanned (the OCR engine's word
// boxes) and on the straightened one (the rules) meet in one frame.
func Turned(deg float64, w, h int) func(x, y float64) (float64, float64) {
	s, c := math.Sincos(deg * math.Pi / 180)
	cx, cy := float64(w)/2, float64(h)/2
	return func(x, y float64) (float64, float64) {
		dx, dy := x-cx, y-cy
		return c*dx - s*dy + cx, s*dx + c*dy + cy
	}
}

// paper is the commonest grey level of the page.
func paper(g *image.Gray) uint8 {
	var hist [256]int
	b := g.Bounds()
	for y := 0; y < b.Dy(); y += 2 {
		for _, v := range g.Pix[y*g.Stride : y*g.Stride+b.Dx()] {
			hist[v]++
		}
	}
	best := 255
	for i, h := range hist {
		if h > hist[best] {
			best = i
		}
	}
	return uint8(best)
}

// Rules finds the ruling lines of a straightened page: runs of ink at
// least minLen pixels long (small breaks of a scan's broken line
// bridged), horizontally and vertically, the runs of neighbouring rows
// (or columns) that overlap taken as one line of some thickness. It is
// what a lattice table reader does with morphological opening, in one
// pass per direction.
func Rules(g *image.Gray, minLen int) []Line {
	b := g.Bounds()
	w, h := b.Dx(), b.Dy()
	// A thin rule, blurred by the scan, is paler than text: half way from
	// the ink threshold to the paper still takes it, and a long run of
	// such pixels is no speck of noise.
	t := Threshold(g)
	dark := t + (paper(g)-t)/2
	at := func(x, y int) bool { return g.Pix[y*g.Stride+x] < dark }
	hs := runs(w, h, minLen, func(i, j int) bool { return at(i, j) })
	vs := runs(h, w, minLen, func(i, j int) bool { return at(j, i) })
	var out []Line
	for _, r := range hs {
		out = append(out, Line{X0: r.lo, Y0: r.pos, X1: r.hi, Y1: r.pos})
	}
	for _, r := range vs {
		out = append(out, Line{X0: r.pos, Y0: r.lo, X1: r.pos, Y1: r.hi})
	}
	return out
}

// run is a line along one axis: from lo to hi at pos across it.
type run struct{ pos, lo, hi int }

// runs finds the lines along the first axis (length n, m of them across),
// ink(i, j) telling the pixel at i along, j across.
func runs(n, m, minLen int, ink func(i, j int) bool) []run {
	const gap = 3 // pixels of a broken line bridged
	type open struct {
		run
		last, first int // the last and first rows it was seen on
	}
	var done []run
	var live []open
	for j := 0; j < m; j++ {
		var found []run
		start, miss := -1, 0
		for i := 0; i <= n; i++ {
			if i < n && ink(i, j) {
				if start < 0 {
					start = i
				}
				miss = 0
				continue
			}
			if start >= 0 {
				miss++
				if i < n && miss <= gap {
					continue
				}
				end := i - miss
				if end-start+1 >= minLen {
					found = append(found, run{j, start, end})
				}
				start, miss = -1, 0
			}
		}
		var next []open
		for _, f := range found {
			merged := false
			for k := range live {
				o := &live[k]
				if o.last == j-1 && f.lo <= o.hi && f.hi >= o.lo {
					o.lo, o.hi, o.last = min(o.lo, f.lo), max(o.hi, f.hi), j
					merged = true
					break
				}
			}
			if !merged {
				next = append(next, open{run: f, last: j, first: j})
			}
		}
		for _, o := range live {
			if o.last == j {
				next = append(next, o)
				continue
			}
			o.pos = (o.first + o.last) / 2
			if o.last-o.first < 12 { // thicker is a filled box, not a rule
				done = append(done, o.run)
			}
		}
		live = next
	}
	for _, o := range live {
		o.pos = (o.first + o.last) / 2
		if o.last-o.first < 12 {
			done = append(done, o.run)
		}
	}
	return done
}
