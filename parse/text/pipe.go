package text

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Limits of the pipe layout's guesses.
const (
	// A cell's first line, wrapped off the line with its "|", is short.
	maxFragmentWords = 3
	maxFragmentRunes = 40
	// The widest row the cell-per-line layout is read as.
	maxRowWidth = 30
)

// pipeCells splits a line ending in "|" into its cells: "a | b |" is two
// cells, "||||" four empty ones, "|" one. A leading "|" with text after it
// ("| a | b |", markdown) opens no cell. ok is false for any other line.
func pipeCells(line string) (cells []string, ok bool) {
	t := strings.TrimSpace(line)
	if !strings.HasSuffix(t, "|") {
		return nil, false
	}
	parts := strings.Split(t[:len(t)-1], "|")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	if len(parts) > 1 && parts[0] == "" && strings.Trim(t, "| ") != "" {
		parts = parts[1:]
	}
	return parts, true
}

// inlineRow reports cells that make a whole row on one line ("Số hiệu |
// 79/QĐ-UBND |"): two or more cells, the first of them not empty.
func inlineRow(cells []string) bool {
	return len(cells) > 1 && cells[0] != ""
}

// ruleRow reports a markdown rule ("|---|:--:|").
func ruleRow(cells []string) bool {
	for _, c := range cells {
		c = strings.Trim(c, ":")
		if len(c) < 3 || strings.Trim(c, "-") != "" {
			return false
		}
	}
	return len(cells) > 0
}

// fragment reports a line that may be the first part of a cell whose text
// wrapped before its "|" line (seed 003: "Chỉ" + "số chính |", "ỦY" +
// "BAN NHÂN DÂN |"): a few words, not ending a sentence.
func fragment(line string) bool {
	t := strings.TrimSpace(line)
	if t == "" || strings.IndexByte(t, '|') >= 0 || utf8.RuneCountInString(t) > maxFragmentRunes ||
		len(strings.Fields(t)) > maxFragmentWords {
		return false
	}
	return !strings.ContainsAny(t[len(t)-1:], ".:;)")
}

// streamLine reports a line that adds cells to a cell-per-line table.
func streamLine(line string) bool {
	cells, ok := pipeCells(line)
	return ok && !inlineRow(cells)
}

// startsPipeTable reports whether a pipe table starts at line i.
func startsPipeTable(lines []string, i int) bool {
	if _, ok := pipeCells(lines[i]); ok {
		return true
	}
	return i+1 < len(lines) && fragment(lines[i]) && streamLine(lines[i+1])
}

// pipeTable reads a table of the pipe layout starting at line i and returns
// the index of the first line after it. Lines whose cells make a whole row
// ("Số hiệu | 79/QĐ-UBND |") form a table of one row per line; otherwise
// every "|" closes one cell and the rows are found by shape.
func (r *reader) pipeTable(i int) int {
	lines := r.lines
	md := r.markdown && markdownHead(lines, i)
	if cells, ok := pipeCells(lines[i]); ok && (inlineRow(cells) || md) {
		var rows [][]string
		for ; i < len(lines); i++ {
			cells, ok := pipeCells(lines[i])
			if md {
				cells, ok = markdownCells(lines[i])
			}
			if !ok || !md && !inlineRow(cells) {
				break
			}
			if !ruleRow(cells) {
				rows = append(rows, cells)
			}
			if len(rows) > maxCells { // a cell a row at least
				r.err = cellBudget
				return len(lines)
			}
		}
		r.table(rows)
		return i
	}
	var cells []string
	head := ""
	for i < len(lines) {
		line := lines[i]
		if blank(line) {
			j := nextNonBlank(lines, i)
			if j < len(lines) && streamLine(lines[j]) {
				i = j
				continue
			}
			break
		}
		got, ok := pipeCells(line)
		if !ok {
			if fragment(line) && i+1 < len(lines) && streamLine(lines[i+1]) {
				head = strings.TrimSpace(line)
				i++
				continue
			}
			break
		}
		if inlineRow(got) {
			break
		}
		if len(cells) > 0 && header(got[0]) {
			// A new table starts right after this one.
			if head != "" {
				i--
			}
			break
		}
		if head != "" {
			got[0] = strings.TrimSpace(head + "\n" + got[0])
			head = ""
		}
		cells = append(cells, got...)
		if len(cells) > maxCells {
			r.err = cellBudget
			return len(lines)
		}
		i++
	}
	r.table(shape(cells))
	return i
}

// header reports the first header cell of a table of the pipe layout.
func header(cell string) bool {
	return cell == "STT" || cell == "TT"
}

