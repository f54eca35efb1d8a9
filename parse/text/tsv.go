package text

import "strings"

// Limits on a quoted cell, so that a stray quote cannot make the reader scan
// the rest of a large file again for every cell that starts with one.
const (
	maxQuotedLines = 50
	maxQuotedBytes = 64 << 10
)

// tsvTable reads a tab-separated table starting at line i and returns the
// index of the first line after it.
func (r *reader) tsvTable(i int) int {
	lines := r.lines
	var rows [][]string
	for i < len(lines) {
		line := lines[i]
		if blank(line) {
			// A blank line inside a table (seed 000 has them) does not end
			// it when the table visibly goes on after it.
			j := nextNonBlank(lines, i)
			if j < len(lines) && len(rows) > 0 && continues(lines[j], rows) {
				i = j
				continue
			}
			break
		}
		if strings.IndexByte(line, '\t') < 0 {
			break
		}
		switch {
		case separator(line):
			i++
		case len(rows) > 0 && continuation(line):
			rows[len(rows)-1] = appendContinuation(rows[len(rows)-1], line)
			i++
		default:
			var row []string
			row, i = tsvRow(lines, i)
			rows = append(rows, row)
			if len(rows) > maxCells { // a cell a row at least
				r.err = cellBudget
				return len(lines)
			}
		}
	}
	r.table(rows)
	return i
}

// continues reports whether line, the first after blank lines, belongs to
// the table of rows: a row with as many columns as the header or the last
// row, or a continuation line.
func continues(line string, rows [][]string) bool {
	if strings.IndexByte(line, '\t') < 0 {
		return false
	}
	if continuation(line) || separator(line) {
		return true
	}
	n := strings.Count(line, "\t") + 1
	return n == len(rows[0]) || n == len(rows[len(rows)-1])
}

// continuation reports a line that only adds text to one cell of the row
// above: it starts with a tab and has text in exactly one column, as when a
// long cell was broken across lines (seed 000: "\t\t\t<p>đến ngày …").
func continuation(line string) bool {
	if line == "" || line[0] != '\t' {
		return false
	}
	filled := 0
	for f := range strings.SplitSeq(line, "\t") {
		if strings.TrimSpace(f) != "" {
			filled++
		}
	}
	return filled == 1
}

func appendContinuation(row []string, line string) []string {
	fields := strings.Split(line, "\t")
	for c, f := range fields {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		for len(row) <= c {
			row = append(row, "")
		}
		if strings.TrimSpace(row[c]) == "" {
			row[c] = f
		} else {
			row[c] += "\n" + f
		}
	}
	return row
}

// separator reports a markdown-like rule between rows: every column is a
// run of dashes ("-----\t--\t---").
func separator(line string) bool {
	for f := range strings.SplitSeq(line, "\t") {
		f = strings.Trim(strings.TrimSpace(f), ":")
		if len(f) < 2 || strings.Trim(f, "-=") != "" {
			return false
		}
	}
	return true
}

// tsvRow splits the row starting at line i into cells and returns the index
// of the line after it. A cell that starts with a double quote and whose
// closing quote is followed by a tab or the end of a line is quoted the CSV
// way: it may hold tabs and line breaks, and "" stands for one quote.
func tsvRow(lines []string, i int) ([]string, int) {
	var cells []string
	line, pos := lines[i], 0
	for {
		if pos < len(line) && line[pos] == '"' {
			if v, li, end, ok := quoted(lines, i, pos+1); ok {
				cells = append(cells, v)
				i, line = li, lines[li]
				if end >= len(line) {
					return cells, i + 1
				}
				pos = end + 1 // past the tab
				continue
			}
		}
		t := strings.IndexByte(line[pos:], '\t')
		if t < 0 {
			return append(cells, line[pos:]), i + 1
		}
		cells = append(cells, line[pos:pos+t])
		pos += t + 1
	}
}

// quoted reads a quoted cell whose text starts at lines[li][pos:]. It
// returns the text, the line and offset just after the closing quote, and
// false if the cell is not properly closed within the limits.
func quoted(lines []string, li, pos int) (string, int, int, bool) {
	var b strings.Builder
	start, size := li, 0
	for li < len(lines) && li-start < maxQuotedLines && size < maxQuotedBytes {
		line := lines[li]
		for pos < len(line) {
			q := strings.IndexByte(line[pos:], '"')
			if q < 0 {
				b.WriteString(line[pos:])
				size += len(line) - pos
				pos = len(line)
				break
			}
			b.WriteString(line[pos : pos+q])
			pos += q + 1
			if pos < len(line) && line[pos] == '"' {
				b.WriteByte('"')
				pos++
				continue
			}
			if pos == len(line) || line[pos] == '\t' {
				return b.String(), li, pos, true
			}
			return "", 0, 0, false // a quote inside the text: not CSV quoting
		}
		b.WriteByte('\n')
		li, pos = li+1, 0
	}
	return "", 0, 0, false
}
