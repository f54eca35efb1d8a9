package vntext

import (
	"strconv"
	"unicode"
	"unicode/utf8"
)

// Legacy names a pre-Unicode Vietnamese encoding.
type Legacy int

const (
	None  Legacy = iota // Unicode, or not Vietnamese
	TCVN3               // TCVN 5712 VN3 ("ABC"), fonts .VnTime, .VnArial
	VNI                 // VNI-Windows, fonts VNI-Times, VNI-Helve
)

func (l Legacy) String() string {
	switch l {
	case None:
		return "none"
	case TCVN3:
		return "tcvn3"
	case VNI:
		return "vni"
	}
	return "Legacy(" + strconv.Itoa(int(l)) + ")"
}

// minHits is how many words must look legacy-encoded before DetectLegacy
// says so: French and German text has the odd "Noël" or "maïs".
const minHits = 3

// DetectLegacy reports whether s, text that was read as Latin-1 or
// windows-1252, looks like Vietnamese in the TCVN3 or VNI encoding.
//
// It counts words that contain a TCVN3 letter code that is no letter of
// Vietnamese or Western European text ("B¸o", "ViÖt", "®Þnh"), and words
// with an ASCII vowel followed by a VNI modifier that no such text puts
// there ("Vieät", "Töï"). Modifiers that are also Vietnamese letters in
// common spellings ("hoà", "tiên", "quân") are not counted. Proper
// Vietnamese letters outside Latin-1 (ă, đ, ơ, ư, U+1EA0–U+1EF9) count
// against both, and UTF-8 that was misread as Latin-1 ("BÃ¡o") is None.
// An encoding is reported when it has at least three hits, clearly more
// than the other, and is in at least a tenth of the words.
func DetectLegacy(s string) Legacy {
	var words, tcvn, vni, uni int
	var inWord, wordT, wordV, wordU, wordA bool
	var prev, prev2 rune
	latin1 := true
	end := func() {
		if inWord {
			words++
			if wordT && wordA {
				tcvn++
			}
			if wordV {
				vni++
			}
			if wordU {
				uni++
			}
		}
		inWord, wordT, wordV, wordU, wordA = false, false, false, false, false
	}
	for _, r := range s {
		if r > 0xff {
			latin1 = false
		}
		if !isWordRune(r) {
			end()
			prev, prev2 = r, prev
			continue
		}
		inWord = true
		switch {
		case isUnicodeViet(r):
			wordU = true
		case tcvn3Marker(prev, r):
			wordT = true
		case r < 0x80 && unicode.IsLetter(r):
			wordA = true
		}
		if vniMarker(prev, r) {
			wordV = true
		}
		if capsMarker(prev2, prev, r) {
			wordT = true
		}
		prev, prev2 = r, prev
	}
	end()
	if latin1 && misreadUTF8(s) {
		return None
	}
	decide := func(hits, other int) bool {
		return hits >= minHits && hits > 2*other && hits > 2*uni && hits*10 >= words
	}
	switch {
	case decide(tcvn, vni):
		return TCVN3
	case decide(vni, tcvn):
		return VNI
	}
	return None
}

