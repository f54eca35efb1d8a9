package msdoc

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"chiso/doc"
	"chiso/vntext"

	"chiso/internal/doctest"
)

// readFile reads a fixture of testdata.
func readFile(t testing.TB, name string) (*doc.Document, error) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return Read(bytes.NewReader(b), int64(len(b)))
}

// render writes blocks as package parse will show them (vntext.Clean):
// "p: text" for a paragraph, "t: " and the rows of a table, cells
// separated by " | ", a span written "[R×C]" after the cell's text.
func render(d *doc.Document) []string {
	var out []string
	for _, b := range d.Blocks {
		if b.Table == nil {
			if s := vntext.Clean(b.Text); s != "" {
				out = append(out, "p: "+s)
			}
			continue
		}
		var rows []string
		for _, row := range b.Table.Rows {
			var cells []string
			for _, c := range row {
				s := vntext.Clean(c.Text)
				if r, k := c.Span(); r > 1 || k > 1 {
					s += fmt.Sprintf("[%d×%d]", r, k)
				}
				cells = append(cells, s)
			}
			rows = append(rows, strings.Join(cells, " | "))
		}
		out = append(out, "t: "+strings.Join(rows, " / "))
	}
	return out
}

// TestFixtures reads the documents mkfixtures.go makes with LibreOffice.
func TestFixtures(t *testing.T) {
	tests := []struct {
		file string
		want []string
	}{
		{"legacy.doc", []string{
			"p: Kết quả: Báo cáo tình hình thực hiện chuyển đổi số", // a .VnTime run after Unicode text
			"p: Tỷ lệ hồ sơ được xử lý trực tuyến",                  // a paragraph style in .VnTime; ư saved as an optional hyphen
			"p: Số người dân trưởng thành có chữ ký số",             // a VNI-Times run
			"t: Chỉ tiêu | Đạt được / Hồ sơ trực tuyến toàn trình | Có",
			"p: Tổng số hồ sơ đã xử lý", // Unicode text left in a .VnTime font
		}},
		{"features.doc", []string{
			"p: Trước sau", // a tracked deletion between the words
			"p: Xem Cổng dịch vụ công quốc gia", // a HYPERLINK field: its result, not its code
			"p: Dòng một\ndòng hai cột; Hà-Nội", // line break, tab, non-breaking hyphen
			"t: Chỉ tiêu[1×2] | Ghi chú[2×1] / a | 1.234 / b | 78,23 % | Đạt",
			"p: Giữa hai bảng",
			"t: Ngoài | Trên\nx | 1\ny | 2\nDưới", // a nested table as lines
			"p: Hết",
			"p: 1.Mục một", // automatic numbering, no separator after the label
			"p: a)ý a",
			"p: b)ý b",
			"p: 2.Mục hai",
			"t: I. | Chính quyền số / II. | Kinh tế số", // an STT column numbered by a list
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			d, err := readFile(t, tt.file)
			if err != nil {
				t.Fatal(err)
			}
			if got := render(d); !slices.Equal(got, tt.want) {
				t.Errorf("got\n%q\nwant\n%q", got, tt.want)
			}
			if len(d.Warnings) > 0 {
				t.Errorf("warnings %q", d.Warnings)
			}
			if d.Source.Format != doc.DOC {
				t.Errorf("format %q", d.Source.Format)
			}
		})
	}
}

