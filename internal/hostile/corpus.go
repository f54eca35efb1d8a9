package hostile

import (
	"bytes"
	"fmt"
	"io"
	"strings"
)

// Corpus returns the hostile corpus: every reproducer class of chiso's
// issue on hostile files, with variants, the valid sample of each format,
// and seeded mutations of the samples (125 a format). The same seed gives
// the same files. The big classes (bombs inflating to gigabytes, a
// 200 MB line, files over the size limit) are written by File.Body or
// padded to File.Size, so the corpus itself holds a few tens of MB.
func Corpus(seed int64) []File {
	var c corpusBuilder
	c.pdfXref()
	c.flateBombs()
	c.formFanOut()
	c.htmlTables()
	c.manyLines()
	c.hugeLines()
	c.oversize()
	c.pdfDamaged()
	c.truncated()
	c.bareEOF()
	c.zipBombs()
	c.nested()
	c.pdfCycles()
	c.pdfLength()
	c.cmaps()
	c.cfbDamage()
	c.rtfDeep()
	c.imageBombs()
	c.encrypted()
	for _, f := range Formats {
		c.add("valid-"+f.Name, f.Ext, f.Make())
	}
	return append(c.files, Mutations(seed, 125)...)
}

// Small is the part of Corpus(seed) an in-process test can afford: the
// classes that are not Big, and perFormat mutations of each format.
func Small(seed int64, perFormat int) []File {
	var c corpusBuilder
	c.pdfXref()
	c.formFanOut()
	c.pdfDamaged()
	c.truncated()
	c.bareEOF()
	c.pdfCycles()
	c.pdfLength()
	c.cmaps()
	c.cfbDamage()
	c.encrypted()
	var out []File
	for _, f := range c.files {
		if !f.Big() && len(f.Data) <= 1<<20 {
			out = append(out, f)
		}
	}
	return append(out, Mutations(seed, perFormat)...)
}

type corpusBuilder struct {
	files []File
	n     map[string]int
}

func (c *corpusBuilder) name(class, ext string) string {
	if c.n == nil {
		c.n = map[string]int{}
	}
	c.n[class]++
	return fmt.Sprintf("%s/%04d%s", class, c.n[class]-1, ext)
}

func (c *corpusBuilder) add(class, ext string, data []byte) {
	c.files = append(c.files, File{Name: c.name(class, ext), Class: class, Data: data})
}

func (c *corpusBuilder) body(class, ext string, body func(io.Writer) error) {
	c.files = append(c.files, File{Name: c.name(class, ext), Class: class, Body: body})
}

// pdfXref: cross-reference sections whose numbers size the table, in
// the classic table, the trailer and an xref stream (issue class 1).
func (c *corpusBuilder) pdfXref() {
	const k = "pdf-xref-huge"
	c.add(k, ".pdf", XrefHuge())
	c.add(k, ".pdf", []byte("%PDF-1.7\nxref\n0 2147483647\n0000000000 65535 f \ntrailer<</Size 5>>\nstartxref\n9\n%%EOF\n"))
	c.add(k, ".pdf", []byte("%PDF-1.7\nxref\n4294967295 1\n0000000000 65535 f \ntrailer<</Size 4294967296>>\nstartxref\n9\n%%EOF\n"))
	c.add(k, ".pdf", []byte("%PDF-1.7\nxref\n-5 5\n0000000000 65535 f \ntrailer<</Size -1>>\nstartxref\n9\n%%EOF\n"))
	c.add(k, ".pdf", WithTrailer(SampleContent(), "<< /Size 2147483647 /Root 1 0 R >>", -1))
	c.add(k, ".pdf", WithTrailer(SampleContent(), "<< /Size 1099511627776 /Root 1 0 R >>", -1))
	entry := []byte("\x01\x00\x0a\x00")
	for _, e := range []string{
		"/Size 2147483647 /W [1 2 1]",
		"/Size 6 /Index [2147483647 5] /W [1 2 1]",
		"/Size 2147483647 /Index [0 2147483647] /W [1 2 1]",
		"/Size 10 /Index [0 5 2147483640 5] /W [1 2 1]",
		"/Size 1 /W [1 1099511627776 1]",
		"/Size 5 /W [4294967295 4294967295 4294967295]",
		"/Size 5 /W [-1 2 1]",
		"/Size 5 /Index [0 -5] /W [1 2 1]",
	} {
		c.add(k, ".pdf", XrefStream(e, bytes.Repeat(entry, 5)))
	}
}

