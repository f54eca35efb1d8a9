package extract

import (
	"strconv"
	"strings"
)

// Level is the rank of an STT kind in the hierarchy of a table: a part
// (A, B) holds Roman group rows, which hold integer rows, which hold
// dotted rows, which hold letter rows, which hold bullets.
type Level int

// LevelPart is a part of a report written with a capital letter ("A.
// Tiêu chí chung", "B. Tiêu chí riêng"), above the Roman groups.
const LevelPart Level = -1

const (
	LevelRoman Level = iota
	LevelInteger
	LevelDotted // 1.1 is one deeper than LevelDotted per extra part
	LevelLetter = LevelDotted + 8
	LevelBullet = LevelLetter + 1
	// LevelNone is a row the table writes without a number, as its own
	// row (a word processor's row with a label of its own, or any row of
	// a table with no STT column); it hangs under the nearest numbered row.
	LevelNone = LevelBullet + 1
)

// STT is a row number as read: "II", "7", "2.2", "a", "-".
type STT struct {
	// Text is the canonical form: "1.7" for "1,7", "a" for "a)", "7" for "7.".
	Text  string
	Level Level
}

// ParseSTT reads the STT cell of a row. It accepts Roman numerals (I to
// XXXIX), integers, dotted numbers (1.1, 2.2.3; the typo "1,7" read as
// 1.7; a Roman group in front, "III.1"), a letter a–z or đ, a capital
// A–Z or Đ for a part (I, V and X being Roman), and "-", "+", "•" bullets, each optionally
// followed by "." or ")" (and a letter optionally wrapped as "(a)").
func ParseSTT(s string) (STT, bool) {
	t := strings.TrimSpace(s)
	if t == "" || len(t) > 16 {
		return STT{}, false
	}
	switch t {
	case "-", "+", "•", "–", "*":
		return STT{Text: t, Level: LevelBullet}, true
	}
	if strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") {
		t = t[1 : len(t)-1]
	} else {
		t = strings.TrimRight(t, ".)")
	}
	t = strings.TrimSpace(t)
	if t == "" {
		return STT{}, false
	}
	if isRoman(t) {
		return STT{Text: t, Level: LevelRoman}, true
	}
	if t == "đ" || (len(t) == 1 && t[0] >= 'a' && t[0] <= 'z') {
		return STT{Text: t, Level: LevelLetter}, true
	}
	if t == "Đ" || (len(t) == 1 && t[0] >= 'A' && t[0] <= 'Z') {
		return STT{Text: t, Level: LevelPart}, true // I, V and X are Roman, above
	}
	parts := strings.FieldsFunc(t, func(r rune) bool { return r == '.' || r == ',' })
	if len(parts) == 0 || len(parts) > 6 || strings.Count(t, ".")+strings.Count(t, ",") != len(parts)-1 {
		return STT{}, false
	}
	// A number under a Roman group may be written with the group in
	// front ("III.1", "II.2.3", as Decision 79 numbers "I.1.14"): one
	// level below the group per part.
	roman := len(parts) > 1 && isRoman(parts[0])
	if roman {
		parts[0] = "1" // checked as a number below; the text keeps the numeral
	}
	for _, p := range parts {
		if len(p) == 0 || len(p) > 3 {
			return STT{}, false
		}
		if _, err := strconv.Atoi(p); err != nil || p[0] == '+' || p[0] == '-' {
			return STT{}, false
		}
	}
	if roman {
		parts[0] = strings.FieldsFunc(t, func(r rune) bool { return r == '.' || r == ',' })[0]
		lv := LevelInteger
		if len(parts) > 2 {
			lv = LevelDotted + Level(len(parts)-3)
		}
		return STT{Text: strings.Join(parts, "."), Level: lv}, true
	}
	if len(parts) == 1 {
		return STT{Text: parts[0], Level: LevelInteger}, true
	}
	return STT{Text: strings.Join(parts, "."), Level: LevelDotted + Level(len(parts)-2)}, true
}

// isRoman reports whether s is an upper-case Roman numeral from I to
// XXXIX. Only I, V and X are taken: L, C, D and M are far likelier to be
// letters in a report.
func isRoman(s string) bool {
	if s == "" {
		return false
	}
	i := 0
	for i < len(s) && s[i] == 'X' {
		i++
	}
	if i > 3 {
		return false
	}
	switch s[i:] {
	case "", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX":
		return s != ""
	}
	return false
}
