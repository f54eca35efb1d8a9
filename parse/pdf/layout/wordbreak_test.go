package layout_test

import (
	"reflect"
	"testing"

	"chiso/parse/pdf/layout"
)

// TestWordBreaks checks the line breaks that fall inside a word, which
// join without a space, against those between words.
func TestWordBreaks(t *testing.T) {
	tests := []struct {
		a, b, want string
	}{
		{"Thực hiện Kế hoạch số 240/KH-", "UBND ngày 14/4/2023 của quận", "Thực hiện Kế hoạch số 240/KH-UBND ngày 14/4/2023 của quận"},
		{"Tính điểm theo phương pháp Min-", "Max dựa vào tỷ lệ cao nhất", "Tính điểm theo phương pháp Min-Max dựa vào tỷ lệ cao nhất"},
		{"Kế hoạch giai đoạn năm 2021 -", "2025 của Ủy ban nhân dân", "Kế hoạch giai đoạn năm 2021 - 2025 của Ủy ban nhân dân"},
		{"Phòng Lao động - Thương binh -", "Xã hội quận và các phường", "Phòng Lao động - Thương binh - Xã hội quận và các phường"},
		{"Kế hoạch giai đoạn năm 2021-", "2025 của Ủy ban nhân dân", "Kế hoạch giai đoạn năm 2021- 2025 của Ủy ban nhân dân"},
		{"Số liệu đến ngày 30/9/2023 (tạm", ") của các phòng ban quận", "Số liệu đến ngày 30/9/2023 (tạm) của các phòng ban quận"},
	}
	for _, tc := range tests {
		p := layout.Page{Number: 1, Texts: []layout.Text{text(tc.a, 50, 100), text(tc.b, 50, 112)}}
		if got := paras(layout.Blocks([]layout.Page{p})); !reflect.DeepEqual(got, []string{tc.want}) {
			t.Errorf("%q + %q: got %q, want %q", tc.a, tc.b, got, tc.want)
		}
	}
}

// TestWordBreakInCell checks a word cut in a narrow cell, and a document
// number cut by a page break in a row continued on the next page.
func TestWordBreakInCell(t *testing.T) {
	xs := []float64{50, 70, 300}
	p1 := layout.Page{Number: 1, Height: 842, Rules: gridRules(xs, []float64{700, 730, 790}, nil)}
	p1.Texts = append(p1.Texts,
		text("(15", 53, 712), text(")", 53, 724), text("Kết quả", 73, 712),
		text("1", 53, 772), text("Theo Kế hoạch số 240/KH-", 73, 772),
	)
	p2 := layout.Page{Number: 2, Height: 842, Rules: gridRules(xs, []float64{50, 80}, nil)}
	p2.Texts = append(p2.Texts, text("UBND ngày 14/4/2023", 73, 64))
	got := tables(layout.Blocks([]layout.Page{p1, p2}))
	want := [][][]string{{{"(15)", "Kết quả"}, {"1", "Theo Kế hoạch số 240/KH-UBND ngày 14/4/2023"}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