// flateBombs: content streams inflating to 512 MB–5 GB, single and
// double deflated, drawn once or by many pages (issue class 2), and an
// image XObject bomb for the scan path.
func (c *corpusBuilder) flateBombs() {
	const k = "flate-bomb"
	ops := strings.Repeat("1 ", 1<<19)                                          // 1 MB of operands without an operator
	text := strings.Repeat("BT /F1 10 Tf 50 700 Td (Chi so) Tj ET\n", 1<<20/38) // text drawn over and over
	space := strings.Repeat(" ", 1<<20)
	for _, b := range []struct {
		chunk  string
		mb     int
		pages  int
		double bool
	}{
		{ops, 512, 1, false},
		{ops, 1024, 1, false},
		{space, 2048, 1, false},
		{ops, 5120, 1, true},
		{text, 512, 1, false},
		{text, 1024, 1, true},
		{space, 5120, 1, true},
		{text, 64, 100, false}, // one 64 MB stream drawn by 100 pages
	} {
		c.body(k, ".pdf", func(w io.Writer) error { return BigFlateBomb(w, b.chunk, b.mb, b.pages, b.double) })
	}
	c.add(k, ".pdf", FlateBomb(64<<20))
	// An image XObject of 8900×8900 16-bit RGB samples (475 MB) on a page
	// without text: the scan path decodes it.
	img := Repeat(make([]byte, 8900*6), 8900)
	c.body(k, ".pdf", func(w io.Writer) error {
		return writePDF(w, []string{
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
			"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>",
			Stream("", []byte("q 600 0 0 800 0 0 cm /Im1 Do Q")),
			Stream("/Type /XObject /Subtype /Image /Width 8900 /Height 8900 /BitsPerComponent 16 /ColorSpace /DeviceRGB /Filter /FlateDecode", img.Zlib()),
		})
	})
	c.add(k, ".pdf", Page("q 600 0 0 800 0 0 cm /X6 Do Q",
		Stream("/Type /XObject /Subtype /Image /Width 100000 /Height 100000 /BitsPerComponent 8 /ColorSpace /DeviceGray /Filter /FlateDecode", Flate(make([]byte, 1<<16)))))
	c.add(k, ".pdf", Page("BI /W 100000 /H 100000 /BPC 8 /CS /G ID "+strings.Repeat("\x00", 100)+" EI"))
}

// writePDF writes PDF(objs...) to w.
func writePDF(w io.Writer, objs []string) error {
	_, err := w.Write(PDF(objs...))
	return err
}

// formFanOut: forms drawing themselves (issue class 3), in chains and
// cycles.
func (c *corpusBuilder) formFanOut() {
	const k = "form-fanout"
	c.add(k, ".pdf", FormFanOut())
	form := func(body string, res string) string {
		return Stream("/Type /XObject /Subtype /Form /BBox [0 0 600 800] /Resources << /Font << /F1 4 0 R >> /XObject << "+res+" >> >>", []byte(body))
	}
	// A hundred copies a level.
	c.add(k, ".pdf", Page("/X6 Do", form(strings.Repeat("q /X6 Do Q ", 100)+"BT /F1 10 Tf (x) Tj ET", "/X6 6 0 R")))
	// A and B draw each other.
	c.add(k, ".pdf", Page("/X6 Do", form("/X7 Do /X7 Do", "/X7 7 0 R"), form("/X6 Do /X6 Do", "/X6 6 0 R")))
	// A chain 2,000 forms deep.
	var chain []string
	for i := range 2000 {
		chain = append(chain, form(fmt.Sprintf("BT /F1 10 Tf (%d) Tj ET /X%d Do", i, 7+i), fmt.Sprintf("/X%d %d 0 R", 7+i, 7+i)))
	}
	c.add(k, ".pdf", Page("/X6 Do", chain...))
	// Ten forms, each drawing the next ten times: 10^10 draws.
	var tens []string
	for i := range 10 {
		tens = append(tens, form(strings.Repeat(fmt.Sprintf("/X%d Do ", 7+i), 10)+"BT /F1 10 Tf (y) Tj ET", fmt.Sprintf("/X%d %d 0 R", 7+i, 7+i)))
	}
	c.add(k, ".pdf", Page("/X6 Do", tens...))
	// A pattern whose cell draws the page's form, which paints the pattern.
	c.add(k, ".pdf", Page("/X6 Do", form("/Pattern cs /P1 scn 0 0 600 800 re f", "/X6 6 0 R >> /Pattern << /P1 7 0 R"),
		Stream("/Type /Pattern /PatternType 1 /PaintType 1 /TilingType 1 /BBox [0 0 10 10] /XStep 10 /YStep 10 /Resources << /XObject << /X6 6 0 R >> >>", []byte("/X6 Do"))))
}

