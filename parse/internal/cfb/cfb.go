// Package cfb opens compound (OLE2) files, the container of Word 97 .doc
// and Excel 97 .xls, with github.com/richardlehane/mscfb.
//
// mscfb reads the directory well but trusts two header counts: the number
// of FAT and DIFAT sectors ([MS-CFB] 2.2, offsets 0x2C and 0x48) size
// slices before they are checked, and their product with the sector size
// can overflow 32 bits, so a damaged header panics inside New. Open checks
// those counts against the file's size first, and turns any panic left in
// the library into an error, so that a damaged file is reported, not fatal.
package cfb

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"

	"github.com/richardlehane/mscfb"
)

// headerSize is the compound file header's length in bytes.
const headerSize = 512

// ErrHeader is returned for a header whose counts cannot fit the file.
var ErrHeader = errors.New("compound file header does not fit the file")

// Open reads the header and directory of the compound file r of size bytes.
func Open(r io.ReaderAt, size int64) (cf *mscfb.Reader, err error) {
	if err := check(r, size); err != nil {
		return nil, err
	}
	defer func() {
		if p := recover(); p != nil {
			cf, err = nil, fmt.Errorf("%w: %v", ErrHeader, p)
		}
	}()
	return mscfb.New(io.NewSectionReader(r, 0, size))
}

// check rejects a header whose sector size is not one [MS-CFB] allows or
// whose FAT or DIFAT sectors could not all be in the file.
func check(r io.ReaderAt, size int64) error {
	var h [headerSize]byte
	if size < headerSize {
		return fmt.Errorf("%w: %d bytes, shorter than the %d-byte header", ErrHeader, size, headerSize)
	}
	if _, err := r.ReadAt(h[:], 0); err != nil {
		return fmt.Errorf("%w: %v", ErrHeader, err)
	}
	shift := binary.LittleEndian.Uint16(h[0x1E:])
	if shift != 9 && shift != 12 {
		return fmt.Errorf("%w: sector size 2^%d, not 512 or 4096", ErrHeader, shift)
	}
	sectors := size >> shift
	fat := int64(binary.LittleEndian.Uint32(h[0x2C:]))
	difat := int64(binary.LittleEndian.Uint32(h[0x48:]))
	if fat > sectors || difat > sectors {
		return fmt.Errorf("%w: %d FAT and %d DIFAT sectors in a file of %d sectors", ErrHeader, fat, difat, sectors)
	}
	return nil
}
