package corpus

import "testing"

func TestMatchUnit(t *testing.T) {
	tests := []struct {
		query, unit string
		want        bool
	}{
		{"q5", "Quận 5", true},
		{"Q.5", "Quận 5", true},
		{"Quận 5", "Quận 5", true},
		{"quan 5", "Quận 5", true},
		{"QUẬN 5", "Ủy ban nhân dân Quận 5", true},
		{"5", "Quận 5", true},
		{"q5", "Quận 15", false},
		{"huyen 5", "Quận 5", false},
		{"Bình Tân", "Quận Bình Tân", true},
		{"binh tan", "Quận Bình Tân", true},
		{"q binh tan", "Quận Bình Tân", true},
		{"binh tan", "Quận Tân Bình", false},
		{"h. Bình Chánh", "Huyện Bình Chánh", true},
		{"tp Thủ Đức", "Thành phố Thủ Đức", true},
		{"thu duc", "Thành phố Thủ Đức", true},
		{"q1", "Quận 10", false},
	}
	for _, tt := range tests {
		if got := MatchUnit(tt.query, tt.unit); got != tt.want {
			t.Errorf("MatchUnit(%q, %q) = %v, want %v (keys %q, %q)", tt.query, tt.unit, got, tt.want, UnitKey(tt.query), UnitKey(tt.unit))
		}
	}
}

func TestUnitKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Quận 5", "quan 5"},
		{"q5", "quan 5"},
		{"Q.5", "quan 5"},
		{"UBND Quận Bình Tân", "quan binh tan"},
		{"Thành phố Hồ Chí Minh", "thanh pho ho chi minh"},
		{"Huyện Cần Giờ", "huyen can gio"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := UnitKey(tt.in); got != tt.want {
			t.Errorf("UnitKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