// htmlTables: rowspans and colspans that size a grid (issue class 4).
func (c *corpusBuilder) htmlTables() {
	const k = "html-rowspan"
	for _, t := range []struct {
		rows, cols, span int
		diag             bool
	}{
		{1000, 1000, 65534, true},
		{1, 1000, 65534, false},
		{200, 1000, 65534, true},
		{5000, 3, 65534, true},
	} {
		c.body(k, ".html", func(w io.Writer) error { _, err := w.Write(RowspanTable(t.rows, t.cols, t.span, t.diag)); return err })
	}
	row := func(cell string, n int) string { return "<tr>" + strings.Repeat(cell, n) + "</tr>\n" }
	c.add(k, ".html", []byte("<table>"+row(`<td colspan="65534">x</td>`, 1000)+"</table>"))
	c.add(k, ".html", []byte("<table>"+strings.Repeat(row(`<td rowspan="0" colspan="0">x</td>`, 100), 100)+"</table>"))
	c.add(k, ".html", []byte("<table>"+strings.Repeat(row(`<td rowspan="-1" colspan="2147483647">x</td>`, 10), 10)+"</table>"))
	c.add(k, ".html", []byte("<table>"+strings.Repeat(row(`<td rowspan="99999999999999999999">x</td>`, 50), 50)+"</table>"))
	c.add(k, ".html", []byte("<table>"+row(`<td colspan="1000" rowspan="1000">x</td>`, 1000)+"</table>"))
}

// manyLines: 10 MB of text in 5 million lines, as text, Markdown, HTML
// and a tab table (issue class 4).
func (c *corpusBuilder) manyLines() {
	const k = "many-lines"
	const n = 5_000_000
	c.body(k, ".txt", repeatBody("", "1\n", n, ""))
	c.body(k, ".md", repeatBody("", "|\n", n, ""))
	c.body(k, ".html", repeatBody("<html><body><pre>", "1\n", n, "</pre></body></html>"))
	c.body(k, ".html", repeatBody("<html><body>", "<p>", n, "</body></html>"))
	c.body(k, ".txt", repeatBody("", "1\t2\n", n, ""))
	c.body(k, ".md", repeatBody("| a | b |\n|---|---|\n", "| 1 | 2 |\n", n/2, ""))
}

// hugeLines: a 200 MB file of one line (issue class 5).
func (c *corpusBuilder) hugeLines() {
	const k = "huge-line"
	c.body(k, ".txt", repeatBody("", "a", 200<<20, ""))
	c.body(k, ".txt", repeatBody("", "Chỉ tiêu 12,5 ", 200<<20/len("Chỉ tiêu 12,5 "), ""))
}

// oversize: files over the 256 MB limit, which must be refused from
// their size before they are read (issue class 5); holes, so they cost
// no disk.
func (c *corpusBuilder) oversize() {
	const k = "oversize"
	for _, f := range []struct {
		ext  string
		head []byte
		size int64
	}{
		{".txt", []byte("Chỉ tiêu\n"), 300 << 20},
		{".pdf", SamplePDF(), 256<<20 + 1},
		{".docx", Docx(), 1 << 30},
		{".html", HTML(), 300 << 20},
	} {
		c.files = append(c.files, File{Name: c.name(k, f.ext), Class: k, Data: f.head, Size: f.size})
	}
}

