package extract

import (
	"reflect"
	"strings"
	"testing"

	"chiso/audit"
	"chiso/internal/msg"
	"chiso/report"
)

// TestMutated runs on a seed-000-like report whose values were changed so
// that each finding code this package owns fires once, where expected, and
// nowhere else: the holding rates (11781/15060 → breakdown 5519 + 6262,
// (a+b)/(c+d) = 199/200 = 99.5 %, 168/250 = 67,2 %), the task list a, b
// under IV/2 (not a rate, so indicators) and the date 12/10/2023 must stay
// silent.
func TestMutated(t *testing.T) {
	// The second pass (package audit) is part of what a reader of the
	// document sees: score_over_max is its finding.
	d := loadText(t, "testdata/mutated.txt")
	rep := Extract(d, Options{})
	rep.Findings = audit.Run(rep, d)
	msg.Fill(rep.Findings, "en")
	want := []string{
		"duplicate_stt I/2",
		"rate_mismatch II/II/7",
		"breakdown_mismatch II/II/7/b",
		"rate_over_100 II/II/11",
		"zero_denominator II/II/14",
		"missing_component II/II/9",
		"rate_over_100 II/II/15",
		"ambiguous_number IV/3",
		"unparsed_value IV/4",
		"score_over_max V/1",
		"prose_rate_mismatch ",
	}
	if got := codes(rep); !reflect.DeepEqual(got, want) {
		t.Errorf("findings:\n got %q\nwant %q", got, want)
	}
	for _, f := range rep.Findings {
		if f.Severity != f.Code.Severity() || f.Message == "" || strings.Contains(f.Message, "?") || f.Location.Block == 0 {
			t.Errorf("%s: severity %q message %q location %+v", f.Code, f.Severity, f.Message, f.Location)
		}
		switch f.Code {
		case report.CodeRateMismatch:
			if *f.Reported != 75.23 || *f.Computed < 78.22 || *f.Computed > 78.23 || f.Detail != "11781/15060" || !strings.Contains(f.Message, "11,781/15,060") {
				t.Errorf("rate_mismatch: %+v", f)
			}
		case report.CodeBreakdownMismatch:
			if *f.Reported != 15060 || *f.Computed != 14127 {
				t.Errorf("breakdown_mismatch: %+v", f)
			}
		case report.CodeProseRateMismatch:
			if *f.Reported != 75 || *f.Computed != 70 || !strings.Contains(f.Label, "14/20") {
				t.Errorf("prose_rate_mismatch: %+v", f)
			}
		}
	}
	if ind := indicator(t, rep, "II", "II", "12"); ind.Formula != "(a+b)/(c+d)" || len(ind.Components) != 4 {
		t.Errorf("II/II/12: formula %q components %v", ind.Formula, ind.Components)
	}
	if ind := indicator(t, rep, "IV", "2", "b"); ind.Value.Status != report.StatusInProgress {
		t.Errorf("IV/2/b: %+v", ind.Value)
	}
	vi := Extract(d, Options{})
	vi.Findings = audit.Run(vi, d)
	msg.Fill(vi.Findings, "vi")
	for i, f := range vi.Findings {
		if f.Message == rep.Findings[i].Message || f.Code != rep.Findings[i].Code {
			t.Errorf("%s: Vietnamese and English messages are the same: %q", f.Code, f.Message)
		}
	}
}

// TestAmbiguousRateDecidedByComponents: "1.234 %" cannot be read alone,
// but with a = 1234, b = 100000 only the decimal reading holds.
func TestAmbiguousRateDecidedByComponents(t *testing.T) {
	d := textDocument("STT\tChỉ số\tSố liệu kê khai\tTài liệu kiểm chứng\n" +
		"1\tTỷ lệ người dân có chữ ký số\t1.234 %\tTỷ lệ = a/b\n" +
		"a\tSố người có chữ ký số\t1234\t\n" +
		"b\tTổng dân số\t100000\t\n" +
		"2\tTỷ lệ khác\t1.234 %\t\n")
	rep := Extract(d, Options{})
	if ind := indicator(t, rep, "1"); ind.Value.Ambiguous || *ind.Value.Number != 1.234 {
		t.Errorf("1: %+v", ind.Value)
	}
	if got, want := codes(rep), []string{"ambiguous_number 2"}; !reflect.DeepEqual(got, want) {
		t.Errorf("findings %q, want %q", got, want)
	}
}

// TestCountLabel: a row that counts things ("Tổng số …") reads "1.487" as
// thousands even in a table that writes its rates with a decimal dot.
func TestCountLabel(t *testing.T) {
	d := textDocument("STT\tChỉ số\tSố liệu kê khai\n" +
		"1\tTỷ lệ hồ sơ trực tuyến\t78.23 %\n" +
		"2\tTổng số người tham gia Tổ công nghệ số cộng đồng\t1.487\n" +
		"3\tKinh phí (tỷ đồng)\t1.487\n")
	rep := Extract(d, Options{})
	if v := indicator(t, rep, "2").Value; *v.Number != 1487 || v.Ambiguous {
		t.Errorf("2: %+v", v)
	}
	// The table writes decimals with a dot, so 1.487 billion đồng is 1.487.
	if v := indicator(t, rep, "3").Value; *v.Number != 1.487 || v.Ambiguous {
		t.Errorf("3: %+v", v)
	}
}

// TestProseInContinuedRow: a rate quoted in the rest of a row carried onto
// the next table row is reported with that row's path.
func TestProseInContinuedRow(t *testing.T) {
	d := textDocument("STT\tChỉ số\tSố liệu kê khai\tTài liệu kiểm chứng\n" +
		"2.2\tTriển khai số hóa hồ sơ\tĐang thực hiện\tBáo cáo tiến độ\n" +
		"\t\t\tPhòng Tư pháp đã đồng bộ dữ liệu hộ tịch đạt tỷ lệ 90% (760.370/761.174) trong năm.\n")
	rep := Extract(d, Options{})
	if got, want := codes(rep), []string{"prose_rate_mismatch 2.2"}; !reflect.DeepEqual(got, want) {
		t.Errorf("findings %q, want %q", got, want)
	}
}
