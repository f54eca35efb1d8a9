package pdf

import (
	"sort"
	"unicode/utf16"

	lpdf "github.com/ledongthuc/pdf"
)

// cmap is a parsed CMap: a ToUnicode map (code -> text) or a Type0 font's
// encoding (code -> CID). It is written here rather than taken from
// ledongthuc because ledongthuc's bfrange arithmetic adds the offset to the
// last destination byte only, which corrupts every range that crosses a
// 256 boundary (Identity-H fonts written by MS Word and fpdf), and it knows
// nothing of CID maps.
type cmap struct {
	space  []codeRange
	chars  map[codeKey]string
	ranges []textRange
	cids   map[codeKey]uint32
	cidRng []cidRange
}

// codeKey is a character code together with its length in bytes: <20> and
// <0020> are different codes.
type codeKey struct {
	code uint32
	n    uint8
}

type codeRange struct {
	lo, hi []byte
}

type textRange struct {
	lo, hi uint32
	n      uint8
	dst    []byte   // UTF-16BE of the first code, when not an array
	arr    []string // one text per code, when the destination is an array
}

type cidRange struct {
	lo, hi uint32
	n      uint8
	cid    uint32
}

func codeOf(b []byte) uint32 {
	var c uint32
	for _, x := range b {
		c = c<<8 | uint32(x)
	}
	return c
}

// parseCMap reads a CMap stream. Malformed streams give what was read before
// the fault; a stream that yields nothing gives nil.
//
// CMaps open with "/CIDInit /ProcSet findresource begin", and Interpret
// panics when begin finds no dictionary; ledongthuc cannot make an empty
// dictionary Value outside its package, so the caller passes any dictionary
// (the font's) to stand for the ProcSet. Definitions land in the CMap's own
// "12 dict begin" dictionary, not in it.
func parseCMap(strm, scratch lpdf.Value) (m *cmap) {
	m = &cmap{chars: map[codeKey]string{}, cids: map[codeKey]uint32{}}
	defer func() {
		if recover() != nil && m.empty() {
			m = nil
		}
		if m != nil {
			sort.Slice(m.ranges, func(i, j int) bool { return m.ranges[i].lo < m.ranges[j].lo })
		}
	}()
	if (*budget)(nil).measure(strm) != nil {
		return nil
	}
	mark := 0
	lpdf.Interpret(strm, func(stk *lpdf.Stack, op string) {
		switch op {
		case "findresource":
			stk.Pop()
			stk.Pop()
			stk.Push(scratch)
			return
		case "defineresource":
			stk.Pop()
			v := stk.Pop()
			stk.Pop()
			stk.Push(v)
			return
		case "begincodespacerange", "beginbfchar", "beginbfrange", "begincidchar", "begincidrange", "beginnotdefrange", "beginnotdefchar":
			stk.Pop() // the entry count, which is often wrong
			mark = stk.Len()
			return
		case "endcodespacerange", "endbfchar", "endbfrange", "endcidchar", "endcidrange":
		default:
			if op == "endnotdefrange" || op == "endnotdefchar" {
				for stk.Len() > mark {
					stk.Pop()
				}
			}
			return
		}
		args := make([]lpdf.Value, stk.Len()-mark)
		for i := len(args) - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		switch op {
		case "endcodespacerange":
			for i := 0; i+1 < len(args); i += 2 {
				lo, hi := args[i].RawString(), args[i+1].RawString()
				if len(lo) == len(hi) && len(lo) >= 1 && len(lo) <= 4 {
					m.space = append(m.space, codeRange{[]byte(lo), []byte(hi)})
				}
			}
		case "endbfchar":
			for i := 0; i+1 < len(args); i += 2 {
				src := args[i].RawString()
				if len(src) < 1 || len(src) > 4 {
					continue
				}
				m.chars[codeKey{codeOf([]byte(src)), uint8(len(src))}] = dstText(args[i+1])
			}
		case "endbfrange":
			for i := 0; i+2 < len(args); i += 3 {
				lo, hi := args[i].RawString(), args[i+1].RawString()
				if len(lo) < 1 || len(lo) > 4 || len(hi) != len(lo) {
					continue
				}
				r := textRange{lo: codeOf([]byte(lo)), hi: codeOf([]byte(hi)), n: uint8(len(lo))}
				if r.hi < r.lo {
					continue
				}
				d := args[i+2]
				if d.Kind() == lpdf.Array {
					for j := 0; j < d.Len(); j++ {
						r.arr = append(r.arr, dstText(d.Index(j)))
					}
				} else {
					r.dst = []byte(d.RawString())
				}
				m.ranges = append(m.ranges, r)
			}
		case "endcidchar":
			for i := 0; i+1 < len(args); i += 2 {
				src := args[i].RawString()
				if len(src) < 1 || len(src) > 4 {
					continue
				}
				m.cids[codeKey{codeOf([]byte(src)), uint8(len(src))}] = uint32(args[i+1].Int64())
			}
		case "endcidrange":
			for i := 0; i+2 < len(args); i += 3 {
				lo, hi := args[i].RawString(), args[i+1].RawString()
				if len(lo) < 1 || len(lo) > 4 || len(hi) != len(lo) {
					continue
				}
				m.cidRng = append(m.cidRng, cidRange{codeOf([]byte(lo)), codeOf([]byte(hi)), uint8(len(lo)), uint32(args[i+2].Int64())})
			}
		}
	})
	if m.empty() {
		return nil
	}
	return m
}