// pdfDamaged: files with text whose structure is damaged, which a
// repairing reader can still read (issue class 8).
func (c *corpusBuilder) pdfDamaged() {
	const k = "pdf-damaged"
	good := string(SamplePDF())
	x := strings.LastIndex(good, "xref\n0 ")
	sx := strings.LastIndex(good, "startxref")
	shifted := regexpReplace(good[x:sx], `(\d{10}) 00000 n`, func(s string) string {
		var off int
		fmt.Sscanf(s, "%d", &off)
		return fmt.Sprintf("%010d 00000 n", off+7)
	})
	for _, b := range []string{
		good[:x] + shifted + good[sx:], // offsets 7 bytes off
		good[:x],                       // no xref, trailer or startxref
		good[:x] + "trailer\n<< /Root 1 0 R >>\n%%EOF\n",         // trailer without xref
		strings.Repeat("garbage ", 128) + "\n" + good,            // junk before the header
		good[:sx] + "startxref\n999999999\n%%EOF\n",              // startxref past the end
		good[:sx] + "startxref\n-1\n%%EOF\n",                     // negative startxref
		strings.ReplaceAll(good, "endobj", ""),                   // no endobj
		strings.ReplaceAll(good, "endstream", ""),                // no endstream
		strings.Replace(good, "/Root 1 0 R", "/Root 99 0 R", 1),  // root missing
		strings.Replace(good, "/Root 1 0 R", "", 1),              // no root
		strings.Replace(good, "/Pages 2 0 R", "/Pages 3 0 R", 1), // the page as the tree
		strings.ReplaceAll(good, "\n", "\r"),                     // old Mac line ends
		strings.Replace(good, "%PDF-1.7", "%PDF-9.9", 1),
		good + good, // two files end to end
		good[:x] + regexpReplace(good[x:sx], `\d{10} 00000 n`, func(string) string { return "0000000000 00000 n" }) + good[sx:],
	} {
		c.add(k, ".pdf", []byte(b))
	}
}

// truncated: each sample cut at ten points (issue class 8).
func (c *corpusBuilder) truncated() {
	for _, f := range Formats {
		b := f.Make()
		for _, at := range []int{1, 2, 4, 8, 16, 100, len(b) / 4, len(b) / 2, 3 * len(b) / 4, len(b) - 1} {
			if at > 0 && at < len(b) {
				c.add("truncated", f.Ext, b[:at])
			}
		}
	}
}

// bareEOF: empty files and files that end right after their magic
// number (issue class 8).
func (c *corpusBuilder) bareEOF() {
	const k = "bare-eof"
	for _, f := range Formats {
		c.add(k, f.Ext, nil)
	}
	for _, s := range []string{"%PDF-", "%PDF-1.7\n", "%PDF-1.7\n%%EOF\n", "%PDF-1.7\nstartxref\n0\n%%EOF",
		"PK\x03\x04", "PK\x05\x06" + strings.Repeat("\x00", 18), "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
		"{\\rtf", "{\\rtf1", "\x89PNG\r\n\x1a\n", "\xFF\xD8\xFF", "\xFF\xD8\xFF\xE0", "II*\x00", "MM\x00*", "II*\x00\x08\x00\x00\x00",
		"<html>", "<table>", "<!--", "<table><tr><td rowspan=", "\xEF\xBB\xBF", "\xFF\xFE", "\xFE\xFF\x00"} {
		ext := ".bin"
		switch {
		case strings.HasPrefix(s, "%PDF"):
			ext = ".pdf"
		case strings.HasPrefix(s, "PK"):
			ext = ".docx"
		case strings.HasPrefix(s, "\xD0"):
			ext = ".doc"
		case strings.HasPrefix(s, "{"):
			ext = ".rtf"
		case strings.HasPrefix(s, "<"):
			ext = ".html"
		case strings.HasPrefix(s, "\x89"):
			ext = ".png"
		case strings.HasPrefix(s, "\xFF\xD8"):
			ext = ".jpg"
		case strings.HasPrefix(s, "II"), strings.HasPrefix(s, "MM"):
			ext = ".tif"
		default:
			ext = ".txt"
		}
		c.add(k, ext, []byte(s))
	}
}

