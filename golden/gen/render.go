package main

import (
	"fmt"
	"html"
	"strings"

	"chiso/doc"
)

// style is the look of every generated page: a serif font with Vietnamese
// glyphs at the size reports use, ruled cells, text at the top of a cell.
// One family only: LibreOffice would store a CSS list as one font name
// ("Liberation Serif;serif") that no other program finds.
// LibreOffice's HTML import reads font and size from <font> more reliably
// than from CSS, so both are written.
const style = `body { font-family: "Liberation Serif"; font-size: 10pt; }
table { border-collapse: collapse; }
td { vertical-align: top; }`

// A document with a table wider than landscapeColumns is laid out on
// landscape pages, as offices print their statistical annexes: on a
// portrait page LibreOffice lets such a table run past the right edge, and
// the columns beyond it are not in the PDF at all (seed 002's 25-column
// table lost six).
const (
	landscapeColumns = 12
	landscape        = "@page { size: 29.7cm 21cm; margin: 1.5cm; }\n"
)

// widest returns the number of columns of the document's widest table.
func widest(d *doc.Document) int {
	n := 0
	for _, blk := range d.Blocks {
		if blk.Kind == doc.TableKind && blk.Table != nil {
			w, _ := rowWidths(blk.Table)
			n = max(n, w)
		}
	}
	return n
}

// renderHTML writes d as a plain HTML page: <p> per paragraph, a bordered
// <table> per table with the cells' spans, line breaks in cells as <br>.
// The first head rows of each table go in <thead>, which LibreOffice turns
// into header rows repeated on every page, as report templates have them.
// The output depends only on its arguments.
func renderHTML(d *doc.Document, title string, head int) []byte {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n")
	page := ""
	if widest(d) > landscapeColumns {
		page = landscape
	}
	fmt.Fprintf(&b, "<title>%s</title>\n<style>\n%s%s\n</style>\n</head>\n<body>\n", html.EscapeString(title), page, style)
	b.WriteString("<font face=\"Liberation Serif\" size=\"2\">\n")
	for _, blk := range d.Blocks {
		if blk.Kind == doc.TableKind && blk.Table != nil {
			writeTable(&b, blk.Table, head)
			continue
		}
		fmt.Fprintf(&b, "<p>%s</p>\n", escapeLines(blk.Text))
	}
	b.WriteString("</font>\n</body>\n</html>\n")
	return []byte(b.String())
}

func writeTable(b *strings.Builder, t *doc.Table, head int) {
	b.WriteString("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\">\n")
	width, used := rowWidths(t)
	head = min(head, len(t.Rows))
	for r, row := range t.Rows {
		switch {
		case r == 0 && head > 0:
			b.WriteString("<thead>\n")
		case r == head && head > 0:
			b.WriteString("<tbody>\n")
		}
		b.WriteString("<tr>")
		for _, c := range row {
			b.WriteString("<td")
			rs, cs := c.Span()
			if rs > 1 {
				fmt.Fprintf(b, " rowspan=\"%d\"", rs)
			}
			if cs > 1 {
				fmt.Fprintf(b, " colspan=\"%d\"", cs)
			}
			fmt.Fprintf(b, ">%s</td>", escapeLines(c.Text))
		}
		// A short row (seed 004's group rows) gets empty cells: a browser
		// would leave a gap, but LibreOffice widens the last cell instead,
		// which would put its text into columns it never had.
		b.WriteString(strings.Repeat("<td></td>", width-used[r]))
		b.WriteString("</tr>\n")
		switch {
		case r == head-1:
			b.WriteString("</thead>\n")
		case r == len(t.Rows)-1 && head > 0:
			b.WriteString("</tbody>\n")
		}
	}
	b.WriteString("</table>\n")
}

// escapeLines escapes s for HTML text and turns its line breaks into <br>.
func escapeLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = html.EscapeString(l)
	}
	return strings.Join(lines, "<br>")
}

// rowWidths returns the table's width in columns and how many columns of
// each row are taken, by the row's own cells or by cells spanning down
// into it from rows above.
func rowWidths(t *doc.Table) (width int, used []int) {
	used = make([]int, len(t.Rows))
	for r, row := range t.Rows {
		for _, c := range row {
			rs, cs := c.Span()
			for dr := 0; dr < rs && r+dr < len(t.Rows); dr++ {
				used[r+dr] += cs
			}
		}
	}
	for _, u := range used {
		width = max(width, u)
	}
	return width, used
}