// TestFontTable checks that the legacy font names survive LibreOffice's
// .doc export in the SttbfFfn, which the conversion depends on.
func TestFontTable(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "legacy.doc"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := open(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	st, warnings := f.styles()
	if len(warnings) > 0 {
		t.Errorf("warnings %q", warnings)
	}
	for _, name := range []string{".VnTime", "VNI-Times"} {
		i := slices.Index(st.names, name)
		if i < 0 {
			t.Errorf("font table %q lacks %s", st.names, name)
			continue
		}
		if st.fonts[i] == vntext.UnicodeFont {
			t.Errorf("%s not recognised as a legacy font", name)
		}
	}
}

// wordStream returns the offset of the WordDocument stream in a fixture
// (the sector that starts with the FIB's wIdent), for damaging its FIB.
func wordStream(t *testing.T, b []byte) int {
	t.Helper()
	for off := 512; off+512 <= len(b); off += 512 {
		if binary.LittleEndian.Uint16(b[off:]) == 0xA5EC {
			return off
		}
	}
	t.Fatal("no FIB in the fixture")
	return 0
}

// TestBroken reads damaged files: each must fail with an error that says
// what is wrong.
func TestBroken(t *testing.T) {
	good, err := os.ReadFile(filepath.Join("testdata", "features.doc"))
	if err != nil {
		t.Fatal(err)
	}
	w := wordStream(t, good)
	patch := func(off int, v uint16) []byte {
		b := slices.Clone(good)
		binary.LittleEndian.PutUint16(b[w+off:], v)
		return b
	}
	flags := binary.LittleEndian.Uint16(good[w+0x0A:])
	tests := []struct {
		name string
		data []byte
		want string
		is   error
	}{
		{"empty", nil, "not a readable compound (OLE2) file", nil},
		{"not OLE2", []byte("{\\rtf1 not a doc}"), "not a readable compound (OLE2) file", nil},
		{"cut in half", good[:len(good)/2], "", nil},
		{"encrypted", patch(0x0A, flags|0x0100), "password-protected", ErrEncrypted},
		{"Word 95", patch(2, 104), "Word 6/95 document (nFib 104)", nil},
		{"not a FIB", patch(0, 0x1234), "does not start with a Word FIB", nil},
		{"no table stream", patch(0x0A, flags^0x0200), "names the table stream", nil},
		{"text longer than the stream", patch(32+2+2*14+2+12, 0xFFFF), "characters, in a stream of", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Read(bytes.NewReader(tt.data), int64(len(tt.data)))
			if err == nil {
				t.Fatalf("no error, blocks %q", render(d))
			}
			if !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "internal error") {
				t.Errorf("error %q does not say %q", err, tt.want)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("error %q is not %v", err, tt.is)
			}
		})
	}
}

// TestNotWord reads a compound file without a WordDocument stream: the
// Excel 97 twin of a golden fixture.
func TestNotWord(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "golden", "testdata", "merged.xls"))
	if err != nil {
		t.Skip(err)
	}
	if _, err := Read(bytes.NewReader(b), int64(len(b))); !errors.Is(err, ErrNotWord) {
		t.Errorf("got %v, want ErrNotWord", err)
	}
}

// TestDamagedBytes overwrites random bytes of the fixtures, 2,000 times:
// reading must give a document or an error, never a panic.
func TestDamagedBytes(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, name := range []string{"features.doc", "legacy.doc"} {
		good, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		for i := range 1000 {
			b := slices.Clone(good)
			for range 1 + rng.IntN(8) {
				b[rng.IntN(len(b))] = byte(rng.Uint32())
			}
			checkRead(t, b)
			if t.Failed() {
				t.Fatalf("%s, damage %d", name, i)
			}
		}
	}
}

// checkRead fails on a recovered panic or a malformed document.
func checkRead(t *testing.T, b []byte) {
	d, err := Read(bytes.NewReader(b), int64(len(b)))
	doctest.Check(t, d, err)
}

// FuzzRead checks that no input panics or hangs and that what is read is
// a well-formed document. Read recovers from panics as a last defence,
// so a recovered one ("internal error") fails here too.
//
// A .doc is at least a few kilobytes, and the fuzzer's default minute of
// minimising each new input costs most of a run at that size, so run it
// with a short minimisation:
//
//	nice go test -run '^$' -fuzz FuzzRead -fuzztime 10m -fuzzminimizetime 1s -parallel 1 ./parse/msdoc
func FuzzRead(f *testing.F) {
	for _, name := range []string{"features.doc", "legacy.doc"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		// A hang fails the input here, so that the fuzzer keeps it.
		done := make(chan struct{})
		go func() {
			defer close(done)
			checkRead(t, b)
		}()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatalf("reading %d bytes took over 5s", len(b))
		}
	})
}
