package hostile

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"strings"
)

// Text is the sample report as plain text, the table as tab-separated
// columns.
func Text() []byte {
	var b strings.Builder
	b.WriteString(sampleTitle + "\n\n")
	for _, p := range sampleParas {
		b.WriteString(p + "\n\n")
	}
	for _, row := range sampleRows {
		b.WriteString(strings.Join(row, "\t") + "\n")
	}
	return []byte(b.String())
}

// Markdown is the sample report with a pipe table.
func Markdown() []byte {
	var b strings.Builder
	b.WriteString("# " + sampleTitle + "\n\n")
	for _, p := range sampleParas {
		b.WriteString(p + "\n\n")
	}
	for i, row := range sampleRows {
		b.WriteString("| " + strings.Join(row, " | ") + " |\n")
		if i == 0 {
			b.WriteString(strings.Repeat("|---", len(row)) + "|\n")
		}
	}
	return []byte(b.String())
}

// HTML is the sample report as a web page with a table.
func HTML() []byte {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Báo cáo</title></head><body>\n")
	b.WriteString("<h1>" + html.EscapeString(sampleTitle) + "</h1>\n")
	for _, p := range sampleParas {
		b.WriteString("<p>" + html.EscapeString(p) + "</p>\n")
	}
	b.WriteString("<table border=\"1\">\n")
	for _, row := range sampleRows {
		b.WriteString("<tr>")
		for _, c := range row {
			b.WriteString("<td>" + html.EscapeString(c) + "</td>")
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</table>\n</body></html>\n")
	return []byte(b.String())
}

// rtfText escapes s for RTF: non-ASCII as \uN? (N signed 16-bit).
func rtfText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\' || r == '{' || r == '}':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x80:
			b.WriteRune(r)
		default:
			for _, u := range utf16Units(r) {
				fmt.Fprintf(&b, "\\u%d?", int16(u))
			}
		}
	}
	return b.String()
}

func utf16Units(r rune) []uint16 {
	if r < 0x10000 {
		return []uint16{uint16(r)}
	}
	r -= 0x10000
	return []uint16{uint16(0xD800 + r>>10), uint16(0xDC00 + r&0x3FF)}
}

// RTF is the sample report in Rich Text, with its table.
func RTF() []byte {
	var b strings.Builder
	b.WriteString(`{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Times New Roman;}}` + "\n")
	b.WriteString(`\pard\b ` + rtfText(sampleTitle) + `\b0\par` + "\n")
	for _, p := range sampleParas {
		b.WriteString(`\pard ` + rtfText(p) + `\par` + "\n")
	}
	for _, row := range sampleRows {
		b.WriteString(`\trowd`)
		for i := range row {
			fmt.Fprintf(&b, `\clbrdrt\brdrs\clbrdrb\brdrs\cellx%d`, 1500*(i+1))
		}
		b.WriteString(`\pard\intbl `)
		for _, c := range row {
			b.WriteString(rtfText(c) + `\cell `)
		}
		b.WriteString(`\row` + "\n")
	}
	b.WriteString(`\pard\par}`)
	return []byte(b.String())
}

// repeatBody is a Body writing pre, then chunk n times, then suf.
func repeatBody(pre, chunk string, n int, suf string) func(io.Writer) error {
	return func(w io.Writer) error {
		if _, err := io.WriteString(w, pre); err != nil {
			return err
		}
		// Chunks are written in blocks of about 1 MB: one write each would
		// be millions of system calls for the 5-million-line file.
		per := max(1, (1<<20)/max(1, len(chunk)))
		block := []byte(strings.Repeat(chunk, min(per, n)))
		for left := n; left > 0; left -= per {
			k := min(per, left)
			if _, err := w.Write(block[:k*len(chunk)]); err != nil {
				return err
			}
		}
		_, err := io.WriteString(w, suf)
		return err
	}
}

// Nested is open repeated n times, then close repeated n times.
func Nested(pre, open string, n int, close, suf string) []byte {
	var b bytes.Buffer
	b.Grow(len(pre) + n*(len(open)+len(close)) + len(suf))
	b.WriteString(pre)
	for range n {
		b.WriteString(open)
	}
	for range n {
		b.WriteString(close)
	}
	b.WriteString(suf)
	return b.Bytes()
}

// RowspanTable is an HTML table of rows×cols cells in which the cell on
// the diagonal of each row spans span rows: a reader that fills a grid
// from the declared spans allocates rows×span×cols.
func RowspanTable(rows, cols, span int, diagonal bool) []byte {
	var b bytes.Buffer
	b.WriteString("<html><body><table>\n")
	for r := range rows {
		b.WriteString("<tr>")
		for c := range cols {
			if c == r%cols || !diagonal && r == 0 {
				fmt.Fprintf(&b, `<td rowspan="%d" colspan="1">%d</td>`, span, c)
			} else {
				fmt.Fprintf(&b, "<td>%d</td>", c)
			}
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</table></body></html>\n")
	return b.Bytes()
}
