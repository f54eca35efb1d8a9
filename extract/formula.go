package extract

import (
	"regexp"
	"strconv"
	"strings"
)

// formulaRe finds the method of a rate in its evidence: "Tỷ lệ = a/b",
// "Tỷ lệ: a/b", "Tỷ số = a/b", "Tỷ lệ=(a+b+c+d)/(e+f)", "Tỷ lệ (%) = a/b x 100".
var formulaRe = regexp.MustCompile(`(?i)t[ỷỉ]\s*(?:lệ|số|le|so)\s*(?:\(%\))?\s*[=:]\s*([()a-fA-F0-9 \t+\-*/×x.,%]+)`)

// findFormula returns the formula written in s, without spaces and without
// a trailing "×100", or "" when none is written.
func findFormula(s string) string {
	if !strings.Contains(s, "ỷ") && !strings.Contains(s, "ỉ") && !strings.Contains(s, "Ỷ") && !strings.Contains(s, "Ỉ") {
		return "" // the regexp is slow on the long evidence of most rows
	}
	for _, m := range formulaRe.FindAllStringSubmatch(s, -1) {
		f := strings.Map(func(r rune) rune {
			if r == ' ' || r == '\t' || r == '\n' {
				return -1
			}
			if r == '×' || r == 'X' {
				return 'x'
			}
			return r
		}, m[1])
		f = strings.ToLower(strings.TrimRight(f, ".,-%"))
		for _, tail := range []string{"x100", "*100"} {
			f = strings.TrimSuffix(f, tail)
		}
		f = strings.TrimRight(f, ".,-")
		if e, err := parseFormula(f); err == nil && len(e.vars()) >= 2 && strings.ContainsRune(f, '/') {
			return f
		}
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
