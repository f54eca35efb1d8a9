//go:build ignore

// Mkfixtures writes the .doc fixtures of package msdoc: a flat
// OpenDocument text (.fodt) per fixture, converted to Word 97 .doc by
// LibreOffice, as offices make such files. Run from the repository root:
//
//	go run parse/msdoc/testdata/mkfixtures.go
//
// legacy.doc has text in .VnTime (TCVN3) and VNI-Times (VNI) fonts: in a
// run, in a paragraph style and in a table cell, each encoded with
// vntext's encoders. features.doc has what the reader must handle besides
// plain paragraphs: merged cells, a nested table, a hyperlink field, a
// tracked deletion, line breaks, tabs and non-breaking hyphens.
// report.doc is the DOCX reader's test document of seed 000
// (parse/docx/testdata/report.docx) saved as .doc, so that the two
// readers' times per table cell can be compared on the same content.
package main

import (
	"bytes"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"chiso/vntext"
)

const head = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:xlink="http://www.w3.org/1999/xlink"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
 <style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'"/>
 <style:font-face style:name=".VnTime" svg:font-family=".VnTime"/>
 <style:font-face style:name="VNI-Times" svg:font-family="VNI-Times"/>
</office:font-face-decls>
<office:styles>
 <style:style style:name="Standard" style:family="paragraph"><style:text-properties style:font-name="Liberation Serif"/></style:style>
 <style:style style:name="VnBody" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties style:font-name=".VnTime"/></style:style>
</office:styles>
<office:automatic-styles>
 <style:style style:name="T1" style:family="text"><style:text-properties style:font-name=".VnTime"/></style:style>
 <style:style style:name="T2" style:family="text"><style:text-properties style:font-name="VNI-Times"/></style:style>
 <text:list-style style:name="L1"><text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/><text:list-level-style-number text:level="2" style:num-suffix=")" style:num-format="a"/></text:list-style>
 <text:list-style style:name="L2"><text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="I"/></text:list-style>
</office:automatic-styles>
<office:body><office:text>
`

const tail = `</office:text></office:body></office:document>
`

func p(s string) string { return `<text:p text:style-name="Standard">` + s + `</text:p>` + "\n" }

func span(style, s string) string {
	return `<text:span text:style-name="` + style + `">` + s + `</text:span>`
}

func cell(s string, attrs ...string) string {
	return `<table:table-cell office:value-type="string"` + strings.Join(attrs, "") + `>` + s + `</table:table-cell>`
}

const covered = `<table:covered-table-cell/>`

func row(cells ...string) string {
	return `<table:table-row>` + strings.Join(cells, "") + `</table:table-row>` + "\n"
}

func table(name string, cols int, rows ...string) string {
	return `<table:table table:name="` + name + `"><table:table-column table:number-columns-repeated="` + fmt.Sprint(cols) + `"/>` + "\n" +
		strings.Join(rows, "") + `</table:table>` + "\n"
}

func legacy() string {
	tcvn, vni := vntext.ToTCVN3, vntext.ToVNI
	return head +
		p("Kết quả: "+span("T1", tcvn("Báo cáo tình hình thực hiện chuyển đổi số"))) +
		`<text:p text:style-name="VnBody">` + tcvn("Tỷ lệ hồ sơ được xử lý trực tuyến") + `</text:p>` + "\n" +
		p(span("T2", vni("Số người dân trưởng thành có chữ ký số"))) +
		table("T", 2,
			row(cell(p(span("T1", tcvn("Chỉ tiêu")))), cell(p(span("T2", vni("Đạt được"))))),
			row(cell(p(span("T1", tcvn("Hồ sơ trực tuyến toàn trình")))), cell(p(span("T1", tcvn("Có")))))) +
		p(span("T1", "Tổng số hồ sơ đã xử lý")) + // Unicode text left in a .VnTime font
		tail
}

func features() string {
	return `<?xml version="1.0" encoding="UTF-8"?>` + strings.TrimPrefix(head, `<?xml version="1.0" encoding="UTF-8"?>`) +
		`<text:tracked-changes><text:changed-region text:id="ct1"><text:deletion><office:change-info><dc:creator>A</dc:creator><dc:date>2023-01-10T08:00:00</dc:date></office:change-info><text:p>ĐÃ XOÁ </text:p></text:deletion></text:changed-region></text:tracked-changes>` + "\n" +
		p(`Trước <text:change text:change-id="ct1"/>sau`) +
		p(`Xem <text:a xlink:type="simple" xlink:href="https://dichvucong.gov.vn/">Cổng dịch vụ công</text:a> quốc gia`) +
		p(`Dòng một<text:line-break/>dòng hai<text:tab/>cột; Hà‑Nội`) +
		table("Merged", 3,
			row(cell(p("Chỉ tiêu"), ` table:number-columns-spanned="2"`), covered, cell(p("Ghi chú"), ` table:number-rows-spanned="2"`)),
			row(cell(p("a")), cell(p("1.234")), covered),
			row(cell(p("b")), cell(p("78,23 %")), cell(p("Đạt")))) +
		p("Giữa hai bảng") +
		table("Outer", 2,
			row(cell(p("Ngoài")), cell(p("Trên")+table("Inner", 2, row(cell(p("x")), cell(p("1"))), row(cell(p("y")), cell(p("2"))))+p("Dưới")))) +
		p("Hết") +
		// Automatic numbering: a list with a second level, and an STT
		// column numbered by a list that runs through the cells.
		`<text:list text:style-name="L1"><text:list-item>` + p("Mục một") + `<text:list><text:list-item>` + p("ý a") + `</text:list-item><text:list-item>` + p("ý b") + `</text:list-item></text:list></text:list-item><text:list-item>` + p("Mục hai") + `</text:list-item></text:list>` + "\n" +
		table("STT", 2,
			row(cell(`<text:list text:style-name="L2"><text:list-item>`+p("")+`</text:list-item></text:list>`), cell(p("Chính quyền số"))),
			row(cell(`<text:list text:style-name="L2" text:continue-numbering="true"><text:list-item>`+p("")+`</text:list-item></text:list>`), cell(p("Kinh tế số")))) +
		tail
}

func main() {
	log.SetFlags(0)
	dir := filepath.Join("parse", "msdoc", "testdata")
	if _, err := os.Stat(dir); err != nil {
		log.Fatal("run from the repository root: ", err)
	}
	tmp, err := os.MkdirTemp("", "msdoc-fixtures-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	var files []string
	for name, body := range map[string]string{"legacy": legacy(), "features": features()} {
		f := filepath.Join(tmp, name+".fodt")
		if err := os.WriteFile(f, []byte(body), 0o644); err != nil {
			log.Fatal(err)
		}
		files = append(files, f)
	}
	files = append(files, filepath.Join("parse", "docx", "testdata", "report.docx"))
	profile := filepath.Join(tmp, "profile")
	args := append([]string{"--headless", "--norestore", "-env:UserInstallation=file://" + profile,
		"--convert-to", "doc:MS Word 97", "--outdir", dir}, files...)
	var out bytes.Buffer
	cmd := exec.Command("soffice", args...)
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		log.Fatalf("soffice: %v\n%s", err, out.Bytes())
	}
	log.Print(out.String())
}
