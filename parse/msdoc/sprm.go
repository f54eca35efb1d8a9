package msdoc

// Sprms read ([MS-DOC] 2.6). A sprm's operand size follows from its spra
// (the top three bits); spra 6 has a size byte, except for the two sprms
// with longer operands.
const (
	sprmCFRMarkDel       = 0x0800
	sprmCFVanish         = 0x083C
	sprmCFSpec           = 0x0855
	sprmCIstd            = 0x4A30
	sprmCRgFtc0          = 0x4A4F // font of ASCII text
	sprmCRgFtc2          = 0x4A51 // font of other (high-ANSI) text
	sprmPFInTable        = 0x2416
	sprmPFTtp            = 0x2417
	sprmPFInnerTableCell = 0x244B
	sprmPFInnerTtp       = 0x244C
	sprmPItap            = 0x6649
	sprmPHugePapx        = 0x6646
	sprmPChgTabs         = 0xC615
	sprmTDefTable        = 0xD608
	sprmTVertMerge       = 0xD62B
)

// sprm is one property modifier and its operand.
type sprm struct {
	code uint16
	arg  []byte
}

// u8, u16 read the operand; missing bytes read as 0.
func (s sprm) u8() int {
	if len(s.arg) == 0 {
		return 0
	}
	return int(s.arg[0])
}

func (s sprm) u16() int { return int(le16(s.arg, 0)) }

// on reads a toggle operand: 0 off, 1 on, 0x81 the opposite of the style
// (taken as on, since the styles set none of the toggles read), 0x80 as
// the style (off).
func (s sprm) on() bool { v := s.u8(); return v == 1 || v == 0x81 }

// eachSprm calls fn for every sprm of grpprl, stopping at the first one
// whose operand overruns it.
func eachSprm(grpprl []byte, fn func(sprm)) {
	for i := 0; i+2 <= len(grpprl); {
		code := le16(grpprl, i)
		i += 2
		var n int
		switch code >> 13 {
		case 0, 1:
			n = 1
		case 2, 4, 5:
			n = 2
		case 3:
			n = 4
		case 7:
			n = 3
		case 6:
			switch code {
			case sprmTDefTable:
				// TDefTableOperand: cb (2 bytes) counts the rest plus 1.
				n = 2 + max(int(le16(grpprl, i))-1, 0)
			case sprmPChgTabs:
				n = chgTabsSize(grpprl[i:])
			default:
				if i >= len(grpprl) {
					return
				}
				n = 1 + int(grpprl[i])
			}
		}
		if i+n > len(grpprl) {
			return
		}
		arg := grpprl[i : i+n]
		if code>>13 == 6 {
			if code == sprmTDefTable {
				arg = arg[2:]
			} else {
				arg = arg[1:]
			}
		}
		fn(sprm{code, arg})
		i += n
	}
}

// chgTabsSize is the size of a sprmPChgTabs operand: its size byte, or
// when that is 255, the size its deleted and added tab lists make
// (PChgTabsDelClose, PChgTabsAdd).
func chgTabsSize(b []byte) int {
	if len(b) == 0 {
		return 1
	}
	if b[0] != 255 {
		return 1 + int(b[0])
	}
	del := 1 + 4*int(byteAt(b, 1))
	add := 1 + 3*int(byteAt(b, 1+del))
	return 1 + del + add
}

func byteAt(b []byte, i int) byte {
	if i < 0 || i >= len(b) {
		return 0
	}
	return b[i]
}
