package rubric

import "testing"

// TestStatedGrowth: a growth written in the cell, signed by a glued sign or
// by "tăng"/"giảm", whether extract signed the number or not; a bullet
// dash is not a sign.
func TestStatedGrowth(t *testing.T) {
	tests := []struct {
		raw    string
		number float64
		want   float64
		ok     bool
	}{
		{"+5%", 5, 5, true},
		{"-3%", -3, -3, true},
		{"−2%", -2, -2, true},
		{"–4%", -4, -4, true},
		{"tăng 12%", 12, 12, true},
		{"giảm 3%", 3, -3, true},
		{"giảm 3%", -3, -3, true},
		{"- 100%", 100, 0, false},
		{"5%", 5, 0, false},
	}
	for _, tt := range tests {
		n := tt.number
		got, ok := (&Observation{Raw: tt.raw, Number: &n}).statedGrowth()
		if ok != tt.ok || (ok && got != tt.want) {
			t.Errorf("statedGrowth(%q, %v) = %v, %v; want %v, %v", tt.raw, tt.number, got, ok, tt.want, tt.ok)
		}
	}
}
