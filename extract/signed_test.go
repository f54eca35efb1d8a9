package extract

import (
	"math"
	"testing"

	"chiso/internal/msg"
	"chiso/report"
)

func TestParseValueSigned(t *testing.T) {
	vi := NumberContext{Convention: CommaDecimal}
	none := NumberContext{}
	tests := []struct {
		in      string
		ctx     NumberContext
		kind    report.Kind
		number  *float64
		unit    string
		problem Problem
	}{
		// Signs glued to the digits: a change.
		{"+5%", none, report.KindPercent, f64(5), "", ""},
		{"+5 %", none, report.KindPercent, f64(5), "", ""},
		{"-3,2 %", none, report.KindPercent, f64(-3.2), "", ""},
		{"-3,2%", vi, report.KindPercent, f64(-3.2), "", ""},
		{"−2%", none, report.KindPercent, f64(-2), "", ""},  // U+2212
		{"− 2%", none, report.KindPercent, f64(-2), "", ""}, // U+2212 is never a bullet
		{"–5%", none, report.KindPercent, f64(-5), "", ""},  // en dash typed for "-"
		{"+0,5%", vi, report.KindPercent, f64(0.5), "", ""},
		{"-0%", none, report.KindPercent, f64(0), "", ""},
		// Negative numbers.
		{"-12", none, report.KindNumber, f64(-12), "", ""},
		{"−100", none, report.KindNumber, f64(-100), "", ""},
		{"-1.234,5", none, report.KindNumber, f64(-1234.5), "", ""},
		{"-12 hồ sơ", none, report.KindNumber, f64(-12), "hồ sơ", ""},
		{"+26 bài", none, report.KindNumber, f64(26), "bài", ""},
		{"-1.234", none, report.KindNumber, f64(-1234), "", ProblemAmbiguous},
		// In words.
		{"tăng 5%", none, report.KindPercent, f64(5), "", ""},
		{"Tăng 12,5 %", none, report.KindPercent, f64(12.5), "", ""},
		{"giảm 3%", none, report.KindPercent, f64(-3), "", ""},
		{"Giảm 3 hồ sơ", none, report.KindNumber, f64(-3), "hồ sơ", ""},
		{"tăng", none, report.KindText, nil, "", ""},
		{"tăng cường", none, report.KindText, nil, "", ""},
		// Bullets: a dash or plus and a space, then the value unsigned.
		{"- 100%", none, report.KindPercent, f64(100), "", ""},
		{"+ 100% (5/5)", none, report.KindPercent, f64(100), "", ""},
		{"– 12", none, report.KindNumber, f64(12), "", ""},
		{"- Đang thực hiện", none, report.KindStatus, nil, "", ""},
		{"+ Có", none, report.KindBool, nil, "", ""},
		// Signs on what is not a number.
		{"-3/5", none, report.KindText, nil, "", ProblemUnparsed},
		{"+-5%", none, report.KindText, nil, "", ProblemUnparsed},
		{"--5", none, report.KindText, nil, "", ""},
		{"-", none, report.KindEmpty, nil, "", ""},
		{"+12 thủ tục cấp quận và 31 thủ tục cấp phường", none, report.KindText, nil, "", ""},
	}
	for _, tt := range tests {
		v, p := ParseValue(tt.in, tt.ctx)
		if v.Kind != tt.kind || p != tt.problem || v.Unit != tt.unit {
			t.Errorf("ParseValue(%q) = kind %q unit %q problem %q, want %q %q %q", tt.in, v.Kind, v.Unit, p, tt.kind, tt.unit, tt.problem)
			continue
		}
		if (tt.number == nil) != (v.Number == nil) || tt.number != nil && *tt.number != *v.Number {
			t.Errorf("ParseValue(%q).Number = %v, want %v", tt.in, msg.Num(v.Number), msg.Num(tt.number))
		}
		if v.Number != nil && math.Signbit(*v.Number) && *v.Number == 0 {
			t.Errorf("ParseValue(%q).Number is −0", tt.in)
		}
	}
}

// TestParseValueSignedAlt: the other reading of an ambiguous signed numeral
// has the sign too, so a rate's a/b can confirm it.
func TestParseValueSignedAlt(t *testing.T) {
	v, _ := ParseValue("-1.234", NumberContext{})
	if !v.Ambiguous || v.Alt != -1.234 {
		t.Errorf("-1.234: ambiguous %v alt %v, want true −1.234", v.Ambiguous, v.Alt)
	}
}
