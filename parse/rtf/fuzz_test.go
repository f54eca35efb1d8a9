package rtf

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzRead checks that no input panics or yields a malformed document.
func FuzzRead(f *testing.F) {
	f.Add([]byte(`{\rtf1\ansi\ansicpg1258{\fonttbl{\f0 .VnTime;}{\f1\fcharset163 Arial;}}\f0 B\'b8o\f1\u7896?\par` +
		`\trowd\clvmgf\cellx1000\clmgf\cellx2000\clmrg\cellx3000\intbl STT\cell a\nestcell\nestrow\cell\cell\row}`))
	b, err := os.ReadFile(filepath.Join("testdata", "report.rtf"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := Read(b)
		if err != nil {
			if strings.Contains(err.Error(), "internal error") {
				t.Fatal(err)
			}
			return
		}
		for i, blk := range d.Blocks {
			if blk.Index != i || (blk.Table == nil) != (blk.Kind == "paragraph") {
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
	})
}
