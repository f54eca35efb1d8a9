package pdf

import (
	"context"
	"errors"
	"fmt"
	"math"

	lpdf "github.com/ledongthuc/pdf"

	"chiso/parse/fault"
	"chiso/parse/pdf/layout"
)

// Bounds that keep a hostile file from exhausting time or memory.
const (
	maxDepth   = 12     // nested form XObjects
	maxRules   = 200000 // rulings per page
	maxTexts   = 500000 // text runs per page
	checkEvery = 1024   // operators between looks at the context
)

// gstate is the part of the PDF graphics state the walker needs; the text
// state belongs to it, so q/Q save and restore both.
type gstate struct {
	ctm       matrix
	font      *font
	size      float64 // Tf
	tc, tw    float64 // character and word spacing
	tz        float64 // horizontal scaling, percent
	tl        float64 // leading
	rise      float64
	fillWhite bool
}

// walker interprets the content streams of one page.
type walker struct {
	ctx    context.Context
	fonts  *fontCache
	budget *budget
	out    layout.Page
	warn   []string
	box    [4]float64 // llx lly urx ury of the crop box
	rot    int        // /Rotate: 0, 90, 180 or 270 degrees clockwise
	turn   int        // degrees added to /Rotate because the text runs that way (turn.go)
	dirs   [4]int     // characters of text kept, by direction (turn.go)

	gs     gstate
	saved  []gstate
	tm     matrix // text matrix
	tlm    matrix // text line matrix
	res    lpdf.Value
	scope  map[string]*font // fonts of the current resource dictionary by name
	depth  int
	ops    int
	forms  int // form XObjects drawn on this page
	path   path
	run    run
	inline bool // between BI and EI: the operands are image data
	args   []lpdf.Value
}

// abort carries a context error out of lpdf.Interpret.
type abort struct{ err error }

func newWalker(ctx context.Context, fc *fontCache, b *budget) *walker {
	return &walker{ctx: ctx, fonts: fc, budget: b}
}

// walkPage walks one page. A damaged content stream gives a warning and
// whatever was drawn before the damage; only the context ends the walk with
// an error.
func (w *walker) walkPage(num int, pg page) (out layout.Page, warn []string, err error) {
	out, warn, err = w.walkTurned(num, pg, 0)
	if t := w.turnFor(); err == nil && t != 0 {
		return w.walkTurned(num, pg, t)
	}
	return out, warn, err
}

// walkTurned walks one page as if its /Rotate were turn degrees more.
func (w *walker) walkTurned(num int, pg page, turn int) (out layout.Page, warn []string, err error) {
	w.turn = turn
	defer func() {
		if x := recover(); x != nil {
			if a, ok := x.(abort); ok {
				err = a.err
				return
			}
			w.warn = append(w.warn, fmt.Sprintf("page %d: damaged: %v", num, x))
			w.flush()
			out, warn = w.out, w.warn
		}
	}()
	w.start(num, pg, nil)
	contents := pg.v.Key("Contents")
	if contents.Kind() == lpdf.Array && contents.Len() > 1 {
		// The streams of a Contents array form one content stream, and
		// an operator may take operands from the stream before; but when
		// one stream is damaged, interpreting each on its own loses only
		// the rest of that stream instead of the rest of the page.
		if !w.tryInterpret(contents) {
			w.start(num, pg, w.warn)
			for i := 0; i < contents.Len() && i < 10000; i++ {
				w.interpretSafe(contents.Index(i), fmt.Sprintf("content stream %d", i+1))
			}
		}
	} else {
		w.interpretSafe(contents, "content stream")
	}
	w.flush()
	return w.out, w.warn, nil
}

// start resets the walker for a page, keeping the given warnings.
func (w *walker) start(num int, pg page, warn []string) {
	*w = walker{ctx: w.ctx, fonts: w.fonts, budget: w.budget, args: w.args[:0], warn: warn, turn: w.turn}
	w.out.Number = num
	w.gs = gstate{ctm: identity, tz: 100}
	w.tm, w.tlm = identity, identity
	w.setBox(pg)
	w.res = pg.res
	w.scope = map[string]*font{}
}

