package text

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"chiso/doc"
)

// FuzzRead checks that any bytes read without panic or error into blocks of
// valid UTF-8, with tables whose rows all span the same number of
// columns.
func FuzzRead(f *testing.F) {
	for _, name := range []string{"seed000.txt", "seed003.txt", "seed004.txt", "seed000_cp1258.txt"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		// Keep the seeds small so that mutation stays fast.
		f.Add(b[:min(len(b), 6000)])
	}
	for _, s := range []string{
		"A\tB\n1\t\"x\n\"\"y\"\"\"\n\n\t\tz\n--\t--\n",
		"\tSTT\n\tX\ny\n\n\t1\n\t\n   z\n",
		"STT |\nChỉ\nsố |\n||\n1 |\n|\nSố hiệu | 1 |\n| a | b |\n|---|---|\n",
		"\xff\xfeA\x00\t\x00B\x00",
		"B\xb8o c\xb8o\r\nVi\xd6t Nam\rk\xd3 ho\xb9ch\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		d, err := Read(in)
		if err != nil {
			t.Fatal(err)
		}
		for i, b := range d.Blocks {
			if b.Index != i {
				t.Fatalf("block %d has Index %d", i, b.Index)
			}
			switch b.Kind {
			case doc.Paragraph:
				if b.Text == "" || !utf8.ValidString(b.Text) {
					t.Fatalf("paragraph %q", b.Text)
				}
			case doc.TableKind:
				if len(b.Table.Rows) == 0 {
					t.Fatal("table without rows")
				}
				// A Markdown row's repeated heading is one cell spanning
				// its columns (foldRepeats): widths count the spans.
				span := func(row []doc.Cell) int {
					n := 0
					for _, c := range row {
						n += c.ColSpan
					}
					return n
				}
				width := span(b.Table.Rows[0])
				for _, row := range b.Table.Rows {
					if span(row) != width || width == 0 {
						t.Fatalf("rows of %d and %d columns", width, span(row))
					}
					for _, c := range row {
						if c.RowSpan != 1 || c.ColSpan < 1 || !utf8.ValidString(c.Text) {
							t.Fatalf("cell %+v", c)
						}
					}
				}
			default:
				t.Fatalf("kind %q", b.Kind)
			}
		}
	})
}
