package main

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"chiso/doc"
	"chiso/vntext"
)

func TestRenderHTML(t *testing.T) {
	tests := []struct {
		name string
		doc  *doc.Document
		head int
		want []string // fragments the page must hold, in order
	}{
		{
			name: "escaping and line breaks",
			doc:  &doc.Document{Blocks: []doc.Block{para("a < b & c\nd"), table(row("x\"y", "1\n2"))}},
			want: []string{"<p>a &lt; b &amp; c<br>d</p>", "<td>x&#34;y</td><td>1<br>2</td>"},
		},
		{
			name: "spans",
			doc:  &doc.Document{Blocks: []doc.Block{table([]doc.Cell{merge("STT", 2, 1), merge("Số liệu", 1, 2)}, row("2022", "2023"))}},
			want: []string{`<td rowspan="2">STT</td><td colspan="2">Số liệu</td></tr>`, "<tr><td>2022</td><td>2023</td></tr>"},
		},
		{
			name: "header rows",
			doc:  &doc.Document{Blocks: []doc.Block{table(row("STT"), row("1"), row("2"))}},
			head: 1,
			want: []string{"<thead>\n<tr><td>STT</td></tr>\n</thead>\n<tbody>\n<tr><td>1</td></tr>\n<tr><td>2</td></tr>\n</tbody>\n</table>"},
		},
		{
			name: "no header rows",
			doc:  &doc.Document{Blocks: []doc.Block{table(row("STT"), row("1"))}},
			want: []string{"<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\">\n<tr><td>STT</td></tr>\n<tr><td>1</td></tr>\n</table>"},
		},
		{
			name: "wide table on landscape pages",
			doc:  &doc.Document{Blocks: []doc.Block{table(row("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13"))}},
			want: []string{"<style>\n@page { size: 29.7cm 21cm;"},
		},
		{
			// Seed 004's group rows have fewer cells than the header.
			name: "short rows padded",
			doc:  &doc.Document{Blocks: []doc.Block{table(row("STT", "Chỉ số", "Điểm"), row("I", "THÔNG TIN CHUNG"))}},
			want: []string{"<tr><td>I</td><td>THÔNG TIN CHUNG</td><td></td></tr>"},
		},
		{
			name: "rowspan counts in the rows below",
			doc:  &doc.Document{Blocks: []doc.Block{table([]doc.Cell{merge("1", 2, 1), merge("a", 1, 1)}, row("b"))}},
			want: []string{"<tr><td>b</td></tr>"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(renderHTML(tt.doc, "t", tt.head))
			if !strings.Contains(got, `<meta charset="utf-8">`) {
				t.Errorf("no charset in\n%s", got)
			}
			if wide := widest(tt.doc) > landscapeColumns; wide != strings.Contains(got, "@page") {
				t.Errorf("%d columns, but @page rule present = %v", widest(tt.doc), !wide)
			}
			rest := got
			for _, w := range tt.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("missing %q in\n%s", w, got)
				}
				rest = rest[i+len(w):]
			}
		})
	}
}

func TestRenderText(t *testing.T) {
	got, err := renderText(&doc.Document{Blocks: []doc.Block{para("Tiêu đề"), table(row("STT", "Chỉ số"), row("1", ""))}})
	if err != nil {
		t.Fatal(err)
	}
	if want := "Tiêu đề\n\nSTT\tChỉ số\n1\t\n\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	for _, bad := range []*doc.Document{
		{Blocks: []doc.Block{table([]doc.Cell{merge("x", 1, 2)})}},
		{Blocks: []doc.Block{table(row("a\tb"))}},
		{Blocks: []doc.Block{table(row("a\nb"))}},
	} {
		if _, err := renderText(bad); err == nil {
			t.Errorf("no error for %q", bad.Blocks[0].Table.Rows[0][0].Text)
		}
	}
}

