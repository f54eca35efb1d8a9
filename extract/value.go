package extract

import (
	"strings"
	"unicode/utf8"

	"chiso/report"
	"chiso/vntext"
)

// Problem is what went wrong reading a value: "" (nothing), or the finding
// code to report.
type Problem string

const (
	ProblemNone      Problem = ""
	ProblemAmbiguous Problem = Problem(report.CodeAmbiguousNumber)
	ProblemUnparsed  Problem = Problem(report.CodeUnparsedValue)
)

// ParseValue reads a value cell as written in a report: "78,23%", "78.23 %",
// "11.781", "760.370/761.174", "35,5 mét", "Có thành lập", "Đang thực
// hiện", "Hàng tuần" … ctx says what else is known (the document's decimal
// convention, whether the cell counts things).
//
// A frequency such as "Hàng tuần" is kind text: it is neither a status nor
// a quantity, and the rubric reads the words from the raw cell. A cell whose
// first line is a value and whose next lines explain it ("Đang thực hiện\n+
// Hoàn tất …") is read from its first line.
//
// A value may carry a sign ("+5%", "-12", "−2%" with U+2212) or say its
// sign in words ("tăng 5%", "giảm 3%" is −3 %): a change rather than a
// level. A dash or plus followed by a space is a bullet, not a sign:
// "- 100%" is 100 %. See signed.go.
func ParseValue(s string, ctx NumberContext) (report.Value, Problem) {
	t := strings.TrimSpace(s)
	v, p := parseLine(t, ctx)
	if v.Kind == report.KindText && p == ProblemNone {
		if i := strings.IndexByte(t, '\n'); i > 0 {
			if first, fp := parseLine(strings.TrimSpace(t[:i]), ctx); first.Kind != report.KindText && first.Kind != report.KindEmpty {
				return first, fp
			}
		}
	}
	return v, p
}

func parseLine(t string, ctx NumberContext) (report.Value, Problem) {
	switch t {
	case "", "-", "–", "—", "…", "...":
		return report.Value{Kind: report.KindEmpty}, ProblemNone
	}
	if v, p, ok := signedValue(t, ctx); ok {
		return v, p
	}
	if isDigit(t[0]) {
		return parseNumeric(t, ctx)
	}
	// A long text cannot be a status phrase: folding its head shows that
	// it has more words than any phrase allows.
	words := strings.Fields(vntext.FoldPrefix(t, 64))
	if len(words) <= maxPhraseWords {
		words = strings.Fields(vntext.Fold(t))
	}
	if len(words) == 0 {
		return report.Value{Kind: report.KindEmpty}, ProblemNone
	}
	if v, ok := wordValue(words); ok {
		return v, ProblemNone
	}
	if strings.ContainsRune(t, '%') && hasDigit(t) && utf8.RuneCountInString(t) <= 24 {
		return report.Value{Kind: report.KindText}, ProblemUnparsed
	}
	return report.Value{Kind: report.KindText}, ProblemNone
}

// parseNumeric reads a cell that starts with a digit.
func parseNumeric(t string, ctx NumberContext) (report.Value, Problem) {
	n := numeralEnd(t)
	tok, rest := t[:n], strings.TrimSpace(t[n:])
	switch {
	case strings.HasPrefix(rest, "%"):
		pc := ctx
		pc.Percent, pc.Count = true, false
		num, ok := readNumeral(tok, pc)
		if !ok || strings.HasPrefix(strings.TrimSpace(rest[1:]), "%") {
			return report.Value{Kind: report.KindText}, ProblemUnparsed
		}
		return numberValue(report.KindPercent, num, ""), problemOf(num)
	case strings.HasPrefix(rest, "/"):
		after := strings.TrimSpace(rest[1:])
		m := numeralEnd(after)
		if m == 0 {
			return unreadable(t)
		}
		tail := strings.TrimSpace(after[m:])
		if strings.HasPrefix(tail, "/") {
			// 12/10/2023: a date, not a fraction.
			return report.Value{Kind: report.KindText}, ProblemNone
		}
		cc := ctx
		cc.Count, cc.Percent = true, false
		a, ok1 := readNumeral(tok, cc)
		b, ok2 := readNumeral(after[:m], cc)
		if !ok1 || !ok2 || hasDigit(tail) && !statedRate(tail) {
			return unreadable(t)
		}
		if statedRate(tail) {
			tail = "" // "862/1.266 (68,1%)": the fraction with its rate
		}
		return report.Value{Kind: report.KindFraction, Numerator: &a.value, Denominator: &b.value, Unit: unitWords(tail)}, ProblemNone
	}
	if rest == "" {
		num, ok := readNumeral(tok, ctx)
		if !ok {
			return unreadable(t)
		}
		return numberValue(report.KindNumber, num, ""), problemOf(num)
	}
	if hasDigit(rest) || len(strings.Fields(rest)) > 5 {
		// "45 thủ tục … và 31 thủ tục": running text that starts with a
		// number is text, unless it is too short to be a sentence.
		return unreadable(t)
	}
	cc := ctx
	cc.Count = true
	num, ok := readNumeral(tok, cc)
	if !ok {
		return unreadable(t)
	}
	return numberValue(report.KindNumber, num, unitWords(rest)), problemOf(num)
}

