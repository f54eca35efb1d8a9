package text

import (
	"bytes"
	"slices"
	"strings"

	"chiso/doc"
	"chiso/parse/fault"
)

// The budgets of one text: far above any report (a long one has a few
// thousand paragraphs, a table a few thousand cells, a paragraph a few
// KB), and low enough that a hostile file is refused in bounded memory:
// 5 million one-character lines became 5 million blocks (730 MB), a
// 5-million-row tab table 10 million cells, and a 200 MB line was copied
// by every stage after this one for minutes.
const (
	maxLine   = 1 << 20 // bytes in one line
	maxBlocks = 1 << 18 // paragraphs and tables
	maxCells  = 1 << 20 // cells of one table
)

// cellBudget is the error of a table over maxCells.
var cellBudget = &fault.BudgetError{What: "cells in one table of text", Limit: maxCells}

// Read reads a plain-text report (see the package comment for the layouts
// it recognises) into paragraphs and tables. It fails on content only
// past the budgets above, with a *fault.BudgetError: bytes it cannot
// decode are read in the most likely 8-bit encoding and a warning says so.
func Read(b []byte) (*doc.Document, error) {
	if n := longestLine(b); n > maxLine {
		return nil, &fault.BudgetError{What: "bytes in one line of text", Limit: maxLine}
	}
	s, note := decode(b)
	d := &doc.Document{Source: doc.Source{Format: doc.Text}}
	if note != "" {
		d.Warnings = append(d.Warnings, note)
	}
	lines := splitLines(s)
	r := reader{lines: lines, markdown: markdownLike(lines)}
	r.read()
	if r.err != nil {
		return nil, r.err
	}
	d.Blocks = r.blocks
	for i := range d.Blocks {
		d.Blocks[i].Index = i
	}
	return d, nil
}

// longestLine is the length of the longest run of bytes without LF or
// CR in b, checked before b is decoded (a copy) and split. In UTF-16 a
// line break is still a 0x0A or 0x0D byte, so the count is an upper
// bound there.
func longestLine(b []byte) int {
	longest := 0
	for len(b) > 0 {
		i := bytes.IndexAny(b, "\n\r")
		if i < 0 {
			i = len(b)
		}
		longest = max(longest, i)
		b = b[min(i+1, len(b)):]
	}
	return longest
}

// splitLines splits s at LF, CRLF and lone CR.
func splitLines(s string) []string {
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	return strings.Split(s, "\n")
}

// reader walks the lines, handing each run to the layout that claims it.
type reader struct {
	lines    []string
	blocks   []doc.Block
	markdown bool  // the text is Markdown: its markers are taken away (unmark)
	err      error // a budget passed: reading stops
}

func (r *reader) read() {
	for i := 0; i < len(r.lines) && r.err == nil; {
		if len(r.blocks) >= maxBlocks {
			r.err = &fault.BudgetError{What: "paragraphs and tables in one text", Limit: maxBlocks}
			return
		}
		line := r.lines[i]
		switch {
		case blank(line):
			i++
		case wordCellLine(line) && strings.TrimSpace(line) != "":
			i = r.wordTable(i)
		case strings.IndexByte(line, '\t') >= 0:
			if strings.Trim(line, "\t ") == "" {
				i++ // only tabs: nothing to read
				continue
			}
			i = r.tsvTable(i)
		case startsPipeTable(r.lines, i):
			i = r.pipeTable(i)
		default:
			r.paragraph(line)
			i++
		}
	}
}

// paragraph adds one line as a paragraph. Every line is its own paragraph:
// the seeds are exports of Word documents, where a line is a paragraph and
// blank lines are only spacing, and seed 003 separates its headings and
// paragraphs by single line breaks only; joining the lines of a
// blank-separated block would glue headings to the text below them.
func (r *reader) paragraph(line string) {
	t := strings.TrimSpace(line)
	if r.markdown {
		t = unmark(t)
	}
	if t != "" {
		r.blocks = append(r.blocks, doc.Block{Kind: doc.Paragraph, Text: t})
	}
}

// table adds a table of plain cells, padding every row to the widest. A
// later row equal to the first is the header repeated after a page break
// (seed 001) and is dropped.
func (r *reader) table(rows [][]string) {
	width := 0
	for _, row := range rows {
		width = max(width, len(row))
	}
	if width == 0 {
		return
	}
	if int64(len(rows))*int64(width) > maxCells {
		r.err = cellBudget
		return
	}
	t := &doc.Table{}
	for i, row := range rows {
		if i > 0 && equal(row, rows[0]) && strings.Join(rows[0], "") != "" {
			continue
		}
		cells := make([]doc.Cell, width)
		for j := range cells {
			cells[j] = doc.Cell{RowSpan: 1, ColSpan: 1}
			if j < len(row) {
				cells[j].Text = strings.TrimSpace(row[j])
				if r.markdown {
					cells[j].Text = unmark(cells[j].Text)
				}
			}
		}
		if r.markdown {
			cells = foldRepeats(cells)
		}
		t.Rows = append(t.Rows, cells)
	}
	r.blocks = append(r.blocks, doc.Block{Kind: doc.TableKind, Table: t})
}

// equal compares rows cell by cell, ignoring the spaces around cells.
func equal(a, b []string) bool {
	return slices.EqualFunc(a, b, func(x, y string) bool { return strings.TrimSpace(x) == strings.TrimSpace(y) })
}

// blank reports a line with nothing but spaces. A tab is not blank: in the
// Word export layout a line holding only a tab is an empty cell.
func blank(line string) bool {
	return strings.Trim(line, " \u00a0\ufeff\f\v") == ""
}

// nextNonBlank returns the index of the first non-blank line at or after i,
// or len(lines).
func nextNonBlank(lines []string, i int) int {
	for i < len(lines) && blank(lines[i]) {
		i++
	}
	return i
}
