package html

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"chiso/doc"
)

// FuzzRead checks that any input reads without panic or error into blocks
// with valid UTF-8 text and sane spans: at least 1, colspans within the
// table's width, rowspans within the table.
func FuzzRead(f *testing.F) {
	for _, name := range []string{"report.html", "word.htm"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range []string{
		`<table><tr><td rowspan=0 colspan=999999>a<table><tr><td>b</td></tr></table></td></tr></table>`,
		`<table><thead><tr><td rowspan=5>x</td></tr></thead><tr><td colspan=2>y</td></tr><tfoot><tr><td>z`,
		"<p>a<br>b<div style='display:none'>c</div><!--[if gte mso 9]><xml></xml><![endif]--><o:p>&nbsp;</o:p>",
		"<meta charset=windows-1258><p>Ba\xd2ng\x00</p>",
		"\xff\xfe<\x00p\x00>\x00",
	} {
		f.Add([]byte(s))
	}
	// Deeper than the parser accepts: read again through flatten.
	f.Add(bytes.Repeat([]byte("<div><span>a<table><tr><td>"), 200))
	f.Fuzz(func(t *testing.T, in []byte) {
		d, err := Read(bytes.NewReader(in))
		if err != nil {
			t.Fatal(err)
		}
		for i, b := range d.Blocks {
			if b.Index != i || b.Page != 0 {
				t.Fatalf("block %d: Index %d Page %d", i, b.Index, b.Page)
			}
			switch b.Kind {
			case doc.Paragraph:
				if !utf8.ValidString(b.Text) || b.Text == "" {
					t.Fatalf("paragraph %q", b.Text)
				}
			case doc.TableKind:
				checkTable(t, b.Table)
			default:
				t.Fatalf("block kind %q", b.Kind)
			}
		}
	})
}

func checkTable(t *testing.T, tb *doc.Table) {
	cells := 0
	for r, row := range tb.Rows {
		cells += len(row)
		for _, c := range row {
			if !utf8.ValidString(c.Text) {
				t.Fatalf("cell text %q", c.Text)
			}
			if c.RowSpan < 1 || c.ColSpan < 1 || r+c.RowSpan > len(tb.Rows) {
				t.Fatalf("row %d of %d: cell spans %d×%d", r, len(tb.Rows), c.RowSpan, c.ColSpan)
			}
		}
	}
	// The grid is never wider than twice the cells there are: no span
	// stretches it beyond what the table's rows fill.
	for _, row := range tb.Grid() {
		if len(row) > 2*max(cells, 1) {
			t.Fatalf("grid %d wide for %d cells", len(row), cells)
		}
	}
}
