package layout_test

import (
	"reflect"
	"strings"
	"testing"

	"chiso/doc"
	"chiso/parse/pdf/layout"
)

// tables returns the expanded grids of the table blocks.
func tables(bs []doc.Block) [][][]string {
	var out [][][]string
	for _, b := range bs {
		if b.Kind == doc.TableKind {
			out = append(out, b.Table.Texts())
		}
	}
	return out
}

// paras returns the texts of the paragraph blocks.
func paras(bs []doc.Block) []string {
	var out []string
	for _, b := range bs {
		if b.Kind == doc.Paragraph {
			out = append(out, b.Text)
		}
	}
	return out
}

func TestBlocks(t *testing.T) {
	xs := []float64{50, 100, 300, 400}
	ys := []float64{100, 120, 140, 160}
	in3x3 := func(skip map[[3]int]bool, cells map[[2]int]string) layout.Page {
		p := layout.Page{Number: 1, Width: 595, Height: 842, Rules: gridRules(xs, ys, skip)}
		for rc, s := range cells {
			p.Texts = append(p.Texts, text(s, xs[rc[1]]+3, ys[rc[0]]+14))
		}
		return p
	}
	tests := []struct {
		name   string
		pages  []layout.Page
		tables [][][]string
		paras  []string
	}{
		{
			name: "3x3 grid",
			pages: []layout.Page{in3x3(nil, map[[2]int]string{
				{0, 0}: "STT", {0, 1}: "Chỉ số", {0, 2}: "Số liệu",
				{1, 0}: "1", {1, 1}: "Dân số", {1, 2}: "142.625",
				{2, 0}: "2", {2, 1}: "Tỷ lệ", {2, 2}: "78,23 %",
			})},
			tables: [][][]string{{
				{"STT", "Chỉ số", "Số liệu"},
				{"1", "Dân số", "142.625"},
				{"2", "Tỷ lệ", "78,23 %"},
			}},
		},
		{
			// Word's double borders: every rule drawn twice, 2 pt apart.
			name: "double borders",
			pages: []layout.Page{func() layout.Page {
				p := in3x3(nil, map[[2]int]string{{0, 0}: "A", {1, 1}: "B", {2, 2}: "C"})
				for _, r := range gridRules(xs, ys, nil) {
					r.X0, r.X1, r.Y0, r.Y1 = r.X0+2, r.X1+2, r.Y0+2, r.Y1+2
					p.Rules = append(p.Rules, r)
				}
				return p
			}()},
			tables: [][][]string{{{"A", "", ""}, {"", "B", ""}, {"", "", "C"}}},
		},
		{
			name: "merged cells",
			pages: []layout.Page{in3x3(map[[3]int]bool{
				{'v', 0, 2}: true, // row 0: columns 1 and 2 merged
				{'h', 2, 0}: true, // column 0: rows 1 and 2 merged
			}, map[[2]int]string{
				{0, 0}: "STT", {0, 1}: "Chỉ số",
				{1, 0}: "1", {1, 1}: "a", {1, 2}: "10",
				{2, 1}: "b", {2, 2}: "20",
			})},
			tables: [][][]string{{
				{"STT", "Chỉ số", "Chỉ số"},
				{"1", "a", "10"},
				{"1", "b", "20"},
			}},
		},
		{
			name: "paragraphs around a table",
			pages: []layout.Page{func() layout.Page {
				p := in3x3(nil, map[[2]int]string{{0, 0}: "A", {1, 1}: "B", {2, 2}: "C"})
				p.Texts = append(p.Texts,
					text("Trước bảng", 50, 80),
					text("Sau bảng dòng một", 50, 190),
					text("dòng hai", 50, 202),
				)
				return p
			}()},
			tables: [][][]string{{{"A", "", ""}, {"", "B", ""}, {"", "", "C"}}},
			paras:  []string{"Trước bảng", "Sau bảng dòng một dòng hai"},
		},
		{
			// Lines 1.75 em apart are one paragraph; 2.4 em apart, two.
			name: "1.5 line spacing",
			pages: []layout.Page{{Number: 1, Texts: []layout.Text{
				text("Một hai ba bốn năm sáu bảy", 50, 100), text("tám chín mười", 50, 117.5),
				text("Một hai ba bốn năm sáu bảy", 50, 141.5), text("tám chín mười", 50, 159),
				text("Một hai ba bốn năm sáu bảy", 50, 183), text("tám chín mười", 50, 200.5),
			}}},
			paras: []string{"Một hai ba bốn năm sáu bảy tám chín mười", "Một hai ba bốn năm sáu bảy tám chín mười", "Một hai ba bốn năm sáu bảy tám chín mười"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			bs := layout.Blocks(tc.pages)
			if got := tables(bs); !reflect.DeepEqual(got, tc.tables) {
				t.Errorf("tables:\n got %q\nwant %q", got, tc.tables)
			}
			if got := paras(bs); !reflect.DeepEqual(got, tc.paras) {
				t.Errorf("paragraphs:\n got %q\nwant %q", got, tc.paras)
			}
			for i, b := range bs {
				if b.Index != i {
					t.Errorf("block %d has Index %d", i, b.Index)
				}
			}
		})
	}
}

