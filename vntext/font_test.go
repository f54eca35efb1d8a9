package vntext

import "testing"

func TestFontOf(t *testing.T) {
	tests := []struct {
		name string
		want Font
	}{
		{".VnTime", TCVN3Font},
		{".VnArial Narrow", TCVN3Font},
		{".VnTimeH", TCVN3UpperFont},
		{".VnArialH Bold", TCVN3UpperFont},
		{".VnArial NarrowH", TCVN3UpperFont},
		{"ABCDEF+.VnArialH", TCVN3UpperFont},
		{".VnTime,Bold", TCVN3Font},
		{".VnTimeH,BoldItalic", TCVN3UpperFont},
		{".VnBook-AntiquaH", TCVN3UpperFont},
		{".VnBook-Antiqua", TCVN3Font},
		{"VnTimeH-Bold", TCVN3UpperFont},
		{"VNI-Times", VNIFont},
		{"VNI-Helve-Condense", VNIFont},
		{"ABCDEF+VNI-Helve-Bold", VNIFont},
		{"Times New Roman", UnicodeFont},
		{"TimesNewRoman", UnicodeFont},
		{"BAAAAA+LiberationSerif-Bold", UnicodeFont},
		{"Vni", UnicodeFont},
		{"", UnicodeFont},
	}
	for _, tt := range tests {
		if got := FontOf(tt.name); got != tt.want {
			t.Errorf("FontOf(%q) = %d, want %d", tt.name, got, tt.want)
		}
	}
}

func TestFontDecode(t *testing.T) {
	tests := []struct {
		f        Font
		in, want string
	}{
		{TCVN3Font, "B¸o c¸o", "Báo cáo"},
		{TCVN3UpperFont, "b¸o c¸o", "BÁO CÁO"},
		{VNIFont, "Baùo caùo", "Báo cáo"},
		{UnicodeFont, "B¸o", "B¸o"},
	}
	for _, tt := range tests {
		if got := tt.f.Decode(tt.in); got != tt.want {
			t.Errorf("%d.Decode(%q) = %q, want %q", tt.f, tt.in, got, tt.want)
		}
	}
}
