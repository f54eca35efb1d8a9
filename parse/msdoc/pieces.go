package msdoc

import (
	"fmt"
	"unicode/utf16"

	"golang.org/x/text/encoding/charmap"
)

// piece is a run of consecutive characters stored together: the Pcd of
// [MS-DOC] with its character positions.
type piece struct {
	cp, cpEnd  int  // character positions [cp, cpEnd)
	fc         int  // byte offset in WordDocument of the first character
	compressed bool // one cp1252 byte per character, else UTF-16LE
}

// pieces reads the piece table (Clx) and returns the pieces that hold the
// main document's text, in order, clipped to [0, ccpText) and to the
// WordDocument stream.
func (f *file) pieces() ([]piece, error) {
	clx, err := f.tableSlice(iClx, "piece table (Clx)")
	if err != nil {
		return nil, err
	}
	if clx == nil {
		return nil, fmt.Errorf("no piece table (Clx): the FIB gives it no length")
	}
	// Prc entries (clxt 1) hold property modifiers of fast-saved pieces;
	// they come first and are skipped.
	for len(clx) > 0 && clx[0] == 1 {
		cb := int(int16(le16(clx, 1)))
		if cb < 0 || 3+cb > len(clx) {
			return nil, fmt.Errorf("piece table (Clx): property entry of %d bytes overruns it", cb)
		}
		clx = clx[3+cb:]
	}
	if len(clx) < 5 || clx[0] != 2 {
		return nil, fmt.Errorf("piece table (Clx): no Pcdt entry")
	}
	lcb := int(le32(clx, 1))
	plc := clx[5:]
	if lcb < 4 || lcb > len(plc) || (lcb-4)%12 != 0 {
		return nil, fmt.Errorf("piece table (Clx): PlcPcd of %d bytes in %d", lcb, len(plc))
	}
	n := (lcb - 4) / 12
	out := make([]piece, 0, n)
	prev := 0
	for i := range n {
		cp, cpEnd := int(int32(le32(plc, 4*i))), int(int32(le32(plc, 4*i+4)))
		if cp < prev || cpEnd < cp {
			return nil, fmt.Errorf("piece table (Clx): piece %d has character positions %d–%d out of order", i, cp, cpEnd)
		}
		prev = cpEnd
		cpEnd = min(cpEnd, f.fib.ccpText)
		if cp >= cpEnd {
			continue
		}
		pcd := 4*(n+1) + 8*i
		raw := le32(plc, pcd+2)
		p := piece{cp: cp, cpEnd: cpEnd, compressed: raw&(1<<30) != 0}
		fc := int(raw &^ (3 << 30))
		width := 2
		if p.compressed {
			fc /= 2
			width = 1
		}
		p.fc = fc
		// Characters past the end of the stream are left out.
		if room := (len(f.word) - fc) / width; fc > len(f.word) || room <= 0 {
			continue
		} else if p.cpEnd-p.cp > room {
			p.cpEnd = p.cp + room
		}
		out = append(out, p)
	}
	return out, nil
}

// cp1252 maps compressed characters to runes; [MS-DOC] 2.4.1 reads them
// as code page 1252.
var cp1252 = func() (t [256]rune) {
	for i := range t {
		t[i] = charmap.Windows1252.DecodeByte(byte(i))
	}
	return t
}()

// char returns the character k of p and the byte offset in WordDocument
// that the properties of characters are keyed by, joining a UTF-16
// surrogate pair into one rune (n is the characters used).
func (p piece) char(word []byte, k int) (r rune, fc, n int) {
	if p.compressed {
		fc = p.fc + k
		return cp1252[word[fc]], fc, 1
	}
	fc = p.fc + 2*k
	r = rune(le16(word, fc))
	if utf16.IsSurrogate(r) && p.cp+k+1 < p.cpEnd {
		if r2 := utf16.DecodeRune(r, rune(le16(word, fc+2))); r2 != '\uFFFD' {
			return r2, fc, 2
		}
	}
	return r, fc, 1
}
