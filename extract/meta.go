package extract

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"chiso/parse/doc"
	"chiso/parse/vntext"
)

// docTypes are title lines that only name the kind of document; the
// subject follows on the next line.
var docTypes = map[string]bool{"bao cao": true, "ke hoach": true, "quyet dinh": true, "to trinh": true, "cong van": true, "phu luc": true, "thong bao": true}

// letterhead reports a paragraph of the letterhead or of the legal
// preamble: it names other documents, dates and places, not the subject.
func letterhead(p string) bool {
	f := vntext.Fold(p)
	for _, pre := range []string{"so ", "can cu", "thuc hien", "theo de nghi", "kinh gui", "noi nhan", "cong hoa xa hoi", "doc lap tu do", "bookmark", "handwritten", "dinh kem", "ban hanh kem theo"} {
		if strings.HasPrefix(f, pre) {
			return !(pre == "so " && !hasDigit(f[:min(len(f), 12)]))
		}
	}
	return datedPlace.MatchString(f) && len(strings.Fields(f)) <= 14
}

// datedPlace is the "Thành phố Hồ Chí Minh, ngày 04 tháng 10 năm 2023" line.
var datedPlace = regexp.MustCompile(`ngay \d{1,2} thang \d{1,2} nam \d{4}`)

// front returns the title and the paragraphs that describe the report: the
// title block and the preamble up to the first numbered section, without
// letterhead and legal-basis lines.
func front(d *doc.Document) (title string, region []string) {
	var paras []string
	for i, b := range d.Blocks {
		if i > 40 {
			break
		}
		if b.Kind == doc.TableKind {
			if len(paras) > 0 {
				break
			}
			continue
		}
		t := oneLine(b.Text)
		if t == "" {
			continue
		}
		if sectionOf(t) != "" && len(paras) > 0 {
			break
		}
		if letterhead(t) || strings.HasSuffix(t, "|") && len(strings.Fields(t)) < 6 {
			continue
		}
		paras = append(paras, t)
		if len(paras) >= 8 {
			break
		}
	}
	if len(paras) == 0 {
		return "", nil
	}
	title = paras[0]
	n := 1
	if docTypes[vntext.Fold(title)] && len(paras) > 1 {
		title += " " + paras[1]
		n = 2
	}
	for n < len(paras) && n < 3 && isUpper(title) && isUpper(paras[n]) {
		title += " " + paras[n]
		n++
	}
	return title, paras
}

func isUpper(s string) bool {
	letters, upper := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return letters > 0 && upper*10 >= letters*9
}

// unitStop are words that end a unit's name in an upper-case title ("QUẬN
// BÌNH TÂN NĂM 2023").
var unitStop = map[string]bool{"nam": true, "quy": true, "thang": true, "tai": true, "ve": true, "va": true, "cua": true, "tren": true, "trong": true, "giai": true, "den": true, "bao": true, "ngay": true, "theo": true}

// city is the unit a report means by a bare "Thành phố".
const city = "Thành phố Hồ Chí Minh"

type unitHit struct {
	name       string
	city       bool
	department bool   // a Sở, named only where it is the subject
	after      string // folded word before the unit: tai, cua, ban (trên địa bàn)
}

// unitKinds are the kinds of unit looked for, as written.
var unitKinds = []string{"Quận", "quận", "QUẬN", "Huyện", "huyện", "HUYỆN", "Thành phố", "thành phố", "THÀNH PHỐ", "Thị xã", "thị xã", "THỊ XÃ", "Sở", "SỞ"}

// units returns the units named in s — a kind, then a number or
// capitalised name — outside quoted titles of programmes ("Chuyển đổi số
// của Thành phố Hồ Chí Minh").
func units(s string) []unitHit {
	if !mentionsUnit(s) {
		return nil
	}
	s = stripQuotes(s)
	type at struct{ i, j int } // kind at s[i:j]
	var found []at
	for _, k := range unitKinds {
		for off := 0; ; {
			i := strings.Index(s[off:], k)
			if i < 0 {
				break
			}
			i += off
			off = i + len(k)
			if r, _ := utf8.DecodeLastRuneInString(s[:i]); i > 0 && (unicode.IsLetter(r) || unicode.IsMark(r)) {
				continue
			}
			found = append(found, at{i, i + len(k)})
		}
	}
	sort.Slice(found, func(a, b int) bool { return found[a].i < found[b].i })
	var out []unitHit
	for _, f := range found {
		kind := s[f.i:f.j]
		sở := kind == "Sở" || kind == "SỞ"
		var words []string
		if sở {
			words = departmentName(s[f.j:])
		} else {
			words = unitName(s[f.j:])
		}
		for i, w := range words {
			if unitStop[vntext.Fold(w)] && !sở {
				words = words[:i]
				break
			}
		}
		if len(words) == 0 {
			continue
		}
		k := strings.ToLower(s[f.i:f.j])
		r := []rune(k)
		r[0] = unicode.ToUpper(r[0])
		for i, w := range words {
			if isUpper(w) && utf8.RuneCountInString(w) > 1 {
				wr := []rune(strings.ToLower(w))
				wr[0] = unicode.ToUpper(wr[0])
				words[i] = string(wr)
			}
		}
		name := string(r) + " " + strings.Join(words, " ")
		h := unitHit{name: name, city: vntext.Fold(name) == vntext.Fold(city), department: sở}
		if before := strings.Fields(vntext.Fold(s[max(0, f.i-40):f.i])); len(before) > 0 {
			h.after = before[len(before)-1]
		}
		out = append(out, h)
	}
	return out
}

