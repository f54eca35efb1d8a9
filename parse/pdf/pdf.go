// Package pdf reads PDF reports into chiso's document model.
//
// github.com/ledongthuc/pdf is used as the object layer only: it parses the
// file structure (cross-reference tables and streams, object streams),
// decodes stream filters, decrypts RC4-128 and AES-128, gives access to
// pages and values, and tokenises content streams with Interpret. Its text
// extraction is not used: Content().Text emits junk glyphs after every TJ,
// gives Type0 glyphs zero width, ignores Td/TD/T* and the CTM, and its
// ToUnicode bfrange arithmetic only adds to the last byte, which turns
// "Chỉ số" into "ChÉ sÑ" on Identity-H fonts as MS Word writes them.
//
// On top of it this package adds:
//   - a content-stream walker tracking the graphics state (q/Q, cm), the
//     text state (Tc Tw Tz TL Tf Ts) and the text and line matrices, so that
//     every glyph gets its real position and advance (widths from /Widths,
//     /W and /DW, /MissingWidth, Type3 /FontMatrix), and walking form
//     XObjects with their matrix and resources;
//   - its own ToUnicode and encoding CMap parser (multi-byte codes,
//     codespace ranges, bfrange with carry and arrays), /Encoding with
//     /Differences through an Adobe glyph list subset, and conversion of
//     legacy Vietnamese fonts (.VnTime: TCVN3, VNI-Times: VNI) to Unicode;
//   - fonts resolved from each page's own resources, since merged files
//     reuse names such as /F1 for different fonts and ledongthuc's
//     GetPlainText caches them by name;
//   - ruling lines from stroked and filled paths (m l re h S f B ...) under
//     the CTM, which package layout uses to rebuild table grids;
//   - robustness: every call into ledongthuc is guarded by recover (it
//     panics on most damaged files), a time limit from the context, bounded
//     recursion, and repairs of files ledongthuc refuses (bytes after
//     %%EOF, a %PDF-2.0 header, stale cross-reference tables, AES-256 and
//     RC4-40 encryption through github.com/pdfcpu/pdfcpu).
//
// Pages are walked in parallel and handed to package layout, which turns
// positioned text and rulings into paragraphs and tables.
package pdf

import (
	"context"
	"errors"
	"fmt"
	"io"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	lpdf "github.com/ledongthuc/pdf"

	"chiso/doc"
	"chiso/parse/fault"
	"chiso/parse/ocr"
	"chiso/parse/pdf/layout"
)

// DefaultTimeout limits reading one document when ctx has no deadline.
const DefaultTimeout = 2 * time.Minute

// maxPages bounds the page tree walk of a damaged or hostile file: a
// tree listing one page 100,000 times took 751 MB. A file with more is
// refused as over budget rather than read in part.
const maxPages = 10000

// errNoText is the error for a document without any text layer.
var errNoText = fmt.Errorf("%w: the PDF is scanned images and needs OCR", fault.ErrNoText)

// Read reads a PDF document: text runs and rulings from every page, turned
// into blocks by package layout.
func Read(ctx context.Context, r io.ReaderAt, size int64) (d *doc.Document, err error) {
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, DefaultTimeout)
		defer cancel()
	}
	defer func() {
		if x := recover(); x != nil {
			d, err = nil, fault.Damaged("damaged PDF: the reader failed on it")
		}
	}()
	pages, warn, err := Pages(ctx, r, size)
	if err != nil {
		return nil, err
	}
	d = &doc.Document{Source: doc.Source{Format: doc.PDF, Pages: len(pages)}, Warnings: warn}
	text, images := false, 0
	for _, p := range pages {
		images += p.Images
		if len(p.Texts) > 0 {
			text = true
		} else if p.Images > 0 {
			d.Warnings = append(d.Warnings, fmt.Sprintf("no text layer on page %d", p.Number))
		}
	}
	if !text && images == 0 && len(warn) > 0 {
		// Not a scan: the pages that would hold text are damaged.
		return nil, fault.Damaged("damaged PDF: no text could be read (%s)", warn[0])
	}
	if !text || garbled(pages) {
		if pages, err = recognise(ctx, d, r, size, pages, text); err != nil {
			return nil, err
		}
	}
	d.Blocks, err = blocks(pages)
	if err != nil {
		return nil, err
	}
	return d, nil
}

