package parse_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"chiso/doc"
	"chiso/internal/material"
	"chiso/parse"
	"chiso/parse/ocr"
)

// TestImageFile: a scanned page saved as a PNG is a report like a
// scanned PDF: read through the OCR engine, or, without it, a file that
// needs OCR (ErrNoText).
func TestImageFile(t *testing.T) {
	data, err := os.ReadFile("image/testdata/merged-200.png")
	if err != nil {
		t.Fatal(err)
	}
	if f, err := parse.Sniff(data, "page.png"); f != string(doc.Image) || err != nil {
		t.Fatalf("Sniff = %q, %v; want image", f, err)
	}
	t.Run("no engine", func(t *testing.T) {
		ocr.SetPath(filepath.Join(t.TempDir(), "no-tesseract"))
		defer ocr.SetPath("")
		_, err := parse.Bytes(context.Background(), data, "page.png", 0)
		if !errors.Is(err, parse.ErrNoText) {
			t.Fatalf("err = %v, want ErrNoText", err)
		}
	})
	t.Run("engine", func(t *testing.T) {
		if _, err := ocr.Find(); err != nil {
			if material.InCI() {
				t.Fatalf("no Tesseract in CI: %v", err)
			}
			t.Skipf("no Tesseract: %v", err)
		}
		d, err := parse.Bytes(context.Background(), data, "page.png", 0)
		if err != nil {
			t.Fatal(err)
		}
		if d.Source.Format != doc.Image || !d.Source.OCR || len(d.Blocks) == 0 {
			t.Errorf("source %+v, %d blocks", d.Source, len(d.Blocks))
		}
	})
}
