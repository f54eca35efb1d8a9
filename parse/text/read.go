package text

import (
	"slices"
	"strings"

	"chiso/doc"
)

// Read reads a plain-text report (see the package comment for the layouts
// it recognises) into paragraphs and tables. It never fails on content:
// bytes it cannot decode are read in the most likely 8-bit encoding and a
// warning says so.
func Read(b []byte) (*doc.Document, error) {
	s, note := decode(b)
	d := &doc.Document{Source: doc.Source{Format: doc.Text}}
	if note != "" {
		d.Warnings = append(d.Warnings, note)
	}
	lines := splitLines(s)
	r := reader{lines: lines, markdown: markdownLike(lines)}
	r.read()
	d.Blocks = r.blocks
	for i := range d.Blocks {
		d.Blocks[i].Index = i
	}
	return d, nil
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
	markdown bool // the text is Markdown: its markers are taken away (unmark)
}

func (r *reader) read() {
	for i := 0; i < len(r.lines); {
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
