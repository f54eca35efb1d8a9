package layout_test

import (
	"reflect"
	"testing"

	"chiso/parse/pdf/layout"
)

// TestMonospacedLines reads a table typed with spaces in a monospaced
// font, each line one text: columns two spaces or more apart, and
// figures one space apart where the numbers grow long.
func TestMonospacedLines(t *testing.T) {
	lines := []string{
		"Proportion   1.0   1.1   1.2   1.3",
		"0.99 ......  800   880   960 1,040",
		"0.95 ......  160   176   192   208",
		"0.90 ......   80    88    96   104",
		"0.85 ......   53    59    64    69",
	}
	p := layout.Page{Number: 1, Width: 595, Height: 842}
	p.Texts = append(p.Texts, text("Table 1. Recommended sample sizes", 72, 100))
	for i, s := range lines {
		p.Texts = append(p.Texts, text(s, 72, 130+14*float64(i)))
	}
	want := [][][]string{{
		{"Proportion", "1.0", "1.1", "1.2", "1.3"},
		{"0.99 ......", "800", "880", "960", "1,040"},
		{"0.95 ......", "160", "176", "192", "208"},
		{"0.90 ......", "80", "88", "96", "104"},
		{"0.85 ......", "53", "59", "64", "69"},
	}}
	bs := layout.Blocks([]layout.Page{p})
	if got := tables(bs); !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if ps := paras(bs); !reflect.DeepEqual(ps, []string{"Table 1. Recommended sample sizes"}) {
		t.Errorf("paragraphs %q", ps)
	}
}
