// Package doctest checks, for the format readers' tests and fuzz targets,
// what every reader promises of the document model whatever the bytes it
// was given: an error rather than a panic, and a document whose blocks are
// numbered in order, whose tables are blocks of their own and whose cells
// span at least one row and one column, so that Grid can lay them out.
//
// Each reader's fuzz target once wrote this check out again; one copy
// means a promise added to the model is checked of every reader.
package doctest

import (
	"fmt"
	"strings"
	"testing"

	"chiso/doc"
)

// Check fails t when err is a panic a reader turned into an error ("internal
// error"), or when d, read without error, breaks the model's promises.
func Check(t testing.TB, d *doc.Document, err error) {
	t.Helper()
	if err != nil {
		if strings.Contains(err.Error(), "internal error") {
			t.Fatal(err)
		}
		return
	}
	for i, blk := range d.Blocks {
		if blk.Index != i || (blk.Table == nil) != (blk.Kind == doc.Paragraph) {
			t.Fatalf("block %d: index %d kind %s", i, blk.Index, blk.Kind)
		}
		if blk.Table == nil {
			continue
		}
		for _, row := range blk.Table.Rows {
			for _, c := range row {
				if c.RowSpan < 1 || c.ColSpan < 1 {
					t.Fatalf("block %d: cell %q has spans %d×%d", i, c.Text, c.RowSpan, c.ColSpan)
				}
			}
		}
		blk.Table.Grid()
	}
}

// Render writes d one line per block, as the readers' tests compare
// documents: "p: text" for a paragraph, "t: " and the rows for a table,
// rows split by " / ", cells by " | ", a cell spanning more than one row
// or column marked "^RxC" (rows by columns).
func Render(d *doc.Document) []string {
	var out []string
	for _, b := range d.Blocks {
		if b.Kind != doc.TableKind {
			out = append(out, "p: "+b.Text)
			continue
		}
		var rows []string
		for _, row := range b.Table.Rows {
			var cells []string
			for _, c := range row {
				s := c.Text
				if rs, cs := c.Span(); rs > 1 || cs > 1 {
					s += fmt.Sprintf("^%dx%d", rs, cs)
				}
				cells = append(cells, s)
			}
			rows = append(rows, strings.Join(cells, " | "))
		}
		out = append(out, "t: "+strings.Join(rows, " / "))
	}
	return out
}
