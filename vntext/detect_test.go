package vntext

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"chiso/internal/material"
)

// vietLower is every lower-case Vietnamese letter with a diacritic, by
// vowel and in the tone order huyền, hỏi, ngã, sắc, nặng.
const vietLower = "àảãáạ ăằẳẵắặ âầẩẫấậ èẻẽéẹ êềểễếệ ìỉĩíị òỏõóọ ôồổỗốộ ơờởỡớợ ùủũúụ ưừửữứự ỳỷỹýỵ đ"

// latin1 returns the bytes of b as the runes a Latin-1 reader makes of them.
func latin1(b string) string {
	rs := make([]rune, len(b))
	for i := 0; i < len(b); i++ {
		rs[i] = rune(b[i])
	}
	return string(rs)
}

func letters(s string) []string {
	var out []string
	for _, r := range strings.ReplaceAll(s, " ", "") {
		out = append(out, string(r))
	}
	return out
}

func TestVietLetters(t *testing.T) {
	if n := len(letters(vietLower)); n != 67 {
		t.Fatalf("vietLower has %d letters, want 67", n)
	}
}

func TestTCVN3RoundTrip(t *testing.T) {
	for _, l := range letters(vietLower) {
		enc := ToTCVN3(l)
		if utf8.RuneCountInString(enc) != 1 || []rune(enc)[0] < 0xa1 || []rune(enc)[0] > 0xfe {
			t.Errorf("ToTCVN3(%q) = %+q, want one code in A1–FE", l, enc)
		}
		if got := FromTCVN3(enc); got != l {
			t.Errorf("FromTCVN3(ToTCVN3(%q)) = %q", l, got)
		}
		u := strings.ToUpper(l)
		if got := FromTCVN3Upper(ToTCVN3(u)); got != u {
			t.Errorf("FromTCVN3Upper(ToTCVN3(%q)) = %q", u, got)
		}
	}
	for _, u := range letters("Ă Â Ê Ô Ơ Ư Đ") {
		if got := FromTCVN3(ToTCVN3(u)); got != u {
			t.Errorf("FromTCVN3(ToTCVN3(%q)) = %q", u, got)
		}
	}
	codes := 0
	for b := 0xa1; b <= 0xfe; b++ {
		s := latin1(string([]byte{byte(b)}))
		u := FromTCVN3(s)
		if u == s && b != 0xfd { // ý is ý in both
			continue
		}
		codes++
		if back := ToTCVN3(u); back != s {
			t.Errorf("ToTCVN3(FromTCVN3(%#x)) = %+q (from %q)", b, back, u)
		}
	}
	if codes != 67+7 {
		t.Errorf("TCVN3 has %d letter codes, want 74", codes)
	}
}

func TestVNIRoundTrip(t *testing.T) {
	for _, l := range letters(vietLower) {
		for _, c := range []string{l, strings.ToUpper(l)} {
			enc := ToVNI(c)
			for _, r := range enc {
				if r > 0xff {
					t.Errorf("ToVNI(%q) = %+q, not Latin-1", c, enc)
				}
			}
			if got := FromVNI(enc); got != c {
				t.Errorf("FromVNI(ToVNI(%q)) = %q (via %+q)", c, got, enc)
			}
			if back := ToVNI(FromVNI(enc)); back != enc {
				t.Errorf("ToVNI(FromVNI(%+q)) = %+q", enc, back)
			}
		}
	}
}

