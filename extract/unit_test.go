package extract

import (
	"slices"
	"strings"
	"testing"
)

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

// TestContainsAt checks the key search of units against strings.Contains.
func TestContainsAt(t *testing.T) {
	texts := []string{"", "Quận 3", "QUẬN BÌNH TÂN", "huyện Củ Chi", "UBND HUYỆN CẦN GIỜ", "Thành phố Thủ Đức",
		"THÀNH PHỐ HỒ CHÍ MINH", "thị xã", "THỊ XÃ", "Sở Y tế", "SỞ", "ở", "ận", "hành", "xã hội", "í", "luận văn, thuận lợi"}
	if len(unitKeyRare) != len(unitKeys) {
		t.Fatalf("%d rare byte offsets for %d unit keys", len(unitKeyRare), len(unitKeys))
	}
	for _, s := range texts {
		for i, k := range unitKeys {
			if got, want := containsAt(s, k, unitKeyRare[i]), strings.Contains(s, k); got != want {
				t.Errorf("containsAt(%q, %q) = %v, want %v", s, k, got, want)
			}
		}
	}
}

// TestIndexAt checks indexAt against strings.Index.
func TestIndexAt(t *testing.T) {
	for _, s := range []string{"", "ỷ", "tỷ lệ", "Tỉ số, TỶ LỆ tỷ", "xỷ", "\xbb\xb7ỷ", "ab"} {
		for _, key := range []string{"ỷ", "ỉ", "Ỷ", "Ỉ", "tỷ", "b"} {
			for at := range len(key) {
				if got, want := indexAt(s, key, at), strings.Index(s, key); got != want {
					t.Errorf("indexAt(%q, %q, %d) = %d, want %d", s, key, at, got, want)
				}
			}
		}
	}
}

// TestDepartmentKeys checks firstDepartmentKey: the keys from it on are
// the keys of the Sở kinds and of no other, so that counting districts
// may skip them.
func TestDepartmentKeys(t *testing.T) {
	for ki, k := range unitKinds {
		sở := k == "Sở" || k == "SỞ"
		if dep := unitKindKey[ki] >= firstDepartmentKey; dep != sở {
			t.Errorf("kind %q has key %q: department key %v, want %v", k, unitKeys[unitKindKey[ki]], dep, sở)
		}
	}
}

func TestUnitsDistricts(t *testing.T) {
	s := "Sở Y tế và UBND Quận 5 tại Thành phố Hồ Chí Minh"
	var got []string
	for _, h := range units(s, true) {
		got = append(got, h.name)
		if h.after != "" {
			t.Errorf("units(%q, true): %q has after %q, want none", s, h.name, h.after)
		}
	}
	if want := []string{"Quận 5", "Thành phố Hồ Chí Minh"}; !slices.Equal(got, want) {
		t.Errorf("units(%q, true) = %q, want %q", s, got, want)
	}
	if all := units(s, false); len(all) != 3 || all[1].after != "ubnd" {
		t.Errorf("units(%q, false) = %+v, want three with Quận 5 after ubnd", s, all)
	}
}
