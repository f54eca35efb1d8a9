package hostile

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"math/rand"
	"regexp"
)

// Format is a valid small document in one of the formats chiso reads,
// the seed of that format's mutations.
type Format struct {
	Ext  string // with the dot: ".pdf"
	Name string // for classes: "pdf"
	Make func() []byte
	// Container is how the document's parts can be mutated inside a
	// container left intact: "zip", "cfb" or "" (raw bytes only).
	Container string
}

// Formats are the formats chiso reads, each with its sample document.
var Formats = []Format{
	{".pdf", "pdf", SamplePDF, ""},
	{".docx", "docx", Docx, "zip"},
	{".xlsx", "xlsx", Xlsx, "zip"},
	{".odt", "odt", Odt, "zip"},
	{".ods", "ods", Ods, "zip"},
	{".rtf", "rtf", RTF, ""},
	{".html", "html", HTML, ""},
	{".txt", "txt", Text, ""},
	{".md", "md", Markdown, ""},
	{".doc", "doc", Doc, "cfb"},
	{".xls", "xls", Xls, "cfb"},
	{".png", "png", PNG, ""},
	{".jpg", "jpg", JPEG, ""},
	{".tif", "tif", TIFF, ""},
}

// interesting are the bytes that end or start structures in some
// format: delimiters, NUL, the high bit, digits.
var interesting = []byte("\x00\xff\x7f\x80\x01 09<>{}()[]/\\\n\r\"'&;%")

// bigNumbers replace numbers in a mutation: the limits at which sizes
// and counts overflow.
var bigNumbers = []string{"0", "-1", "2147483647", "2147483648", "4294967295", "4294967296", "1099511627776",
	"9223372036854775807", "99999999999999999999999", "-2147483648", "65535", "65536", "1e308", "NaN"}

var digits = regexp.MustCompile(`[0-9]+`)

// Mutate returns data changed by 1 to 3 mutations drawn from r: bit
// flips, interesting bytes, a truncation, a deleted, duplicated, spliced
// or overwritten chunk, or a number replaced by a limit. donor is spliced
// from. The result is at most about 4 MB larger than data.
func Mutate(r *rand.Rand, data, donor []byte) []byte {
	b := append([]byte{}, data...)
	for range 1 + r.Intn(3) {
		b = mutateOnce(r, b, donor)
	}
	return b
}

func mutateOnce(r *rand.Rand, b, donor []byte) []byte {
	if len(b) == 0 {
		return append(b, interesting[r.Intn(len(interesting))])
	}
	span := func() (int, int) {
		i := r.Intn(len(b))
		n := 1 + r.Intn(min(len(b)-i, 1+r.Intn(4096)))
		return i, i + n
	}
	switch r.Intn(8) {
	case 0: // bit flips
		for range 1 + r.Intn(16) {
			b[r.Intn(len(b))] ^= 1 << r.Intn(8)
		}
	case 1: // interesting bytes
		for range 1 + r.Intn(8) {
			b[r.Intn(len(b))] = interesting[r.Intn(len(interesting))]
		}
	case 2: // truncation
		b = b[:r.Intn(len(b))]
	case 3: // a chunk deleted
		i, j := span()
		b = append(b[:i], b[j:]...)
	case 4: // a chunk duplicated, up to 64 times
		i, j := span()
		k := 1 + r.Intn(64)
		if (j-i)*k > 4<<20 {
			k = 1
		}
		at := r.Intn(len(b) + 1)
		ins := bytes.Repeat(b[i:j], k)
		b = append(b[:at], append(ins, b[at:]...)...)
	case 5: // a splice from the donor
		if len(donor) == 0 {
			return b
		}
		i := r.Intn(len(donor))
		j := i + r.Intn(min(len(donor)-i, 4096)+1)
		at := r.Intn(len(b) + 1)
		b = append(b[:at], append(append([]byte{}, donor[i:j]...), b[at:]...)...)
	case 6: // a number replaced by a limit
		locs := digits.FindAllIndex(b, -1)
		if len(locs) == 0 {
			return b
		}
		l := locs[r.Intn(len(locs))]
		b = append(b[:l[0]], append([]byte(bigNumbers[r.Intn(len(bigNumbers))]), b[l[1]:]...)...)
	case 7: // a chunk overwritten with random bytes
		i, j := span()
		r.Read(b[i:j])
	}
	return b
}

// MutateParts mutates one part of a zip package (an XML part, as a
// reader sees it once the container opened) and packs it again, so
// that the mutation reaches the XML reader rather than the zip's CRC.
func MutateParts(r *rand.Rand, data, donor []byte) []byte {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return Mutate(r, data, donor)
	}
	var parts []Part
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			continue
		}
		body, _ := io.ReadAll(rc)
		rc.Close()
		parts = append(parts, Part{f.Name, string(body)})
	}
	if len(parts) == 0 {
		return Mutate(r, data, donor)
	}
	// The part holding the content is mutated most often: it is the last
	// of the sample packages' parts, or the largest.
	i := len(parts) - 1
	if r.Intn(3) == 0 {
		i = r.Intn(len(parts))
	}
	parts[i].Body = string(Mutate(r, []byte(parts[i].Body), donor))
	return Zip(parts...)
}

// mutateStreams rebuilds a compound file of the given streams with one
// stream mutated, so that the mutation reaches the Word or Excel record
// reader rather than the compound file's sector chains.
func mutateStreams(r *rand.Rand, streams []CFBStream, donor []byte) []byte {
	i := r.Intn(len(streams))
	out := append([]CFBStream{}, streams...)
	out[i].Data = Mutate(r, streams[i].Data, donor)
	return CFB(out...)
}

// cfbStreams are the streams of the .doc and .xls samples.
func cfbStreams(name string) []CFBStream {
	if name == "doc" {
		return docStreams(samplePlain(), docOptions{})
	}
	return []CFBStream{{"Workbook", xlsStream(xlsOptions{})}}
}

// Mutations returns perFormat mutations of each format's sample,
// reproducibly from seed: two in three raw, one in three of a part
// inside an intact container (zip, compound file) where the format has
// one, or of the objects of a PDF.
func Mutations(seed int64, perFormat int) []File {
	r := rand.New(rand.NewSource(seed))
	samples := make([][]byte, len(Formats))
	for i, f := range Formats {
		samples[i] = f.Make()
	}
	var out []File
	for i, f := range Formats {
		for k := range perFormat {
			donor := samples[r.Intn(len(samples))]
			var b []byte
			switch {
			case f.Container == "zip" && k%3 == 2:
				b = MutateParts(r, samples[i], donor)
			case f.Name == "pdf" && k%3 == 2:
				b = MutatePDF(r)
			case f.Container == "cfb" && k%3 == 2:
				b = mutateStreams(r, cfbStreams(f.Name), donor)
			default:
				b = Mutate(r, samples[i], donor)
			}
			out = append(out, File{
				Name:  fmt.Sprintf("mutation-%s/%04d%s", f.Name, k, f.Ext),
				Class: "mutation-" + f.Name,
				Data:  b,
			})
		}
	}
	return out
}
