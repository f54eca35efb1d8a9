package xls

import (
	"encoding/binary"
	"unicode/utf16"
)

// Record types read, from [MS-XLS] 2.3 (the names are the spec's).
const (
	recFormula    = 0x0006
	recEOF        = 0x000A
	recDateMode   = 0x0022
	recFilePass   = 0x002F
	recContinue   = 0x003C
	recColInfo    = 0x007D
	recBoundSheet = 0x0085
	recMulRK      = 0x00BD
	recMulBlank   = 0x00BE
	recRString    = 0x00D6
	recXF         = 0x00E0
	recMergeCells = 0x00E5
	recSST        = 0x00FC
	recLabelSST   = 0x00FD
	recBlank      = 0x0201
	recNumber     = 0x0203
	recLabel      = 0x0204
	recBoolErr    = 0x0205
	recString     = 0x0207
	recRow        = 0x0208
	recRK         = 0x027E
	recFormat     = 0x041E
	recBOF        = 0x0809
)

// records walks the records of a Workbook stream: each a 2-byte type, a
// 2-byte length and that many bytes.
type records struct {
	b   []byte
	pos int
}

// next returns the next record. ok is false at the end of the stream or
// at a record whose length runs past it (a truncated file).
func (r *records) next() (id uint16, data []byte, ok bool) {
	if r.pos+4 > len(r.b) {
		return 0, nil, false
	}
	id = binary.LittleEndian.Uint16(r.b[r.pos:])
	n := int(binary.LittleEndian.Uint16(r.b[r.pos+2:]))
	if r.pos+4+n > len(r.b) {
		return 0, nil, false
	}
	data = r.b[r.pos+4 : r.pos+4+n]
	r.pos += 4 + n
	return id, data, true
}

// continues returns the data of the CONTINUE records that follow.
func (r *records) continues() [][]byte {
	var segs [][]byte
	for {
		save := r.pos
		id, data, ok := r.next()
		if !ok || id != recContinue {
			r.pos = save
			return segs
		}
		segs = append(segs, data)
	}
}

func u16(b []byte, at int) int {
	if at+2 > len(b) {
		return 0
	}
	return int(binary.LittleEndian.Uint16(b[at:]))
}

func u32(b []byte, at int) uint32 {
	if at+4 > len(b) {
		return 0
	}
	return binary.LittleEndian.Uint32(b[at:])
}

// segments reads across a record and its CONTINUE records, as the shared
// string table is stored: a string's characters may break at a record's
// end, and the next record then starts with a new flags byte saying
// whether the rest is compressed (one byte a character) or UTF-16.
type segments struct {
	segs [][]byte
	i    int // current segment
	off  int // offset in it
}

// skip passes over n bytes, which may cross segments.
func (s *segments) skip(n int) bool {
	for n > 0 {
		if s.i >= len(s.segs) {
			return false
		}
		k := min(n, len(s.segs[s.i])-s.off)
		s.off += k
		n -= k
		if s.off >= len(s.segs[s.i]) {
			s.i++
			s.off = 0
		}
	}
	return true
}

// bytes returns the next n bytes, copied when they cross segments.
func (s *segments) bytes(n int) ([]byte, bool) {
	if s.i < len(s.segs) && s.off+n <= len(s.segs[s.i]) {
		b := s.segs[s.i][s.off : s.off+n]
		s.off += n
		if s.off >= len(s.segs[s.i]) {
			s.i++
			s.off = 0
		}
		return b, true
	}
	out := make([]byte, 0, n)
	for len(out) < n {
		if s.i >= len(s.segs) {
			return nil, false
		}
		k := min(n-len(out), len(s.segs[s.i])-s.off)
		out = append(out, s.segs[s.i][s.off:s.off+k]...)
		s.off += k
		if s.off >= len(s.segs[s.i]) {
			s.i++
			s.off = 0
		}
	}
	return out, true
}

// str reads an XLUnicodeRichExtendedString ([MS-XLS] 2.5.293): a 2-byte
// character count, flags (fHighByte 0x01, fExtSt 0x04, fRichSt 0x08), the
// run and extension sizes the flags announce, the characters, then the
// runs and the extension, which are skipped.
func (s *segments) str() (string, bool) {
	h, ok := s.bytes(3)
	if !ok {
		return "", false
	}
	cch, flags := int(h[0])|int(h[1])<<8, h[2]
	runs, ext := 0, 0
	if flags&0x08 != 0 {
		b, ok := s.bytes(2)
		if !ok {
			return "", false
		}
		runs = int(b[0]) | int(b[1])<<8
	}
	if flags&0x04 != 0 {
		b, ok := s.bytes(4)
		if !ok {
			return "", false
		}
		ext = int(binary.LittleEndian.Uint32(b))
	}
	text, ok := s.chars(cch, flags&0x01 != 0)
	if !ok {
		return "", false
	}
	if !s.skip(4*runs) || !s.skip(ext) {
		return text, false
	}
	return text, true
}

// chars reads cch characters, compressed or not, taking a new flags byte
// at each segment boundary.
func (s *segments) chars(cch int, high bool) (string, bool) {
	u := make([]uint16, 0, cch)
	for len(u) < cch {
		if s.i >= len(s.segs) {
			return string(utf16.Decode(u)), false
		}
		seg := s.segs[s.i]
		if s.off >= len(seg) {
			s.i++
			s.off = 0
			continue
		}
		if s.off == 0 && s.i > 0 && len(u) > 0 {
			high = seg[0]&0x01 != 0
			s.off = 1
			continue
		}
		rest := seg[s.off:]
		need := cch - len(u)
		if high {
			n := min(need, len(rest)/2)
			for k := range n {
				u = append(u, uint16(rest[2*k])|uint16(rest[2*k+1])<<8)
			}
			s.off += 2 * n
			if n == 0 { // an odd byte left: damaged, step over it
				s.off = len(seg)
			}
		} else {
			n := min(need, len(rest))
			for k := range n {
				u = append(u, uint16(rest[k]))
			}
			s.off += n
		}
		if s.off >= len(seg) {
			s.i++
			s.off = 0
		}
	}
	return string(utf16.Decode(u)), true
}

// xlString reads the XLUnicodeString of a LABEL, STRING or FORMAT record
// (a 2-byte count) or of a BOUNDSHEET (a 1-byte count, short=true), which
// holds no runs or extension in these records but may announce them.
func xlString(b []byte, short bool) string {
	s := segments{segs: [][]byte{b}}
	if short {
		if len(b) < 2 {
			return ""
		}
		t, _ := s.charsAfter(2, int(b[0]), b[1])
		return t
	}
	t, _ := s.str()
	return t
}

// charsAfter skips a header of n bytes and reads cch characters.
func (s *segments) charsAfter(n, cch int, flags byte) (string, bool) {
	if !s.skip(n) {
		return "", false
	}
	return s.chars(cch, flags&0x01 != 0)
}
