package sheet

import "strings"

// NumberKind is what a cell's number format makes of a number.
type NumberKind uint8

const (
	General NumberKind = iota // no format: the number as it is
	Number                    // a number format: separators to swap
	Date                      // a date or time format: shown as the format says
)

// BuiltinKind classifies Excel's built-in number formats by their index
// (the ids below 164 that a workbook may use without defining them).
func BuiltinKind(id int) NumberKind {
	switch {
	case id == 0:
		return General
	case id >= 14 && id <= 22, id >= 45 && id <= 47, id >= 27 && id <= 36, id >= 50 && id <= 58:
		return Date
	}
	return Number
}

// CodeKind classifies a number format code.
func CodeKind(code string) NumberKind {
	switch {
	case strings.EqualFold(code, "General"):
		return General
	case IsDateCode(code):
		return Date
	}
	return Number
}

// IsDateCode reports a format code that shows a date or time: it holds
// y, d, h or s (or m, which alone would be minutes or month) outside
// quoted text, escapes and [brackets] (colours, locales, conditions).
func IsDateCode(code string) bool {
	quoted, bracket := false, false
	for i := 0; i < len(code); i++ {
		switch ch := code[i]; {
		case ch == '"':
			quoted = !quoted
		case quoted:
		case ch == '\\' || ch == '_' || ch == '*':
			i++
		case ch == '[':
			bracket = true
		case ch == ']':
			bracket = false
		case bracket:
		case strings.IndexByte("yYdDhHsSmM", ch) >= 0:
			return true
		}
	}
	return false
}

// Vietnamese swaps "." and "," where they stand between digits (or
// before a digit at the start of a number), turning Excel's en-US number
// text into the Vietnamese convention: "1,234.5" → "1.234,5",
// "78.23%" → "78,23%". Other characters are left alone.
func Vietnamese(s string) string {
	b := []byte(s)
	digit := func(i int) bool { return i >= 0 && i < len(b) && b[i] >= '0' && b[i] <= '9' }
	changed := false
	for i, ch := range b {
		if (ch == '.' || ch == ',') && digit(i+1) && (digit(i-1) || i == 0 || b[i-1] == '-' || b[i-1] == ' ') {
			b[i] = ch ^ '.' ^ ','
			changed = true
		}
	}
	if !changed {
		return s
	}
	return string(b)
}
