package main

import (
	"fmt"
	"strings"

	"chiso/doc"
)

// renderWordHTML writes d as Word writes "Save as Web Page": Office XML
// namespaces, conditional comments, MsoNormal paragraphs with <o:p>, runs
// split inside words and numbers, &nbsp; for empty cells, one <p> per line
// of a cell, and spans and widths as attributes. Readers must see through
// all of it to the same cells as the plain HTML.
func renderWordHTML(d *doc.Document) []byte {
	var b strings.Builder
	b.WriteString(`<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns:m="http://schemas.microsoft.com/office/2004/12/omml"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<meta name=Originator content="Microsoft Word 15">
<!--[if gte mso 9]><xml>
 <o:DocumentProperties>
  <o:Author>Phòng Văn hóa và Thông tin</o:Author>
  <o:Pages>1</o:Pages>
 </o:DocumentProperties>
</xml><![endif]-->
<style>
<!--
 /* Style Definitions */
 p.MsoNormal, li.MsoNormal, div.MsoNormal
	{margin:0in;
	font-size:13.0pt;
	font-family:"Times New Roman",serif;}
table.MsoTableGrid
	{border:solid windowtext 1.0pt;}
-->
</style>
</head>

<body lang=EN-US style='tab-interval:.5in'>

<div class=WordSection1>

`)
	for _, blk := range d.Blocks {
		if blk.Kind == doc.TableKind && blk.Table != nil {
			writeWordTable(&b, blk.Table)
			continue
		}
		for _, line := range strings.Split(blk.Text, "\n") {
			fmt.Fprintf(&b, "<p class=MsoNormal style='text-align:justify'><span lang=VI style='font-size:13.0pt'>%s<o:p></o:p></span></p>\n\n", wordRuns(line))
		}
	}
	b.WriteString("<p class=MsoNormal><o:p>&nbsp;</o:p></p>\n\n</div>\n\n</body>\n\n</html>\n")
	return []byte(b.String())
}

func writeWordTable(b *strings.Builder, t *doc.Table) {
	b.WriteString("<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0\n style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt'>\n")
	for r, row := range t.Rows {
		fmt.Fprintf(b, " <tr style='mso-yfti-irow:%d'>\n", r)
		for _, c := range row {
			b.WriteString("  <td valign=top")
			rs, cs := c.Span()
			if rs > 1 {
				fmt.Fprintf(b, " rowspan=%d", rs)
			}
			if cs > 1 {
				fmt.Fprintf(b, " colspan=%d", cs)
			}
			fmt.Fprintf(b, " width=%d style='width:%.1fpt;border:solid windowtext 1.0pt;\n  padding:0in 5.4pt 0in 5.4pt'>\n", 64*cs, 48.0*float64(cs))
			if c.Text == "" {
				b.WriteString("  <p class=MsoNormal><span lang=VI><o:p>&nbsp;</o:p></span></p>\n")
			}
			for _, line := range strings.Split(c.Text, "\n") {
				if c.Text == "" {
					break
				}
				fmt.Fprintf(b, "  <p class=MsoNormal align=center style='text-align:center'><span\n  lang=VI style='font-size:10.0pt'>%s<o:p></o:p></span></p>\n", wordRuns(line))
			}
			b.WriteString("  </td>\n")
		}
		b.WriteString(" </tr>\n")
	}
	b.WriteString("</table>\n\n")
}

// wordRuns escapes s the way Word does (only &, <, > and runs of spaces) and
// splits the run where Word tends to: after the first comma or dot inside a
// number ("78," + "23 %").
func wordRuns(s string) string {
	var b strings.Builder
	split := false
	rs := []rune(s)
	for i, r := range rs {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case ' ':
			if i+1 < len(rs) && rs[i+1] == ' ' {
				b.WriteString("&nbsp;")
			} else {
				b.WriteRune(r)
			}
		default:
			b.WriteRune(r)
		}
		if !split && (r == ',' || r == '.') && i > 0 && isDigit(rs[i-1]) && i+1 < len(rs) && isDigit(rs[i+1]) {
			b.WriteString("</span><span lang=VI style='font-size:10.0pt'>")
			split = true
		}
	}
	return b.String()
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }
