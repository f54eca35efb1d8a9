package docx

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"chiso/parse/doc"
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
	legacy evidence

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

// paragraph reads a w:p whose start tag has been read, up to its end tag,
// and returns its text with the numbering label Word shows in front.
func (w *walker) paragraph(depth int) (string, error) {
	var b paraText
	level := 0 // elements open below the w:p
	// The font of the text: the run's own (direct or its character
	// style) when it sets one, else the paragraph style's.
	paraFont := w.styles.paragraphFont("")
	runFont, runHasFont := "", false
	for {
		tok, err := w.token()
		if err != nil {
			return "", err
		}
		if done, err := w.common(tok); err != nil {
			return "", err
		} else if done {
			continue
		}
		switch t := tok.(type) {
		case xml.EndElement:
			if level == 0 {
				// Text boxes and breaks at the end leave a newline
				// that ends nothing.
				text := w.legacy.convert(b.String(), b.segments)
				return strings.TrimRight(text, "\n"), nil
			}
			level--
			switch {
			case isW(t.Name, "r"):
				w.hidden = false
				runHasFont = false
			case isW(t.Name, "p"):
				// End of a paragraph inside a text box.
				b.newline()
			}
		case xml.StartElement:
			switch {
			case isW(t.Name, "pPr"):
				if level == 0 {
					label, suffix, style, err := w.paragraphProps()
					if err != nil {
						return "", err
					}
					paraFont = w.styles.paragraphFont(style)
					b.WriteString(label)
					b.suffix = suffix
				} else if err := w.skip(); err != nil {
					return "", err
				}
			case isW(t.Name, "rPr"):
				props, err := w.props("vanish", "rFonts", "rStyle")
				if err != nil {
					return "", err
				}
				w.hidden = props[0].on()
				if f := props[1]; f != nil {
					runFont, runHasFont = (&rFonts{ASCII: f.attr("ascii"), HAnsi: f.attr("hAnsi"),
						ASCIITheme: f.attr("asciiTheme"), HAnsiTheme: f.attr("hAnsiTheme")}).latin()
				}
				if props[2] != nil && !runHasFont {
					runFont, runHasFont = w.styles.font[props[2].Val]
				}
			case isW(t.Name, "t"):
				text, err := w.text()
				if err != nil {
					return "", err
				}
				if !w.hidden && !w.inInstruction() {
					font := paraFont
					if runHasFont {
						font = runFont
					}
					b.writeIn(text, legacyOf(font))
				}
			case isW(t.Name, "tbl"):
				// A table in a text box: kept as text.
				if depth+1 > maxNesting {
					return "", w.errorf("tables nested deeper than %d", maxNesting)
				}
				nested, err := w.table(depth + 1)
				if err != nil {
					return "", err
				}
				b.newline()
				b.write(flatten(nested))
				b.newline()
			default:
				level++
				if w.hidden || w.inInstruction() {
					break
				}
				switch {
				case isW(t.Name, "tab"), isW(t.Name, "ptab"):
					b.write("\t")
				case isW(t.Name, "br"), isW(t.Name, "cr"):
					b.write("\n")
				case isW(t.Name, "noBreakHyphen"):
					b.write("-")
				case isW(t.Name, "p"):
					b.newline()
				}
			}
		}
	}
}

// paraText collects a paragraph's text. The separator Word puts after a
// numbering label is written only once text follows, so that an STT cell
// reads "1." and not "1.\t".
type paraText struct {
	strings.Builder
	suffix   string
	segments []segment // text in legacy fonts, converted at the end
}

// writeIn writes text set in a font of the given encoding.
func (b *paraText) writeIn(s string, k legacy) {
	if k == legacyNone || s == "" {
		b.write(s)
		return
	}
	b.WriteString(b.suffix)
	b.suffix = ""
	start := b.Len()
	b.WriteString(s)
	b.segments = append(b.segments, segment{start, b.Len(), k})
}

func (b *paraText) write(s string) {
	if s == "" {
		return
	}
	b.WriteString(b.suffix)
	b.suffix = ""
	b.WriteString(s)
}

// newline ends the current line unless there is none.
func (b *paraText) newline() {
	if s := b.String(); s != "" && !strings.HasSuffix(s, "\n") {
		b.write("\n")
	}
}

