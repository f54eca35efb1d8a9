// Package formula is the one grammar of the rates' formulas, for every
// stage: the formula a report writes in its evidence ("Tỷ lệ = (a+b)/c x
// 100", which package extract finds and checks) and the formula of a
// rubric's indicator ("(c+d)/(a+b)", which package rubric loads and
// scores). Both are read by Parse, so that a report's formula and the
// rubric's are compared and computed by the same rules.
//
// A formula is +, -, * (also written x), / and parentheses over input
// names and numbers, with the usual precedence. A name is one lower-case
// letter other than x, which reports use for "times" ("a/b x 100").
// Numbers are written with "." or "," as the decimal mark. Spaces are
// ignored.
package formula

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Expr is a parsed formula.
type Expr struct {
	op          byte // '+', '-', '*', '/'; 0 for a leaf
	left, right *Expr
	name        string  // an input name, for a leaf
	num         float64 // a constant, for a leaf with no name
}

// Error reports a formula that does not parse: Text is the formula and
// Pos the byte offset, spaces removed, where reading stopped.
type Error struct {
	Text string
	Pos  int
}

func (e *Error) Error() string {
	if e.Text == "" {
		return "empty formula"
	}
	if e.Pos >= len(e.Text) {
		return fmt.Sprintf("formula %q ends too early", e.Text)
	}
	r, _ := utf8.DecodeRuneInString(e.Text[e.Pos:])
	return fmt.Sprintf("formula %q: unexpected %q at %d (an input name is a lower-case letter)", e.Text, r, e.Pos)
}

// maxDepth bounds the nesting of parentheses, so that a crafted formula
// cannot recurse without end.
const maxDepth = 20

// Parse reads the formula s.
func Parse(s string) (*Expr, error) {
	if strings.ContainsAny(s, " \t") {
		s = strings.NewReplacer(" ", "", "\t", "").Replace(s)
	}
	p := &parser{s: s}
	e, err := p.sum()
	if err == nil && p.i != len(p.s) {
		err = p.fail()
	}
	if err != nil {
		return nil, err
	}
	return e, nil
}

// IsName reports whether s is an input name.
func IsName(s string) bool {
	return len(s) == 1 && isLetter(s[0])
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' && c != 'x' }

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

type parser struct {
	s     string
	i     int
	depth int
}

func (p *parser) fail() error { return &Error{Text: p.s, Pos: p.i} }

func (p *parser) sum() (*Expr, error) {
	e, err := p.product()
	for err == nil && p.i < len(p.s) && (p.s[p.i] == '+' || p.s[p.i] == '-') {
		op := p.s[p.i]
		p.i++
		var r *Expr
		if r, err = p.product(); err == nil {
			e = &Expr{op: op, left: e, right: r}
		}
	}
	return e, err
}

func (p *parser) product() (*Expr, error) {
	e, err := p.factor()
	for err == nil && p.i < len(p.s) && (p.s[p.i] == '*' || p.s[p.i] == 'x' || p.s[p.i] == '/') {
		op := p.s[p.i]
		if op == 'x' {
			op = '*'
		}
		p.i++
		var r *Expr
		if r, err = p.factor(); err == nil {
			e = &Expr{op: op, left: e, right: r}
		}
	}
	return e, err
}

func (p *parser) factor() (*Expr, error) {
	if p.i >= len(p.s) {
		return nil, p.fail()
	}
	c := p.s[p.i]
	switch {
	case c == '(':
		if p.depth >= maxDepth {
			return nil, p.fail()
		}
		p.depth++
		p.i++
		e, err := p.sum()
		if err != nil {
			return nil, err
		}
		if p.i >= len(p.s) || p.s[p.i] != ')' {
			return nil, p.fail()
		}
		p.i++
		p.depth--
		return e, nil
	case isLetter(c):
		p.i++
		return &Expr{name: string(c)}, nil
	case isDigit(c):
		j := p.i
		for j < len(p.s) && (isDigit(p.s[j]) || p.s[j] == '.' || p.s[j] == ',') {
			j++
		}
		v, err := strconv.ParseFloat(strings.ReplaceAll(p.s[p.i:j], ",", "."), 64)
		if err != nil {
			return nil, p.fail()
		}
		p.i = j
		return &Expr{num: v}, nil
	}
	return nil, p.fail()
}

// Vars lists the input names the formula uses, in order of appearance.
func (e *Expr) Vars() []string {
	var out []string
	var walk func(*Expr)
	walk = func(e *Expr) {
		if e == nil {
			return
		}
		if e.op == 0 && e.name != "" && !contains(out, e.name) {
			out = append(out, e.name)
		}
		walk(e.left)
		walk(e.right)
	}
	walk(e)
	return out
}

func contains(names []string, n string) bool {
	for _, m := range names {
		if m == n {
			return true
		}
	}
	return false
}

// Ratio splits a formula whose last operation is a division into its
// numerator and denominator; den is nil for a formula that is not a
// ratio ("a", "a+b").
func (e *Expr) Ratio() (num, den *Expr) {
	if e.op == '/' {
		return e.left, e.right
	}
	return e, nil
}

// Eval computes the formula from vals; an input vals lacks counts as 0.
// zero reports a division by zero anywhere in it, when v means nothing.
func (e *Expr) Eval(vals map[string]float64) (v float64, zero bool) {
	if e.op == 0 {
		if e.name != "" {
			return vals[e.name], false
		}
		return e.num, false
	}
	l, z1 := e.left.Eval(vals)
	r, z2 := e.right.Eval(vals)
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

// Has reports whether vals holds every input the formula uses.
func (e *Expr) Has(vals map[string]float64) bool {
	for _, n := range e.Vars() {
		if _, ok := vals[n]; !ok {
			return false
		}
	}
	return true
}
