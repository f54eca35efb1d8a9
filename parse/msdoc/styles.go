package msdoc

import (
	"fmt"
	"unicode/utf16"

	"chiso/vntext"
)

// styleSheet knows, for the legacy-font decision, which font each style
// and the document default give text that sets none itself.
type styleSheet struct {
	fonts       []vntext.Font // by ftc, from the font table (SttbfFfn)
	names       []string      // by ftc
	styles      []style       // by istd, from the STSH
	defaultFont int           // rgftcStandardChpStsh: ftcAsci, or -1
}

// style is what one STD gives: its base style and the font its character
// properties set (-1 when they set none).
type style struct {
	base int
	font int
	ilfo int // list instance its paragraphs are numbered in (sprmPIlfo), 0 for none, -1 when not set
	ilvl int // and their list level
}

const maxStyleChain = 16 // istdBase links followed; Word allows fewer

// styles reads the font table and the style sheet. Either may be damaged
// or absent; that costs the legacy-font conversion only, and is reported
// as a warning.
func (f *file) styles() (*styleSheet, []string) {
	st := &styleSheet{defaultFont: -1}
	var warnings []string
	if b, err := f.tableSlice(iSttbfFfn, "font table (SttbfFfn)"); err != nil {
		warnings = append(warnings, "fonts not known, .VnTime text not converted: "+err.Error())
	} else {
		st.names = fontNames(b)
		st.fonts = make([]vntext.Font, len(st.names))
		for i, n := range st.names {
			st.fonts[i] = vntext.FontOf(n)
		}
	}
	if b, err := f.tableSlice(iStshf, "style sheet (STSH)"); err != nil {
		warnings = append(warnings, "styles not read, .VnTime text in styles not converted: "+err.Error())
	} else if err := st.readSTSH(b); err != nil {
		warnings = append(warnings, "styles not read, .VnTime text in styles not converted: style sheet (STSH): "+err.Error())
	}
	return st, warnings
}

// fontNames reads the SttbfFfn: a count, two bytes of cbExtra, then per
// font a length byte and an FFN whose name (xszFfn, UTF-16, NUL-ended)
// starts 39 bytes in.
func fontNames(b []byte) []string {
	n := int(le16(b, 0))
	var names []string
	off := 4
	for range n {
		if off >= len(b) {
			break
		}
		size := int(b[off])
		ffn := b[off+1 : min(off+1+size, len(b))]
		off += 1 + size
		var name []uint16
		for i := 39; i+2 <= len(ffn); i += 2 {
			c := le16(ffn, i)
			if c == 0 {
				break
			}
			name = append(name, c)
		}
		names = append(names, string(utf16.Decode(name)))
	}
	return names
}

// readSTSH reads the Stshi (style count, size of a StdfBase, default
// fonts) and each LPStd's base style and character UPX.
func (st *styleSheet) readSTSH(b []byte) error {
	cbStshi := int(le16(b, 0))
	if 2+cbStshi > len(b) || cbStshi < 18 {
		return fmt.Errorf("Stshi of %d bytes in %d", cbStshi, len(b))
	}
	stshi := b[2 : 2+cbStshi]
	cstd, cbBase := int(le16(stshi, 0)), int(le16(stshi, 2))
	st.defaultFont = int(le16(stshi, 12))
	if cbBase < 10 {
		return fmt.Errorf("StdfBase of %d bytes", cbBase)
	}
	off := 2 + cbStshi
	st.styles = make([]style, 0, min(cstd, len(b)/2))
	for range cstd {
		if off+2 > len(b) {
			break
		}
		cb := int(le16(b, off))
		std := b[off+2 : min(off+2+cb, len(b))]
		off += 2 + cb
		st.styles = append(st.styles, readSTD(std, cbBase))
	}
	return nil
}

// readSTD reads one STD: its Stdf (stk and istdBase), its name (skipped)
// and its UPXs, of which the character one (UpxChpx) may set a font.
func readSTD(std []byte, cbBase int) style {
	s := style{base: -1, font: -1, ilfo: -1}
	if len(std) < cbBase {
		return s
	}
	w := le16(std, 2)
	stk, base := int(w&0x0F), int(w>>4)
	if base != 0x0FFF {
		s.base = base
	}
	off := cbBase
	cch := int(le16(std, off))
	off += 2 + 2*cch + 2
	// grLPUpxSw: paragraph styles have a PAPX then a CHPX, character
	// styles a CHPX, table styles TAPX, PAPX, CHPX.
	var chpx int
	switch stk {
	case 1:
		chpx = 1
	case 2:
		chpx = 0
	case 3:
		chpx = 2
	default:
		return s
	}
	for k := 0; off+2 <= len(std); k++ {
		cb := int(le16(std, off))
		upx := std[off+2 : min(off+2+cb, len(std))]
		off += 2 + cb + cb%2
		if k == 0 && stk == 1 && len(upx) >= 2 {
			// UpxPapx: istd, then the paragraph sprms.
			eachSprm(upx[2:], func(sp sprm) {
				switch sp.code {
				case sprmPIlfo:
					s.ilfo = int(int16(sp.u16()))
				case sprmPIlvl:
					s.ilvl = sp.u8()
				}
			})
		}
		if k == chpx {
			s.font = fontOf(upx)
			break
		}
	}
	return s
}

// fontOf returns the font a grpprl sets (sprmCRgFtc2, else sprmCRgFtc0),
// or -1.
func fontOf(grpprl []byte) int {
	ftc0, ftc2 := -1, -1
	eachSprm(grpprl, func(s sprm) {
		switch s.code {
		case sprmCRgFtc0:
			ftc0 = s.u16()
		case sprmCRgFtc2:
			ftc2 = s.u16()
		}
	})
	if ftc2 >= 0 {
		return ftc2
	}
	return ftc0
}

// styleFont returns the font style istd gives text, following istdBase,
// or -1.
func (st *styleSheet) styleFont(istd int) int {
	for range maxStyleChain {
		if istd < 0 || istd >= len(st.styles) {
			return -1
		}
		if f := st.styles[istd].font; f >= 0 {
			return f
		}
		istd = st.styles[istd].base
	}
	return -1
}

// list returns the list instance and level style istd numbers its
// paragraphs in, following istdBase; ilfo 0 for none.
func (st *styleSheet) list(istd int) (ilfo, ilvl int) {
	for range maxStyleChain {
		if istd < 0 || istd >= len(st.styles) {
			return 0, 0
		}
		if s := st.styles[istd]; s.ilfo >= 0 {
			return s.ilfo, s.ilvl
		}
		istd = st.styles[istd].base
	}
	return 0, 0
}

// font returns the legacy encoding of text whose run sets font ftc (or -1)
// and character style cstyle (or -1), in a paragraph of style pstyle.
func (st *styleSheet) font(ftc, cstyle, pstyle int) vntext.Font {
	if ftc < 0 && cstyle >= 0 {
		ftc = st.styleFont(cstyle)
	}
	if ftc < 0 {
		ftc = st.styleFont(pstyle)
	}
	if ftc < 0 {
		ftc = st.defaultFont
	}
	if ftc < 0 || ftc >= len(st.fonts) {
		return vntext.UnicodeFont
	}
	return st.fonts[ftc]
}
