package docx

import (
	"slices"
	"strings"
	"testing"
)

// Shorthands for handwritten WordprocessingML.
func p(inner string) string  { return "<w:p>" + inner + "</w:p>" }
func r(text string) string   { return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>` }
func tc(inner string) string { return "<w:tc>" + inner + "</w:tc>" }
func tr(cells ...string) string {
	return "<w:tr>" + strings.Join(cells, "") + "</w:tr>"
}
func tbl(rows ...string) string {
	return "<w:tbl><w:tblPr/><w:tblGrid/>" + strings.Join(rows, "") + "</w:tbl>"
}
func tcPr(props, inner string) string {
	return "<w:tc><w:tcPr>" + props + "</w:tcPr>" + inner + "</w:tc>"
}

// field is a complex field: instruction, then the result Word displays.
func field(instr, result string) string {
	return `<w:r><w:fldChar w:fldCharType="begin"/></w:r>` +
		`<w:r><w:instrText xml:space="preserve">` + instr + `</w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r>` + r(result) +
		`<w:r><w:fldChar w:fldCharType="end"/></w:r>`
}

func TestText(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []string
	}{
		{"runs joined across proofErr and bookmarks",
			p(r("78,") + `<w:proofErr w:type="spellStart"/><w:bookmarkStart w:id="0" w:name="x"/>` + r("23 %") + `<w:bookmarkEnd w:id="0"/>`),
			[]string{"p: 78,23 %"}},
		{"tracked changes: deletions dropped, insertions kept",
			p(r("Có ") + `<w:del w:id="1" w:author="A"><w:r><w:delText>chưa </w:delText></w:r></w:del>` +
				`<w:ins w:id="2" w:author="A">` + r("thành lập") + `</w:ins>` +
				`<w:moveFrom w:id="3" w:author="A">` + r(" cũ") + `</w:moveFrom>`),
			[]string{"p: Có thành lập"}},
		{"field code skipped, result kept",
			p(r("Trang ") + field(`PAGE \* MERGEFORMAT`, "3")),
			[]string{"p: Trang 3"}},
		{"text runs inside a field instruction skipped",
			p(`<w:r><w:fldChar w:fldCharType="begin"/></w:r>` + r("HYPERLINK x") +
				`<w:r><w:fldChar w:fldCharType="separate"/></w:r>` + r("kết quả") +
				`<w:r><w:fldChar w:fldCharType="end"/></w:r>`),
			[]string{"p: kết quả"}},
		{"nested fields",
			p(`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>IF </w:instrText></w:r>` +
				field("PAGE", "2") + `<w:r><w:instrText> = 2 "x"</w:instrText></w:r>` +
				`<w:r><w:fldChar w:fldCharType="separate"/></w:r>` + r("hai") +
				`<w:r><w:fldChar w:fldCharType="end"/></w:r>`),
			[]string{"p: hai"}},
		{"field result spanning paragraphs",
			p(`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>TOC</w:instrText></w:r>`+
				`<w:r><w:fldChar w:fldCharType="separate"/></w:r>`+r("Mục 1")) +
				p(r("Mục 2")+`<w:r><w:fldChar w:fldCharType="end"/></w:r>`),
			[]string{"p: Mục 1", "p: Mục 2"}},
		{"simple field keeps its result",
			p(r("Số ") + `<w:fldSimple w:instr="SEQ Bảng"><w:r><w:t>4</w:t></w:r></w:fldSimple>`),
			[]string{"p: Số 4"}},
		{"containers descended",
			p(`<w:hyperlink r:id="rId9" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`+r("http://a.vn/")+`</w:hyperlink>`+
				`<w:smartTag w:element="place">`+r(" Quận 5")+`</w:smartTag>`+
				`<w:customXml w:element="x">`+r(" năm")+`</w:customXml>`+
				`<w:sdt><w:sdtPr><w:alias w:val="nam"/><w:text/></w:sdtPr><w:sdtContent>`+r(" 2023")+`</w:sdtContent></w:sdt>`) +
				`<w:sdt><w:sdtPr/><w:sdtContent>` + p(r("khối")) + `</w:sdtContent></w:sdt>` +
				`<w:customXml>` + p(r("xml")) + `</w:customXml>`,
			[]string{"p: http://a.vn/ Quận 5 năm 2023", "p: khối", "p: xml"}},
		{"breaks and tabs",
			p(`<w:r><w:t>Chưa</w:t><w:br/><w:t>triển</w:t><w:tab/><w:t>khai</w:t><w:cr/><w:t>x</w:t><w:noBreakHyphen/><w:t>y</w:t></w:r>`),
			[]string{"p: Chưa\ntriển\tkhai\nx-y"}},
		{"hidden text skipped",
			p(r("thấy") + `<w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn</w:t></w:r>` + `<w:r><w:rPr><w:vanish w:val="false"/></w:rPr><w:t>!</w:t></w:r>`),
			[]string{"p: thấy!"}},
		{"AlternateContent: Choice taken, Fallback skipped",
			p(r("Hộp: ") + `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>` +
				p(r("mới")) + `</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>` +
				p(r("cũ")) + `</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>`),
			[]string{"p: Hộp: \nmới"}},
		{"AlternateContent around blocks",
			`<mc:AlternateContent><mc:Choice Requires="w14">` + p(r("một")) + `</mc:Choice><mc:Choice Requires="w15">` + p(r("hai")) +
				`</mc:Choice><mc:Fallback>` + p(r("ba")) + `</mc:Fallback></mc:AlternateContent>` + p(r("sau")),
			[]string{"p: một", "p: sau"}},
		{"empty paragraphs are not blocks",
			p("") + p(`<w:r><w:t xml:space="preserve">   </w:t></w:r>`) + p(r("x")),
			[]string{"p: x"}},
		{"another prefix for the main namespace",
			`<x:p xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><x:r><x:t>tiền tố</x:t></x:r></x:p>`,
			[]string{"p: tiền tố"}},
		{"strict OOXML namespace",
			`<s:p xmlns:s="http://purl.oclc.org/ooxml/wordprocessingml/main"><s:r><s:t>strict</s:t></s:r></s:p>`,
			[]string{"p: strict"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := read(t, docx(t, tt.body))
			if err != nil {
				t.Fatal(err)
			}
			if got := render(d); !slices.Equal(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestTables(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []string
	}{
		{"gridSpan and vMerge",
			tbl(
				tr(tcPr(`<w:vMerge w:val="restart"/>`, p(r("STT"))), tcPr(`<w:gridSpan w:val="2"/>`, p(r("Số liệu")))),
				tr(tcPr(`<w:vMerge/>`, p("")), tc(p(r("2022"))), tc(p(r("2023")))),
				tr(tc(p(r("1"))), tc(p(r("5"))), tc(p(r("6")))),
			),
			[]string{"t: STT{r2} | Số liệu{c2} / 2022 | 2023 / 1 | 5 | 6"}},
		{"vMerge continue under a wide cell",
			tbl(
				tr(tc(p(r("a"))), tcPr(`<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>`, p(r("gộp")))),
				tr(tc(p(r("b"))), tcPr(`<w:gridSpan w:val="2"/><w:vMerge w:val="continue"/>`, p(""))),
				tr(tc(p(r("c"))), tcPr(`<w:gridSpan w:val="2"/><w:vMerge/>`, p(""))),
			),
			[]string{"t: a | gộp{r3}{c2} / b / c"}},
		{"vMerge continue with nothing above is an ordinary cell",
			tbl(tr(tcPr(`<w:vMerge/>`, p(r("lạc"))), tc(p(r("x"))))),
			[]string{"t: lạc | x"}},
		{"gridBefore gives leading empty cells, gridAfter nothing",
			tbl(
				tr(tc(p(r("1"))), tc(p(r("2"))), tc(p(r("3")))),
				`<w:tr><w:trPr><w:gridBefore w:val="1"/><w:gridAfter w:val="1"/></w:trPr>`+tc(p(r("b")))+`</w:tr>`,
			),
			[]string{"t: 1 | 2 | 3 /  | b"}},
		{"hMerge",
			tbl(tr(tcPr(`<w:hMerge w:val="restart"/>`, p(r("ngang"))), tcPr(`<w:hMerge/>`, p("")), tc(p(r("z"))))),
			[]string{"t: ngang{c2} | z"}},
		{"paragraphs in a cell joined by newlines",
			tbl(tr(tc(p("") + p(r("Văn bản")) + p("") + p(r("chứng minh")) + p("")))),
			[]string{"t: Văn bản\n\nchứng minh"}},
		{"nested table kept as lines of cells",
			tbl(tr(
				tc(p(r("Gồm:"))+tbl(
					tr(tc(p(r("Quận"))), tc(p(r("5519")))),
					tr(tc(p("")), tc(p(""))),
					tr(tc(p(r("Phường"))), tc(p(r("6262")+`<w:r><w:br/></w:r>`+r("hồ sơ")))),
				)),
				tc(p(r("x"))),
			)),
			[]string{"t: Gồm:\nQuận | 5519\nPhường | 6262 hồ sơ | x"}},
		{"rows and cells wrapped in content controls",
			tbl(`<w:sdt><w:sdtPr/><w:sdtContent>`+tr(tc(p(r("a"))), `<w:customXml>`+tc(p(r("b")))+`</w:customXml>`)+`</w:sdtContent></w:sdt>`,
				tr(tc(p(r("c"))), `<w:sdt><w:sdtContent>`+tc(p(r("d")))+`</w:sdtContent></w:sdt>`)),
			[]string{"t: a | b / c | d"}},
		{"table between paragraphs keeps document order",
			p(r("trước")) + tbl(tr(tc(p(r("ô"))))) + p(r("sau")),
			[]string{"p: trước", "t: ô", "p: sau"}},
		{"table in a text box",
			p(r("Hộp") + `<w:r><w:pict><v:textbox><w:txbxContent>` + tbl(tr(tc(p(r("1"))), tc(p(r("2"))))) + `</w:txbxContent></v:textbox></w:pict></w:r>`),
			[]string{"p: Hộp\n1 | 2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := read(t, docx(t, tt.body))
			if err != nil {
				t.Fatal(err)
			}
			if got := render(d); !slices.Equal(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestGridBeforeLayout checks that the leading empty cell keeps the row's
// cells in their grid columns once expanded.
func TestGridBeforeLayout(t *testing.T) {
	body := tbl(
		tr(tc(p(r("STT"))), tc(p(r("Chỉ số"))), tc(p(r("Giá trị")))),
		`<w:tr><w:trPr><w:gridBefore w:val="2"/></w:trPr>`+tc(p(r("12")))+`</w:tr>`,
	)
	d, err := read(t, docx(t, body))
	if err != nil {
		t.Fatal(err)
	}
	got := d.Blocks[0].Table.Texts()
	want := [][]string{{"STT", "Chỉ số", "Giá trị"}, {"", "", "12"}}
	if len(got) != 2 || !slices.Equal(got[0], want[0]) || !slices.Equal(got[1], want[1]) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestPages(t *testing.T) {
	app := func(pages string) part {
		return part{"docProps/app.xml", `<?xml version="1.0"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Pages>` + pages + `</Pages></Properties>`}
	}
	tests := []struct {
		name  string
		extra []part
		want  int
	}{
		{"saved by Word", []part{app("4")}, 4},
		{"no app.xml", nil, 0},
		{"not a number", []part{app("bốn")}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := read(t, docx(t, p(r("x")), tt.extra...))
			if err != nil {
				t.Fatal(err)
			}
			if d.Source.Pages != tt.want || d.Source.Format != "docx" {
				t.Errorf("source %+v, want %d pages", d.Source, tt.want)
			}
		})
	}
}
