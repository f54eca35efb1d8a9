package main

import (
	"encoding/binary"
	"fmt"
	"strings"
	"unicode/utf16"

	"golang.org/x/text/unicode/norm"

	"chiso/doc"
)

// renderText writes d in the tab-separated layout of seeds 000–002: one
// line per paragraph with a blank line between, one line per table row with
// cells separated by tabs, a blank line around each table. Cells must not
// hold tabs or line breaks and tables must not have merged cells, which
// this layout cannot express.
func renderText(d *doc.Document) (string, error) {
	var b strings.Builder
	for i, blk := range d.Blocks {
		if blk.Kind != doc.TableKind || blk.Table == nil {
			fmt.Fprintf(&b, "%s\n\n", blk.Text)
			continue
		}
		for _, row := range blk.Table.Rows {
			cells := make([]string, len(row))
			for c, cell := range row {
				if rs, cs := cell.Span(); rs > 1 || cs > 1 {
					return "", fmt.Errorf("block %d: merged cell %q cannot be written as text", i, cell.Text)
				}
				if strings.ContainsAny(cell.Text, "\t\n") {
					return "", fmt.Errorf("block %d: cell %q holds a tab or line break", i, cell.Text)
				}
				cells[c] = cell.Text
			}
			fmt.Fprintf(&b, "%s\n", strings.Join(cells, "\t"))
		}
		b.WriteString("\n")
	}
	return b.String(), nil
}

// toNFD decomposes every letter into base and combining marks, as macOS
// file systems and some PDF producers hand text over.
func toNFD(s string) []byte { return []byte(norm.NFD.String(s)) }

// toUTF16 encodes s as Windows Notepad saves "Unicode": UTF-16 little
// endian with a byte order mark and CRLF line ends.
func toUTF16(s string) []byte {
	s = strings.ReplaceAll(s, "\n", "\r\n")
	units := utf16.Encode([]rune("\ufeff" + s))
	out := make([]byte, 2*len(units))
	for i, u := range units {
		binary.LittleEndian.PutUint16(out[2*i:], u)
	}
	return out
}
