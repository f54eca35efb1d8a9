package extract

import "testing"

func TestFirstNumber(t *testing.T) {
	tests := []struct {
		s       string
		count   bool
		x       float64
		percent bool
		ok      bool
	}{
		{"62,5%", false, 62.5, true, true},
		{"78.23 %", false, 78.23, true, true},
		{"1.234 hồ sơ", false, 1234, false, true},
		{"1.234,5", false, 1234.5, false, true},
		{"+5%", false, 5, true, true},
		{"giảm -3 đơn vị", false, -3, false, true},
		{"1.500", true, 1500, false, true},
		// Alone, three digits after one separator are thousands or
		// decimals: extract flags it, and no later stage may use it.
		{"11.781", false, 0, false, false},
		{"Đã ban hành", false, 0, false, false},
		{"1.2.3", false, 0, false, false},
	}
	for _, tt := range tests {
		x, percent, ok := FirstNumber(tt.s, tt.count)
		if x != tt.x || percent != tt.percent || ok != tt.ok {
			t.Errorf("FirstNumber(%q, %v) = %v, %v, %v; want %v, %v, %v", tt.s, tt.count, x, percent, ok, tt.x, tt.percent, tt.ok)
		}
	}
}
