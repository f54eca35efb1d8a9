package vntext

import "testing"

// TestFontEvidence converts paragraphs of one document in order: text in
// a legacy font is decoded when it is clearly legacy, left alone when it
// is clearly Unicode, and a short stretch that could be either follows
// what the document's earlier paragraphs were.
func TestFontEvidence(t *testing.T) {
	seg := func(s string, f Font) []Segment { return []Segment{{0, len(s), f}} }
	tests := []struct {
		name  string
		paras []string
		fonts []Font
		want  []string
	}{
		{"TCVN3 document", []string{ToTCVN3("Báo cáo kết quả"), ToTCVN3("Có")}, []Font{TCVN3Font, TCVN3Font},
			[]string{"Báo cáo kết quả", "Có"}},
		{"Unicode left in .VnTime", []string{"Tổng số hồ sơ", "Có"}, []Font{TCVN3Font, TCVN3Font},
			[]string{"Tổng số hồ sơ", "Có"}},
		{"VNI document", []string{ToVNI("Số người dân trưởng thành"), ToVNI("Có")}, []Font{VNIFont, VNIFont},
			[]string{"Số người dân trưởng thành", "Có"}},
		{"capitals font", []string{ToTCVN3("cộng hòa")}, []Font{TCVN3UpperFont}, []string{"CỘNG HÒA"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var e FontEvidence
			for i, p := range tt.paras {
				if got := e.Convert(p, seg(p, tt.fonts[i])); got != tt.want[i] {
					t.Errorf("paragraph %d: got %q, want %q", i, got, tt.want[i])
				}
			}
		})
	}
}
