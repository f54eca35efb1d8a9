package extract

import (
	"strings"
	"testing"
)

// TestMentionsUnit checks the one-pass mentionsUnit against looking for
// each kind of unit in turn.
func TestMentionsUnit(t *testing.T) {
	texts := []string{"", "Quận 3", "QUẬN BÌNH TÂN", "huyện Củ Chi", "UBND HUYỆN CẦN GIỜ", "Thành phố Thủ Đức",
		"THÀNH PHỐ HỒ CHÍ MINH", "thị xã", "THỊ XÃ", "Sở Y tế", "SỞ", "ở", "Ở nhà", "uậ", "ận", "hành", "xã hội",
		"Kết quả thực hiện", "Tỷ lệ hồ sơ trực tuyến", "\xe1\xbb", "a\xe1ận"}
	for _, k := range unitKeys {
		if b := string(k.mark)[0]; b != 0xC3 && b != 0xE1 {
			t.Errorf("mark %q of %q does not start with a byte mentionsUnit stops at", k.mark, k.text)
		}
	}
	for _, s := range texts {
		want := false
		for _, k := range []string{"uận", "UẬN", "uyện", "UYỆN", "hành phố", "HÀNH PHỐ", "hị xã", "HỊ XÃ", "Sở", "SỞ"} {
			want = want || strings.Contains(s, k)
		}
		if got := mentionsUnit(s); got != want {
			t.Errorf("mentionsUnit(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestNextField checks nextField against strings.Fields.
func TestNextField(t *testing.T) {
	for _, s := range []string{"", "  ", "Quận 3", " Bình  Tân\tnăm 2023 ", "a\u00a0b\u2003c", "\xe1\xbb x", "Củ Chi,"} {
		var got []string
		for w, rest := nextField(s); w != ""; w, rest = nextField(rest) {
			got = append(got, w)
		}
		if want := strings.Fields(s); strings.Join(got, "|") != strings.Join(want, "|") || len(got) != len(want) {
			t.Errorf("nextField words of %q = %q, want %q", s, got, want)
		}
	}
}
