package layout_test

import (
	"fmt"
	"reflect"
	"testing"

	"chiso/parse/pdf/layout"
)

// TestGroupRules reads a table of two Age | Total blocks side by side
// whose rules box the header and part the blocks but draw no rows: the
// rows come from the baselines, the columns from the gaps between texts.
func TestGroupRules(t *testing.T) {
	p := layout.Page{Number: 1, Width: 595, Height: 842, Rules: gridRules([]float64{50, 250, 450}, []float64{100, 120, 220}, nil)}
	p.Texts = append(p.Texts, text("Age", 55, 115), text("Total", 180, 115), text("Age", 255, 115), text("Total", 380, 115))
	want := [][]string{{"Age", "Total", "Age", "Total"}}
	for i := 0; i < 6; i++ {
		y := 135 + 14*float64(i)
		a, b := fmt.Sprintf("%d years", i), fmt.Sprintf("%d years", 40+i)
		na, nb := fmt.Sprintf("3,%03d,512", 100+i), fmt.Sprintf("2,%03d,083", 300+i)
		p.Texts = append(p.Texts, text(a, 55, y), text(na, 180, y), text(b, 255, y), text(nb, 380, y))
		want = append(want, []string{a, na, b, nb})
	}
	got := tables(layout.Blocks([]layout.Page{p}))
	if !reflect.DeepEqual(got, [][][]string{want}) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// TestInsetBoxes reads a grid whose header cells have a box drawn 5 pt
// inside their left and right borders (a shaded inset): the padding is
// no column of the table, and the body cells do not span it.
func TestInsetBoxes(t *testing.T) {
	xs, ys := []float64{50, 150, 250, 350}, []float64{100, 120, 140, 160}
	p := layout.Page{Number: 1, Width: 595, Height: 842, Rules: gridRules(xs, ys, nil)}
	var want [][]string
	for r := 0; r+1 < len(ys); r++ {
		var row []string
		for c := 0; c+1 < len(xs); c++ {
			x0, x1, y0, y1 := xs[c]+5, xs[c+1]-5, ys[r], ys[r+1]
			if r == 0 {
				p.Rules = append(p.Rules,
					layout.Rule{X0: x0, Y0: y0, X1: x1, Y1: y0}, layout.Rule{X0: x0, Y0: y1, X1: x1, Y1: y1},
					layout.Rule{X0: x0, Y0: y0, X1: x0, Y1: y1}, layout.Rule{X0: x1, Y0: y0, X1: x1, Y1: y1})
			}
			s := fmt.Sprintf("%d", 10*r+c)
			p.Texts = append(p.Texts, text(s, xs[c]+40, ys[r]+14))
			row = append(row, s)
		}
		want = append(want, row)
	}
	got := tables(layout.Blocks([]layout.Page{p}))
	if !reflect.DeepEqual(got, [][][]string{want}) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
