package rtf

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"chiso/doc"
	"chiso/internal/doctest"
	"chiso/vntext"
)

// render is doctest.Render with the paragraphs composed (NFC): RTF
// spells a letter and its accent apart.
func render(d *doc.Document) []string {
	out := doctest.Render(d)
	for i, l := range out {
		if strings.HasPrefix(l, "p: ") {
			out[i] = norm.NFC.String(l)
		}
	}
	return out
}

const fonts = `{\fonttbl{\f0\fswiss\fcharset0 Arial;}{\f1\froman\fcharset163 Times New Roman;}{\f2\fnil .VnTime{\*\falt Times};}{\f3\fnil .VnTimeH;}{\f4\fnil VNI-Times;}}`

// hex writes Latin-1 text as \'xx escapes above ASCII, as Word writes a
// legacy font's codes.
func hex(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 0x80 {
			b.WriteRune(r)
			continue
		}
		b.WriteString(`\'` + strings.ToLower(string("0123456789ABCDEF"[r>>4])+string("0123456789ABCDEF"[r&15])))
	}
	return b.String()
}

func TestRead(t *testing.T) {
	tests := []struct {
		name, rtf string
		want      []string
	}{
		{"unicode escapes with fallbacks", `{\rtf1\ansi\uc1 B\u7896?o c\u225\'e1o\par}`, []string{"p: BỘo cáo"}},
		{"code page 1258", `{\rtf1\ansi\ansicpg1258 ` + fonts + `\f0 Ba\'cco c\'e3\'dec\par}`, []string{"p: Bào cẵc"}},
		{"Vietnamese font charset", `{\rtf1\ansi ` + fonts + `\f1 \'d0\'e3\par}`, []string{"p: Đă"}},
		{"TCVN3 font", `{\rtf1\ansi ` + fonts + `\f2 ` + hex(vntext.ToTCVN3("Báo cáo tháng")) + `\f0  v\'e0 \f3 ` + hex(vntext.ToTCVN3("có")) + `\par}`, []string{"p: Báo cáo tháng và CÓ"}},
		{"VNI font", `{\rtf1\ansi ` + fonts + `\f4 ` + hex(vntext.ToVNI("Báo cáo")) + `\par}`, []string{"p: Báo cáo"}},
		{"skipped destinations and a field result", `{\rtf1{\info{\title x}}{\header H}{\*\generator g;}A{\field{\*\fldinst PAGE}{\fldrslt 3}}{\footnote n}\par}`, []string{"p: A3"}},
		{"table with merges", `{\rtf1 T\par` +
			`\trowd\clvmgf\cellx1000\clmgf\cellx2000\clmrg\cellx3000\intbl STT\cell S\uc1\u7889\'f4 li\u7879?u\cell\cell\row` +
			`\trowd\clvmrg\cellx1000\cellx2000\cellx3000\intbl\cell 2022\cell 2023\cell\row` +
			`\trowd\cellx1000\cellx3000\intbl 1\cell a\par b\cell\row` +
			`\pard Sau\par}`,
			[]string{"p: T", "t: STT^2x1 | Số liệu^1x2 / 2022 | 2023 / 1 | a\nb^1x2", "p: Sau"}},
		{"nested table", `{\rtf1\trowd\cellx1000\cellx2000\intbl x\nestcell y\nestcell{\*\nesttableprops\trowd\cellx500\nestrow}{\nonesttables\par}\nestrow\cell z\cell\row}`,
			[]string{"t: x | y | z"}},
		{"cut short", `{\rtf1 a\par b`, []string{"p: a", "p: b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Read([]byte(tt.rtf))
			if err != nil {
				t.Fatal(err)
			}
			if got := render(d); strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

func TestBad(t *testing.T) {
	tests := []struct{ name, rtf, want string }{
		{"empty", "", "empty file"},
		{"not rtf", "hello", "not an RTF document"},
		{"deep", "{\\rtf1" + strings.Repeat("{", 5000), "groups nested deeper than 1000"},
		{"extra close", "{\\rtf1}}", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read([]byte(tt.rtf))
			if tt.want == "" {
				if err != nil {
					t.Errorf("error %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
}