// TestEncodeLegacy checks the tables against the mojibake every Vietnamese
// user knows, written here as Latin-1 text.
func TestEncodeLegacy(t *testing.T) {
	tests := []struct {
		name  string
		table map[rune]string
		in    string
		want  string // the bytes read as Latin-1
	}{
		{"tcvn3", tcvn3, "Cộng hoà xã hội chủ nghĩa Việt Nam", "Céng hoµ x· héi chñ nghÜa ViÖt Nam"},
		{"tcvn3", tcvn3, "Độc lập - Tự do - Hạnh phúc", "§éc lËp - Tù do - H¹nh phóc"},
		{"tcvn3", tcvn3, "Báo cáo\nphường", "B¸o c¸o\r\nph\u00adêng"},
		{"vni", vni, "Cộng hoà xã hội chủ nghĩa Việt Nam", "Coäng hoaø xaõ hoäi chuû nghóa Vieät Nam"},
		{"vni", vni, "Độc lập - Tự do - Hạnh phúc", "Ñoäc laäp - Töï do - Haïnh phuùc"},
		{"vni", vni, "Báo cáo kết quả chuyển đổi số", "Baùo caùo keát quaû chuyeån ñoåi soá"},
	}
	for _, tt := range tests {
		got, err := encode(tt.in, tt.table)
		if err != nil {
			t.Errorf("%s %q: %v", tt.name, tt.in, err)
			continue
		}
		s, _ := charmap.ISO8859_1.NewDecoder().Bytes(got)
		if string(s) != tt.want {
			t.Errorf("%s %q = %q, want %q", tt.name, tt.in, s, tt.want)
		}
	}
	if _, err := encode("Ủy ban", tcvn3); err == nil {
		t.Error("a capital with a tone mark encoded in TCVN3 without an H font")
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 968: "968", 1000: "1.000", 11781: "11.781", 1234567: "1.234.567"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestLegacyAgrees checks that package vntext's encoders, which write the
// legacy fixtures, agree with the hand-checked tables on the fixture text.
func TestLegacyAgrees(t *testing.T) {
	text, err := renderText(legacyReport())
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name  string
		table map[rune]string
		vn    func(string) string
	}{{"TCVN3", tcvn3, vntext.ToTCVN3}, {"VNI", vni, vntext.ToVNI}} {
		want, err := encode(text, tt.table)
		if err != nil {
			t.Fatal(err)
		}
		got, err := latin1(tt.vn(text))
		if err != nil {
			t.Fatal(err)
		}
		got = crlf(got)
		if string(got) != string(want) {
			t.Errorf("vntext.To%s disagrees with the hand-checked table:\n got %q\nwant %q", tt.name, got, want)
		}
	}
}

func TestTyped(t *testing.T) {
	tests := []struct {
		in   string
		v    any
		code string
	}{
		{"2023", int64(2023), "0"},
		{"0", int64(0), "0"},
		{"01", nil, ""},
		{"11.781", 11781.0, "#,##0"},
		{"1.234,50", 1234.5, "#,##0.00"},
		{"0,72", 0.72, "0.00"},
		{"78,23%", 0.7823, "0.00%"},
		{"100%", 1.0, "0%"},
		{"78,23 %", nil, ""},
		{"1.2", nil, ""},
		{"79/QĐ-UBND", nil, ""},
	}
	for _, tt := range tests {
		v, code := typed(tt.in)
		if f, ok := v.(float64); ok {
			if w, _ := tt.v.(float64); f-w > 1e-12 || w-f > 1e-12 {
				t.Errorf("typed(%q) = %v, want %v", tt.in, v, tt.v)
			}
		} else if v != tt.v {
			t.Errorf("typed(%q) = %v, want %v", tt.in, v, tt.v)
		}
		if code != tt.code {
			t.Errorf("typed(%q) format %q, want %q", tt.in, code, tt.code)
		}
	}
}

func TestRenderMarkdown(t *testing.T) {
	d := &doc.Document{Blocks: []doc.Block{para("a*b"), table([]doc.Cell{merge("STT", 2, 1), merge("Số|liệu", 1, 2)}, row("2022", "1\n2"))}}
	want := "a\\*b\n\n| STT | Số\\|liệu | Số\\|liệu |\n| --- | --- | --- |\n| STT | 2022 | 1<br>2 |\n\n"
	if got := string(renderMarkdown(d)); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestSeparateTables(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<table></table>\n<table></table>", "<table></table>\n<p>&nbsp;</p>\n<table></table>"},
		{"<table></table><p>x</p><table></table>", "<table></table><p>x</p><table></table>"},
		{"<table></table></table><table>", "<table></table></table><p>&nbsp;</p><table>"},
	}
	for _, tt := range tests {
		if got := string(separateTables([]byte(tt.in))); got != tt.want {
			t.Errorf("separateTables(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
