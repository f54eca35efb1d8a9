package docx

import (
	"slices"
	"testing"

	"chiso/vntext"
)

// font is a run in the given font.
func font(name, text string) string {
	return `<w:r><w:rPr><w:rFonts w:ascii="` + name + `" w:hAnsi="` + name + `"/></w:rPr><w:t xml:space="preserve">` + text + `</w:t></w:r>`
}

func TestLegacyFonts(t *testing.T) {
	styles := part{"word/styles.xml", stylesPart(
		`<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/></w:rPr></w:rPrDefault></w:docDefaults>` +
			`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:rPr><w:rFonts w:ascii="Times New Roman"/></w:rPr></w:style>` +
			`<w:style w:type="paragraph" w:styleId="VnBase"><w:rPr><w:rFonts w:ascii=".VnTimeH" w:hAnsi=".VnTimeH"/></w:rPr></w:style>` +
			`<w:style w:type="paragraph" w:styleId="QuocHieu"><w:basedOn w:val="VnBase"/></w:style>` +
			`<w:style w:type="character" w:styleId="VniChar"><w:rPr><w:rFonts w:ascii="VNI-Times" w:hAnsi="VNI-Times"/></w:rPr></w:style>`)}
	vniDefaults := part{"word/styles.xml", stylesPart(
		`<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="VNI-Times" w:hAnsi="VNI-Times"/></w:rPr></w:rPrDefault></w:docDefaults>`)}
	tcvn := vntext.ToTCVN3
	tests := []struct {
		name  string
		body  string
		style part
		want  []string
	}{
		{"run in .VnTime",
			p(r("Kết quả: ") + font(".VnTime", tcvn("Báo cáo tình hình thực hiện"))),
			styles, []string{"p: Kết quả: Báo cáo tình hình thực hiện"}},
		{"paragraph style in .VnTimeH through basedOn",
			`<w:p><w:pPr><w:pStyle w:val="QuocHieu"/></w:pPr>` + r(tcvn("Cộng hòa xã hội chủ nghĩa Việt Nam")) + `</w:p>`,
			styles, []string{"p: CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"}},
		{"character style in VNI",
			p(`<w:r><w:rPr><w:rStyle w:val="VniChar"/></w:rPr><w:t>` + vntext.ToVNI("Tỷ lệ hồ sơ được xử lý trực tuyến") + `</w:t></w:r>`),
			styles, []string{"p: Tỷ lệ hồ sơ được xử lý trực tuyến"}},
		{"document default in VNI",
			p(r(vntext.ToVNI("Số người dân trưởng thành có chữ ký số"))),
			vniDefaults, []string{"p: Số người dân trưởng thành có chữ ký số"}},
		{"Unicode text left in a .VnTime font",
			p(font(".VnTime", "Tổng số hồ sơ đã xử lý")),
			styles, []string{"p: Tổng số hồ sơ đã xử lý"}},
		{"short cell follows a TCVN3 document",
			p(font(".VnTime", tcvn("Quyết định thành lập Ban chỉ đạo"))) + tbl(tr(tc(p(font(".VnTime", tcvn("Có")))))),
			styles, []string{"p: Quyết định thành lập Ban chỉ đạo", "t: Có"}},
		{"short cell follows a Unicode document",
			p(font(".VnTime", "Quyết định thành lập")) + tbl(tr(tc(p(font(".VnTime", "Có"))))),
			styles, []string{"p: Quyết định thành lập", "t: Có"}},
		{"theme font over a .VnTime paragraph",
			`<w:p><w:pPr><w:pStyle w:val="QuocHieu"/></w:pPr><w:r><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"/></w:rPr><w:t>Báo cáo</w:t></w:r></w:p>`,
			styles, []string{"p: Báo cáo"}},
		{"Unicode fonts untouched",
			p(r("B¸o c¸o")),
			styles, []string{"p: B¸o c¸o"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := read(t, docx(t, tt.body, tt.style))
			if err != nil {
				t.Fatal(err)
			}
			if got := render(d); !slices.Equal(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}
