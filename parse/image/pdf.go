package image

import (
	"bytes"
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/validate"

	"chiso/parse/internal/pdfcheck"
)

var disableConfig sync.Once

// minCover is the share of a page's area the largest image must cover to
// be the page: below it the page is a text page with a picture.
const minCover = 0.5

// PDF returns the image of every page of a scanned PDF that has one, in
// page order. Pages without an image covering at least half of them are
// left out. pdfcpu takes no context, so it runs in a goroutine that is
// abandoned when ctx ends.
func PDF(ctx context.Context, data []byte) ([]Page, error) {
	if err := pdfcheck.StreamRefs(data); err != nil {
		return nil, err
	}
	// No configuration folder, no user fonts: pdfcpu would write them
	// under the user's home on first use.
	disableConfig.Do(func() { model.ConfigPath = "disable" })
	type result struct {
		pages []Page
		err   error
	}
	done := make(chan result, 1)
	go func() {
		var res result
		defer func() {
			if x := recover(); x != nil {
				res = result{err: fmt.Errorf("reading the page images: %v", x)}
			}
			done <- res
		}()
		res.pages, res.err = pdfPages(ctx, data)
	}()
	select {
	case res := <-done:
		return res.pages, res.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func pdfPages(ctx context.Context, data []byte) ([]Page, error) {
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	conf.Cmd = model.EXTRACTIMAGES
	// pdfcpu's reader, validator and optimiser, the steps its api chains,
	// called directly: pdfcpu/pkg/api brings a start-up cost to every
	// chiso process (see parse/pdf's repair).
	pc, err := pdfcpu.Read(bytes.NewReader(data), conf)
	if err != nil {
		return nil, fmt.Errorf("reading the page images: %w", err)
	}
	if err := pdfcheck.Table(pc.XRefTable, int64(len(data))); err != nil {
		return nil, err
	}
	if err := validate.XRefTable(pc); err != nil {
		return nil, fmt.Errorf("reading the page images: %w", err)
	}
	if err := pdfcpu.OptimizeXRefTable(pc); err != nil {
		return nil, fmt.Errorf("reading the page images: %w", err)
	}
	dims, err := pc.PageDims()
	if err != nil {
		return nil, fmt.Errorf("reading the page sizes: %w", err)
	}
	var out []Page
	for n := 1; n <= pc.PageCount; n++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		p, ok, err := pdfPage(pc, n)
		if err != nil {
			return nil, err
		}
		if !ok {
			continue
		}
		if n-1 < len(dims) && dims[n-1].Width > 0 {
			w, h := dims[n-1].Width, dims[n-1].Height
			if (p.Width > p.Height) != (w > h) {
				w, h = h, w // a landscape scan on a rotated page
			}
			if float64(p.Width*p.Height)/(w*h/72/72) < 40*40 {
				continue // under 40 dpi: a thumbnail or a logo, not a page
			}
			p.DPI = float64(p.Width) / (w / 72)
		}
		out = append(out, p)
	}
	return out, nil
}

// pdfPage renders the largest image of page n.
func pdfPage(pc *model.Context, n int) (Page, bool, error) {
	stubs, err := pdfcpu.ExtractPageImages(pc, n, true)
	if err != nil {
		return Page{}, false, fmt.Errorf("page %d: %w", n, err)
	}
	var objs []int
	for obj, s := range stubs {
		if !s.Thumb && !s.IsImgMask || !s.Thumb && len(stubs) == 1 {
			objs = append(objs, obj)
		}
	}
	if len(objs) == 0 {
		return Page{}, false, nil
	}
	sort.Slice(objs, func(i, j int) bool {
		a, b := stubs[objs[i]], stubs[objs[j]]
		if a.Width*a.Height != b.Width*b.Height {
			return a.Width*a.Height > b.Width*b.Height
		}
		return objs[i] < objs[j]
	})
	obj := objs[0]
	s := stubs[obj]
	if f := lastFilter(s.Filter); f == "JBIG2Decode" || f == "JPXDecode" {
		return Page{}, false, &CompressionError{Page: n, Filter: f}
	}
	if err := checkSize(s.Width, s.Height); err != nil {
		return Page{}, false, fmt.Errorf("page %d: %w", n, err)
	}
	io := pc.Optimize.ImageObjects[obj]
	if io == nil {
		return Page{}, false, nil
	}
	img, err := pdfcpu.ExtractImage(pc, io.ImageDict, false, s.Name, obj, false)
	if err != nil {
		return Page{}, false, fmt.Errorf("page %d: %w", n, err)
	}
	if img == nil {
		return Page{}, false, nil
	}
	data, err := readAll(img)
	if err != nil {
		return Page{}, false, fmt.Errorf("page %d: %w", n, err)
	}
	switch img.FileType {
	case "jpg", "png", "tif":
	default:
		return Page{}, false, &CompressionError{Page: n, Filter: img.FileType}
	}
	return Page{Number: n, Data: data, Type: img.FileType, Width: s.Width, Height: s.Height}, true, nil
}

// lastFilter is the last of a pipeline pdfcpu writes as "A,B" or "A B".
func lastFilter(pipeline string) string {
	f := strings.FieldsFunc(pipeline, func(r rune) bool { return r == ',' || r == ' ' || r == '[' || r == ']' })
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}
