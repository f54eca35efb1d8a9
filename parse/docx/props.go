package docx

import "encoding/xml"

// val is the w:val attribute of an element; a nil *val means the element
// is absent. attrs holds all its attributes where the walker needs more.
type val struct {
	Val   string `xml:"val,attr"`
	attrs []xml.Attr
}

// attr returns the value of the attribute with the given local name.
func (v *val) attr(local string) string {
	for _, a := range v.attrs {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// on reports whether a toggle property such as <w:vanish/> is set: present
// with no value or with a true value.
func (v *val) on() bool {
	if v == nil {
		return false
	}
	switch v.Val {
	case "false", "0", "off":
		return false
	}
	return true
}

// props reads a properties element (w:pPr, w:rPr, w:tcPr, w:trPr) whose
// start tag has been read, up to its end tag, and returns the w:val of
// each wanted child, named by its path below the element ("numPr/numId");
// nil where the child is absent. Properties are most of a document's
// markup, so this walks tokens rather than using reflection-based
// DecodeElement, which took half the reading time.
func (w *walker) props(wanted ...string) ([]*val, error) {
	got := make([]*val, len(wanted))
	var path [2]string // names of the open children, up to two levels
	depth := 0
	for {
		tok, err := w.token()
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			if depth == 0 {
				return got, nil
			}
			depth--
		case xml.StartElement:
			depth++
			if depth > len(path) || (t.Name.Space != nsW && t.Name.Space != nsWStrict) {
				continue
			}
			path[depth-1] = t.Name.Local
			name := t.Name.Local
			if depth == 2 {
				name = path[0] + "/" + name
			}
			for i, want := range wanted {
				if want == name {
					v := &val{attrs: t.Attr}
					for _, a := range t.Attr {
						if a.Name.Local == "val" {
							v.Val = a.Value
						}
					}
					got[i] = v
				}
			}
		}
	}
}
