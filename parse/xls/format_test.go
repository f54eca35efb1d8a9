package xls

import "testing"

// TestShow checks numbers under Excel's built-in formats (by index, with
// no FORMAT record, as Excel writes them) and under codes of FORMAT
// records, in the Vietnamese way of writing numbers.
func TestShow(t *testing.T) {
	formats := map[int]string{164: "0.0%", 165: "@", 166: "#,##0.00", 167: "dd/mm/yyyy", 168: "General"}
	tests := []struct {
		v      float64
		format int
		want   string
	}{
		{11781, 0, "11781"},
		{15.65, 0, "15,65"},
		{0.1 + 0.2, 0, "0,3"},
		{-2.5, 0, "-2,5"},
		{11781, 3, "11.781"},
		{1234567.5, 4, "1.234.567,50"},
		{0.7823, 9, "78%"},
		{0.7823, 10, "78,23%"},
		{45199, 14, "30/09/2023"},
		{0.7823, 164, "78,2%"},
		{7, 165, "7"},
		{11781.456, 166, "11.781,46"},
		{45199, 167, "30/09/2023"},
		{3.5, 168, "3,5"},
		{42, -1, "42"},
	}
	s := newShower(formats, false)
	for _, tt := range tests {
		if got := s.show(tt.v, tt.format); got != tt.want {
			t.Errorf("show(%v, format %d) = %q, want %q", tt.v, tt.format, got, tt.want)
		}
	}
	// In the 1904 date system the same serial is four years and a day later.
	if got := newShower(formats, true).show(45199, 167); got != "01/10/2027" {
		t.Errorf("1904 date: got %q, want 01/10/2027", got)
	}
}