// recognise reads the pages of a scan (no text layer, or one left by a bad
// OCR pass: text true) from their images with the OCR engine. Without an
// engine a scan is refused with ErrNoText saying how to install one, and
// a garbled layer is kept with a warning.
func recognise(ctx context.Context, d *doc.Document, r io.ReaderAt, size int64, pages []layout.Page, text bool) ([]layout.Page, error) {
	e, err := ocr.Find()
	if err != nil {
		if !text {
			return nil, fmt.Errorf("%w: %w", errNoText, err)
		}
		d.Warnings = append(d.Warnings, "the text layer looks like a bad OCR pass: with Tesseract installed chiso reads the page images instead")
		return pages, nil
	}
	data := make([]byte, size)
	if n, err := r.ReadAt(data, 0); int64(n) != size {
		return nil, fault.Damaged("damaged PDF: %v", err)
	}
	scanned, unsure, warn, err := scan(ctx, e, data, pages)
	if err != nil {
		if !text {
			return nil, err
		}
		d.Warnings = append(d.Warnings, fmt.Sprintf("the text layer looks like a bad OCR pass, and its page images could not be read: %v", err))
		return pages, nil
	}
	if text {
		d.Warnings = append(d.Warnings, "the text layer looked like a bad OCR pass: the page images were read instead")
	}
	d.Source.OCR, d.Uncertain = true, unsure
	// The pages without a text layer have been read from their images.
	d.Warnings = slices.DeleteFunc(d.Warnings, func(w string) bool { return strings.HasPrefix(w, "no text layer on page ") })
	d.Warnings = append(d.Warnings, warn...)
	return scanned, nil
}

// blocks calls the layout builder, turning a panic into an error.
func blocks(pages []layout.Page) (b []doc.Block, err error) {
	defer func() {
		if x := recover(); x != nil {
			b, err = nil, fmt.Errorf("laying out pages: %v", x)
		}
	}()
	return layout.Blocks(pages), nil
}

// Pages walks every page of a PDF and returns what each page draws, in
// page order, with warnings about damage that did not stop the reading.
// Read uses it; it is exported for tools and tests that look at the text
// layer itself.
//
// The work runs in its own goroutine so that Pages returns when ctx ends
// even if ledongthuc loops inside one call (an object stream that extends
// itself does that); such a goroutine is abandoned.
func Pages(ctx context.Context, r io.ReaderAt, size int64) ([]layout.Page, []string, error) {
	type result struct {
		pages []layout.Page
		warn  []string
	}
	res, err := abandonable(ctx, "internal error reading PDF", func() (result, error) {
		p, w, err := pages(ctx, r, size)
		return result{p, w}, err
	})
	if err != nil && err == ctx.Err() {
		return nil, nil, fmt.Errorf("%w: %w", fault.ErrTimeout, err)
	}
	return res.pages, res.warn, err
}

func pages(ctx context.Context, r io.ReaderAt, size int64) ([]layout.Page, []string, error) {
	rd, note, err := open(ctx, r, size)
	if err != nil {
		return nil, nil, err
	}
	var warn []string
	if note != "" {
		warn = append(warn, note)
	}
	list, err := pageList(rd)
	if err != nil {
		return nil, nil, err
	}
	if len(list) == 0 {
		return nil, nil, errors.New("no pages")
	}
	pages, pw, err := walkAll(ctx, list)
	if err != nil {
		return nil, nil, err
	}
	return pages, append(warn, pw...), nil
}

// page is a page dictionary with the attributes it inherits from the page
// tree resolved on the way down.
type page struct {
	v                        lpdf.Value
	res, media, crop, rotate lpdf.Value
}

