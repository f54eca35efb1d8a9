package text

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"chiso/vntext"
)

// decode returns b as UTF-8 text and, when the encoding was a guess rather
// than marked (BOM) or certain (valid UTF-8), a note saying which was
// chosen.
func decode(b []byte) (s, note string) {
	switch {
	case bytes.HasPrefix(b, []byte("\xef\xbb\xbf")):
		return unlegacy(strings.ToValidUTF8(string(b[3:]), "\ufffd"))
	case bytes.HasPrefix(b, []byte("\xff\xfe")):
		return fromUTF16(b[2:], unicode.LittleEndian), ""
	case bytes.HasPrefix(b, []byte("\xfe\xff")):
		return fromUTF16(b[2:], unicode.BigEndian), ""
	}
	if order, ok := utf16Order(b); ok {
		name := "UTF-16LE"
		if order == unicode.BigEndian {
			name = "UTF-16BE"
		}
		return fromUTF16(b, order), "no byte order mark: read as " + name
	}
	if utf8.Valid(b) {
		return unlegacy(string(b))
	}
	// Not UTF-8: one byte per character. Read each byte as its Latin-1
	// rune, which is how the legacy converters expect TCVN3 and VNI text;
	// if it is neither, the Vietnamese Windows code page is the likely one.
	latin := latin1(b)
	switch vntext.DetectLegacy(sample(latin)) {
	case vntext.TCVN3:
		return vntext.FromTCVN3(latin), "not UTF-8: read as TCVN3 (.VnTime fonts)"
	case vntext.VNI:
		return vntext.FromVNI(latin), "not UTF-8: read as VNI (VNI-Times fonts)"
	}
	out, err := charmap.Windows1258.NewDecoder().Bytes(b)
	if err != nil {
		// windows-1258 maps every byte, so this does not happen; keep the
		// Latin-1 reading rather than lose the text.
		return latin, "not UTF-8: read as Latin-1"
	}
	return string(out), "not UTF-8: read as windows-1258"
}

// unlegacy converts valid UTF-8 text that is really TCVN3 or VNI read as
// Latin-1 and saved again ("B¸o c¸o"), as happens when a .VnTime document is
// copied into a Unicode editor.
func unlegacy(s string) (string, string) {
	switch vntext.DetectLegacy(sample(s)) {
	case vntext.TCVN3:
		return vntext.FromTCVN3(s), "text in TCVN3 (.VnTime) characters converted to Unicode"
	case vntext.VNI:
		return vntext.FromVNI(s), "text in VNI characters converted to Unicode"
	}
	return s, ""
}

// sampleSize is how much of a document DetectLegacy looks at. A document is
// typed in one font; detection over the whole of a large one was most of the
// reading time.
const sampleSize = 256 << 10

// sample returns the start of s, cut at a line break near sampleSize.
func sample(s string) string {
	if len(s) <= sampleSize {
		return s
	}
	s = s[:sampleSize]
	if i := strings.LastIndexByte(s, '\n'); i > 0 {
		return s[:i]
	}
	return strings.ToValidUTF8(s, "")
}

func latin1(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/2)
	for _, c := range b {
		sb.WriteRune(rune(c))
	}
	return sb.String()
}

func fromUTF16(b []byte, order unicode.Endianness) string {
	var enc encoding.Encoding = unicode.UTF16(order, unicode.IgnoreBOM)
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		// Only an odd trailing byte gets here; drop it.
		out, _ = enc.NewDecoder().Bytes(b[:len(b)&^1])
	}
	return string(out)
}

// utf16Order recognises UTF-16 without a byte order mark by its NUL bytes:
// in text that is mostly ASCII, as Vietnamese text is between its accented
// letters, every other byte is 0, at odd offsets for little-endian and at
// even offsets for big-endian. It looks at the first 4 KB.
func utf16Order(b []byte) (unicode.Endianness, bool) {
	head := b[:min(len(b), 4096)&^1]
	if len(head) < 4 {
		return unicode.BigEndian, false
	}
	var even, odd int
	for i := 0; i < len(head); i += 2 {
		if head[i] == 0 {
			even++
		}
		if head[i+1] == 0 {
			odd++
		}
	}
	pairs := len(head) / 2
	switch {
	case odd*4 >= pairs && even*50 <= pairs:
		return unicode.LittleEndian, true
	case even*4 >= pairs && odd*50 <= pairs:
		return unicode.BigEndian, true
	}
	return unicode.BigEndian, false
}
