package extract

import (
	"slices"
	"testing"

	"github.com/sahilm/fuzzy"

	"chiso/vntext"
)

// TestFuzzyCandidates checks the pre-filter of fuzzyCandidates: it must
// keep what fuzzy.Find over every name keeps, in the same order.
func TestFuzzyCandidates(t *testing.T) {
	cells := []string{"STT", "ST T", "Số TT", "Chỉ số/Chỉ số thành phần", "Số liệu kê khai", "Số liệu",
		"Năm 2023", "Kết quả thực hiện Quý III/2023", "Tài liệu kiểm chứng", "Điểm tối đa", "Tự đánh giá",
		"Đơn vị", "ĐVT", "s", "tt", "chi", "ſo lieu", "KẾT QUẢ", "nhiệm vụ", "x"}
	for _, names := range headerNames {
		cells = append(cells, names...)
	}
	for _, c := range cells {
		f := vntext.Fold(c)
		var want []int
		for _, m := range fuzzy.Find(f, headerIndex.names) {
			want = append(want, m.Index)
		}
		if got := fuzzyCandidates(f); !slices.Equal(got, want) {
			t.Errorf("fuzzyCandidates(%q) = %v, want %v", f, got, want)
		}
	}
}
