// Package docx reads Word documents (.docx, Office Open XML) into the
// chiso document model: paragraphs and tables in document order, with
// the text Word displays.
//
// Reading does not go through github.com/nguyenthenguyen/docx, the
// project's mandated DOCX library: it only hands back word/document.xml
// as a raw string (the rest of it is templating), it refuses a package
// whose main part is not named word/document.xml or that lacks
// word/_rels/document.xml.rels, both of which Word opens (see
// docs/libraries.md). This package opens the zip with archive/zip, finds
// the main part the way Word does (the officeDocument relationship, then
// [Content_Types].xml, then the usual name) and streams it through
// encoding/xml, adding what tables in Vietnamese reports need: text
// joined across runs, deleted text and field codes left out, merged cells
// (gridSpan, vMerge, hMerge, gridBefore) laid out as in HTML, nested
// tables kept as text, and STT columns that Word numbers automatically
// (numbering.xml) given the labels Word shows.
//
// Text set in legacy Vietnamese fonts (.VnTime: TCVN3, VNI-Times: VNI) is
// converted to Unicode here, since only the reader knows a run's font;
// all other text is returned as written and package parse normalises it
// (vntext.Clean). Line breaks (w:br, w:cr) and paragraphs within a cell
// are "\n", tabs are "\t"; a table nested in a cell becomes one line per
// row with its cells separated by " | ". Paragraphs without text are not
// blocks. Source.Pages is the count Word saved, 0 if none.
package docx

import (
	"fmt"
	"io"
	"path"

	"chiso/doc"
)

// Read reads a DOCX of the given size. Errors say what is wrong and in
// which part, but not the file's name.
func Read(r io.ReaderAt, size int64) (d *doc.Document, err error) {
	defer func() {
		// Last defence only: every panic found is fixed at its cause.
		if p := recover(); p != nil {
			d, err = nil, fmt.Errorf("internal error reading DOCX: %v", p)
		}
	}()
	p, err := openPackage(r, size)
	if err != nil {
		return nil, err
	}
	main := p.find("", relOfficeDocument, ctMain, "word/document.xml")
	if main == "" {
		return nil, fmt.Errorf("no main document part: neither _rels/.rels nor [Content_Types].xml names one and there is no word/document.xml (%d parts)", len(p.parts))
	}
	d = &doc.Document{Source: doc.Source{Format: doc.DOCX, Pages: p.pages()}}
	styles, num, warnings := p.styles(main)
	d.Warnings = append(d.Warnings, warnings...)

	rc, err := p.open(main)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	w := &walker{d: newDecoder(rc), part: main, num: num, styles: styles}
	if err := w.body(); err != nil {
		return nil, err
	}
	d.Warnings = append(d.Warnings, w.warnings...)
	if len(w.fields) > 0 {
		d.Warnings = append(d.Warnings, fmt.Sprintf("%s: a field code is never closed; text after it may be missing", main))
	}
	d.Blocks = w.blocks
	return d, nil
}

// styles loads the paragraph styles and list definitions the main part
// uses. Both parts are optional; a damaged one costs the numbering labels
// or the legacy-font conversion, not the document, and is reported as a
// warning.
func (p *pkg) styles(main string) (*styleSheet, *numbering, []string) {
	var warnings []string
	var sx *stylesXML
	if name := p.find(main, relStyles, ctStyles, path.Join(path.Dir(main), "styles.xml")); name != "" {
		sx = new(stylesXML)
		if err := p.decode(name, sx); err != nil {
			warnings = append(warnings, "paragraph styles not used: "+err.Error())
			sx = nil
		}
	}
	styles := newStyleSheet(sx)
	name := p.find(main, relNumbering, ctNumbering, path.Join(path.Dir(main), "numbering.xml"))
	if name == "" {
		return styles, nil, warnings
	}
	nx := new(numberingXML)
	if err := p.decode(name, nx); err != nil {
		return styles, nil, append(warnings, "automatic numbering not shown: "+err.Error())
	}
	return styles, newNumbering(nx, styles), warnings
}

// pages returns the page count Word stored when it last saved the file
// (docProps/app.xml), or 0: DOCX has no pages of its own, and other
// producers (LibreOffice among them) do not write the count.
func (p *pkg) pages() int {
	name := p.find("", relAppProps, ctAppProps, "docProps/app.xml")
	if name == "" {
		return 0
	}
	var props struct {
		Pages int `xml:"Pages"`
	}
	if p.decode(name, &props) != nil {
		return 0
	}
	return max(props.Pages, 0)
}