func (m *cmap) empty() bool {
	return len(m.space) == 0 && len(m.chars) == 0 && len(m.ranges) == 0 && len(m.cids) == 0 && len(m.cidRng) == 0
}

// dstText decodes a bfchar/bfrange destination: UTF-16BE bytes or a glyph name.
func dstText(v lpdf.Value) string {
	if v.Kind() == lpdf.Name {
		return glyphText(v.Name())
	}
	return utf16Text([]byte(v.RawString()))
}

// utf16Text decodes UTF-16BE, dropping what cannot be text. An odd length
// (some producers write <20> for a space) is read as one byte per character.
func utf16Text(b []byte) string {
	if len(b)%2 == 1 {
		rs := make([]rune, 0, len(b))
		for _, c := range b {
			if validRune(rune(c)) {
				rs = append(rs, rune(c))
			}
		}
		return string(rs)
	}
	if len(b) == 2 && b[0] == 0 && b[1] >= 0x20 && b[1] < 0x7f {
		return asciiStrings[b[1]]
	}
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	rs := utf16.Decode(u)
	out := rs[:0]
	for _, r := range rs {
		if validRune(r) {
			out = append(out, r)
		}
	}
	return string(out)
}

var asciiStrings = func() (t [128]string) {
	for i := range t {
		t[i] = string(rune(i))
	}
	return t
}()

// text returns the text of a code, and whether the map has it.
func (m *cmap) text(code uint32, n uint8) (string, bool) {
	if s, ok := m.chars[codeKey{code, n}]; ok {
		return s, true
	}
	rs := m.ranges
	i := sort.Search(len(rs), func(i int) bool { return rs[i].lo > code })
	// Ranges rarely overlap; look back a little for one of the right width.
	for j := i - 1; j >= 0 && j >= i-8; j-- {
		r := &rs[j]
		if r.n != n || code > r.hi {
			continue
		}
		off := code - r.lo
		if r.arr != nil {
			if int(off) < len(r.arr) {
				return r.arr[off], true
			}
			return "", true
		}
		return utf16Text(addCarry(r.dst, off)), true
	}
	return "", false
}

// addCarry adds off to the big-endian number in b, carrying across bytes
// (the increment the PDF specification intends for bfrange destinations).
func addCarry(b []byte, off uint32) []byte {
	out := make([]byte, len(b))
	copy(out, b)
	carry := uint64(off)
	for i := len(out) - 1; i >= 0 && carry > 0; i-- {
		s := uint64(out[i]) + carry&0xff
		out[i] = byte(s)
		carry = carry>>8 + s>>8
	}
	return out
}

// cid returns the CID of a code through cidchar/cidrange, and whether the
// map has one.
func (m *cmap) cid(code uint32, n uint8) (uint32, bool) {
	if c, ok := m.cids[codeKey{code, n}]; ok {
		return c, true
	}
	for _, r := range m.cidRng {
		if r.n == n && code >= r.lo && code <= r.hi {
			return r.cid + code - r.lo, true
		}
	}
	return 0, false
}

// codeLen returns how many bytes of s, from its start, form the next code
// according to the codespace ranges (1 when there are none).
func (m *cmap) codeLen(s string) int {
	if m == nil || len(m.space) == 0 {
		return 1
	}
	shortest := 4
	for n := 1; n <= 4 && n <= len(s); n++ {
		for _, r := range m.space {
			if len(r.lo) != n {
				continue
			}
			if n < shortest {
				shortest = n
			}
			in := true
			for k := 0; k < n; k++ {
				if s[k] < r.lo[k] || s[k] > r.hi[k] {
					in = false
					break
				}
			}
			if in {
				return n
			}
		}
	}
	if shortest > len(s) {
		shortest = len(s)
	}
	return shortest
}