// unitName reads the name after a unit's kind: a one- or two-digit
// number, or up to four capitalised words.
func unitName(s string) []string {
	if s == "" || (s[0] != ' ' && s[0] != '\t') {
		return nil
	}
	fields := strings.Fields(s[:min(len(s), 80)])
	if len(fields) == 0 {
		return nil
	}
	if n := numeralEnd(fields[0]); n > 0 && n <= 2 {
		if rest := strings.TrimRight(fields[0][n:], ".,;:)"); rest == "" {
			return []string{fields[0][:n]}
		}
		return nil
	}
	var words []string
	for _, w := range fields {
		w2 := strings.TrimRight(w, ".,;:)”\"")
		r, _ := utf8.DecodeRuneInString(w2)
		if !unicode.IsUpper(r) {
			break
		}
		words = append(words, w2)
		if len(words) == 4 || w2 != w {
			break
		}
	}
	return words
}

// departmentName reads the name after "Sở": words up to punctuation or
// a word that starts what the report says about it ("Sở Thông tin và
// Truyền thông báo cáo …", "SỞ Y TẾ NĂM 2024"), at most eight.
func departmentName(s string) []string {
	if s == "" || s[0] != ' ' {
		return nil
	}
	fields := strings.Fields(s[:min(len(s), 120)])
	var words []string
	for i, w := range fields {
		w2 := strings.TrimRight(w, ".,;:)”\"")
		f := vntext.Fold(w2)
		r, _ := utf8.DecodeRuneInString(w2)
		if i == 0 && !unicode.IsUpper(r) || unitStop[f] && f != "va" || f == "thanh" || f == "tp" || f == "" {
			break
		}
		words = append(words, w2)
		if len(words) == 8 || w2 != w {
			break
		}
	}
	return words
}

// mentionsUnit is a quick test for the kinds of unit unitRe looks for.
func mentionsUnit(s string) bool {
	for _, k := range []string{"uận", "UẬN", "uyện", "UYỆN", "hành phố", "HÀNH PHỐ", "hị xã", "HỊ XÃ", "Sở", "SỞ"} {
		if strings.Contains(s, k) {
			return true
		}
	}
	return false
}

