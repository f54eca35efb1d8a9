package main

import (
	"fmt"
	"strings"

	"chiso/doc"
)

// The extra fixtures are small documents written here, each made to carry
// one difficulty of real reports. They use the vocabulary and number
// formats of the seeds (STT, "78,23 %", "11.781", a/b component rows).

func para(s string) doc.Block { return doc.Block{Kind: doc.Paragraph, Text: s} }

func table(rows ...[]doc.Cell) doc.Block {
	return doc.Block{Kind: doc.TableKind, Table: &doc.Table{Rows: rows}}
}

// row makes a row of unmerged cells.
func row(texts ...string) []doc.Cell {
	r := make([]doc.Cell, len(texts))
	for i, s := range texts {
		r[i] = doc.Cell{Text: s, RowSpan: 1, ColSpan: 1}
	}
	return r
}

// merge makes one merged cell.
func merge(s string, rows, cols int) doc.Cell { return doc.Cell{Text: s, RowSpan: rows, ColSpan: cols} }

// header is the column header the seed reports use.
var header = row("STT", "Chỉ số/Chỉ số thành phần", "Số liệu kê khai", "Tài liệu kiểm chứng")

// subjects and measures are combined into the labels of generated rows,
// so that labels differ from row to row as they do in reports.
var subjects = []string{
	"hồ sơ thủ tục hành chính", "cán bộ, công chức", "văn bản điện tử", "hệ thống thông tin",
	"dịch vụ công trực tuyến", "người dân trưởng thành", "doanh nghiệp", "cơ sở dữ liệu",
}

var measures = []string{
	"được xử lý trực tuyến", "được số hóa", "có chữ ký số", "được đánh giá an toàn thông tin",
	"được kết nối, chia sẻ", "được cập nhật đầy đủ",
}

// pagebreak is a table long enough to run over two pages, with an STT
// column, a/b component rows under every fifth row, and every seventh row
// with an eleven-line evidence cell, so that the page break falls inside a row
// or between an indicator and its a/b rows.
func pagebreak() *doc.Document {
	rows := [][]doc.Cell{header}
	for i := 1; i <= 70; i++ {
		s, m := subjects[i%len(subjects)], measures[i%len(measures)]
		a, b := 100+37*i, 120+41*i
		pct := fmt.Sprintf("%.2f %%", 100*float64(a)/float64(b))
		pct = strings.Replace(pct, ".", ",", 1)
		evidence := "Văn bản, tài liệu chứng minh"
		if i%7 == 0 {
			evidence = fmt.Sprintf("Báo cáo số %d/BC-UBND, chia theo phường:", 100+i)
			for p := 1; p <= 10; p++ {
				evidence += fmt.Sprintf("\nPhường %d: %d", p, (a+p)/10)
			}
		}
		rows = append(rows, row(fmt.Sprint(i), "Tỷ lệ "+s+" "+m, pct, evidence))
		if i%5 == 0 {
			rows = append(rows,
				row("a", "Số "+s+" "+m, thousands(a), ""),
				row("b", "Tổng số "+s, thousands(b), ""))
		}
	}
	return &doc.Document{Blocks: []doc.Block{
		para("BÁO CÁO KẾT QUẢ CHUYỂN ĐỔI SỐ NĂM 2023"),
		para("II. Kết quả triển khai các chỉ tiêu"),
		table(rows...),
		para("Người lập biểu"),
	}}
}

// thousands writes n with dots between groups of three digits, as
// Vietnamese documents do ("11.781").
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return s
}

// wrapped has labels and evidence long enough to wrap over many lines in
// their cells, one label with explicit line breaks, and a long paragraph.
func wrapped() *doc.Document {
	long := "Tỷ lệ cán bộ, công chức lãnh đạo; cán bộ, công chức thực hiện tiếp nhận, giải quyết hồ sơ thủ tục hành chính tại các đơn vị áp dụng chữ ký số trong giải quyết hồ sơ thủ tục hành chính (áp dụng đối với các thủ tục hành chính đã được cung cấp dịch vụ công trực tuyến trên Hệ thống thông tin giải quyết thủ tục hành chính Thành phố Hồ Chí Minh)"
	evidence := "- a = Số cán bộ, công chức lãnh đạo có áp dụng chữ ký số trong giải quyết hồ sơ thủ tục hành chính\n- b = Tổng số cán bộ, công chức lãnh đạo; cán bộ, công chức thực hiện tiếp nhận, giải quyết hồ sơ thủ tục hành chính tại các đơn vị\n- Tỷ lệ = a/b"
	return &doc.Document{Blocks: []doc.Block{
		para("BÁO CÁO CDS VÀ ĐÔ THỊ THÔNG MINH 2023"),
		para("Thực hiện Kế hoạch số 875/KH-UBND ngày 15 tháng 3 năm 2023 của Ủy ban nhân dân Thành phố về triển khai các chỉ tiêu chuyển đổi số, Ủy ban nhân dân quận báo cáo kết quả thực hiện đến hết quý III năm 2023 như sau, số liệu là số liệu lũy kế tính từ đầu năm đến thời điểm báo cáo."),
		table(
			header,
			row("11", long, "14,4 %", evidence),
			row("a", "Số cán bộ, công chức lãnh đạo; cán bộ, công chức thực hiện tiếp nhận, giải quyết hồ sơ thủ tục hành chính tại các đơn vị có áp dụng chữ ký số trong giải quyết hồ sơ thủ tục hành chính", "36", "Văn bản, tài liệu chứng minh"),
			row("b", "Tổng số cán bộ, công chức lãnh đạo; cán bộ, công chức thực hiện tiếp nhận, giải quyết hồ sơ thủ tục hành chính tại các đơn vị", "250", "Văn bản, tài liệu chứng minh"),
			row("12", "Tỷ lệ dân số trưởng thành\ncó chữ ký số hoặc\nchữ ký điện tử cá nhân", "1,05 %", "Kế hoạch số 215/KH-UBND ngày 24 tháng 7 năm 2023 về triển khai cấp chữ ký số miễn phí cho người dân trên địa bàn Quận 5. Tính đến hiện nay, các đơn vị đã gửi danh sách đăng ký cấp chữ ký số cho đơn vị tư vấn là 872 người (phòng, ban chuyên môn: 503 người; Ủy ban nhân dân 14 phường: 369 người)."),
		),
	}}
}

