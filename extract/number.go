package extract

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Convention is how a document writes decimals.
type Convention int

const (
	// ConventionUnknown: the document gives no evidence either way.
	ConventionUnknown Convention = iota
	// CommaDecimal is the Vietnamese convention: 78,23 and 11.781.
	CommaDecimal
	// DotDecimal is the English one: 78.23 and 11,781.
	DotDecimal
)

// NumberContext is what is known about a numeral besides its digits.
type NumberContext struct {
	// Convention is the one the rest of the document (or table) uses.
	Convention Convention
	// Percent is set when a % sign follows the numeral.
	Percent bool
	// Count is set when the numeral counts things: it has a unit word, is a
	// component (a, b …) of a rate, or is a side of a fraction. A count is
	// a whole number, so three digits after a separator are thousands.
	Count bool
}

// numeral is one numeral read.
type numeral struct {
	value     float64
	decimals  int
	ambiguous bool
	// alt is the other reading of an ambiguous numeral, with altDecimals.
	alt         float64
	altDecimals int
}

// readNumeral reads a numeral made of digits, dots and commas ("78,23",
// "11.781", "1.234,5", "760.370"). ok is false when the separators make no
// sense as either convention ("1.2.3", "1,2.3,4").
func readNumeral(tok string, ctx NumberContext) (n numeral, ok bool) {
	if tok == "" || !isDigit(tok[0]) || !isDigit(tok[len(tok)-1]) {
		return n, false
	}
	dots, commas := strings.Count(tok, "."), strings.Count(tok, ",")
	switch {
	case dots == 0 && commas == 0:
		return plain(tok, 0)
	case dots > 0 && commas > 0:
		// Both separators: the last one written is the decimal one and every
		// earlier one must group thousands.
		dec := byte('.')
		if strings.LastIndexByte(tok, ',') > strings.LastIndexByte(tok, '.') {
			dec = ','
		}
		i := strings.LastIndexByte(tok, dec)
		intPart, frac := tok[:i], tok[i+1:]
		if strings.IndexByte(intPart, dec) >= 0 || !grouped(intPart, otherSep(dec)) {
			return n, false
		}
		return plain(strings.NewReplacer(".", "", ",", "").Replace(intPart)+"."+frac, len(frac))
	}
	sep := byte('.')
	if commas > 0 {
		sep = ','
	}
	if dots+commas > 1 {
		// 1.234.567: thousands only.
		if !grouped(tok, sep) {
			return n, false
		}
		return plain(strings.ReplaceAll(tok, string(sep), ""), 0)
	}
	i := strings.IndexByte(tok, sep)
	intPart, frac := tok[:i], tok[i+1:]
	asDecimal, _ := plain(intPart+"."+frac, len(frac))
	if len(frac) != 3 || len(intPart) > 3 || intPart == "0" {
		// Thousands come in groups of three after a group of one to three
		// digits (and never after a lone 0): this can only be a decimal.
		return asDecimal, true
	}
	asThousands, _ := plain(intPart+frac, 0)
	// Three digits after one separator: "11.781" or "1,234". Decide from
	// what is known; when nothing decides, give the Vietnamese reading
	// (dot = thousands, comma = decimal) and say it is ambiguous.
	vietnamese := asThousands
	if sep == ',' {
		vietnamese = asDecimal
	}
	switch {
	case ctx.Count:
		return asThousands, true
	case ctx.Percent:
		// A share is at most 100: a thousands reading of a percentage is
		// not credible, so only a decimal convention can decide it.
		if decimalBy(ctx.Convention, sep) {
			return asDecimal, true
		}
	case ctx.Convention != ConventionUnknown:
		if decimalBy(ctx.Convention, sep) {
			return asDecimal, true
		}
		return asThousands, true
	}
	vietnamese.ambiguous = true
	vietnamese.alt, vietnamese.altDecimals = asDecimal.value, asDecimal.decimals
	if sep == ',' {
		vietnamese.alt, vietnamese.altDecimals = asThousands.value, 0
	}
	return vietnamese, true
}

// decimalBy reports whether sep is the decimal separator of convention c.
func decimalBy(c Convention, sep byte) bool {
	return (c == CommaDecimal && sep == ',') || (c == DotDecimal && sep == '.')
}

func otherSep(c byte) byte {
	if c == '.' {
		return ','
	}
	return '.'
}

