package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/sahilm/fuzzy"

	"chiso/parse/vntext"
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

// TestFieldCounts checks the scanners that replace strings.Fields on
// every cell against it.
func TestFieldCounts(t *testing.T) {
	texts := []string{"", " ", "a", " a", "a ", "a b", "a  b", "a\nb", "a\tb", "a\u00a0b", "a\u2003b c",
		"Chỉ số thành phần", "Chỉ  số", "một hai ba bốn năm sáu bảy tám", "một hai ba bốn năm sáu bảy tám chín",
		"\xff\xfe x", "x\u0085y", "tỷ lệ 86,4 % \n"}
	for _, s := range texts {
		fields := strings.Fields(s)
		if got, want := oneLine(s), strings.Join(fields, " "); got != want {
			t.Errorf("oneLine(%q) = %q, want %q", s, got, want)
		}
		for n := range 10 {
			if got, want := moreFields(s, n), len(fields) > n; got != want {
				t.Errorf("moreFields(%q, %d) = %v, want %v", s, n, got, want)
			}
		}
	}
}
