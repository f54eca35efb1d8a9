package vntext

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"Tỷ lệ hồ sơ", "ty le ho so"},
		{"ST T", "st t"},
		{"STT", "stt"},
		{"  Đồng   Nai  ", "dong nai"},
		{"đường ĐIỆN", "duong dien"},
		{"Ba\u0301o ca\u0301o", "bao cao"}, // NFD input
		{"Chỉ số/Chỉ số thành phần", "chi so chi so thanh phan"},
		{"17/QĐ-UBQGCDS", "17 qd ubqgcds"},
		{"78,23 %", "78 23"},
		{"Ủy ban nhân dân Quận 5.", "uy ban nhan dan quan 5"},
		{"café", "cafe"},
		{"x\u00a0y", "x y"},
		{"ỨNG DỤNG", "ung dung"},
		{"...", ""},
		{"\u1b08h", "\u1b07h"}, // the spacing mark of the decomposition is dropped, not kept
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestFoldPrefix checks that FoldPrefix gives a prefix of the fold that
// is long enough to decide on.
func TestFoldPrefix(t *testing.T) {
	long := strings.Repeat("Phụ lục 2 – Kết quả thực hiện các chỉ tiêu ", 10)
	texts := []string{"", "PHỤ LỤC II", "Phụ lục số 3", long, "– – – – – – – – – – – – – – – – – – – – – – – – – – – – " + long,
		strings.Repeat("ở", 100), strings.Repeat("...", 100) + "x", "Tổng số hồ sơ tiếp nhận trong kỳ báo cáo của đơn vị", "\u1b08\u1b08"}
	for _, s := range texts {
		full := Fold(s)
		for _, n := range []int{0, 1, 8, 15, 40} {
			got := FoldPrefix(s, n)
			if !strings.HasPrefix(full, got) || len(got) < min(n, len(full)) {
				t.Errorf("FoldPrefix(%q, %d) = %q, not a prefix of %q that long", s, n, got, full)
			}
			if len(got) > n+2*utf8.UTFMax {
				t.Errorf("FoldPrefix(%q, %d) = %q: %d bytes, folded past what was asked", s, n, got, len(got))
			}
		}
	}
}

func TestFoldNoAlloc(t *testing.T) {
	s := "ty le ho so thu tuc hanh chinh"
	if n := testing.AllocsPerRun(100, func() { _ = Fold(s) }); n != 0 {
		t.Errorf("Fold(%q) allocates %v times, want 0", s, n)
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"Tỷ lệ hồ sơ", "ST T", "Đ", "a\u0301", "\xff", "ǅ ﬁ ²", "\u1b08h"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := Fold(s)
		if !utf8.ValidString(k) {
			t.Fatalf("Fold(%+q) = %+q, not valid UTF-8", s, k)
		}
		if Fold(k) != k {
			t.Fatalf("Fold not idempotent on %+q: %+q then %+q", s, k, Fold(k))
		}
		if strings.HasPrefix(k, " ") || strings.HasSuffix(k, " ") || strings.Contains(k, "  ") {
			t.Fatalf("Fold(%+q) = %+q has stray spaces", s, k)
		}
		for _, n := range []int{0, 1, 8, 15} {
			if p := FoldPrefix(s, n); !strings.HasPrefix(k, p) || len(p) < min(n, len(k)) {
				t.Fatalf("FoldPrefix(%+q, %d) = %+q, not a prefix of %+q that long", s, n, p, k)
			}
		}
	})
}
