package msdoc

import (
	"strings"

	"chiso/vntext"
)

// walker reads the main document's characters in order, applying
// character properties, fields and special characters, and hands each
// finished paragraph with its paragraph properties to the body.
type walker struct {
	f          *file
	chpx, papx runs
	styles     *styleSheet
	num        *numbering
	legacy     vntext.FontEvidence
	body       body
	warnings   []string

	// fields holds one entry per open field (0x13): true while its code
	// is read, false once the separator (0x14) starts the result Word
	// displays. instr counts the true entries.
	fields []bool
	instr  int

	run  *run // the CHPX run of the last character, and its properties
	chp  chp
	text strings.Builder
	segs []fontSeg // stretches of text and their fonts, resolved at the paragraph's end
}

// chp is what a character's CHPX says that matters here.
type chp struct {
	ftc, cstyle       int // font and character style, -1 when not set
	del, vanish, spec bool
}

// fontSeg is a stretch of the paragraph's text with the font its run
// sets; which encoding that is depends on the paragraph's style too.
type fontSeg struct {
	start, end  int
	ftc, cstyle int
}

const maxFields = 64 // fields nested deeper are taken as text

// walk reads the text of every piece.
func (w *walker) walk(pieces []piece) {
	for _, p := range pieces {
		for k := 0; k < p.cpEnd-p.cp; {
			r, fc, n := p.char(w.f.word, k)
			k += n
			w.char(r, fc)
		}
	}
	if w.text.Len() > 0 {
		// Text after the last paragraph mark (a damaged file).
		w.paragraph(-1, 0x0D)
	}
	if len(w.fields) > 0 {
		w.warnings = append(w.warnings, "a field is never closed; text after it may be missing")
	}
}

// char handles one character stored at fc.
func (w *walker) char(r rune, fc int) {
	c := w.chpAt(fc)
	if c.del && r != 0x07 {
		// Deleted text, and deleted paragraph marks: the paragraph then
		// runs on into the next, as Word shows it with changes accepted.
		return
	}
	switch r {
	case 0x13: // field begin
		if len(w.fields) < maxFields {
			w.fields = append(w.fields, true)
			w.instr++
		}
		return
	case 0x14: // field separator
		if n := len(w.fields); n > 0 && w.fields[n-1] {
			w.fields[n-1] = false
			w.instr--
		}
		return
	case 0x15: // field end
		if n := len(w.fields); n > 0 {
			if w.fields[n-1] {
				w.instr--
			}
			w.fields = w.fields[:n-1]
		}
		return
	case 0x0D:
		w.paragraph(fc, r)
		return
	case 0x07:
		// A field cannot cross a cell's end.
		w.fields, w.instr = w.fields[:0], 0
		w.paragraph(fc, r)
		return
	}
	if w.instr > 0 || c.vanish || c.spec {
		// Field codes, hidden text, and special characters (pictures,
		// footnote references, symbols) that have no text of their own.
		return
	}
	switch r {
	case 0x0B, 0x0C, 0x0E: // line, page or section, column break
		r = '\n'
	case 0x1E: // non-breaking hyphen
		r = '-'
	case 0x1F:
		// An optional hyphen is U+00AD, which vntext.Clean removes. It is
		// kept until then because it is also TCVN3's ư, and LibreOffice
		// saves that byte of .VnTime text as an optional hyphen.
		r = 0xAD
	case '\t':
	default:
		if r < 0x20 {
			return
		}
	}
	start := w.text.Len()
	w.text.WriteRune(r)
	if n := len(w.segs); n > 0 && w.segs[n-1].end == start && w.segs[n-1].ftc == c.ftc && w.segs[n-1].cstyle == c.cstyle {
		w.segs[n-1].end = w.text.Len()
	} else {
		w.segs = append(w.segs, fontSeg{start, w.text.Len(), c.ftc, c.cstyle})
	}
}

