package pdf

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"chiso/internal/material"
)

// FuzzRead feeds arbitrary bytes to Read: it must return (text or an
// error) without panicking, within its time limit, and any text must be
// valid UTF-8 without replacement characters.
func FuzzRead(f *testing.F) {
	f.Add(onePage(simpleFont("Test"), "BT /F1 10 Tf 100 700 Td [(Cell1) -3000 (Cell2)] TJ ET 100 100 200 50 re S"))
	f.Add(onePage(type0("6 0 R"), "BT /F1 10 Tf 100 700 Td <004300681EC9002000731ED1> Tj ET", cidFont, stream("", identityCMap)))
	f.Add(onePage(simpleFont(".VnTime"), "BT /F1 10 Tf 100 700 Td (B\\270o c\\270o) Tj ET q 1 0 0 1 0 -100 cm /X5 Do Q",
		stream("/Type /XObject /Subtype /Form /BBox [0 0 600 800]", "BT /F1 10 Tf 100 700 Td (x) Tj ET")))
	if b, err := os.ReadFile(material.Path("testdocs", "report_cairo_cid.pdf")); err == nil {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		d, err := Read(ctx, bytes.NewReader(b), int64(len(b)))
		if err != nil {
			if d != nil {
				t.Fatalf("both a document and an error: %v", err)
			}
			return
		}
		for _, bl := range d.Blocks {
			if !utf8.ValidString(bl.Text) || strings.ContainsRune(bl.Text, '\uFFFD') {
				t.Fatalf("bad text %q", bl.Text)
			}
		}
		pages, _, err := Pages(ctx, bytes.NewReader(b), int64(len(b)))
		if err != nil {
			return
		}
		for _, p := range pages {
			for _, x := range p.Texts {
				if !utf8.ValidString(x.S) || strings.ContainsRune(x.S, '\uFFFD') || x.S == "" {
					t.Fatalf("bad run %q", x.S)
				}
			}
		}
	})
}
