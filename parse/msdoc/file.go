package msdoc

import (
	"encoding/binary"
	"fmt"
	"io"

	"chiso/parse/internal/cfb"
)

// file is a .doc's streams and the parts of its FIB that are used.
type file struct {
	word  []byte // WordDocument
	table []byte // 0Table or 1Table, as the FIB says
	data  []byte // Data, absent in most documents
	fib   fib
}

// fib holds what is read of the File Information Block.
type fib struct {
	nFib    uint16
	ccpText int      // characters of the main document
	fcLcb   []uint32 // FibRgFcLcb: fc, lcb pairs
}

// FibRgFcLcb97 indexes of the structures read.
const (
	iStshf        = 1
	iPlcfBteChpx  = 12
	iPlcfBtePapx  = 13
	iSttbfFfn     = 15
	iClx          = 33
	fibBaseSize   = 32
	minFcLcbCount = iClx + 1
)

// open reads the compound file's streams and the FIB.
func open(r io.ReaderAt, size int64) (*file, error) {
	cf, err := cfb.Open(r, size)
	if err != nil {
		return nil, fmt.Errorf("not a readable compound (OLE2) file: %v", err)
	}
	var f file
	var tables [2][]byte
	for e, err := cf.Next(); err != io.EOF; e, err = cf.Next() {
		if err != nil {
			return nil, fmt.Errorf("compound file directory: %v", err)
		}
		if len(e.Path) != 0 {
			continue // a stream inside a storage: an embedded object
		}
		var dst *[]byte
		switch e.Name {
		case "WordDocument":
			dst = &f.word
		case "0Table":
			dst = &tables[0]
		case "1Table":
			dst = &tables[1]
		case "Data":
			dst = &f.data
		default:
			continue
		}
		if e.Size < 0 || e.Size > size {
			return nil, fmt.Errorf("stream %s claims %d bytes in a file of %d", e.Name, e.Size, size)
		}
		b := make([]byte, e.Size)
		if _, err := io.ReadFull(e, b); err != nil {
			return nil, fmt.Errorf("stream %s: %v", e.Name, err)
		}
		*dst = b
	}
	if f.word == nil {
		return nil, ErrNotWord
	}
	if err := f.readFIB(); err != nil {
		return nil, err
	}
	which := 0
	if le16(f.word, 0x0A)&0x0200 != 0 { // fWhichTblStm
		which = 1
	}
	f.table = tables[which]
	if f.table == nil {
		return nil, fmt.Errorf("the FIB names the table stream %dTable, which is missing", which)
	}
	return &f, nil
}

// readFIB reads the FIB: FibBase, then fibRgW, fibRgLw and fibRgFcLcb,
// each preceded by its count.
func (f *file) readFIB() error {
	w := f.word
	if len(w) < fibBaseSize+2 {
		return fmt.Errorf("WordDocument stream of %d bytes is too short for a FIB", len(w))
	}
	if id := le16(w, 0); id != 0xA5EC {
		return fmt.Errorf("WordDocument stream does not start with a Word FIB (wIdent %#04x, want 0xa5ec)", id)
	}
	f.fib.nFib = le16(w, 2)
	flags := le16(w, 0x0A)
	if flags&0x0100 != 0 { // fEncrypted
		return ErrEncrypted
	}
	if f.fib.nFib < 0x00C1 && f.fib.nFib != 0 {
		// Word 97 writes nFib 0xC1 and later versions keep 0xC1 in
		// FibBase; lower numbers are Word 6 and Word 95.
		return fmt.Errorf("a Word 6/95 document (nFib %d): only Word 97–2003 .doc is read; save it in a newer format", f.fib.nFib)
	}
	off := fibBaseSize
	csw := int(le16(w, off))
	off += 2 + 2*csw
	if off+2 > len(w) {
		return fmt.Errorf("FIB cut short in fibRgW (csw %d)", csw)
	}
	cslw := int(le16(w, off))
	lw := off + 2
	off = lw + 4*cslw
	if cslw < 4 || off+2 > len(w) {
		return fmt.Errorf("FIB cut short in fibRgLw (cslw %d)", cslw)
	}
	ccp := int32(le32(w, lw+3*4))
	if ccp < 0 || int(ccp) > len(w) {
		return fmt.Errorf("FIB says the text has %d characters, in a stream of %d bytes", ccp, len(w))
	}
	f.fib.ccpText = int(ccp)
	n := int(le16(w, off))
	off += 2
	if n < minFcLcbCount || off+8*n > len(w) {
		return fmt.Errorf("FIB cut short in fibRgFcLcb (%d pairs, need %d)", n, minFcLcbCount)
	}
	f.fib.fcLcb = make([]uint32, 2*n)
	for i := range f.fib.fcLcb {
		f.fib.fcLcb[i] = le32(w, off+4*i)
	}
	return nil
}

// tableSlice returns the structure FibRgFcLcb entry i points to in the
// table stream, or nil and an error when it lies outside.
func (f *file) tableSlice(i int, name string) ([]byte, error) {
	fc, lcb := f.fib.fcLcb[2*i], f.fib.fcLcb[2*i+1]
	if lcb == 0 {
		return nil, nil
	}
	if uint64(fc)+uint64(lcb) > uint64(len(f.table)) {
		return nil, fmt.Errorf("%s at %d+%d lies outside the table stream of %d bytes", name, fc, lcb, len(f.table))
	}
	return f.table[fc : fc+lcb], nil
}

func le16(b []byte, off int) uint16 {
	if off < 0 || off+2 > len(b) {
		return 0
	}
	return binary.LittleEndian.Uint16(b[off:])
}

func le32(b []byte, off int) uint32 {
	if off < 0 || off+4 > len(b) {
		return 0
	}
	return binary.LittleEndian.Uint32(b[off:])
}
