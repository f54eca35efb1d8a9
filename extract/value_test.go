package extract

import (
	"testing"

	"chiso/internal/msg"
	"chiso/report"
)

func f64(v float64) *float64 { return &v }

func TestParseValue(t *testing.T) {
	vi := NumberContext{Convention: CommaDecimal}
	en := NumberContext{Convention: DotDecimal}
	none := NumberContext{}
	count := NumberContext{Count: true}
	tests := []struct {
		in      string
		ctx     NumberContext
		kind    report.Kind
		number  *float64
		unit    string
		problem Problem
	}{
		{"78,23%", none, report.KindPercent, f64(78.23), "", ""},
		{"78.23 %", none, report.KindPercent, f64(78.23), "", ""},
		{"78,23 %", vi, report.KindPercent, f64(78.23), "", ""},
		{"1.05 %", none, report.KindPercent, f64(1.05), "", ""},
		{"99,97%", none, report.KindPercent, f64(99.97), "", ""},
		{"0 %", none, report.KindPercent, f64(0), "", ""},
		{"100 %", none, report.KindPercent, f64(100), "", ""},
		{"11.781", vi, report.KindNumber, f64(11781), "", ""},
		{"11.781", count, report.KindNumber, f64(11781), "", ""},
		{"11781", none, report.KindNumber, f64(11781), "", ""},
		{"11,781", en, report.KindNumber, f64(11781), "", ""},
		{"1.234.567", none, report.KindNumber, f64(1234567), "", ""},
		{"1.234,5", none, report.KindNumber, f64(1234.5), "", ""},
		{"35,5 mét", none, report.KindNumber, f64(35.5), "mét", ""},
		{"26 bài", none, report.KindNumber, f64(26), "bài", ""},
		{"9.295 hồ sơ", none, report.KindNumber, f64(9295), "hồ sơ", ""},
		// Evidence does not decide: ambiguous, read the Vietnamese way.
		{"1.234", none, report.KindNumber, f64(1234), "", ProblemAmbiguous},
		{"1.234 %", none, report.KindPercent, f64(1234), "", ProblemAmbiguous},
		{"1.234 %", en, report.KindPercent, f64(1.234), "", ""},
		{"1,234", none, report.KindNumber, f64(1.234), "", ProblemAmbiguous},
		{"1.234", en, report.KindNumber, f64(1.234), "", ""},
		{"", none, report.KindEmpty, nil, "", ""},
		{"-", none, report.KindEmpty, nil, "", ""},
		{"Có thành lập", none, report.KindBool, nil, "", ""},
		{"Có", none, report.KindBool, nil, "", ""},
		{"Không", none, report.KindBool, nil, "", ""},
		{"Có sử dụng", none, report.KindBool, nil, "", ""},
		{"Đã ban hành", none, report.KindBool, nil, "", ""},
		{"Chưa ban hành", none, report.KindBool, nil, "", ""},
		{"Chưa triển khai", none, report.KindStatus, nil, "", ""},
		{"Đang thực hiện", none, report.KindStatus, nil, "", ""},
		{"Hoàn thành", none, report.KindStatus, nil, "", ""},
		{"Hàng tuần", none, report.KindText, nil, "", ""},
		{"Không áp dụng", none, report.KindText, nil, "", ""},
		{"Đang thực hiện\n+ Hoàn tất việc chỉnh lý 100% (760.370/761.174).", none, report.KindStatus, nil, "", ""},
		{"45 thủ tục cấp quận và 31 thủ tục cấp phường trên hệ thống", none, report.KindText, nil, "", ""},
		{"1.2.3", none, report.KindText, nil, "", ProblemUnparsed},
		{"12,3,4 %", none, report.KindText, nil, "", ProblemUnparsed},
		{"5 7", none, report.KindText, nil, "", ProblemUnparsed},
		{"12/10/2023", none, report.KindText, nil, "", ""},
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
	}
}

func TestParseValueKinds(t *testing.T) {
	v, _ := ParseValue("760.370/761.174", NumberContext{})
	if v.Kind != report.KindFraction || *v.Numerator != 760370 || *v.Denominator != 761174 {
		t.Errorf("fraction: %+v", v)
	}
	v, _ = ParseValue("Chưa ban hành", NumberContext{})
	if v.Bool == nil || *v.Bool {
		t.Errorf("Chưa ban hành: %+v", v)
	}
	for in, want := range map[string]report.Status{"Chưa triển khai": report.StatusNotStarted, "Đang thực hiện": report.StatusInProgress, "Hoàn thành": report.StatusDone} {
		if v, _ := ParseValue(in, NumberContext{}); v.Status != want {
			t.Errorf("%s: status %q, want %q", in, v.Status, want)
		}
	}
	if v, _ := ParseValue("78,23 %", NumberContext{}); v.Decimals != 2 {
		t.Errorf("78,23 %%: %d decimals, want 2", v.Decimals)
	}
}

