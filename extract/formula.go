package extract

import (
	"strings"

	"chiso/internal/formula"
)

// findFormula returns the method of a rate written in its evidence —
// "Tỷ lệ = a/b", "Tỷ lệ: a/b", "Tỷ số = a/b", "Tỷ lệ=(a+b+c+d)/(e+f)",
// "Tỷ lệ (%) = a/b x 100" — without spaces and without the "×100", or ""
// when none is written. It scans by hand: a regexp over every long
// evidence cell was a third of Extract's time.
func findFormula(s string) string {
	// A formula follows "=" or ":" and divides: most evidence has neither.
	if !strings.ContainsAny(s, "=:") || strings.IndexByte(s, '/') < 0 {
		return ""
	}
	// next holds where each mark occurs next; only the one just passed is
	// looked for again, so that evidence with many "tỷ lệ" is read once
	// per mark rather than once per occurrence.
	// The marks are found by their last byte: their first, 0xE1, leads
	// most Vietnamese letters.
	marks := [...]string{"ỷ", "ỉ", "Ỷ", "Ỉ"}
	var next [len(marks)]int
	for m, y := range marks {
		next[m] = indexAt(s, y, 2)
	}
	for off := 0; off < len(s); {
		i, m := -1, -1
		for k, j := range next {
			if j >= 0 && (i < 0 || j < i) {
				i, m = j, k
			}
		}
		if i < 0 {
			break
		}
		off = i + len("ỷ") // all four are three bytes
		if j := indexAt(s[off:], marks[m], 2); j >= 0 {
			next[m] = off + j
		} else {
			next[m] = -1
		}
		if i == 0 || (s[i-1] != 't' && s[i-1] != 'T') {
			continue
		}
		rest := strings.TrimLeft(s[off:], " ")
		word := ""
		for _, w := range []string{"lệ", "số", "LỆ", "SỐ"} {
			if strings.HasPrefix(rest, w) {
				word = w
			}
		}
		if word == "" {
			continue
		}
		rest = strings.TrimLeft(rest[len(word):], " ")
		rest = strings.TrimLeft(strings.TrimPrefix(rest, "(%)"), " ")
		if rest == "" || (rest[0] != '=' && rest[0] != ':') {
			continue
		}
		if f := formulaAt(rest[1:]); f != "" {
			return f
		}
	}
	return ""
}

// formulaAt reads the formula at the start of s, up to the first
// character that cannot be part of one.
func formulaAt(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == ' ' || r == '\t':
			continue
		case r == '×' || r == 'X' || r == 'x':
			b.WriteByte('x')
			continue
		case r >= 'A' && r <= 'F':
			r += 'a' - 'A'
		}
		if !(r >= 'a' && r <= 'f' || r >= '0' && r <= '9' || strings.ContainsRune("()+-*/.,%", r)) {
			break
		}
		b.WriteRune(r)
	}
	f := strings.TrimRight(b.String(), ".,-%(")
	for _, tail := range []string{"x100", "*100"} {
		f = strings.TrimSuffix(f, tail)
	}
	// A word after the formula may start with x ("xã") or "(".
	f = strings.TrimRight(f, ".,-x(")
	if e, err := formula.Parse(f); err == nil && len(e.Vars()) >= 2 && strings.ContainsRune(f, '/') {
		return f
	}
	return ""
}
