package parse_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"chiso/internal/hostile"
	"chiso/parse"
	"chiso/parse/ocr"

	"chiso/internal/material"
)

// TestErrorKinds checks that each class of failure is told by its
// sentinel, and that no library text (nil dereferences, a bare EOF)
// reaches the message.
func TestErrorKinds(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(big, make([]byte, 2048), 0o644); err != nil {
		t.Fatal(err)
	}
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		path string
		opt  parse.Options
		want error
	}{
		{big, parse.Options{MaxSize: 1024}, parse.ErrTooLarge},
		{write("x.gif", []byte("GIF89a....")), parse.Options{}, parse.ErrUnsupported},
		{write("x.png", []byte("\x89PNG\r\n\x1a\n....")), parse.Options{}, parse.ErrDamaged},
		{write("xref.pdf", hostile.XrefHuge()), parse.Options{}, parse.ErrDamaged},
		{write("bomb.pdf", hostile.FlateBomb(32<<20)), parse.Options{}, parse.ErrBudget},
		{write("trunc.pdf", hostile.Page("BT /F1 10 Tf 100 700 Td (Chi so) Tj ET")[:200]), parse.Options{}, parse.ErrDamaged},
		{material.Path("testdocs", "broken", "scanned_image_only.pdf"), parse.Options{}, parse.ErrNoText},
		{material.Path("testdocs", "broken", "enc_userpw_aes128.pdf"), parse.Options{}, parse.ErrEncrypted},
	}
	for _, tc := range tests {
		t.Run(filepath.Base(tc.path), func(t *testing.T) {
			if strings.HasPrefix(tc.path, material.Root()) {
				material.Need(t, strings.TrimPrefix(tc.path, material.Root()))
			}
			if tc.opt.Timeout == 0 {
				tc.opt.Timeout = time.Minute
			}
			ocr.SetPath(filepath.Join(dir, "no-tesseract")) // a scan without the engine
			defer ocr.SetPath("")
			_, err := parse.FileOptions(context.Background(), tc.path, tc.opt)
			var pe *parse.Error
			if !errors.As(err, &pe) || !errors.Is(err, tc.want) || pe.Kind() != tc.want {
				t.Fatalf("err = %v, want a *parse.Error of kind %v", err, tc.want)
			}
			for _, bad := range []string{"nil pointer", "invalid memory", ": EOF", "runtime error"} {
				if strings.Contains(err.Error(), bad) {
					t.Errorf("message %q contains %q", err, bad)
				}
			}
		})
	}
}
