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
	})
}
