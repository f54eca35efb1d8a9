package pdf

import (
	"strings"

	lpdf "github.com/ledongthuc/pdf"

	"chiso/vntext"
)

// font is what the walker needs of a PDF font: how to cut a string into
// codes, each code's text and advance width.
type font struct {
	name      string
	composite bool  // Type0: codes of one or more bytes through enc
	enc       *cmap // a Type0 font's embedded encoding CMap; nil for Identity-H/V
	uni       *cmap // ToUnicode
	legacy    vntext.Font

	// simple fonts
	text   [256]string
	widths [256]float64 // text-space units per unit of font size

	// composite fonts
	cidW map[uint32]float64
	dw   float64

	spaceW    float64 // width of a space in text-space units per unit of size; 0 if unknown
	noUnicode bool    // an Identity font without ToUnicode: its text is glyph ids
}

// loadFont reads a font dictionary. It panics on malformed objects; the
// caller recovers.
func loadFont(v lpdf.Value) *font {
	f := &font{name: v.Key("BaseFont").Name()}
	f.legacy = vntext.FontOf(f.name)
	if tu := v.Key("ToUnicode"); tu.Kind() == lpdf.Stream {
		f.uni = parseCMap(tu, v)
	}
	if v.Key("Subtype").Name() == "Type0" {
		f.loadComposite(v)
	} else {
		f.loadSimple(v)
	}
	return f
}

// caseSlip reports whether a ToUnicode entry gives the code of a capital
// letter the small letter that the code of that small letter also gets:
// some subsetting tools wrote ToUnicode maps that send "H" and "h" alike
// to "h" ("hungary", "domestic (%)" in a table header), while the font's
// encoding still tells the two apart. The encoding is right then.
func caseSlip(s string, base *byteEncoding, c int, uni *cmap) bool {
	r := base[c]
	if r < 'A' || r > 'Z' || s != string(r+'a'-'A') {
		return false
	}
	lower, ok := uni.text(uint32(c+'a'-'A'), 1)
	return ok && lower == s && base[c+'a'-'A'] == r+'a'-'A'
}

func (f *font) loadSimple(v lpdf.Value) {
	subtype := v.Key("Subtype").Name()
	base := defaultEncoding
	if subtype == "Type1" || subtype == "MMType1" {
		base = standard
	}
	var diffs map[int]string
	switch e := v.Key("Encoding"); e.Kind() {
	case lpdf.Name:
		if b := namedEncoding(e.Name()); b != nil {
			base = b
		}
	case lpdf.Dict:
		if b := namedEncoding(e.Key("BaseEncoding").Name()); b != nil {
			base = b
		}
		d := e.Key("Differences")
		diffs = map[int]string{}
		code := 0
		for i := 0; i < d.Len() && i < 4096; i++ {
			x := d.Index(i)
			switch x.Kind() {
			case lpdf.Integer:
				code = int(x.Int64())
			case lpdf.Name:
				if code >= 0 && code < 256 {
					diffs[code] = glyphText(x.Name())
				}
				code++
			}
		}
	}
	for c := 0; c < 256; c++ {
		if f.legacy != vntext.UnicodeFont {
			// The bytes are the legacy text; the converter wants them as Latin-1.
			if c >= 0x20 {
				f.text[c] = string(rune(c))
			}
			continue
		}
		if f.uni != nil {
			// Some producers write 2-byte source codes for 1-byte fonts.
			if s, ok := f.uni.text(uint32(c), 1); ok && !caseSlip(s, base, c, f.uni) {
				f.text[c] = s
				continue
			} else if s, ok := f.uni.text(uint32(c), 2); ok {
				f.text[c] = s
				continue
			}
		}
		if s, ok := diffs[c]; ok {
			f.text[c] = s
			continue
		}
		if r := base[c]; r != 0 && validRune(r) {
			f.text[c] = string(r)
		}
	}

	scale := 0.001
	if subtype == "Type3" {
		if m := v.Key("FontMatrix"); m.Len() >= 1 && m.Index(0).Float64() != 0 {
			scale = m.Index(0).Float64()
		}
	}
	missing := v.Key("FontDescriptor").Key("MissingWidth").Float64()
	ws := v.Key("Widths")
	first := int(v.Key("FirstChar").Int64())
	if ws.Len() == 0 {
		// A standard 14 font without widths: rough averages keep runs together.
		missing = 500
		f.widths[32] = 250 * scale
		if strings.Contains(f.name, "Courier") {
			// Every Courier glyph, the space too, is 600 units wide.
			missing = 600
			f.widths[32] = 600 * scale
		}
	}
	for c := 0; c < 256; c++ {
		if ws.Len() == 0 && c == 32 {
			continue
		}
		w := missing
		if i := c - first; i >= 0 && i < ws.Len() {
			w = ws.Index(i).Float64()
		}
		f.widths[c] = w * scale
	}
	for c := 0; c < 256; c++ {
		if f.text[c] == " " && f.widths[c] > 0 {
			f.spaceW = f.widths[c]
			break
		}
	}
	if f.spaceW == 0 && f.legacy != vntext.UnicodeFont && f.widths[32] > 0 {
		f.spaceW = f.widths[32]
	}
}