// shape cuts a run of cells into rows. The rows have a fixed width, and
// the right width is the one under which the first cells of the rows read
// as a numbering ("I", "1", "1.1", "1.2", "2", "a", "-"): for each width from
// 2 to maxRowWidth, every row after the first (the header) scores 1 if its
// first cell continues the numbering of the rows above and -1 if not, and
// the best score wins, the narrower width on a tie. A plain count of cells
// that look like numbers is not enough: seed 003's method tables have a
// "points" column of numbers two cells after the row number, so width 2
// would look as good as the true width 4. With no positive score the
// numbering gives no clue: up to 12 cells are read as two columns when
// their number is even (letterhead and signature blocks) and as one row
// otherwise; more cells make one column.
func shape(cells []string) [][]string {
	nums := make([]rowNum, len(cells))
	for i, c := range cells {
		nums[i] = parseRowNum(c)
	}
	best, width := 0, 0
	for w := 2; w <= maxRowWidth && w < len(cells); w++ {
		score := 0
		prev := rowNum{}
		for k := w; k < len(cells); k += w {
			if next(prev, nums[k]) {
				score++
			} else {
				score--
			}
			if nums[k].kind != notNumber {
				prev = nums[k]
			}
		}
		if score > best {
			best, width = score, w
		}
	}
	if width == 0 {
		switch {
		case len(cells) > 12:
			width = 1
		case len(cells)%2 == 0:
			// The unnumbered tables of an official document are its
			// letterhead and signature blocks, laid out in two columns
			// (seed 003: "ỦY BAN NHÂN DÂN | CỘNG HÒA …", "Số: … | Thành
			// phố …, ngày …").
			width = 2
		default:
			return [][]string{cells}
		}
	}
	var rows [][]string
	for k := 0; k < len(cells); k += width {
		rows = append(rows, cells[k:min(k+width, len(cells))])
	}
	return rows
}

type numKind int

const (
	notNumber numKind = iota
	arabic            // 1, 12, 1.2, 1,7, 2.1.3 (parts)
	roman             // I, IV
	letter            // a, b), đ
	bullet            // -, +, *, •
)

// rowNum is the text of a cell read as a row number.
type rowNum struct {
	kind  numKind
	parts []int // arabic: the numbers between dots; letter: the letter
}

func parseRowNum(s string) rowNum {
	switch s {
	case "-", "+", "*", "•", "–":
		return rowNum{kind: bullet}
	case "đ", "đ)", "đ.":
		return rowNum{kind: letter, parts: []int{'d' + 1}}
	}
	s = strings.TrimRight(s, ".)")
	switch {
	case s == "":
		return rowNum{}
	case len(s) == 1 && s[0] >= 'a' && s[0] <= 'z':
		return rowNum{kind: letter, parts: []int{int(s[0])}}
	case len(s) <= 7 && strings.Trim(s, "IVXLC") == "":
		return rowNum{kind: roman}
	}
	var parts []int
	v, digits := 0, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			v = v*10 + int(c-'0')
			if digits++; digits > 3 {
				return rowNum{}
			}
		case (c == '.' || c == ',') && digits > 0 && i+1 < len(s):
			parts = append(parts, v)
			v, digits = 0, 0
			if len(parts) > 4 {
				return rowNum{}
			}
		default:
			return rowNum{}
		}
	}
	if digits == 0 {
		return rowNum{}
	}
	return rowNum{kind: arabic, parts: append(parts, v)}
}

// next reports whether n can follow prev, the last row number above it, in
// a numbered list: a sibling (1.1 → 1.2), a first child (1 → 1.1), a later
// parent (1.10 → 2), a first item after a heading of another kind (I → 1,
// 2 → a), or any item after a bullet or a letter, which interrupt the
// numbering of their parent (2.1 → - → - → 2.2; 8 → a → b → 7).
func next(prev, n rowNum) bool {
	switch n.kind {
	case notNumber:
		return false
	case bullet, roman:
		return true
	case letter:
		if prev.kind == letter {
			return n.parts[0] == prev.parts[0]+1
		}
		return n.parts[0] == 'a'
	}
	if prev.kind != arabic {
		return prev.kind == bullet || prev.kind == letter || n.parts[len(n.parts)-1] == 1
	}
	p, c := prev.parts, n.parts
	switch {
	case len(c) == len(p)+1: // first child
		return c[len(c)-1] == 1 && slices.Equal(c[:len(p)], p)
	case len(c) <= len(p): // sibling or later parent
		last := len(c) - 1
		return c[last] == p[last]+1 && slices.Equal(c[:last], p[:last])
	}
	return false
}
