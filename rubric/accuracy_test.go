package rubric

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"chiso/mapping"
)

// sheetRow is a row of seed 004, a district's task sheet on the district
// rubric: one cell per line with a leading tab, rows separated by blank
// lines.
type sheetRow struct{ stt, label string }

// readSheet reads the rows of a seed-004-layout text file up to its
// "TỔNG CỘNG" row. Cells may run over several lines; a line that does not
// start with a tab continues the cell above.
func readSheet(t *testing.T, name string) []sheetRow {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var rows []sheetRow
	for _, block := range strings.Split(string(b), "\n\n") {
		var cells []string
		for _, line := range strings.Split(block, "\n") {
			switch {
			case strings.HasPrefix(line, "\t"):
				cells = append(cells, strings.TrimSpace(line))
			case len(cells) > 0:
				cells[len(cells)-1] += " " + strings.TrimSpace(line)
			}
		}
		if len(cells) > 0 && cells[0] == "TỔNG CỘNG" {
			break
		}
		if len(cells) >= 2 {
			rows = append(rows, sheetRow{cells[0], strings.Join(strings.Fields(cells[1]), " ")})
		}
	}
	return rows
}

var indicatorID = regexp.MustCompile(`^\d+\.\d+$`)

// stripMarks writes a label without diacritics, as some reports are typed.
func stripMarks(s string) string {
	var b strings.Builder
	for _, w := range strings.Fields(s) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(mapping.Key(w))
	}
	return b.String()
}

// TestSeed004Mapping: every scored row of seed 004 maps to its own id, by
// label alone, with STT agreement, and with diacritics stripped; the
// general-information rows map to no scored indicator.
func TestSeed004Mapping(t *testing.T) {
	r := district(t)
	rows := readSheet(t, "testdata/seed004_sheet.txt")
	// The district rubric's aliases are seed 004's wordings: measure
	// without them too, so that the result is not the aliases' doing.
	noAliases, err := Builtin("hcm-dti-2023-district")
	if err != nil {
		t.Fatal(err)
	}
	for i := range noAliases.Indicators {
		noAliases.Indicators[i].Aliases = nil
	}
	tests := []struct {
		name    string
		r       *Rubric
		useSTT  bool
		label   func(string) string
		wantMin int // rows of 51 that must map to their own id
	}{
		{"labels", r, false, func(s string) string { return s }, 51},
		{"labels+stt", r, true, func(s string) string { return s }, 51},
		{"stripped", r, false, stripMarks, 51},
		{"labels, no aliases", noAliases, false, func(s string) string { return s }, 51},
		{"stripped, no aliases", noAliases, false, stripMarks, 51},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := tt.r.Matcher()
			right, scored, infoWrong := 0, 0, 0
			for _, row := range rows {
				stt := ""
				if tt.useSTT {
					stt = row.stt
				}
				got, ok := m.Match(tt.label(row.label), stt)
				if !indicatorID.MatchString(row.stt) {
					// General information (STT 1–17 under I) and group rows.
					if ok && !r.IsInfo(got.ID) && r.Group(row.stt) == nil {
						infoWrong++
						t.Logf("info row %s %q mapped to %s", row.stt, row.label, got.ID)
					}
					continue
				}
				scored++
				if ok && got.ID == row.stt {
					right++
				} else {
					t.Logf("%s %q → %s %v (score %.2f, runner-up %s %.2f)", row.stt, row.label, got.ID, ok, got.Score, got.RunnerUp, got.RunnerUpScore)
				}
			}
			t.Logf("%s: %d/%d scored rows mapped to their own id", tt.name, right, scored)
			if scored != 51 {
				t.Fatalf("read %d scored rows, want 51", scored)
			}
			if right < tt.wantMin {
				t.Errorf("%d/51 mapped right, want at least %d", right, tt.wantMin)
			}
			if infoWrong > 0 {
				t.Errorf("%d general-information rows mapped to a scored indicator", infoWrong)
			}
		})
	}
}

