package docx

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"chiso/doc"
	"chiso/vntext"
)

// Namespaces of the elements the walker acts on. Token resolves prefixes,
// so a document that binds the WordprocessingML namespace to another
// prefix reads the same.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

// maxNesting bounds tables inside tables (and text boxes); the walker
// recurses on them and a hostile file could nest millions deep.
const maxNesting = 32

// walker streams the main part and collects blocks.
type walker struct {
	d      *xml.Decoder
	part   string // name of the main part, for errors
	num    *numbering
	styles *styleSheet
	// legacy converts text set in .VnTime or VNI-Times fonts, which only
	// the reader can tell, deciding per document (see vntext.FontEvidence).
	legacy vntext.FontEvidence

	// fields holds one entry per open complex field (w:fldChar begin);
	// true while its instruction is being read, false once the
	// separate mark starts the result Word displays. Fields may span
	// paragraphs and cells, so this lives here rather than per paragraph.
	fields []bool
	instr  int // entries of fields that are true
	// alt holds, per open mc:AlternateContent, whether a branch has
	// been taken.
	alt []bool
	// hidden is set inside a run whose properties say w:vanish.
	hidden bool

	blocks   []doc.Block
	warnings []string
}

func (w *walker) errorf(format string, args ...any) error {
	line, _ := w.d.InputPos()
	return fmt.Errorf("%s: line %d: %s", w.part, line, fmt.Sprintf(format, args...))
}

// token returns the next token, with errors naming the part; the end of
// input is an error because callers are inside an element.
func (w *walker) token() (xml.Token, error) {
	tok, err := w.next()
	if err == io.EOF {
		return nil, fmt.Errorf("%s: unexpected end of the document", w.part)
	}
	return tok, err
}

// next returns the next token, io.EOF at the end of input.
func (w *walker) next() (xml.Token, error) {
	tok, err := w.d.Token()
	if err == io.EOF {
		return nil, err
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", w.part, err)
	}
	if dir, ok := tok.(xml.Directive); ok && strings.HasPrefix(strings.TrimSpace(string(dir)), "DOCTYPE") {
		// OPC forbids DTDs in package parts; refusing one up front
		// also keeps entity declarations from mattering at all.
		return nil, w.errorf("a DOCX part may not declare a DOCTYPE")
	}
	return tok, nil
}

func isW(n xml.Name, local string) bool {
	return n.Local == local && (n.Space == nsW || n.Space == nsWStrict)
}

func isMC(n xml.Name, local string) bool { return n.Local == local && n.Space == nsMC }

// skipped lists elements whose content is never displayed text: deleted
// and moved-away revisions, field instructions, properties (read
// separately where needed), and content-control metadata.
var skipped = map[string]bool{
	"del": true, "moveFrom": true, "delText": true, "instrText": true, "delInstrText": true,
	"sdtPr": true, "sdtEndPr": true, "customXmlPr": true, "smartTagPr": true,
	"tblPr": true, "tblGrid": true, "tblPrEx": true, "sectPr": true,
	"pPrChange": true, "rPrChange": true, "fldData": true,
}

// common handles what may appear at any level: elements to skip,
// mc:AlternateContent branches and field marks. It reports whether it
// consumed the element's content.
func (w *walker) common(t xml.Token) (consumed bool, err error) {
	switch t := t.(type) {
	case xml.StartElement:
		switch {
		case isW(t.Name, "fldChar"):
			w.fieldChar(t)
		case isMC(t.Name, "AlternateContent"):
			w.alt = append(w.alt, false)
		case isMC(t.Name, "Choice"), isMC(t.Name, "Fallback"):
			// Take the first branch only (normally a Choice): the
			// others repeat the same content for older readers.
			if len(w.alt) == 0 || w.alt[len(w.alt)-1] {
				return true, w.skip()
			}
			w.alt[len(w.alt)-1] = true
		case (t.Name.Space == nsW || t.Name.Space == nsWStrict) && skipped[t.Name.Local]:
			return true, w.skip()
		}
	case xml.EndElement:
		if isMC(t.Name, "AlternateContent") && len(w.alt) > 0 {
			w.alt = w.alt[:len(w.alt)-1]
		}
	}
	return false, nil
}

func (w *walker) skip() error {
	if err := w.d.Skip(); err != nil {
		if errors.Is(err, io.EOF) {
			return fmt.Errorf("%s: unexpected end of the document", w.part)
		}
		return fmt.Errorf("%s: %w", w.part, err)
	}
	return nil
}

func (w *walker) fieldChar(t xml.StartElement) {
	for _, a := range t.Attr {
		if a.Name.Local != "fldCharType" {
			continue
		}
		switch a.Value {
		case "begin":
			w.fields = append(w.fields, true)
			w.instr++
		case "separate":
			if n := len(w.fields); n > 0 && w.fields[n-1] {
				w.fields[n-1] = false
				w.instr--
			}
		case "end":
			if n := len(w.fields); n > 0 {
				if w.fields[n-1] {
					w.instr--
				}
				w.fields = w.fields[:n-1]
			}
		}
	}
}

// inInstruction reports whether text now belongs to a field instruction
// (such as "PAGE \* MERGEFORMAT") rather than to what Word displays.
func (w *walker) inInstruction() bool { return w.instr > 0 }

// body reads the main part to its end.
func (w *walker) body() error {
	for root := false; ; {
		tok, err := w.next()
		if err == io.EOF && !root {
			return fmt.Errorf("%s: no XML element in the part", w.part)
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if done, err := w.common(tok); err != nil {
			return err
		} else if done {
			continue
		}
		start, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if !root && !isW(start.Name, "document") {
			// An .xlsx or .pptx also has an officeDocument relationship.
			return w.errorf("root element is <%s> (%s), not a Word document's w:document", start.Name.Local, start.Name.Space)
		}
		root = true
		switch {
		case isW(start.Name, "p"):
			text, err := w.paragraph(0)
			if err != nil {
				return err
			}
			if strings.TrimSpace(text) != "" {
				w.blocks = append(w.blocks, doc.Block{Kind: doc.Paragraph, Text: text, Index: len(w.blocks)})
			}
		case isW(start.Name, "tbl"):
			t, err := w.table(0)
			if err != nil {
				return err
			}
			if len(t.Rows) > 0 {
				w.blocks = append(w.blocks, doc.Block{Kind: doc.TableKind, Table: t, Index: len(w.blocks)})
			}
		case isW(start.Name, "altChunk"):
			// Web applications export reports as a shell document
			// that imports an HTML part; Word converts it on opening.
			line, _ := w.d.InputPos()
			w.warnings = append(w.warnings, fmt.Sprintf("%s: line %d: content imported from another part (w:altChunk, often HTML) is not read", w.part, line))
		}
	}
}
