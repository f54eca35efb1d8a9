package hostile

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"hash/adler32"
	"hash/crc32"
	"io"
)

// Deflated is a raw deflate stream of a chunk repeated many times, made
// without compressing the whole: the chunk is compressed once, flushed to
// a byte boundary, and the segment repeated, since a segment's
// back-references stay inside its own chunk. Gigabytes cost a second.
type Deflated struct {
	pre, seg, suf []byte // the prefix, one chunk and the suffix, each compressed and flushed
	n             int    // times the chunk is repeated
	Size          int64  // inflated length
	CRC32         uint32
	Adler         uint32
	Packed        int64 // deflated length, with the final block
}

// Repeat compresses chunk repeated n times.
func Repeat(chunk []byte, n int) *Deflated { return Framed(nil, chunk, n, nil) }

// Framed compresses pre, then chunk repeated n times, then suf: a part
// that is well-formed XML around a body of any length.
func Framed(pre, chunk []byte, n int, suf []byte) *Deflated {
	// A short chunk compresses to a segment little shorter than itself,
	// its block headers and first literals: it is grown to about 1 MB
	// first, the remainder of n moved into the suffix.
	if k := (1 << 20) / max(1, len(chunk)); k > 1 && n > 1 {
		k = min(k, n)
		rest := bytes.Repeat(chunk, n%k)
		chunk, n = bytes.Repeat(chunk, k), n/k
		suf = append(rest, suf...)
	}
	d := &Deflated{pre: segment(pre), seg: segment(chunk), suf: segment(suf), n: n}
	d.Size = int64(len(pre)) + int64(len(chunk))*int64(n) + int64(len(suf))
	crc, ad := crc32.NewIEEE(), adler32.New()
	w := io.MultiWriter(crc, ad)
	w.Write(pre)
	for range n {
		w.Write(chunk)
	}
	w.Write(suf)
	d.CRC32, d.Adler = crc.Sum32(), ad.Sum32()
	d.Packed = int64(len(d.pre)) + int64(len(d.seg))*int64(n) + int64(len(d.suf)) + 2
	return d
}

// segment compresses b alone and flushes to a byte boundary, without a
// final block, so that segments can follow one another.
func segment(b []byte) []byte {
	if len(b) == 0 {
		return nil
	}
	var out bytes.Buffer
	w, _ := flate.NewWriter(&out, flate.BestCompression)
	w.Write(b)
	w.Flush()
	return out.Bytes()
}

// WriteRaw writes the raw deflate stream.
func (d *Deflated) WriteRaw(w io.Writer) error {
	if _, err := w.Write(d.pre); err != nil {
		return err
	}
	for range d.n {
		if _, err := w.Write(d.seg); err != nil {
			return err
		}
	}
	if _, err := w.Write(d.suf); err != nil {
		return err
	}
	_, err := w.Write([]byte{0x03, 0x00}) // an empty final fixed-Huffman block
	return err
}

// WriteZlib writes the stream in a zlib wrapper, as a PDF's FlateDecode
// and a PNG's IDAT hold it.
func (d *Deflated) WriteZlib(w io.Writer) error {
	if _, err := w.Write([]byte{0x78, 0xDA}); err != nil {
		return err
	}
	if err := d.WriteRaw(w); err != nil {
		return err
	}
	return binary.Write(w, binary.BigEndian, d.Adler)
}

// ZlibLen is the length WriteZlib writes.
func (d *Deflated) ZlibLen() int64 { return d.Packed + 6 }

// Zlib returns what WriteZlib writes; for bombs of up to a few GB
// inflated (a few MB deflated).
func (d *Deflated) Zlib() []byte {
	var b bytes.Buffer
	d.WriteZlib(&b)
	return b.Bytes()
}
