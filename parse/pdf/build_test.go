package pdf

import (
	"bytes"
	"fmt"
	"strings"
)

// buildPDF writes a PDF file from object bodies: objs[i] becomes object
// i+1, and object 1 must be the catalog. A body may hold a stream written
// with stream(). The cross-reference table is computed, so the result is a
// well-formed file for every input.
func buildPDF(objs ...string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
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

// stream writes a stream object body with its Length.
func stream(dict, data string) string {
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

// widths500 is a /Widths array giving every code from 32 to 255 a width of
// 500 (half an em), so that positions in tests are easy to compute.
var widths500 = "[" + strings.Repeat("500 ", 224) + "]"

// simpleFont is a TrueType font dictionary named base with WinAnsi
// encoding and the widths above.
func simpleFont(base string) string {
	return "<< /Type /Font /Subtype /TrueType /BaseFont /" + base +
		" /FirstChar 32 /LastChar 255 /Widths " + widths500 + " /Encoding /WinAnsiEncoding >>"
}

// onePage builds a one-page file (A4-ish 600x800) drawing content with
// /F1 = font and optional extra objects (numbered from 5).
func onePage(font, content string, extra ...string) []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Resources << /Font << /F1 4 0 R >> " + xobjects(len(extra)) + " >> /Contents " + fmt.Sprint(5+len(extra)) + " 0 R >>",
		font,
	}
	objs = append(objs, extra...)
	objs = append(objs, stream("", content))
	return buildPDF(objs...)
}

// xobjects names the extra objects /X5, /X6 ... as XObjects.
func xobjects(n int) string {
	if n == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("/XObject <<")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, " /X%d %d 0 R", 5+i, 5+i)
	}
	b.WriteString(" >>")
	return b.String()
}
