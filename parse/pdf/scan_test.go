package pdf

import (
	"bytes"
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"chiso/doc"
	"chiso/internal/material"
	"chiso/parse/image"
	"chiso/parse/ocr"
	"chiso/parse/pdf/layout"
)

func ocrInstalled() bool {
	_, err := ocr.Find()
	return err == nil
}

// withoutOCR makes the test run as on a machine without Tesseract.
func withoutOCR(t *testing.T) {
	t.Helper()
	ocr.SetPath(os.DevNull + "/tesseract")
	t.Cleanup(func() { ocr.SetPath("") })
}

// needOCR skips the test without Tesseract, outside CI.
func needOCR(t *testing.T) {
	t.Helper()
	if _, err := ocr.Find(); err != nil {
		if material.InCI() {
			t.Fatalf("CI installs Tesseract: %v", err)
		}
		t.Skipf("Tesseract not installed: %v", err)
	}
}

func TestScanWithoutEngine(t *testing.T) {
	withoutOCR(t)
	data, err := os.ReadFile("../image/testdata/merged-200.pdf")
	if err != nil {
		t.Fatal(err)
	}
	_, err = Read(context.Background(), bytes.NewReader(data), int64(len(data)))
	if !errors.Is(err, ocr.ErrNoEngine) || !errors.Is(err, errNoText) {
		t.Fatalf("err = %v, want ErrNoEngine and the no text layer error", err)
	}
}

// TestScan reads the rendered scans of the golden merged report and
// checks that the words a reader needs come out: the table's rates, its
// a/b counts and the title.
func TestScan(t *testing.T) {
	needOCR(t)
	for _, name := range []string{"merged-200.pdf", "merged-300.pdf", "merged-g4.pdf", "merged-flate.pdf"} {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile("../image/testdata/" + name)
			if err != nil {
				t.Fatal(err)
			}
			d, err := Read(context.Background(), bytes.NewReader(data), int64(len(data)))
			if err != nil {
				t.Fatal(err)
			}
			if !d.Source.OCR {
				t.Error("Source.OCR not set")
			}
			for _, w := range d.Warnings {
				if strings.Contains(w, "no text layer") {
					t.Errorf("warning %q on a page that was recognised", w)
				}
			}
			text := plain(d)
			for _, want := range []string{"Tỷ lệ", "78,23", "9.120", "11.781", "14.009", "15.060", "52,5"} {
				if !strings.Contains(text, want) {
					t.Errorf("no %q in the recognised text:\n%s", want, text)
				}
			}
		})
	}
}

func TestReadScanPNG(t *testing.T) {
	needOCR(t)
	data, err := os.ReadFile("../image/testdata/merged-200.png")
	if err != nil {
		t.Fatal(err)
	}
	pages, err := image.File(data)
	if err != nil {
		t.Fatal(err)
	}
	d, err := ReadScan(context.Background(), pages)
	if err != nil {
		t.Fatal(err)
	}
	if !d.Source.OCR || d.Source.Pages != 1 || len(d.Blocks) == 0 {
		t.Fatalf("source %+v, %d blocks", d.Source, len(d.Blocks))
	}
	if text := plain(d); !strings.Contains(text, "Tỷ lệ") {
		t.Errorf("no 'Tỷ lệ' in\n%s", text)
	}
}

func plain(d *doc.Document) string {
	var b strings.Builder
	for _, bl := range d.Blocks {
		if bl.Table != nil {
			for _, r := range bl.Table.Rows {
				for _, c := range r {
					b.WriteString(c.Text + " ")
				}
				b.WriteString("\n")
			}
			continue
		}
		b.WriteString(bl.Text + "\n")
	}
	return b.String()
}

func TestGarbled(t *testing.T) {
	page := func(s string) []layout.Page {
		var ts []layout.Text
		for range 10 {
			ts = append(ts, layout.Text{S: s})
		}
		return []layout.Page{{Texts: ts}}
	}
	for _, c := range []struct {
		text string
		want bool
	}{
		{"b6o c6o c6c chi s6 tr6n dia b6n tinh", true},
		{"báo cáo các chỉ số trên địa bàn tỉnh", false},
		{"Số 5689/BCA-C04 V/v mẫu 2a của C04 năm 2025", false},
	} {
		if got := garbled(page(c.text)); got != c.want {
			t.Errorf("garbled(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}
