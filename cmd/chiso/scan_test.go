package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chiso/parse/ocr"
)

// scanFixture is a 200 dpi scan of the golden merged report, made by
// scripts/scan-fixtures.sh.
const scanFixture = "../../parse/image/testdata/merged-200.pdf"

// TestScanWithoutTesseract: a scan on a machine without Tesseract is
// refused with exit 3 and a Vietnamese message saying how to install it,
// and ingest lists it among the files that need OCR.
func TestScanWithoutTesseract(t *testing.T) {
	defer ocr.SetPath("")
	missing := filepath.Join(t.TempDir(), "tesseract")
	code, _, errs := runCLI("", "extract", "--tesseract", missing, scanFixture)
	if code != exitUnread {
		t.Errorf("extract of a scan without Tesseract: exit %d, want %d", code, exitUnread)
	}
	for _, want := range []string{"merged-200.pdf", "ảnh quét", "cài tesseract-ocr và tesseract-ocr-vie"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}

	dir := t.TempDir()
	data, err := os.ReadFile(scanFixture)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "quet.pdf"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCLI("", "ingest", "--tesseract", missing, "--db", filepath.Join(dir, "d.db"), dir)
	if code != exitUnread {
		t.Errorf("ingest of a scan without Tesseract: exit %d, want %d\n%s%s", code, exitUnread, out, errs)
	}
	if !strings.Contains(out, "cần nhận dạng chữ (cài Tesseract rồi chạy ingest lại): 1 tệp\n  "+filepath.Join(dir, "quet.pdf")) {
		t.Errorf("ingest does not list the scan as needing OCR:\n%s", out)
	}
}
