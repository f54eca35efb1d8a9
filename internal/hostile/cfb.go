package hostile

import (
	"encoding/binary"
	"unicode/utf16"
)

// Special sector numbers of [MS-CFB] 2.1.
const (
	cfbFree   = 0xFFFFFFFF
	cfbEnd    = 0xFFFFFFFE
	cfbFATSec = 0xFFFFFFFD
	cfbNone   = 0xFFFFFFFF // no sibling or child
)

// CFBStream is a named stream of a compound file's root storage.
type CFBStream struct {
	Name string
	Data []byte
}

// cfbFile is a compound file and where its structures lie, for the
// damage classes to patch.
type cfbFile struct {
	b        []byte
	start    []uint32 // first sector of each stream
	dirStart uint32
	fatStart uint32
	nfat     int
}

// sectorOff is the file offset of sector s (512-byte sectors).
func sectorOff(s uint32) int { return int(s+1) * 512 }

// CFB writes a version 3 compound file (512-byte sectors) holding
// streams in its root storage. Streams shorter than the 4096-byte
// mini-stream cutoff are padded with zeros to it, so that every stream
// lives in regular sectors and the file needs no mini stream.
func CFB(streams ...CFBStream) []byte { return buildCFB(streams).b }

func buildCFB(streams []CFBStream) *cfbFile {
	le := binary.LittleEndian
	f := &cfbFile{}
	var secs [][]byte // sector contents, in order
	var fat []uint32
	chain := func(data []byte) uint32 {
		first := uint32(len(secs))
		for off := 0; off < len(data); off += 512 {
			s := make([]byte, 512)
			copy(s, data[off:])
			secs = append(secs, s)
			fat = append(fat, uint32(len(secs)))
		}
		fat[len(fat)-1] = cfbEnd
		return first
	}
	sizes := make([]int, len(streams))
	for i, st := range streams {
		data := st.Data
		if len(data) < 4096 {
			data = append(append([]byte{}, data...), make([]byte, 4096-len(data))...)
		}
		sizes[i] = len(data)
		f.start = append(f.start, chain(data))
	}
	// The directory: the root entry, then the streams, each the right
	// sibling of the one before (a degenerate but valid red-black tree:
	// all black, ordered by length then name is not required to read).
	dir := make([]byte, 128*((len(streams)+1+3)/4*4))
	entry := func(i int, name string, typ byte, child, right uint32, start uint32, size int) {
		e := dir[128*i:]
		u := utf16.Encode([]rune(name))
		for k, c := range u {
			le.PutUint16(e[2*k:], c)
		}
		le.PutUint16(e[64:], uint16(2*len(u)+2))
		e[66], e[67] = typ, 1
		le.PutUint32(e[68:], cfbNone)
		le.PutUint32(e[72:], right)
		le.PutUint32(e[76:], child)
		le.PutUint32(e[116:], start)
		le.PutUint64(e[120:], uint64(size))
	}
	child := uint32(cfbNone)
	if len(streams) > 0 {
		child = 1
	}
	entry(0, "Root Entry", 5, child, cfbNone, cfbEnd, 0)
	for i, st := range streams {
		right := uint32(i + 2)
		if i == len(streams)-1 {
			right = cfbNone
		}
		entry(i+1, st.Name, 2, cfbNone, right, f.start[i], sizes[i])
	}
	for i := len(streams) + 1; i < len(dir)/128; i++ {
		for _, off := range []int{68, 72, 76} {
			le.PutUint32(dir[128*i+off:], cfbNone)
		}
	}
	f.dirStart = chain(dir)
	// FAT sectors: enough for every sector, themselves included.
	n := len(secs)
	nfat := 1
	for (n+nfat+127)/128 > nfat {
		nfat++
	}
	f.fatStart, f.nfat = uint32(n), nfat
	for range nfat {
		fat = append(fat, cfbFATSec)
	}
	for len(fat) < 128*nfat {
		fat = append(fat, cfbFree)
	}
	h := make([]byte, 512)
	copy(h, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
	le.PutUint16(h[0x18:], 0x003E)
	le.PutUint16(h[0x1A:], 3)
	le.PutUint16(h[0x1C:], 0xFFFE)
	le.PutUint16(h[0x1E:], 9)
	le.PutUint16(h[0x20:], 6)
	le.PutUint32(h[0x2C:], uint32(nfat))
	le.PutUint32(h[0x30:], f.dirStart)
	le.PutUint32(h[0x38:], 4096)
	le.PutUint32(h[0x3C:], cfbEnd)
	le.PutUint32(h[0x44:], cfbEnd)
	for i := range 109 {
		v := uint32(cfbFree)
		if i < nfat {
			v = f.fatStart + uint32(i)
		}
		le.PutUint32(h[0x4C+4*i:], v)
	}
	f.b = h
	for _, s := range secs {
		f.b = append(f.b, s...)
	}
	for i := range fat {
		f.b = le.AppendUint32(f.b, fat[i])
	}
	return f
}

// fatEntry is the file offset of sector s's FAT entry.
func (f *cfbFile) fatEntry(s uint32) int { return sectorOff(f.fatStart) + 4*int(s) }

// dirEntry is the file offset of directory entry i (entries of the
// first directory sector only: the files built here have few).
func (f *cfbFile) dirEntry(i int) int { return sectorOff(f.dirStart) + 128*i }

// CFBDamage is a way of damaging a compound file, named for its class.
type CFBDamage struct {
	Name  string
	apply func(f *cfbFile)
}

func put32(b []byte, off int, v uint32) {
	if off >= 0 && off+4 <= len(b) {
		binary.LittleEndian.PutUint32(b[off:], v)
	}
}

func put64(b []byte, off int, v uint64) {
	if off >= 0 && off+8 <= len(b) {
		binary.LittleEndian.PutUint64(b[off:], v)
	}
}

// CFBDamages are the compound-file damages: header counts mscfb sizes
// slices with, sector chains that loop, streams claiming more than the
// file, and directory trees that cycle.
var CFBDamages = []CFBDamage{
	{"fat-count-2^32", func(f *cfbFile) { put32(f.b, 0x2C, 0xFFFFFFFF) }},
	{"fat-count-2^31", func(f *cfbFile) { put32(f.b, 0x2C, 0x80000000) }},
	{"fat-count-fits", func(f *cfbFile) { put32(f.b, 0x2C, uint32(len(f.b)/512-1)) }},
	{"difat-count-2^32", func(f *cfbFile) { put32(f.b, 0x48, 0xFFFFFFFF); put32(f.b, 0x44, 0) }},
	{"difat-count-fits", func(f *cfbFile) { put32(f.b, 0x48, uint32(len(f.b)/512-1)); put32(f.b, 0x44, 0) }},
	{"difat-self-loop", func(f *cfbFile) {
		// A DIFAT sector whose next-sector pointer is itself.
		put32(f.b, 0x48, 1)
		put32(f.b, 0x44, f.start[0])
		put32(f.b, 0x2C, 200)
		off := sectorOff(f.start[0])
		for i := range 127 {
			put32(f.b, off+4*i, f.fatStart)
		}
		put32(f.b, off+508, f.start[0])
	}},
	{"fat-sector-out-of-file", func(f *cfbFile) { put32(f.b, 0x4C, 0x7FFFFFF0) }},
	{"stream-chain-self-loop", func(f *cfbFile) { put32(f.b, f.fatEntry(f.start[0]), f.start[0]) }},
	{"stream-chain-back-loop", func(f *cfbFile) { put32(f.b, f.fatEntry(f.start[0]+3), f.start[0]) }},
	{"stream-chain-into-fat", func(f *cfbFile) { put32(f.b, f.fatEntry(f.start[0]), f.fatStart) }},
	{"stream-chain-free", func(f *cfbFile) { put32(f.b, f.fatEntry(f.start[0]+1), cfbFree) }},
	{"stream-chain-out-of-file", func(f *cfbFile) { put32(f.b, f.fatEntry(f.start[0]), 0x00FFFFFF) }},
	{"dir-chain-self-loop", func(f *cfbFile) { put32(f.b, f.fatEntry(f.dirStart), f.dirStart) }},
	{"dir-start-out-of-file", func(f *cfbFile) { put32(f.b, 0x30, 0x7FFFFFF0) }},
	{"stream-size-2^32", func(f *cfbFile) { put64(f.b, f.dirEntry(1)+120, 0xFFFFFFFF) }},
	{"stream-size-2^40-v4", func(f *cfbFile) { put64(f.b, f.dirEntry(1)+120, 1<<40) }},
	{"stream-size-negative", func(f *cfbFile) { put64(f.b, f.dirEntry(1)+120, 1<<63) }},
	{"stream-start-out-of-file", func(f *cfbFile) { put32(f.b, f.dirEntry(1)+116, 0x7FFFFFF0) }},
	{"stream-into-mini-stream", func(f *cfbFile) { put64(f.b, f.dirEntry(1)+120, 100) }},
	{"mini-cutoff-huge", func(f *cfbFile) { put32(f.b, 0x38, 0xFFFFFFFF) }},
	{"mini-fat-self-loop", func(f *cfbFile) {
		put32(f.b, 0x38, 0xFFFFFFFF)
		put32(f.b, 0x3C, f.start[0])
		put32(f.b, 0x40, 0x7FFFFFFF)
		put32(f.b, f.fatEntry(f.start[0]), f.start[0])
	}},
	{"sibling-self-cycle", func(f *cfbFile) { put32(f.b, f.dirEntry(1)+72, 1) }},
	{"sibling-cycle-to-root", func(f *cfbFile) { put32(f.b, f.dirEntry(1)+68, 0) }},
	{"child-is-root", func(f *cfbFile) { put32(f.b, f.dirEntry(0)+76, 0) }},
	{"child-out-of-range", func(f *cfbFile) { put32(f.b, f.dirEntry(0)+76, 0x7FFFFFF0) }},
	{"storage-cycle", func(f *cfbFile) {
		f.b[f.dirEntry(1)+66] = 1 // a storage whose child is the root
		put32(f.b, f.dirEntry(1)+76, 0)
	}},
	{"name-length-huge", func(f *cfbFile) { binary.LittleEndian.PutUint16(f.b[f.dirEntry(1)+64:], 0xFFFF) }},
	{"sector-shift-20", func(f *cfbFile) { binary.LittleEndian.PutUint16(f.b[0x1E:], 20) }},
	{"sector-shift-12-v3", func(f *cfbFile) { binary.LittleEndian.PutUint16(f.b[0x1E:], 12) }},
	{"version-4-512", func(f *cfbFile) { binary.LittleEndian.PutUint16(f.b[0x1A:], 4) }},
	{"truncated-header", func(f *cfbFile) { f.b = f.b[:300] }},
	{"truncated-fat", func(f *cfbFile) { f.b = f.b[:sectorOff(f.fatStart)+100] }},
	{"truncated-half", func(f *cfbFile) { f.b = f.b[:len(f.b)/2] }},
}

// DamagedCFB is the compound file of streams with damage d.
func DamagedCFB(d CFBDamage, streams ...CFBStream) []byte {
	f := buildCFB(streams)
	d.apply(f)
	return f.b
}
