package extract

import (
	"strings"
	"testing"

	"chiso/vntext"
)

// TestFieldCounts checks the scanners that replace strings.Fields on
// every cell against it.
func TestFieldCounts(t *testing.T) {
	texts := []string{"", " ", "a", " a", "a ", "a b", "a  b", "a\nb", "a\tb", "a\u00a0b", "a\u2003b c",
		"Chỉ số thành phần", "Chỉ  số", "một hai ba bốn năm sáu bảy tám", "một hai ba bốn năm sáu bảy tám chín",
		"\xff\xfe x", "x\u0085y", "tỷ lệ 86,4 % \n", "a\u3000b", "a\u1680b", "\xc2 a", "\xe1 b", "a\u202fb", "ở à\u205f"}
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

// TestFoldPrefix checks that foldPrefix gives a prefix of the fold that is
// long enough to decide on.
func TestFoldPrefix(t *testing.T) {
	long := strings.Repeat("Phụ lục 2 – Kết quả thực hiện các chỉ tiêu ", 10)
	texts := []string{"", "PHỤ LỤC II", "Phụ lục số 3", long, "– – – – – – – – – – – – – – – – – – – – – – – – – – – – " + long,
		strings.Repeat("ở", 100), strings.Repeat("...", 100) + "x", "Tổng số hồ sơ tiếp nhận trong kỳ báo cáo của đơn vị"}
	for _, s := range texts {
		full := vntext.Fold(s)
		for _, n := range []int{1, 8, 15, 40} {
			got := foldPrefix(s, n)
			if !strings.HasPrefix(full, got) || len(got) < min(n, len(full)) {
				t.Errorf("foldPrefix(%q, %d) = %q, not a prefix of %q that long", s, n, got, full)
			}
		}
	}
}

func TestColumnNumbers(t *testing.T) {
	tests := []struct {
		cells []string
		want  bool
	}{
		{[]string{"A", "B", "1", "2", "3"}, true},
		{[]string{"A", "B", "C", "1", "2"}, true},
		{[]string{"(1)", "(2)", "(3)", "(4)"}, true},
		{[]string{"1", "2", "3", "4"}, true},
		{[]string{"A", "Hạ tầng số", "", ""}, false},
		{[]string{"1", "", "2", "3"}, false}, // a row without its label
		{[]string{"2", "3", "4"}, false},
		{[]string{"1", "2", "4"}, false},
		{[]string{"A", "B"}, false},
		{[]string{"1", "A", "2"}, false},
	}
	for _, tt := range tests {
		if got := columnNumbers(tt.cells); got != tt.want {
			t.Errorf("columnNumbers(%q) = %v, want %v", tt.cells, got, tt.want)
		}
	}
}
