package hostile

import (
	"bytes"
	"fmt"
	"math/rand"
	"regexp"
	"slices"
	"strings"
)

// Structure-aware PDF mutation. Byte mutations of a PDF mostly break
// its cross-reference table, so a reader's repair path sees them and
// little else. MutatePDF changes a file's objects instead — references
// retargeted (missing objects, cycles), dictionary values swapped for
// hostile ones, objects dropped, duplicated or swapped, content streams
// given hostile operators or filters — and then writes the file with a
// correct cross-reference table most of the time, so that the damage
// reaches the object, page-tree, font and content readers.

// pdfSeeds are the object lists MutatePDF starts from: the sample page,
// a two-page tree with a form XObject, a Type0 font with a ToUnicode
// CMap, and a compressed content stream.
func pdfSeeds() [][]string {
	sample := append(append([]string{}, onePage...), Stream("", []byte(SampleContent())))
	form := Stream("/Type /XObject /Subtype /Form /BBox [0 0 600 800] /Resources << /Font << /F1 4 0 R >> >>",
		[]byte("BT /F1 10 Tf 100 500 Td (Form) Tj ET 10 10 50 50 re S"))
	twoPages := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R 7 0 R] /Count 2 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Resources << /Font << /F1 4 0 R >> /XObject << /X6 6 0 R >> >> /Contents 5 0 R >>",
		font,
		Stream("", []byte("BT /F1 12 Tf 50 700 Td (STT) Tj 100 0 Td (Chi tieu) Tj ET q 1 0 0 1 0 -100 cm /X6 Do Q 40 690 500 20 re S")),
		form,
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Rotate 90 /Resources << /Font << /F1 4 0 R >> >> /Contents 8 0 R >>",
		Stream("", []byte("BT /F1 12 Tf 50 700 Td [(1) -2000 (78,23%)] TJ ET")),
	}
	cmap := CMap("<0000> <FFFF>", "2 beginbfchar\n<0041> <0043>\n<0042> <1EA1>\nendbfchar\n1 beginbfrange\n<0043> <0045> <0061>\nendbfrange")
	type0 := type0Page("BT /F1 12 Tf 50 700 Td <004100420043> Tj 0 -20 Td [<0044> 120 <0045>] TJ ET", "/DW 500 /W [0 [500 600] 10 20 700]", cmap)
	flate := append(append([]string{}, onePage...), Stream("/Filter /FlateDecode", Flate([]byte(SampleContent()))))
	return [][]string{sample, twoPages, type0, flate}
}

// hostileValues replace a dictionary value.
var hostileValues = []string{
	"null", "0", "-1", "2147483647", "4294967296", "1e308", "-0.0", "true", "()", "<>", "<ff>", "[]", "<< >>",
	"[0 0 0 0]", "[1 2 3", "/Foo", "/FlateDecode", "[/FlateDecode /FlateDecode]", "/ASCIIHexDecode", "/ASCII85Decode",
	"/LZWDecode", "/RunLengthDecode", "/DCTDecode", "/JBIG2Decode", "/Crypt", "<< /Predictor 12 /Columns 4 >>",
	"<< /Predictor 15 /Columns 2147483647 /Colors 255 >>", "[1 0 R 1 0 R]", "[2 0 R]", "[3 0 R 3 0 R 3 0 R]",
	"1 0 R", "2 0 R", "3 0 R", "999 0 R", "0 0 R", "5 65535 R",
}

// keys are the dictionary keys whose values MutatePDF replaces: those a
// reader follows or sizes something by.
var keys = []string{"/Length", "/Count", "/Kids", "/Parent", "/Pages", "/Contents", "/Resources", "/Font", "/XObject",
	"/Filter", "/DecodeParms", "/MediaBox", "/Rotate", "/BBox", "/Matrix", "/Encoding", "/ToUnicode",
	"/DescendantFonts", "/W", "/DW", "/Subtype", "/Type", "/BaseFont", "/Root", "/Size"}