// TestWrappedCell checks how the lines of one cell are joined: a wrapped
// line with a space, a new paragraph (extra spacing) with "\n", a long word
// broken at the cell edge with nothing.
func TestWrappedCell(t *testing.T) {
	xs := []float64{50, 80, 190}
	ys := []float64{100, 200}
	p := layout.Page{Number: 1, Rules: gridRules(xs, ys, nil)}
	p.Texts = append(p.Texts, text("1", 53, 114))
	// Column 2 is 110 pt wide: 3 pt padding each side, 104 pt = 20 runes.
	lines := []struct {
		s string
		y float64
	}{
		{"- a= Số hồ sơ được", 114},
		{"xử lý trực tuyến", 126},
		{"- b= Tổng số", 144}, // paragraph spacing before
		{"http://www.quan5.ho", 156},
		{"chiminhcity.gov.vn/", 168},
	}
	for _, l := range lines {
		p.Texts = append(p.Texts, text(l.s, 83, l.y))
	}
	got := tables(layout.Blocks([]layout.Page{p}))
	want := [][][]string{{{"1", "- a= Số hồ sơ được xử lý trực tuyến\n- b= Tổng số http://www.quan5.hochiminhcity.gov.vn/"}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// TestContinuedTable splits a table over two pages the way LibreOffice
// does: the header row repeated on page 2, and the last row of page 1
// continued there with an empty STT cell.
func TestContinuedTable(t *testing.T) {
	xs := []float64{50, 100, 300}
	page := func(n int, rows [][2]string) layout.Page {
		ys := []float64{100}
		for range rows {
			ys = append(ys, ys[len(ys)-1]+20)
		}
		p := layout.Page{Number: n, Height: 842, Rules: gridRules(xs, ys, nil)}
		for r, row := range rows {
			for c, s := range row {
				if s != "" {
					p.Texts = append(p.Texts, text(s, xs[c]+3, ys[r]+14))
				}
			}
		}
		p.Texts = append(p.Texts, text(strings.Repeat("1", n), 290, 820)) // page number
		p.Texts = append(p.Texts, text("Báo cáo số 12/BC-UBND", 400, 30)) // running header
		return p
	}
	p1 := page(1, [][2]string{{"STT", "Chỉ số"}, {"1", "Dân số"}, {"2", "Tỷ lệ hồ sơ"}})
	p2 := page(2, [][2]string{{"STT", "Chỉ số"}, {"", "xử lý trực tuyến"}, {"3", "Số hộ"}})
	bs := layout.Blocks([]layout.Page{p1, p2})
	want := [][][]string{{{"STT", "Chỉ số"}, {"1", "Dân số"}, {"2", "Tỷ lệ hồ sơ xử lý trực tuyến"}, {"3", "Số hộ"}}}
	if got := tables(bs); !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if bs[0].Page != 1 {
		t.Errorf("table starts on page %d, want 1", bs[0].Page)
	}
	want2 := []string{"Báo cáo số 12/BC-UBND", "1", "Báo cáo số 12/BC-UBND", "11"}
	if got := paras(bs); !reflect.DeepEqual(got, want2) {
		t.Errorf("headers and page numbers: got %q, want %q", got, want2)
	}
}

// TestBorderless reads a table set with gaps only, one Text per word.
func TestBorderless(t *testing.T) {
	var p layout.Page
	p.Number = 1
	p.Texts = append(p.Texts, words("BÁO CÁO CHUYỂN ĐỔI SỐ NĂM 2023 CỦA QUẬN", 108, 60)...)
	rows := [][3]string{
		{"STT", "Chỉ số/Chỉ số thành phần", "Số liệu kê khai"},
		{"1", "Quyết định thành lập", "Có thành lập"},
		{"2", "Kế hoạch hành động", ""},
		{"I", "Dữ liệu số", ""},
		{"8", "Tỷ lệ cổng thông tin", "100 %"},
	}
	col := []float64{50, 90, 230}
	for r, row := range rows {
		for c, s := range row {
			p.Texts = append(p.Texts, words(s, col[c], 80+12*float64(r))...)
		}
	}
	p.Texts = append(p.Texts, words("Đoạn văn bản sau bảng, viết liền một dòng dài qua các cột.", 50, 160)...)
	bs := layout.Blocks([]layout.Page{p})
	want := [][][]string{{
		{"STT", "Chỉ số/Chỉ số thành phần", "Số liệu kê khai"},
		{"1", "Quyết định thành lập", "Có thành lập"},
		{"2", "Kế hoạch hành động", ""},
		{"I", "Dữ liệu số", ""},
		{"8", "Tỷ lệ cổng thông tin", "100 %"},
	}}
	if got := tables(bs); !reflect.DeepEqual(got, want) {
		t.Errorf("tables:\n got %q\nwant %q", got, want)
	}
	wantP := []string{"BÁO CÁO CHUYỂN ĐỔI SỐ NĂM 2023 CỦA QUẬN", "Đoạn văn bản sau bảng, viết liền một dòng dài qua các cột."}
	if got := paras(bs); !reflect.DeepEqual(got, wantP) {
		t.Errorf("paragraphs:\n got %q\nwant %q", got, wantP)
	}
	if len(bs) != 3 || bs[1].Kind != doc.TableKind {
		t.Errorf("want paragraph, table, paragraph; got %d blocks", len(bs))
	}
}

// TestTabbed reads a table set with tab stops as pango does: one Text per
// word, the header's stops differing from the body's, and a cell that
// overruns its stop pushing the next cell to a later one.
func TestTabbed(t *testing.T) {
	p := layout.Page{Number: 1}
	rows := []struct {
		y     float64
		cells []string
		xs    []float64
	}{
		{20, []string{"STT", "Chỉ số", "Số liệu kê khai"}, []float64{10, 42, 154}},
		{32, []string{"1", "Quyết định thành lập", "Có thành lập"}, []float64{10, 26, 186}},
		{44, []string{"I", "Dữ liệu số"}, []float64{10, 26}},
		{56, []string{"8", "Tỷ lệ cổng thông tin", "100 %"}, []float64{10, 26, 170}},
		{68, []string{"b", "Tổng dân số", "92.333"}, []float64{10, 26, 138}},
	}
	for _, r := range rows {
		for c, s := range r.cells {
			p.Texts = append(p.Texts, words(s, r.xs[c], r.y)...)
		}
	}
	want := [][][]string{{
		{"STT", "Chỉ số", "Số liệu kê khai"},
		{"1", "Quyết định thành lập", "Có thành lập"},
		{"I", "Dữ liệu số", ""},
		{"8", "Tỷ lệ cổng thông tin", "100 %"},
		{"b", "Tổng dân số", "92.333"},
	}}
	if got := tables(layout.Blocks([]layout.Page{p})); !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// TestMesh checks that a page drawing a mesh of thousands of rules, as a
// damaged or hostile file may, is read as text rather than as a table of
// millions of cells.
func TestMesh(t *testing.T) {
	p := layout.Page{Number: 1}
	for i := range 1000 {
		f := float64(i) * 3
		p.Rules = append(p.Rules, layout.Rule{X0: 0, Y0: f, X1: 3000, Y1: f}, layout.Rule{X0: f, Y0: 0, X1: f, Y1: 3000})
	}
	p.Texts = []layout.Text{text("Văn bản", 100, 100)}
	bs := layout.Blocks([]layout.Page{p})
	if got := paras(bs); len(tables(bs)) != 0 || !reflect.DeepEqual(got, []string{"Văn bản"}) {
		t.Errorf("got %d tables, paragraphs %q; want the text as one paragraph", len(tables(bs)), got)
	}
}

// TestScripts keeps a raised footnote mark and a lowered index in the line
// they belong to.
func TestScripts(t *testing.T) {
	small := func(s string, x, y float64) layout.Text {
		return layout.Text{S: s, X: x, Y: y, W: 3.5 * float64(len([]rune(s))), Size: 7, SpaceW: 1.75}
	}
	p := layout.Page{Number: 1, Texts: []layout.Text{
		text("chỉ đạo, điều hành", 50, 100), small("1", 140, 96),
		text("nhằm đẩy mạnh công tác", 50, 112),
		text("diện tích 20 m", 50, 124), small("2", 120, 120), text("và CO", 126, 124), small("2", 151, 126),
	}}
	want := []string{"chỉ đạo, điều hành1 nhằm đẩy mạnh công tác diện tích 20 m2 và CO2"}
	if got := paras(layout.Blocks([]layout.Page{p})); !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// TestContinuedParagraph joins a paragraph a page break cut, and only
// when the next page goes on in lower case.
func TestContinuedParagraph(t *testing.T) {
	page := func(n int, first, last string) layout.Page {
		return layout.Page{Number: n, Height: 842, Texts: []layout.Text{
			text(first, 50, 100),
			text(last, 50, 700),
			text(strings.Repeat("1", n), 290, 830),
		}}
	}
	bs := layout.Blocks([]layout.Page{
		page(1, "Đầu trang một.", "số trường hợp trẻ sơ sinh"),
		page(2, "được cấp mã định danh.", "Kết quả: đạt"),
		page(3, "Tiếp tục triển khai.", "Hết."),
	})
	got := paras(bs)
	// Page numbers stay where they were drawn, after the joined paragraph.
	want := []string{"Đầu trang một.", "số trường hợp trẻ sơ sinh được cấp mã định danh.", "1", "Kết quả: đạt", "11", "Tiếp tục triển khai.", "Hết.", "111"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if bs[1].Page != 1 {
		t.Errorf("joined paragraph starts on page %d, want 1", bs[1].Page)
	}
}
