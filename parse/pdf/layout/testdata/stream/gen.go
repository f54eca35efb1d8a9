//go:build ignore

// gen writes the borderless and partly ruled table fixtures: for each, an
// HTML page, the PDF headless Chromium prints from it, and NAME.truth.json,
// the expanded cell grid of every table on the page, from the same data
// the HTML is made of (never from what chiso reads).
//
//	go run parse/pdf/layout/testdata/stream/gen.go [-pdf=false] [NAME...]
//
// Run from the repository root. Chromium stamps dates into the PDF, so a
// PDF is rewritten only when its HTML changed (or with -force).
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"html"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

const dir = "parse/pdf/layout/testdata/stream"

// cell is one table cell; rs and cs are its spans (0 means 1).
type cell struct {
	s      string
	rs, cs int
	num    bool // right-aligned
}

// table is a table of the fixture: header rows and body rows.
type table struct {
	class      string
	head, body [][]cell
	attr       string // extra attributes of <table>
	// gapped lists the body rows that start a group, set apart by space.
	gapped map[int]bool
}

// part is a piece of a fixture page: a paragraph, a heading, raw HTML or a table.
type part struct {
	p, h, raw string
	t         *table
}

type fixture struct {
	name  string
	css   string
	parts []part
	// rotate is the /Rotate that qpdf sets on the printed pages, as
	// printer drivers do for a landscape page on portrait paper.
	rotate int
}

func c(s string) cell         { return cell{s: s} }
func n(s string) cell         { return cell{s: s, num: true} }
func cs(s string, k int) cell { return cell{s: s, cs: k} }
func rs(s string, k int) cell { return cell{s: s, rs: k} }

const baseCSS = `
@page { size: A4; margin: 20mm 18mm; }
body { font-family: "Liberation Serif"; font-size: 12pt; line-height: 1.25; }
p { margin: 0 0 6pt 0; text-align: justify; }
h2 { font-size: 13pt; margin: 10pt 0 6pt 0; }
table { border-collapse: collapse; margin: 6pt 0 10pt 0; }
td, th { padding: 1pt 3pt; vertical-align: top; text-align: left; }
th { font-weight: bold; text-align: center; }
td.num { text-align: right; }
`

var prose = []string{
	"Thực hiện Kế hoạch cải cách hành chính năm 2025 của Ủy ban nhân dân tỉnh, các cơ quan, đơn vị đã tổ chức tự đánh giá, chấm điểm các tiêu chí, tiêu chí thành phần theo hướng dẫn của Sở Nội vụ và gửi kết quả về Hội đồng thẩm định đúng thời hạn quy định.",
	"Kết quả thẩm định cho thấy phần lớn các đơn vị đã cập nhật đầy đủ tài liệu kiểm chứng; một số đơn vị còn chấm điểm cao hơn so với kết quả thực tế, cần rút kinh nghiệm trong kỳ đánh giá tiếp theo.",
	"Hội đồng thẩm định đề nghị các cơ quan, đơn vị tiếp tục rà soát, khắc phục các tồn tại, hạn chế đã được chỉ ra và báo cáo kết quả thực hiện trước ngày 15 tháng 12 năm 2025.",
}

var units = []string{
	"Ban Quản lý các khu công nghiệp và khu kinh tế tỉnh",
	"Sở Công thương",
	"Sở Khoa học và Công nghệ",
	"Sở Văn hoá, Thể thao và Du lịch",
	"Sở Xây dựng",
	"Sở Giáo dục và Đào tạo",
	"Sở Nội vụ",
	"Sở Tài chính",
	"Sở Tư pháp",
	"Sở Dân tộc và Tôn giáo",
	"Sở Y tế",
	"Sở Nông nghiệp và Môi trường",
	"Văn phòng Ủy ban nhân dân tỉnh",
	"Thanh tra tỉnh",
	"Sở Ngoại vụ",
}

// score returns the figures of unit i, made up but stable.
func score(i int) (max, self, judged, pct string) {
	m := 15.0
	if i%7 == 6 {
		m = 13.5
	}
	s := m - float64(i%4)*0.5
	j := m - float64(i%5)*0.25 - float64(i/5)*0.5
	return vn(m), vn(s), vn(j), vn(100*j/m) + "%"
}