// operators are hostile content-stream snippets.
var operators = []string{
	strings.Repeat("q ", 2000), strings.Repeat("Q ", 100), "1e308 0 0 1e308 0 0 cm", "0 0 0 0 0 0 cm", "NaN 1 Td",
	"/X6 Do", "/X6 Do /X6 Do /X6 Do", "/Missing Do", "/F9 12 Tf (x) Tj", "BT (no font) Tj ET", "BT /F1 0 Tf (x) Tj ET",
	"BT /F1 -1e30 Tf <0041> Tj ET", "BT /F1 12 Tf [(a) 1e30 (b) -1e30 (c)] TJ ET", "BT /F1 12 Tf (((((((( Tj ET",
	"BT /F1 12 Tf <0 Tj ET", "BI /W 4 /H 4 /BPC 8 /CS /G ID \x00\x01\x02 EI", "BI /W 99999 /H 99999 ID EI",
	"0 0 m 1e9 1e9 l S", "0 0 1e9 1e9 re f", strings.Repeat("0 0 10 10 re S ", 500), "d0 d1 ' \"", "1 2 3 4 5 6 7 8 9",
	"BT /F1 12 Tf 1 0 0 1 50 700 Tm (" + strings.Repeat("A", 5000) + ") Tj ET", "BDC EMC BMC", "/Span << /ActualText (x) >> BDC",
}

var (
	refRE  = regexp.MustCompile(`\d+ \d+ R`)
	keyRE  = regexp.MustCompile(`/[A-Za-z]+`)
	strmRE = regexp.MustCompile(`(?s)stream\n(.*)\nendstream$`)
	lenRE  = regexp.MustCompile(`/Length \d+`)
	headRE = regexp.MustCompile(`^\d+ \d+ R`)
	offRE  = regexp.MustCompile(`(\d{10}) 00000 n`)
)

// MutatePDF returns a PDF built from one of its seed documents with 1
// to 4 structural mutations drawn from r. The cross-reference table is
// computed for the mutated objects three times in four; otherwise it is
// damaged too (offsets shifted, a /Prev chain, or none at all).
func MutatePDF(r *rand.Rand) []byte {
	seeds := pdfSeeds()
	objs := append([]string{}, seeds[r.Intn(len(seeds))]...)
	// A mutation that found nothing to change (no reference in the
	// object drawn) is drawn again, so that every file differs.
	for want, tries := 1+r.Intn(4), 0; want > 0 && tries < 32; tries++ {
		next := mutateObjects(r, slices.Clone(objs))
		if !slices.Equal(next, objs) {
			objs, want = next, want-1
		}
	}
	b := PDF(objs...)
	if r.Intn(4) == 0 {
		b = damageXref(r, b)
	}
	return b
}

func mutateObjects(r *rand.Rand, objs []string) []string {
	i := r.Intn(len(objs))
	o := objs[i]
	switch r.Intn(9) {
	case 0: // a reference retargeted: missing, itself, the root
		if locs := refRE.FindAllStringIndex(o, -1); len(locs) > 0 {
			l := locs[r.Intn(len(locs))]
			to := []int{0, 1, 2, i + 1, len(objs) + 1, 1 + r.Intn(len(objs)), 2147483647}[r.Intn(7)]
			objs[i] = o[:l[0]] + fmt.Sprintf("%d 0 R", to) + o[l[1]:]
		}
	case 1: // a dictionary value replaced
		objs[i] = replaceValue(r, o)
	case 2: // an object dropped
		objs[i] = "null"
	case 3: // two objects swapped
		j := r.Intn(len(objs))
		objs[i], objs[j] = objs[j], objs[i]
	case 4: // an object appended that points back into the file
		objs = append(objs, []string{
			fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R 2 0 R] /Count 3 /Parent %d 0 R >>", len(objs)+1, len(objs)+1),
			Stream(fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources << /XObject << /X6 %d 0 R >> >>", len(objs)+1), []byte("/X6 Do /X6 Do")),
			"<< /Type /Page /Parent 2 0 R /Contents [5 0 R 5 0 R 5 0 R] /Resources 3 0 R >>",
		}[r.Intn(3)])
	case 5, 6: // hostile operators in a content stream
		if m := strmRE.FindStringSubmatchIndex(o); m != nil {
			data := o[m[2]:m[3]]
			at := r.Intn(len(data) + 1)
			for at > 0 && at < len(data) && data[at-1] != ' ' {
				at--
			}
			data = data[:at] + " " + operators[r.Intn(len(operators))] + " " + data[at:]
			objs[i] = withStream(o[:m[0]], data)
		}
	case 7: // a stream's bytes mutated, its /Length kept true or not
		if m := strmRE.FindStringSubmatchIndex(o); m != nil {
			data := string(Mutate(r, []byte(o[m[2]:m[3]]), nil))
			if r.Intn(2) == 0 {
				objs[i] = o[:m[2]] + data + o[m[3]:]
			} else {
				objs[i] = withStream(o[:m[0]], data)
			}
		}
	case 8: // a stream compressed, once or twice, with its filter named
		if m := strmRE.FindStringSubmatchIndex(o); m != nil && !strings.Contains(o[:m[0]], "/Filter") {
			data := Flate([]byte(o[m[2]:m[3]]))
			filter := "/FlateDecode"
			if r.Intn(3) == 0 {
				data, filter = Flate(data), "[/FlateDecode /FlateDecode]"
			}
			if r.Intn(4) == 0 {
				data = data[:r.Intn(len(data)+1)] // truncated inside the deflate stream
			}
			objs[i] = withStream(strings.Replace(o[:m[0]], "<<", "<< /Filter "+filter, 1), string(data))
		}
	}
	return objs
}

