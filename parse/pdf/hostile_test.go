package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"time"

	lpdf "github.com/ledongthuc/pdf"

	"chiso/doc"
	"chiso/internal/hostile"
	"chiso/parse/fault"
)

// TestHostile reads files built to exhaust memory or time. Before the
// structure check the first four ended the test binary with "fatal error:
// runtime: out of memory", which no recover catches; the bomb and the
// fan-out ran until the time limit. Each must now be refused with the
// kind of error that says why.
func TestHostile(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"xref subsection at 2^31", hostile.XrefHuge(), fault.ErrDamaged},
		{"xref stream /Size 2^31", hostile.XrefStream("/Size 2147483647 /W [1 2 1]", []byte("\x01\x00\x0a\x00")), fault.ErrDamaged},
		{"xref stream /Index at 2^31", hostile.XrefStream("/Size 6 /Index [2147483647 5] /W [1 2 1]", bytes.Repeat([]byte("\x01\x00\x0a\x00"), 5)), fault.ErrDamaged},
		{"xref stream /W 2^40", hostile.XrefStream("/Size 1 /W [1 1099511627776 1]", []byte("\x01\x00\x0a")), fault.ErrDamaged},
		{"predictor /Columns 2^40", hostile.Page("", hostile.Stream("/Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 1099511627776 >>", hostile.Flate([]byte("x")))), fault.ErrDamaged},
		{"object stream /N 2^40", hostile.Page("", hostile.Stream("/Type /ObjStm /N 1099511627776 /First 4", []byte("1 0 "))), fault.ErrDamaged},
		{"content stream inflating to 64 MB", hostile.FlateBomb(64 << 20), fault.ErrBudget},
		{"4 MB of operands without an operator", hostile.Page(strings.Repeat("1 ", 2<<20)), fault.ErrBudget},
		{"form XObject fan-out", hostile.FormFanOut(), fault.ErrBudget},
		// ledongthuc followed this /Prev for ever, past the deadline.
		{"xref /Prev to itself", hostile.PrevLoop(), fault.ErrDamaged},
		// Each listing is walked as a page: 751 MB for 100,000.
		{"one page listed 10,001 times", hostile.PageTree("<< /Type /Pages /Kids [" + strings.Repeat("3 0 R ", maxPages+1) + "] /Count 10001 >>"), fault.ErrBudget},
		{"xref stream /Prev to itself", hostile.XrefStream("/Size 2 /W [1 2 1] /Prev 9 /Root 1 0 R", []byte("\x01\x00\x09\x00\x01\x00\x09\x00")), fault.ErrDamaged},
		// A broken /Prev sends the file to pdfcpu, whose repaired copy
		// had /Size 2^31 for the reference: found by FuzzStructure.
		{"kid 2^31-1 in a file to repair", bytes.Replace(hostile.PageTree("<< /Type /Pages /Kids [2147483647 0 R] /Count 1 >>"),
			[]byte("/Root 1 0 R >>"), []byte("/Root 1 0 R /Prev 0 >>"), 1), fault.ErrDamaged},
		// pdfcpu recursed into the stream's own /Filter until the stack
		// overflowed: found by FuzzStructure.
		// pdfcpu read "1 -1 obj" as object 2^31+1 and sized its table so;
		// writing the repaired copy then looped: 5 GB in 30 s. Found in
		// the hostile corpus (mutation-pdf/0051).
		{"object header '1 -1 obj' in a file to repair", corpusFile(t, "mutation-pdf/0051.pdf"), fault.ErrDamaged},
		{"stream whose /Filter is itself, in a file to repair", bytes.Replace(hostile.Page("", hostile.Stream("/Filter 6 0 R", []byte("x"))),
			[]byte("/Root 1 0 R >>"), []byte("/Root 1 0 R /Prev 0 >>"), 1), fault.ErrDamaged},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			_, err := Read(ctx, bytes.NewReader(tc.data), int64(len(tc.data)))
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
			t.Log(err)
		})
	}
}

