package pdf

import (
	"bytes"
	"context"
	"errors"
	"math"
	"os"
	"slices"
	"strings"
	"testing"

	"chiso/doc"
	"chiso/internal/material"
	"chiso/parse/image"
	"chiso/parse/ocr"
	"chiso/parse/pdf/layout"
)

func ocrInstalled() bool {
	_, err := ocr.Find()
	return err == nil
}

// withoutOCR makes the test run as on a machine without Tesseract.
func withoutOCR(t *testing.T) {
	t.Helper()
	ocr.SetPath(os.DevNull + "/tesseract")
	t.Cleanup(func() { ocr.SetPath("") })
}

// needOCR skips the test without Tesseract, outside CI.
func needOCR(t *testing.T) {
	t.Helper()
	if _, err := ocr.Find(); err != nil {
		if material.InCI() {
			t.Fatalf("CI installs Tesseract: %v", err)
		}
		t.Skipf("Tesseract not installed: %v", err)
	}
}

func TestScanWithoutEngine(t *testing.T) {
	withoutOCR(t)
	data, err := os.ReadFile("../image/testdata/merged-200.pdf")
	if err != nil {
		t.Fatal(err)
	}
	_, err = Read(context.Background(), bytes.NewReader(data), int64(len(data)))
	if !errors.Is(err, ocr.ErrNoEngine) || !errors.Is(err, errNoText) {
		t.Fatalf("err = %v, want ErrNoEngine and the no text layer error", err)
	}
}

// TestScan reads the rendered scans of the golden merged report and
// checks that the words a reader needs come out: the table's rates, its
// a/b counts and the title.
func TestScan(t *testing.T) {
	needOCR(t)
	for _, name := range []string{"merged-200.pdf", "merged-300.pdf", "merged-g4.pdf", "merged-flate.pdf"} {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile("../image/testdata/" + name)
			if err != nil {
				t.Fatal(err)
			}
			d, err := Read(context.Background(), bytes.NewReader(data), int64(len(data)))
			if err != nil {
				t.Fatal(err)
			}
			if !d.Source.OCR {
				t.Error("Source.OCR not set")
			}
			for _, w := range d.Warnings {
				if strings.Contains(w, "no text layer") {
					t.Errorf("warning %q on a page that was recognised", w)
				}
			}
			text := plain(d)
			for _, want := range []string{"Tỷ lệ", "78,23", "9.120", "11.781", "14.009", "15.060", "52,5"} {
				if !strings.Contains(text, want) {
					t.Errorf("no %q in the recognised text:\n%s", want, text)
				}
			}
		})
	}
}

func TestReadScanPNG(t *testing.T) {
	needOCR(t)
	data, err := os.ReadFile("../image/testdata/merged-200.png")
	if err != nil {
		t.Fatal(err)
	}
	pages, err := image.File(data)
	if err != nil {
		t.Fatal(err)
	}
	d, err := ReadScan(context.Background(), pages)
	if err != nil {
		t.Fatal(err)
	}
	if !d.Source.OCR || d.Source.Pages != 1 || len(d.Blocks) == 0 {
		t.Fatalf("source %+v, %d blocks", d.Source, len(d.Blocks))
	}
	if text := plain(d); !strings.Contains(text, "Tỷ lệ") {
		t.Errorf("no 'Tỷ lệ' in\n%s", text)
	}
}

func plain(d *doc.Document) string {
	var b strings.Builder
	for _, bl := range d.Blocks {
		if bl.Table != nil {
			for _, r := range bl.Table.Rows {
				for _, c := range r {
					b.WriteString(c.Text + " ")
				}
				b.WriteString("\n")
			}
			continue
		}
		b.WriteString(bl.Text + "\n")
	}
	return b.String()
}