// vn formats x with two decimals and a decimal comma.
func vn(x float64) string {
	return strings.Replace(fmt.Sprintf("%.2f", x), ".", ",", 1)
}

func ranking(k int, footer bool) *table {
	t := &table{head: [][]cell{{c("STT"), c("Đơn vị"), c("Điểm chuẩn tối đa"), c("Điểm tự đánh giá"), c("Điểm thẩm định"), c("Chỉ số")}}}
	for i := 0; i < k; i++ {
		a, b, d, e := score(i)
		t.body = append(t.body, []cell{c(fmt.Sprint(i + 1)), c(units[i%len(units)]), n(a), n(b), n(d), n(e)})
	}
	if footer {
		t.body = append(t.body,
			[]cell{cs("Chỉ số cao nhất", 5), n("100,00%")},
			[]cell{cs("Chỉ số thấp nhất", 5), n("53,33%")})
	}
	return t
}

// indicators is a table with a short code column beside the name column
// and year columns of numbers set with one space between them.
func indicators() *table {
	names := []string{"Dân số trung bình", "Số hộ nghèo theo chuẩn đa chiều", "Tỷ lệ hồ sơ trực tuyến toàn trình", "Số thủ tục hành chính được cắt giảm", "Tổng thu ngân sách trên địa bàn", "Số doanh nghiệp thành lập mới", "Tỷ lệ giải quyết đúng hạn"}
	unit := []string{"người", "hộ", "%", "thủ tục", "tỷ đồng", "doanh nghiệp", "%"}
	t := &table{head: [][]cell{{c("Mã"), c("Chỉ tiêu"), c("Đơn vị tính"), c("2023"), c("2024"), c("2025")}}}
	for i, s := range names {
		row := []cell{c(fmt.Sprintf("CT%02d", i+1)), c(s), c(unit[i])}
		for y := 0; y < 3; y++ {
			v := 1000*(i+1) + 137*y + 11*i
			if unit[i] == "%" {
				row = append(row, n(vn(80+float64(i)+1.5*float64(y))))
			} else {
				row = append(row, n(thousands(v*(i+3))))
			}
		}
		t.body = append(t.body, row)
	}
	return t
}

func thousands(v int) string {
	s := fmt.Sprint(v)
	var b []byte
	for i := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b = append(b, '.')
		}
		b = append(b, s[i])
	}
	return string(b)
}

// grouped has a group label spanning the rows of its group, with no line
// drawn between them.
func grouped() *table {
	t := &table{head: [][]cell{{c("Lĩnh vực"), c("Chỉ tiêu"), c("Kế hoạch"), c("Thực hiện"), c("Tỷ lệ")}}}
	groups := []struct {
		name string
		rows []string
	}{
		{"Kinh tế", []string{"Tăng trưởng GRDP", "Thu ngân sách", "Vốn đầu tư"}},
		{"Xã hội", []string{"Tạo việc làm mới", "Giảm tỷ lệ hộ nghèo"}},
		{"Môi trường", []string{"Thu gom rác thải", "Cấp nước sạch", "Che phủ rừng"}},
	}
	k := 0
	for _, g := range groups {
		for i, r := range g.rows {
			k++
			row := []cell{}
			if i == 0 {
				row = append(row, rs(g.name, len(g.rows)))
			}
			plan := 100 + 17*k
			done := plan - 3*k
			row = append(row, c(r), n(fmt.Sprint(plan)), n(fmt.Sprint(done)), n(vn(100*float64(done)/float64(plan))+"%"))
			t.body = append(t.body, row)
		}
	}
	return t
}

