package pdf

import (
	"bytes"
	"context"
	"fmt"
	"image"
	_ "image/jpeg" // the page images pdfcpu gives: JPEG as stored,
	_ "image/png"  // Flate samples as PNG,
	"io"
	"strings"
	"sync"
	"unicode"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	_ "golang.org/x/image/tiff" // and CCITT as TIFF

	"chiso/parse/fault"
	"chiso/parse/ocr"
	"chiso/parse/pdf/layout"
)

// A scanned PDF draws each page as one image. Its pages are read by
// recognising that image with the OCR engine (package chiso/parse/ocr) and
// handing the words to the layout as text runs in page space, so that the
// lines, paragraphs and borderless tables of a scan are rebuilt by the
// same rules as those of a text layer. The images are taken out of the
// file by pdfcpu, which decodes what ledongthuc cannot (DCTDecode, CCITT,
// predictors) and gives JPEG bytes as they are stored.

// uncertain is the confidence below which a recognised word is one to
// check by eye.
const uncertain = 0.6

var pdfcpuConfig = sync.OnceValue(func() *model.Configuration {
	model.ConfigPath = "disable" // no configuration folder, no user fonts
	return model.NewDefaultConfiguration()
})

// pageImage is the largest image drawn on one page.
type pageImage struct {
	data          []byte
	width, height int // pixels
}

// pageImages takes out, for each page, its largest image.
func pageImages(ctx context.Context, data []byte, n int) (imgs []pageImage, err error) {
	defer func() {
		if x := recover(); x != nil {
			imgs, err = nil, fault.Damaged("damaged PDF: its page images cannot be read")
		}
	}()
	pc, err := pdfcpu.ReadWithContext(ctx, bytes.NewReader(data), pdfcpuConfig())
	if err != nil {
		return nil, fmt.Errorf("reading the page images: %v", err)
	}
	if err := pc.EnsurePageCount(); err != nil {
		return nil, fmt.Errorf("reading the page images: %v", err)
	}
	if err := pdfcpu.OptimizeXRefTable(pc); err != nil {
		return nil, fmt.Errorf("reading the page images: %v", err)
	}
	imgs = make([]pageImage, n)
	for p := 1; p <= n && p <= pc.PageCount; p++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		m, err := pdfcpu.ExtractPageImages(pc, p, false)
		if err != nil {
			return nil, fmt.Errorf("page %d: %v", p, err)
		}
		for _, im := range m {
			if im.IsImgMask || im.Thumb {
				continue
			}
			b, err := io.ReadAll(io.LimitReader(im, maxImage+1))
			if err != nil || len(b) > maxImage {
				continue
			}
			// pdfcpu leaves the size unset when it extracts the bytes:
			// the image's own header says it.
			cfg, _, err := image.DecodeConfig(bytes.NewReader(b))
			if err != nil || cfg.Width*cfg.Height <= imgs[p-1].width*imgs[p-1].height {
				continue
			}
			imgs[p-1] = pageImage{data: b, width: cfg.Width, height: cfg.Height}
		}
	}
	return imgs, nil
}

// maxImage bounds the bytes of one page image handed to the engine.
const maxImage = 64 << 20

// scan recognises the pages of a scanned PDF: each page's largest image
// becomes the page's text runs. It returns the pages, the uncertain words
// and warnings for the pages without an image.
func scan(ctx context.Context, e *ocr.Engine, data []byte, pages []layout.Page) ([]layout.Page, map[string]float64, []string, error) {
	imgs, err := pageImages(ctx, data, len(pages))
	if err != nil {
		return nil, nil, nil, err
	}
	out := make([]layout.Page, len(pages))
	unsure := map[string]float64{}
	var warn []string
	for i, p := range pages {
		out[i] = layout.Page{Number: p.Number, Width: p.Width, Height: p.Height, Rules: p.Rules}
		im := imgs[i]
		if im.data == nil || p.Width <= 0 || p.Height <= 0 {
			warn = append(warn, fmt.Sprintf("page %d has no image to recognise", p.Number))
			continue
		}
		dpi := int(float64(im.width)/(p.Width/72) + 0.5)
		got, err := e.Read(ctx, im.data, dpi)
		if err != nil {
			return nil, nil, nil, fmt.Errorf("%w: page %d: %v", fault.ErrNoText, p.Number, err)
		}
		out[i].Texts = texts(got, p.Width/float64(max(got.Width, 1)), p.Height/float64(max(got.Height, 1)))
		for _, w := range got.Words {
			if w.Conf < uncertain {
				if c, ok := unsure[w.Text]; !ok || w.Conf < c {
					unsure[w.Text] = w.Conf
				}
			}
		}
	}
	return out, unsure, warn, nil
}

// texts turns recognised words into text runs in page space (sx, sy
// points per pixel). The words of one line share its baseline, the bottom
// of the line's box, so that the layout sees them as one line.
func texts(p *ocr.Page, sx, sy float64) []layout.Text {
	out := make([]layout.Text, 0, len(p.Words))
	for _, w := range p.Words {
		size := float64(w.LineBottom-w.LineTop) * sy * 0.8
		if size <= 0 {
			size = float64(w.Height) * sy
		}
		out = append(out, layout.Text{
			S: w.Text, X: float64(w.Left) * sx, Y: float64(w.LineBottom) * sy,
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
