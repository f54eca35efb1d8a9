package docx

import (
	"strings"

	"golang.org/x/text/encoding/charmap"

	"chiso/vntext"
)

// Older Vietnamese reports are typed in fonts that draw Vietnamese letters
// at Latin-1 codes: .VnTime and its family (TCVN3) and VNI-Times (VNI).
// Word keeps those codes, so document.xml holds "B¸o c¸o" where the page
// shows "Báo cáo". The run's font says which encoding applies; the text
// is converted here, where the font is known, because package parse only
// sees the text.

// segment is a stretch of a paragraph's text set in a legacy font.
type segment struct {
	start, end int
	kind       vntext.Font
}

// evidence counts, per encoding, paragraphs whose legacy-font text was
// clearly legacy or clearly Unicode. Documents converted to Unicode with
// their .VnTime font names left in place are common, and a short cell
// ("Có", "Tổng") can read either way; such cells follow the document.
type evidence struct {
	legacy, unicode [vntext.VNIFont + 1]int
}

// convert returns s with its legacy segments decoded, deciding per
// encoding over all the paragraph's text in that encoding.
func (e *evidence) convert(s string, segs []segment) string {
	if len(segs) == 0 {
		return s
	}
	var pools [vntext.VNIFont + 1]strings.Builder
	for _, g := range segs {
		pools[family(g.kind)].WriteString(s[g.start:g.end])
	}
	var decide [vntext.VNIFont + 1]bool
	for k := range pools {
		if pools[k].Len() > 0 {
			decide[k] = e.decide(vntext.Font(k), pools[k].String())
		}
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/2)
	last := 0
	for _, g := range segs {
		if !decide[family(g.kind)] {
			continue
		}
		b.WriteString(s[last:g.start])
		b.WriteString(g.kind.Decode(toLatin1(s[g.start:g.end])))
		last = g.end
	}
	b.WriteString(s[last:])
	return b.String()
}

func family(k vntext.Font) vntext.Font {
	if k == vntext.TCVN3UpperFont {
		return vntext.TCVN3Font
	}
	return k
}

func (e *evidence) decide(k vntext.Font, pool string) bool {
	pool = toLatin1(pool)
	switch {
	case !latin1(pool):
		// ạ, ư, đ...: Unicode Vietnamese, whatever the font says.
		e.unicode[k]++
		return false
	case k == vntext.TCVN3Font && hasTCVN3Code(pool), k == vntext.VNIFont && vntext.DetectLegacy(pool) == vntext.VNI:
		e.legacy[k]++
		return true
	}
	return e.legacy[k] > e.unicode[k]
}

// toLatin1 undoes Word's reading of the legacy bytes 0x80–0x9F as
// windows-1252 ("…" for 0x85), so that each rune is the byte typed.
func toLatin1(s string) string {
	if latin1(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r > 0xFF {
			if b, ok := charmap.Windows1252.EncodeRune(r); ok {
				return rune(b)
			}
		}
		return r
	}, s)
}

func latin1(s string) bool {
	for _, r := range s {
		if r > 0xFF {
			return false
		}
	}
	return true
}

// vietLatin1 are the Vietnamese letters Unicode text has in Latin-1; a
// TCVN3 code outside them is proof of TCVN3.
const vietLatin1 = "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý"

func hasTCVN3Code(s string) bool {
	for _, r := range s {
		if r >= 0xA1 && r <= 0xFE && !strings.ContainsRune(vietLatin1, r) && vntext.FromTCVN3(string(r)) != string(r) {
			return true
		}
	}
	return false
}
