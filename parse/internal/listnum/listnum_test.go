package listnum

import "testing"

func TestFormat(t *testing.T) {
	tests := []struct {
		s    Style
		n    int
		want string
	}{
		{Decimal, 12, "12"},
		{DecimalZero, 7, "07"},
		{DecimalZero, 12, "12"},
		{LowerLetter, 1, "a"},
		{LowerLetter, 27, "aa"},
		{UpperLetter, 28, "BB"},
		{UpperLetter, 26*8 + 1, "209"},
		{LowerLetter, 0, "0"},
		{LowerRoman, 4, "iv"},
		{UpperRoman, 1994, "MCMXCIV"},
		{UpperRoman, 4000, "4000"},
		{UpperRoman, -3, "-3"},
		{None, 5, ""},
	}
	for _, tt := range tests {
		if got := Format(tt.s, tt.n); got != tt.want {
			t.Errorf("Format(%d, %d) = %q, want %q", tt.s, tt.n, got, tt.want)
		}
	}
}
