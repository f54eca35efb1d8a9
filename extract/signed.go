package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"chiso/report"
)

// Signs and bullets. A report writes a change as "+5%", "-3,2 %", "−2%"
// (U+2212) or in words, "tăng 5%", "giảm 3%"; it also starts list items
// with "- " and "+ ". The two are told apart by the space: a sign is glued
// to its digits ("-100" is −100), a bullet is followed by a space ("- 100%"
// is the item 100 %, read unsigned). U+2212 is only ever a minus, so "− 5%"
// is −5. An en dash glued to digits ("–5%") is taken as the minus a word
// processor typed for "-"; followed by a space it is a bullet.

// signedValue reads a value written with a sign, a bullet or the words
// tăng/giảm before it. ok is false when t starts with none of them and
// parseLine should go on as before.
func signedValue(t string, ctx NumberContext) (v report.Value, p Problem, ok bool) {
	r, n := utf8.DecodeRuneInString(t)
	switch r {
	case '+', '-', '−', '–':
		rest := t[n:]
		switch {
		case rest != "" && isDigit(rest[0]):
			v, p = parseNumeric(rest, ctx)
			return applySign(v, p, t, r != '+')
		case r == '−':
			// A minus sign, never a bullet: "− 5%".
			rest = strings.TrimSpace(rest)
			if rest != "" && isDigit(rest[0]) {
				v, p = parseNumeric(rest, ctx)
				return applySign(v, p, t, true)
			}
		case rest != "" && (rest[0] == ' ' || rest[0] == '\t'):
			// A bullet: the item is the value, with no sign. Words after
			// a bullet need nothing here (folding drops the dash).
			rest = strings.TrimSpace(rest)
			if rest != "" && isDigit(rest[0]) {
				v, p = parseNumeric(rest, ctx)
				return v, p, true
			}
		}
		return report.Value{}, "", false
	}
	// "tăng 5%", "Giảm 3 %": a change in words.
	i := strings.IndexFunc(t, unicode.IsSpace)
	if i <= 0 {
		return report.Value{}, "", false
	}
	var negative bool
	switch strings.ToLower(t[:i]) {
	case "tăng":
	case "giảm":
		negative = true
	default:
		return report.Value{}, "", false
	}
	rest := strings.TrimSpace(t[i:])
	if rest == "" || !isDigit(rest[0]) {
		return report.Value{}, "", false
	}
	v, p = parseNumeric(rest, ctx)
	return applySign(v, p, t, negative)
}

// applySign gives a signed numeral its sign. Only a percentage or a number
// can have one: a signed fraction is not a value, and running text that
// starts with a signed number stays text.
func applySign(v report.Value, p Problem, t string, negative bool) (report.Value, Problem, bool) {
	switch v.Kind {
	case report.KindPercent, report.KindNumber:
	case report.KindText:
		return v, p, true
	default:
		v, p = unreadable(t)
		return v, p, true
	}
	if negative {
		// −0 would print as "-0": zero has no sign.
		if *v.Number != 0 {
			x := -*v.Number
			v.Number = &x
		}
		v.Alt = -v.Alt
	}
	return v, p, true
}