// withStream rebuilds a stream object from its dictionary text (up to
// "stream") with data, its /Length set to data's length.
func withStream(head, data string) string {
	d := strings.TrimSpace(head)
	d = lenRE.ReplaceAllString(d, "")
	d = strings.TrimSuffix(strings.TrimSpace(strings.TrimSuffix(d, ">>")), " ")
	return fmt.Sprintf("%s /Length %d >>\nstream\n%s\nendstream", d, len(data), data)
}

// replaceValue replaces the value after one of the keys MutatePDF knows
// in o, or adds that key with a hostile value.
func replaceValue(r *rand.Rand, o string) string {
	v := hostileValues[r.Intn(len(hostileValues))]
	var at [][]int
	for _, l := range keyRE.FindAllStringIndex(o, -1) {
		for _, k := range keys {
			if o[l[0]:l[1]] == k {
				at = append(at, l)
			}
		}
	}
	if len(at) == 0 || r.Intn(5) == 0 {
		if !strings.HasPrefix(o, "<<") {
			return o
		}
		return "<< " + keys[r.Intn(len(keys))] + " " + v + " " + o[2:]
	}
	l := at[r.Intn(len(at))]
	end := valueEnd(o, l[1])
	return o[:l[1]] + " " + v + o[end:]
}

// valueEnd is where the PDF value starting after position i ends: a
// reference, a number, a name, or a bracketed or parenthesised object.
func valueEnd(o string, i int) int {
	for i < len(o) && o[i] == ' ' {
		i++
	}
	if m := headRE.FindStringIndex(o[i:]); m != nil {
		return i + m[1]
	}
	open := map[byte]byte{'[': ']', '(': ')', '<': '>'}
	if i < len(o) {
		if c, ok := open[o[i]]; ok {
			depth := 0
			for j := i; j < len(o); j++ {
				switch o[j] {
				case o[i]:
					depth++
				case c:
					depth--
					if depth == 0 {
						return j + 1
					}
				}
			}
			return len(o)
		}
	}
	j := i
	if j < len(o) && o[j] == '/' {
		j++
	}
	for j < len(o) && !strings.ContainsRune(" /[]<>()\n", rune(o[j])) {
		j++
	}
	return j
}

// damageXref damages the computed cross-reference section of b.
func damageXref(r *rand.Rand, b []byte) []byte {
	x := bytes.LastIndex(b, []byte("xref\n0 "))
	if x < 0 {
		return b
	}
	switch r.Intn(4) {
	case 0: // offsets shifted by a few bytes
		tail := offRE.ReplaceAllFunc(b[x:], func(m []byte) []byte {
			var off int
			fmt.Sscanf(string(m[:10]), "%d", &off)
			return fmt.Appendf(nil, "%010d 00000 n", max(0, off+r.Intn(9)-4))
		})
		return append(b[:x:x], tail...)
	case 1: // the table gone: the reader must rebuild it from the objects
		t := bytes.LastIndex(b, []byte("trailer\n"))
		return append(b[:x:x], b[t:]...)
	case 2: // a /Prev to the start of the file or past its end
		prev := []int{0, 9, len(b) + 100}[r.Intn(3)]
		return bytes.Replace(b, []byte("/Root 1 0 R >>"), fmt.Appendf(nil, "/Root 1 0 R /Prev %d >>", prev), 1)
	default: // startxref pointing elsewhere
		s := bytes.LastIndex(b, []byte("startxref\n"))
		return append(b[:s:s], fmt.Appendf(nil, "startxref\n%d\n%%%%EOF\n", r.Intn(len(b)))...)
	}
}