// tryInterpret interprets a stream and reports whether it was read to the
// end without damage.
func (w *walker) tryInterpret(strm lpdf.Value) (ok bool) {
	defer func() {
		if x := recover(); x != nil {
			if _, isAbort := x.(abort); isAbort {
				panic(x)
			}
			ok = false
		}
	}()
	w.interpret(strm)
	return true
}

// interpretSafe interprets a stream, turning damage into a warning that
// names the page and the stream; the context's abort passes through.
func (w *walker) interpretSafe(strm lpdf.Value, what string) {
	defer func() {
		if x := recover(); x != nil {
			if _, ok := x.(abort); ok {
				panic(x)
			}
			w.warn = append(w.warn, fmt.Sprintf("page %d: %s damaged, text after the damage lost: %v", w.out.Number, what, x))
		}
	}()
	w.interpret(strm)
}

func (w *walker) setBox(pg page) {
	box := pg.crop
	if box.Len() != 4 {
		box = pg.media
	}
	b := [4]float64{0, 0, 612, 792}
	if box.Len() == 4 {
		for i := range b {
			b[i] = box.Index(i).Float64()
		}
		b[0], b[2] = math.Min(b[0], b[2]), math.Max(b[0], b[2])
		b[1], b[3] = math.Min(b[1], b[3]), math.Max(b[1], b[3])
		if b[2]-b[0] < 1 || b[3]-b[1] < 1 {
			b = [4]float64{0, 0, 612, 792}
		}
	}
	w.box = b
	rot := int(pg.rotate.Int64()) % 360
	if rot < 0 {
		rot += 360
	}
	if rot%90 != 0 {
		rot = 0 // not a /Rotate the format allows
	}
	w.rot = (rot + w.turn) % 360
	w.out.Width, w.out.Height = b[2]-b[0], b[3]-b[1]
	if w.rot == 90 || w.rot == 270 {
		w.out.Width, w.out.Height = w.out.Height, w.out.Width
	}
}

// toPage converts device space (PDF default user space) to page space as
// the page is displayed (after /Rotate): origin at the top-left corner,
// Y down.
func (w *walker) toPage(x, y float64) (float64, float64) {
	b := w.box
	switch w.rot {
	case 90:
		return y - b[1], x - b[0]
	case 180:
		return b[2] - x, y - b[1]
	case 270:
		return b[3] - y, b[2] - x
	}
	return x - b[0], b[3] - y
}

func (w *walker) interpret(strm lpdf.Value) {
	if strm.Kind() != lpdf.Stream && strm.Kind() != lpdf.Array {
		return
	}
	switch err := w.budget.measure(strm); {
	case errors.Is(err, errOpenHex):
		panic(err) // this stream is lost, the page goes on
	case err != nil:
		panic(abort{err})
	}
	lpdf.Interpret(strm, w.do)
}

