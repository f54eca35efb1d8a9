package pdf

import (
	"bytes"
	"context"
	"math/rand"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"chiso/internal/hostile"
	"chiso/internal/material"
	"chiso/parse/ocr"
	"chiso/parse/pdf/layout"
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
	f.Fuzz(checkRead)
}

// FuzzStructure reads PDFs whose objects, references, dictionaries and
// streams hostile.MutatePDF changed, with the fuzzer's bytes as its
// choices: byte mutations of a whole file mostly break the
// cross-reference table, these reach the page tree, fonts and content.
func FuzzStructure(f *testing.F) {
	for _, s := range []string{"", "\x00", "\x01\x05", "\x02\x01\x00", "\x03\x08\x02", "\x01\x06\x10\x06", "\x00\x04\x04\x04"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, choices []byte) {
		r := rand.New(&choiceSource{b: choices, rest: rand.NewSource(int64(len(choices)))})
		checkRead(t, hostile.MutatePDF(r))
	})
}

// choiceSource gives the fuzzer's bytes as random numbers, one byte a
// number, so that r.Intn(n) for a small n is the byte modulo n: a
// mutated byte changes one choice. When the bytes run out it goes on
// with rest.
type choiceSource struct {
	b    []byte
	rest rand.Source
}

func (s *choiceSource) Int63() int64 {
	if len(s.b) == 0 {
		return s.rest.Int63()
	}
	c := s.b[0]
	s.b = s.b[1:]
	return int64(c) << 32 // Int31 is the top 31 of 63 bits: the byte
}

func (s *choiceSource) Seed(seed int64) { s.rest.Seed(seed) }

// checkRead reads b as a PDF: Read and Pages must return (text or an
// error) without panicking, within the time limit, and any text must be
// valid UTF-8 without replacement characters.
func checkRead(t *testing.T, b []byte) {
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
}

// FuzzOCRTexts reads arbitrary bytes as the engine's TSV and lays its
// words out as a scan's page is (texts, then the layout): it must not
// panic, and every run it makes must be valid UTF-8 with a width.
func FuzzOCRTexts(f *testing.F) {
	head := "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
	f.Add([]byte(head + "1\t1\t0\t0\t0\t0\t0\t0\t1654\t2339\t-1\t\n" +
		"4\t1\t1\t1\t1\t0\t190\t350\t900\t40\t-1\t\n" +
		"5\t1\t1\t1\t1\t1\t190\t352\t31\t19\t50\t1.1\n" +
		"5\t1\t1\t1\t1\t2\t252\t349\t70\t34\t96\tNgười\n" +
		"5\t1\t1\t1\t1\t3\t1118\t352\t24\t19\t96\t10\n" +
		"5\t1\t1\t1\t1\t4\t1150\t352\t40\t19\t96\t75%\n"))
	f.Fuzz(func(t *testing.T, tsv []byte) {
		p, err := ocr.ReadTSV(bytes.NewReader(tsv))
		if err != nil {
			return
		}
		ts := texts(p.Words, straight, 0.36, 0.36, bodyHeight(p.Words), nil)
		for _, x := range ts {
			if !utf8.ValidString(x.S) || x.W < 0 {
				t.Fatalf("run %+v", x)
			}
		}
		if _, err := blocks([]layout.Page{{Number: 1, Width: 595, Height: 842, Texts: ts}}); err != nil {
			t.Fatal(err)
		}
	})
}
