package hostile

import (
	"archive/zip"
	"bytes"
	"fmt"
	"html"
	"io"
	"strings"
)

// The sample report every valid document holds: a title, two paragraphs
// and an indicator table, so that a mutation of it reaches the table and
// number readers, not only the container's.
var (
	sampleTitle = "BÁO CÁO Kết quả thực hiện chuyển đổi số quý III năm 2023"
	sampleParas = []string{
		"Ủy ban nhân dân Quận 5 báo cáo kết quả thực hiện các chỉ tiêu chuyển đổi số như sau:",
		"Tổng số hồ sơ tiếp nhận trong kỳ là 12.345 hồ sơ, tăng 8,5% so với cùng kỳ.",
	}
	sampleRows = [][]string{
		{"STT", "Chỉ tiêu", "Đơn vị tính", "Kết quả"},
		{"1", "Tỷ lệ hồ sơ trực tuyến toàn trình", "%", "85,5"},
		{"2", "Số dịch vụ công trực tuyến", "dịch vụ", "1.234"},
		{"3", "Tỷ lệ thanh toán trực tuyến", "%", "42,1"},
	}
)

// Part is one member of a zip package.
type Part struct {
	Name string
	Body string
}

// Zip packs parts, deflated, in order (an OpenDocument "mimetype" part
// is stored, as the format requires).
func Zip(parts ...Part) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, p := range parts {
		m := zip.Deflate
		if p.Name == "mimetype" {
			m = zip.Store
		}
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: p.Name, Method: m})
		io.WriteString(w, p.Body)
	}
	zw.Close()
	return b.Bytes()
}

// BombPart is a zip member given as a Deflated stream, with the
// uncompressed size its headers claim (0: the true size).
type BombPart struct {
	Name  string
	Data  *Deflated
	Claim uint64
}

// ZipBomb writes a package of small parts and deflated bombs to w,
// streaming, so that a part of gigabytes costs its few megabytes.
func ZipBomb(w io.Writer, parts []Part, bombs []BombPart) error {
	zw := zip.NewWriter(w)
	for _, p := range parts {
		m := zip.Deflate
		if p.Name == "mimetype" {
			m = zip.Store
		}
		pw, err := zw.CreateHeader(&zip.FileHeader{Name: p.Name, Method: m})
		if err != nil {
			return err
		}
		io.WriteString(pw, p.Body)
	}
	for _, bp := range bombs {
		size := uint64(bp.Data.Size)
		if bp.Claim != 0 {
			size = bp.Claim
		}
		pw, err := zw.CreateRaw(&zip.FileHeader{Name: bp.Name, Method: zip.Deflate, CRC32: bp.Data.CRC32,
			CompressedSize64: uint64(bp.Data.Packed), UncompressedSize64: size})
		if err != nil {
			return err
		}
		if err := bp.Data.WriteRaw(pw); err != nil {
			return err
		}
	}
	return zw.Close()
}

const (
	nsW     = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsMain  = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	nsRel   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsPkg   = "http://schemas.openxmlformats.org/package/2006/relationships"
	xmlDecl = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
)

func contentTypes(overrides ...string) string {
	var b strings.Builder
	b.WriteString(xmlDecl + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>`)
	for i := 0; i+1 < len(overrides); i += 2 {
		fmt.Fprintf(&b, `<Override PartName="%s" ContentType="%s"/>`, overrides[i], overrides[i+1])
	}
	b.WriteString(`</Types>`)
	return b.String()
}

func rels(pairs ...string) string {
	var b strings.Builder
	b.WriteString(xmlDecl + `<Relationships xmlns="` + nsPkg + `">`)
	for i := 0; i+1 < len(pairs); i += 2 {
		fmt.Fprintf(&b, `<Relationship Id="rId%d" Type="%s/%s" Target="%s"/>`, i/2+1, nsRel, pairs[i], pairs[i+1])
	}
	b.WriteString(`</Relationships>`)
	return b.String()
}

// DocxBody is document.xml's opening, up to the body's content, and its
// closing: for documents whose body is made elsewhere (a bomb, nesting).
const (
	DocxHead = xmlDecl + `<w:document xmlns:w="` + nsW + `"><w:body>`
	DocxTail = `</w:body></w:document>`
)

// DocxParts are the parts of a Word document whose body is body (the
// XML inside w:body), without word/document.xml when body is "" so that
// a bomb can supply it.
func DocxParts(body string) []Part {
	parts := []Part{
		{"[Content_Types].xml", contentTypes("/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")},
		{"_rels/.rels", rels("officeDocument", "word/document.xml")},
	}
	if body != "" {
		parts = append(parts, Part{"word/document.xml", DocxHead + body + DocxTail})
	}
	return parts
}

func wPara(s string) string {
	return `<w:p><w:r><w:t xml:space="preserve">` + html.EscapeString(s) + `</w:t></w:r></w:p>`
}

// Docx is the sample report as a Word document.
func Docx() []byte {
	var b strings.Builder
	b.WriteString(wPara(sampleTitle))
	for _, p := range sampleParas {
		b.WriteString(wPara(p))
	}
	b.WriteString(`<w:tbl><w:tblPr><w:tblBorders><w:top w:val="single"/><w:bottom w:val="single"/><w:insideH w:val="single"/><w:insideV w:val="single"/></w:tblBorders></w:tblPr>`)
	for _, row := range sampleRows {
		b.WriteString(`<w:tr>`)
		for _, c := range row {
			b.WriteString(`<w:tc>` + wPara(c) + `</w:tc>`)
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
	return Zip(DocxParts(b.String())...)
}

// Sheet XML around the rows, for bombs and nesting.
const (
	SheetHead = xmlDecl + `<worksheet xmlns="` + nsMain + `"><sheetData>`
	SheetTail = `</sheetData></worksheet>`
)

// XlsxParts are the parts of a one-sheet workbook whose sheet data is
// rows (without xl/worksheets/sheet1.xml when rows is "").
func XlsxParts(rows string, strs []string) []Part {
	var sst strings.Builder
	fmt.Fprintf(&sst, xmlDecl+`<sst xmlns="%s" count="%d" uniqueCount="%d">`, nsMain, len(strs), len(strs))
	for _, s := range strs {
		sst.WriteString(`<si><t>` + html.EscapeString(s) + `</t></si>`)
	}
	sst.WriteString(`</sst>`)
	parts := []Part{
		{"[Content_Types].xml", contentTypes(
			"/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
			"/xl/worksheets/sheet1.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
			"/xl/sharedStrings.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml")},
		{"_rels/.rels", rels("officeDocument", "xl/workbook.xml")},
		{"xl/workbook.xml", xmlDecl + `<workbook xmlns="` + nsMain + `" xmlns:r="` + nsRel + `"><sheets><sheet name="Báo cáo" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", rels("worksheet", "worksheets/sheet1.xml", "sharedStrings", "sharedStrings.xml")},
		{"xl/sharedStrings.xml", sst.String()},
	}
	if rows != "" {
		parts = append(parts, Part{"xl/worksheets/sheet1.xml", SheetHead + rows + SheetTail})
	}
	return parts
}