func TestParseSTT(t *testing.T) {
	tests := []struct {
		in    string
		text  string
		level Level
		ok    bool
	}{
		{"I", "I", LevelRoman, true},
		{"IV.", "IV", LevelRoman, true},
		{"XII", "XII", LevelRoman, true},
		{"7", "7", LevelInteger, true},
		{"7.", "7", LevelInteger, true},
		{"1.1", "1.1", LevelDotted, true},
		{"2.2.3", "2.2.3", LevelDotted + 1, true},
		{"1,7", "1.7", LevelDotted, true},
		{"III.1", "III.1", LevelInteger, true},
		{"II.2.3", "II.2.3", LevelDotted, true},
		{"I.1.14.", "I.1.14", LevelDotted, true},
		{"L.1", "", 0, false},
		{"A", "A", LevelPart, true},
		{"B.", "B", LevelPart, true},
		{"Đ", "Đ", LevelPart, true},
		{"a", "a", LevelLetter, true},
		{"b)", "b", LevelLetter, true},
		{"(c)", "c", LevelLetter, true},
		{"đ", "đ", LevelLetter, true},
		{"-", "-", LevelBullet, true},
		{"STT", "", 0, false},
		{"TỔNG CỘNG", "", 0, false},
		{"1.2.", "1.2", LevelDotted, true},
		{"1..2", "", 0, false},
		{"", "", 0, false},
		{"12345", "", 0, false},
	}
	for _, tt := range tests {
		s, ok := ParseSTT(tt.in)
		if ok != tt.ok || ok && (s.Text != tt.text || s.Level != tt.level) {
			t.Errorf("ParseSTT(%q) = %+v, %v; want %q level %d, %v", tt.in, s, ok, tt.text, tt.level, tt.ok)
		}
	}
}

func TestClassifyHeader(t *testing.T) {
	tests := []struct {
		in   string
		want Column
	}{
		{"STT", ColSTT},
		{"ST T", ColSTT},
		{"TT", ColSTT},
		{"Số TT", ColSTT},
		{"Chỉ số/Chỉ số thành phần", ColLabel},
		{"Chỉ tiêu", ColLabel},
		{"Nội dung", ColLabel},
		{"Nội dung (chỉ tiêu)", ColLabel},
		{"Số liệu kê khai", ColValue},
		{"Số\nliệu", ColValue},
		{"Kết quả thực hiện", ColValue},
		{"Kết quả thực hiện Quý III/2023", ColValue},
		{"Tài liệu kiểm chứng", ColEvidence},
		{"Ghi chú", ColEvidence},
		{"Cách xác định và tính điểm", ColEvidence},
		{"Điểm tối đa", ColMax},
		{"Điểm tự chấm", ColSelf},
		{"Tự đánh giá", ColSelf},
		{"Đơn vị\nbáo cáo", ColResponsible},
		{"Đơn vị tính", ColMeasure},
		{"CHI SO", ColLabel},   // no diacritics
		{"Chỉ sô", ColLabel},   // tone typo
		{"Đánh giá", ColOther}, // not "Tự đánh giá"
		{"Đơn vị", ColOther},   // a statistics grid's row names
		{"Quyết định thành lập Ban chỉ đạo chuyển đổi số của đơn vị", ColUnknown},
		{"78,23 %", ColUnknown},
	}
	for _, tt := range tests {
		if got, score := ClassifyHeader(tt.in); got != tt.want {
			t.Errorf("ClassifyHeader(%q) = %v (%.2f), want %v", tt.in, got, score, tt.want)
		}
	}
}

func TestStartsWith(t *testing.T) {
	tests := []struct {
		words  []string
		phrase string
		want   bool
	}{
		{[]string{"da", "ban", "hanh"}, "da ban hanh", true},
		{[]string{"da", "ban", "hanh", "nam", "2023"}, "da ban hanh", true},
		{[]string{"da", "ban"}, "da ban hanh", false},
		{[]string{"da", "banh", "hanh"}, "da ban hanh", false},
		{[]string{"d", "a"}, "da", false},
		{[]string{"co"}, "co", true},
		{[]string{"da", "banhanh"}, "da ban hanh", true},
		{[]string{"dabanhanh", "2023"}, "da ban hanh", true},
		{[]string{"chuaban", "hanh"}, "chua ban hanh", true},
		{[]string{"daban"}, "da ban hanh", false},
		{[]string{"cocau"}, "co", false},
		{[]string{"con"}, "co", false},
		{nil, "co", false},
	}
	for _, tt := range tests {
		if _, got := startsWith(tt.words, tt.phrase); got != tt.want {
			t.Errorf("startsWith(%q, %q) = %v, want %v", tt.words, tt.phrase, got, tt.want)
		}
	}
}