// unreadable is a cell that starts with digits and is not a value: a
// sentence when it is long, an unparsed value when it is short.
func unreadable(t string) (report.Value, Problem) {
	if utf8.RuneCountInString(t) > 24 {
		return report.Value{Kind: report.KindText}, ProblemNone
	}
	return report.Value{Kind: report.KindText}, ProblemUnparsed
}

func numberValue(kind report.Kind, n numeral, unit string) report.Value {
	v := n.value
	return report.Value{Kind: kind, Number: &v, Unit: unit, Ambiguous: n.ambiguous, Decimals: n.decimals, Alt: n.alt, AltDecimals: n.altDecimals}
}

func problemOf(n numeral) Problem {
	if n.ambiguous {
		return ProblemAmbiguous
	}
	return ProblemNone
}

// unitWords tidies the words after a number into a unit: "mét", "hồ sơ".
func unitWords(s string) string {
	s = strings.Trim(s, " ()[].,;:")
	return strings.Join(strings.Fields(s), " ")
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			return true
		}
	}
	return false
}

// A phrase that starts a value cell and says what it means; the cell may
// add up to three words ("Có thành lập", "Có sử dụng").
type phrase struct {
	words  string
	status report.Status // for kind status
	yes    *bool         // for kind bool
}

var (
	yes, no = true, false
	// phrases are tried in order, so a longer phrase comes before any
	// shorter one it starts with.
	phrases = []phrase{
		{words: "khong ap dung"}, // not applicable: text
		{words: "chua hoan thanh", status: report.StatusNotStarted},
		{words: "chua trien khai", status: report.StatusNotStarted},
		{words: "chua thuc hien", status: report.StatusNotStarted},
		{words: "dang trien khai", status: report.StatusInProgress},
		{words: "dang thuc hien", status: report.StatusInProgress},
		{words: "dang xay dung", status: report.StatusInProgress},
		{words: "dang hoan thien", status: report.StatusInProgress},
		{words: "da hoan thanh", status: report.StatusDone},
		{words: "da thuc hien", status: report.StatusDone},
		{words: "da trien khai", status: report.StatusDone},
		{words: "da hoan tat", status: report.StatusDone},
		{words: "hoan thanh", status: report.StatusDone},
		{words: "hoan tat", status: report.StatusDone},
		{words: "chua ban hanh", yes: &no},
		{words: "chua thanh lap", yes: &no},
		{words: "chua co", yes: &no},
		{words: "khong co", yes: &no},
		{words: "khong", yes: &no},
		{words: "da ban hanh", yes: &yes},
		{words: "da thanh lap", yes: &yes},
		{words: "da co", yes: &yes},
		{words: "co", yes: &yes},
	}
)

// maxPhraseWords is the most words a cell read by wordValue can have: the
// longest phrase and three more.
var maxPhraseWords = func() int {
	n := 0
	for _, p := range phrases {
		n = max(n, len(strings.Fields(p.words))+3)
	}
	return n
}()

// startsWith reports whether words begin with the words of phrase, which
// are separated by single spaces, without joining them. A word may hold
// several words of the phrase run together ("da" "banhanh"): a scan's
// engine drops the narrow space between two syllables. It returns how
// many of the words the phrase took.
func startsWith(words []string, phrase string) (int, bool) {
	for i, w := range words {
		rest, ok := cutGlued(phrase, w)
		switch {
		case !ok:
			return 0, false
		case rest == "":
			return i + 1, true
		case rest[0] != ' ':
			return 0, false
		}
		phrase = rest[1:]
	}
	return 0, false
}

// cutGlued is strings.CutPrefix(phrase, w) where w may leave out the
// spaces between words of phrase.
func cutGlued(phrase, w string) (string, bool) {
	for w != "" {
		switch {
		case phrase == "":
			return "", false
		case phrase[0] == w[0]:
			phrase, w = phrase[1:], w[1:]
		case phrase[0] == ' ':
			phrase = phrase[1:]
		default:
			return "", false
		}
	}
	return phrase, true
}

// wordValue reads a status or yes/no cell from its folded words.
func wordValue(words []string) (report.Value, bool) {
	for _, p := range phrases {
		n, ok := startsWith(words, p.words)
		if !ok || len(words) > n+3 {
			continue
		}
		switch {
		case p.status != "":
			return report.Value{Kind: report.KindStatus, Status: p.status}, true
		case p.yes != nil:
			b := *p.yes
			return report.Value{Kind: report.KindBool, Bool: &b}, true
		}
		return report.Value{Kind: report.KindText}, true
	}
	return report.Value{}, false
}

// statedRate reports a rate in parentheses after a fraction: "(68,1%)".
func statedRate(s string) bool {
	inner, ok := strings.CutPrefix(s, "(")
	if inner, ok = strings.CutSuffix(inner, ")"); !ok {
		return false
	}
	inner, ok = strings.CutSuffix(strings.TrimSpace(inner), "%")
	inner = strings.TrimSpace(inner)
	return ok && inner != "" && numeralEnd(inner) == len(inner)
}