// TestDecisionLabelsMapping maps the decision's own wording of each
// appendix (seed 003) to both rubrics: each must find its own indicators;
// the department labels must not be forced onto district ids they do not
// share a wording with.
func TestDecisionLabelsMapping(t *testing.T) {
	for _, tt := range []struct{ id, start, end string }{
		{"hcm-dti-2023-department", "BỘ CHỈ SỐ ĐÁNH GIÁ CHUYỂN ĐỔI SỐ CÁC SỞ,", "BỘ CHỈ SỐ ĐÁNH GIÁ CHUYỂN ĐỔI SỐ CÁC QUẬN,"},
		{"hcm-dti-2023-district", "BỘ CHỈ SỐ ĐÁNH GIÁ CHUYỂN ĐỔI SỐ CÁC QUẬN,", "CÁC ĐƠN VỊ CUNG CẤP THÔNG TIN"},
	} {
		r, err := Builtin(tt.id)
		if err != nil {
			t.Fatal(err)
		}
		_, inds := readDecision(t, tt.start, tt.end)
		m := r.Matcher()
		right, rightStripped := 0, 0
		for _, d := range inds {
			if got, ok := m.Match(d.label, ""); ok && got.ID == d.id {
				right++
			} else {
				t.Logf("%s: %s %q → %s %v", tt.id, d.id, d.label, got.ID, ok)
			}
			if got, ok := m.Match(stripMarks(d.label), ""); ok && got.ID == d.id {
				rightStripped++
			} else {
				t.Logf("%s stripped: %s %q → %s %v (%.2f vs %s %.2f)", tt.id, d.id, d.label, got.ID, ok, got.Score, got.RunnerUp, got.RunnerUpScore)
			}
		}
		t.Logf("%s: %d/%d labels, %d/%d without diacritics", tt.id, right, len(inds), rightStripped, len(inds))
		if right != len(inds) {
			t.Errorf("%s: %d/%d of the decision's labels map to their own id", tt.id, right, len(inds))
		}
	}
}

