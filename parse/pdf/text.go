package pdf

import (
	"fmt"
	"math"
)

// td moves to the start of the next line, offset from the current one.
func (w *walker) td(tx, ty float64) {
	w.tlm = matrix{1, 0, 0, 1, tx, ty}.mul(w.tlm)
	w.tm = w.tlm
}

// font returns the font a resource name stands for on this page (or form):
// names are looked up in the current resources every time, never carried
// over from another page, because merged files reuse /F1 for other fonts.
func (w *walker) font(name string) *font {
	if f, ok := w.scope[name]; ok {
		return f
	}
	f := w.fonts.get(w.resource("Font", name))
	if f != nil && f.noUnicode {
		w.warn = append(w.warn, fmt.Sprintf("page %d: font %s has no ToUnicode map; its text is glyph numbers", w.out.Number, f.name))
	}
	w.scope[name] = f
	return f
}

// show draws a string in the current font, glyph by glyph.
func (w *walker) show(s string) {
	f := w.gs.font
	if f == nil || w.gs.size == 0 {
		return
	}
	size, th, rise := w.gs.size, w.gs.tz/100, w.gs.rise
	m := w.tm.mul(w.gs.ctm)
	em := math.Abs(size) * math.Hypot(m[2], m[3])
	hscale := math.Abs(size*th) * math.Hypot(m[0], m[1])
	spaceW := f.spaceW * hscale
	if spaceW <= 0 {
		spaceW = 0.25 * em
	}
	for len(s) > 0 {
		code, n := f.next(s)
		s = s[n:]
		text, w0 := f.glyph(code, n)
		tx := w0*size + w.gs.tc
		if n == 1 && code == 32 {
			tx += w.gs.tw
		}
		tx *= th
		ox, oy := m[4]+rise*m[2], m[5]+rise*m[3]
		ex, ey := ox+tx*m[0], oy+tx*m[1]
		x0, y0 := w.toPage(ox, oy)
		x1, y1 := w.toPage(ex, ey)
		w.glyph(text, x0, y0, x1, y1, em, spaceW, f)
		m[4] += tx * m[0]
		m[5] += tx * m[1]
		w.tm[4] += tx * w.tm[0]
		w.tm[5] += tx * w.tm[1]
	}
}
