package layout_test

import (
	"reflect"
	"testing"

	"chiso/parse/pdf/layout"
)

// TestStackedTables checks tables printed right under one another, so
// that they share a border and their rules touch: each keeps its own
// columns, and the lower one still continues on the next page.
func TestStackedTables(t *testing.T) {
	// Column borders as LibreOffice sizes them for two HTML tables of the
	// same width: the first inner border only 2.2 pt apart.
	xa := []float64{57, 78.7, 300, 567}
	xb := []float64{57, 80.9, 200, 330, 567}
	ya := []float64{100, 120, 140}
	yb := []float64{140, 160, 180, 200}
	place := func(p *layout.Page, xs, ys []float64, rows [][]string) {
		for r, row := range rows {
			for c, s := range row {
				if s != "" {
					p.Texts = append(p.Texts, text(s, xs[c]+3, ys[r]+14))
				}
			}
		}
	}
	p1 := layout.Page{Number: 1, Height: 842}
	p1.Rules = append(gridRules(xa, ya, nil),
		// Table B's first row is a title spanning its width.
		gridRules(xb, yb, map[[3]int]bool{{'v', 0, 1}: true, {'v', 0, 2}: true, {'v', 0, 3}: true})...)
	place(&p1, xa, ya, [][]string{{"TT", "Nội dung", "Kết quả"}, {"1", "Dân số", "Đạt"}})
	place(&p1, xb, yb, [][]string{{"Bảng 2"}, {"TT", "Nội dung", "Đơn vị", "Kết quả"}, {"1", "Hồ sơ", "Phòng Y tế", "Xong"}})

	// Page 2 goes on with table B, its first row repeated.
	p2 := layout.Page{Number: 2, Height: 842}
	y2 := []float64{50, 70, 90}
	p2.Rules = gridRules(xb, y2, map[[3]int]bool{{'v', 0, 1}: true, {'v', 0, 2}: true, {'v', 0, 3}: true})
	place(&p2, xb, y2, [][]string{{"Bảng 2"}, {"2", "Kho dữ liệu", "Phòng Nội vụ", "Chưa"}})

	got := tables(layout.Blocks([]layout.Page{p1, p2}))
	want := [][][]string{
		{{"TT", "Nội dung", "Kết quả"}, {"1", "Dân số", "Đạt"}},
		{
			{"Bảng 2", "Bảng 2", "Bảng 2", "Bảng 2"},
			{"TT", "Nội dung", "Đơn vị", "Kết quả"},
			{"1", "Hồ sơ", "Phòng Y tế", "Xong"},
			{"2", "Kho dữ liệu", "Phòng Nội vụ", "Chưa"},
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// TestNotStacked checks that a table whose rows span different columns
// stays one table while its rows share a column border.
func TestNotStacked(t *testing.T) {
	xs := []float64{50, 80, 200, 300, 400}
	ys := []float64{100, 120, 140, 160, 180}
	p := layout.Page{Number: 1, Rules: gridRules(xs, ys, map[[3]int]bool{
		{'v', 0, 3}: true,                                       // header: "Số liệu" over two columns
		{'v', 2, 1}: true, {'v', 2, 2}: true, {'v', 2, 3}: true, // a section row across the width
	})}
	for _, c := range []struct {
		s    string
		r, c int
	}{{"STT", 0, 0}, {"Chỉ số", 0, 1}, {"Số liệu", 0, 2}, {"1", 1, 0}, {"a", 1, 1}, {"2", 1, 2}, {"3", 1, 3}, {"II. Nhóm", 2, 0}, {"2", 3, 0}, {"b", 3, 1}} {
		p.Texts = append(p.Texts, text(c.s, xs[c.c]+3, ys[c.r]+14))
	}
	got := tables(layout.Blocks([]layout.Page{p}))
	want := [][][]string{{
		{"STT", "Chỉ số", "Số liệu", "Số liệu"},
		{"1", "a", "2", "3"},
		{"II. Nhóm", "II. Nhóm", "II. Nhóm", "II. Nhóm"},
		{"2", "b", "", ""},
	}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