// The byte literals below are written by hand from the published code
// charts: TCVN3 (TCVN 5712:1993 VN3) one byte per lower-case letter, laid
// out by vowel as in the comment on tcvn3Table; VNI-Windows an ASCII base
// letter and one modifier byte (F9 sắc, F8 huyền, FB hỏi, F5 ngã, EF nặng;
// E2 ^, E1/E0/E5/E3/E4 ^ with sắc/huyền/hỏi/ngã/nặng; EA ˘, E9/E8/FA/FC/EB
// ˘ with a tone; capitals 0x20 lower) and single bytes for ơ F4, ư F6,
// đ F1, í ED, ì EC, ỉ E6, ĩ F3, ị F2, ỵ EE.
var legacySentences = []struct {
	enc  Legacy
	raw  string // bytes in the legacy encoding
	want string
}{
	{TCVN3, "B\xb8o c\xb8o k\xd5t qu\xb6 chuy\xd3n \xae\xe6i s\xe8 qu\xfd III n\xa8m 2023 c\xf1a \xf1y ban nh\xa9n d\xa9n qu\xcbn",
		"Báo cáo kết quả chuyển đổi số quý III năm 2023 của ủy ban nhân dân quận"},
	{TCVN3, "C\xe9ng h\xdfa x\xb7 h\xe9i ch\xf1 ngh\xdca Vi\xd6t Nam - \xa7\xe9c l\xcbp - T\xf9 do - H\xb9nh ph\xf3c",
		"Cộng hòa xã hội chủ nghĩa Việt Nam - Độc lập - Tự do - Hạnh phúc"},
	{TCVN3, "T\xfb l\xd6 h\xe5 s\xac th\xf1 t\xf4c h\xb5nh ch\xddnh \xae\xad\xeec x\xf6 l\xfd tr\xf9c tuy\xd5n",
		"Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến"},
	{TCVN3, "\xae\xd6t m\xe7i n\xa8m, ng\xad\xeai d\xa9n h\xe7 tr\xee k\xfc thu\xcbt, nh\xf7ng v\xdfng \xbe\xbb\xbc\xbd\xc6",
		"đệt mỗi năm, người dân hỗ trợ kỹ thuật, những vòng ắằẳẵặ"},
	{VNI, "Ba\xf9o ca\xf9o ke\xe1t qua\xfb chuye\xe5n \xf1o\xe5i so\xe1 quy\xf9 III na\xeam 2023 cu\xfba U\xdby ban nha\xe2n da\xe2n qua\xe4n",
		"Báo cáo kết quả chuyển đổi số quý III năm 2023 của Ủy ban nhân dân quận"},
	{VNI, "Co\xe4ng ho\xf8a xa\xf5 ho\xe4i chu\xfb ngh\xf3a Vie\xe4t Nam - \xd1o\xe4c la\xe4p - T\xf6\xef do - Ha\xefnh phu\xf9c",
		"Cộng hòa xã hội chủ nghĩa Việt Nam - Độc lập - Tự do - Hạnh phúc"},
	{VNI, "CO\xc4NG HO\xd8A XA\xd5 HO\xc4I CHU\xdb NGH\xd3A VIE\xc4T NAM, \xd1\xd6\xd4\xd8NG",
		"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM, ĐƯỜNG"},
	{VNI, "Ty\xfb le\xe4 ho\xe0 s\xf4 thu\xfb tu\xefc ha\xf8nh ch\xednh \xf1\xf6\xf4\xefc x\xf6\xfb ly\xf9 tr\xf6\xefc tuye\xe1n",
		"Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến"},
	{VNI, "ba\xe9t ba\xe8ng ha\xfan a\xfc \xf1a\xebt t\xe6nh \xf1\xf2a M\xee ng\xf6\xf4\xf8i",
		"bắt bằng hẳn ẵ đặt tỉnh địa Mỵ người"},
}

func TestLegacySentences(t *testing.T) {
	for _, tt := range legacySentences {
		s := latin1(tt.raw)
		var got, back string
		switch tt.enc {
		case TCVN3:
			got, back = FromTCVN3(s), ToTCVN3(tt.want)
		case VNI:
			got, back = FromVNI(s), ToVNI(tt.want)
		}
		if got != tt.want {
			t.Errorf("From%v(%q) = %q, want %q", tt.enc, s, got, tt.want)
		}
		if back != s {
			t.Errorf("To%v(%q) = %+q, want %+q", tt.enc, tt.want, back, s)
		}
	}
}

