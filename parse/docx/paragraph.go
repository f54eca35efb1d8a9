package docx

import (
	"encoding/xml"
	"strings"

	"chiso/vntext"
)

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
				text := w.legacy.Convert(b.String(), b.segments)
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
					b.writeIn(text, vntext.FontOf(font))
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
	segments []vntext.Segment // text in legacy fonts, converted at the end
}

// writeIn writes text set in a font of the given encoding.
func (b *paraText) writeIn(s string, k vntext.Font) {
	if k == vntext.UnicodeFont || s == "" {
		b.write(s)
		return
	}
	b.WriteString(b.suffix)
	b.suffix = ""
	start := b.Len()
	b.WriteString(s)
	b.segments = append(b.segments, vntext.Segment{Start: start, End: b.Len(), Font: k})
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
