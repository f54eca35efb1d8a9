package msdoc

import (
	"strings"
	"unicode/utf16"

	"chiso/parse/internal/listnum"
)

// Word numbers list paragraphs itself, so an STT column typed as an
// automatic list holds no text in the .doc. numbering computes the label
// Word displays ("1.", "1.2.", "a)", "II.", "-" for bullets) from the list
// definitions (PlfLst: LSTF and LVL) and the list instances (PlfLfo: LFO)
// that paragraphs name with sprmPIlfo and sprmPIlvl, counting paragraphs
// in document order, as package docx does from numbering.xml.

const (
	iPlfLst = 73 // FibRgFcLcb97 index of PlfLst
	iPlfLfo = 74 // and of PlfLfo

	sprmPIlvl = 0x260A
	sprmPIlfo = 0x460B

	maxLists = 4096 // LSTFs and LFOs read; more are taken as damage
	levels   = 9
)

// level is one LVL: how a list level counts and shows its number.
type level struct {
	start   int
	nfc     byte     // number format
	text    []uint16 // xst: the label with placeholders 0–8 for the levels' numbers
	suffix  string   // what follows the label: "\t", " " or ""
	noReset bool     // fNoRestart: not restarted by a higher level
	legal   bool     // fLegal: every level shown as decimal
}

// numbering holds the lists of a document and their counters.
type numbering struct {
	lists    map[uint32]*[levels]*level // by lsid
	lfos     []uint32                   // lsid of each LFO, by ilfo-1
	counters map[uint32]*[levels]int    // by lsid; 0 means not started
}

// numbering reads PlfLst and PlfLfo; either missing or damaged means no
// labels.
func (f *file) numbering() *numbering {
	if len(f.fib.fcLcb) < 2*(iPlfLfo+1) {
		return nil
	}
	lst, err := f.tableSlice(iPlfLst, "PlfLst")
	if err != nil || len(lst) < 2 {
		return nil
	}
	lfo, err := f.tableSlice(iPlfLfo, "PlfLfo")
	if err != nil || len(lfo) < 4 {
		return nil
	}
	n := &numbering{lists: map[uint32]*[levels]*level{}, counters: map[uint32]*[levels]int{}}
	// PlfLst: cLst, then cLst LSTFs of 28 bytes; the LVLs follow in the
	// table stream, one per simple list, nine per other list.
	cLst := min(int(le16(lst, 0)), maxLists, (len(lst)-2)/28)
	fc := int(f.fib.fcLcb[2*iPlfLst]) + int(f.fib.fcLcb[2*iPlfLst+1])
	for i := range cLst {
		lstf := lst[2+28*i:]
		lsid := le32(lstf, 0)
		count := levels
		if lstf[26]&1 != 0 { // fSimpleList
			count = 1
		}
		var lvls [levels]*level
		for k := range count {
			lvls[k], fc = readLVL(f.table, fc)
			if lvls[k] == nil {
				return n
			}
		}
		n.lists[lsid] = &lvls
	}
	// PlfLfo: lfoMac, then lfoMac LFOs of 16 bytes, lsid first.
	lfoMac := min(int(le32(lfo, 0)), maxLists, (len(lfo)-4)/16)
	for i := range lfoMac {
		n.lfos = append(n.lfos, le32(lfo, 4+16*i))
	}
	return n
}

// readLVL reads the LVL at fc: an LVLF (28 bytes), its grpprlPapx and
// grpprlChpx, then the xst. It returns nil when the LVL overruns b.
func readLVL(b []byte, fc int) (*level, int) {
	if fc < 0 || fc+28 > len(b) {
		return nil, fc
	}
	lvlf := b[fc : fc+28]
	lv := &level{
		start:   int(int32(le32(lvlf, 0))),
		nfc:     lvlf[4],
		noReset: lvlf[5]&0x08 != 0,
		legal:   lvlf[5]&0x04 != 0,
	}
	switch lvlf[15] { // ixchFollow
	case 0:
		lv.suffix = "\t"
	case 1:
		lv.suffix = " "
	}
	fc += 28 + int(lvlf[25]) + int(lvlf[24]) // cbGrpprlPapx, cbGrpprlChpx
	cch := int(le16(b, fc))
	fc += 2
	if cch > 255 || fc+2*cch > len(b) {
		return nil, fc
	}
	lv.text = make([]uint16, cch)
	for i := range lv.text {
		lv.text[i] = le16(b, fc+2*i)
	}
	return lv, fc + 2*cch
}

// label advances the counters for a paragraph in list instance ilfo
// (1-based) at level ilvl and returns the label Word shows before it and
// the separator that follows it; "" when the paragraph is not numbered.
func (n *numbering) label(ilfo, ilvl int) (label, suffix string) {
	if n == nil || ilfo < 1 || ilfo > len(n.lfos) {
		return "", ""
	}
	lsid := n.lfos[ilfo-1]
	l := n.lists[lsid]
	ilvl = min(max(ilvl, 0), levels-1)
	if l == nil || l[ilvl] == nil {
		return "", ""
	}
	c := n.counters[lsid]
	if c == nil {
		c = new([levels]int)
		n.counters[lsid] = c
	}
	lv := l[ilvl]
	if c[ilvl] == 0 {
		c[ilvl] = max(lv.start, 0) + 1 // stored plus one, so that 0 is "not started"
	} else {
		c[ilvl]++
	}
	for k := ilvl + 1; k < levels; k++ {
		if l[k] == nil || !l[k].noReset {
			c[k] = 0
		}
	}
	if lv.nfc == nfcBullet {
		return "-", lv.suffix
	}
	var b strings.Builder
	for _, ch := range utf16.Decode(lv.text) {
		if ch >= levels {
			b.WriteRune(ch)
			continue
		}
		k := int(ch)
		ref := l[k]
		if ref == nil {
			continue
		}
		v := max(ref.start, 0)
		if c[k] > 0 {
			v = c[k] - 1
		}
		nfc := ref.nfc
		if lv.legal {
			nfc = nfcDecimal
		}
		b.WriteString(formatNumber(v, nfc))
	}
	if b.Len() == 0 {
		return "", ""
	}
	return b.String(), lv.suffix
}

// Number formats (MSONFC) that reports use.
const (
	nfcDecimal     = 0
	nfcUpperRoman  = 1
	nfcLowerRoman  = 2
	nfcUpperLetter = 3
	nfcLowerLetter = 4
	nfcDecimalZero = 22
	nfcBullet      = 23
	nfcNone        = 255
)

// formatNumber writes n in the number format nfc; formats reports do not
// use fall back to decimal.
func formatNumber(n int, nfc byte) string {
	st := listnum.Decimal
	switch nfc {
	case nfcNone, nfcBullet:
		st = listnum.None
	case nfcDecimalZero:
		st = listnum.DecimalZero
	case nfcLowerLetter:
		st = listnum.LowerLetter
	case nfcUpperLetter:
		st = listnum.UpperLetter
	case nfcLowerRoman:
		st = listnum.LowerRoman
	case nfcUpperRoman:
		st = listnum.UpperRoman
	}
	return listnum.Format(st, n)
}
