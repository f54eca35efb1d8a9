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
