package msg

import (
	"math"
	"regexp"
	"strconv"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// Tag is the language tag of lang: Vietnamese for "vi" and anything
// unknown, English for "en".
func Tag(lang string) language.Tag {
	if lang == "en" {
		return language.English
	}
	return language.Vietnamese
}

// Printer prints in lang: its numbers (%d, and the values Number makes)
// are written the way lang writes them, and the strings of the catalogue
// (catalog.go) are translated.
func Printer(lang string) *message.Printer {
	return message.NewPrinter(Tag(lang), message.Catalog(cat))
}

// Number writes x for a person reading lang, with at most digits
// decimals and no trailing zeros: 11.781 and 82,27 in Vietnamese, where
// a dot groups thousands and a comma starts the decimals, and 11,781 and
// 82.27 in English. A year or an identifier is not a number to write
// with it.
func Number(lang string, x float64, digits int) string {
	p := math.Pow(10, float64(digits))
	x = math.Round(x*p) / p
	if x == 0 {
		x = 0 // no "-0"
	}
	return message.NewPrinter(Tag(lang)).Sprint(number.Decimal(x, number.MaxFractionDigits(digits)))
}

// Fixed writes x for a person reading lang with exactly digits decimals:
// a ratio in a basis line (0,7823) or a match score (0,50).
func Fixed(lang string, x float64, digits int) string {
	return message.NewPrinter(Tag(lang)).Sprint(number.Decimal(x, number.MinFractionDigits(digits), number.MaxFractionDigits(digits)))
}

// NumberOf is Number of *p, "?" for none.
func NumberOf(lang string, p *float64, digits int) string {
	if p == nil {
		return "?"
	}
	return Number(lang, *p, digits)
}

// canonical is a number as Num writes it.
var canonical = regexp.MustCompile(`-?[0-9]+(\.[0-9]+)?`)

// Numbers rewrites every number s holds as Num wrote it ("11781/15060",
// "5519 + 6262") in lang's way ("11.781/15.060").
func Numbers(lang, s string) string {
	return canonical.ReplaceAllStringFunc(s, func(n string) string {
		x, err := strconv.ParseFloat(n, 64)
		if err != nil {
			return n
		}
		return Number(lang, x, 3)
	})
}
