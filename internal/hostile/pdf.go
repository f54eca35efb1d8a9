// Package hostile makes damaged and hostile documents, for the tests
// that check chiso's readers stay bounded in memory and time and for
// the script that generates a hostile corpus. Every file is built from
// a few hundred bytes of parameters, so nothing hostile is committed.
package hostile

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"strings"
)

// PDF writes a PDF file from object bodies: objs[i] becomes object i+1,
// object 1 is the catalog. The cross-reference table is computed.
func PDF(objs ...string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// Stream writes a stream object body with its Length.
func Stream(dict string, data []byte) string {
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

// Flate compresses data at the best ratio.
func Flate(data []byte) []byte {
	var b bytes.Buffer
	w, _ := zlib.NewWriterLevel(&b, zlib.BestCompression)
	w.Write(data)
	w.Close()
	return b.Bytes()
}

const font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"

// Page builds a one-page file drawing content (object 5) with /F1, and
// extra objects numbered from 6 listed as XObjects /X6, /X7 ...
func Page(content string, extra ...string) []byte {
	var xo strings.Builder
	for i := range extra {
		fmt.Fprintf(&xo, " /X%d %d 0 R", 6+i, 6+i)
	}
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Resources << /Font << /F1 4 0 R >> /XObject <<" + xo.String() + " >> >> /Contents 5 0 R >>",
		font,
		Stream("", []byte(content)),
	}
	return PDF(append(objs, extra...)...)
}

// XrefHuge is the 105-byte reproducer: a cross-reference subsection
// starting at object 2^31-1, which made ledongthuc allocate 2^31 entries.
func XrefHuge() []byte {
	return []byte("%PDF-1.7\nxref\n2147483647 5\n0000000000 65535 f \n0000000000 65535 f \ntrailer<</Size 2147483647>>\nstartxref\n9\n%%EOF\n")
}

// XrefStream is a file whose only cross-reference section is an xref
// stream with the given dictionary entries (/Size, /Index, /W ...) and
// raw (unfiltered) entry data.
func XrefStream(entries string, data []byte) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n")
	off := b.Len()
	fmt.Fprintf(&b, "1 0 obj\n<< /Type /XRef %s /Length %d >>\nstream\n%s\nendstream\nendobj\n", entries, len(data), data)
	fmt.Fprintf(&b, "startxref\n%d\n%%%%EOF\n", off)
	return b.Bytes()
}

// FlateBomb is a page whose content stream inflates to n bytes of
// operands ("1 " repeated) with no operator: Interpret would push them
// all on its stack.
func FlateBomb(n int) []byte {
	z := Flate(bytes.Repeat([]byte("1 "), n/2))
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
		font,
		Stream("/Filter /FlateDecode", z),
	}
	return PDF(objs...)
}

// FormFanOut is a page drawing a form XObject that draws itself ten
// times: 10^depth forms with any depth bound.
func FormFanOut() []byte {
	self := strings.Repeat("q /X6 Do Q ", 10) + "BT /F1 10 Tf 100 700 Td (x) Tj ET"
	form := Stream("/Type /XObject /Subtype /Form /BBox [0 0 600 800] /Resources << /Font << /F1 4 0 R >> /XObject << /X6 6 0 R >> >>", []byte(self))
	return Page("/X6 Do", form)
}
