package mapping

import "testing"

// cands are five indicators of Decision 79's district rubric, chosen for
// their similar wordings.
var cands = []Candidate{
	{ID: "1.1", Label: "Người đứng đầu Quận/Huyện/Thành phố là Trưởng ban Ban chỉ đạo chuyển đổi số"},
	{ID: "2.2", Label: "Kế hoạch hành động 5 năm của Quận/Huyện/Thành phố về chuyển đổi số"},
	{ID: "2.3", Label: "Kế hoạch hành động hằng năm của Quận/Huyện/Thành phố về chuyển đổi số"},
	{ID: "6.2", Label: "Tỷ lệ DVCTT phát sinh hồ sơ trực tuyến"},
	{ID: "6.3", Label: "Tỷ lệ hồ sơ xử lý trực tuyến"},
	{ID: "6.5", Label: "Sử dụng Nền tảng tích hợp, chia sẻ dữ liệu cấp Thành phố (LGSP)"},
	{ID: "6.6", Label: "Sử dụng Nền tảng tích hợp, chia sẻ Kho dữ liệu dùng chung"},
	{ID: "6.14", Label: "Tỷ lệ hồ sơ công việc tại Quận/Huyện/Thành phố được xử lý trên môi trường mạng (không bao gồm hồ sơ xử lý công việc có nội dung mật)"},
	{ID: "4.1", Label: "Tỷ lệ Xã/Phường/Thị trấn có tổ công nghệ số cộng đồng"},
	{ID: "4.2", Label: "Tỷ lệ thôn, xóm có tổ công nghệ số cộng đồng"},
}

