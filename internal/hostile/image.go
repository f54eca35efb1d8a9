package hostile

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io"

	"golang.org/x/image/tiff"
)

// page is a small grey page with dark bars where lines of text would
// be and a ruled box: enough for a decoder's every stage, quick to
// recognise.
func page() *image.Gray {
	g := image.NewGray(image.Rect(0, 0, 320, 240))
	for i := range g.Pix {
		g.Pix[i] = 0xFF
	}
	dark := func(x0, y0, x1, y1 int) {
		for y := y0; y < y1; y++ {
			for x := x0; x < x1; x++ {
				g.SetGray(x, y, color.Gray{Y: 0x10})
			}
		}
	}
	for i := range 5 {
		dark(20, 20+16*i, 300-20*i, 28+16*i)
	}
	dark(20, 120, 300, 122)
	dark(20, 220, 300, 222)
	dark(20, 120, 22, 222)
	dark(298, 120, 300, 222)
	return g
}

// PNG, JPEG and TIFF are the small page in each image format.
func PNG() []byte {
	var b bytes.Buffer
	png.Encode(&b, page())
	return b.Bytes()
}

// JPEG is the small page as a baseline JPEG.
func JPEG() []byte {
	var b bytes.Buffer
	jpeg.Encode(&b, page(), &jpeg.Options{Quality: 75})
	return b.Bytes()
}

// TIFF is the small page as a deflated TIFF.
func TIFF() []byte {
	var b bytes.Buffer
	tiff.Encode(&b, page(), &tiff.Options{Compression: tiff.Deflate})
	return b.Bytes()
}

func pngChunk(w io.Writer, typ string, data []byte) {
	binary.Write(w, binary.BigEndian, uint32(len(data)))
	crc := crc32.NewIEEE()
	crc.Write([]byte(typ))
	crc.Write(data)
	io.WriteString(w, typ)
	w.Write(data)
	binary.Write(w, binary.BigEndian, crc.Sum32())
}

// PNGBomb is a PNG of w×h pixels of the given bit depth and colour type
// (0 grey, 2 RGB, 6 RGBA) whose IDAT holds rows of zeros (all of them
// when full, else at most 4 KB of one): a few hundred KB that decode to
// what the header claims.
func PNGBomb(w, h int, depth, colorType byte, full bool) []byte {
	channels := map[byte]int{0: 1, 2: 3, 4: 2, 6: 4}[colorType]
	rowLen := 1 + (w*channels*int(depth)+7)/8
	rows := h
	if !full {
		rows = 1
	}
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := binary.BigEndian.AppendUint32(nil, uint32(w))
	ihdr = binary.BigEndian.AppendUint32(ihdr, uint32(h))
	ihdr = append(ihdr, depth, colorType, 0, 0, 0)
	pngChunk(&b, "IHDR", ihdr)
	if !full {
		// Not even a row: a header claiming 2^31 columns must not cost
		// 2 GB here.
		rowLen = min(rowLen, 4096)
	}
	pngChunk(&b, "IDAT", Repeat(make([]byte, rowLen), rows).Zlib())
	pngChunk(&b, "IEND", nil)
	return b.Bytes()
}

// JPEGDims is the small JPEG with its frame header claiming w×h pixels:
// a decoder that sizes its image from the header allocates for them.
func JPEGDims(w, h int) []byte {
	b := JPEG()
	for i := 2; i+9 < len(b); i++ {
		if b[i] == 0xFF && b[i+1] == 0xC0 { // SOF0
			binary.BigEndian.PutUint16(b[i+5:], uint16(h))
			binary.BigEndian.PutUint16(b[i+7:], uint16(w))
			break
		}
	}
	return b
}

// TIFFBomb is a little-endian TIFF of w×h pixels, samples per pixel and
// bits per sample as given, one deflated strip of zeros (rows of them,
// 0: all).
func TIFFBomb(w, h, samples, bits int, rows int) []byte {
	if rows == 0 {
		rows = h
	}
	rowLen := (w*samples*bits + 7) / 8
	if rowLen > 64<<20 {
		rowLen = 4096 // a cut strip: not 2 GB for 2^31 columns
	}
	strip := Repeat(make([]byte, rowLen), rows).Zlib()
	le := binary.LittleEndian
	var b []byte
	b = append(b, "II*\x00"...)
	b = le.AppendUint32(b, 8)
	type tag struct {
		id, typ uint16
		n, v    uint32
	}
	photometric := uint32(1)
	if samples >= 3 {
		photometric = 2
	}
	var bitsVal uint32 = uint32(bits)
	tags := []tag{
		{256, 4, 1, uint32(w)},
		{257, 4, 1, uint32(h)},
		{258, 3, 1, bitsVal},
		{259, 3, 1, 8}, // deflate
		{262, 3, 1, photometric},
		{273, 4, 1, 0}, // StripOffsets, set below
		{277, 3, 1, uint32(samples)},
		{278, 4, 1, uint32(h)},
		{279, 4, 1, uint32(len(strip))},
	}
	if samples == 4 {
		tags = append(tags, tag{338, 3, 1, 2}) // ExtraSamples: unassociated alpha
	}
	if samples > 1 {
		// BitsPerSample has a value per sample: they go after the IFD.
		tags[2].n = uint32(samples)
	}
	ifdLen := 2 + 12*len(tags) + 4
	extra := 8 + ifdLen
	bitsAt := uint32(0)
	var tail []byte
	if samples > 1 {
		bitsAt = uint32(extra)
		for range samples {
			tail = le.AppendUint16(tail, uint16(bits))
		}
		tags[2].v = bitsAt
	}
	tags[5].v = uint32(extra + len(tail))
	b = le.AppendUint16(b, uint16(len(tags)))
	for _, t := range tags {
		b = le.AppendUint16(b, t.id)
		b = le.AppendUint16(b, t.typ)
		b = le.AppendUint32(b, t.n)
		if t.typ == 3 && t.n == 1 {
			b = le.AppendUint16(b, uint16(t.v))
			b = le.AppendUint16(b, 0)
		} else {
			b = le.AppendUint32(b, t.v)
		}
	}
	b = le.AppendUint32(b, 0)
	b = append(b, tail...)
	return append(b, strip...)
}
