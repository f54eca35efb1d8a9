package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"chiso/doc"
	"chiso/report"
	"chiso/vntext"
)

var (
	// dates and horizons are not the period: "ngày 04 tháng 10 năm 2023"
	// (day and month may be left blank in a draft), "12/10/2023", "đến năm
	// 2030", "giai đoạn 2022 - 2025".
	dateRe    = regexp.MustCompile(`ngay (?:\d{1,2} )?thang (?:\d{1,2} )?nam \d{4}|\d{1,2} \d{1,2} \d{4}|(?:den|giai doan|tam nhin|dinh huong|tu) (?:nam )?\d{4}(?: \d{4})?`)
	monthRe   = regexp.MustCompile(`(?:^| )thang (\d{1,2}) (?:nam )?(\d{4})`)
	monthsRe  = regexp.MustCompile(`(?:^| )(\d{1,2}) thang (dau |cuoi )?nam (\d{4})`)
	quarterRe = regexp.MustCompile(`(?:^| )quy (iv|iii|ii|i|[1-4]) (?:nam )?(\d{4})`)
	yearRe    = regexp.MustCompile(`(?:^| )nam (\d{4})|(?:^| )(20\d\d)$`)
	// targetRe is a year aimed at: "cho năm 2026", "đến năm 2030".
	targetRe = regexp.MustCompile(`(?:^| )(?:cho|den|toi) nam \d{4}`)
	// stageRe is a span of years named in a title: "giai đoạn 2026 - 2030".
	stageRe = regexp.MustCompile(`(?:^| )giai doan (\d{4}) (\d{4})`)
	// rangeRe is a span of dates: "từ 01/7/2025 đến 31/7/2025".
	rangeRe = regexp.MustCompile(`(?:^| )tu (?:ngay )?(\d{1,2}) (\d{1,2}) (\d{4}) (?:den|toi) (?:het )?(?:ngay )?(\d{1,2}) (\d{1,2}) (\d{4})`)
)

