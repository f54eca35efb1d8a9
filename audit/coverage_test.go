package audit

import (
	"testing"

	"chiso/doc"
	"chiso/internal/msg"
	"chiso/report"
)

// TestNoIndicatorTable: a report with no indicator row is flagged unless
// its running text quotes a rate beside its counts (the strings are from
// real reports).
func TestNoIndicatorTable(t *testing.T) {
	tests := []struct {
		name  string
		paras []string
		inds  int
		want  bool
	}{
		{"prose-only cover note with a rate", []string{"TỜ TRÌNH", "- Kết quả tự đánh giá của tỉnh đạt: 60,5/61,5 điểm (chỉ số 98,37%)."}, 0, false},
		{"prose rate after the fraction", []string{"Đến nay, đã triển khai 13/19 nhiệm vụ, đạt 68,4%."}, 0, false},
		{"a plan: dates and targets, no counts", []string{"KẾ HOẠCH", "Kiểm tra từ ngày 01/3/2026 đến 30/9/2026.", "Phấn đấu đạt tối thiểu 95%."}, 0, true},
		{"three-part figure only", []string{"Có 14 hồ sơ/137 hồ sơ/156 hồ sơ, đạt 88%."}, 0, true},
		{"fraction without a percentage", []string{"Đã kiểm tra 42/139 đơn vị."}, 0, true},
		{"an empty document", nil, 0, true},
		{"indicators were read", []string{"KẾ HOẠCH"}, 3, false},
	}
	for _, tt := range tests {
		d := &doc.Document{}
		for i, p := range tt.paras {
			d.Blocks = append(d.Blocks, doc.Block{Kind: doc.Paragraph, Text: p, Index: i})
		}
		rep := &report.Report{Title: "T", Indicators: make([]report.Indicator, tt.inds)}
		got := NoIndicatorTable(rep, d)
		if (len(got) > 0) != tt.want {
			t.Errorf("%s: %+v, want finding %v", tt.name, got, tt.want)
			continue
		}
		if tt.want {
			f := got[0]
			if f.Code != report.CodeNoIndicatorTable || f.Severity != report.SeverityWarning || f.Label != "T" {
				t.Errorf("%s: %+v", tt.name, f)
			}
			if msg.Text(f, "vi") == "" || msg.Text(f, "en") == "" {
				t.Errorf("%s: no message for %s", tt.name, f.Code)
			}
		}
	}
}
