package pdf

import (
	"context"
	"fmt"
	stdimage "image"
	"slices"
	"strings"
	"sync"
	"unicode"

	"chiso/doc"
	"chiso/parse/image"
	"chiso/parse/ocr"
	"chiso/parse/pdf/layout"
)

// A scanned PDF draws each page as one image. Its pages are read by
// recognising that image with the OCR engine (package chiso/parse/ocr) and
// handing the words to the layout as text runs in page space, so that the
// lines, paragraphs and borderless tables of a scan are rebuilt by the
// same rules as those of a text layer. The images are taken out of the
// file by package chiso/parse/image.

// uncertain is the confidence below which a recognised word is one to
// check by eye.
const uncertain = 0.6

// scan recognises the pages of a scanned PDF: each page's image becomes
// the page's text runs. It returns the pages, the uncertain words and
// warnings for the pages without an image.
func scan(ctx context.Context, e *ocr.Engine, data []byte, pages []layout.Page) ([]layout.Page, map[string]float64, []string, error) {
	imgs, err := image.PDF(ctx, data)
	if err != nil {
		return nil, nil, nil, err
	}
	byPage := map[int]image.Page{}
	for _, im := range imgs {
		byPage[im.Number] = im
	}
	out := make([]layout.Page, len(pages))
	var jobs []job
	var warn []string
	for i, p := range pages {
		out[i] = layout.Page{Number: p.Number, Width: p.Width, Height: p.Height, Rules: p.Rules}
		im, ok := byPage[p.Number]
		if !ok || p.Width <= 0 || p.Height <= 0 {
			warn = append(warn, fmt.Sprintf("page %d has no image to recognise", p.Number))
			continue
		}
		jobs = append(jobs, job{page: &out[i], img: im})
	}
	unsure, err := recogniseAll(ctx, e, jobs)
	return out, unsure, warn, err
}

// ReadScan reads image files' pages (a photographed or scanned report:
// PNG, JPEG, TIFF) with the OCR engine, as the pages of a scanned PDF
// are read.
func ReadScan(ctx context.Context, imgs []image.Page) (*doc.Document, error) {
	e, err := ocr.Find()
	if err != nil {
		return nil, fmt.Errorf("%w: %w", errNoText, err)
	}
	d := &doc.Document{Source: doc.Source{Pages: len(imgs), OCR: true}}
	pages := make([]layout.Page, len(imgs))
	jobs := make([]job, len(imgs))
	for i, im := range imgs {
		dpi := im.DPI
		if dpi < 50 {
			// Unstated: take the image for an A4 page, portrait or
			// landscape, its short side 8.27 inches.
			dpi = float64(min(im.Width, im.Height)) / 8.27
		}
		pages[i] = layout.Page{Number: im.Number, Width: float64(im.Width) * 72 / dpi, Height: float64(im.Height) * 72 / dpi}
		im.DPI = dpi
		jobs[i] = job{page: &pages[i], img: im}
	}
	if d.Uncertain, err = recogniseAll(ctx, e, jobs); err != nil {
		return nil, err
	}
	if d.Blocks, err = blocks(pages); err != nil {
		return nil, err
	}
	return d, nil
}

// straighten decodes a page image, finds how far the scan is askew and
// the ruling lines of the page turned straight, so that a scanned table
// is read by the layout's ruled-table reader as a drawn one is. The
// engine reads the image as scanned (it copes with a skew, and reads a
// resampled image worse); turn maps its word boxes into the straight
// frame the rules are in.
func straighten(im image.Page) (g *stdimage.Gray, rules []image.Line, turn func(x, y float64) (float64, float64), err error) {
	g, err = im.Decode()
	if err != nil {
		return nil, nil, nil, err
	}
	b := g.Bounds()
	a := image.Skew(g)
	if a > -0.1 && a < 0.1 {
		a = 0
	} else {
		g = image.Rotate(g, -a)
	}
	// A rule is at least 0.4 inch long: a narrow column's width, longer
	// than any stroke of a letter.
	return g, image.Rules(g, int(0.4*im.DPI+0.5)), image.Turned(-a, b.Dx(), b.Dy()), nil
}

// A job is one page to recognise and the image it is read from.
type job struct {
	page *layout.Page
	img  image.Page
}

// recogniseAll recognises the pages side by side (the engine bounds how
// many of its processes run at once) and gathers the words it was unsure
// of, each with its lowest confidence.
func recogniseAll(ctx context.Context, e *ocr.Engine, jobs []job) (map[string]float64, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		wg     sync.WaitGroup
		mu     sync.Mutex
		unsure = map[string]float64{}
		first  error
	)
	for _, j := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			g, rules, turn, err := straighten(j.img)
			var got *ocr.Page
			if err == nil {
				got, err = e.Read(ctx, j.img.Data, int(j.img.DPI+0.5))
			}
			var cells []box
			var inCells map[int][]ocr.Word
			tol := float64(max(2, int(j.img.DPI/50+0.5))) // pixels between two rules still one line
			if err == nil {
				cells = cellBoxes(rules, int(tol))
				inCells, err = readCells(ctx, e, g, cells, j.img.DPI)
			}
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				if first == nil {
					first = fmt.Errorf("page %d: %w", j.img.Number, err)
					cancel()
				}
				return
			}
			p := j.page
			sx, sy := p.Width/float64(max(got.Width, 1)), p.Height/float64(max(got.Height, 1))
			var read []ocr.Word
			got.Words, read = replaceCells(got.Words, turn, cells, tol, inCells)
			p.Texts = texts(got, turn, sx, sy)
			p.Texts = append(p.Texts, texts(&ocr.Page{Words: read}, straight, sx, sy)...)
			got.Words = append(got.Words, read...)
			p.Rules = p.Rules[:0:0]
			for _, r := range rules {
				p.Rules = append(p.Rules, layout.Rule{X0: float64(r.X0) * sx, Y0: float64(r.Y0) * sy, X1: float64(r.X1) * sx, Y1: float64(r.Y1) * sy})
			}
			for _, w := range got.Words {
				if w.Conf < uncertain {
					if c, ok := unsure[w.Text]; !ok || w.Conf < c {
						unsure[w.Text] = w.Conf
					}
				}
			}
		}()
	}
	wg.Wait()
	return unsure, first
}