func TestGarbled(t *testing.T) {
	page := func(s string) []layout.Page {
		var ts []layout.Text
		for range 10 {
			ts = append(ts, layout.Text{S: s})
		}
		return []layout.Page{{Texts: ts}}
	}
	for _, c := range []struct {
		text string
		want bool
	}{
		{"b6o c6o c6c chi s6 tr6n dia b6n tinh", true},
		{"báo cáo các chỉ số trên địa bàn tỉnh", false},
		{"Số 5689/BCA-C04 V/v mẫu 2a của C04 năm 2025", false},
	} {
		if got := garbled(page(c.text)); got != c.want {
			t.Errorf("garbled(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

func TestJoinWords(t *testing.T) {
	word := func(s string, x float64) layout.Text {
		return layout.Text{S: s, X: x, Y: 100, W: 5 * float64(len([]rune(s))), Size: 10, SpaceW: 2.5}
	}
	rule := []layout.Rule{{X0: 60, Y0: 80, X1: 60, Y1: 120}}
	for _, c := range []struct {
		name  string
		words []layout.Text
		rules []layout.Rule
		want  []string
	}{
		{"a phrase", []layout.Text{word("Đã", 10), word("ban", 23), word("hành", 41)}, nil, []string{"Đã ban hành"}},
		{"out of order", []layout.Text{word("ban", 23), word("Đã", 10)}, nil, []string{"Đã ban"}},
		{"a cell's padding apart", []layout.Text{word("số", 10), word("10", 25)}, nil, []string{"số", "10"}},
		{"two figures a space apart", []layout.Text{word("10", 10), word("75%", 23)}, nil, []string{"10", "75%"}},
		{"a figure and its unit", []layout.Text{word("19", 10), word("bài", 23)}, nil, []string{"19 bài"}},
		{"a word space wider than a kerning gap", []layout.Text{word("Quận", 30), word("1", 53)}, nil, []string{"Quận 1"}},
		{"a rule between", []layout.Text{word("ab", 47), word("cd", 60.5)}, rule, []string{"ab", "cd"}},
	} {
		var got []string
		for _, r := range joinWords(c.words, c.rules) {
			got = append(got, r.S)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: runs %q, want %q", c.name, got, c.want)
		}
	}
}

func TestFontSize(t *testing.T) {
	const body = 40 // pixels
	for _, c := range []struct {
		name        string
		top, bottom int // the line's box
		height      int // the word's box
		n           int // words on the line
		want        float64
	}{
		{"a body line", 100, 140, 38, 9, 28},
		{"a short line of short letters", 100, 126, 20, 3, 28},
		{"a long line set smaller", 100, 130, 28, 8, 21},
		{"a heading", 100, 160, 50, 2, 42},
		{"a skewed line's box", 100, 200, 30, 6, 21},
	} {
		w := ocr.Word{Height: c.height, LineTop: c.top, LineBottom: c.bottom}
		if got := fontSize(w, c.n, body); math.Abs(got-c.want) > 1e-9 {
			t.Errorf("%s: size %v, want %v", c.name, got, c.want)
		}
	}
}

func TestOnBaseline(t *testing.T) {
	for s, want := range map[string]bool{
		"Trên": true, "1": true, "142.625": true, "tin": true,
		"Quận": false, "lượng": false, "thị": false, "(15)": false, "4/5": false, "kê,": false,
	} {
		if got := onBaseline(s); got != want {
			t.Errorf("onBaseline(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestBaselines(t *testing.T) {
	// One line: "tin" ends on the baseline at 130, "Quận" and "lượng"
	// go 8 pixels lower.
	words := []ocr.Word{
		{Text: "Quận", Left: 0, Width: 40, Top: 100, Height: 38},
		{Text: "lượng", Left: 50, Width: 50, Top: 100, Height: 38},
		{Text: "tin", Left: 110, Width: 30, Top: 104, Height: 26},
	}
	got := baselines(words, straight)
	if b := got[lineKey{}]; b != 130 {
		t.Errorf("baseline %v, want 130", b)
	}
}
