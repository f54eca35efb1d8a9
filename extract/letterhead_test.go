package extract

import (
	"runtime"
	"strings"
	"testing"

	"chiso/doc"
)

// TestLetterheadUnit reads the issuing body from letterheads as Word lays
// them out (a two-column table), as a PDF's text runs the columns
// together, and as plain lines. The strings are those of real reports.
func TestLetterheadUnit(t *testing.T) {
	table := func(rows ...[]string) doc.Block {
		tb := &doc.Table{}
		for _, r := range rows {
			var cells []doc.Cell
			for _, c := range r {
				cells = append(cells, doc.Cell{Text: c})
			}
			tb.Rows = append(tb.Rows, cells)
		}
		return doc.Block{Kind: doc.TableKind, Table: tb}
	}
	para := func(lines ...string) []doc.Block {
		var bs []doc.Block
		for _, l := range lines {
			bs = append(bs, doc.Block{Kind: doc.Paragraph, Text: l})
		}
		return bs
	}
	motto := "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
	tests := []struct {
		name   string
		blocks []doc.Block
		unit   string
		title  string
	}{
		{"people's committee, one cell", []doc.Block{
			table([]string{"ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nSố: /BC-UBND", motto + "\nLâm Đồng, ngày tháng 01 năm 2026"})},
			"Tỉnh Lâm Đồng", ""},
		{"department under its parent, number in a second row", []doc.Block{
			table([]string{"UBND TỈNH LÂM ĐỒNG\nSỞ NỘI VỤ", motto}, []string{"Số: /TTr-SNV", "Lâm Đồng, ngày tháng năm 2026"})},
			"Sở Nội vụ", ""},
		{"a body whose name wraps", []doc.Block{
			table([]string{"UBND TỈNH LÂM ĐỒNG\nBAN CHỈ ĐẠO PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO,\nCHUYỂN ĐỔI SỐ VÀ ĐỀ ÁN 06\nSố: /BC-BCĐ", motto})},
			"Ban Chỉ đạo phát triển khoa học, Công nghệ, Đổi mới sáng tạo, Chuyển đổi số và Đề án 06", ""},
		{"PDF lines, the columns run together", para(
			"UBND TỈNH LÂM ĐỒNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
			"SỞ NỘI VỤ Độc lập - Tự do - Hạnh phúc",
			"Số: /BC-SNV Lâm Đồng, ngày tháng 11 năm 2025",
			"BÁO CÁO", "Tổng kết thực hiện Quyết định số 787/QĐ-UBND ngày 21/8/2025"),
			"Sở Nội vụ", "BÁO CÁO Tổng kết thực hiện Quyết định số 787/QĐ-UBND ngày 21/8/2025"},
		{"a scan recognised across both columns, its two lines in one", para(
			"ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM TỈNH LÂM ĐỒNG Độc lập - Tự do - Hạnh phúc",
			"Só:}492 /TB-UBND Lâm Dong, ngàyJ2 thang 11 năm 2025", "THÔNG BÁO", "Kết luận của đồng chí Nguyễn Ngọc Phúc"),
			"Tỉnh Lâm Đồng", "THÔNG BÁO Kết luận của đồng chí Nguyễn Ngọc Phúc"},
		{"lines, the number under the unit (not 'Quận Bình Thạnh Số')", para(
			"ỦY BAN NHÂN DÂN\nQUẬN BÌNH THẠNH\nSố: 233/BC-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "BÁO CÁO", "Kết quả chuyển đổi số quý III năm 2023"),
			"Quận Bình Thạnh", "BÁO CÁO Kết quả chuyển đổi số quý III năm 2023"},
		{"the city", para("ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH", "Số: 12/BC-UBND", "BÁO CÁO", "Kết quả năm 2023"),
			"Thành phố Hồ Chí Minh", "BÁO CÁO Kết quả năm 2023"},
		{"a department named with several fields", para("UBND TỈNH LÂM ĐỒNG", "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "Số: 1/BC-SVHTTDL"),
			"Sở Văn hóa, Thể thao và Du lịch", ""},
		{"a ministry", para("BỘ CÔNG AN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 5689/BCA-C04"), "Bộ Công an", ""},
		{"a police department of a province", para("CÔNG AN TỈNH LÂM ĐỒNG", "Số: 10/BC-CAT"), "Công an tỉnh Lâm Đồng", ""},
		// No letterhead: the title names the unit; a place in prose is not it.
		{"title names a department", para("ĐIỂM TỔNG HỢP – SỞ Y TẾ"), "Sở Y tế", "ĐIỂM TỔNG HỢP – SỞ Y TẾ"},
		{"a class of units is no unit", para("PHẦN B", "PHỤ LỤC DÀNH CHO CÁC TỈNH,", "THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG"), "", ""},
		{"a motto wrapped word by word, no unit line", para("ỦY", "BAN NHÂN DÂN |", "CỘNG", "HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |", "Số: 79/QĐ-UBND |"), "", ""},
	}
	for _, tt := range tests {
		d := &doc.Document{Blocks: tt.blocks}
		for i := range d.Blocks {
			d.Blocks[i].Index = i
		}
		rep := Extract(d, Options{})
		if rep.Unit != tt.unit {
			t.Errorf("%s: unit %q, want %q", tt.name, rep.Unit, tt.unit)
		}
		if tt.title != "" && rep.Title != tt.title {
			t.Errorf("%s: title %q, want %q", tt.name, rep.Title, tt.title)
		}
		if strings.Contains(rep.Title, "CỘNG HÒA") {
			t.Errorf("%s: the motto is in the title %q", tt.name, rep.Title)
		}
	}
}

// TestPeriodSpans checks the months of the spans a title names, and that
// the signing date is never the period.
func TestPeriodSpans(t *testing.T) {
	tests := []struct {
		paras  []string
		label  string
		months *[2]int
		month  bool
	}{
		{[]string{"BÁO CÁO", "Kết quả triển khai Đề án 06 trên địa bàn tỉnh Lâm Đồng tháng 8/2025"}, "tháng 8 năm 2025", &[2]int{8, 8}, true},
		{[]string{"BÁO CÁO", "Kết quả quý III năm 2023"}, "quý III năm 2023", &[2]int{7, 9}, false},
		{[]string{"BÁO CÁO", "Kết quả 6 tháng đầu năm 2025"}, "6 tháng đầu năm 2025", &[2]int{1, 6}, false},
		{[]string{"BÁO CÁO", "Kết quả 6 tháng cuối năm 2025"}, "6 tháng cuối năm 2025", &[2]int{7, 12}, false},
		{[]string{"BÁO CÁO", "Công tác cải cách hành chính năm 2025"}, "năm 2025", &[2]int{1, 12}, false},
		{[]string{"KẾ HOẠCH", "Cải cách hành chính nhà nước giai đoạn 2026 - 2030 của tỉnh Lâm Đồng"}, "giai đoạn 2026 - 2030", nil, false},
		{[]string{"BÁO CÁO", "Kết quả từ ngày 01/01/2025 đến ngày 30/6/2025"}, "từ tháng 1 đến tháng 6 năm 2025", &[2]int{1, 6}, false},
		// A span that starts inside a month and a signing date are no period.
		{[]string{"BÁO CÁO", "Kết quả thí điểm từ ngày 26/8/2025 đến ngày 30/9/2025"}, "", nil, false},
		{[]string{"Số: /BC-SNV Lâm Đồng, ngày tháng 11 năm 2025", "BÁO CÁO", "Tổng kết thực hiện Quyết định số 787/QĐ-UBND ngày 21/8/2025"}, "", nil, false},
		{[]string{"(Kèm theo Công văn số /BNV-CCH ngày tháng năm 2025 của Bộ Nội vụ)"}, "", nil, false},
		// A digest of comments on a draft has no period of its own.
		{[]string{"TỔNG HỢP VIỆC GÓP Ý CỦA CÁC CƠ QUAN, ĐƠN VỊ, ĐỊA PHƯƠNG ĐỐI VỚI DỰ THẢO KẾ HOẠCH TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2026"}, "", nil, false},
	}
	for _, tt := range tests {
		d := &doc.Document{}
		for i, p := range tt.paras {
			d.Blocks = append(d.Blocks, doc.Block{Kind: doc.Paragraph, Text: p, Index: i})
		}
		p := Extract(d, Options{}).Period
		if p.Label != tt.label || (p.Months == nil) != (tt.months == nil) || p.Months != nil && *p.Months != *tt.months || (p.Month != nil) != tt.month {
			t.Errorf("%q: period %q months %v month %v, want %q %v", tt.paras, p.Label, p.Months, p.Month, tt.label, tt.months)
		}
	}
}

// TestHeaderPeriod reads the period of a statistical annex from its value
// column's header when the front names none.
func TestHeaderPeriod(t *testing.T) {
	d := &doc.Document{Blocks: []doc.Block{
		{Kind: doc.Paragraph, Text: "Phụ lục 1"},
		{Kind: doc.TableKind, Index: 1, Table: &doc.Table{Rows: [][]doc.Cell{
			{{Text: "STT"}, {Text: "Chỉ tiêu"}, {Text: "Năm 2025\n(tính từ 01/7/2025 đến 31/7/2025)"}},
			{{Text: "1"}, {Text: "Số lượng văn bản chỉ đạo CCHC đã ban hành"}, {Text: ""}},
		}}},
	}}
	p := Extract(d, Options{}).Period
	if p.Year == nil || *p.Year != 2025 || p.Month != nil || p.Months == nil || *p.Months != [2]int{7, 7} {
		t.Errorf("period %+v months %v, want year 2025 months [7 7] and no month", p, p.Months)
	}
}

// TestHugeFirstBlock extracts a document whose first block is a million
// short lines (an HTML <pre>, a text file without blank lines). The
// letterhead and title are looked for in the first lines only: before,
// the block was split whole and all of it became the title (174 MB
// allocated here; 523 MB of RSS for the hostile corpus's 5 million).
func TestHugeFirstBlock(t *testing.T) {
	text := strings.Repeat("1\n", 1<<20)
	d := &doc.Document{Blocks: []doc.Block{{Kind: doc.Paragraph, Text: text}}}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	r := Extract(d, Options{})
	runtime.ReadMemStats(&after)
	if r.Title != "" {
		t.Errorf("title is %d bytes, want none", len(r.Title))
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > 4*uint64(len(text)) {
		t.Errorf("Extract allocated %d bytes for a %d-byte block, want at most 4×", n, len(text))
	}
}
