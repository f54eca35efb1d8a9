package docx

import (
	"fmt"
	"slices"
	"testing"
)

// lvl writes a w:lvl.
func lvl(ilvl int, start int, format, text, extra string) string {
	return fmt.Sprintf(`<w:lvl w:ilvl="%d"><w:start w:val="%d"/><w:numFmt w:val="%s"/><w:lvlText w:val="%s"/>%s</w:lvl>`,
		ilvl, start, format, text, extra)
}

// The lists of a district scoring sheet: Roman groups, numbered
// indicators, lettered components, dotted sub-indicators; a bullet list;
// a legal-style list starting at 5.
var testNumbering = numberingPart(
	`<w:abstractNum w:abstractNumId="10">` +
		lvl(0, 1, "upperRoman", "%1.", "") +
		lvl(1, 1, "decimal", "%2", `<w:suff w:val="nothing"/>`) +
		lvl(2, 1, "lowerLetter", "%3)", `<w:suff w:val="space"/>`) +
		lvl(3, 1, "decimal", "%2.%4", "") +
		`</w:abstractNum>` +
		`<w:abstractNum w:abstractNumId="20">` + lvl(0, 1, "bullet", "\uf0b7", "") + `</w:abstractNum>` +
		`<w:abstractNum w:abstractNumId="30">` +
		lvl(0, 5, "upperRoman", "%1.", "") +
		lvl(1, 1, "decimal", "%1.%2.", `<w:isLgl/>`) +
		lvl(2, 1, "lowerRoman", "(%3)", `<w:lvlRestart w:val="0"/>`) +
		`</w:abstractNum>` +
		`<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>` +
		`<w:num w:numId="2"><w:abstractNumId w:val="10"/></w:num>` +
		`<w:num w:numId="3"><w:abstractNumId w:val="10"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>` +
		`<w:num w:numId="4"><w:abstractNumId w:val="20"/></w:num>` +
		`<w:num w:numId="5"><w:abstractNumId w:val="30"/></w:num>` +
		`<w:num w:numId="6"><w:abstractNumId w:val="10"/><w:lvlOverride w:ilvl="1">` + lvl(1, 1, "upperLetter", "%2.", "") + `</w:lvlOverride></w:num>`)

var testStyles = stylesPart(
	`<w:style w:type="paragraph" w:styleId="ListBase"><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="ListSTT"><w:basedOn w:val="ListBase"/></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Loop1"><w:basedOn w:val="Loop2"/></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Loop2"><w:basedOn w:val="Loop1"/></w:style>`)

// num is a paragraph with direct numbering and text.
func num(numID, ilvl int, text string) string {
	return fmt.Sprintf(`<w:p><w:pPr><w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr></w:pPr>%s</w:p>`, ilvl, numID, r(text))
}

// styled is a paragraph numbered through its style.
func styled(style, text string) string {
	return `<w:p><w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>` + r(text) + `</w:p>`
}

func TestNumbering(t *testing.T) {
	parts := []part{
		{"word/_rels/document.xml.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="/word/styles.xml"/>` +
			`</Relationships>`},
		{"word/numbering.xml", testNumbering},
		{"word/styles.xml", testStyles},
	}
	// An STT column numbered by Word: each cell holds only the list
	// paragraph; the label is all there is to read.
	stt := func(numID, ilvl int) string { return tr(tc(num(numID, ilvl, "")), tc(p(r("x")))) }
	body := tbl(
		stt(1, 0),  // I.
		stt(1, 1),  // 1
		stt(1, 2),  // a)
		stt(1, 2),  // b)
		stt(1, 1),  // 2: level 2 restarts below it
		stt(1, 3),  // 2.1
		stt(1, 2),  // a)
		stt(2, 0),  // II.: another w:num of the same list continues it
		stt(2, 1),  // 1
		stt(3, 0),  // I.: a start override restarts the list
		stt(4, 0),  // -
		stt(0, 0),  // numId 0 removes numbering
		stt(99, 0), // undefined list: no label
	) +
		num(5, 0, "Mục năm") + // V.
		num(5, 1, "Mục con") + // 5.1. (legal: decimal)
		num(5, 2, "i") +
		num(5, 0, "Mục sáu") + // VI.
		num(5, 2, "ii") + // (ii): lvlRestart 0 never restarts
		styled("ListSTT", "Theo kiểu") + // VII. (style via basedOn)
		styled("Loop1", "vòng") + // basedOn loop: no numbering, no hang
		num(6, 1, "Chữ") // A.
	d, err := read(t, docx(t, body, parts...))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, row := range d.Blocks[0].Table.Rows {
		got = append(got, row[0].Text)
	}
	want := []string{"I.", "1", "a)", "b)", "2", "2.1", "a)", "II.", "1", "I.", "-", "", ""}
	if !slices.Equal(got, want) {
		t.Errorf("STT column:\n got %q\nwant %q", got, want)
	}
	got = render(d)[1:]
	want = []string{"p: V.\tMục năm", "p: 5.1.\tMục con", "p: (i)\ti", "p: VI.\tMục sáu", "p: (ii)\tii",
		"p: VII.\tTheo kiểu", "p: vòng", "p: A.\tChữ"}
	if !slices.Equal(got, want) {
		t.Errorf("paragraphs:\n got %q\nwant %q", got, want)
	}
}

// TestNumberingFound checks that numbering.xml is found without the main
// part's relationships (by content type, then by name), and that a
// damaged one costs only the labels.
func TestNumberingFound(t *testing.T) {
	body := num(5, 0, "x")
	ct := `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
		`<Override PartName="/word/lists.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>`
	tests := []struct {
		name    string
		parts   []part
		want    string
		warning bool
	}{
		{"by name", []part{{"[Content_Types].xml", contentTypes}, {"_rels/.rels", rels("word/document.xml")},
			{"word/document.xml", document(body)}, {"word/numbering.xml", testNumbering}}, "p: V.\tx", false},
		{"by content type", []part{{"[Content_Types].xml", ct}, {"word/document.xml", document(body)},
			{"word/lists.xml", testNumbering}}, "p: V.\tx", false},
		{"damaged", []part{{"[Content_Types].xml", contentTypes}, {"_rels/.rels", rels("word/document.xml")},
			{"word/document.xml", document(body)}, {"word/numbering.xml", "<w:numbering>"}}, "p: x", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := read(t, pack(t, tt.parts...))
			if err != nil {
				t.Fatal(err)
			}
			if got := render(d); len(got) != 1 || got[0] != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if (len(d.Warnings) > 0) != tt.warning {
				t.Errorf("warnings %q, want some: %v", d.Warnings, tt.warning)
			}
		})
	}
}

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		n      int
		format string
		want   string
	}{
		{1, "decimal", "1"}, {3, "decimalZero", "03"}, {12, "decimalZero", "12"},
		{1, "lowerLetter", "a"}, {26, "lowerLetter", "z"}, {27, "lowerLetter", "aa"}, {28, "upperLetter", "BB"},
		{4, "upperRoman", "IV"}, {9, "lowerRoman", "ix"}, {14, "upperRoman", "XIV"}, {1990, "upperRoman", "MCMXC"},
		{0, "upperRoman", "0"}, {5000, "upperRoman", "5000"}, {1 << 30, "lowerLetter", "1073741824"},
		{2, "vietnameseCounting", "2"}, {2, "none", ""},
	}
	for _, tt := range tests {
		if got := formatNumber(tt.n, tt.format); got != tt.want {
			t.Errorf("formatNumber(%d, %q) = %q, want %q", tt.n, tt.format, got, tt.want)
		}
	}
}