var romanQuarter = map[string]int{"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
var quarterName = []string{"", "I", "II", "III", "IV"}

// months returns the span [first, last].
func months(first, last int) *[2]int { return &[2]int{first, last} }

// yearPeriod is the period of a whole year.
func yearPeriod(y int) report.Period {
	return report.Period{Year: &y, Months: months(1, 12), Label: "năm " + strconv.Itoa(y)}
}

// findPeriod reads what period the report is about from its title, then
// from the rest of its preamble: a month, a quarter, the first (or last) n
// months of a year, a span of whole months written as dates, a year, or a
// span of years (giai đoạn 2026 - 2030, whose months are nil). A title that
// tags the report with a bare year ("… THÔNG MINH 2023") is refined by the
// first "n tháng đầu năm" or "quý" of that year in the body, outside the
// plans for the next period; a title that says "năm 2025" means the year.
// When the front says nothing, the header of a table may: a statistical
// annex heads its value column "Năm 2025 (tính từ 01/7/2025 đến
// 31/7/2025)". The signing date is never the period. The label is written
// in a standard form ("quý III năm 2023"), since the title may be in
// capitals or abbreviated.
func findPeriod(title string, region []string, d *doc.Document) report.Period {
	var p report.Period
	bare := false
	for i, s := range append([]string{title}, region...) {
		raw := vntext.Fold(stripQuotes(s))
		// What a draft ("dự thảo Kế hoạch … năm 2026") is about is not the
		// period of a digest of comments on it, nor what is planned ("V/v
		// dự kiến mục tiêu … kế hoạch … năm 2026") the period of a letter
		// that asks for the plans.
		// A subject wraps onto the lines after it: they are passed over too.
		planned := false
		for _, cut := range []string{"du thao ", "du kien "} {
			if j := strings.Index(raw, cut); j >= 0 {
				raw, planned = raw[:j], true
			}
		}
		f := removeDates(raw)
		if q := finePeriod(f); q.Year != nil {
			return q
		}
		if q := rangePeriod(raw); q.Year != nil {
			return q
		}
		if p.Year == nil {
			// A year the text aims at ("giải pháp cho năm 2026", "đến năm
			// 2030") is a target, not the period it reports on.
			f := targetRe.ReplaceAllString(f, " ")
			if m := yearRe.FindStringSubmatch(f); m != nil {
				p = yearPeriod(atoi(m[1] + m[2]))
				bare = m[2] != ""
			} else if m := stageRe.FindStringSubmatch(raw); m != nil && i == 0 {
				y := atoi(m[1])
				p = report.Period{Year: &y, Label: "giai đoạn " + m[1] + " - " + m[2]}
			}
		}
		if i == 0 && p.Year != nil {
			break // the title says it
		}
		if planned {
			break
		}
	}
	if p.Year == nil {
		return headerPeriod(d)
	}
	if !bare {
		return p
	}
	year := strconv.Itoa(*p.Year)
	for _, b := range d.Blocks {
		if b.Kind == doc.TableKind || !mentionsPeriod(b.Text) {
			continue
		}
		f := vntext.Fold(stripQuotes(b.Text))
		// Removing dates leaves a space where they were, so the words
		// looked for below (and the year, with no space in it) are in f
		// whenever they are in what is left: most paragraphs are passed
		// over without running the patterns.
		mayEnd := has(f, "tiep", "theo") || has(f, "phuong", "huong") || has(f, "du", "kien")
		if !mayEnd && !(strings.Contains(f, year) && (strings.Contains(f, "thang") || strings.Contains(f, "quy"))) {
			continue
		}
		f = removeDates(f)
		if strings.Contains(f, "tiep theo") || strings.Contains(f, "phuong huong") || strings.Contains(f, "du kien") {
			break
		}
		if m := monthsRe.FindStringSubmatch(f); m != nil && atoi(m[3]) == *p.Year {
			if q := finePeriod(f); q.Year != nil {
				return q
			}
		}
		if m := quarterRe.FindStringSubmatch(f); m != nil && atoi(m[2]) == *p.Year {
			q := romanQuarter[m[1]]
			return quarterPeriod(*p.Year, q)
		}
	}
	return p
}

// headerPeriod reads the period from the header rows of the document's
// tables: a year ("Năm 2025"), narrowed by a span of whole months written
// beside it.
func headerPeriod(d *doc.Document) report.Period {
	for _, b := range d.Blocks {
		if b.Kind != doc.TableKind || b.Table == nil {
			continue
		}
		for ri, r := range b.Table.Rows {
			if ri >= 2 {
				break
			}
			for _, c := range r {
				raw := vntext.Fold(c.Text)
				m := yearRe.FindStringSubmatch(removeDates(raw))
				if m == nil || m[1] == "" {
					continue
				}
				p := yearPeriod(atoi(m[1]))
				if q := rangePeriod(raw); q.Year != nil && *q.Year == *p.Year {
					p.Months = q.Months
					p.Label += " (" + q.Label + ")"
				}
				return p
			}
		}
	}
	return report.Period{}
}

// rangePeriod reads a span of dates that covers whole months of one year
// ("từ 01/7/2025 đến 31/7/2025"); a span that starts or ends inside a
// month (26/8 to 30/9) is no period.
func rangePeriod(f string) report.Period {
	m := rangeRe.FindStringSubmatch(f)
	if m == nil {
		return report.Period{}
	}
	d1, m1, y1, d2, m2, y2 := atoi(m[1]), atoi(m[2]), atoi(m[3]), atoi(m[4]), atoi(m[5]), atoi(m[6])
	if y1 != y2 || d1 != 1 || m1 < 1 || m2 > 12 || m1 > m2 || d2 != lastDay(y2, m2) {
		return report.Period{}
	}
	switch {
	case m1 == m2:
		p := report.Period{Year: &y1, Month: &m1, Months: months(m1, m2), Label: "tháng " + strconv.Itoa(m1) + " năm " + m[3]}
		return p
	case m1%3 == 1 && m2 == m1+2:
		return quarterPeriod(y1, m2/3)
	case m1 == 1 && m2 == 12:
		return yearPeriod(y1)
	}
	return report.Period{Year: &y1, Months: months(m1, m2), Label: "từ tháng " + strconv.Itoa(m1) + " đến tháng " + strconv.Itoa(m2) + " năm " + m[3]}
}

// lastDay returns the number of days of month m of year y.
func lastDay(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// quarterPeriod is quarter q of year y.
func quarterPeriod(y, q int) report.Period {
	return report.Period{Year: &y, Quarter: &q, Months: months(3*q-2, 3*q), Label: "quý " + quarterName[q] + " năm " + strconv.Itoa(y)}
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
	return removeDates(vntext.Fold(stripQuotes(s)))
}

// removeDates replaces the dates and horizons of folded text by spaces.
func removeDates(f string) string {
	if !mayHoldDate(f) {
		return f
	}
	return dateRe.ReplaceAllString(f, " ")
}

// mayHoldDate reports whether folded text holds what each branch of dateRe
// needs: "ngay ", a day or month and a year as digits, or a word of a
// horizon and a year. Most paragraphs have none and skip the pattern.
func mayHoldDate(f string) bool {
	if strings.Contains(f, "ngay ") {
		return true
	}
	// \d{1,2} \d{1,2} \d{4}: a digit, a space, one or two digits, a space
	// and four digits ("14 20 benh vien", a fraction, is not a date).
	for i := 0; i+2 < len(f); i++ {
		if !isDigit(f[i]) || f[i+1] != ' ' {
			continue
		}
		j := i + 2
		k := 0
		for k < 3 && j+k < len(f) && isDigit(f[j+k]) {
			k++
		}
		if k == 0 || k > 2 || j+k >= len(f) || f[j+k] != ' ' {
			continue
		}
		if z := f[j+k+1:]; len(z) >= 4 && isDigit(z[0]) && isDigit(z[1]) && isDigit(z[2]) && isDigit(z[3]) {
			return true
		}
	}
	for _, w := range []string{"den ", "giai doan ", "tam nhin ", "dinh huong ", "tu "} {
		for off := 0; ; {
			i := strings.Index(f[off:], w)
			if i < 0 {
				break
			}
			off += i + len(w)
			rest := strings.TrimPrefix(f[off:], "nam ")
			if rest != "" && isDigit(rest[0]) {
				return true
			}
		}
	}
	return false
}

// finePeriod finds a month, quarter or "n tháng đầu/cuối năm" in folded
// text. The first or last n months of a year are their own span (months
// [1, n]) with no quarter: a 9-month report is not the third quarter's
// (contract v1.1), and the dataset tells it from one by its months.
func finePeriod(f string) report.Period {
	if m := monthsRe.FindStringSubmatch(f); m != nil {
		y, n := atoi(m[3]), atoi(m[1])
		if n < 1 || n > 12 {
			return report.Period{}
		}
		if m[2] == "cuoi " {
			return report.Period{Year: &y, Months: months(13-n, 12), Label: m[1] + " tháng cuối năm " + m[3]}
		}
		return report.Period{Year: &y, Months: months(1, n), Label: m[1] + " tháng đầu năm " + m[3]}
	}
	if m := quarterRe.FindStringSubmatch(f); m != nil {
		return quarterPeriod(atoi(m[2]), romanQuarter[m[1]])
	}
	if m := monthRe.FindStringSubmatch(f); m != nil {
		y, mo := atoi(m[2]), atoi(m[1])
		if mo >= 1 && mo <= 12 {
			return report.Period{Year: &y, Month: &mo, Months: months(mo, mo), Label: "tháng " + strconv.Itoa(mo) + " năm " + m[2]}
		}
	}
	return report.Period{}
}

// has reports whether s contains every one of words.
func has(s string, words ...string) bool {
	for _, w := range words {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