// census is a statistical table as census offices print them: a boxed
// header whose years are centred over three columns each, figure
// columns close together, vertical rules between the column groups
// only, so the rules draw no rows, and groups of rows set apart by
// space instead of lines.
func census() *table {
	t := &table{class: "cen", gapped: map[int]bool{}, head: [][]cell{
		{rs("Chỉ tiêu", 2), cs("Năm 2024", 3), cs("Năm 2025", 3)},
		{c("Số lượng"), c("Sai số (±)"), c("Tỷ lệ"), c("Số lượng"), c("Sai số (±)"), c("Tỷ lệ")},
	}}
	groups := []struct {
		name string
		rows []string
	}{
		{"Toàn tỉnh", []string{"Có việc làm", "Thất nghiệp", "Ngoài lực lượng lao động"}},
		{"Thành thị", []string{"Có việc làm", "Thất nghiệp", "Ngoài lực lượng lao động"}},
		{"Nông thôn", []string{"Có việc làm", "Thất nghiệp", "Ngoài lực lượng lao động"}},
	}
	k := 0
	for _, g := range groups {
		t.gapped[len(t.body)] = true
		rows := append([]string{g.name}, g.rows...)
		for i, r := range rows {
			k++
			total := 1000 * (k + 3)
			if i == 0 {
				total = 1000 * (k + 20)
			}
			row := []cell{c(r)}
			for y := 0; y < 2; y++ {
				v := total + 317*y + 29*k
				row = append(row, n(thousands(v)), n(fmt.Sprint(7+3*k+y)), n(vn(float64(v)/float64(300+k))))
			}
			t.body = append(t.body, row)
		}
	}
	return t
}

// sections is a borderless statistical table whose groups of rows are
// set apart by space, each under a heading alone in the first column.
func sections() *table {
	t := &table{gapped: map[int]bool{}, head: [][]cell{{c("Chỉ tiêu"), c("2021"), c("2022"), c("2023"), c("2024"), c("2025")}}}
	groups := []struct {
		name string
		rows []string
	}{
		{"Giáo dục phổ thông", []string{"Số trường", "Số lớp học", "Số giáo viên"}},
		{"Y tế", []string{"Số cơ sở khám chữa bệnh", "Số giường bệnh", "Số bác sĩ", "Số dược sĩ"}},
		{"Văn hoá", []string{"Số thư viện", "Số nhà văn hoá"}},
	}
	k := 0
	for _, g := range groups {
		t.gapped[len(t.body)] = true
		t.body = append(t.body, []cell{c(g.name), c(""), c(""), c(""), c(""), c("")})
		for _, r := range g.rows {
			k++
			row := []cell{c(r)}
			for y := 0; y < 5; y++ {
				row = append(row, n(thousands(37*k*k+13*y*k+5*y)))
			}
			t.body = append(t.body, row)
		}
	}
	return t
}

func small(title string, k, off int) *table {
	t := &table{head: [][]cell{{c("TT"), c(title), c("Số lượng")}}}
	for i := 0; i < k; i++ {
		t.body = append(t.body, []cell{c(fmt.Sprint(i + 1)), c(units[(i+off)%len(units)]), n(fmt.Sprint(12*(i+off+1) + 7))})
	}
	return t
}

