package image

import (
	"bytes"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chiso/internal/hostile"
	"chiso/parse/fault"
)

func read(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func pages(t *testing.T, name string) []Page {
	t.Helper()
	data := read(t, name)
	if strings.HasSuffix(name, ".pdf") {
		p, err := PDF(context.Background(), data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return p
	}
	p, err := File(data)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return p
}

// The same 1-bit page decoded from a CCITT G4 stream, a Flate stream with
// PNG predictors and a PNG file is the same picture, and the JPEG scan it
// was made from agrees with it but for the grey edges of its strokes.
func TestDecoders(t *testing.T) {
	ref, err := pages(t, "merged-g4.pdf")[0].Decode()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		file  string
		typ   string
		dpi   float64
		agree float64 // share of pixels on the same side of mid-grey
	}{
		{"merged-g4.pdf", "png", 200, 1},
		{"merged-flate.pdf", "png", 200, 1},
		{"merged-200.png", "png", 200, 1},
		{"merged-200.pdf", "jpg", 200, 0.98},
	} {
		ps := pages(t, tc.file)
		if len(ps) != 1 {
			t.Fatalf("%s: %d pages, want 1", tc.file, len(ps))
		}
		p := ps[0]
		if p.Type != tc.typ || p.Number != 1 || p.DPI < tc.dpi-2 || p.DPI > tc.dpi+2 {
			t.Errorf("%s: page %d %s at %.1f dpi, want page 1 %s at %v dpi", tc.file, p.Number, p.Type, p.DPI, tc.typ, tc.dpi)
		}
		g, err := p.Decode()
		if err != nil {
			t.Fatalf("%s: %v", tc.file, err)
		}
		if g.Bounds() != ref.Bounds() {
			t.Fatalf("%s: %v, want %v", tc.file, g.Bounds(), ref.Bounds())
		}
		same, dark := 0, 0
		r := g.Bounds()
		for y := r.Min.Y; y < r.Max.Y; y++ {
			for x := r.Min.X; x < r.Max.X; x++ {
				v := g.GrayAt(x, y).Y
				if v < 128 {
					dark++
				}
				if v < 128 == (ref.GrayAt(x, y).Y < 128) {
					same++
				}
			}
		}
		n := r.Dx() * r.Dy()
		if got := float64(same) / float64(n); got < tc.agree {
			t.Errorf("%s: %.4f of pixels agree with the G4 page, want ≥ %v", tc.file, got, tc.agree)
		}
		// A page of text is mostly white, but not blank.
		if share := float64(dark) / float64(n); share < 0.01 || share > 0.3 {
			t.Errorf("%s: %.3f of pixels dark: not a page of text", tc.file, share)
		}
	}
}

// onePage is a PDF drawing one 1-bit image stream of w×h pixels with the
// given filter and data over an A4 page.
func onePage(filter string) []byte { return imagePDF(filter, 1654, 2339, "\x00\x00\x00\x00") }

func imagePDF(filter string, w, h int, data string) []byte {
	content := "q 595 0 0 842 0 0 cm /Im0 Do Q"
	return hostile.PDF(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
		fmt.Sprintf("<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /%s /Length %d >>\nstream\n%s\nendstream", w, h, filter, len(data), data))
}

func TestUnsupportedCompression(t *testing.T) {
	for _, f := range []string{"JBIG2Decode", "JPXDecode"} {
		_, err := PDF(context.Background(), onePage(f))
		var ce *CompressionError
		if !errors.As(err, &ce) || !errors.Is(err, ErrCompression) || ce.Page != 1 {
			t.Errorf("%s: err = %v, want an unsupported image compression on page 1", f, err)
			continue
		}
		if !strings.Contains(err.Error(), "page 1") || !strings.Contains(err.Error(), f) {
			t.Errorf("%s: %q does not name the page and the filter", f, err)
		}
	}
}

func TestFileErrors(t *testing.T) {
	for _, data := range [][]byte{nil, []byte("GIF89a"), []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x7f\xff\xff\xff\x7f\xff\xff\xff\x08\x00\x00\x00\x00")} {
		if p, err := File(data); err == nil {
			t.Errorf("File(%q) = %v, want an error", data, p)
		}
	}
}

// TestFileBudget: images whose decoding alone would pass the memory
// bound are refused from their header, as over budget.
func TestFileBudget(t *testing.T) {
	for _, tt := range []struct {
		name string
		data []byte
	}{
		{"a strip of 1×30,000 pixels", hostile.PNGBomb(1, 30000, 8, 0, false)},
		{"8,000×5,000 in 16-bit colour (320 MB decoded)", hostile.PNGBomb(8000, 5000, 16, 6, false)},
		{"8,900×8,900 grey (79 million pixels)", hostile.PNGBomb(8900, 8900, 8, 0, false)},
	} {
		if _, err := File(tt.data); !errors.Is(err, fault.ErrBudget) {
			t.Errorf("%s: %v, want an error matching ErrBudget", tt.name, err)
		}
	}
	if _, err := File(hostile.PNGBomb(2480, 3508, 8, 0, false)); err != nil {
		t.Errorf("an A4 page at 300 dpi: %v", err)
	}
}

func FuzzFile(f *testing.F) {
	f.Add(read(f, "merged-200.png"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ps, err := File(data)
		if err != nil {
			return
		}
		ps[0].Decode()
	})
}

func deflate(b []byte) string {
	var buf bytes.Buffer
	w := zlib.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.String()
}

func FuzzPDF(f *testing.F) {
	// Small seeds: a whole scanned page costs half a second a run.
	f.Add(imagePDF("FlateDecode", 200, 280, deflate(make([]byte, 25*280))))
	f.Add(imagePDF("CCITTFaxDecode", 16, 16, "\x00\x01"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ps, err := PDF(context.Background(), data)
		if err != nil {
			return
		}
		for _, p := range ps {
			p.Decode()
		}
	})
}
