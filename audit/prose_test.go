package audit

import (
	"reflect"
	"testing"
)

func TestSlashGroups(t *testing.T) {
	tests := []struct {
		text string
		n    int
		want [][]float64
	}{
		{"Có 14 hồ sơ phi địa giới TTHC/137 hồ sơ nộp trực tuyến/156 tổng số hồ sơ.", 3, [][]float64{{14, 137, 156}}},
		{"Có 3.015 hồ sơ/5.254 hồ sơ trực tuyến", 2, [][]float64{{3015, 5254}}},
		// A run longer or shorter than the table's parts is not its total.
		{"Có 14 hồ sơ/137 hồ sơ/156 hồ sơ", 2, nil},
		{"Có 14 hồ sơ/137 hồ sơ", 3, nil},
		// A percentage or a decimal is not a count.
		{"đạt 88%/137 hồ sơ", 2, nil},
		{"đạt 8,5/10 điểm", 2, nil},
		{"ngày 21/8/2025", 3, [][]float64{{21, 8, 2025}}},
		{"không có số nào", 2, nil},
		// A sentence between two counts does not join them.
		{"có 14 hồ sơ; trong đó có nhiều hồ sơ được hướng dẫn trực tiếp tại trung tâm phục vụ hành chính công của tỉnh và xã/137", 2, nil},
	}
	for _, tt := range tests {
		if got := slashGroups(tt.text, tt.n); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("slashGroups(%q, %d) = %v, want %v", tt.text, tt.n, got, tt.want)
		}
	}
}

func TestWholeCount(t *testing.T) {
	tests := []struct {
		tok  string
		want float64
		ok   bool
	}{
		{"12", 12, true},
		{"02", 2, true},
		{"1.266", 1266, true},
		{"20.316", 20316, true},
		{"1.234.567", 1234567, true},
		{"1.5", 0, false},
		{"1234.567", 0, false},
		{"8,5", 0, false},
		{"", 0, false},
	}
	for _, tt := range tests {
		got, ok := wholeCount(tt.tok)
		if got != tt.want || ok != tt.ok {
			t.Errorf("wholeCount(%q) = %v, %v, want %v, %v", tt.tok, got, ok, tt.want, tt.ok)
		}
	}
}