// TestMutatePDF checks that the structure-aware mutations reach past the
// cross-reference table: of 200 mutated files a quarter or more are
// still read as a document, not all are, and nine in ten differ from
// each other.
func TestMutatePDF(t *testing.T) {
	const n = 200
	read, distinct := 0, map[string]bool{}
	for i := range n {
		b := hostile.MutatePDF(rand.New(rand.NewSource(int64(i))))
		distinct[string(b)] = true
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		if d, err := Read(ctx, bytes.NewReader(b), int64(len(b))); err == nil && len(d.Blocks) > 0 {
			read++
		}
		cancel()
	}
	t.Logf("%d of %d mutated files read, %d distinct", read, n, len(distinct))
	if read < n/4 || read == n {
		t.Errorf("%d of %d mutated files read: want a quarter or more, and not all", read, n)
	}
	if len(distinct) < n*9/10 {
		t.Errorf("only %d of %d mutated files differ", len(distinct), n)
	}
}

// TestOpenHex reads a page whose second content stream ends inside a hex
// string. ledongthuc's lexer never returned from it (found by
// FuzzStructure): the stream is now lost with a warning, and the first
// stream's text is kept.
func TestOpenHex(t *testing.T) {
	b := helveticaPage("BT /F1 12 Tf 50 700 Td (Kept) Tj ET", "BT /F1 12 Tf 50 600 Td <0041")
	d := readFirst(t, b, "Kept")
	if !strings.Contains(strings.Join(d.Warnings, "\n"), "hex string") {
		t.Errorf("warnings %q, want the damaged stream named", d.Warnings)
	}
}

// TestPageTreeCycle reads a page tree whose second node lists itself and
// the root among its kids. Each node was walked once per path: here the
// page was listed until refused as over 10,000 pages, and where no page
// hangs off the cycle (FuzzStructure's file) 2^64 paths within the depth
// bound ran until the time limit. Now each node is walked once.
func TestPageTreeCycle(t *testing.T) {
	b := hostile.PageTree("<< /Type /Pages /Kids [6 0 R 3 0 R] /Count 1 >>", "<< /Type /Pages /Kids [6 0 R 2 0 R] /Count 1 /Parent 2 0 R >>")
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	pages, _, err := Pages(ctx, bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 1 {
		t.Errorf("%d pages, want 1", len(pages))
	}
}

// helveticaPage is a one-page PDF in Helvetica whose page has the given
// content streams.
func helveticaPage(contents ...string) []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
	}
	var refs []string
	for i, c := range contents {
		refs = append(refs, fmt.Sprintf("%d 0 R", 5+i))
		objs = append(objs, hostile.Stream("", []byte(c)))
	}
	objs[2] = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Resources << /Font << /F1 4 0 R >> >> /Contents [" + strings.Join(refs, " ") + "] >>"
	return hostile.PDF(objs...)
}

// readFirst reads b within 10 s and checks that its first block holds
// want.
func readFirst(t *testing.T, b []byte, want string) *doc.Document {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	d, err := Read(ctx, bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Blocks) == 0 || !strings.Contains(d.Blocks[0].Text, want) {
		t.Errorf("blocks %+v, want %q in the first", d.Blocks, want)
	}
	return d
}

// corpusFile is the named file of the hostile corpus of seed 1, the one
// scripts/hostile.sh writes.
func corpusFile(t *testing.T, name string) []byte {
	for _, f := range hostile.Mutations(1, 125) {
		if f.Name == name {
			return f.Data
		}
	}
	t.Fatalf("no %s in the hostile corpus", name)
	return nil
}

// TestObjectID checks that objectID reads ledongthuc's unexported object
// pointer: the page-tree walk relies on it to walk each node once, and a
// change in the library would make every ID 0 and the check a no-op.
func TestObjectID(t *testing.T) {
	b := hostile.SamplePDF()
	rd, err := lpdf.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	root := rd.Trailer().Key("Root")
	pages := root.Key("Pages")
	if got, want := objectID(root), uint64(1)<<16; got != want {
		t.Errorf("catalog ID %#x, want %#x (object 1, generation 0)", got, want)
	}
	if got, want := objectID(pages), uint64(2)<<16; got != want {
		t.Errorf("page tree ID %#x, want %#x (object 2, generation 0)", got, want)
	}
}
