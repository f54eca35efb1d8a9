package extract

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"chiso/internal/formula"
	"chiso/internal/msg"
	"chiso/report"
	"chiso/vntext"
)

// This package emits rate_mismatch, rate_over_100, zero_denominator,
// missing_component, breakdown_mismatch, prose_rate_mismatch,
// ambiguous_number, unparsed_value, duplicate_stt and score_over_max. The
// rubric stage emits self_score_mismatch and rubric_missing, the mapping
// stage rubric_unmapped.

// holds reports whether a rate written with decimals digits after the
// separator equals computed rounded to those digits: 78.23 holds for
// 78.227, 100 for 99.894.
func holds(reported, computed float64, decimals int) bool {
	return math.Abs(reported-computed) <= 0.5*math.Pow(10, -float64(decimals))+1e-9
}

// isShare reports whether a folded label names a share (Tỷ lệ …), which
// cannot exceed 100 %.
func isShare(folded string) bool {
	return hasWords(folded, "ty le")
}

// hasWords reports whether folded text holds the words w, whole: as
// strings.Contains(" "+f+" ", " "+w+" ") without building the strings.
func hasWords(f, w string) bool {
	for off := 0; ; {
		i := strings.Index(f[off:], w)
		if i < 0 {
			return false
		}
		i += off
		if (i == 0 || f[i-1] == ' ') && (i+len(w) == len(f) || f[i+len(w)] == ' ') {
			return true
		}
		off = i + 1
	}
}

// isRate reports whether a row is a rate whose letter rows are its
// components: its label says Tỷ lệ / Tỷ số, its value is a percentage, or
// its evidence writes a formula.
func isRate(r *row) bool {
	f := r.foldedLabel()
	return hasWords(f, "ty le") || hasWords(f, "ty so") || strings.Contains(r.raw, "%") || r.formula != ""
}

// substitute writes a formula with the component values in place of the
// letters: "a/b" → "11781/15060".
func substitute(formula string, vals map[string]float64) string {
	var b strings.Builder
	for i := 0; i < len(formula); i++ {
		c := formula[i]
		if v, ok := vals[string(c)]; ok && c >= 'a' && c <= 'f' {
			b.WriteString(msg.Num(&v))
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// resolveRate decides an ambiguous rate ("1.234 %") from its components:
// when exactly one reading agrees with the formula, it is the one written.
func resolveRate(p *row, comps map[string]*row, written string) {
	if p.value.Kind != report.KindPercent || !p.value.Ambiguous || len(comps) == 0 {
		return
	}
	e, err := formula.Parse(written)
	if err != nil {
		return
	}
	vals := map[string]float64{}
	for _, v := range e.Vars() {
		c, ok := comps[v]
		if !ok || c.value.Number == nil || c.value.Ambiguous {
			return
		}
		vals[v] = *c.value.Number
	}
	q, zero := e.Eval(vals)
	if zero {
		return
	}
	first := holds(*p.value.Number, 100*q, p.value.Decimals)
	other := holds(p.value.Alt, 100*q, p.value.AltDecimals)
	if first == other {
		return
	}
	if other {
		n := p.value.Alt
		p.value.Number, p.value.Decimals = &n, p.value.AltDecimals
	}
	p.value.Ambiguous, p.problem = false, ProblemNone
}

// rateCheck is the outcome of checking a rate against its components.
type rateCheck struct {
	code     report.Code
	computed *float64
	detail   string
}

// checkRate checks the rate of row p against its component rows. written
// is the one written, or "a/b".
func checkRate(p *row, comps map[string]*row, written string) []rateCheck {
	if p.value.Kind != report.KindPercent || p.value.Ambiguous || len(comps) == 0 {
		return nil
	}
	e, err := formula.Parse(written)
	if err != nil {
		return nil
	}
	vals := map[string]float64{}
	var missing []string
	for _, v := range e.Vars() {
		c, ok := comps[v]
		switch {
		case !ok || c.value.Kind == report.KindEmpty:
			missing = append(missing, v)
		case c.value.Ambiguous || c.value.Number == nil:
			return nil // reported as ambiguous or unparsed already
		default:
			vals[v] = *c.value.Number
		}
	}
	if len(missing) > 0 {
		if len(missing) == len(e.Vars()) {
			return nil // no component reported: nothing to check
		}
		return []rateCheck{{code: report.CodeMissingComponent, detail: strings.Join(missing, ", ")}}
	}
	q, zero := e.Eval(vals)
	detail := substitute(written, vals)
	if zero {
		return []rateCheck{{code: report.CodeZeroDenominator, detail: detail}}
	}
	computed := 100 * q
	var out []rateCheck
	if computed > 100+1e-9 {
		out = append(out, rateCheck{code: report.CodeRateOver100, computed: &computed, detail: detail})
	}
	if !holds(*p.value.Number, computed, p.value.Decimals) {
		out = append(out, rateCheck{code: report.CodeRateMismatch, computed: &computed, detail: detail})
	}
	return out
}

// breakdown returns the terms of a breakdown written in evidence, as in
// "Ủy ban nhân dân Quận: 5519 Ủy ban nhân dân 14 phường: 6262". Counts
// before the colon ("14 phường") are not terms; text in parentheses is a
// sub-breakdown and is skipped; a term labelled as a total or as a period
// (quý, tháng, năm) means this is not a breakdown at all.
func breakdown(evidence string, conv Convention) []float64 {
	if strings.IndexByte(evidence, ':') < 0 {
		return nil // every term follows a colon
	}
	s := stripParens(evidence)
	var terms []float64
	for off := 0; ; {
		c := strings.IndexByte(s[off:], ':')
		if c < 0 {
			break
		}
		c += off
		off = c + 1
		// A count right after the colon, not a date, fraction or share.
		j := skipSpaces(s, c+1)
		n := numeralEnd(s[j:])
		if n == 0 {
			continue
		}
		if k := skipSpaces(s, j+n); k < len(s) && (s[k] == '/' || s[k] == '%' || s[k] == ':') {
			continue
		}
		// A word right before the colon: its label.
		label := strings.TrimRight(s[max(0, c-60):c], " ")
		r, _ := utf8.DecodeLastRuneInString(label)
		if !unicode.IsLetter(r) && !unicode.IsMark(r) {
			continue
		}
		words := strings.Fields(vntext.Fold(label))
		for _, w := range words[max(0, len(words)-4):] {
			switch w {
			case "quy", "thang", "nam", "ngay", "tuan", "dot", "tong", "cong":
				return nil
			}
		}
		v, ok := readNumeral(s[j:j+n], NumberContext{Convention: conv, Count: true})
		if !ok {
			return nil
		}
		terms = append(terms, v.value)
	}
	if len(terms) < 2 {
		return nil
	}
	return terms
}

// stripParens removes text in parentheses, nested or not.
func stripParens(s string) string {
	if strings.IndexByte(s, '(') < 0 && utf8.ValidString(s) {
		return s // nothing to strip (the loop below would mend bad UTF-8)
	}
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(':
			depth++
		case r == ')' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}