// Xlsx is the sample report as a workbook: the title in A1, the table
// from row 3, numbers as numbers.
func Xlsx() []byte {
	var strs []string
	var rows strings.Builder
	cell := func(ref, s string) {
		if v, ok := sheetNumber(s); ok {
			fmt.Fprintf(&rows, `<c r="%s"><v>%s</v></c>`, ref, v)
			return
		}
		fmt.Fprintf(&rows, `<c r="%s" t="s"><v>%d</v></c>`, ref, len(strs))
		strs = append(strs, s)
	}
	rows.WriteString(`<row r="1">`)
	cell("A1", sampleTitle)
	rows.WriteString(`</row>`)
	for i, row := range sampleRows {
		fmt.Fprintf(&rows, `<row r="%d">`, i+3)
		for j, c := range row {
			cell(fmt.Sprintf("%c%d", 'A'+j, i+3), c)
		}
		rows.WriteString(`</row>`)
	}
	return Zip(XlsxParts(rows.String(), strs)...)
}

// sheetNumber is s ("85,5", "1.234") as a spreadsheet stores it.
func sheetNumber(s string) (string, bool) {
	t := strings.ReplaceAll(strings.ReplaceAll(s, ".", ""), ",", ".")
	if t == "" || strings.Trim(t, "0123456789.") != "" {
		return "", false
	}
	return t, true
}

const odfNS = `xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.2"`

// OdfParts are the parts of an OpenDocument text (kind "text") or
// spreadsheet ("spreadsheet") whose office:body holds body (no
// content.xml when body is "").
func OdfParts(kind, body string) []Part {
	mt := "application/vnd.oasis.opendocument." + kind
	parts := []Part{
		{"mimetype", mt},
		{"META-INF/manifest.xml", xmlDecl + `<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="` + mt + `"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`},
	}
	if body != "" {
		parts = append(parts, Part{"content.xml", OdfHead(kind) + body + OdfTail(kind)})
	}
	return parts
}

// OdfHead and OdfTail enclose the content of an OpenDocument body.
func OdfHead(kind string) string {
	return xmlDecl + `<office:document-content ` + odfNS + `><office:body><office:` + kind + `>`
}

// OdfTail closes what OdfHead opened.
func OdfTail(kind string) string {
	return `</office:` + kind + `></office:body></office:document-content>`
}

func odfTable() string {
	var b strings.Builder
	b.WriteString(`<table:table table:name="Bảng 1"><table:table-column table:number-columns-repeated="4"/>`)
	for _, row := range sampleRows {
		b.WriteString(`<table:table-row>`)
		for _, c := range row {
			if v, ok := sheetNumber(c); ok {
				fmt.Fprintf(&b, `<table:table-cell office:value-type="float" office:value="%s"><text:p>%s</text:p></table:table-cell>`, v, c)
			} else {
				b.WriteString(`<table:table-cell office:value-type="string"><text:p>` + html.EscapeString(c) + `</text:p></table:table-cell>`)
			}
		}
		b.WriteString(`</table:table-row>`)
	}
	b.WriteString(`</table:table>`)
	return b.String()
}

// Odt is the sample report as an OpenDocument text.
func Odt() []byte {
	var b strings.Builder
	b.WriteString(`<text:h text:outline-level="1">` + html.EscapeString(sampleTitle) + `</text:h>`)
	for _, p := range sampleParas {
		b.WriteString(`<text:p>` + html.EscapeString(p) + `</text:p>`)
	}
	b.WriteString(odfTable())
	return Zip(OdfParts("text", b.String())...)
}

// Ods is the sample report's table as an OpenDocument spreadsheet.
func Ods() []byte { return Zip(OdfParts("spreadsheet", odfTable())...) }
