package docx

import (
	"archive/zip"
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chiso/internal/doctest"
)

// FuzzRead checks that no input panics or hangs, and that what is read
// is a well-formed document. Read recovers from panics as a last
// defence, so a recovered one ("internal error") fails here too.
//
// Seeds are stored (uncompressed, no CRC) so that mutations reach the
// XML walker instead of stopping at the zip checksum, plus the real
// documents and the damaged ones.
func FuzzRead(f *testing.F) {
	for _, body := range fuzzBodies {
		f.Add(docx(f, body, part{"word/numbering.xml", testNumbering}, part{"word/styles.xml", testStyles}))
	}
	for _, name := range []string{"report.docx", "broken/bad_xml.docx", "broken/no_rels.docx", "broken/trunc_half.docx"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) { checkRead(t, b) })
}

// FuzzBody mutates the main part's XML only, inside a valid package with
// numbering and styles, which reaches the walker far more often than
// mutating zip bytes.
func FuzzBody(f *testing.F) {
	for _, body := range fuzzBodies {
		f.Add(body)
	}
	// The first table of a real document, with the properties Word
	// writes around the cells and a tracked change.
	zr, err := zip.OpenReader(filepath.Join("testdata", "report_wordlike.docx"))
	if err != nil {
		f.Fatal(err)
	}
	defer zr.Close()
	b, err := fs.ReadFile(zr, "word/document.xml")
	if err != nil {
		f.Fatal(err)
	}
	xml := string(b)
	start, end := strings.Index(xml, "<w:tbl>"), strings.Index(xml, "</w:tbl>")
	if start < 0 || end < start {
		f.Fatal("report_wordlike.docx: no table")
	}
	f.Add(xml[start : end+len("</w:tbl>")])
	f.Fuzz(func(t *testing.T, body string) {
		checkRead(t, docx(t, body, part{"word/numbering.xml", testNumbering}, part{"word/styles.xml", testStyles}))
	})
}

var fuzzBodies = []string{
	p(r("78,") + `<w:proofErr/>` + r("23 %")),
	p(field("PAGE", "3") + `<w:del><w:r><w:delText>x</w:delText></w:r></w:del><w:ins>` + r("y") + `</w:ins>`),
	tbl(
		tr(tcPr(`<w:vMerge w:val="restart"/>`, p(r("STT"))), tcPr(`<w:gridSpan w:val="2"/>`, p(r("Số liệu")))),
		`<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>`+tcPr(`<w:vMerge/>`, p(""))+tc(p(r("a")))+`</w:tr>`,
		tr(tcPr(`<w:hMerge w:val="restart"/>`, p(r("h"))), tcPr(`<w:hMerge/>`, tbl(tr(tc(p(r("lồng"))))))),
	),
	`<mc:AlternateContent><mc:Choice>` + p(r("c")) + `</mc:Choice><mc:Fallback>` + p(r("f")) + `</mc:Fallback></mc:AlternateContent>`,
	num(1, 0, "") + num(1, 1, "a") + num(5, 2, "b") + styled("ListSTT", "s"),
	p(font(".VnTime", "B¸o c¸o")+r(" và ")+font("VNI-Times", "Baùo caùo")) + tbl(tr(tc(p(font(".VnTimeH", "Cã"))))),
}

// checkRead fails on a recovered panic or a malformed document.
func checkRead(t *testing.T, b []byte) {
	d, err := Read(bytes.NewReader(b), int64(len(b)))
	doctest.Check(t, d, err)
}