// zipBombs: parts inflating to gigabytes, honestly declared or not, and
// packages of many parts.
func (c *corpusBuilder) zipBombs() {
	const k = "zip-bomb"
	para := []byte(`<w:p><w:r><w:t>Chỉ tiêu 1</w:t></w:r></w:p>`)
	per := (1 << 20) / len(para)
	mb := func(chunk []byte, mb int) int { return mb << 20 / len(chunk) }
	spaces := bytes.Repeat([]byte(" "), 1<<20)
	row := []byte(`<row><c t="inlineStr"><is><t>x</t></is></c></row>`)
	odfP := []byte(`<text:p>Chỉ tiêu</text:p>`)
	_ = per
	bombs := []struct {
		ext   string
		parts []Part
		bomb  BombPart
	}{
		{".docx", DocxParts(""), BombPart{"word/document.xml", Framed([]byte(DocxHead), para, mb(para, 1024), []byte(DocxTail)), 0}},
		{".docx", DocxParts(""), BombPart{"word/document.xml", Framed([]byte(DocxHead), spaces, 4096, []byte(DocxTail)), 1024}},
		{".docx", DocxParts(wPara("x")), BombPart{"word/styles.xml", Framed([]byte(xmlDecl+`<w:styles xmlns:w="`+nsW+`">`), spaces, 2048, []byte(`</w:styles>`)), 0}},
		{".xlsx", XlsxParts("", nil), BombPart{"xl/worksheets/sheet1.xml", Framed([]byte(SheetHead), row, mb(row, 2048), []byte(SheetTail)), 0}},
		{".xlsx", XlsxParts("", nil), BombPart{"xl/worksheets/sheet1.xml", Framed([]byte(SheetHead), spaces, 4096, []byte(SheetTail)), 100}},
		{".xlsx", XlsxParts(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`, nil)[:4], BombPart{"xl/sharedStrings.xml", Framed([]byte(xmlDecl+`<sst xmlns="`+nsMain+`"><si><t>`), []byte("x"), 1<<30, []byte(`</t></si></sst>`)), 0}},
		{".odt", OdfParts("text", ""), BombPart{"content.xml", Framed([]byte(OdfHead("text")), odfP, mb(odfP, 1024), []byte(OdfTail("text"))), 0}},
		{".ods", OdfParts("spreadsheet", ""), BombPart{"content.xml", Framed([]byte(OdfHead("spreadsheet")+`<table:table>`), []byte(`<table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="16384"><text:p>1</text:p></table:table-cell></table:table-row>`), 1000, []byte(`</table:table>`+OdfTail("spreadsheet"))), 0}},
		{".ods", OdfParts("spreadsheet", ""), BombPart{"content.xml", Framed([]byte(OdfHead("spreadsheet")), spaces, 3072, []byte(OdfTail("spreadsheet"))), 0}},
	}
	for _, b := range bombs {
		c.body(k, b.ext, func(w io.Writer) error { return ZipBomb(w, b.parts, []BombPart{b.bomb}) })
	}
	// Ten thousand parts of 1 MB each.
	c.body(k, ".docx", func(w io.Writer) error {
		d := Repeat(spaces[:1024], 1024)
		many := make([]BombPart, 10000)
		for i := range many {
			many[i] = BombPart{fmt.Sprintf("word/media/p%05d.xml", i), d, 0}
		}
		return ZipBomb(w, DocxParts(wPara("x")), many)
	})
}

// nested: a million levels of tags, groups and arrays.
func (c *corpusBuilder) nested() {
	const k = "nested"
	const n = 1_000_000
	c.add(k, ".html", Nested("<html><body>", "<div>", n, "</div>", "</body></html>"))
	c.add(k, ".html", Nested("<html><body>", "<table><tr><td>", n/3, "</td></tr></table>", "</body></html>"))
	c.add(k, ".html", Nested("<html><body>", "<b>", n, "", "</body></html>"))
	c.add(k, ".docx", Zip(DocxParts(string(Nested("", "<w:tbl><w:tr><w:tc>", n/3, "</w:tc></w:tr></w:tbl>", "")))...))
	c.add(k, ".docx", Zip(DocxParts(string(Nested("", "<w:x>", n, "</w:x>", "")))...))
	c.add(k, ".docx", Zip(DocxParts(string(Nested("<w:p>", "<w:r>", n, "</w:r>", "</w:p>")))...))
	c.add(k, ".xlsx", Zip(XlsxParts(string(Nested(`<row r="1">`, "<c>", n, "</c>", "</row>")), nil)...))
	c.add(k, ".odt", Zip(OdfParts("text", string(Nested("", "<table:table><table:table-row><table:table-cell>", n/3, "</table:table-cell></table:table-row></table:table>", "")))...))
	c.add(k, ".odt", Zip(OdfParts("text", string(Nested("", "<text:list><text:list-item>", n/2, "</text:list-item></text:list>", "")))...))
	c.add(k, ".ods", Zip(OdfParts("spreadsheet", string(Nested("", "<text:span>", n, "</text:span>", "")))...))
	c.add(k, ".rtf", Nested("{\\rtf1 ", "{", n, "}", "}"))
	c.add(k, ".pdf", Page("BT /F1 10 Tf "+string(Nested("", "[", n, "]", ""))+" TJ ET"))
	c.add(k, ".pdf", PDF("<< /Type /Catalog /Pages 2 0 R /X "+string(Nested("", "<< /A ", n/10, ">>", ""))+" >>", "<< /Type /Pages /Kids [] /Count 0 >>"))
	c.add(k, ".pdf", Page("q", string(Nested("", "[", n, "]", ""))))
	c.add(k, ".md", Nested("", "> ", n, "", "x\n"))
	c.add(k, ".md", Nested("", "- ", n/2, "", "x\n"))
}

// pdfCycles: page trees that loop, point to themselves, or lie about
// their count.
func (c *corpusBuilder) pdfCycles() {
	const k = "pdf-page-tree"
	c.add(k, ".pdf", PageTree("<< /Type /Pages /Kids [2 0 R] /Count 1 >>"))
	c.add(k, ".pdf", PageTree("<< /Type /Pages /Kids [6 0 R 3 0 R] /Count 2 >>", "<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>"))
	c.add(k, ".pdf", PageTree("<< /Type /Pages /Kids [3 0 R] /Count 2147483647 >>"))
	c.add(k, ".pdf", PageTree("<< /Type /Pages /Kids [3 0 R] /Count -1 >>"))
	c.add(k, ".pdf", PageTree("<< /Type /Pages /Kids ["+strings.Repeat("3 0 R ", 100000)+"] /Count 100000 >>"))
	c.add(k, ".pdf", PageTree("<< /Type /Pages /Kids [1 0 R 3 0 R] /Count 2 >>"))
	c.add(k, ".pdf", PageTree("<< /Type /Pages /Kids 3 0 R /Count 1 >>"))
	c.add(k, ".pdf", PDF("<< /Type /Catalog /Pages 1 0 R >>"))
	c.add(k, ".pdf", DeepPageTree(10000))
	c.add(k, ".pdf", DeepPageTree(200))
	c.add(k, ".pdf", PageTree("<< /Type /Pages /Kids [6 0 R] /Count 1 >>", "<< /Type /Pages /Kids [7 0 R] /Parent 2 0 R >>", "<< /Type /Pages /Kids [6 0 R] /Parent 6 0 R >>"))
	const x = "pdf-xref-loop"
	content := SampleContent()
	sx := startXref(content)
	c.add(x, ".pdf", WithTrailer(content, fmt.Sprintf("<< /Size 6 /Root 1 0 R /Prev %d >>", sx), -1))
	c.add(x, ".pdf", WithTrailer(content, fmt.Sprintf("<< /Size 6 /Root 1 0 R /XRefStm %d >>", sx), -1))
	c.add(x, ".pdf", WithTrailer(content, "<< /Size 6 /Root 1 0 R /Prev 0 >>", -1))
	c.add(x, ".pdf", WithTrailer(content, "<< /Size 6 /Root 1 0 R /Prev -1 >>", -1))
	c.add(x, ".pdf", WithTrailer(content, "<< /Size 6 /Root 1 0 R /Prev 2147483647 >>", -1))
	// Two xref sections, each the other's /Prev.
	b := string(Page(content))
	first := strings.LastIndex(b, "xref\n0 ")
	table := b[first:strings.LastIndex(b, "trailer\n")]
	second := len(b)
	b += table + fmt.Sprintf("trailer\n<< /Size 6 /Root 1 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n", first, second)
	b = strings.Replace(b, "trailer\n<< /Size 6 /Root 1 0 R >>", fmt.Sprintf("trailer\n<< /Size 6 /Root 1 0 R /Prev %d >>", second), 1)
	c.add(x, ".pdf", []byte(b))
	// An xref stream whose /Prev is itself.
	c.add(x, ".pdf", XrefStream("/Size 2 /W [1 2 1] /Prev 9 /Root 1 0 R", []byte("\x01\x00\x09\x00\x01\x00\x09\x00")))
}

// pdfLength: stream lengths that lie.
func (c *corpusBuilder) pdfLength() {
	const k = "pdf-length"
	content := SampleContent()
	for _, l := range []string{"1099511627776", "-1", "2147483647", "5 0 R", "99 0 R", "0", "1e308", "4294967296"} {
		c.add(k, ".pdf", []byte(strings.Replace(string(Page(content)), fmt.Sprintf("/Length %d", len(content)), "/Length "+l, 1)))
	}
	c.add(k, ".pdf", Page(content, Stream("/Filter /FlateDecode /DL 1099511627776", Flate([]byte("x")))))
}

// cmaps: ToUnicode CMaps over 2^31 codes.
func (c *corpusBuilder) cmaps() {
	const k = "cmap-range"
	for _, cm := range []string{
		CMap("<00000000> <FFFFFFFF>", "1 beginbfrange <00000000> <7FFFFFFF> <0041> endbfrange"),
		CMap("<00000000> <FFFFFFFF>", "1 begincidrange <00000000> <7FFFFFFF> 0 endcidrange"),
		CMap("<0000> <FFFF>", "1 beginbfrange <0000> <FFFF> ["+strings.Repeat("<0041> ", 1000)+"] endbfrange"),
		CMap("<00000000> <FFFFFFFF>", "2147483647 beginbfchar <0041> <0042> endbfchar"),
		CMap("<0000> <FFFF>", "1 beginbfrange <0000> <FFFF> <"+strings.Repeat("00", 100000)+"> endbfrange"),
		CMap("<00> <FF> <0000> <FFFF> <000000> <FFFFFF> <00000000> <FFFFFFFF>", strings.Repeat("1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange\n", 100)),
		CMap("<0000> <FFFF>", "/Self usecmap 1 beginbfrange <0000> <FFFF> <0041> endbfrange"),
	} {
		c.add(k, ".pdf", ToUnicodeFont(cm))
	}
}

// cfbDamage: each compound-file damage on a .doc and on an .xls.
func (c *corpusBuilder) cfbDamage() {
	const k = "cfb-damage"
	for _, d := range CFBDamages {
		c.add(k, ".doc", DamagedCFB(d, docStreams(samplePlain(), docOptions{})...))
		c.add(k, ".xls", DamagedCFB(d, CFBStream{"Workbook", xlsStream(xlsOptions{})}))
	}
	// Damage inside the streams, in an intact container.
	c.add(k, ".doc", CFB(docStreams(samplePlain(), docOptions{ccpText: 0x7FFFFFFF})...))
	c.add(k, ".doc", CFB(docStreams(samplePlain(), docOptions{pieces: 5000})...))
	c.add(k, ".xls", CFB(CFBStream{"Workbook", xlsStream(xlsOptions{sstCount: 0x7FFFFFFF})}))
	c.add(k, ".xls", CFB(CFBStream{"Workbook", xlsStream(xlsOptions{sheetPos: 0x7FFFFFF0})}))
	c.add(k, ".xls", CFB(CFBStream{"Workbook", xlsStream(xlsOptions{sheetPos: 1})}))
}

// rtfDeep: groups, destinations and control words without end.
func (c *corpusBuilder) rtfDeep() {
	const k = "rtf-deep"
	c.add(k, ".rtf", Nested("{\\rtf1 ", "{", 1_000_000, "", ""))
	c.add(k, ".rtf", Nested("{\\rtf1 ", "{\\*\\x ", 200_000, "}", "}"))
	c.add(k, ".rtf", []byte("{\\rtf1 \\bin2147483647 abc}"))
	c.add(k, ".rtf", []byte("{\\rtf1 \\uc2147483647\\u-99999 x\\u2147483647 y}"))
	c.add(k, ".rtf", []byte("{\\rtf1 \\"+strings.Repeat("a", 1<<20)+" x}"))
	c.add(k, ".rtf", []byte("{\\rtf1 \\fs"+strings.Repeat("9", 1<<20)+" x}"))
	c.add(k, ".rtf", []byte("{\\rtf1 {\\fonttbl"+strings.Repeat("{\\f1 Arial;}", 100000)+"}x}"))
	c.add(k, ".rtf", []byte("{\\rtf1 \\trowd"+strings.Repeat("\\cellx100", 100000)+"\\pard\\intbl a\\cell\\row}"))
	c.add(k, ".rtf", []byte("{\\rtf1 "+strings.Repeat("\\trowd\\cellx100\\cellx200\\pard\\intbl a\\cell b\\cell\\row\n", 200000)+"}"))
	c.add(k, ".rtf", []byte("{\\rtf1 "+strings.Repeat("\\'ff\\'zz\\'", 100000)+"}"))
	c.add(k, ".rtf", []byte("{\\rtf1 \\trowd\\cellx2147483647\\cellx-2147483648\\pard\\intbl a\\cell\\row}"))
}

// imageBombs: images whose headers claim more pixels than any page, or
// just under the limit at 8 bytes a pixel.
func (c *corpusBuilder) imageBombs() {
	const k = "image-bomb"
	c.add(k, ".png", PNGBomb(100000, 100000, 8, 0, false))
	c.add(k, ".png", PNGBomb(8900, 8900, 16, 6, true))
	c.add(k, ".png", PNGBomb(8900, 8900, 8, 6, true))
	c.add(k, ".png", PNGBomb(8900, 8900, 8, 0, true))
	c.add(k, ".png", PNGBomb(8900, 8900, 16, 6, false))
	c.add(k, ".png", PNGBomb(1, 80<<20, 8, 0, true))
	c.add(k, ".png", PNGBomb(0x7FFFFFFF, 1, 8, 0, false))
	c.add(k, ".jpg", JPEGDims(65535, 65535))
	c.add(k, ".jpg", JPEGDims(8900, 8900))
	c.add(k, ".jpg", JPEGDims(65535, 1))
	c.add(k, ".tif", TIFFBomb(0x7FFFFFFF, 1, 1, 8, 1))
	c.add(k, ".tif", TIFFBomb(8900, 8900, 4, 16, 0))
	c.add(k, ".tif", TIFFBomb(8900, 8900, 1, 8, 0))
	c.add(k, ".tif", TIFFBomb(8900, 8900, 3, 8, 1))
}

// encrypted: password-protected PDF and Office files.
func (c *corpusBuilder) encrypted() {
	const k = "encrypted"
	for _, vr := range [][2]int{{1, 2}, {2, 3}, {4, 4}, {5, 6}, {99, 99}} {
		c.add(k, ".pdf", Encrypted(vr[0], vr[1]))
	}
	c.add(k, ".doc", CFB(docStreams(samplePlain(), docOptions{encrypted: true})...))
	c.add(k, ".xls", CFB(CFBStream{"Workbook", xlsStream(xlsOptions{encrypted: true})}))
	// An encrypted OOXML package is a compound file with these streams.
	ooxml := CFB(CFBStream{"EncryptionInfo", append([]byte{4, 0, 4, 0, 0x40, 0, 0, 0}, []byte("<encryption/>")...)},
		CFBStream{"EncryptedPackage", bytes.Repeat([]byte{0x5A}, 8192)})
	c.add(k, ".docx", ooxml)
	c.add(k, ".xlsx", ooxml)
	// An OpenDocument file whose content.xml the manifest says is encrypted.
	parts := OdfParts("text", "")
	parts[1].Body = strings.Replace(parts[1].Body, `manifest:media-type="text/xml"/>`,
		`manifest:media-type="text/xml"><manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="AAAA"><manifest:algorithm manifest:algorithm-name="Blowfish CFB" manifest:initialisation-vector="AAAA"/><manifest:key-derivation manifest:key-derivation-name="PBKDF2" manifest:iteration-count="1024" manifest:salt="AAAA"/></manifest:encryption-data></manifest:file-entry>`, 1)
	c.add(k, ".odt", Zip(append(parts, Part{"content.xml", string(bytes.Repeat([]byte{0xA5, 0x17}, 2000))})...))
}
