package rubric

import (
	"regexp"
	"strconv"
	"strings"

	"chiso/parse/vntext"
)

// ReadValue reads a value as a scoring sheet writes it in its "Số liệu"
// column: "62,5%", "26 bài", "Đã ban hành", "Hàng tuần", "Đang thực hiện".
// Words are kept in Raw and read by each method; ReadValue fills Number,
// Percent, Bool and Status where the words or digits say so. Callers that
// have a typed value (package extract) fill the fields themselves.
func ReadValue(raw string) *Observation {
	obs := &Observation{Raw: strings.TrimSpace(raw)}
	if x, ok := firstNumber(obs.Raw); ok {
		obs.Number = &x
		obs.Percent = strings.Contains(obs.Raw, "%")
	}
	if yes, ok := obs.yes(); ok && obs.Number == nil {
		obs.Bool = &yes
	}
	if st, ok := statusWords(vntext.Fold(obs.Raw)); ok {
		obs.Status = st
	}
	return obs
}

var numberRE = regexp.MustCompile(`[+-]?\d+(?:[.,]\d+)*`)

// firstNumber reads the first numeral of s the Vietnamese way: "," is the
// decimal mark and "." groups thousands ("1.234,5"), except that a "."
// followed by other than three digits is a decimal point ("78.23").
func firstNumber(s string) (float64, bool) {
	m := numberRE.FindString(s)
	if m == "" {
		return 0, false
	}
	dots, commas := strings.Count(m, "."), strings.Count(m, ",")
	switch {
	case dots > 0 && commas > 0:
		if strings.LastIndex(m, ",") > strings.LastIndex(m, ".") {
			m = strings.ReplaceAll(m, ".", "")
			m = strings.Replace(m, ",", ".", 1)
		} else {
			m = strings.ReplaceAll(m, ",", "")
		}
	case commas == 1:
		m = strings.Replace(m, ",", ".", 1)
	case commas > 1:
		m = strings.ReplaceAll(m, ",", "")
	case dots > 1:
		m = strings.ReplaceAll(m, ".", "")
	case dots == 1:
		if i := strings.Index(m, "."); len(m)-i-1 == 3 && !strings.Contains(s, "%") {
			m = strings.Replace(m, ".", "", 1)
		}
	}
	x, err := strconv.ParseFloat(m, 64)
	return x, err == nil
}

// fractionsIn returns the ratios of the fractions written in s ("6/7 nền
// tảng; 5/6 tập trung" → 0.857, 0.833).
func fractionsIn(s string) []float64 {
	var out []float64
	for _, m := range fractionRE.FindAllStringSubmatch(s, -1) {
		n, ok1 := firstNumber(m[1])
		d, ok2 := firstNumber(m[2])
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
	f := vntext.Fold(o.Raw)
	switch {
	case f == "":
	case hasWord(f, "chua") || hasWord(f, "khong"):
		return false, true
	case hasWord(f, "co") || hasWord(f, "da") || hasWord(f, "dat") || f == "x":
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
	f := vntext.Fold(o.Raw)
	switch {
	case strings.Contains(f, "pho bi thu") || strings.Contains(f, "pho chu tich") || strings.Contains(f, "pho giam doc") || strings.Contains(f, "cap pho"):
		return "deputy", true
	case strings.Contains(f, "bi thu") || strings.Contains(f, "chu tich") || strings.Contains(f, "giam doc") ||
		strings.Contains(f, "nguoi dung dau") || strings.Contains(f, "thu truong"):
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
	f := vntext.Fold(o.Raw)
	switch {
	case f == "":
		return "", false
	case hasWord(f, "chua") || hasWord(f, "khong"):
		return "less", true
	case hasWord(f, "tuan") || hasWord(f, "ngay"):
		return "weekly", true
	case hasWord(f, "thang"):
		return "monthly", true
	case hasWord(f, "quy") || hasWord(f, "nam"):
		return "less", true
	}
	return "", false
}

// status reads a state of progress.
func (o *Observation) status() (string, bool) {
	if o.Status != "" {
		return o.Status, true
	}
	if st, ok := statusWords(vntext.Fold(o.Raw)); ok {
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

func statusWords(f string) (string, bool) {
	switch {
	case hasWord(f, "dang"):
		return "in_progress", true
	case hasWord(f, "chua"):
		return "not_started", true
	case strings.Contains(f, "da trien khai") || strings.Contains(f, "da thuc hien") || strings.Contains(f, "hoan thanh") ||
		strings.Contains(f, "da xay dung") || strings.Contains(f, "da van hanh") || strings.Contains(f, "da dua vao"):
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
	f := vntext.Fold(t)
	switch {
	case hasWord(f, "giam") && *o.Number > 0:
		return -*o.Number, true
	case strings.HasPrefix(t, "+") || strings.HasPrefix(t, "-") || hasWord(f, "tang"):
		return *o.Number, true
	}
	return 0, false
}

// hasWord reports whether the folded text f has w as a whole word.
func hasWord(f, w string) bool {
	for _, x := range strings.Fields(f) {
		if x == w {
			return true
		}
	}
	return false
}
