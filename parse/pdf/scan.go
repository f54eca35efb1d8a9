package pdf

import (
	"cmp"
	"context"
	"fmt"
	stdimage "image"
	"slices"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/unicode/norm"

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
			words, err := readPage(ctx, e, j)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				if first == nil {
					first = fmt.Errorf("page %d: %w", j.img.Number, err)
					cancel()
				}
				return
			}
			for _, w := range words {
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

// readPage recognises one page: its texts and rules are set on j.page,
// and the words read are returned. A page without a vertical rule is
// read as one block of lines across the page (ocr.Engine.ReadBlock),
// for the layout to find its borderless tables in as it does in a text
// layer: the engine's own search for columns takes a table's narrow STT
// column for vertical text there (read as "mmI1WH"), and drops most of
// a column of short scores. A page with column rules keeps the engine's
// own layout, which reads a ruled table's text between its rules even
// where the rules are too broken to make cells (a 1-bit scan), and the
// cells it has are read again one by one (readCells).
func readPage(ctx context.Context, e *ocr.Engine, j job) ([]ocr.Word, error) {
	g, rules, turn, err := straighten(j.img)
	if err != nil {
		return nil, err
	}
	dpi := int(j.img.DPI + 0.5)
	tol := float64(max(2, int(j.img.DPI/50+0.5))) // pixels between two rules still one line
	cells := cellBoxes(rules, int(tol))
	read := e.Read
	if !slices.ContainsFunc(rules, func(r image.Line) bool { return r.Y0 != r.Y1 }) {
		read = e.ReadBlock
	}
	got, err := read(ctx, j.img.Data, dpi)
	if err != nil {
		return nil, err
	}
	inCells, err := readCells(ctx, e, g, cells, j.img.DPI)
	if err != nil {
		return nil, err
	}
	p := j.page
	sx, sy := p.Width/float64(max(got.Width, 1)), p.Height/float64(max(got.Height, 1))
	p.Rules = p.Rules[:0:0]
	for _, r := range rules {
		p.Rules = append(p.Rules, layout.Rule{X0: float64(r.X0) * sx, Y0: float64(r.Y0) * sy, X1: float64(r.X1) * sx, Y1: float64(r.Y1) * sy})
	}
	var taken []ocr.Word
	got.Words, taken = replaceCells(got.Words, turn, cells, tol, inCells)
	body := bodyHeight(got.Words, taken)
	p.Texts = texts(got.Words, turn, sx, sy, body, p.Rules)
	p.Texts = append(p.Texts, texts(taken, straight, sx, sy, body, p.Rules)...)
	return append(got.Words, taken...), nil
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
// of the engine's share a baseline (see baselines), so that the layout
// sees them as one line, and their size is their line's (see fontSize;
// body is the body's line height in pixels). The words of a phrase are
// joined into one run (see joinWords).
func texts(words []ocr.Word, turn func(x, y float64) (float64, float64), sx, sy float64, body int, rules []layout.Rule) []layout.Text {
	base := baselines(words, turn)
	count := map[lineKey]int{}
	for _, w := range words {
		count[lineOf(w)]++
	}
	byLine := map[lineKey][]layout.Text{}
	var order []lineKey
	for _, w := range words {
		// A vertical rule is read as a bar glued to the word beside it
		// ("|78,23"), or alone; the rules themselves are found in the
		// image. A lone dash is a cell's "none", but underscores are a
		// speck or a piece of a rule.
		if w.Text = strings.Trim(w.Text, "|"); strings.Trim(w.Text, "_—-") == "" && (len(w.Text) != 1 || w.Text == "_") {
			continue
		}
		if w.Width < 0 || w.Height < 0 {
			continue // no box the engine draws: a damaged TSV line
		}
		size := fontSize(w, count[lineOf(w)], body) * sy
		x, _ := turn(float64(w.Left), float64(w.Top+w.Height)/2+float64(w.Top)/2)
		k := lineOf(w)
		if _, ok := byLine[k]; !ok {
			order = append(order, k)
		}
		byLine[k] = append(byLine[k], layout.Text{
			S: w.Text, X: x * sx, Y: base[k] * sy,
			W: float64(w.Width) * sx, Size: size, SpaceW: 0.25 * size, Font: "OCR",
		})
	}
	out := make([]layout.Text, 0, len(words))
	for _, k := range order {
		runs := joinWords(byLine[k], rules)
		// A line's first run, one word set apart from the rest, is
		// the STT of a table's row read across the page: read as a
		// numeral as a cell's lone word is ("H" is II).
		if len(runs) > 1 && !strings.Contains(runs[0].S, " ") {
			runs[0].S = roman(runs[0].S)
		}
		out = append(out, runs...)
	}
	return out
}

// phraseGap is the widest gap, in ems, between two words of one phrase:
// the layout's narrowest gap between two cells of a borderless table.
const phraseGap = 0.45

// joinWords joins the words of one line (texts of one word each) into
// runs of the words closer than phraseGap, as a text layer draws a
// phrase in one run. The layout takes an X that no run crosses down
// several lines, where texts start, for a table's column: were each
// word a run of its own, the word spaces of prose that happen to line up
// over a few lines would make a table of it. Two figures stay apart
// ("10" "75%", the cells of two columns of numbers), and so do two words
// a vertical rule stands between.
func joinWords(ts []layout.Text, rules []layout.Rule) []layout.Text {
	slices.SortStableFunc(ts, func(a, b layout.Text) int { return cmp.Compare(a.X, b.X) })
	var out []layout.Text
	for _, t := range ts {
		if n := len(out); n > 0 {
			p := &out[n-1]
			gap := t.X - (p.X + p.W)
			if gap < phraseGap*max(p.Size, t.Size) && !(layout.IsFigure(lastWord(p.S)) && layout.IsFigure(t.S)) && !ruledApart(rules, p.X+p.W, t.X, t.Y-t.Size/2) {
				p.S += " " + t.S
				p.W = max(p.W, t.X+t.W-p.X)
				continue
			}
		}
		out = append(out, t)
	}
	return out
}

// lastWord is the last word of a run.
func lastWord(s string) string { return s[strings.LastIndexByte(s, ' ')+1:] }

// ruledApart reports whether a vertical rule runs between x0 and x1 at
// height y.
func ruledApart(rules []layout.Rule, x0, x1, y float64) bool {
	return slices.ContainsFunc(rules, func(r layout.Rule) bool {
		return r.X0 == r.X1 && r.X0 >= x0-1 && r.X0 <= x1+1 && r.Y0 <= y && r.Y1 >= y
	})
}

// A lineKey names one line of the engine's.
type lineKey struct{ block, par, line int }

func lineOf(w ocr.Word) lineKey { return lineKey{w.Block, w.Par, w.Line} }

// baselines finds the baseline of each line of the engine's, turned
// straight: the middle one of the bottoms of its words that sit on it.
// A word with a descender or a dot below ("lượng", "Quận", "(15)") ends
// lower, by a fifth of an em, and a short line may hold more of those
// than not, which set the two lines of a wrapped cell closer than the
// lines of the rows around them. A line of such words alone takes the
// middle of all its bottoms.
func baselines(words []ocr.Word, turn func(x, y float64) (float64, float64)) map[lineKey]float64 {
	flat, all := map[lineKey][]float64{}, map[lineKey][]float64{}
	for _, w := range words {
		_, y := turn(float64(w.Left)+float64(w.Width)/2, float64(w.Top+w.Height))
		k := lineOf(w)
		all[k] = append(all[k], y)
		if onBaseline(w.Text) {
			flat[k] = append(flat[k], y)
		}
	}
	base := map[lineKey]float64{}
	for k, ys := range all {
		if f := flat[k]; len(f) > 0 {
			ys = f
		}
		slices.Sort(ys)
		base[k] = ys[len(ys)/2]
	}
	return base
}

// onBaseline reports whether a word's ink ends on the baseline: none of
// its letters goes below it (a descender, a Vietnamese dot below, a
// comma, a bracket or a slash).
func onBaseline(s string) bool {
	for _, r := range norm.NFD.String(s) {
		if r == '\u0323' || strings.ContainsRune("gjpqyQ,;()[]{}/|_", r) {
			return false
		}
	}
	return true
}

// fewWords is the number of words a line needs for its box to show its
// size: some word of it then rises to the marks over the letters and some
// other goes down to a descender.
const fewWords = 4

// fontSize is the size, in pixels, of the font a word is set in, of n
// words on its line. A line's box runs from its highest mark to its
// lowest descender, so the box of a short line says more of the letters
// it holds than of its size: "tin Quận 1" is a third shorter than
// "Trưởng ban" in the same font, and measured so, the short lines of a
// wrapped cell would be far apart in their own ems and break the rows
// of a table the layout reads in ems. A line of fewer than fewWords words
// shorter than the body's (body is the body's line height in pixels) is
// set in the body's size; a longer line keeps its own, since a letter's
// date or a table's notes are set smaller than its body and a change of
// size is where the layout ends a paragraph. A line of Vietnamese, from
// the marks over its capitals to its descenders, is about 1.4 em tall.
func fontSize(w ocr.Word, n, body int) float64 {
	h := w.LineBottom - w.LineTop
	if h <= 0 || h > 2*w.Height {
		h = w.Height // a skewed line's box is too tall for any word
	}
	if n < fewWords && h < body {
		h = body
	}
	return 0.7 * float64(h)
}

// bodyHeight is the line height of a page's body text, in pixels: the
// median line height of its words (so the lines of most words count
// most), 0 for a page without words.
func bodyHeight(words ...[]ocr.Word) int {
	var hs []int
	for _, ws := range words {
		for _, w := range ws {
			if h := w.LineBottom - w.LineTop; h > 0 && h <= 2*w.Height {
				hs = append(hs, h)
			}
		}
	}
	if len(hs) == 0 {
		return 0
	}
	slices.Sort(hs)
	return hs[len(hs)/2]
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