func (f *font) loadComposite(v lpdf.Value) {
	f.composite = true
	if e := v.Key("Encoding"); e.Kind() == lpdf.Stream {
		f.enc = parseCMap(e, v)
	}
	desc := v.Key("DescendantFonts").Index(0)
	f.dw = 1000
	if dw := desc.Key("DW"); dw.Kind() == lpdf.Integer || dw.Kind() == lpdf.Real {
		f.dw = dw.Float64()
	}
	f.dw *= 0.001
	f.cidW = map[uint32]float64{}
	w := desc.Key("W")
	for i := 0; i < w.Len(); {
		first := w.Index(i)
		next := w.Index(i + 1)
		if next.Kind() == lpdf.Array {
			c := uint32(first.Int64())
			for j := 0; j < next.Len() && j < 65536; j++ {
				f.cidW[c+uint32(j)] = next.Index(j).Float64() * 0.001
			}
			i += 2
			continue
		}
		last := w.Index(i + 2)
		lo, hi := first.Int64(), next.Int64()
		if hi-lo > 65536 {
			hi = lo + 65536
		}
		for c := lo; c <= hi && c >= 0; c++ {
			f.cidW[uint32(c)] = last.Float64() * 0.001
		}
		i += 3
	}
	f.noUnicode = f.uni == nil
	if f.uni != nil {
		for k, s := range f.uni.chars {
			if s == " " {
				f.spaceW = f.cidWidth(k.code, k.n)
				break
			}
		}
	}
}

// next cuts the first code from s: its value and length in bytes.
func (f *font) next(s string) (code uint32, n int) {
	if !f.composite {
		return uint32(s[0]), 1
	}
	if f.enc != nil {
		n = f.enc.codeLen(s)
	} else {
		n = 2
		if len(s) < 2 {
			n = len(s)
		}
	}
	return codeOf([]byte(s[:n])), n
}

// glyph returns the text and advance width (text-space units per unit of
// font size) of one code.
func (f *font) glyph(code uint32, n int) (string, float64) {
	if !f.composite {
		return f.text[code&0xff], f.widths[code&0xff]
	}
	var s string
	if f.uni != nil {
		s, _ = f.uni.text(code, uint8(n))
	} else if r := rune(code); validRune(r) && r >= 0x20 {
		s = string(r) // glyph ids, not text: the font is flagged noUnicode
	}
	return s, f.cidWidth(code, uint8(n))
}

func (f *font) cidWidth(code uint32, n uint8) float64 {
	cid := code
	if f.enc != nil {
		if c, ok := f.enc.cid(code, n); ok {
			cid = c
		}
	}
	if w, ok := f.cidW[cid]; ok {
		return w
	}
	return f.dw
}
