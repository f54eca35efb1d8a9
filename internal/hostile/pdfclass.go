package hostile

import (
	"fmt"
	"io"
	"strings"
)

// The PDF reproducer classes beyond pdf.go's: bombs too big to hold,
// cycles, loops, lying lengths and CMaps, encryption and damage.

// Catalog, page tree and font objects (1–4) of the one-page files; the
// content is object 5.
var onePage = []string{
	"<< /Type /Catalog /Pages 2 0 R >>",
	"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
	"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
	font,
}

// SampleContent is a content stream drawing the sample report's lines
// (in WinAnsi, so without the Vietnamese marks) and its table as text.
func SampleContent() string {
	var b strings.Builder
	b.WriteString("BT /F1 12 Tf 50 750 Td 14 TL\n")
	for _, l := range samplePlain() {
		b.WriteString("(" + pdfString(l) + ") '\n")
	}
	b.WriteString("ET\n")
	return b.String()
}

// pdfString keeps the ASCII of s (the marks dropped) and escapes it for a
// literal string.
func pdfString(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '(' || r == ')' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\t':
			b.WriteString("    ")
		case r < 0x80:
			b.WriteRune(r)
		default:
			b.WriteByte('?')
		}
	}
	return b.String()
}

// SamplePDF is the sample report as a one-page PDF.
func SamplePDF() []byte { return Page(SampleContent()) }

// pdfStream writes a PDF whose objects are given, streaming; a body of
// nil is written as is, and the streams of bombs are written by their
// Deflated.
type pdfWriter struct {
	w    *countWriter
	offs []int64
	err  error
}

func (p *pdfWriter) printf(format string, a ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, a...)
	}
}

// obj writes an object and returns its number.
func (p *pdfWriter) obj(body string) int {
	p.offs = append(p.offs, p.w.n)
	p.printf("%d 0 obj\n%s\nendobj\n", len(p.offs), body)
	return len(p.offs)
}

// stream writes a stream object whose data d writes (zlib-wrapped,
// n bytes) under the filters named.
func (p *pdfWriter) stream(dict string, n int64, data func(io.Writer) error) int {
	p.offs = append(p.offs, p.w.n)
	p.printf("%d 0 obj\n<< %s /Length %d >>\nstream\n", len(p.offs), dict, n)
	if p.err == nil {
		p.err = data(p.w)
	}
	p.printf("\nendstream\nendobj\n")
	return len(p.offs)
}

func (p *pdfWriter) finish() error {
	x := p.w.n
	p.printf("xref\n0 %d\n0000000000 65535 f \n", len(p.offs)+1)
	for _, o := range p.offs {
		p.printf("%010d 00000 n \n", o)
	}
	p.printf("trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(p.offs)+1, x)
	return p.err
}

// BigFlateBomb writes a PDF of pages pages, each drawing the same
// content stream that inflates to chunk repeated n times; double wraps
// the stream in a second FlateDecode, so that gigabytes take a few
// hundred KB.
func BigFlateBomb(w io.Writer, chunk string, n, pages int, double bool) error {
	d := Repeat([]byte(chunk), n)
	p := &pdfWriter{w: &countWriter{w: w}}
	p.printf("%%PDF-1.7\n%%\xe2\xe3\xcf\xd3\n")
	p.obj("<< /Type /Catalog /Pages 2 0 R >>")
	kids := make([]string, pages)
	for i := range kids {
		kids[i] = fmt.Sprintf("%d 0 R", 5+i)
	}
	p.obj(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), pages))
	p.obj(font)
	if double {
		outer := Flate(d.Zlib())
		p.stream("/Filter [/FlateDecode /FlateDecode]", int64(len(outer)), func(w io.Writer) error {
			_, err := w.Write(outer)
			return err
		})
	} else {
		p.stream("/Filter /FlateDecode", d.ZlibLen(), d.WriteZlib)
	}
	for range pages {
		p.obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>")
	}
	return p.finish()
}

// PageTree is a file whose page tree node (object 2) is pages.
func PageTree(pages string, extra ...string) []byte {
	objs := append([]string{"<< /Type /Catalog /Pages 2 0 R >>", pages,
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
		font, Stream("", []byte(SampleContent()))}, extra...)
	return PDF(objs...)
}

// DeepPageTree is a chain of depth page-tree nodes, each the only kid
// of the one before, the last holding the page.
func DeepPageTree(depth int) []byte {
	objs := []string{"<< /Type /Catalog /Pages 6 0 R >>", "<< >>",
		fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 600 800] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>", 5+depth),
		font, Stream("", []byte(SampleContent()))}
	for i := range depth {
		kid := 7 + i
		if i == depth-1 {
			kid = 3
		}
		objs = append(objs, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 1 >>", kid))
	}
	return PDF(objs...)
}

// WithTrailer is a valid one-page file with the trailer dictionary's
// entries replaced by trailer (which must give /Root) and startxref by
// start when start >= 0.
func WithTrailer(content string, trailer string, start int) []byte {
	b := string(Page(content))
	i := strings.LastIndex(b, "trailer\n")
	j := strings.LastIndex(b, "startxref\n")
	x := b[j+len("startxref\n") : strings.LastIndex(b, "\n%%EOF")]
	if start >= 0 {
		x = fmt.Sprint(start)
	}
	return []byte(b[:i] + "trailer\n" + trailer + "\nstartxref\n" + x + "\n%%EOF\n")
}

// startXref is where the cross-reference table of Page(content) begins.
func startXref(content string) int {
	b := string(Page(content))
	return strings.LastIndex(b, "xref\n0 ")
}

// ToUnicodeFont is a page drawing (AB) with a Type0 font whose
// ToUnicode CMap is cmap: the 2^31-range CMaps.
func ToUnicodeFont(cmap string) []byte {
	return PDF(type0Page("BT /F1 12 Tf 50 700 Td <00410042> Tj ET", "/DW 500", cmap)...)
}

// type0Page are the objects of a page drawing content with /F1, a Type0
// font whose CID font has the widths given and whose ToUnicode CMap is
// cmap.
func type0Page(content, widths, cmap string) []string {
	return []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
		"<< /Type /Font /Subtype /Type0 /BaseFont /Arial /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
		Stream("", []byte(content)),
		"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Arial /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> " + widths + " >>",
		Stream("", []byte(cmap)),
	}
}

// CMap wraps body in a CMap program with a codespace of the given
// range.
func CMap(space, body string) string {
	return "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /H def\n1 begincodespacerange " +
		space + " endcodespacerange\n" + body + "\nendcmap CMapName currentdict /CMap defineresource pop end end"
}

// Encrypted is a one-page file whose trailer names a Standard security
// handler: the reader must say it is encrypted, not read ciphertext.
func Encrypted(v, r int) []byte {
	enc := fmt.Sprintf("<< /Filter /Standard /V %d /R %d /Length 128 /O <%s> /U <%s> /P -3904 >>", v, r,
		strings.Repeat("5a", 32), strings.Repeat("a5", 32))
	b := string(Page(SampleContent(), enc))
	i := strings.LastIndex(b, "trailer\n")
	return []byte(b[:i] + strings.Replace(b[i:], "/Root 1 0 R", "/Root 1 0 R /Encrypt 6 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]", 1))
}

// PrevLoop is a one-page file whose trailer's /Prev is its own
// cross-reference table: a reader following /Prev without memory loops.
func PrevLoop() []byte {
	content := SampleContent()
	return WithTrailer(content, fmt.Sprintf("<< /Size 6 /Root 1 0 R /Prev %d >>", startXref(content)), -1)
}
