package extract

import (
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
