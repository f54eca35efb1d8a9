package html

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"

	"chiso/parse/doc"
	"chiso/parse/vntext"
)

// Read reads an HTML page into a document of paragraphs and tables. The
// bytes may be in any charset the page declares; see the package comment for
// how the charset is chosen.
func Read(r io.Reader) (*doc.Document, error) {
	data, err := readAll(r)
	if err != nil {
		return nil, fmt.Errorf("reading HTML: %w", err)
	}
	text, err := decode(data)
	if err != nil {
		return nil, err
	}
	var warnings []string
	page, err := goquery.NewDocumentFromReader(bytes.NewReader(text))
	if tooDeep(err) {
		warnings = append(warnings, "elements nested too deep for the HTML parser: the innermost were flattened")
		page, err = goquery.NewDocumentFromReader(bytes.NewReader(flatten(text)))
	}
	if err != nil {
		return nil, fmt.Errorf("parsing HTML: %w", err)
	}
	var w walker
	for _, n := range page.Selection.Nodes {
		w.document(n)
	}
	d := &doc.Document{Source: doc.Source{Format: doc.HTML}, Blocks: w.blocks, Warnings: warnings}
	for i := range d.Blocks {
		d.Blocks[i].Index = i
	}
	unlegacy(d)
	return d, nil
}

// sampleSize is how much text legacy detection looks at: a page is set in
// one font, and detection over all of a 21 MB page would cost more than
// reading it.
const sampleSize = 256 << 10

// unlegacy converts a page set in a TCVN3 (.VnTime) or VNI font, whose
// text the charset reading leaves as Latin-1 mojibake ("B¸o c¸o"), to
// Unicode, and says so in a warning.
func unlegacy(d *doc.Document) {
	var sample strings.Builder
	each(d, func(s *string) {
		if sample.Len() < sampleSize {
			sample.WriteString(*s)
			sample.WriteByte('\n')
		}
	})
	var from func(string) string
	switch vntext.DetectLegacy(sample.String()) {
	case vntext.TCVN3:
		from = vntext.FromTCVN3
		d.Warnings = append(d.Warnings, "text in TCVN3 (.VnTime) characters converted to Unicode")
	case vntext.VNI:
		from = vntext.FromVNI
		d.Warnings = append(d.Warnings, "text in VNI characters converted to Unicode")
	default:
		return
	}
	each(d, func(s *string) { *s = from(*s) })
}

// each calls f on the text of every paragraph and cell.
func each(d *doc.Document, f func(*string)) {
	for i := range d.Blocks {
		b := &d.Blocks[i]
		if b.Table == nil {
			f(&b.Text)
			continue
		}
		for _, row := range b.Table.Rows {
			for j := range row {
				f(&row[j].Text)
			}
		}
	}
}

// readAll is io.ReadAll that sizes its buffer once when r knows its length
// (bytes.Reader, strings.Reader, bytes.Buffer): on a 21 MB page the slack of
// a growing buffer is megabytes of peak memory.
func readAll(r io.Reader) ([]byte, error) {
	var buf bytes.Buffer
	if l, ok := r.(interface{ Len() int }); ok {
		buf.Grow(l.Len() + bytes.MinRead)
	}
	_, err := buf.ReadFrom(r)
	return buf.Bytes(), err
}

// decode returns the page as UTF-8.
func decode(data []byte) ([]byte, error) {
	// Bytes that are valid UTF-8 are read as UTF-8 whatever the page
	// says: a Vietnamese page whose bytes are all valid UTF-8 is almost
	// certainly UTF-8, and exports that declare windows-1258 while writing
	// UTF-8 are common. Pure ASCII reads the same either way.
	if utf8.Valid(data) {
		return bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), nil
	}
	enc := declared(data)
	if enc == nil {
		// Undeclared and not UTF-8: the Vietnamese Windows code page is
		// far more likely here than the HTML default windows-1252.
		enc = charmap.Windows1258
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, fmt.Errorf("decoding HTML: %w", err)
	}
	// The UTF-16 decoders leave the byte order mark in.
	return bytes.TrimPrefix(out, []byte("\xef\xbb\xbf")), nil
}

// declared returns the encoding named by a BOM or by a <meta> charset
// declaration in the first 1024 bytes (where HTML requires it), or nil.
func declared(data []byte) encoding.Encoding {
	head := data[:min(len(data), 1024)]
	enc, name, certain := charset.DetermineEncoding(head, "")
	if certain || bytes.Contains(bytes.ToLower(head), []byte("charset")) {
		if name == "utf-8" {
			// Declared UTF-8 but not valid UTF-8: the declaration is
			// wrong, so guess as for an undeclared page.
			return nil
		}
		return enc
	}
	return nil
}
