package vntext

import (
	"testing"
	"unicode/utf8"
)

func TestClean(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"Báo cáo", "Báo cáo"},
		{"  Báo   cáo \t số 5  ", "Báo cáo số 5"},
		// Tone marks typed as separate characters ("tổ hợp").
		{"Ba\u0301o ca\u0301o", "Báo cáo"},
		{"chuyê\u0309n đô\u0309i", "chuyển đổi"},
		{"a\u0323", "ạ"},
		{"ơ\u0300", "ờ"},
		{"u\u031b\u0301", "ứ"},
		// Tone before the circumflex or breve: NFC alone leaves "á" + U+0302.
		{"a\u0301\u0302", "ấ"},
		{"e\u0303\u0302", "ễ"},
		{"a\u0309\u0306", "ẳ"},
		{"A\u0300\u0302", "Ầ"},
		// Deprecated tone marks U+0340/U+0341, and windows-1258 text: base
		// or shaped letter, then the tone.
		{"a\u0341 a\u0340", "á à"},
		{"Vi\u00ea\u0323t", "Việt"},
		{"\u01b0\u0300", "ừ"},
		{"o\u0301\u031b", "ớ"}, // horn typed after the tone
		{"o\u0323\u0302", "ộ"},
		// Odd spaces and invisible characters.
		{"100\u00a0%", "100 %"},
		{"a\u2003b\u202fc\u3000d", "a b c d"},
		{"\ufeffTổng\u200b số\u00ad", "Tổng số"},
		{"x\u200d\u0301", "x\u0301"},
		{"dòng 1\r\ndòng 2\rdòng 3\vdòng 4\u2028dòng 5", "dòng 1\ndòng 2\ndòng 3\ndòng 4\ndòng 5"},
		{"a\x00b\x1bc", "abc"},
		// Lines trimmed, empty lines dropped, single breaks kept.
		{"\n\n  a  \n  b \n\n\n\nc\n\n", "a\nb\nc"},
		{"a\n\nb", "a\nb"},
		// HTML remnants from seed 000.
		{"<p>- a = Số người</p> <p>- b = Tổng dân số</p> <p>- Tỷ số = a/b</p>",
			"- a = Số người\n- b = Tổng dân số\n- Tỷ số = a/b"},
		{"trực tuyến (<i>áp dụng</i>)", "trực tuyến (áp dụng)"},
		{"a&nbsp;b &amp; c", "a b & c"},
		{"dòng<br>dòng<br/>dòng<BR />x", "dòng\ndòng\ndòng\nx"},
		{`<span style="font-size:12pt">Có</span><o:p></o:p>`, "Có"},
		{"<!-- comment -->Có", "Có"},
		{"&lt;p&gt;", ""},
		{"&amp;lt;b&amp;gt;x", "x"},
		// Not markup.
		{"x<80%", "x<80%"},
		{"a<b và c>d", "a<b và c>d"},
		{"0 < x > 1", "0 < x > 1"},
		{"<foo>", "<foo>"},
		{"R&D; AT&T", "R&D; AT&T"},
		{"&notit;", "&notit;"},
		// Invalid UTF-8.
		{"a\xffb", "a\ufffdb"},
	}
	for _, tt := range tests {
		got := Clean(tt.in)
		if got != tt.want {
			t.Errorf("Clean(%+q) = %+q, want %+q", tt.in, got, tt.want)
		}
		if again := Clean(got); again != got {
			t.Errorf("Clean not idempotent on %+q: %+q then %+q", tt.in, got, again)
		}
	}
}

func TestCleanNoAlloc(t *testing.T) {
	for _, s := range []string{
		"Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến",
		"STT\nChỉ số thành phần",
		"78.23 %",
	} {
		if n := testing.AllocsPerRun(100, func() { _ = Clean(s) }); n != 0 {
			t.Errorf("Clean(%q) allocates %v times, want 0", s, n)
		}
		if !isClean(s) {
			t.Errorf("isClean(%q) = false, want true", s)
		}
	}
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{
		"Báo cáo", "<p>a</p> <p>b</p>", "a\u0301\u0302", "&amp;lt;p&amp;gt;", "x<80%",
		" \n\n a\u00a0\u200b b\r\n", "\xff\xfe", "ư\u0309",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := Clean(s)
		if !utf8.ValidString(c) {
			t.Fatalf("Clean(%+q) = %+q, not valid UTF-8", s, c)
		}
		if cc := Clean(c); cc != c {
			t.Fatalf("Clean not idempotent on %+q: %+q then %+q", s, c, cc)
		}
		if isClean(s) && c != s {
			t.Fatalf("isClean(%+q) is true but Clean changes it to %+q", s, c)
		}
	})
}