// chpAt returns the character properties of the character at fc.
func (w *walker) chpAt(fc int) chp {
	if w.run != nil && fc >= w.run.fc && fc < w.run.fcEnd {
		return w.chp
	}
	w.run = w.chpx.find(fc)
	w.chp = chp{ftc: -1, cstyle: -1}
	if w.run == nil {
		return w.chp
	}
	ftc0, ftc2 := -1, -1
	eachSprm(w.run.grpprl, func(s sprm) {
		switch s.code {
		case sprmCFRMarkDel:
			w.chp.del = s.on()
		case sprmCFVanish:
			w.chp.vanish = s.on()
		case sprmCFSpec:
			w.chp.spec = s.on()
		case sprmCIstd:
			w.chp.cstyle = s.u16()
		case sprmCRgFtc0:
			ftc0 = s.u16()
		case sprmCRgFtc2:
			ftc2 = s.u16()
		}
	})
	w.chp.ftc = ftc2
	if ftc2 < 0 {
		w.chp.ftc = ftc0
	}
	return w.chp
}

// paragraph ends the paragraph whose mark (0x0D or 0x07) is at fc (-1 for
// none) and hands it to the body.
func (w *walker) paragraph(fc int, mark rune) {
	pp := w.paraProps(fc)
	s := w.text.String()
	if len(w.segs) > 0 {
		var segs []vntext.Segment
		for _, g := range w.segs {
			k := w.styles.font(g.ftc, g.cstyle, pp.istd)
			if k == vntext.UnicodeFont {
				continue
			}
			if n := len(segs); n > 0 && segs[n-1].End == g.start && segs[n-1].Font == k {
				segs[n-1].End = g.end
			} else {
				segs = append(segs, vntext.Segment{Start: g.start, End: g.end, Font: k})
			}
		}
		s = w.legacy.Convert(s, segs)
	}
	w.text.Reset()
	w.segs = w.segs[:0]
	s = strings.TrimRight(s, "\n")
	ilfo, ilvl := pp.ilfo, pp.ilvl
	if ilfo < 0 {
		ilfo, ilvl = w.styles.list(pp.istd)
	}
	if label, suffix := w.num.label(ilfo, ilvl); label != "" {
		// The separator only once text follows, so that an STT cell
		// reads "1." and not "1.\t".
		if s != "" {
			label += suffix
		}
		s = label + s
	}
	w.body.add(pp.para(s, mark))
}

// paraProps are the paragraph properties read.
type paraProps struct {
	istd                int
	inTable, ttp        bool
	innerCell, innerTtp bool
	itap                int
	tap                 *tap
	ilfo, ilvl          int // list numbering (sprmPIlfo, sprmPIlvl); ilfo -1 when not set
}

// paraProps reads the PAPX of the paragraph whose mark is at fc,
// following sprmPHugePapx into the Data stream.
func (w *walker) paraProps(fc int) paraProps {
	pp := paraProps{ilfo: -1}
	r := w.papx.find(fc)
	if fc < 0 || r == nil {
		return pp
	}
	pp.istd = r.istd
	var apply func(s sprm)
	apply = func(s sprm) {
		switch s.code {
		case sprmPFInTable:
			pp.inTable = s.on()
		case sprmPFTtp:
			pp.ttp = s.on()
		case sprmPFInnerTableCell:
			pp.innerCell = s.on()
		case sprmPFInnerTtp:
			pp.innerTtp = s.on()
		case sprmPIlfo:
			pp.ilfo = int(int16(s.u16()))
		case sprmPIlvl:
			pp.ilvl = s.u8()
		case sprmPItap:
			pp.itap = int(int32(le32(s.arg, 0)))
		case sprmTDefTable:
			pp.tap = readTDefTable(s.arg)
		case sprmTVertMerge:
			pp.tap.vertMerge(s.arg)
		case sprmPHugePapx:
			// The properties did not fit the page: a PrcData (cb,
			// grpprl) in the Data stream holds them.
			off := int(le32(s.arg, 0))
			d := w.f.data
			if off >= 0 && off+2 <= len(d) {
				cb := int(le16(d, off))
				huge := d[off+2 : min(off+2+cb, len(d))]
				eachSprm(huge, func(s sprm) {
					if s.code != sprmPHugePapx {
						apply(s)
					}
				})
			}
		}
	}
	eachSprm(r.grpprl, apply)
	return pp
}
