package html

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"chiso/doc"
	"chiso/vntext"
)

// TestTruth compares every cell of the test report's tables with
// truth.json, the expected grid, for the UTF-8 page and for the same page
// saved as windows-1258 (tone marks as combining characters).
func TestTruth(t *testing.T) {
	var truth [][][]string
	b, err := os.ReadFile(filepath.Join("testdata", "truth.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &truth); err != nil {
		t.Fatal(err)
	}
	want, wantRows := 0, 0
	for _, tb := range truth {
		wantRows += len(tb)
		for _, row := range tb {
			for _, c := range row {
				if c != "" {
					want++
				}
			}
		}
	}
	for _, name := range []string{"report.html", "report_cp1258.html"} {
		t.Run(name, func(t *testing.T) {
			d := readFile(t, name)
			tables := tablesOf(d)
			if len(tables) != len(truth) {
				t.Fatalf("%d tables, want %d", len(tables), len(truth))
			}
			right, rows := 0, 0
			for i, tb := range tables {
				got := tb.Texts()
				rows += len(got)
				for r, row := range truth[i] {
					for c, w := range row {
						if w == "" {
							continue
						}
						if r < len(got) && c < len(got[r]) && vntext.Clean(got[r][c]) == w {
							right++
						} else if r < len(got) && c < len(got[r]) {
							t.Errorf("table %d row %d col %d = %q, want %q", i, r, c, vntext.Clean(got[r][c]), w)
						} else {
							t.Errorf("table %d row %d col %d missing, want %q", i, r, c, w)
						}
					}
				}
			}
			if right != want || rows != wantRows {
				t.Errorf("%d/%d non-empty cells right, %d/%d rows", right, want, rows, wantRows)
			}
			t.Logf("%d/%d non-empty cells, %d rows", right, want, rows)
			// The headings come before the tables they introduce.
			if d.Blocks[0].Kind != doc.Paragraph || vntext.Clean(d.Blocks[0].Text) != "BÁO CÁO CDS VÀ ĐÔ THỊ THÔNG MINH 2023" {
				t.Errorf("first block = %+v, want the title", d.Blocks[0])
			}
			for i, bl := range d.Blocks {
				if bl.Index != i || bl.Page != 0 {
					t.Errorf("block %d has Index %d Page %d", i, bl.Index, bl.Page)
				}
			}
			if d.Source.Format != doc.HTML {
				t.Errorf("format %q", d.Source.Format)
			}
		})
	}
}

// TestMergedCells checks that the merged cells of the report's third table
// appear once, at their top-left position, with their spans.
func TestMergedCells(t *testing.T) {
	tb := tablesOf(readFile(t, "report.html"))[2]
	type cell struct {
		text   string
		rs, cs int
	}
	var head [][]cell
	for _, row := range tb.Rows[:2] {
		var r []cell
		for _, c := range row {
			r = append(r, cell{c.Text, c.RowSpan, c.ColSpan})
		}
		head = append(head, r)
	}
	want := [][]cell{
		{{"STT", 2, 1}, {"Chỉ số/Chỉ số thành phần", 2, 1}, {"Điểm tối đa", 2, 1}, {"Số liệu", 1, 2}, {"Đơn vị báo cáo", 2, 1}},
		{{"Năm 2022", 1, 1}, {"Năm 2023", 1, 1}},
	}
	if !reflect.DeepEqual(head, want) {
		t.Errorf("header rows\n got %v\nwant %v", head, want)
	}
	var spans int
	for _, row := range tb.Rows[2:] {
		for _, c := range row {
			if c.RowSpan > 1 {
				spans++
				if c.RowSpan != 3 || c.Text != "Chi cục thống kê Quận 1" {
					t.Errorf("body rowspan cell %+v, want rowspan 3 on the statistics office", c)
				}
			}
		}
	}
	if spans != 1 {
		t.Errorf("%d body cells with a rowspan, want 1", spans)
	}
}

func TestRead(t *testing.T) {
	tests := []struct {
		name, html string
		want       []string // blocks: "P:text" or "T:" + rows joined by "|" and cells by ";"; spans as text{rs,cs}
	}{
		{"paragraphs and breaks",
			"<body><h1>Báo  cáo</h1>text <b>bold</b><p>one<br>two</p><div>a<div>b</div>c</div><ul><li>x</li><li>y</li></ul></body>",
			[]string{"P:Báo cáo", "P:text bold", "P:one", "P:two", "P:a", "P:b", "P:c", "P:x", "P:y"}},
		{"cell line breaks",
			"<table><tr><td>a<br>b</td><td><p>c</p><p>d</p></td><td>  e \n f </td><td><p>&nbsp;</p><p>g</p></td></tr></table>",
			[]string{"T:a\nb;c\nd;e f;g"}},
		{"nested table flattened into its cell",
			"<table><tr><td>outer<table><tr><td>n1</td><td>n2</td></tr><tr><td>n3</td></tr></table>tail</td><td>x</td></tr></table><p>after</p>",
			[]string{"T:outer\nn1 n2\nn3\ntail;x", "P:after"}},
		{"thead tbody tfoot order",
			"<table><tfoot><tr><td>foot</td></tr></tfoot><tbody><tr><td>body</td></tr></tbody><thead><tr><th>head</th></tr></thead></table>",
			[]string{"T:head|body|foot"}},
		{"spans clamped",
			`<table><tr><td colspan="5000" rowspan="99">a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>`,
			[]string{"T:a{2,2};b|c;d"}},
		{"rowspan zero runs to the end of its group",
			`<table><tbody><tr><td rowspan="0">a</td><td>b</td></tr><tr><td>c</td></tr></tbody><tbody><tr><td>d</td></tr></tbody></table>`,
			[]string{"T:a{2,1};b|c|d"}},
		{"span attributes read as browsers do",
			`<table><tr><td colspan=" 2px">a</td><td colspan="x">b</td></tr><tr><td>1</td><td>2</td><td>3</td></tr></table>`,
			[]string{"T:a{1,2};b|1;2;3"}},
		{"wide colspan kept when other rows are wide",
			`<table><tr><td colspan="4">title</td></tr><tr><td colspan="2">a</td><td colspan="2">b</td></tr></table>`,
			[]string{"T:title{1,4}|a{1,2};b{1,2}"}},
		{"script style comments hidden dropped",
			"<head><title>t</title><style>p{}</style></head><body><script>var x='<p>no</p>'</script><!-- c --><p>yes<span style=\"DISPLAY: NONE\">hid</span></p><noscript>ns</noscript></body>",
			[]string{"P:yes"}},
		{"caption becomes a paragraph",
			"<table><caption>Bảng 1</caption><tr><td>x</td></tr></table>",
			[]string{"P:Bảng 1", "T:x"}},
		{"pre keeps its line breaks",
			"<pre>\nSTT  Tên\n1    Một</pre><table><tr><td><pre>a\n  b</pre></td></tr></table>",
			[]string{"P:STT Tên\n1 Một", "T:a\nb"}},
		{"empty table dropped", "<p>a</p><table></table><p>b</p>", []string{"P:a", "P:b"}},
		{"text after table in same div", "<div>before<table><tr><td>x</td></tr></table>after</div>", []string{"P:before", "T:x", "P:after"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Read(strings.NewReader(tc.html))
			if err != nil {
				t.Fatal(err)
			}
			got := summary(d)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

// TestWordHTML reads a page as Word writes it when a report is saved as
// "Web Page": MsoNormal paragraphs in spans, <o:p>, conditional comments
// and revealed conditionals, a list bullet, a style block, windows-1258.
func TestWordHTML(t *testing.T) {
	d := readFile(t, "word.htm")
	got := summary(d)
	for i := range got {
		got[i] = vntext.Clean(got[i])
	}
	want := []string{
		"P:BÁO CÁO",
		"P:Kết quả chuyển đổi số",
		"P:· Tỷ lệ hồ sơ trực tuyến",
		"T:STT;Chỉ số;Số liệu|1;Tỷ lệ hồ sơ xử lý trực tuyến;78,23 %|2;Số hồ sơ\nđã số hóa;15.060",
		"P:Nơi nhận:",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// TestCharset covers the charset choices of the package comment.
func TestCharset(t *testing.T) {
	cp1258 := []byte("<p>Ba\xd2ng s\xf4\xec li\xea\xf2u</p>") // "Bảng số liệu", tone marks combining
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"utf-8 despite a windows-1258 declaration", []byte(`<meta charset="windows-1258"><p>Bảng số liệu</p>`), "Bảng số liệu"},
		{"utf-8 BOM", []byte("\xef\xbb\xbf<p>Bảng</p>"), "Bảng"},
		{"declared windows-1258", append([]byte(`<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">`), cp1258...), "Bảng số liệu"},
		{"undeclared non-UTF-8 read as windows-1258", cp1258, "Bảng số liệu"},
		{"declared utf-8 that is not", append([]byte(`<meta charset="utf-8">`), cp1258...), "Bảng số liệu"},
		{"utf-16 BOM", utf16le("<p>Bảng</p>"), "Bảng"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Read(strings.NewReader(string(tc.in)))
			if err != nil {
				t.Fatal(err)
			}
			got := summary(d)
			if len(got) != 1 || vntext.Clean(got[0]) != "P:"+tc.want {
				t.Errorf("got %q, want %q", got, "P:"+tc.want)
			}
		})
	}
}

// TestLegacyFont reads a page typed in .VnTime and VNI-Times fonts, whose
// bytes are TCVN3 and VNI codes under a windows-1252 declaration.
func TestLegacyFont(t *testing.T) {
	text := "Báo cáo kết quả chuyển đổi số của quận năm 2023"
	for _, tc := range []struct {
		name, encoded, warning string
	}{
		{"TCVN3", vntext.ToTCVN3(text), "TCVN3"},
		{"VNI", vntext.ToVNI(text), "VNI"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := []byte(`<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><p><font face=".VnTime">`)
			for _, r := range tc.encoded {
				page = append(page, byte(r))
			}
			page = append(page, "</font></p><table><tr><td>x</td></tr></table>"...)
			d, err := Read(strings.NewReader(string(page)))
			if err != nil {
				t.Fatal(err)
			}
			if got := vntext.Clean(d.Blocks[0].Text); got != text {
				t.Errorf("got %q, want %q", got, text)
			}
			if len(d.Warnings) != 1 || !strings.Contains(d.Warnings[0], tc.warning) {
				t.Errorf("warnings %q", d.Warnings)
			}
		})
	}
	d, err := Read(strings.NewReader("<p>" + text + "</p>"))
	if err != nil || len(d.Warnings) != 0 || d.Blocks[0].Text != text {
		t.Errorf("Unicode page: %+v, %v", d, err)
	}
}

// TestDeepNesting reads pages nested beyond the 512 levels
// golang.org/x/net/html accepts, as CMS pages that never close their tags
// are, without losing text or tables.
func TestDeepNesting(t *testing.T) {
	tests := []struct {
		name, html string
		paras      int
		table      string
	}{
		{"unclosed spans", strings.Repeat("<span>chữ ", 2000) + "<table><tr><td>a</td><td>b</td></tr></table>", 1, "a;b"},
		{"unclosed divs", strings.Repeat("<div>dòng<br>", 600) + "<table><tr><td>a<td>b</table>", 600, "a;b"},
		{"nested tables", strings.Repeat("<table><tr><td>x", 200) + "</table>", 0, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Read(strings.NewReader(tc.html))
			if err != nil {
				t.Fatal(err)
			}
			if len(d.Warnings) != 1 {
				t.Errorf("warnings %q, want one about the flattening", d.Warnings)
			}
			paras, tables := 0, 0
			var last string
			for _, b := range d.Blocks {
				if b.Kind == doc.Paragraph {
					paras++
					continue
				}
				tables++
				last = summary(&doc.Document{Blocks: []doc.Block{b}})[0]
			}
			if tc.table != "" && (last != "T:"+tc.table || paras != tc.paras) {
				t.Errorf("%d paragraphs, last table %q; want %d and %q", paras, last, tc.paras, tc.table)
			}
			if tc.table == "" && (tables != 1 || strings.Count(last, "x") != 200) {
				t.Errorf("%d tables, %d x in the outer one; want 1 and 200", tables, strings.Count(last, "x"))
			}
		})
	}
}

func utf16le(s string) []byte {
	b := []byte{0xff, 0xfe}
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	return b
}

func readFile(t testing.TB, name string) *doc.Document {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d, err := Read(f)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func tablesOf(d *doc.Document) []*doc.Table {
	var ts []*doc.Table
	for _, b := range d.Blocks {
		if b.Kind == doc.TableKind {
			ts = append(ts, b.Table)
		}
	}
	return ts
}

// summary writes blocks compactly: "P:text", or "T:" and the rows, cells
// separated by ";" and rows by "|", a cell's spans as {rowspan,colspan}
// when not 1.
func summary(d *doc.Document) []string {
	var out []string
	for _, b := range d.Blocks {
		if b.Kind == doc.Paragraph {
			out = append(out, "P:"+b.Text)
			continue
		}
		var rows []string
		for _, row := range b.Table.Rows {
			var cells []string
			for _, c := range row {
				s := c.Text
				if c.RowSpan != 1 || c.ColSpan != 1 {
					s += "{" + strconv.Itoa(c.RowSpan) + "," + strconv.Itoa(c.ColSpan) + "}"
				}
				cells = append(cells, s)
			}
			rows = append(rows, strings.Join(cells, ";"))
		}
		out = append(out, "T:"+strings.Join(rows, "|"))
	}
	return out
}
