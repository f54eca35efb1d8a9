package extract

import (
	"regexp"
	"strconv"
	"strings"

	"chiso/doc"
	"chiso/report"
	"chiso/vntext"
)

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
func findPeriod(region []string, d *doc.Document) report.Period {
	var p report.Period
	for _, s := range region {
		f := prep(s)
		if q := finePeriod(f); q.Year != nil {
			return q
		}
		if p.Year == nil {
			if m := yearRe.FindStringSubmatch(f); m != nil {
				y := atoi(m[1] + m[2])
				p = report.Period{Year: &y, Label: "năm " + strconv.Itoa(y)}
			}
		}
	}
	if p.Year == nil {
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

// finePeriod finds a month, quarter or "n tháng đầu năm" in folded text.
func finePeriod(f string) report.Period {
	if m := monthsRe.FindStringSubmatch(f); m != nil {
		y, n := atoi(m[2]), atoi(m[1])
		p := report.Period{Year: &y, Label: m[1] + " tháng đầu năm " + m[2]}
		if n%3 == 0 && n > 0 && n < 12 {
			q := n / 3
			p.Quarter = &q
		}
		return p
	}
	if m := quarterRe.FindStringSubmatch(f); m != nil {
		y, q := atoi(m[2]), romanQuarter[m[1]]
		return report.Period{Year: &y, Quarter: &q, Label: "quý " + quarterName[q] + " năm " + m[2]}
	}
	if m := monthRe.FindStringSubmatch(f); m != nil {
		y, mo := atoi(m[2]), atoi(m[1])
		if mo >= 1 && mo <= 12 {
			return report.Period{Year: &y, Month: &mo, Label: "tháng " + strconv.Itoa(mo) + " năm " + m[2]}
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
