package pdf

import "testing"

// TestBfrangeCarry checks the destination arithmetic of bfrange: the
// offset carries into higher bytes (ledongthuc adds to the last byte only,
// which turns U+1EC9 "ỉ" into U+00C9 "É").
func TestBfrangeCarry(t *testing.T) {
	tests := []struct {
		dst  []byte
		off  uint32
		want string
	}{
		{[]byte{0x00, 0x00}, 0x1EC9, "ỉ"},
		{[]byte{0x00, 0x41}, 2, "C"},
		{[]byte{0x00, 0xFF}, 0x1, "Ā"},
		{[]byte{0x1E, 0xFE}, 0x3, "ἁ"},
		{[]byte{0xD8, 0x3D, 0xDE, 0x00}, 1, "\U0001F601"},
	}
	for _, tt := range tests {
		if got := utf16Text(addCarry(tt.dst, tt.off)); got != tt.want {
			t.Errorf("% x + %#x = %q, want %q", tt.dst, tt.off, got, tt.want)
		}
	}
}

func TestCodeLen(t *testing.T) {
	m := &cmap{space: []codeRange{
		{[]byte{0x00}, []byte{0x7F}},
		{[]byte{0x81, 0x40}, []byte{0xFE, 0xFE}},
	}}
	tests := []struct {
		s    string
		want int
	}{
		{"A", 1},
		{"\x81\x40", 2},
		{"\xFE\xFEA", 2},
		{"\x80", 1}, // outside every range: the shortest length
		{"\x81", 1}, // a truncated 2-byte code
	}
	for _, tt := range tests {
		if got := m.codeLen(tt.s); got != tt.want {
			t.Errorf("codeLen(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
}

func TestGlyphText(t *testing.T) {
	tests := []struct{ name, want string }{
		{"a", "a"},
		{"uni1EC9", "ỉ"},
		{"uni00410042", "AB"},
		{"u1EA1", "ạ"},
		{"ecircumflexacute", "ế"},
		{"Ohornhookabove", "Ở"},
		{"uhorntilde", "ữ"},
		{"adotbelow", "ạ"},
		{"dcroat", "đ"},
		{"Dcroat", "Đ"},
		{"f_i", "fi"},
		{"a.sc", "a"},
		{"space", " "},
		{"g123", ""},
		{"uniD800", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := glyphText(tt.name); got != tt.want {
			t.Errorf("glyphText(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}