// paragraphProps reads w:pPr and returns the numbering label, if any, and
// the paragraph's style.
func (w *walker) paragraphProps() (label, suffix, style string, err error) {
	props, err := w.props("pStyle", "numPr/ilvl", "numPr/numId")
	if err != nil {
		return "", "", "", err
	}
	if props[0] != nil {
		style = props[0].Val
	}
	if w.num == nil || w.inInstruction() {
		return "", "", style, nil
	}
	var direct *numPr
	if props[1] != nil || props[2] != nil {
		direct = &numPr{Ilvl: props[1], NumID: props[2]}
	}
	label, suffix = w.num.label(style, direct)
	return label, suffix, style, nil
}

// text reads the character data of a w:t up to its end tag.
func (w *walker) text() (string, error) {
	var s strings.Builder
	for {
		tok, err := w.token()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.CharData:
			s.Write(t)
		case xml.StartElement:
			if err := w.skip(); err != nil {
				return "", err
			}
		case xml.EndElement:
			return s.String(), nil
		}
	}
}

// table reads a w:tbl whose start tag has been read, up to its end tag.
func (w *walker) table(depth int) (*doc.Table, error) {
	var t tableBuilder
	for {
		tok, err := w.token()
		if err != nil {
			return nil, err
		}
		if done, err := w.common(tok); err != nil {
			return nil, err
		} else if done {
			continue
		}
		switch tk := tok.(type) {
		case xml.EndElement:
			switch {
			case isW(tk.Name, "tbl"):
				return t.table(), nil
			case isW(tk.Name, "tr"):
				t.endRow()
			}
		case xml.StartElement:
			switch {
			case isW(tk.Name, "tr"):
				t.startRow()
			case isW(tk.Name, "trPr"):
				props, err := w.props("gridBefore")
				if err != nil {
					return nil, err
				}
				if props[0] != nil {
					n, _ := strconv.Atoi(props[0].Val)
					t.gridBefore(n)
				}
			case isW(tk.Name, "tc"):
				c, err := w.cell(depth)
				if err != nil {
					return nil, err
				}
				t.add(c)
			case isW(tk.Name, "p"):
				// A paragraph between rows (not valid WordprocessingML):
				// read past it so that its runs are not taken for
				// the table's.
				if _, err := w.paragraph(depth); err != nil {
					return nil, err
				}
			}
		}
	}
}

// cell reads a w:tc whose start tag has been read, up to its end tag.
// Paragraphs become lines; a nested table becomes lines of " | "-separated
// cells.
func (w *walker) cell(depth int) (cell, error) {
	c := cell{span: 1}
	var lines []string
	for {
		tok, err := w.token()
		if err != nil {
			return c, err
		}
		if done, err := w.common(tok); err != nil {
			return c, err
		} else if done {
			continue
		}
		switch t := tok.(type) {
		case xml.EndElement:
			if isW(t.Name, "tc") {
				c.text = strings.Trim(strings.Join(lines, "\n"), "\n")
				return c, nil
			}
		case xml.StartElement:
			switch {
			case isW(t.Name, "tcPr"):
				props, err := w.props("gridSpan", "vMerge", "hMerge")
				if err != nil {
					return c, err
				}
				span, vMerge, hMerge := props[0], props[1], props[2]
				if span != nil {
					if n, err := strconv.Atoi(span.Val); err == nil {
						c.span = min(max(n, 1), 64)
					}
				}
				if vMerge != nil {
					c.vMerge = mergeContinue // no w:val means continue
					if vMerge.Val == "restart" {
						c.vMerge = mergeStart
					}
				}
				c.hCont = hMerge != nil && hMerge.Val != "restart"
			case isW(t.Name, "p"):
				text, err := w.paragraph(depth)
				if err != nil {
					return c, err
				}
				lines = append(lines, text)
			case isW(t.Name, "tbl"):
				if depth+1 > maxNesting {
					return c, w.errorf("tables nested deeper than %d", maxNesting)
				}
				nested, err := w.table(depth + 1)
				if err != nil {
					return c, err
				}
				if s := flatten(nested); s != "" {
					lines = append(lines, s)
				}
			}
		}
	}
}
