// Package odf reads OpenDocument files — text (.odt) and spreadsheets
// (.ods), as LibreOffice saves them — into the chiso document model.
//
// Both are a zip holding content.xml, read here with archive/zip and
// encoding/xml (no maintained Go library reads ODF): the package is
// checked against the limits of parse/docx (200 MB inflated, 100:1 for a
// part over 1 MB), and XML that declares a DOCTYPE is refused.
//
// In a text document, paragraphs and headings are blocks; tables keep
// their merged cells as spans (table:number-rows-spanned and
// -columns-spanned; table:covered-table-cell is the part a merge covers)
// and a table nested in a cell is flattened into the cell's text, one line
// per row with " | " between cells, as parse/docx does. A numbered list's
// labels ("1.", "a)") are written as the list style numbers them, so that
// an STT column numbered by the list keeps its numbers. Tracked deletions,
// notes and annotations are left out.
//
// In a spreadsheet each sheet is laid out by chiso/parse/sheet, with
// hidden rows and columns left out. A cell's text is what the sheet shows
// (its text:p), which the saving program wrote in its own locale; when
// that text reads as the cell's value in the en-US convention ("11,781"
// for 11781) its separators are swapped to the Vietnamese one ("11.781").
package odf

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"chiso/doc"
	"chiso/parse/internal/ziplimit"
)

// maxNesting caps nested tables and lists; zip bombs are refused by
// package ziplimit, as in parse/docx.
const maxNesting = 32

const (
	nsOffice = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
	nsText   = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
	nsTable  = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
	nsStyle  = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
	nsFO     = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
)

// Read reads an .odt or .ods of the given size; the mimetype part says
// which. Errors say what is wrong and where, but not the file's name.
func Read(r io.ReaderAt, size int64) (d *doc.Document, err error) {
	defer func() {
		if p := recover(); p != nil {
			d, err = nil, fmt.Errorf("internal error reading OpenDocument: %v", p)
		}
	}()
	p, err := open(r, size)
	if err != nil {
		return nil, err
	}
	mime := p.mimetype()
	var format doc.Format
	switch {
	case strings.HasPrefix(mime, "application/vnd.oasis.opendocument.text"):
		format = doc.ODT
	case strings.HasPrefix(mime, "application/vnd.oasis.opendocument.spreadsheet"):
		format = doc.ODS
	case mime == "":
		return nil, errors.New("no mimetype part: not an OpenDocument file")
	default:
		return nil, fmt.Errorf("mimetype %q is neither an OpenDocument text nor a spreadsheet", mime)
	}
	rc, err := p.open("content.xml")
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	dec := &decoder{d: xml.NewDecoder(rc), part: "content.xml"}
	dec.d.Strict = true
	d = &doc.Document{Source: doc.Source{Format: format}}
	if format == doc.ODT {
		err = readText(dec, d)
	} else {
		err = readSheets(dec, d)
	}
	if err != nil {
		return nil, err
	}
	for i := range d.Blocks {
		d.Blocks[i].Index = i
	}
	return d, nil
}

// pkg is an opened zip and what is left of its inflation budget.
type pkg struct {
	parts  map[string]*zip.File
	budget *ziplimit.Budget
}

func open(r io.ReaderAt, size int64) (*pkg, error) {
	if size <= 0 {
		return nil, errors.New("empty file")
	}
	zr, err := zip.NewReader(r, size)
	if err != nil && !(errors.Is(err, zip.ErrInsecurePath) && zr != nil) {
		return nil, fmt.Errorf("not a zip archive (an OpenDocument file is one): %w", err)
	}
	p := &pkg{parts: map[string]*zip.File{}, budget: ziplimit.New()}
	for _, f := range zr.File {
		if _, dup := p.parts[f.Name]; !dup {
			p.parts[f.Name] = f
		}
	}
	return p, nil
}

func (p *pkg) mimetype() string {
	rc, err := p.open("mimetype")
	if err != nil {
		return ""
	}
	defer rc.Close()
	b, _ := io.ReadAll(io.LimitReader(rc, 200))
	return strings.TrimSpace(string(b))
}

// open returns a part's content, counted against the budget.
func (p *pkg) open(name string) (io.ReadCloser, error) {
	f := p.parts[name]
	if f == nil {
		return nil, fmt.Errorf("%s: no such part", name)
	}
	return p.budget.Open(name, f)
}

// decoder reads tokens of one part, refusing a DOCTYPE and naming the part
// and line in errors.
type decoder struct {
	d    *xml.Decoder
	part string
}

func (d *decoder) token() (xml.Token, error) {
	tok, err := d.d.Token()
	if err == io.EOF {
		return nil, d.errorf("unexpected end of the part")
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", d.part, err)
	}
	if dir, ok := tok.(xml.Directive); ok && strings.HasPrefix(strings.TrimSpace(string(dir)), "DOCTYPE") {
		return nil, d.errorf("an OpenDocument part may not declare a DOCTYPE")
	}
	return tok, nil
}

func (d *decoder) errorf(format string, args ...any) error {
	line, _ := d.d.InputPos()
	return fmt.Errorf("%s: line %d: %s", d.part, line, fmt.Sprintf(format, args...))
}

// skip reads past the end of the element whose start tag was just read.
func (d *decoder) skip() error {
	depth := 1
	for depth > 0 {
		tok, err := d.token()
		if err != nil {
			return err
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	return nil
}

func is(n xml.Name, space, local string) bool { return n.Space == space && n.Local == local }

func attr(e xml.StartElement, space, local string) string {
	for _, a := range e.Attr {
		if a.Name.Space == space && a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
