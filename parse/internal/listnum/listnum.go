// Package listnum writes the numbers of a word processor's automatic
// lists as the document shows them ("1.", "a)", "IV."), for the readers
// of .docx and .doc, whose list levels name the same formats in two
// encodings (w:numFmt words, and the nfc codes of the binary format).
package listnum

import (
	"strconv"
	"strings"
)

// Style is how a list level writes its numbers.
type Style int

const (
	Decimal     Style = iota // 1, 2, 3
	DecimalZero              // 01, 02 … 09, 10
	LowerLetter              // a, b … z, aa, bb
	UpperLetter              // A, B … Z, AA, BB
	LowerRoman               // i, ii, iii
	UpperRoman               // I, II, III
	None                     // no number: a bullet, or nothing
)

// maxLetters bounds the letter style: letters repeat past z (y, z, aa,
// bb …), and a hostile start value must not build huge labels.
const maxLetters = 26 * 8

// Format writes n in style s. Numbers a style cannot write (0 or less in
// letters or Roman numerals, past 3999 in Roman, past 208 in letters) are
// written in decimal, as Word does.
func Format(s Style, n int) string {
	switch s {
	case None:
		return ""
	case DecimalZero:
		if n >= 0 && n < 10 {
			return "0" + strconv.Itoa(n)
		}
	case LowerLetter, UpperLetter:
		if n > 0 && n <= maxLetters {
			l := strings.Repeat(string(rune('a'+(n-1)%26)), (n-1)/26+1)
			if s == UpperLetter {
				l = strings.ToUpper(l)
			}
			return l
		}
	case LowerRoman, UpperRoman:
		if n > 0 && n < 4000 {
			r := roman(n)
			if s == LowerRoman {
				r = strings.ToLower(r)
			}
			return r
		}
	}
	return strconv.Itoa(n)
}

var (
	romanValues  = []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	romanSymbols = []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
)

func roman(n int) string {
	var b strings.Builder
	for i, v := range romanValues {
		for n >= v {
			b.WriteString(romanSymbols[i])
			n -= v
		}
	}
	return b.String()
}
