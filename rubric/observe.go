package rubric

import (
	"math"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"chiso/extract"
	"chiso/vntext"
)

// ReadValue reads a value as a scoring sheet writes it in its "Số liệu"
// column: "62,5%", "26 bài", "Đã ban hành", "Hàng tuần", "Đang thực hiện".
// Words are kept in Raw and read by each method; ReadValue fills Number,
// Percent, Bool and Status where the words or digits say so. Callers that
// have a typed value (package extract) fill the fields themselves.
func ReadValue(raw string) *Observation {
	obs := &Observation{Raw: strings.TrimSpace(raw)}
	if x, percent, ok := extract.FirstNumber(obs.Raw, false); ok {
		obs.Number, obs.Percent = &x, percent
	}
	if yes, ok := obs.yes(); ok && obs.Number == nil {
		obs.Bool = &yes
	}
	if st, ok := statusWords(wordsOf(obs.Raw)); ok {
		obs.Status = st
	}
	return obs
}

// fractionsIn returns the ratios of the fractions written in s ("6/7 nền
// tảng; 5/6 tập trung" → 0.857, 0.833).
func fractionsIn(s string) []float64 {
	var out []float64
	for _, m := range fractionRE.FindAllStringSubmatch(s, -1) {
		n, _, ok1 := extract.FirstNumber(m[1], true)
		d, _, ok2 := extract.FirstNumber(m[2], true)
		if !ok1 || !ok2 {
			continue
		}
		switch {
		case d != 0:
			out = append(out, n/d)
		case n == 0:
			out = append(out, 1) // 0/0: nothing to measure (II.2.c)
		default:
			out = append(out, 0)
		}
	}
	return out
}

var fractionRE = regexp.MustCompile(`(\d[\d.,]*)\s*/\s*(\d[\d.,]*)`)

func (o *Observation) empty() bool {
	return strings.TrimSpace(o.Raw) == "" && o.Number == nil && o.Bool == nil && o.Status == "" && len(o.Inputs) == 0
}

// yes reads a yes/no value: a typed Bool, a status, or the words sheets
// use ("Có", "Đã ban hành", "Có sử dụng", "Chưa ban hành", "Không"); a
// count is yes when positive ("2 công chức").
func (o *Observation) yes() (bool, bool) {
	if o.Bool != nil {
		return *o.Bool, true
	}
	switch o.Status {
	case "done":
		return true, true
	case "not_started":
		return false, true
	}
	f := wordsOf(o.Raw)
	switch {
	case f.empty():
	case f.has("chưa") || f.has("không"):
		return false, true
	case f.has("có") || f.has("đã") || f.has("đạt") || f.is("x"):
		return true, true
	}
	if o.Number != nil {
		return *o.Number > 0, true
	}
	return false, false
}

// leader reads who heads the steering committee. The label asserts that
// the head does, so a plain yes is the head.
func (o *Observation) leader() (string, bool) {
	f := wordsOf(o.Raw)
	switch {
	case f.contains("phó bí thư") || f.contains("phó chủ tịch") || f.contains("phó giám đốc") || f.contains("cấp phó"):
		return "deputy", true
	case f.contains("bí thư") || f.contains("chủ tịch") || f.contains("giám đốc") ||
		f.contains("người đứng đầu") || f.contains("thủ trưởng"):
		return "head", true
	}
	if yes, ok := o.yes(); ok {
		if yes {
			return "head", true
		}
		return "other", true
	}
	return "", false
}

// frequency reads a broadcast frequency: weekly (or more often), monthly,
// or less.
func (o *Observation) frequency() (string, bool) {
	f := wordsOf(o.Raw)
	switch {
	case f.empty():
		return "", false
	case f.has("chưa") || f.has("không"):
		return "less", true
	case f.has("tuần") || f.has("ngày"):
		return "weekly", true
	case f.has("tháng"):
		return "monthly", true
	case f.has("quý") || f.has("năm"):
		return "less", true
	}
	return "", false
}

// status reads a state of progress.
func (o *Observation) status() (string, bool) {
	if o.Status != "" {
		return o.Status, true
	}
	if st, ok := statusWords(wordsOf(o.Raw)); ok {
		return st, true
	}
	if o.Bool != nil {
		if *o.Bool {
			return "done", true
		}
		return "not_started", true
	}
	return "", false
}

func statusWords(f words) (string, bool) {
	switch {
	case f.has("đang"):
		return "in_progress", true
	case f.has("chưa"):
		return "not_started", true
	case f.contains("đã triển khai") || f.contains("đã thực hiện") || f.contains("hoàn thành") ||
		f.contains("đã xây dựng") || f.contains("đã vận hành") || f.contains("đã đưa vào"):
		return "done", true
	}
	return "", false
}

// count reads a count ("26 bài", "12 hoạt động").
func (o *Observation) count() (float64, bool) {
	if o.Number != nil && !o.Percent {
		return *o.Number, true
	}
	if a, ok := o.Inputs["a"]; ok {
		return a, true
	}
	return 0, false
}

// statedGrowth returns the growth when the value is one rather than a
// level: written with a sign ("+12%", "-3%") or with the words tăng/giảm
// ("giảm 3%" is −3).
func (o *Observation) statedGrowth() (float64, bool) {
	if o.Number == nil {
		return 0, false
	}
	t := strings.TrimSpace(o.Raw)
	f := wordsOf(t)
	switch {
	case f.has("giảm"):
		// "giảm 3%" may come as 3 or, signed by extract, as −3.
		return -math.Abs(*o.Number), true
	case signedNumber(t) || f.has("tăng"):
		return *o.Number, true
	}
	return 0, false
}

// signedNumber reports a sign glued to the digits ("+5%", "-3", "−2%"):
// a dash followed by a space is a bullet, not a sign.
func signedNumber(t string) bool {
	for _, sign := range []string{"+", "-", "−", "–"} {
		if rest, ok := strings.CutPrefix(t, sign); ok {
			return rest != "" && rest[0] >= '0' && rest[0] <= '9'
		}
	}
	return false
}

// words is a value's text as words, for reading the words sheets use.
// Text typed with diacritics is compared with them — folded, "cơ" (cơ
// quan) would be "có" and "đăng" (đăng ký) "đang"; text typed without any
// is compared folded.
type words struct {
	toks   []string
	marked bool
	text   string // the tokens joined by single spaces
}

func wordsOf(s string) words {
	marked := false
	for _, r := range s {
		if r >= utf8.RuneSelf && unicode.IsLetter(r) {
			marked = true
			break
		}
	}
	var toks []string
	if marked {
		toks = strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	} else {
		toks = strings.Fields(vntext.Fold(s))
	}
	return words{toks, marked, strings.Join(toks, " ")}
}

// key is w as the value's words are written: folded when they are.
func (f words) key(w string) string {
	if f.marked {
		return w
	}
	return vntext.Fold(w)
}

func (f words) empty() bool { return len(f.toks) == 0 }

func (f words) is(w string) bool { return f.text == f.key(w) }

// has reports whether w is one of the words.
func (f words) has(w string) bool {
	k := f.key(w)
	for _, x := range f.toks {
		if x == k {
			return true
		}
	}
	return false
}

// contains reports whether the words hold the phrase.
func (f words) contains(phrase string) bool {
	return strings.Contains(" "+f.text+" ", " "+f.key(phrase)+" ")
}