// TestSeed000Mapping: a quarterly report (seed 000) numbers its rows its
// own way; rows that measure a district indicator map to it, the others
// stay unmapped. The expected ids were decided by reading the decision's
// methods, before running the matcher.
func TestSeed000Mapping(t *testing.T) {
	m := district(t).Matcher()
	tests := []struct {
		label string
		want  string // "" = unmapped
	}{
		// I. Các văn bản triển khai CDS-ĐTTM
		{"Quyết định thành lập Ban chỉ đạo chuyển đổi số của đơn vị", ""}, // 1.1 scores who heads it, not that it exists
		{"Kế hoạch hành động hàng năm về chuyển đổi số và đô thị thông minh", "2.3"},
		{"Các văn bản triển khai chuyển đổi số và đô thị thông minh khác của đơn vị", ""},
		// II. Kết quả triển khai các chỉ tiêu
		{"Tỷ lệ cổng thông tin điện tử của cơ quan nhà nước được đánh giá an toàn thông tin và dân nhân tín nhiệm mạng", ""},
		{"Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến (áp dụng đối với các thủ tục hành chính đã được cung cấp dịch vụ công trực tuyến trên Hệ thống thông tin giải quyết thủ tục hành chính Thành phố Hồ Chí Minh)", "6.3"},
		{"Tỷ lệ số hóa kết quả giải quyết thủ tục hành chính", ""},
		{"Tỷ lệ số hóa hồ sơ giải quyết thủ tục hành chính của các sở, ban, ngành thành phố, cấp huyện, cấp xã", ""},
		{"Tỷ lệ cán bộ, công chức lãnh đạo; cán bộ, công chức thực hiện tiếp nhận, giải quyết hồ sơ thủ tục hành chính tại các đơn vị áp dụng chữ ký số trong giải quyết hồ sơ thủ tục hành chính.", ""},
		{"Tỷ lệ các văn bản, tài liệu chính thức trao đổi giữa các cơ quan hành chính nhà nước được thực hiện trên môi trường điện tử trừ các văn bản chứa bí mật nhà nước", ""},
		{"Triển khai kết nối với hệ thống thông tin của đối tượng quản lý để thu thập dữ liệu trực tuyến phục vụ công tác quản lý nhà nước theo quy định của pháp luật", ""},
		{"Tỷ lệ về hoạt động kiểm tra hành chính định kỳ của cơ quan quản lý nhà nước đối với đối tượng quản lý được thực hiện thông qua môi trường số và hệ thống thông tin của cơ quan quản lý", ""},
		{"Tỷ lệ dân số trưởng thành có chữ ký số hoặc chữ ký điện tử cá nhân", "8.3"},
		{"Tỷ lệ hệ thống thông tin của cơ quan nhà nước hoàn thành phê duyệt cấp độ an toàn hệ thống thông tin", "5.1"},
		{"Tỷ lệ hệ thống thông tin của cơ quan nhà nước đáp ứng yêu cầu bảo đảm an toàn hệ thống thông tin theo cấp độ", "5.2"},
		// III. Nhiệm vụ trọng tâm
		{"Phát triển ứng dụng, dịch vụ CNTT phục vụ người dân và doanh nghiệp", ""},
		{"Triển khai số hóa hồ sơ, kết quả thủ tục hành chính trong tiếp nhận, giải quyết thủ tục hành chính", ""},
		// IV. Tổ công nghệ số cộng đồng
		{"Tổng số xã/phường/thị trấn", ""},
		{"Số phường/xã/thị trấn đã có Tổ công nghệ số cộng đồng", "4.1"},
		{"Tổng số Tổ công nghệ số cộng đồng", ""},
		{"Tổng số người tham gia Tổ công nghệ số cộng đồng", ""},
		{"Các hoạt động Tổ công nghệ số cộng đồng đã triển khai", ""},
		// Seed 001 writes 6.3 with its target, the system's name and an
		// abbreviation; 6.13 (growth) and 6.10 (Sử dụng Hệ thống giải
		// quyết TTHC) share many of its words.
		{"- Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến đạt 50% trên Hệ thống thông tin giải quyết TTHC Thành phố.", "6.3"},
	}
	right, mapped, found := 0, 0, 0
	for _, tt := range tests {
		got, ok := m.Match(tt.label, "")
		if ok && district(t).IsInfo(got.ID) && mapping.IsRate(tt.label) {
			// A rate is not a count of general information ("Tỷ lệ số hóa
			// … thủ tục hành chính" is not "Số lượng thủ tục hành chính").
			t.Errorf("rate %q → information item %s (score %.2f)", tt.label, got.ID, got.Score)
		}
		id := ""
		if ok && !district(t).IsInfo(got.ID) {
			id = got.ID
		}
		if tt.want != "" {
			mapped++
		}
		switch {
		case id == tt.want:
			right++
			if id != "" {
				found++
			}
		case id != "":
			// A wrong mapping would score the row against the wrong rule:
			// never acceptable.
			t.Errorf("%q → %s (score %.2f, runner-up %s %.2f), want %q", tt.label, id, got.Score, got.RunnerUp, got.RunnerUpScore, tt.want)
		default:
			// A missed mapping leaves the indicator missing (rubric_missing):
			// counted, and bounded below.
			t.Logf("missed: %q → unmapped (best %s %.2f, runner-up %s %.2f), want %s", tt.label, got.ID, got.Score, got.RunnerUp, got.RunnerUpScore, tt.want)
		}
	}
	t.Logf("seed 000: %d/%d rows as expected; %d/%d indicator rows found", right, len(tests), found, mapped)
	if found < 4 {
		t.Errorf("found %d/%d indicator rows, want at least 4", found, mapped)
	}
}