// isWordRune reports whether r can be part of a word in legacy or Unicode
// text: letters, digits, and every Latin-1 character a TCVN3 or VNI letter
// code can show as (¸ µ ¶ · ¹ ¨ © ª « ¬ soft hyphen ® § and the like).
func isWordRune(r rune) bool {
	// × and ÷ too: they are ì and ữ in TCVN3.
	return r >= 0xa1 && r <= 0xff || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// isUnicodeViet reports whether r is a Vietnamese letter outside Latin-1,
// which no legacy text read as Latin-1 contains.
func isUnicodeViet(r rune) bool {
	switch r {
	case 'Ă', 'ă', 'Đ', 'đ', 'Ĩ', 'ĩ', 'Ũ', 'ũ', 'Ơ', 'ơ', 'Ư', 'ư':
		return true
	}
	return r >= 0x1ea0 && r <= 0x1ef9
}

// tcvn3Marker reports whether r after prev is a TCVN3 letter code that
// Unicode Vietnamese and Western European text do not have there: a code
// that is no letter of those languages ("B¸o", "®Þnh"), or a capital after
// a lower-case letter ("ViÖt", "chÝnh").
func tcvn3Marker(prev, r rune) bool {
	if r >= 0x100 || tcvn3Table[r] == 0 {
		return false
	}
	if r >= 0xc0 && r <= 0xde && prev < 0x80 && unicode.IsLower(prev) {
		return true
	}
	switch r {
	case 'è', 'é', 'ê', 'ë', 'ì', 'í', 'î', 'ï', 'ò', 'ó', 'ô', 'õ', 'ö', 'ù', 'ú', 'û', 'ü', 'ý',
		'á', 'â', 'ã', 'ä', 'å', 'æ', 'ç', 'ñ', 'ø', 'þ',
		'È', 'É', 'Ê', 'Ë', 'Ì', 'Í', 'Î', 'Ï', 'Ò', 'Ó', 'Ô', 'Õ', 'Ö', 'Ù', 'Ú', 'Û', 'Ü', 'Ý',
		'Ç', 'Ñ', 'Ø', 'Æ', 'Ð', 'Þ', 'ß':
		return false
	}
	// The rest are symbols and punctuation in Western text (« © ® § ·);
	// DetectLegacy counts them only in words that have ASCII letters.
	return true
}

// capsMarker reports whether a TCVN3 lower-case code stands between two
// ASCII capitals, as in text typed for the .VnTimeH fonts ("CéNG HßA").
func capsMarker(before, code, after rune) bool {
	return code >= 0xdf && code <= 0xfe && tcvn3Table[code] != 0 &&
		'A' <= before && before <= 'Z' && 'A' <= after && after <= 'Z'
}

// vniMarker reports whether r after prev is a VNI modifier that Unicode
// Vietnamese and Western European text do not put after that letter.
func vniMarker(prev, r rune) bool {
	m, ok := lookupMod(r)
	if l, isLetter := lookupLetter(prev); isLetter && prev >= 0x80 {
		// VNI's ơ (ô) and ư (ö) with a tone mark, and ươ: "Töï", "ñöôïc".
		l = unicode.ToLower(l)
		return l == 'ơ' && ok && m.shape == 0 ||
			l == 'ư' && (ok && m.shape == 0 || r == 0xF4 || r == 0xD4)
	}
	if !ok || prev >= 0x80 || !isVowel(prev) || m.shape != 0 && !takesShape(prev, m.shape) {
		return false
	}
	if unicode.IsUpper(prev) != (r < 0xe0) {
		// VNI modifiers take the case of their letter.
		return false
	}
	p := unicode.ToLower(prev)
	switch r | 0x20 {
	case 0xE2: // ^ alone: Vietnamese has it after u only (quân).
		return true
	case 0xE0, 0xE1, 0xE3: // à á ã: hoà, hoá, quá, thuý, hoãn.
		return p == 'a' || p == 'e'
	case 0xEA: // ˘ alone, after a: never in Vietnamese or French.
		return true
	case 0xE8, 0xE9, 0xEB, 0xFA:
		// è é ë ú follow a in French and Spanish (aérien, Israël, aún).
		return false
	case 0xF9: // où
		return p != 'o'
	case 0xFB: // goût, eût
		return p != 'o' && p != 'e'
	case 0xEF: // maïs, héroïne
		return p != 'a' && p != 'o'
	}
	return true
}

// misreadUTF8 reports whether s, every rune of which is Latin-1, is UTF-8
// text decoded as Latin-1: its runes as bytes are valid UTF-8 and not ASCII.
func misreadUTF8(s string) bool {
	b := make([]byte, 0, len(s))
	ascii := true
	for _, r := range s {
		if r >= 0x80 {
			ascii = false
		}
		b = append(b, byte(r))
	}
	return !ascii && utf8.Valid(b)
}
