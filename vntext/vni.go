package vntext

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// VNI (the encoding of the VNI-Times fonts) writes a Vietnamese letter as
// an ASCII base letter followed by one modifier byte. Read as Latin-1, the
// modifiers are (lower-case letters, capitals use the byte 0x20 lower:
// "aù" is á, "AÙ" is Á):
//
//	tone alone     ù F9 sắc   ø F8 huyền   û FB hỏi   õ F5 ngã   ï EF nặng
//	^ (a, e, o)    â E2 ^     á E1 ^sắc    à E0 ^huyền å E5 ^hỏi  ã E3 ^ngã  ä E4 ^nặng
//	˘ (a only)     ê EA ˘     é E9 ˘sắc    è E8 ˘huyền ú FA ˘hỏi  ü FC ˘ngã  ë EB ˘nặng
//
// and a few letters are single bytes, which a tone modifier may follow
// (ơ and ư):
//
//	ơ F4 ô   ư F6 ö   đ F1 ñ   í ED   ì EC   ỉ E6 æ   ĩ F3 ó   ị F2 ò   ỵ EE î
//
// So "Baùo caùo" is "Báo cáo", "Töï do" is "Tự do", "VIEÄT NAM" is
// "VIỆT NAM".
type vniMod struct {
	shape rune // U+0302 or U+0306, or 0
	tone  rune // combining tone mark, or 0
}

const (
	grave = '\u0300'
	acute = '\u0301'
	circ  = '\u0302'
	tilde = '\u0303'
	breve = '\u0306'
	hook  = '\u0309'
	horn  = '\u031B'
	dot   = '\u0323'
)

// vniMods holds the lower-case modifier bytes; capitals are 0x20 lower.
var vniMods = map[rune]vniMod{
	0xF9: {0, acute}, 0xF8: {0, grave}, 0xFB: {0, hook}, 0xF5: {0, tilde}, 0xEF: {0, dot},
	0xE2: {circ, 0}, 0xE1: {circ, acute}, 0xE0: {circ, grave}, 0xE5: {circ, hook}, 0xE3: {circ, tilde}, 0xE4: {circ, dot},
	0xEA: {breve, 0}, 0xE9: {breve, acute}, 0xE8: {breve, grave}, 0xFA: {breve, hook}, 0xFC: {breve, tilde}, 0xEB: {breve, dot},
}

// vniLetters holds the lower-case single-byte letters; capitals are 0x20 lower.
var vniLetters = map[rune]rune{
	0xF4: 'ơ', 0xF6: 'ư', 0xF1: 'đ', 0xED: 'í', 0xEC: 'ì', 0xE6: 'ỉ', 0xF3: 'ĩ', 0xF2: 'ị', 0xEE: 'ỵ',
}

// vniCode is the inverse of vniMods: the lower-case modifier byte for a
// shape and tone.
var vniCode = func() map[vniMod]rune {
	m := make(map[vniMod]rune, len(vniMods))
	for b, mod := range vniMods {
		m[mod] = b
	}
	return m
}()

// lookupMod returns the modifier that r stands for, in either case.
func lookupMod(r rune) (vniMod, bool) {
	if r >= 0xC0 && r <= 0xDF {
		r += 0x20
	}
	m, ok := vniMods[r]
	return m, ok
}

func lookupLetter(r rune) (rune, bool) {
	if r >= 0xC0 && r <= 0xDF {
		l, ok := vniLetters[r+0x20]
		return unicode.ToUpper(l), ok
	}
	l, ok := vniLetters[r]
	return l, ok
}

// fits reports whether modifier m can be added to base, which already
// carries shape and tone.
func fits(base rune, m vniMod, shape, tone rune) bool {
	if m.tone != 0 && tone != 0 {
		return false
	}
	return m.shape == 0 || shape == 0 && takesShape(base, m.shape)
}

// takesShape reports whether the base letter b accepts the shape mark.
func takesShape(b rune, shape rune) bool {
	switch unicode.ToLower(b) {
	case 'a':
		return true
	case 'e', 'o':
		return shape == circ
	}
	return false
}

