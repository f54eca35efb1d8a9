package vntext

import "strings"

// Font is the pre-Unicode encoding a font's name implies. Older reports
// are typed in fonts that draw Vietnamese letters at Latin-1 codes, so a
// DOCX or PDF holds "B¸o c¸o" where the page shows "Báo cáo"; only the
// font says which table turns the codes back into letters.
type Font int

const (
	UnicodeFont    Font = iota // any other font: the text is what it says
	TCVN3Font                  // .VnTime, .VnArial …
	TCVN3UpperFont             // .VnTimeH, .VnArialH …: capitals drawn at the lower-case codes
	VNIFont                    // VNI-Times, VNI-Helve …
)

// FontOf recognises TCVN3 (".VnTime", ".VnArial Narrow", ".VnTimeH Bold",
// "VnTimeH-Bold") and VNI ("VNI-Times", "VNI_Helve") font names, as Word
// and PDF producers write them: with or without a PDF subset prefix
// ("ABCDEF+") and a style (",Bold", "-Italic", " Bold").
func FontOf(name string) Font {
	if i := strings.IndexByte(name, '+'); i == 6 {
		name = name[7:]
	}
	upper := strings.ToUpper(name)
	switch {
	case strings.HasPrefix(upper, "VNI-") || strings.HasPrefix(upper, "VNI_"):
		return VNIFont
	case strings.HasPrefix(name, ".Vn") || strings.HasPrefix(name, ".VN") ||
		strings.HasPrefix(name, "Vn") && len(name) > 2 && name[2] >= 'A' && name[2] <= 'Z':
		family, _, _ := strings.Cut(name, ",")
		family = strings.TrimRight(family, " ")
		for _, style := range []string{"BoldItalic", "Bold", "Italic"} {
			if f, ok := strings.CutSuffix(family, style); ok {
				family = strings.TrimRight(f, " -")
				break
			}
		}
		if strings.HasSuffix(family, "H") {
			return TCVN3UpperFont
		}
		return TCVN3Font
	}
	return UnicodeFont
}

// Decode converts text set in the font, one rune per byte as read with
// Latin-1, to Unicode. Text in a Unicode font is returned as it is.
func (f Font) Decode(s string) string {
	switch f {
	case TCVN3Font:
		return FromTCVN3(s)
	case TCVN3UpperFont:
		return FromTCVN3Upper(s)
	case VNIFont:
		return FromVNI(s)
	}
	return s
}
