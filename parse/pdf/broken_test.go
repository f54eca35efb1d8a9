package pdf

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"chiso/internal/material"
)

// TestBroken reads every damaged or unusual file in testdocs/broken: each
// must give text or an error that names the problem, without a panic and
// within the time limit.
func TestBroken(t *testing.T) {
	files := material.Glob(t, "testdocs/broken/*.pdf")
	// What each file must yield: text containing want, or an error
	// containing want.
	expect := map[string]struct {
		text bool
		want string
	}{
		"enc_aes_128.pdf":        {true, "Chỉ số"},
		"enc_aes_256.pdf":        {true, "Chỉ số"},
		"enc_rc4_128.pdf":        {true, "Chỉ số"},
		"enc_rc4_40.pdf":         {true, "Chỉ số"},
		"enc_userpw_aes128.pdf":  {false, "user password"},
		"linearized.pdf":         {true, "Chỉ số"},
		"merged_fpdf_lo.pdf":     {true, "Chỉ số"},
		"merged_lo_fpdf.pdf":     {true, "Chỉ số"},
		"merged_two_lo.pdf":      {true, "Chỉ số"},
		"objstm_xrefstream.pdf":  {true, "Chỉ số"},
		"pdf20.pdf":              {true, "Chỉ số"},
		"scanned_image_only.pdf": {false, "no text layer"},
		"stale_xref.pdf":         {true, "Chỉ số"},
		"trailing_garbage.pdf":   {true, "Chỉ số"},
	}
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			start := time.Now()
			d, err := Read(ctx, strings.NewReader(string(b)), int64(len(b)))
			t.Logf("%s: %v, err=%v", name, time.Since(start).Round(time.Millisecond), err)
			e, known := expect[name]
			switch {
			case !known:
				// Truncated or corrupted: either some text or a clear error.
				if err != nil && !strings.Contains(err.Error(), "PDF") && !strings.Contains(err.Error(), "page") {
					t.Errorf("error does not say what is wrong: %v", err)
				}
				if err == nil && len(d.Blocks) == 0 && len(d.Warnings) == 0 {
					t.Errorf("no error, no blocks, no warnings")
				}
			case !e.text && name == "scanned_image_only.pdf" && ocrInstalled():
				// Read from its image: TestScan checks what it gives.
			case !e.text:
				if err == nil || !strings.Contains(err.Error(), e.want) {
					t.Errorf("err = %v, want one mentioning %q", err, e.want)
				}
			default:
				if err != nil {
					t.Fatalf("err = %v", err)
				}
				pages, _, err := Pages(ctx, strings.NewReader(string(b)), int64(len(b)))
				if err != nil {
					t.Fatal(err)
				}
				text := allText(pages)
				if !strings.Contains(text, e.want) {
					t.Errorf("text lacks %q", e.want)
				}
				if strings.ContainsRune(text, '\uFFFD') || strings.Contains(text, "ChÉ") {
					t.Errorf("text has wrongly decoded characters")
				}
			}
		})
	}
}