func fixtures() []fixture {
	intro := []part{{h: "I. KẾT QUẢ ĐÁNH GIÁ"}, {p: prose[0]}}
	outro := []part{{p: prose[1]}, {p: prose[2]}}
	with := func(ps ...part) []part {
		return append(append(append([]part(nil), intro...), ps...), outro...)
	}
	long := ranking(15, true)
	cont := &table{head: long.head}
	for i := 0; i < 60; i++ {
		a, b, d, e := score(i)
		cont.body = append(cont.body, []cell{c(fmt.Sprint(i + 1)), c("UBND " + []string{"xã", "phường"}[i%2] + " " + strings.SplitN(units[i%len(units)], " ", 2)[1]), n(a), n(b), n(d), n(e)})
	}
	// turned is a wide table turned a quarter left on a portrait page,
	// as a landscape annex is when it is drawn with a rotated matrix.
	turned := []part{{raw: `<div class="land">`}, {h: "PHỤ LỤC. KẾT QUẢ ĐIỀU TRA LAO ĐỘNG"}, {p: prose[0]}, {t: withClass(census(), "cen")}, {p: prose[1]}, {raw: `</div>`}}
	return []fixture{
		{name: "borderless", parts: with(part{t: ranking(15, true)})},
		{name: "codes", parts: with(part{t: indicators()})},
		{name: "booktabs", css: `table.bt { border-top: 1.5pt solid black; border-bottom: 1.5pt solid black; }
table.bt tr.head { border-bottom: 0.75pt solid black; }`, parts: with(part{t: withClass(ranking(10, false), "bt")})},
		{name: "hrules", css: `table.hr tr { border-bottom: 0.5pt solid black; }
table.hr td, table.hr th { vertical-align: middle; }`, parts: with(part{t: withClass(ranking(12, true), "hr")})},
		{name: "headrule", css: `table.h1 tr.head { border-bottom: 1pt solid black; }`, parts: with(part{t: withClass(indicators(), "h1")})},
		{name: "outer", css: `table.ob { border: 1pt solid black; }`, parts: with(part{t: withClass(ranking(9, false), "ob")})},
		{name: "rowspan", parts: with(part{t: grouped()})},
		{name: "sections", css: `tr.gap td { padding-top: 12pt; }`, parts: with(part{t: sections()})},
		{name: "hgrid", css: `table.hg th { border: 0.75pt solid black; }
table.hg td { border-bottom: 0.5pt solid black; }`, parts: with(part{t: withClass(ranking(10, false), "hg")})},
		{name: "hbox", css: `table.hb { border: 1pt solid black; }
table.hb th { border: 0.75pt solid black; }
table.hb td { border-bottom: 0.5pt solid black; }`, parts: with(part{t: withClass(ranking(10, true), "hb")})},
		{name: "census", css: censusCSS, parts: with(part{t: census()})},
		{name: "sidebyside", css: `.pair { display: flex; gap: 36pt; }`, parts: with(
			part{raw: `<div class="pair">`}, part{t: small("Cơ quan", 6, 0)}, part{t: small("Địa phương", 6, 5)}, part{raw: `</div>`})},
		{name: "nested", css: `.box { border: 1pt solid black; padding: 8pt; }
table.grid td, table.grid th { border: 0.75pt solid black; }`, parts: []part{
			{raw: `<div class="box">`}, {h: "I. KẾT QUẢ ĐÁNH GIÁ"}, {p: prose[0]}, {t: withClass(ranking(8, false), "grid")}, {p: prose[1]}, {raw: `</div>`}, {p: prose[2]}}},
		{name: "rotated", css: rotatedCSS, parts: turned},
		{name: "landscape", css: rotatedCSS, parts: turned, rotate: 90},
		{name: "continued", parts: append(append([]part{{h: "BÁO CÁO KẾT QUẢ CHẤM ĐIỂM CẢI CÁCH HÀNH CHÍNH"}, {p: prose[0]}, {p: prose[1]}, {p: prose[2]}, {h: "I. ĐỐI VỚI CẤP SỞ"}, {t: long}, {h: "II. ĐỐI VỚI CẤP XÃ"}, {p: prose[0]}, {t: cont}}, outro...), part{h: "III. NHẬN XÉT"}, part{p: prose[0]}, part{p: prose[1]}, part{p: prose[2]}, part{p: prose[0]}, part{p: prose[1]}, part{p: prose[2]}, part{p: prose[0]}, part{p: prose[1]}, part{t: small("Cơ quan", 5, 3)})},
	}
}

// rotatedCSS turns the .land box (as wide as the portrait page is tall)
// a quarter turn to the left about its top left corner and moves it back
// onto the page, so its text runs up the page.
const rotatedCSS = `.land { width: 250mm; transform-origin: 0 0; transform: translate(0, 250mm) rotate(-90deg); }
` + censusCSS

// censusCSS rules the census table's header and column groups only.
const censusCSS = `table.cen td, table.cen th { padding: 1pt 2pt; font-size: 10pt; }
table.cen tr.head th { border: 0.75pt solid black; }
table.cen td:nth-child(2), table.cen td:nth-child(5) { border-left: 0.75pt solid black; }
table.cen td:last-child { border-right: 0.75pt solid black; }
table.cen tr.gap td { padding-top: 9pt; }`

func withClass(t *table, class string) *table {
	t.class = class
	return t
}