// straight is the turn of words already in the straightened frame.
func straight(x, y float64) (float64, float64) { return x, y }

// replaceCells chooses, for each cell read again, between its two
// readings: the page's words whose middle, turned straight, is in the
// cell, and the words read in the cell alone. The surer one (the higher
// mean confidence) is kept; the cell's reading when the page has none
// there. Specks are dropped from the page's reading of a cell as from
// the cell's own (dropSpecks). It returns the page's words left and the
// cells' words taken.
func replaceCells(words []ocr.Word, turn func(x, y float64) (float64, float64), cells []box, tol float64, read map[int][]ocr.Word) (page, taken []ocr.Word) {
	if len(read) == 0 {
		return words, nil
	}
	inCell := make([][]ocr.Word, len(cells))
	for _, w := range words {
		x, y := turn(float64(w.Left)+float64(w.Width)/2, float64(w.Top)+float64(w.Height)/2)
		// Punctuation on a cell's rule, not well inside any cell, is a
		// piece of the rule read as a glyph ("-|" on a row's bottom line).
		if speck(w.Text) && slices.ContainsFunc(cells, func(c box) bool { return c.has(x, y, tol) }) &&
			!slices.ContainsFunc(cells, func(c box) bool { return c.has(x, y, -tol) }) {
			continue
		}
		i := slices.IndexFunc(cells, func(c box) bool { return c.has(x, y, 0) })
		if i < 0 {
			page = append(page, w)
			continue
		}
		inCell[i] = append(inCell[i], w)
	}
	for i, ws := range inCell {
		ws = dropSpecks(ws)
		if own := read[i]; len(own) > 0 && (len(ws) == 0 || meanConf(own) >= meanConf(ws)) {
			taken = append(taken, own...)
			continue
		}
		page = append(page, ws...)
	}
	return page, taken
}

// meanConf is the words' mean confidence.
func meanConf(ws []ocr.Word) float64 {
	sum := 0.0
	for _, w := range ws {
		sum += w.Conf
	}
	return sum / float64(len(ws))
}

// texts turns recognised words into text runs in page space: turned
// straight by turn, then sx, sy points per pixel. The words of one line
// of the engine's share a baseline, the middle one of their bottoms once
// straight (a descender's bottom is lower, a skewed line's box too tall
// for any), so that the layout sees them as one line.
func texts(p *ocr.Page, turn func(x, y float64) (float64, float64), sx, sy float64) []layout.Text {
	type key struct{ block, par, line int }
	bottoms := map[key][]float64{}
	for _, w := range p.Words {
		_, y := turn(float64(w.Left)+float64(w.Width)/2, float64(w.Top+w.Height))
		k := key{w.Block, w.Par, w.Line}
		bottoms[k] = append(bottoms[k], y)
	}
	base := map[key]float64{}
	for k, ys := range bottoms {
		slices.Sort(ys)
		base[k] = ys[len(ys)/2]
	}
	out := make([]layout.Text, 0, len(p.Words))
	for _, w := range p.Words {
		// A vertical rule is read as a bar glued to the word beside it
		// ("|78,23"), or alone; the rules themselves are found in the
		// image.
		if w.Text = strings.Trim(w.Text, "|"); strings.Trim(w.Text, "_—-") == "" && len(w.Text) != 1 {
			continue
		}
		size := float64(w.LineBottom-w.LineTop) * sy * 0.8
		if h := float64(w.Height) * sy; size <= 0 || size > 2*h {
			size = h
		}
		x, _ := turn(float64(w.Left), float64(w.Top+w.Height)/2+float64(w.Top)/2)
		out = append(out, layout.Text{
			S: w.Text, X: x * sx, Y: base[key{w.Block, w.Par, w.Line}] * sy,
			W: float64(w.Width) * sx, Size: size, SpaceW: 0.25 * size, Font: "OCR",
		})
	}
	return out
}

// garbled reports whether a text layer is the output of a bad OCR pass
// rather than text: letters and digits confused inside words ("b6o c6o",
// "c6c chi s6" for "báo cáo", "các chỉ số") in more than one word in
// twelve. Printed text mixes them only in codes (5689/BCA-C04, V/v, 2a).
func garbled(pages []layout.Page) bool {
	words, mixed := 0, 0
	for _, p := range pages {
		for _, t := range p.Texts {
			for _, f := range strings.Fields(t.S) {
				f = strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
				if len([]rune(f)) < 2 {
					continue
				}
				words++
				if innerDigit(f) {
					mixed++
				}
			}
		}
	}
	return words >= 50 && mixed*12 > words
}

// innerDigit reports a word with a digit between letters ("b6o", "tr6n"),
// or one that starts with letters and ends in a digit ("s6"), the shape of
// a letter read as a digit; codes ("C04", "2a") are upper case or start
// with their digits.
func innerDigit(w string) bool {
	r := []rune(w)
	if !unicode.IsLower(r[0]) {
		return false
	}
	for i := 1; i < len(r); i++ {
		if unicode.IsDigit(r[i]) && unicode.IsLetter(r[i-1]) {
			return true
		}
	}
	return false
}