// merged has the two-row header of the seeds' scoring sheets (STT and
// label spanning both rows, "Số liệu" over two period columns), group rows
// spanning the table's width and an evidence cell spanning three rows.
func merged() *doc.Document {
	return &doc.Document{Blocks: []doc.Block{
		para("BỘ CHỈ SỐ ĐÁNH GIÁ CÔNG TÁC CHUYỂN ĐỔI SỐ CỦA QUẬN 5 NĂM 2023"),
		table(
			[]doc.Cell{merge("STT", 2, 1), merge("Chỉ số/Chỉ số thành phần", 2, 1), merge("Điểm tối đa", 2, 1), merge("Số liệu", 1, 2), merge("Điểm tự chấm", 2, 1), merge("Tài liệu kiểm chứng", 2, 1)},
			row("Năm 2022", "Năm 2023"),
			[]doc.Cell{merge("I", 1, 1), merge("CHÍNH QUYỀN SỐ", 1, 6)},
			[]doc.Cell{merge("1", 1, 1), merge("Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến", 1, 1), merge("20", 1, 1), merge("65,10 %", 1, 1), merge("78,23 %", 1, 1), merge("15,65", 1, 1), merge("Báo cáo của Văn phòng Ủy ban nhân dân quận\nSố liệu từ Hệ thống thông tin giải quyết thủ tục hành chính", 3, 1)},
			row("a", "Số hồ sơ thủ tục hành chính được xử lý trực tuyến", "", "9.120", "11.781", ""),
			row("b", "Tổng số hồ sơ thủ tục hành chính tiếp nhận", "", "14.009", "15.060", ""),
			[]doc.Cell{merge("2", 1, 1), merge("Ban hành kế hoạch chuyển đổi số năm 2023", 1, 1), merge("10", 1, 1), merge("Đã ban hành", 1, 2), merge("10", 1, 1), merge("Kế hoạch số 136/KH-UBND", 1, 1)},
			[]doc.Cell{merge("II", 1, 1), merge("KINH TẾ SỐ", 1, 6)},
			row("3", "Tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử", "10", "40 %", "52,5 %", "5,25", "Số liệu của Chi cục Thuế"),
			row("4", "Số lượng hội nghị, hội thảo về kinh tế số", "5", "2", "3", "3", ""),
			[]doc.Cell{merge("Tổng cộng", 1, 2), merge("45", 1, 1), merge("", 1, 2), merge("33,90", 1, 1), merge("", 1, 1)},
		),
		para("Ghi chú: điểm tự chấm do đơn vị tự đánh giá."),
	}}
}

// legacyReport is a small report whose letters all exist in TCVN3 and VNI
// (no capitals with tone marks), for the encoding fixtures.
func legacyReport() *doc.Document {
	return &doc.Document{Blocks: []doc.Block{
		para("Báo cáo kết quả chuyển đổi số quý III năm 2023"),
		para("Đơn vị: phường Bến Nghé, quận 1"),
		table(
			row("STT", "Chỉ số", "Số liệu kê khai", "Tài liệu kiểm chứng"),
			row("1", "Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến", "78,23 %", "Văn bản, tài liệu chứng minh"),
			row("a", "Số hồ sơ được xử lý trực tuyến", "11.781", ""),
			row("b", "Tổng số hồ sơ tiếp nhận", "15.060", ""),
			row("2", "Số người dân có chữ ký số", "968", "Kế hoạch số 215/KH-UBND"),
			row("3", "Ban hành kế hoạch chuyển đổi số", "Đã ban hành", "Quyết định số 17/QĐ-UBQGCDS"),
			row("4", "Số cuộc họp trực tuyến được tổ chức", "42", "Lịch họp của ủy ban nhân dân"),
		),
		para("Người lập biểu: Nguyễn Văn Hưởng"),
	}}
}
