package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"chiso/internal/msg"
	"chiso/vntext"
)

// proseRate is a rate quoted in running text with the counts it is made of:
// "3.322/3.847 hồ sơ (tỷ lệ 86,4%)", "đạt 99,97% (… 44.089/44.102 …)".
type proseRate struct {
	x, y, z  float64
	decimals int
	text     string // the sentence, for the finding's label
	ratio    string // "3322/3847"
}

// item is a fraction or a percentage found in a sentence.
type item struct {
	start, end int
	percent    bool
	num        numeral // the percentage
	x, y       float64 // the fraction
}

// rateMarks reports whether s holds a '%' and a '/', which a rate quoted
// with its fraction needs: most text has neither.
func rateMarks(s string) bool {
	return strings.IndexByte(s, '%') >= 0 && strings.IndexByte(s, '/') >= 0
}

// proseRates finds the rates of a text whose counts are written beside
// them. A fraction pairs with the first percentage after it when the words
// between say "tỷ lệ" or "đạt" (or are at most three words); a percentage
// pairs with a fraction inside the parenthesis that follows it. Dates
// (12/10/2023, tháng 9/2023, ngày 12/10) are not fractions, and a fraction
// with no percentage by it ("03/12 bệnh viện") is left alone.
func proseRates(text string, conv Convention) []proseRate {
	if !rateMarks(text) {
		return nil
	}
	var out []proseRate
	for _, s := range sentences(text) {
		items := scanItems(s, conv)
		used := make([]bool, len(items))
		for i, it := range items {
			if it.percent || used[i] {
				continue
			}
			// x/y … z%, past thresholds: "11/15 đơn vị … đạt từ 80% trở
			// lên, chiếm tỷ lệ 73,33%" states 73,33.
			j := i + 1
			for j < len(items) && items[j].percent && threshold(s, items[j]) {
				j++
			}
			if j < len(items) && items[j].percent && !used[j] && !change(s, items[j]) {
				gap := s[it.end:items[j].start]
				if gapLinks(gap) {
					out = append(out, pair(s, it, items[j]))
					used[i], used[j] = true, true
					continue
				}
			}
			// z% (… x/y
			if i > 0 && items[i-1].percent && !used[i-1] && !change(s, items[i-1]) && !threshold(s, items[i-1]) {
				gap := s[items[i-1].end:it.start]
				if opensParen(gap) {
					out = append(out, pair(s, it, items[i-1]))
					used[i], used[i-1] = true, true
				}
			}
		}
	}
	return out
}

func pair(s string, frac, pct item) proseRate {
	return proseRate{x: frac.x, y: frac.y, z: pct.num.value, decimals: pct.num.decimals,
		text: excerpt(s), ratio: msg.Num(&frac.x) + "/" + msg.Num(&frac.y)}
}

// change reports a percentage that is a change, not a share: "tăng 20%",
// "giảm 5%", "vượt 12%".
func change(s string, pct item) bool {
	words := strings.Fields(vntext.Fold(s[max(0, pct.start-40):pct.start]))
	for _, w := range words[max(0, len(words)-2):] {
		switch w {
		case "tang", "giam", "vuot", "hon":
			return true
		}
	}
	return false
}

// threshold reports a percentage that is a bar, not a share: "từ 80% trở
// lên", "trên 30%", "tối thiểu 95%", "dưới 50%".
func threshold(s string, pct item) bool {
	words := strings.Fields(vntext.Fold(s[max(0, pct.start-40):pct.start]))
	for _, w := range words[max(0, len(words)-2):] {
		switch w {
		case "tu", "tren", "duoi", "thieu", "nhat", "toi", "qua":
			return true
		}
	}
	after := vntext.Fold(s[pct.end:min(len(s), pct.end+20)])
	return strings.HasPrefix(after, "tro len") || strings.HasPrefix(after, "tro xuong")
}

