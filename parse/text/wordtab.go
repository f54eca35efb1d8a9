package text

import "strings"

// wordCellLine reports a line of the Word export layout: a tab, then the
// start of one cell's text and no further tab.
func wordCellLine(line string) bool {
	return len(line) > 0 && line[0] == '\t' && strings.IndexByte(line[1:], '\t') < 0
}

// wordTable reads a table in the layout Word writes when a document is
// saved as plain text (seed 004): each cell starts on a new line with a tab,
// rows are separated by blank lines, and a cell's text may wrap onto lines
// without the tab. It returns the index of the first line after the table.
func (r *reader) wordTable(i int) int {
	lines := r.lines
	var rows [][]string
	var row []string
	for i < len(lines) {
		line := lines[i]
		switch {
		case blank(line):
			if row != nil {
				rows, row = append(rows, row), nil
			}
			j := nextNonBlank(lines, i)
			if j < len(lines) && wordCellLine(lines[j]) {
				i = j
				continue
			}
			r.table(rows)
			return i
		case line[0] == '\t':
			// A further tab inside the cell (not Word's own output) is
			// read as a space.
			row = append(row, strings.ReplaceAll(line[1:], "\t", " "))
		case row != nil && !indented(line):
			row[len(row)-1] += "\n" + strings.TrimSpace(line)
		default:
			// A line that is no cell of the row: the table has ended.
			if row != nil {
				rows = append(rows, row)
			}
			r.table(rows)
			return i
		}
		i++
	}
	if row != nil {
		rows = append(rows, row)
	}
	r.table(rows)
	return i
}

// indented reports a line starting with two or more spaces. Word wraps a
// cell's text without indenting it (seed 004: "liệu", " (Tần suất hàng
// tuần)"); an indented line right after a table is page furniture or body
// text, as the mis-encoded page header after seed 004's last row is.
func indented(line string) bool {
	return strings.HasPrefix(line, "  ")
}
