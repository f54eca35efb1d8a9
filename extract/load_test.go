package extract

import (
	"os"
	"strings"
	"testing"

	"chiso/doc"
	"chiso/vntext"
)

// loadText reads a report saved as text the way the seeds are: tables as
// tab-separated lines (or, as in seed 004, one cell per line starting with
// a tab and rows separated by blank lines), everything else paragraphs.
// It stands in for package parse so that these tests do not depend on the
// format readers; it is deliberately simple.
func loadText(t testing.TB, path string) *doc.Document {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return textDocument(string(b))
}

func textDocument(s string) *doc.Document {
	d := &doc.Document{Source: doc.Source{Format: doc.Text}}
	var cur *doc.Table
	add := func(b doc.Block) {
		b.Index = len(d.Blocks)
		d.Blocks = append(d.Blocks, b)
	}
	flush := func() {
		if cur != nil {
			add(doc.Block{Kind: doc.TableKind, Table: cur})
			cur = nil
		}
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	for _, group := range strings.Split(s, "\n\n") {
		lines := strings.Split(strings.Trim(group, "\n"), "\n")
		if len(lines) == 0 || strings.TrimSpace(group) == "" {
			continue
		}
		if strings.HasPrefix(lines[0], "\t") && strings.Count(lines[0], "\t") == 1 {
			// One cell per line.
			var cells []doc.Cell
			for _, l := range lines {
				if strings.HasPrefix(l, "\t") || len(cells) == 0 {
					cells = append(cells, doc.Cell{Text: vntext.Clean(strings.TrimPrefix(l, "\t"))})
				} else {
					cells[len(cells)-1].Text = vntext.Clean(cells[len(cells)-1].Text + "\n" + l)
				}
			}
			if cur == nil {
				cur = &doc.Table{}
			}
			cur.Rows = append(cur.Rows, cells)
			continue
		}
		for _, l := range lines {
			if strings.Contains(l, "\t") {
				var cells []doc.Cell
				for _, c := range strings.Split(l, "\t") {
					cells = append(cells, doc.Cell{Text: vntext.Clean(c)})
				}
				if cur == nil {
					cur = &doc.Table{}
				}
				cur.Rows = append(cur.Rows, cells)
				continue
			}
			if strings.TrimSpace(l) == "" {
				continue
			}
			flush()
			add(doc.Block{Kind: doc.Paragraph, Text: vntext.Clean(l)})
		}
	}
	flush()
	return d
}