// pageList collects the pages in document order. It replaces Reader.Page,
// which searches the tree from the root for every page (parsing the
// root's whole Kids array each time) and loops forever on a cyclic tree;
// inherited attributes are picked up here for the same reason.
func pageList(rd *lpdf.Reader) (list []page, err error) {
	defer func() {
		if x := recover(); x != nil {
			if len(list) == 0 {
				err = fmt.Errorf("reading the page tree: %v", x)
			}
		}
	}()
	over := false
	// Each tree node is walked once: a node among its own descendants
	// (Kids [7 0 R 2 0 R] under 2) would otherwise be walked 2^64 times
	// within the depth bound.
	seen := map[uint64]bool{}
	var visit func(v lpdf.Value, inh page, depth int)
	visit = func(v lpdf.Value, inh page, depth int) {
		if len(list) >= maxPages {
			over = true
			return
		}
		if depth > 64 || v.Kind() != lpdf.Dict {
			return
		}
		for _, a := range []struct {
			key string
			to  *lpdf.Value
		}{{"Resources", &inh.res}, {"MediaBox", &inh.media}, {"CropBox", &inh.crop}, {"Rotate", &inh.rotate}} {
			if x := v.Key(a.key); !x.IsNull() {
				*a.to = x
			}
		}
		kids := v.Key("Kids")
		if v.Key("Type").Name() == "Page" || kids.Kind() != lpdf.Array {
			inh.v = v
			list = append(list, inh)
			return
		}
		// An ID of 0 is unknown (objectID could not read it): such a
		// node is walked every time rather than once at most.
		if id := objectID(v); id != 0 {
			if seen[id] {
				return
			}
			seen[id] = true
		}
		for i := 0; i < kids.Len(); i++ {
			visit(kids.Index(i), inh, depth+1)
		}
	}
	visit(rd.Trailer().Key("Root").Key("Pages"), page{}, 0)
	if over {
		return nil, &fault.BudgetError{What: "pages", Limit: maxPages}
	}
	return list, nil
}

// walkAll walks the pages on GOMAXPROCS workers sharing the Reader: once
// opened, a ledongthuc Reader is only read (every object access parses
// from the io.ReaderAt afresh), which the race detector confirms on the
// test documents. Each worker has its own font cache.
func walkAll(ctx context.Context, list []page) ([]layout.Page, []string, error) {
	pages := make([]layout.Page, len(list))
	warns := make([][]string, len(list))
	errs := make([]error, len(list))
	workers := min(runtime.GOMAXPROCS(0), len(list))
	var next int
	var mu sync.Mutex
	var wg sync.WaitGroup
	b := new(budget)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := newWalker(ctx, newFontCache(), b)
			for {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= len(list) || ctx.Err() != nil {
					return
				}
				pages[i], warns[i], errs[i] = w.walkPage(i+1, list[i])
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		done := 0
		for i := range errs {
			if errs[i] == nil && pages[i].Number != 0 {
				done++
			}
		}
		return nil, nil, fmt.Errorf("%w after %d of %d pages: %w", fault.ErrTimeout, done, len(list), err)
	}
	var warn []string
	seen := map[string]bool{}
	for i := range list {
		if errs[i] != nil {
			return nil, nil, fmt.Errorf("page %d: %w", i+1, errs[i])
		}
		for _, w := range warns[i] {
			if !seen[w] {
				seen[w] = true
				warn = append(warn, w)
			}
		}
	}
	return pages, warn, nil
}

// objectID is the object number and generation of an indirect object
// read through ledongthuc, which keeps them in an unexported field and
// re-parses an object on each access, so that Values cannot be compared.
// A direct object has the ID of the indirect object holding it.
func objectID(v lpdf.Value) uint64 {
	p := reflect.ValueOf(v).FieldByName("ptr")
	if !p.IsValid() || p.NumField() < 2 {
		return 0
	}
	return p.Field(0).Uint()<<16 | p.Field(1).Uint()
}
