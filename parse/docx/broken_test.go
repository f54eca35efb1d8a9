package docx

import (
	"archive/zip"
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestBroken reads damaged packages: each must fail with an error that
// says what is wrong, and never panic.
func TestBroken(t *testing.T) {
	tests := []struct {
		file string
		want string
	}{
		{"broken/bad_xml.docx", "word/document.xml: XML syntax error on line 2: unexpected EOF"},
		{"broken/empty.docx", "empty file"},
		{"broken/not_zip.docx", "not a zip archive but an OLE compound file"},
		{"broken/trunc_half.docx", "truncated or damaged zip archive"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			d, err := readFile(t, tt.file)
			if err == nil {
				t.Fatalf("no error, %d blocks", len(d.Blocks))
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not say %q", err, tt.want)
			}
		})
	}
}

// deflated zips parts with compression, as Word does.
func deflated(t *testing.T, parts ...part) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(p.body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// lying zips a main part whose header claims size bytes.
func lying(t *testing.T, size uint64, body string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: zip.Store,
		CompressedSize64: uint64(len(body)), UncompressedSize64: size})
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte(body))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const laughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
`

func TestHostile(t *testing.T) {
	nested := strings.Repeat("<w:tbl><w:tr><w:tc>", 40) + p(r("đáy")) + strings.Repeat("</w:tc></w:tr></w:tbl>", 40)
	tests := []struct {
		name string
		doc  []byte
		want string
	}{
		{"zip bomb by ratio", deflated(t, part{"word/document.xml", document(strings.Repeat("<w:p/>", 1<<20))}),
			"zip bomb? word/document.xml expands"},
		{"zip bomb by size", lying(t, 1<<40, document(p(r("x")))), "zip bomb? word/document.xml expands to 1099511627776 bytes, over the 200 MB limit"},
		{"part longer than its header says", lying(t, 10, document(p(r("x")))), "word/document.xml: zip: not a valid zip file"},
		{"entity bomb", docx(t, "") /* replaced below */, "word/document.xml: line 7: a DOCX part may not declare a DOCTYPE"},
		{"undeclared entity", docx(t, p(r("&lol9;"))), "word/document.xml: XML syntax error on line 1: invalid character entity &lol9;"},
		{"no main part", pack(t, part{"docProps/app.xml", "<Properties/>"}), "no main document part"},
		{"relationship to a missing part", pack(t, part{"_rels/.rels", rels("word/gone.xml")}), "no main document part"},
		{"empty main part", pack(t, part{"word/document.xml", ""}), "word/document.xml: no XML element in the part"},
		{"main part cut short", pack(t, part{"word/document.xml", document(tbl(tr(tc(p(r("x"))))))[:200]}), "word/document.xml: XML syntax error on line 1: unexpected EOF"},
		{"mismatched tags", docx(t, "<w:p><w:r></w:p>"), "word/document.xml: XML syntax error on line 1: element <r> closed by </p>"},
		{"spreadsheet", pack(t, part{"_rels/.rels", rels("xl/workbook.xml")}, part{"xl/workbook.xml", `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>`}),
			"xl/workbook.xml: line 1: root element is <workbook> (http://schemas.openxmlformats.org/spreadsheetml/2006/main), not a Word document's w:document"},
		{"tables nested too deep", docx(t, nested), "tables nested deeper than 32"},
	}
	tests[3].doc = pack(t, part{"word/document.xml", laughs + document(p(r("&lol9;")))})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := read(t, tt.doc)
			if err == nil {
				t.Fatalf("no error, blocks %q", render(d))
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not say %q", err, tt.want)
			}
		})
	}
}

// TestTolerated reads packages with damage Word tolerates or that costs
// only part of the content.
func TestTolerated(t *testing.T) {
	tests := []struct {
		name    string
		doc     []byte
		want    []string
		warning string
	}{
		{"entity bomb in numbering.xml",
			docx(t, num(1, 0, "x"), part{"word/numbering.xml", laughs + numberingPart(`<w:abstractNum w:abstractNumId="1">&lol9;</w:abstractNum>`)}),
			[]string{"p: x"}, "automatic numbering not shown: word/numbering.xml:"},
		{"field never closed",
			docx(t, p(r("a")+`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>`)+p(r("b"))),
			[]string{"p: a"}, "field code is never closed"},
		{"deeply nested containers", docx(t, strings.Repeat("<w:customXml>", 5000)+p(r("sâu"))+strings.Repeat("</w:customXml>", 5000)),
			[]string{"p: sâu"}, ""},
		{"imported HTML", docx(t, p(r("vỏ"))+`<w:altChunk r:id="htmlChunk" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>`),
			[]string{"p: vỏ"}, "w:altChunk, often HTML) is not read"},
		{"stray cell outside a row", docx(t, "<w:tbl>"+tc(p(r("lẻ")))+"</w:tbl>"), []string{"t: lẻ"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := read(t, tt.doc)
			if err != nil {
				t.Fatal(err)
			}
			if got := render(d); strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			w := strings.Join(d.Warnings, "\n")
			if tt.warning == "" && w != "" || !strings.Contains(w, tt.warning) {
				t.Errorf("warnings %q, want %q", d.Warnings, tt.warning)
			}
		})
	}
}

// TestRandomBytes feeds random data, bare and behind a zip signature.
func TestRandomBytes(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 200 {
		b := make([]byte, rng.IntN(4096))
		for j := range b {
			b[j] = byte(rng.Uint32())
		}
		if i%2 == 1 && len(b) >= 4 {
			copy(b, "PK\x03\x04")
		}
		if _, err := read(t, b); err == nil {
			t.Errorf("random input %d (%d bytes): no error", i, len(b))
		}
	}
}