// gapLinks reports whether the words between a fraction and a percentage
// tie them together.
func gapLinks(gap string) bool {
	if strings.ContainsAny(gap, ";") {
		return false
	}
	words := strings.Fields(vntext.Fold(gap))
	if len(words) <= 3 {
		return true
	}
	if len(words) > 20 {
		return false
	}
	// The linking words stand just before the percentage: "… (đạt 86,6 %)",
	// "…, tỷ lệ: 72,72%".
	f := " " + strings.Join(words[len(words)-4:], " ") + " "
	return strings.Contains(f, " ty le ") || strings.Contains(f, " dat ")
}

// opensParen reports whether the text after a percentage opens a
// parenthesis that the fraction sits in: "99,97% (nhập dữ liệu được ".
func opensParen(gap string) bool {
	t := strings.TrimSpace(gap)
	if !strings.HasPrefix(t, "(") || strings.ContainsAny(t, ");") {
		return false
	}
	return len(strings.Fields(t)) <= 8
}

// scanItems finds the fractions and percentages of a sentence in order.
func scanItems(s string, conv Convention) []item {
	var items []item
	for i := 0; i < len(s); {
		if !isDigit(s[i]) || (i > 0 && (isDigit(s[i-1]) || isWordByte(s, i))) {
			i++
			continue
		}
		n := numeralEnd(s[i:])
		tok := s[i : i+n]
		j := skipSpaces(s, i+n)
		switch {
		case j < len(s) && s[j] == '%':
			if v, ok := readNumeral(tok, NumberContext{Convention: conv, Percent: true}); ok && !v.ambiguous && !(i > 0 && s[i-1] == '/') {
				items = append(items, item{start: i, end: j + 1, percent: true, num: v})
			}
			i = j + 1
			continue
		case j < len(s) && s[j] == '/':
			k := skipSpaces(s, j+1)
			m := numeralEnd(s[k:])
			if m == 0 {
				i = j + 1
				continue
			}
			end := k + m
			date := (end < len(s) && s[end] == '/') || (i > 0 && s[i-1] == '/')
			x, ok1 := readNumeral(tok, NumberContext{Convention: conv, Count: true})
			y, ok2 := readNumeral(s[k:end], NumberContext{Convention: conv, Count: true})
			if ok1 && ok2 && !date && !looksLikeDate(s[:i], x.value, y.value) && y.value > 0 {
				items = append(items, item{start: i, end: end, x: x.value, y: y.value})
			}
			for end < len(s) && (s[end] == '/' || isDigit(s[end])) {
				end++
			}
			i = end
			continue
		}
		i += max(n, 1)
	}
	return items
}

// isWordByte reports whether the digit at i is part of a word or code
// ("TT-BTTTT", "IPv6", "QR1"): a letter right before it.
func isWordByte(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsLetter(r) || r == '-' || r == '/'
}

func skipSpaces(s string, i int) int {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i
}

// looksLikeDate reports whether x/y, after the text before, is a day and
// month (ngày 12/10) or a month and year (tháng 9/2023).
func looksLikeDate(before string, x, y float64) bool {
	if x >= 1 && x <= 12 && y >= 1900 && y <= 2100 {
		return true
	}
	words := strings.Fields(vntext.Fold(before))
	if len(words) == 0 || x > 31 || y > 12 {
		return false
	}
	switch words[len(words)-1] {
	case "ngay", "thang", "tu", "den", "va", "luc":
		return true
	}
	return false
}

// sentences splits running text at line breaks, semicolons and full stops
// followed by a capital or a bullet.
func sentences(text string) []string {
	var out []string
	start := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		cut := c == '\n' || c == ';'
		if c == '.' && i+1 < len(text) && text[i+1] == ' ' {
			r, _ := utf8.DecodeRuneInString(strings.TrimLeft(text[i+1:], " "))
			cut = unicode.IsUpper(r) || r == '-' || r == '+' || r == '*'
		}
		if cut {
			if s := strings.TrimSpace(text[start:i]); s != "" {
				out = append(out, s)
			}
			start = i + 1
		}
	}
	if s := strings.TrimSpace(text[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

// excerpt shortens a sentence for a finding's label.
func excerpt(s string) string {
	const max = 160
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return string(r[:max-1]) + "…"
}
