package cfb

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"os"
	"testing"
)

// header returns a 512-byte compound file header with the given sector
// shift and FAT and DIFAT counts, followed by pad zero bytes.
func header(shift uint16, fat, difat uint32, pad int) []byte {
	b := make([]byte, headerSize+pad)
	copy(b, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
	binary.LittleEndian.PutUint16(b[0x1A:], 3)
	binary.LittleEndian.PutUint16(b[0x1C:], 0xFFFE)
	binary.LittleEndian.PutUint16(b[0x1E:], shift)
	binary.LittleEndian.PutUint32(b[0x2C:], fat)
	binary.LittleEndian.PutUint32(b[0x48:], difat)
	return b
}

func TestOpenRejectsHeader(t *testing.T) {
	tests := []struct {
		name string
		data []byte
	}{
		{"short", []byte("\xd0\xcf\x11\xe0")},
		{"sector shift 7", header(7, 1, 0, 512)},
		{"FAT beyond the file", header(9, 1000, 0, 512)},
		// 0x7F000000 DIFAT sectors of 127 entries overflow mscfb's
		// 32-bit capacity, which panicked in make.
		{"DIFAT overflow", header(9, 0, 0x7F000000, 512)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Open(bytes.NewReader(tt.data), int64(len(tt.data)))
			if !errors.Is(err, ErrHeader) {
				t.Fatalf("Open = %v, want ErrHeader", err)
			}
		})
	}
}

func TestOpenReadsDirectory(t *testing.T) {
	b, err := os.ReadFile("../../msdoc/testdata/report.doc")
	if err != nil {
		t.Fatal(err)
	}
	cf, err := Open(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for e, err := cf.Next(); err != io.EOF; e, err = cf.Next() {
		if err != nil {
			t.Fatal(err)
		}
		names[e.Name] = true
	}
	if !names["WordDocument"] {
		t.Errorf("streams %v, want WordDocument among them", names)
	}
}

func FuzzOpen(f *testing.F) {
	if b, err := os.ReadFile("../../msdoc/testdata/report.doc"); err == nil {
		f.Add(b)
	}
	f.Add(header(9, 1, 0x7F000000, 512))
	f.Fuzz(func(t *testing.T, b []byte) {
		cf, err := Open(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			return
		}
		for n := 0; n < 1000; n++ {
			if _, err := cf.Next(); err != nil {
				return
			}
		}
	})
}