func (w *walker) do(stk *lpdf.Stack, op string) {
	w.ops++
	if w.ops%checkEvery == 0 {
		if err := w.ctx.Err(); err != nil {
			panic(abort{err})
		}
		if w.ops > maxPageOps {
			panic(abort{&fault.BudgetError{What: "content-stream operators on one PDF page", Limit: maxPageOps}})
		}
	}
	n := stk.Len()
	if cap(w.args) < n {
		w.args = make([]lpdf.Value, n)
	}
	a := w.args[:n]
	for i := n - 1; i >= 0; i-- {
		a[i] = stk.Pop()
	}
	if w.inline {
		if op == "EI" {
			w.inline = false
		}
		return
	}
	num := func(i int) float64 {
		if i < len(a) {
			return a[i].Float64()
		}
		return 0
	}
	switch op {
	case "q":
		if len(w.saved) < 4096 {
			w.saved = append(w.saved, w.gs)
		}
	case "Q":
		if k := len(w.saved); k > 0 {
			w.gs = w.saved[k-1]
			w.saved = w.saved[:k-1]
		}
	case "cm":
		if n == 6 {
			w.gs.ctm = matrix{num(0), num(1), num(2), num(3), num(4), num(5)}.mul(w.gs.ctm)
		}

	case "BT":
		w.tm, w.tlm = identity, identity
	case "Tc":
		w.gs.tc = num(0)
	case "Tw":
		w.gs.tw = num(0)
	case "Tz":
		w.gs.tz = num(0)
	case "TL":
		w.gs.tl = num(0)
	case "Ts":
		w.gs.rise = num(0)
	case "Tf":
		if n == 2 {
			w.gs.font = w.font(a[0].Name())
			w.gs.size = num(1)
		}
	case "Td":
		w.td(num(0), num(1))
	case "TD":
		w.gs.tl = -num(1)
		w.td(num(0), num(1))
	case "Tm":
		if n == 6 {
			w.tlm = matrix{num(0), num(1), num(2), num(3), num(4), num(5)}
			w.tm = w.tlm
		}
	case "T*":
		w.td(0, -w.gs.tl)
	case "Tj":
		if n >= 1 {
			w.show(a[n-1].RawString())
		}
	case "'":
		w.td(0, -w.gs.tl)
		if n >= 1 {
			w.show(a[n-1].RawString())
		}
	case "\"":
		if n == 3 {
			w.gs.tw, w.gs.tc = num(0), num(1)
		}
		w.td(0, -w.gs.tl)
		if n >= 1 {
			w.show(a[n-1].RawString())
		}
	case "TJ":
		if n < 1 {
			break
		}
		arr := a[n-1]
		for i := 0; i < arr.Len(); i++ {
			e := arr.Index(i)
			switch e.Kind() {
			case lpdf.String:
				w.show(e.RawString())
			case lpdf.Integer, lpdf.Real:
				tx := -e.Float64() / 1000 * w.gs.size * w.gs.tz / 100
				w.tm[4] += tx * w.tm[0]
				w.tm[5] += tx * w.tm[1]
			}
		}

	case "m", "l":
		if n == 2 {
			x, y := w.gs.ctm.apply(num(0), num(1))
			if op == "m" {
				w.path.move(x, y)
			} else {
				w.path.line(x, y, false)
			}
		}
	case "c", "v", "y":
		if n >= 4 {
			x, y := w.gs.ctm.apply(num(n-2), num(n-1))
			w.path.line(x, y, true)
		}
	case "re":
		if n == 4 {
			x, y, wd, ht := num(0), num(1), num(2), num(3)
			m := w.gs.ctm
			x0, y0 := m.apply(x, y)
			x1, y1 := m.apply(x+wd, y)
			x2, y2 := m.apply(x+wd, y+ht)
			x3, y3 := m.apply(x, y+ht)
			w.path.move(x0, y0)
			w.path.line(x1, y1, false)
			w.path.line(x2, y2, false)
			w.path.line(x3, y3, false)
			w.path.close()
		}
	case "h":
		w.path.close()
	case "S":
		w.paint(true, false)
	case "s":
		w.path.close()
		w.paint(true, false)
	case "f", "F", "f*":
		w.paint(false, true)
	case "B", "B*":
		w.paint(true, true)
	case "b", "b*":
		w.path.close()
		w.paint(true, true)
	case "n":
		w.path.reset()

	case "g":
		w.gs.fillWhite = n == 1 && num(0) >= 0.99
	case "rg":
		w.gs.fillWhite = n == 3 && num(0) >= 0.99 && num(1) >= 0.99 && num(2) >= 0.99
	case "k":
		w.gs.fillWhite = n == 4 && num(0) <= 0.01 && num(1) <= 0.01 && num(2) <= 0.01 && num(3) <= 0.01
	case "sc", "scn":
		switch n {
		case 1:
			w.gs.fillWhite = num(0) >= 0.99
		case 3:
			w.gs.fillWhite = num(0) >= 0.99 && num(1) >= 0.99 && num(2) >= 0.99
		default:
			w.gs.fillWhite = false
		}

	case "Do":
		if n >= 1 {
			w.xobject(a[n-1].Name())
		}
	case "BI":
		w.out.Images++
		w.inline = true
	}
}