// stripQuotes removes text in “…” and "…" quotes.
func stripQuotes(s string) string {
	if !strings.ContainsRune(s, '“') {
		return s
	}
	var b strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '“':
			in = true
		case r == '”':
			in = false
		case !in:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// findUnit says which unit a report is about: the one the title and
// preamble report on (tại / của / trên địa bàn …), a district before the
// city; otherwise the district the whole document names most. The city is
// the unit only when it is the subject (a city-level report) or nothing
// else is named. A name is given with its kind capitalised: "Quận Bình Tân".
func findUnit(region []string, d *doc.Document) string {
	var cityHit bool
	for _, p := range region {
		for _, h := range units(p) {
			subject := h.after == "tai" || h.after == "cua" || h.after == "ban"
			switch {
			case h.city && subject:
				cityHit = true
			case !h.city && subject:
				return h.name
			}
		}
	}
	if cityHit {
		return city
	}
	counts := map[string]int{}
	var order []string
	add := func(s string) {
		for _, h := range units(s) {
			if h.city || h.department {
				continue
			}
			if counts[h.name] == 0 {
				order = append(order, h.name)
			}
			counts[h.name]++
		}
	}
	for _, b := range d.Blocks {
		if b.Kind == doc.TableKind && b.Table != nil {
			for _, r := range b.Table.Rows {
				for _, c := range r {
					add(c.Text)
				}
			}
			continue
		}
		add(b.Text)
	}
	best := ""
	for _, n := range order {
		if counts[n] > counts[best] {
			best = n
		}
	}
	if best == "" {
		for _, p := range region {
			if strings.Contains(vntext.Fold(p), vntext.Fold(city)) {
				return city
			}
		}
	}
	return best
}

var (
	// dates and horizons are not the period: "ngày 04 tháng 10 năm 2023",
	// "12/10/2023", "đến năm 2030", "giai đoạn 2022 - 2025".
	dateRe    = regexp.MustCompile(`ngay \d{1,2} thang \d{1,2} nam \d{4}|\d{1,2} \d{1,2} \d{4}|(?:den|giai doan|tam nhin|dinh huong|tu) (?:nam )?\d{4}(?: \d{4})?`)
	monthRe   = regexp.MustCompile(`(?:^| )thang (\d{1,2}) (?:nam )?(\d{4})`)
	monthsRe  = regexp.MustCompile(`(?:^| )(\d{1,2}) thang (?:dau )?nam (\d{4})`)
	quarterRe = regexp.MustCompile(`(?:^| )quy (iv|iii|ii|i|[1-4]) (?:nam )?(\d{4})`)
	yearRe    = regexp.MustCompile(`(?:^| )nam (\d{4})|(?:^| )(20\d\d)$`)
)

var romanQuarter = map[string]int{"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
var quarterName = []string{"", "I", "II", "III", "IV"}

// findPeriod reads what period the report is about from its title and
// preamble: a month, a quarter, the first n months of a year, or a year. A
// title that gives only the year is refined by the first "n tháng đầu năm"
// or "quý" of that year in the body, outside the plans for the next period.
// The label is written in a standard form ("quý III năm 2023"), since the
// title may be in capitals or abbreviated.
func findPeriod(region []string, d *doc.Document) Period {
	var p Period
	for _, s := range region {
		if q := finePeriod(prep(s)); q.Year != nil {
			return q
		}
		if p.Year == nil {
			if m := yearRe.FindStringSubmatch(prep(s)); m != nil {
				y := atoi(m[1] + m[2])
				p = Period{Year: &y, Label: "năm " + strconv.Itoa(y)}
			}
		}
	}
	if p.Year == nil {
		return p
	}
	for _, b := range d.Blocks {
		if b.Kind == doc.TableKind || !mentionsPeriod(b.Text) {
			continue
		}
		f := prep(b.Text)
		if strings.Contains(f, "tiep theo") || strings.Contains(f, "phuong huong") || strings.Contains(f, "du kien") {
			break
		}
		if m := monthsRe.FindStringSubmatch(f); m != nil && atoi(m[2]) == *p.Year {
			if n := atoi(m[1]); n%3 == 0 && n > 0 && n < 12 {
				q := n / 3
				p.Quarter, p.Label = &q, m[1]+" tháng đầu năm "+m[2]
				return p
			}
		}
		if m := quarterRe.FindStringSubmatch(f); m != nil && atoi(m[2]) == *p.Year {
			q := romanQuarter[m[1]]
			p.Quarter, p.Label = &q, "quý "+quarterName[q]+" năm "+m[2]
			return p
		}
	}
	return p
}

// mentionsPeriod is a quick test for the words findPeriod looks for in
// the body (quý, tháng) and for the plans that end its search.
func mentionsPeriod(s string) bool {
	for _, k := range []string{"uý", "UÝ", "áng", "ÁNG", "iếp theo", "IẾP THEO", "ướng", "ƯỚNG", "ự kiến", "Ự KIẾN"} {
		if strings.Contains(s, k) {
			return true
		}
	}
	return false
}

// prep folds a paragraph and removes dates and horizons from it.
func prep(s string) string {
	return dateRe.ReplaceAllString(vntext.Fold(stripQuotes(s)), " ")
}

// finePeriod finds a month, quarter or "n tháng đầu năm" in folded text.
func finePeriod(f string) Period {
	if m := monthsRe.FindStringSubmatch(f); m != nil {
		y, n := atoi(m[2]), atoi(m[1])
		p := Period{Year: &y, Label: m[1] + " tháng đầu năm " + m[2]}
		if n%3 == 0 && n > 0 && n < 12 {
			q := n / 3
			p.Quarter = &q
		}
		return p
	}
	if m := quarterRe.FindStringSubmatch(f); m != nil {
		y, q := atoi(m[2]), romanQuarter[m[1]]
		return Period{Year: &y, Quarter: &q, Label: "quý " + quarterName[q] + " năm " + m[2]}
	}
	if m := monthRe.FindStringSubmatch(f); m != nil {
		y, mo := atoi(m[2]), atoi(m[1])
		if mo >= 1 && mo <= 12 {
			return Period{Year: &y, Month: &mo, Label: "tháng " + strconv.Itoa(mo) + " năm " + m[2]}
		}
	}
	return Period{}
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
