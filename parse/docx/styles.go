package docx

// The reader uses two things from styles.xml: the numbering a paragraph
// style carries (a list style), and the font a style sets, which tells
// text in a legacy Vietnamese font (.VnTime, VNI-Times) from Unicode.

type stylesXML struct {
	Defaults *rFonts `xml:"docDefaults>rPrDefault>rPr>rFonts"`
	Styles   []struct {
		Type    string  `xml:"type,attr"`
		Default string  `xml:"default,attr"`
		ID      string  `xml:"styleId,attr"`
		BasedOn *val    `xml:"basedOn"`
		NumPr   *numPr  `xml:"pPr>numPr"`
		Fonts   *rFonts `xml:"rPr>rFonts"`
	} `xml:"style"`
}

// rFonts is a w:rFonts: the fonts of a run by script.
type rFonts struct {
	ASCII      string `xml:"ascii,attr"`
	HAnsi      string `xml:"hAnsi,attr"`
	ASCIITheme string `xml:"asciiTheme,attr"`
	HAnsiTheme string `xml:"hAnsiTheme,attr"`
}

// latin returns the font w:rFonts sets for Latin text above ASCII, where
// legacy Vietnamese codes lie (hAnsi, else ascii), and whether it sets
// one. A theme font is reported as "": themes name Unicode fonts.
func (f *rFonts) latin() (string, bool) {
	switch {
	case f == nil:
		return "", false
	case f.HAnsiTheme != "":
		return "", true
	case f.HAnsi != "":
		return f.HAnsi, true
	case f.ASCIITheme != "":
		return "", true
	case f.ASCII != "":
		return f.ASCII, true
	}
	return "", false
}

// styleSheet holds, per style ID, what the style sets itself or inherits
// through w:basedOn.
type styleSheet struct {
	numPr       map[string]numPr
	font        map[string]string // only styles that set a font
	defaultPara string            // style of paragraphs without w:pStyle
	defaultFont string            // w:docDefaults
}

func newStyleSheet(sx *stylesXML) *styleSheet {
	s := &styleSheet{numPr: make(map[string]numPr), font: make(map[string]string)}
	if sx == nil {
		return s
	}
	s.defaultFont, _ = sx.Defaults.latin()
	type style struct {
		basedOn string
		np      *numPr
		fonts   *rFonts
	}
	byID := make(map[string]style, len(sx.Styles))
	for _, x := range sx.Styles {
		st := style{np: x.NumPr, fonts: x.Fonts}
		if x.BasedOn != nil {
			st.basedOn = x.BasedOn.Val
		}
		byID[x.ID] = st
		if x.Type == "paragraph" && (x.Default == "1" || x.Default == "true") {
			s.defaultPara = x.ID
		}
	}
	for id := range byID {
		var np numPr
		font, hasFont := "", false
		// Depth-limited: basedOn chains may loop in damaged files.
		for sid, i := id, 0; sid != "" && i < 16; i++ {
			st, ok := byID[sid]
			if !ok {
				break
			}
			if st.np != nil {
				if np.NumID == nil {
					np.NumID = st.np.NumID
				}
				if np.Ilvl == nil {
					np.Ilvl = st.np.Ilvl
				}
			}
			if !hasFont {
				font, hasFont = st.fonts.latin()
			}
			sid = st.basedOn
		}
		if np.NumID != nil {
			s.numPr[id] = np
		}
		if hasFont {
			s.font[id] = font
		}
	}
	return s
}

// paragraphFont is the font of text in a paragraph of the given style
// ("" for none) before any character formatting.
func (s *styleSheet) paragraphFont(style string) string {
	if style == "" {
		style = s.defaultPara
	}
	if f, ok := s.font[style]; ok {
		return f
	}
	return s.defaultFont
}
