package vntext

import (
	"strings"

	"golang.org/x/text/encoding/charmap"
)

// Older Vietnamese reports are typed in fonts that draw Vietnamese letters
// at Latin-1 codes: .VnTime and its family (TCVN3) and VNI-Times (VNI).
// Word keeps those codes, so a document holds "B¸o c¸o" where the page
// shows "Báo cáo". Only a reader knows a run's font, so the readers of
// Word documents (DOCX and .doc) mark the stretches of a paragraph set in
// such fonts and convert them here.

// Segment is a stretch of a paragraph's text, by byte offsets, set in a
// legacy font.
type Segment struct {
	Start, End int
	Font       Font
}

// FontEvidence converts the legacy-font text of one document's
// paragraphs, counting per encoding the paragraphs whose legacy-font text
// was clearly legacy or clearly Unicode. Documents converted to Unicode
// with their .VnTime font names left in place are common, and a short cell
// ("Có", "Tổng") can read either way; such cells follow the document. The
// zero value is ready to use; use one per document.
type FontEvidence struct {
	legacy, unicode [VNIFont + 1]int
}

// Convert returns s with its legacy segments decoded, deciding per
// encoding over all the paragraph's text in that encoding. Segments must
// be in order and not overlap.
func (e *FontEvidence) Convert(s string, segs []Segment) string {
	if len(segs) == 0 {
		return s
	}
	var pools [VNIFont + 1]strings.Builder
	for _, g := range segs {
		pools[family(g.Font)].WriteString(s[g.Start:g.End])
	}
	var decide [VNIFont + 1]bool
	for k := range pools {
		if pools[k].Len() > 0 {
			decide[k] = e.decide(Font(k), pools[k].String())
		}
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/2)
	last := 0
	for _, g := range segs {
		if !decide[family(g.Font)] {
			continue
		}
		b.WriteString(s[last:g.Start])
		b.WriteString(g.Font.Decode(toLatin1(s[g.Start:g.End])))
		last = g.End
	}
	b.WriteString(s[last:])
	return b.String()
}

func family(k Font) Font {
	if k == TCVN3UpperFont {
		return TCVN3Font
	}
	return k
}

func (e *FontEvidence) decide(k Font, pool string) bool {
	pool = toLatin1(pool)
	switch {
	case !isLatin1(pool):
		// ạ, ư, đ...: Unicode Vietnamese, whatever the font says.
		e.unicode[k]++
		return false
	case k == TCVN3Font && hasTCVN3Code(pool), k == VNIFont && DetectLegacy(pool) == VNI:
		e.legacy[k]++
		return true
	}
	return e.legacy[k] > e.unicode[k]
}

// toLatin1 undoes Word's reading of the legacy bytes 0x80–0x9F as
// windows-1252 ("…" for 0x85), so that each rune is the byte typed.
func toLatin1(s string) string {
	if isLatin1(s) {
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

func isLatin1(s string) bool {
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
		if r >= 0xA1 && r <= 0xFE && !strings.ContainsRune(vietLatin1, r) && FromTCVN3(string(r)) != string(r) {
			return true
		}
	}
	return false
}
