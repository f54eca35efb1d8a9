package hostile

import (
	"encoding/binary"
	"math"
	"strings"
	"unicode/utf16"
)

// docOptions are the knobs of DocStreams, for the damage classes.
type docOptions struct {
	encrypted bool
	ccpText   int32 // 0: the text's length
	pieces    int   // pieces the text is split into (0: 1)
}

// docStreams are the WordDocument and 1Table streams of a Word 97 file
// holding paragraphs: a FIB of nFib 0xC1 with the Clx (piece table) and
// nothing else, the text in UTF-16 at 0x800.
func docStreams(paras []string, o docOptions) []CFBStream {
	le := binary.LittleEndian
	text := utf16.Encode([]rune(strings.Join(paras, "\r") + "\r"))
	const textAt = 0x800
	w := make([]byte, textAt+2*len(text))
	le.PutUint16(w[0:], 0xA5EC)
	le.PutUint16(w[2:], 0x00C1)
	flags := uint16(0x0200) // fWhichTblStm: 1Table
	if o.encrypted {
		flags |= 0x0100
	}
	le.PutUint16(w[0x0A:], flags)
	off := 32
	le.PutUint16(w[off:], 14) // csw
	off += 2 + 28
	le.PutUint16(w[off:], 22) // cslw
	lw := off + 2
	le.PutUint32(w[lw:], uint32(len(w))) // cbMac
	ccp := o.ccpText
	if ccp == 0 {
		ccp = int32(len(text))
	}
	le.PutUint32(w[lw+12:], uint32(ccp))
	off = lw + 88
	le.PutUint16(w[off:], 0x5D) // cbRgFcLcb: Word 97
	fcLcb := off + 2
	for i, c := range text {
		le.PutUint16(w[textAt+2*i:], c)
	}
	// The piece table: n pieces over the text, UTF-16 (fc without the
	// compressed bit).
	n := max(1, o.pieces)
	var plc []byte
	for i := range n + 1 {
		plc = le.AppendUint32(plc, uint32(len(text)*i/n))
	}
	for i := range n {
		pcd := make([]byte, 8)
		le.PutUint32(pcd[2:], uint32(textAt+2*(len(text)*i/n)))
		plc = append(plc, pcd...)
	}
	clx := append([]byte{2}, le.AppendUint32(nil, uint32(len(plc)))...)
	clx = append(clx, plc...)
	le.PutUint32(w[fcLcb+8*33:], 0)
	le.PutUint32(w[fcLcb+8*33+4:], uint32(len(clx)))
	return []CFBStream{{"WordDocument", w}, {"1Table", clx}}
}

// Doc is the sample report's title and paragraphs as a Word 97 .doc
// (paragraphs only: its tables need paragraph properties the builder
// does not write).
func Doc() []byte {
	return CFB(docStreams(samplePlain(), docOptions{})...)
}

// samplePlain is the sample report as lines, the table's rows joined by
// tabs.
func samplePlain() []string {
	out := append([]string{sampleTitle}, sampleParas...)
	for _, row := range sampleRows {
		out = append(out, strings.Join(row, "\t"))
	}
	return out
}

// biff appends a BIFF8 record.
func biff(b []byte, id uint16, data ...[]byte) []byte {
	n := 0
	for _, d := range data {
		n += len(d)
	}
	b = binary.LittleEndian.AppendUint16(b, id)
	b = binary.LittleEndian.AppendUint16(b, uint16(n))
	for _, d := range data {
		b = append(b, d...)
	}
	return b
}

func u16le(v int) []byte { return binary.LittleEndian.AppendUint16(nil, uint16(v)) }
func u32le(v int) []byte { return binary.LittleEndian.AppendUint32(nil, uint32(v)) }

// xlUnicode is an XLUnicodeString (16-bit count) in UTF-16, or its
// short form (8-bit count) for a sheet name.
func xlUnicode(s string, short bool) []byte {
	u := utf16.Encode([]rune(s))
	var b []byte
	if short {
		b = []byte{byte(len(u))}
	} else {
		b = u16le(len(u))
	}
	b = append(b, 1) // fHighByte: UTF-16
	for _, c := range u {
		b = binary.LittleEndian.AppendUint16(b, c)
	}
	return b
}

// xlsOptions are the knobs of xlsStream, for the damage classes.
type xlsOptions struct {
	encrypted bool
	sstCount  int // strings the SST claims (0: the true count)
	sheetPos  int // BOUNDSHEET position (0: the true one)
}

// xlsStream is a BIFF8 Workbook stream of one sheet holding the sample
// table: strings through the SST, numbers as NUMBER records.
func xlsStream(o xlsOptions) []byte {
	var strs []string
	type cell struct {
		row, col int
		num      float64
		str      int // index in strs, or -1
	}
	var cells []cell
	add := func(r, c int, s string) {
		if v, ok := sheetNumber(s); ok {
			cells = append(cells, cell{r, c, parseFloat(v), -1})
			return
		}
		cells = append(cells, cell{r, c, 0, len(strs)})
		strs = append(strs, s)
	}
	add(0, 0, sampleTitle)
	for i, row := range sampleRows {
		for j, c := range row {
			add(i+2, j, c)
		}
	}
	bof := func(dt int) []byte { return append(append(u16le(0x0600), u16le(dt)...), make([]byte, 12)...) }
	var g []byte
	g = biff(g, 0x0809, bof(0x0005))
	if o.encrypted {
		g = biff(g, 0x002F, u16le(1), make([]byte, 52)) // FILEPASS, RC4
	}
	var sst []byte
	for _, s := range strs {
		sst = append(sst, xlUnicode(s, false)...)
	}
	count := len(strs)
	if o.sstCount != 0 {
		count = o.sstCount
	}
	g = biff(g, 0x00FC, u32le(count), u32le(count), sst)
	name := xlUnicode("Báo cáo", true)
	posAt := len(g) + 4
	g = biff(g, 0x0085, u32le(0), []byte{0, 0}, name)
	g = biff(g, 0x000A)
	pos := len(g)
	if o.sheetPos != 0 {
		pos = o.sheetPos
	}
	binary.LittleEndian.PutUint32(g[posAt:], uint32(pos))
	g = biff(g, 0x0809, bof(0x0010))
	for _, c := range cells {
		head := append(append(u16le(c.row), u16le(c.col)...), u16le(0)...)
		if c.str >= 0 {
			g = biff(g, 0x00FD, head, u32le(c.str))
		} else {
			g = biff(g, 0x0203, head, binary.LittleEndian.AppendUint64(nil, math.Float64bits(c.num)))
		}
	}
	return biff(g, 0x000A)
}

func parseFloat(s string) float64 {
	var v, scale float64 = 0, 0
	for _, c := range s {
		if c == '.' {
			scale = 1
			continue
		}
		v = v*10 + float64(c-'0')
		if scale > 0 {
			scale *= 10
		}
	}
	if scale > 0 {
		v /= scale
	}
	return v
}

// Xls is the sample report as an Excel 97 workbook.
func Xls() []byte { return CFB(CFBStream{"Workbook", xlsStream(xlsOptions{})}) }
