package layout

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// joinContinued joins the blocks a page break split. A table that ends a
// page continues in the first table of the next page when that has the
// same columns: word processors repeat the header row there and split a
// row that does not fit into two parts, the second with an empty first
// (STT) cell. A paragraph that ends a page without closing punctuation
// continues in the next page's first paragraph when that starts with a
// lower-case letter. Running headers, footers and page numbers in between
// do not count; they stay where they are.
func joinContinued(items []item, pageOf []int) ([]item, []int) {
	var out []item
	var outPage, endPage []int
	last := -1 // index in out of the last block that is not page furniture
	for i, it := range items {
		if it.tab == nil && (it.margin || isPageNumber(plain(it.lines))) {
			out, outPage, endPage = append(out, it), append(outPage, pageOf[i]), append(endPage, pageOf[i])
			continue
		}
		if last >= 0 && endPage[last]+1 == pageOf[i] {
			prev := &out[last]
			switch {
			case it.tab != nil && prev.tab != nil && sameColumns(prev.tab, it.tab):
				prev.tab.append(it.tab)
				endPage[last] = pageOf[i]
				continue
			case it.tab == nil && prev.tab != nil && prev.tab.gaps != nil && rowsFit(it.lines, prev.tab.gaps):
				// The last rows of a borderless table, too few on
				// this page to make a table of their own.
				prev.tab.append(&table{rows: streamRows(it.lines, prev.tab.gaps, nil), gaps: prev.tab.gaps})
				endPage[last] = pageOf[i]
				continue
			case it.tab == nil && prev.tab == nil && continues(prev.lines, it.lines):
				prev.lines = append(prev.lines[:len(prev.lines):len(prev.lines)], it.lines...)
				endPage[last] = pageOf[i]
				continue
			}
		}
		out, outPage, endPage = append(out, it), append(outPage, pageOf[i]), append(endPage, pageOf[i])
		last = len(out) - 1
	}
	return out, outPage
}

// plain joins the lines of a paragraph with spaces.
func plain(ls []line) string {
	return joinLines(ls, 0, spacing{gap: math.Inf(1)})
}

// continues reports whether paragraph b, first on its page, continues
// paragraph a, last on the page before: a ends without closing
// punctuation, b starts with a lower-case letter in the same font size.
func continues(a, b []line) bool {
	la, lb := a[len(a)-1], b[0]
	if math.Abs(la.size-lb.size) > 0.1*la.size {
		return false
	}
	end := strings.TrimSpace(la.text())
	first, _ := utf8.DecodeRuneInString(strings.TrimSpace(lb.text()))
	return end != "" && !strings.ContainsAny(end[len(end)-1:], ".:;!?") && unicode.IsLower(first)
}

// sameColumns reports whether two tables have the same column borders:
// ruled ones at the same X's, borderless ones with as many free ranges,
// each overlapping its counterpart (their widths vary with the texts of
// the rows on each page).
func sameColumns(t, u *table) bool {
	if (t.gaps == nil) != (u.gaps == nil) {
		return false
	}
	if t.gaps == nil {
		return sameXs(t.xs, u.xs)
	}
	if len(t.gaps) != len(u.gaps) {
		return false
	}
	for i, g := range t.gaps {
		h := u.gaps[i]
		if max(g.lo, h.lo) > min(g.hi, h.hi)+ruleTol {
			return false
		}
	}
	return true
}

// rowsFit reports whether every line of a paragraph sits in the columns
// of a borderless table: text on both sides of some border, across none.
func rowsFit(ls []line, bs []gap) bool {
	for _, l := range ls {
		if !fits(l, bs) || crossesAny(l, bs) {
			return false
		}
	}
	return len(ls) > 0
}

// sameXs reports whether two ruled tables have the same column borders.
func sameXs(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if math.Abs(a[i]-b[i]) > 2*ruleTol {
			return false
		}
	}
	return true
}

// append adds the rows of u, the part of t on the next page, dropping the
// header rows u repeats and gluing a split row onto t's last row.
func (t *table) append(u *table) {
	rows := u.rows
	k := repeatedHeader(t.rows, rows)
	rows = rows[k:]
	if len(rows) > 0 && len(t.rows) > 0 && strings.TrimSpace(rows[0][0].text) == "" && !rowEmpty(rows[0]) {
		last := t.rows[len(t.rows)-1]
		done := map[*cell]bool{}
		for c, x := range rows[0] {
			if done[x] || c >= len(last) {
				continue
			}
			done[x] = true
			last[c].text = glue(last[c].text, x.text)
			// A cell of the split row spanning further rows now continues
			// the cell above it.
			for r := 1; r < len(rows); r++ {
				for cc := range rows[r] {
					if rows[r][cc] == x {
						rows[r][cc] = last[c]
					}
				}
			}
		}
		rows = rows[1:]
	}
	t.rows = append(t.rows, rows...)
}

// repeatedHeader returns how many leading rows of u repeat t's leading rows.
func repeatedHeader(t, u [][]*cell) int {
	k := 0
	for k < len(t) && k < len(u) && k < 3 && sameTexts(t[k], u[k]) && !rowEmpty(u[k]) {
		k++
	}
	// Never drop every row of a continuation: a table whose rows all equal
	// the first rows of t is data, not a repeated header.
	if k == len(u) {
		return 0
	}
	return k
}

func sameTexts(a, b []*cell) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if strings.Join(strings.Fields(a[i].text), " ") != strings.Join(strings.Fields(b[i].text), " ") {
			return false
		}
	}
	return true
}

func rowEmpty(row []*cell) bool {
	for _, x := range row {
		if strings.TrimSpace(x.text) != "" {
			return false
		}
	}
	return true
}

// glue appends the continuation of a cell's text from the next page.
func glue(a, b string) string {
	switch {
	case strings.TrimSpace(b) == "":
		return a
	case strings.TrimSpace(a) == "":
		return b
	case inWord(lastLine(a), b):
		return strings.TrimRight(a, " ") + strings.TrimLeft(b, " ")
	case startsItem(b):
		return a + "\n" + b
	}
	return a + " " + b
}

// lastLine returns the last line of a cell's text.
func lastLine(s string) string {
	return s[strings.LastIndexByte(s, '\n')+1:]
}

// startsItem reports whether a text begins a list item ("- ", "+ ", "* ").
func startsItem(s string) bool {
	s = strings.TrimSpace(s)
	return len(s) >= 2 && strings.ContainsRune("-+*", rune(s[0])) && s[1] == ' '
}
