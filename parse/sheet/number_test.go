package sheet

import "testing"

func TestVietnamese(t *testing.T) {
	for in, want := range map[string]string{
		"78.23%": "78,23%", "11,781": "11.781", "1,234,567.50": "1.234.567,50", "-0.5": "-0,5",
		"abc.def": "abc.def", "3": "3", "$ 1,000": "$ 1.000",
	} {
		if got := Vietnamese(in); got != want {
			t.Errorf("Vietnamese(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestKind(t *testing.T) {
	for _, tt := range []struct {
		code string
		want NumberKind
	}{
		{"General", General}, {"0", Number}, {"#,##0.00", Number}, {"0.00%", Number},
		{"dd/mm/yyyy", Date}, {"[$-42A]d mmmm yyyy", Date}, {"h:mm", Date},
		{`"Ngày "0`, Number}, {"[Red]0.0", Number},
	} {
		if got := CodeKind(tt.code); got != tt.want {
			t.Errorf("CodeKind(%q) = %d, want %d", tt.code, got, tt.want)
		}
	}
	for id, want := range map[int]NumberKind{0: General, 3: Number, 10: Number, 14: Date, 22: Date, 49: Number} {
		if got := BuiltinKind(id); got != want {
			t.Errorf("BuiltinKind(%d) = %d, want %d", id, got, want)
		}
	}
}
