package pdf

import "testing"

func TestLegacyOf(t *testing.T) {
	tests := []struct {
		base string
		want legacy
	}{
		{".VnTime", legacyTCVN3},
		{".VnTimeH", legacyTCVN3Upper},
		{"ABCDEF+.VnArialH", legacyTCVN3Upper},
		{".VnTime,Bold", legacyTCVN3},
		{".VnTimeH,BoldItalic", legacyTCVN3Upper},
		{".VnBook-AntiquaH", legacyTCVN3Upper},
		{".VnBook-Antiqua", legacyTCVN3},
		{".VnArial NarrowH", legacyTCVN3Upper},
		{"VnTimeH-Bold", legacyTCVN3Upper},
		{"VNI-Times", legacyVNI},
		{"ABCDEF+VNI-Helve-Bold", legacyVNI},
		{"TimesNewRoman", legacyNone},
		{"BAAAAA+LiberationSerif-Bold", legacyNone},
		{"Helvetica", legacyNone},
	}
	for _, tt := range tests {
		if got := legacyOf(tt.base); got != tt.want {
			t.Errorf("legacyOf(%q) = %d, want %d", tt.base, got, tt.want)
		}
	}
}