func TestFromTCVN3Upper(t *testing.T) {
	// .VnTimeH text: plain capitals typed as ASCII, toned ones as the
	// lower-case codes.
	got := FromTCVN3Upper(latin1("C\xe9NG H\xdfA X\xb7 H\xe9I CH\xf1 NGH\xdcA VI\xd6T NAM"))
	if want := "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"; got != want {
		t.Errorf("FromTCVN3Upper = %q, want %q", got, want)
	}
}

func TestFromVNIEdges(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a\xe2\xf9", "ấ"},       // shape and tone as two bytes
		{"a\xf9\xe2", "ấ"},       // in either order
		{"A\xf9", "Á"},           // modifier case does not matter
		{"\xf9a b\xf9", "ùa bù"}, // no vowel before: kept
		{"u\xe2n", "uân"},        // ^ does not fit u
		{"o\xeam", "oêm"},        // ˘ fits a only
		{"a\xf9\xf8", "áø"},      // one tone only
		{"\xf6\xf4\xf9", "ướ"},
		{"\xd1\xc6", "ĐỈ"},
	}
	for _, tt := range tests {
		if got := FromVNI(latin1(tt.in)); got != tt.want {
			t.Errorf("FromVNI(%+q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// Runes beyond Latin-1 are kept.
	if got := FromVNI("Đường 5"); got != "Đường 5" {
		t.Errorf("FromVNI(Đường 5) = %q", got)
	}
}

func TestToVNIKeeps(t *testing.T) {
	for _, s := range []string{"ç", "ǹ", "ü", "–", "€", "Ω"} {
		if got := ToVNI(s); got != s {
			t.Errorf("ToVNI(%q) = %+q, want it kept", s, got)
		}
	}
}

func TestToTCVN3Capitals(t *testing.T) {
	// TCVN3 has no toned capitals: the H fonts' users typed lower-case codes.
	if got, want := ToTCVN3("ẤN ĐỘ Ă"), latin1("\xcaN \xa7\xe9 \xa1"); got != want {
		t.Errorf("ToTCVN3 = %+q, want %+q", got, want)
	}
}

func TestDetectLegacy(t *testing.T) {
	tests := []struct {
		in   string
		want Legacy
	}{
		{"", None},
		{"Báo cáo kết quả chuyển đổi số quý III năm 2023 của Ủy ban nhân dân quận", None},
		{"Hoà bình, hoá đơn, thuý, quân đội, tiên tiến, khoẻ mạnh, thuỷ lợi", None},
		{"The quick brown fox jumps over the lazy dog 1234567890", None},
		{"Où est le café? Noël à Israël, maïs et goût, le naïf héroïne août", None},
		{"Schöne Grüße aus München, Mädchen über Straße", None},
		{"Aún no sé dónde está el niño, España mañana", None},
		{"© 2023 «Quote» § 5 · 10 ® ¼ ½ ¾", None},
		{"100 % 78.23 % 9.295 hồ sơ", None},
		{latin1("B\xc3\xa1o c\xc3\xa1o k\xe1\xba\xbft qu\xe1\xba\xa3"), None}, // UTF-8 read as Latin-1
		{latin1("B\xb8o c\xb8o"), None},                                       // too few hits
	}
	for _, tt := range legacySentences[:len(legacySentences)-1] { // the last has too few hits
		tests = append(tests, struct {
			in   string
			want Legacy
		}{latin1(tt.raw), tt.enc})
	}
	for _, tt := range tests {
		if got := DetectLegacy(tt.in); got != tt.want {
			t.Errorf("DetectLegacy(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// TestDetectLegacySeeds runs DetectLegacy on every line of the real reports,
// as they are and converted to each legacy encoding.
func TestDetectLegacySeeds(t *testing.T) {
	files := material.Glob(t, "seeds/*.txt")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		if got := DetectLegacy(text); got != None {
			t.Errorf("%s: DetectLegacy = %v, want none", filepath.Base(f), got)
		}
		if got := DetectLegacy(ToTCVN3(text)); got != TCVN3 {
			t.Errorf("%s in TCVN3: DetectLegacy = %v", filepath.Base(f), got)
		}
		if got := DetectLegacy(ToVNI(text)); got != VNI {
			t.Errorf("%s in VNI: DetectLegacy = %v", filepath.Base(f), got)
		}
		var lines, wrong, tcvn, vni, long int
		for _, line := range strings.Split(text, "\n") {
			if strings.TrimSpace(line) == "" {
				continue
			}
			lines++
			if DetectLegacy(line) != None {
				wrong++
			}
			if marked(line) < 5 {
				continue
			}
			long++
			if DetectLegacy(ToTCVN3(line)) == TCVN3 {
				tcvn++
			}
			if DetectLegacy(ToVNI(line)) == VNI {
				vni++
			}
		}
		if wrong > 0 {
			t.Errorf("%s: %d of %d Unicode lines detected as legacy", filepath.Base(f), wrong, lines)
		}
		// Five words with diacritics are enough evidence.
		if tcvn*100 < long*95 || vni*100 < long*95 {
			t.Errorf("%s: of %d long lines, %d detected in TCVN3 and %d in VNI, want 95 %%", filepath.Base(f), long, tcvn, vni)
		}
		t.Logf("%s: %d lines; long lines %d: TCVN3 %d, VNI %d", filepath.Base(f), lines, long, tcvn, vni)
	}
}

func TestLegacyString(t *testing.T) {
	for l, want := range map[Legacy]string{None: "none", TCVN3: "tcvn3", VNI: "vni", 7: "Legacy(7)"} {
		if got := l.String(); got != want {
			t.Errorf("Legacy(%d).String() = %q, want %q", int(l), got, want)
		}
	}
}

func FuzzLegacy(f *testing.F) {
	for _, tt := range legacySentences {
		f.Add(latin1(tt.raw))
	}
	f.Add("Báo cáo")
	f.Add("aấ Ưở ỵý ĩi")
	f.Add("\xff\xfe")
	f.Fuzz(func(t *testing.T, s string) {
		l := DetectLegacy(s)
		if l != None && l != TCVN3 && l != VNI {
			t.Fatalf("DetectLegacy(%+q) = %d", s, l)
		}
		// Text of ASCII and Vietnamese letters survives both encodings.
		viet := strings.ToLower(vietLower) + strings.ToUpper(vietLower)
		x := strings.Map(func(r rune) rune {
			if r < utf8.RuneSelf || strings.ContainsRune(viet, r) {
				return r
			}
			return -1
		}, s)
		if got := FromVNI(ToVNI(x)); got != x {
			t.Fatalf("FromVNI(ToVNI(%+q)) = %+q", x, got)
		}
		if lx := strings.ToLower(x); FromTCVN3(ToTCVN3(lx)) != lx {
			t.Fatalf("FromTCVN3(ToTCVN3(%+q)) = %+q", lx, FromTCVN3(ToTCVN3(lx)))
		}
		for name, out := range map[string]string{
			"FromTCVN3": FromTCVN3(s), "FromTCVN3Upper": FromTCVN3Upper(s), "FromVNI": FromVNI(s),
			"ToTCVN3": ToTCVN3(s), "ToVNI": ToVNI(s),
		} {
			if !utf8.ValidString(out) {
				t.Fatalf("%s(%+q) = %+q, not valid UTF-8", name, s, out)
			}
		}
	})
}

// marked counts the words of s that have a letter outside ASCII.
func marked(s string) int {
	n := 0
	for _, w := range strings.Fields(s) {
		if strings.ContainsFunc(w, func(r rune) bool { return r > 0x7f }) {
			n++
		}
	}
	return n
}
