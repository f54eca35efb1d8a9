package layout

import (
	"math"
	"strings"
	"unicode/utf8"
)

// monoWords appends t to out, cut where it holds two spaces or more, or
// one space between two figures, when it is set in a monospaced font.
// Tables typed with spaces in Courier (statistical reports written as
// plain text and printed to PDF) come as one text a line,
// "0.99 ....  800   880   960 1,040", whose columns the layout sees only
// as gaps between texts. In a monospaced font every character advances by
// the width of a space, so each piece's place is known; a text whose
// width is not its length in spaces is left whole, and so are words
// one space apart ("Trung cấp"), which stay one text as they are drawn.
func monoWords(out []Text, t Text) []Text {
	if !strings.Contains(t.S, " ") || t.SpaceW <= 0 {
		return append(out, t)
	}
	n := utf8.RuneCountInString(t.S)
	if math.Abs(t.W-float64(n)*t.SpaceW) > 0.02*t.SpaceW*float64(n) || !cuttable(t.S) {
		return append(out, t)
	}
	words := strings.Split(t.S, " ")
	start, i := 0, 0 // rune offsets of the piece being built and of the word
	var piece []string
	emit := func() {
		if len(piece) == 0 {
			return
		}
		s := strings.Join(piece, " ")
		u := t
		u.S, u.X, u.W = s, t.X+float64(start)*t.SpaceW, float64(utf8.RuneCountInString(s))*t.SpaceW
		out = append(out, u)
		piece = piece[:0]
	}
	blanks := 0 // spaces since the last word
	for _, w := range words {
		if w == "" {
			blanks++
			i++
			continue
		}
		if len(piece) > 0 && (blanks > 0 || (IsFigure(piece[len(piece)-1]) && IsFigure(w))) {
			emit()
		}
		if len(piece) == 0 {
			start = i
		}
		piece = append(piece, w)
		blanks = 0
		i += utf8.RuneCountInString(w) + 1
	}
	emit()
	return out
}

// cuttable reports whether monoWords could cut s: whether it holds two
// spaces in a row, or one space between bytes that could end and start a
// figure (an ASCII digit or sign, or any byte of a multi-byte rune, such
// as a dash or a digit of another script). It may say yes where
// monoWords then cuts nothing, never no where it would cut; it spares
// the split of every line of prose set in Courier.
func cuttable(s string) bool {
	for i := 1; i+1 < len(s); i++ {
		if s[i] != ' ' {
			continue
		}
		if s[i+1] == ' ' || (figureByte(s[i-1]) && figureByte(s[i+1])) {
			return true
		}
	}
	return false
}

// figureByte reports whether b may be a byte of a rune IsFigure accepts.
func figureByte(b byte) bool {
	return b >= 0x80 || (b >= '0' && b <= '9') || strings.IndexByte(".,%/()-+*", b) >= 0
}