func (t *table) html(b *strings.Builder) {
	fmt.Fprintf(b, "<table class=%q%s>\n", t.class, t.attr)
	row := func(r []cell, tag string, gap bool) {
		switch {
		case tag == "th":
			b.WriteString(`<tr class="head">`)
		case gap:
			b.WriteString(`<tr class="gap">`)
		default:
			b.WriteString("<tr>")
		}
		for _, x := range r {
			attr := ""
			if x.rs > 1 {
				attr += fmt.Sprintf(" rowspan=%d", x.rs)
			}
			if x.cs > 1 {
				attr += fmt.Sprintf(" colspan=%d", x.cs)
			}
			if x.num && tag == "td" {
				attr += ` class="num"`
			}
			fmt.Fprintf(b, "<%s%s>%s</%s>", tag, attr, html.EscapeString(x.s), tag)
		}
		b.WriteString("</tr>\n")
	}
	// No <thead>: Chromium repeats one on every page a table continues
	// on, and the continued fixture wants a table that does not.
	b.WriteString("<tbody>\n")
	for _, r := range t.head {
		row(r, "th", false)
	}
	for i, r := range t.body {
		row(r, "td", t.gapped[i])
	}
	b.WriteString("</tbody>\n</table>\n")
}

// grid expands the table as a browser lays it out: each cell takes the
// first free column of its row and fills every slot it spans.
func (t *table) grid() [][]string {
	var g [][]string
	set := map[[2]int]bool{}
	for r, row := range append(append([][]cell(nil), t.head...), t.body...) {
		col := 0
		for _, x := range row {
			for set[[2]int{r, col}] {
				col++
			}
			rs, cs := max(x.rs, 1), max(x.cs, 1)
			for dr := 0; dr < rs; dr++ {
				for dc := 0; dc < cs; dc++ {
					for len(g) <= r+dr {
						g = append(g, nil)
					}
					for len(g[r+dr]) <= col+dc {
						g[r+dr] = append(g[r+dr], "")
					}
					g[r+dr][col+dc] = x.s
					set[[2]int{r + dr, col + dc}] = true
				}
			}
			col += cs
		}
	}
	return g
}

func (f fixture) html() (string, [][][]string) {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>" + f.name + "</title>\n<style>" + baseCSS + f.css + "</style></head><body>\n")
	var truth [][][]string
	for _, p := range f.parts {
		switch {
		case p.h != "":
			fmt.Fprintf(&b, "<h2>%s</h2>\n", html.EscapeString(p.h))
		case p.p != "":
			fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(p.p))
		case p.raw != "":
			b.WriteString(p.raw + "\n")
		case p.t != nil:
			p.t.html(&b)
			truth = append(truth, p.t.grid())
		}
	}
	b.WriteString("</body></html>\n")
	return b.String(), truth
}

func main() {
	pdf := flag.Bool("pdf", true, "print the PDFs with chromium")
	force := flag.Bool("force", false, "print every PDF, changed or not")
	flag.Parse()
	want := map[string]bool{}
	for _, a := range flag.Args() {
		want[a] = true
	}
	for _, f := range fixtures() {
		if len(want) > 0 && !want[f.name] {
			continue
		}
		h, truth := f.html()
		base := filepath.Join(dir, f.name)
		old, _ := os.ReadFile(base + ".html")
		changed := !bytes.Equal(old, []byte(h))
		must(os.WriteFile(base+".html", []byte(h), 0o644))
		j, err := json.MarshalIndent(truth, "", " ")
		must(err)
		must(os.WriteFile(base+".truth.json", append(j, '\n'), 0o644))
		if _, err := os.Stat(base + ".pdf"); *pdf && (changed || *force || err != nil) {
			must(print(base+".html", base+".pdf"))
			if f.rotate != 0 {
				must(rotate(base+".pdf", f.rotate))
			}
			log.Printf("printed %s.pdf", base)
		}
	}
}

// print has headless Chromium print an HTML file to PDF, without the
// header and footer (date, URL) it adds by default.
func print(in, out string) error {
	prof, err := os.MkdirTemp("", "chiso-chromium")
	if err != nil {
		return err
	}
	defer os.RemoveAll(prof)
	abs, err := filepath.Abs(in)
	if err != nil {
		return err
	}
	outAbs, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	cmd := exec.Command("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+prof, "--no-pdf-header-footer", "--print-to-pdf="+outAbs, "file://"+abs)
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("chromium %s: %v\n%s", in, err, b)
	}
	return nil
}

// rotate sets /Rotate on every page of a PDF with qpdf.
func rotate(path string, deg int) error {
	tmp := path + ".tmp"
	cmd := exec.Command("qpdf", fmt.Sprintf("--rotate=+%d", deg), path, tmp)
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("qpdf %s: %v\n%s", path, err, b)
	}
	return os.Rename(tmp, path)
}

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
