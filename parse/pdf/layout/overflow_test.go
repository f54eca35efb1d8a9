package layout_test

import (
	"reflect"
	"testing"

	"chiso/parse/pdf/layout"
)

// TestOverflowingCell checks a table wider than the page: the producer
// cuts its last column at the page edge, so a text there has its
// midpoint outside the table, and still belongs to the last cell (and
// the table still continues on the next page).
func TestOverflowingCell(t *testing.T) {
	xs := []float64{57, 300, 570, 595}
	p1 := layout.Page{Number: 1, Width: 595, Height: 842, Rules: gridRules(xs, []float64{700, 720, 740}, nil)}
	p1.Texts = append(p1.Texts, text("STT", 60, 714), text("Nội dung", 303, 714), text("Trung cấp", 573, 714),
		text("1", 60, 734), text("Dân số", 303, 734), text("(19)", 573, 734))
	p2 := layout.Page{Number: 2, Width: 595, Height: 842, Rules: gridRules(xs, []float64{50, 70}, nil)}
	p2.Texts = append(p2.Texts, text("2", 60, 64), text("Hộ", 303, 64), text("15", 573, 64))
	bs := layout.Blocks([]layout.Page{p1, p2})
	want := [][][]string{{{"STT", "Nội dung", "Trung cấp"}, {"1", "Dân số", "(19)"}, {"2", "Hộ", "15"}}}
	if got := tables(bs); !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if ps := paras(bs); len(ps) > 0 {
		t.Errorf("paragraphs %q, want none", ps)
	}
}
