package text

import (
	"strings"
	"unicode"

	"chiso/doc"
)

// markdownLike reports whether the lines hold a Markdown pipe table: a
// separator row of dashes between pipes ("| --- | :---: |"). Only then are
// the Markdown markers of paragraphs and cells taken away, so that a plain
// text with a literal backslash or asterisk keeps it.
func markdownLike(lines []string) bool {
	for _, line := range lines {
		t := strings.TrimSpace(line)
		if len(t) < 5 || t[0] != '|' || !strings.Contains(t, "---") {
			continue
		}
		if strings.Trim(t, "|-: ") == "" {
			return true
		}
	}
	return false
}

// markdownHead reports a Markdown table's header at line i: a row between
// pipes with a rule row ("| --- | --- |") under it. The rows of such a
// table are read one a line, whatever their first cell holds: "|  | Tổng
// | 7724 |" is a row whose first cell is empty, not the cells of a table
// a scraper wrote one per line.
func markdownHead(lines []string, i int) bool {
	if i+1 >= len(lines) {
		return false
	}
	if _, ok := markdownCells(lines[i]); !ok {
		return false
	}
	rule, ok := markdownCells(lines[i+1])
	return ok && ruleRow(rule)
}

// markdownCells splits a Markdown table row, "| a |  | b |", into its
// cells ("a", "", "b"); ok is false for a line not between pipes or with
// fewer than two cells.
func markdownCells(line string) ([]string, bool) {
	t := strings.TrimSpace(line)
	if len(t) < 2 || t[0] != '|' || t[len(t)-1] != '|' {
		return nil, false
	}
	parts := strings.Split(t[1:len(t)-1], "|")
	if len(parts) < 2 {
		return nil, false
	}
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts, true
}

// unmark removes Markdown's emphasis markers ("**bold**", "*italic*") and
// the backslashes that escape punctuation ("1/2\*Điểm" is "1/2*Điểm"), as
// a Markdown renderer shows the text: an escaped character is kept, an
// unescaped asterisk is a marker and dropped.
func unmark(s string) string {
	if strings.IndexByte(s, '*') < 0 && strings.IndexByte(s, '\\') < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && isPunct(s[i+1]):
			i++
			b.WriteByte(s[i])
		case c == '*':
			// a marker: dropped
		default:
			b.WriteByte(c)
		}
	}
	return strings.TrimSpace(b.String())
}

// isPunct reports the ASCII punctuation a backslash may escape in
// CommonMark.
func isPunct(c byte) bool {
	return strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) >= 0
}

// foldRepeats turns a row's trailing run of one text repeated in three or
// more cells into one cell spanning them. Markdown has no merged cells:
// renderers and scrapers write a merged group heading ("CHÍNH QUYỀN SỐ")
// into every column it spanned. Only words are folded, never a number, so
// that equal values in adjacent columns stay separate cells.
func foldRepeats(cells []doc.Cell) []doc.Cell {
	n := len(cells)
	if n < 3 {
		return cells
	}
	last := cells[n-1].Text
	if last == "" || !strings.ContainsFunc(last, unicode.IsLetter) {
		return cells
	}
	start := n - 1
	for start > 0 && cells[start-1].Text == last {
		start--
	}
	if n-start < 3 {
		return cells
	}
	cells[start].ColSpan = n - start
	return cells[:start+1]
}