func TestMatch(t *testing.T) {
	m := New(cands)
	tests := []struct {
		name, label, stt, want string // want "" = unmapped
	}{
		{"exact", "Tỷ lệ hồ sơ xử lý trực tuyến", "", "6.3"},
		{"no diacritics", "Ty le ho so xu ly truc tuyen", "", "6.3"},
		{"upper case", "TỶ LỆ HỒ SƠ XỬ LÝ TRỰC TUYẾN", "", "6.3"},
		{"abbreviation expanded", "Tỷ lệ dịch vụ công trực tuyến phát sinh hồ sơ trực tuyến", "", "6.2"},
		{"named unit", "Người đứng đầu Quận 1 là Trưởng ban Ban chỉ đạo chuyển đổi số", "", "1.1"},
		{"named unit by words", "Người đứng đầu quận Tân Bình là Trưởng ban Ban chỉ đạo CĐS", "", "1.1"},
		{"department slot", "Kế hoạch hành động 5 năm của Sở/Ban/Ngành về chuyển đổi số", "", "2.2"},
		{"hàng năm for hằng năm", "Kế hoạch hành động hàng năm của Quận 3 về chuyển đổi số", "", "2.3"},
		{"ward", "Tỷ lệ phường có tổ công nghệ số cộng đồng", "", "4.1"},
		{"khu phố for thôn, xóm", "Tỷ lệ khu phố có tổ công nghệ số cộng đồng", "", "4.2"},
		{"extra words, fuzzy finds nothing", "Tỷ lệ hồ sơ công việc tại quận được xử lý trên môi trường mạng trong năm 2024", "", "6.14"},
		{"short name inside a sentence", "Tỷ lệ hồ sơ xử lý trực tuyến của quận đạt 50% trong năm 2024", "", "6.3"},
		{"LGSP vs kho", "Sử dụng LGSP", "", "6.5"},
		{"unrelated", "Tổng số người tham gia Tổ công nghệ số cộng đồng", "", ""},
		{"unrelated 2", "Các văn bản triển khai chuyển đổi số khác của đơn vị", "", ""},
		{"stt agrees", "Kế hoạch 5 năm về CĐS", "2.2", "2.2"},
		{"stt disagrees: label wins", "Tỷ lệ hồ sơ xử lý trực tuyến", "2.2", "6.3"},
		{"stt disagrees, label unknown", "Triển khai số hóa hồ sơ, kết quả thủ tục hành chính", "2.2", ""},
		{"stt written 6.3.", "Tỷ lệ hồ sơ được xử lý trực tuyến", "6.3.", "6.3"},
		{"empty", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := m.Match(tt.label, tt.stt)
			id := ""
			if ok {
				id = got.ID
			}
			if id != tt.want {
				t.Errorf("%q (stt %q) → %q %+v, want %q", tt.label, tt.stt, id, got, tt.want)
			}
			if ok && (got.Confidence <= 0 || got.Confidence > 1) {
				t.Errorf("confidence %v outside (0, 1]", got.Confidence)
			}
			if ok && got.BySTT != (tt.stt != "" && normalSTT(tt.stt) == got.ID) {
				t.Errorf("BySTT %v", got.BySTT)
			}
		})
	}
}

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Tỷ lệ DVCTT", "ty le dich vu cong truc tuyen"},
		{"Quận 1", "donvi"},
		{"quận Tân Bình", "donvi"},
		{"Quận/Huyện/Thành phố", "donvi"},
		{"Sở/Ban/Ngành", "donvi"},
		{"Xã/Phường/Thị trấn", "capxa"},
		// Folded, "quản lý" and "quán triệt" look like "quận": not a unit.
		{"quản lý nhà nước", "quan ly nha nuoc"},
		{"quán triệt", "quan triet"},
		{"Số liệu của TTHC", "so lieu thu tuc hanh chinh"},
	}
	for _, tt := range tests {
		if got := Key(tt.in); got != tt.want {
			t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestConfidenceMargin: a near tie between two candidates lowers the
// confidence and, below MinMargin, leaves the label unmapped.
func TestConfidenceMargin(t *testing.T) {
	m := New([]Candidate{
		{ID: "x", Label: "Sử dụng kho dữ liệu dùng chung"},
		{ID: "y", Label: "Sử dụng kho dữ liệu riêng"},
	})
	clear, ok1 := m.Match("Sử dụng kho dữ liệu riêng của đơn vị", "")
	tie, ok2 := m.Match("Sử dụng kho dữ liệu", "")
	if !ok1 || clear.ID != "y" {
		t.Errorf("got %+v %v, want y", clear, ok1)
	}
	if ok2 {
		t.Errorf("near tie mapped: %+v", tie)
	}
	if tie.Confidence >= clear.Confidence {
		t.Errorf("tie confidence %v not below clear %v", tie.Confidence, clear.Confidence)
	}
}

// TestNotRate: a rate is not matched to a count that shares its words, and
// is matched to a rate that shares fewer.
func TestNotRate(t *testing.T) {
	m := New([]Candidate{
		{ID: "count", Label: "Số lượng thủ tục hành chính", NotRate: true},
		{ID: "rate", Label: "Tỷ lệ hồ sơ xử lý trực tuyến"},
	})
	tests := []struct {
		label string
		rate  bool
		want  string
	}{
		{"Số lượng thủ tục hành chính", false, "count"},
		{"Tỷ lệ thủ tục hành chính", false, ""},
		{"100% thủ tục hành chính", false, ""},
		{"Thủ tục hành chính", true, ""},
		{"Thủ tục hành chính", false, "count"},
	}
	for _, tt := range tests {
		got, ok := m.MatchRate(tt.label, "", tt.rate)
		id := ""
		if ok {
			id = got.ID
		}
		if id != tt.want {
			t.Errorf("%q (rate %v) → %q %+v, want %q", tt.label, tt.rate, id, got, tt.want)
		}
	}
}

// TestConfidenceRule: a label is mapped exactly when its confidence
// reaches MinConfidence, whatever its score.
func TestConfidenceRule(t *testing.T) {
	m := New(cands)
	for _, label := range []string{
		"Tỷ lệ hồ sơ xử lý trực tuyến", "Tỷ lệ hồ sơ", "Kế hoạch hành động", "Sử dụng nền tảng",
		"Tỷ lệ tổ công nghệ số cộng đồng", "Kế hoạch hành động năm về chuyển đổi số",
		"Tổng số người tham gia Tổ công nghệ số cộng đồng", "Tỷ lệ hồ sơ công việc",
	} {
		got, ok := m.Match(label, "")
		if ok != (got.Confidence >= MinConfidence) {
			t.Errorf("%q: mapped %v with confidence %v (MinConfidence %v)", label, ok, got.Confidence, MinConfidence)
		}
	}
}

func BenchmarkMatch(b *testing.B) {
	m := New(cands)
	for b.Loop() {
		m.Match("Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến (áp dụng đối với các thủ tục hành chính đã được cung cấp dịch vụ công trực tuyến)", "")
	}
}