func isVowel(r rune) bool {
	switch unicode.ToLower(r) {
	case 'a', 'e', 'i', 'o', 'u', 'y', 'ơ', 'ư':
		return true
	}
	return false
}

// FromVNI converts text set in a VNI font, read as Latin-1 (one rune per
// byte), to Unicode. A modifier is applied only after a letter that takes
// it; otherwise it is kept as it is, as are all other runes. A capital base
// letter makes a capital whatever the case of its modifier.
func FromVNI(s string) string {
	rs := []rune(s)
	var b strings.Builder
	b.Grow(len(s) + len(s)/2)
	for i := 0; i < len(rs); i++ {
		base := rs[i]
		if l, ok := lookupLetter(base); ok {
			base = l
		}
		if !isVowel(base) {
			b.WriteRune(base)
			continue
		}
		// At most one shape and one tone; VNI writes them as one byte, but
		// some input methods typed "aâù" for ấ.
		var shape, tone rune
		j := i + 1
		for ; j < len(rs) && j <= i+2; j++ {
			m, ok := lookupMod(rs[j])
			if !ok || !fits(base, m, shape, tone) {
				break
			}
			if m.shape != 0 {
				shape = m.shape
			}
			if m.tone != 0 {
				tone = m.tone
			}
		}
		if shape == 0 && tone == 0 {
			b.WriteRune(base)
			continue
		}
		cluster := []rune{base}
		if shape != 0 {
			cluster = append(cluster, shape)
		}
		if tone != 0 {
			cluster = append(cluster, tone)
		}
		b.WriteString(norm.NFC.String(string(cluster)))
		i = j - 1
	}
	return b.String()
}

// ToVNI encodes Unicode text as VNI, one Latin-1 rune per byte, for
// building fixtures. Runes with no VNI form are kept.
func ToVNI(s string) string {
	var b strings.Builder
	b.Grow(len(s) * 2)
	for _, r := range composeTones(s) {
		if r < 0x80 {
			b.WriteByte(byte(r))
			continue
		}
		b.WriteString(vniLetter(r))
	}
	return b.String()
}

// vniLetter encodes one precomposed letter.
func vniLetter(r rune) string {
	upper := unicode.IsUpper(r)
	up := func(c rune) rune {
		if upper {
			return c - 0x20
		}
		return c
	}
	switch unicode.ToLower(r) {
	case 'đ':
		return string(up(0xF1))
	}
	d := []rune(norm.NFD.String(string(r)))
	base, marks := d[0], d[1:]
	if base >= 0x80 || !isVowel(base) || len(marks) == 0 {
		return string(r) // not a Vietnamese letter: "ç", "ǹ", "–"
	}
	var shape, tone rune
	horned := false
	for _, m := range marks {
		switch m {
		case circ, breve:
			shape = m
		case horn:
			horned = true
		case grave, acute, tilde, hook, dot:
			tone = m
		default:
			return string(r)
		}
	}
	lower := unicode.ToLower(base)
	var out []rune
	switch {
	case horned && (lower == 'o' || lower == 'u') && shape == 0:
		if lower == 'o' {
			out = []rune{up(0xF4)}
		} else {
			out = []rune{up(0xF6)}
		}
		if tone != 0 {
			out = append(out, up(vniCode[vniMod{0, tone}]))
		}
		return string(out)
	case horned:
		return string(r)
	}
	if lower == 'i' && shape == 0 {
		if c, ok := iCodes[tone]; ok {
			return string(up(c))
		}
	}
	if lower == 'y' && shape == 0 && tone == dot {
		return string(up(0xEE))
	}
	if shape != 0 && !takesShape(base, shape) {
		return string(r)
	}
	c, ok := vniCode[vniMod{shape, tone}]
	if !ok {
		return string(r)
	}
	return string([]rune{base, up(c)})
}

// iCodes are the single bytes VNI uses for i with a tone mark.
var iCodes = map[rune]rune{acute: 0xED, grave: 0xEC, hook: 0xE6, tilde: 0xF3, dot: 0xF2}
