package corpus

import (
	"strings"
	"testing"
)

// FuzzUnitKey checks the unit name rules on any input: they never panic,
// a key is its own key, and a name that has a key matches itself.
func FuzzUnitKey(f *testing.F) {
	for _, s := range []string{"Quận 5", "q5", "Q.5", "quan 5", "Bình Tân", "binh tan", "UBND Huyện Cần Giờ",
		"tp Thủ Đức", "Thành phố", "", "q", "  ", "Ủy ban nhân dân", "P.12", "x. Tân Nhựt", "\u0300"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := UnitKey(s)
		if k2 := UnitKey(k); k2 != k {
			t.Errorf("UnitKey(%q) = %q but UnitKey(%q) = %q", s, k, k, k2)
		}
		if strings.TrimSpace(k) != k || strings.Contains(k, "  ") {
			t.Errorf("UnitKey(%q) = %q has stray spaces", s, k)
		}
		if _, rest := splitUnit(s); rest != "" && !MatchUnit(s, s) {
			t.Errorf("%q does not match itself (key %q)", s, k)
		}
	})
}
