package extract

import (
	"strconv"
	"strings"
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
	if e, err := parseFormula(f); err == nil && len(e.vars()) >= 2 && strings.ContainsRune(f, '/') {
		return f
	}
	return ""
}

// expr is a parsed formula over the component letters.
type expr struct {
	op          byte // 0 for a leaf
	left, right *expr
	name        string  // a letter, for a leaf
	num         float64 // a constant, for a leaf with no name
}

// parseFormula parses +, -, *, x, / and parentheses over letters a–f and
// numbers.
func parseFormula(s string) (*expr, error) {
	p := &formulaParser{s: s}
	e, err := p.sum()
	if err != nil {
		return nil, err
	}
	if p.i != len(p.s) {
		return nil, errFormula
	}
	return e, nil
}

type formulaError string

func (e formulaError) Error() string { return string(e) }

const errFormula = formulaError("not a formula over a–f")

type formulaParser struct {
	s     string
	i     int
	depth int
}

func (p *formulaParser) sum() (*expr, error) {
	e, err := p.product()
	for err == nil && p.i < len(p.s) && (p.s[p.i] == '+' || p.s[p.i] == '-') {
		op := p.s[p.i]
		p.i++
		var r *expr
		if r, err = p.product(); err == nil {
			e = &expr{op: op, left: e, right: r}
		}
	}
	return e, err
}

func (p *formulaParser) product() (*expr, error) {
	e, err := p.factor()
	for err == nil && p.i < len(p.s) && (p.s[p.i] == '*' || p.s[p.i] == 'x' || p.s[p.i] == '/') {
		op := p.s[p.i]
		if op == 'x' {
			op = '*'
		}
		p.i++
		var r *expr
		if r, err = p.factor(); err == nil {
			e = &expr{op: op, left: e, right: r}
		}
	}
	return e, err
}

func (p *formulaParser) factor() (*expr, error) {
	if p.i >= len(p.s) {
		return nil, errFormula
	}
	c := p.s[p.i]
	switch {
	case c == '(':
		if p.depth > 20 {
			return nil, errFormula
		}
		p.depth++
		p.i++
		e, err := p.sum()
		if err != nil || p.i >= len(p.s) || p.s[p.i] != ')' {
			return nil, errFormula
		}
		p.i++
		p.depth--
		return e, nil
	case c >= 'a' && c <= 'f':
		p.i++
		return &expr{name: string(c)}, nil
	case isDigit(c):
		j := p.i
		for j < len(p.s) && (isDigit(p.s[j]) || p.s[j] == '.' || p.s[j] == ',') {
			j++
		}
		v, err := strconv.ParseFloat(strings.ReplaceAll(p.s[p.i:j], ",", "."), 64)
		if err != nil {
			return nil, errFormula
		}
		p.i = j
		return &expr{num: v}, nil
	}
	return nil, errFormula
}

// vars lists the letters the formula uses, in order of appearance.
func (e *expr) vars() []string {
	var out []string
	seen := map[string]bool{}
	var walk func(*expr)
	walk = func(e *expr) {
		if e == nil {
			return
		}
		if e.op == 0 && e.name != "" && !seen[e.name] {
			seen[e.name] = true
			out = append(out, e.name)
		}
		walk(e.left)
		walk(e.right)
	}
	walk(e)
	return out
}

// eval computes the formula; zero reports a division by zero.
func (e *expr) eval(vals map[string]float64) (v float64, zero bool) {
	if e.op == 0 {
		if e.name != "" {
			return vals[e.name], false
		}
		return e.num, false
	}
	l, z1 := e.left.eval(vals)
	r, z2 := e.right.eval(vals)
	zero = z1 || z2
	switch e.op {
	case '+':
		return l + r, zero
	case '-':
		return l - r, zero
	case '*':
		return l * r, zero
	}
	if r == 0 {
		return 0, true
	}
	return l / r, zero
}
