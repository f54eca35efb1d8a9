package docx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chiso/doc"
)

// The helpers build small DOCX packages from handwritten XML, for the
// features the real test documents do not contain.

const wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
	`xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
	`xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ` +
	`xmlns:v="urn:schemas-microsoft-com:vml"`

// document wraps body XML in a w:document.
func document(body string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:document ` + wordNS + `><w:body>` + body + `</w:body></w:document>`
}

// numberingPart wraps abstractNum and num definitions in w:numbering.
func numberingPart(defs string) string {
	return `<?xml version="1.0" encoding="UTF-8"?><w:numbering ` + wordNS + `>` + defs + `</w:numbering>`
}

func stylesPart(styles string) string {
	return `<?xml version="1.0" encoding="UTF-8"?><w:styles ` + wordNS + `>` + styles + `</w:styles>`
}

const contentTypes = `<?xml version="1.0" encoding="UTF-8"?>` +
	`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`</Types>`

func rels(target string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>` +
		`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="` + target + `"/>` +
		`</Relationships>`
}

// part is one zip entry; parts are written in order.
type part struct{ name, body string }

// pack zips parts. Parts are stored uncompressed with no CRC (archive/zip
// then skips the check), so that fuzzing mutates the XML itself.
func pack(t testing.TB, parts ...part) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.CreateRaw(&zip.FileHeader{
			Name: p.name, Method: zip.Store,
			CompressedSize64: uint64(len(p.body)), UncompressedSize64: uint64(len(p.body)),
		})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(p.body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// docx packs a minimal package around a body, with optional extra parts
// (numbering, styles) placed in word/.
func docx(t testing.TB, body string, extra ...part) []byte {
	t.Helper()
	parts := []part{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", rels("word/document.xml")},
		{"word/document.xml", document(body)},
	}
	return pack(t, append(parts, extra...)...)
}

func read(t testing.TB, b []byte) (*doc.Document, error) {
	t.Helper()
	return Read(bytes.NewReader(b), int64(len(b)))
}

func readFile(t testing.TB, name string) (*doc.Document, error) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return read(t, b)
}

// render writes blocks compactly for comparison: "p: text" for a
// paragraph and "t: a | b{c2} / c{r2}" for a table, with spans above 1
// after the cell text.
func render(d *doc.Document) []string {
	var out []string
	for i, b := range d.Blocks {
		if b.Index != i || b.Page != 0 {
			out = append(out, fmt.Sprintf("bad block position: index %d page %d at %d", b.Index, b.Page, i))
		}
		if b.Kind == doc.Paragraph {
			out = append(out, "p: "+b.Text)
			continue
		}
		var rows []string
		for _, row := range b.Table.Rows {
			var cells []string
			for _, c := range row {
				s := c.Text
				if c.RowSpan > 1 {
					s += fmt.Sprintf("{r%d}", c.RowSpan)
				}
				if c.ColSpan > 1 {
					s += fmt.Sprintf("{c%d}", c.ColSpan)
				}
				cells = append(cells, s)
			}
			rows = append(rows, strings.Join(cells, " | "))
		}
		out = append(out, "t: "+strings.Join(rows, " / "))
	}
	return out
}