// grouped reports whether s is digits grouped by sep in threes after a
// first group of one to three digits.
func grouped(s string, sep byte) bool {
	parts := strings.Split(s, string(sep))
	if len(parts[0]) == 0 || len(parts[0]) > 3 {
		return len(parts) == 1 && len(parts[0]) > 0
	}
	for _, p := range parts[1:] {
		if len(p) != 3 {
			return false
		}
	}
	return true
}

func plain(s string, decimals int) (numeral, bool) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return numeral{}, false
	}
	return numeral{value: v, decimals: decimals}, true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// nextDigit returns the index of the first ASCII digit of s at or after
// i, or len(s). It tests eight bytes at a time: the document-wide vote on
// decimals (documentConvention) looks at every byte of a report, and most
// of them are letters.
func nextDigit(s string, i int) int {
	for ; i+8 <= len(s); i += 8 {
		x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		if hasDigitByte(x) {
			break
		}
	}
	for ; i < len(s); i++ {
		if isDigit(s[i]) {
			return i
		}
	}
	return len(s)
}

// hasDigitByte reports whether one of the eight bytes of x is an ASCII
// digit: each byte below 0x80 is moved up so that its top bit says
// whether it is above '/' and, separately, below ':' ("has between" of
// the well-known bit tricks); bytes from 0x80 on are ruled out by ^x.
func hasDigitByte(x uint64) bool {
	const ones, low7, high = 0x0101010101010101, 0x7f7f7f7f7f7f7f7f, 0x8080808080808080
	y := x & low7
	return (ones*(127+':')-y)&^x&(y+ones*(127-'/'))&high != 0
}

// numeralEnd returns the length of the numeral at the start of s: digits,
// with dots and commas between digits.
func numeralEnd(s string) int {
	i := 0
	for i < len(s) {
		c := s[i]
		if isDigit(c) {
			i++
			continue
		}
		if (c == '.' || c == ',') && i > 0 && i+1 < len(s) && isDigit(s[i+1]) && isDigit(s[i-1]) {
			i++
			continue
		}
		break
	}
	return i
}

// voteConvention adds the evidence one numeral gives about the decimal
// convention: a separator followed by other than three digits is a decimal
// one; several separators of one kind group thousands.
func voteConvention(tok string, votes *[3]int) {
	dots, commas := strings.Count(tok, "."), strings.Count(tok, ",")
	switch {
	case dots+commas == 0:
	case dots > 0 && commas > 0:
		if strings.LastIndexByte(tok, ',') > strings.LastIndexByte(tok, '.') {
			votes[CommaDecimal]++
		} else {
			votes[DotDecimal]++
		}
	case dots > 1:
		votes[CommaDecimal]++
	case commas > 1:
		votes[DotDecimal]++
	default:
		i := strings.IndexAny(tok, ".,")
		if len(tok)-i-1 == 3 && i <= 3 && tok[:i] != "0" {
			return
		}
		if tok[i] == ',' {
			votes[CommaDecimal]++
		} else {
			votes[DotDecimal]++
		}
	}
}

// conventionOf decides a convention from votes: a clear majority or
// nothing.
func conventionOf(votes [3]int) Convention {
	switch {
	case votes[CommaDecimal] > votes[DotDecimal]:
		return CommaDecimal
	case votes[DotDecimal] > votes[CommaDecimal]:
		return DotDecimal
	}
	return ConventionUnknown
}

// FirstNumber reads the first numeral of s as a cell's numeral is read
// when nothing is known of the document: a sign written before it counts,
// percent is set when a % follows it, and a word after it ("1.234 hồ sơ")
// makes it a count, as does count (a side of a fraction). ok is false when there is none or when its separators
// leave it ambiguous ("11.781" alone), so that a caller never uses a
// number this package would report as ambiguous_number. It is the one
// numeral reader for the stages after extract (package rubric reads a
// short value extract left untyped with it).
func FirstNumber(s string, count bool) (x float64, percent, ok bool) {
	i := strings.IndexFunc(s, func(r rune) bool { return r >= '0' && r <= '9' })
	if i < 0 {
		return 0, false, false
	}
	n := numeralEnd(s[i:])
	tok, rest := s[i:i+n], strings.TrimLeft(s[i+n:], " \u00a0")
	ctx := NumberContext{Percent: strings.HasPrefix(rest, "%"), Count: count}
	if r, _ := utf8.DecodeRuneInString(rest); unicode.IsLetter(r) {
		ctx.Count = true
	}
	num, ok := readNumeral(tok, ctx)
	if !ok || num.ambiguous {
		return 0, false, false
	}
	if i > 0 && s[i-1] == '-' {
		num.value = -num.value
	}
	return num.value, ctx.Percent, true
}
