package extract

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestFieldCounts checks the scanners that replace strings.Fields on
// every cell against it.
func TestFieldCounts(t *testing.T) {
	texts := []string{"", " ", "a", " a", "a ", "a b", "a  b", "a\nb", "a\tb", "a\u00a0b", "a\u2003b c",
		"Chỉ số thành phần", "Chỉ  số", "một hai ba bốn năm sáu bảy tám", "một hai ba bốn năm sáu bảy tám chín",
		"\xff\xfe x", "x\u0085y", "tỷ lệ 86,4 % \n", "a\u3000b", "a\u1680b", "\xc2 a", "\xe1 b", "a\u202fb", "ở à\u205f"}
	for _, s := range texts {
		fields := strings.Fields(s)
		if got, want := oneLine(s), strings.Join(fields, " "); got != want {
			t.Errorf("oneLine(%q) = %q, want %q", s, got, want)
		}
		for n := range 10 {
			if got, want := moreFields(s, n), len(fields) > n; got != want {
				t.Errorf("moreFields(%q, %d) = %v, want %v", s, n, got, want)
			}
		}
	}
}

func TestColumnNumbers(t *testing.T) {
	tests := []struct {
		cells []string
		want  bool
	}{
		{[]string{"A", "B", "1", "2", "3"}, true},
		{[]string{"A", "B", "C", "1", "2"}, true},
		{[]string{"(1)", "(2)", "(3)", "(4)"}, true},
		{[]string{"1", "2", "3", "4"}, true},
		{[]string{"A", "Hạ tầng số", "", ""}, false},
		{[]string{"1", "", "2", "3"}, false}, // a row without its label
		{[]string{"2", "3", "4"}, false},
		{[]string{"1", "2", "4"}, false},
		{[]string{"A", "B"}, false},
		{[]string{"1", "A", "2"}, false},
	}
	for _, tt := range tests {
		if got := columnNumbers(tt.cells); got != tt.want {
			t.Errorf("columnNumbers(%q) = %v, want %v", tt.cells, got, tt.want)
		}
	}
}

// TestWideSpace checks wideSpace against unicode.IsSpace on every rune,
// and on broken sequences, whose first byte alone is taken.
func TestWideSpace(t *testing.T) {
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		s := string(r) + "x"
		if space, n := wideSpace(s); space != unicode.IsSpace(r) || n != utf8.RuneLen(r) && utf8.ValidRune(r) {
			t.Fatalf("wideSpace(%+q) = %v, %d; want %v, %d", s, space, n, unicode.IsSpace(r), utf8.RuneLen(r))
		}
	}
	for _, s := range []string{"\xe1\xba", "\xe1\xba ", "\xe1\xbb\xc3\xa0", "\xe1 \x80"} {
		if space, n := wideSpace(s); space || n != 1 {
			t.Errorf("wideSpace(%+q) = %v, %d; want false, 1", s, space, n)
		}
	}
}
