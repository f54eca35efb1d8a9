// Package image gives the page images of a scanned report, for optical
// recognition (package parse/ocr): the pictures a scanned PDF draws on its
// pages, or an image file itself (PNG, JPEG, TIFF: a photographed or
// scanned page).
//
// For PDF, github.com/pdfcpu/pdfcpu does the decoding it already does well:
// it reads the image XObjects of each page and turns their streams into
// image files — DCTDecode as the JPEG it is, FlateDecode, LZW and
// RunLength samples with their /DecodeParms predictors, CCITTFaxDecode
// (through golang.org/x/image/ccitt), 1-bit, grey, RGB, CMYK and indexed
// colour, /Decode arrays and /ImageMask. On top of it this package adds
// what recognition needs: the one image per page that holds the page (the
// largest; a scan draws one image over the page, plus at most a stamp or
// a signature), its resolution from the page size, a clear error naming
// the page for compressions no pure-Go decoder reads (JBIG2, JPEG 2000),
// and decoding deferred to the moment a page is recognised, so that a
// hundred-page scan is never held decoded in memory at once.
package image

import (
	"bytes"
	"errors"
	"fmt"
	stdimage "image"
	"image/color"
	"image/draw"
	_ "image/jpeg" // JPEG pages and DCTDecode streams
	_ "image/png"  // PNG pages and pdfcpu's renderings
	"io"

	_ "golang.org/x/image/tiff" // TIFF pages and CCITT renderings

	"chiso/parse/fault"
)

// ErrCompression is the error for an image stream no pure-Go decoder
// reads (JBIG2, JPEG 2000).
var ErrCompression = errors.New("unsupported image compression")

// Page is the image of one page, still encoded.
type Page struct {
	Number int // 1-based
	// Data is the encoded image (JPEG, PNG or TIFF) and Type its kind
	// ("jpg", "png", "tif").
	Data []byte
	Type string
	// Width and Height are the image's size in pixels; DPI its resolution
	// (pixels per inch on the page), 0 when unknown.
	Width, Height int
	DPI           float64
}

// CompressionError is a page whose image chiso cannot decode.
type CompressionError struct {
	Page   int
	Filter string // JBIG2Decode, JPXDecode
}

func (e *CompressionError) Error() string {
	return fmt.Sprintf("page %d: %v (%s)", e.Page, ErrCompression, e.Filter)
}

func (e *CompressionError) Unwrap() error { return ErrCompression }

// Decode decodes the page into grey levels, the form recognition and
// ruling-line detection work on.
func (p Page) Decode() (*stdimage.Gray, error) {
	img, _, err := stdimage.Decode(bytes.NewReader(p.Data))
	if err != nil {
		return nil, fmt.Errorf("page %d: decoding the %s image: %w", p.Number, p.Type, err)
	}
	if g, ok := img.(*stdimage.Gray); ok {
		return g, nil
	}
	g := stdimage.NewGray(img.Bounds())
	draw.Draw(g, g.Bounds(), img, img.Bounds().Min, draw.Src)
	return g, nil
}

// maxPixels bounds one page image (a 600 dpi A4 page is 35 million
// pixels): the decoder allocates what the header claims, and Tesseract
// took over 1 GB on a page of 79 million. maxSide bounds either side (an
// A2 page at 600 dpi is 14,000 pixels): a strip of one pixel by 80
// million took 2.8 GB.
const (
	maxPixels = 40 << 20
	maxSide   = 20000
)

// checkSize refuses a page image of w×h pixels past the bounds.
func checkSize(w, h int) error {
	if w <= 0 || h <= 0 || w > maxSide || h > maxSide || w*h > maxPixels {
		return fmt.Errorf("%w: image of %d×%d pixels is outside the limits of %d pixels a side and %d in all", fault.ErrBudget, w, h, maxSide, maxPixels)
	}
	return nil
}

// maxDecoded bounds the bytes one decoded image takes: a scan in 16-bit
// colour of the largest size maxPixels allows would take 640 MB, then
// its grey copy, before recognition starts.
const maxDecoded = 256 << 20

// bytesPerPixel is what the standard decoders allocate per pixel for
// images of model m.
func bytesPerPixel(m color.Model) int {
	switch m {
	case color.GrayModel, color.AlphaModel:
		return 1
	case color.Gray16Model, color.Alpha16Model:
		return 2
	case color.RGBA64Model, color.NRGBA64Model:
		return 8
	}
	if _, ok := m.(color.Palette); ok {
		return 1
	}
	return 4 // RGBA, NRGBA, CMYK; YCbCr takes less
}

// File reads an image file (PNG, JPEG or TIFF) as a one-page scan.
func File(data []byte) ([]Page, error) {
	cfg, kind, err := stdimage.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("not a readable image: %w", err)
	}
	if err := checkSize(cfg.Width, cfg.Height); err != nil {
		return nil, err
	}
	if n := cfg.Width * cfg.Height * bytesPerPixel(cfg.ColorModel); n > maxDecoded {
		return nil, fmt.Errorf("%w: image of %d×%d pixels would take %d MB decoded, over the limit of %d MB", fault.ErrBudget, cfg.Width, cfg.Height, n>>20, maxDecoded>>20)
	}
	t := map[string]string{"jpeg": "jpg", "png": "png", "tiff": "tif"}[kind]
	if t == "" {
		return nil, fmt.Errorf("%s images are not supported (PNG, JPEG, TIFF)", kind)
	}
	return []Page{{Number: 1, Data: data, Type: t, Width: cfg.Width, Height: cfg.Height, DPI: fileDPI(data, t)}}, nil
}

// fileDPI is the resolution a PNG (pHYs) states; 0 for the others, whose
// resolution recognition then guesses.
func fileDPI(data []byte, t string) float64 {
	if t != "png" {
		return 0
	}
	i := bytes.Index(data[:min(len(data), 4096)], []byte("pHYs"))
	if i < 0 || i+13 > len(data) || data[i+12] != 1 {
		return 0
	}
	x := uint32(data[i+4])<<24 | uint32(data[i+5])<<16 | uint32(data[i+6])<<8 | uint32(data[i+7])
	return float64(x) * 0.0254
}

// readAll reads an image pdfcpu rendered, within the pixel budget's bytes.
func readAll(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, 4*maxPixels+1))
	if err == nil && len(data) > 4*maxPixels {
		err = fmt.Errorf("image larger than %d bytes", 4*maxPixels)
	}
	return data, err
}
