package ocr

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"chiso/internal/material"
)

// tsv is Tesseract's output for a page of two lines, the second with a
// word it could not read (conf -1, no text) and one it is unsure of.
const tsv = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n" +
	"1\t1\t0\t0\t0\t0\t0\t0\t1654\t2339\t-1\t\n" +
	"2\t1\t1\t0\t0\t0\t100\t200\t800\t90\t-1\t\n" +
	"3\t1\t1\t1\t0\t0\t100\t200\t800\t90\t-1\t\n" +
	"4\t1\t1\t1\t1\t0\t100\t200\t600\t40\t-1\t\n" +
	"5\t1\t1\t1\t1\t1\t100\t205\t120\t30\t96.5\tTỷ\n" +
	"5\t1\t1\t1\t1\t2\t230\t200\t140\t35\t91\tlệ:\n" +
	"4\t1\t1\t1\t2\t0\t100\t250\t800\t40\t-1\t\n" +
	"5\t1\t1\t1\t2\t1\t100\t250\t10\t40\t-1\t \n" +
	"5\t1\t1\t1\t2\t2\t300\t252\t160\t36\t42.25\t92,80%\n"

func TestReadTSV(t *testing.T) {
	p, err := ReadTSV(strings.NewReader(tsv))
	if err != nil {
		t.Fatal(err)
	}
	if p.Width != 1654 || p.Height != 2339 {
		t.Errorf("page %d×%d, want 1654×2339", p.Width, p.Height)
	}
	want := []Word{
		{Text: "Tỷ", Left: 100, Top: 205, Width: 120, Height: 30, Conf: 0.965, Block: 1, Par: 1, Line: 1, LineTop: 200, LineBottom: 240},
		{Text: "lệ:", Left: 230, Top: 200, Width: 140, Height: 35, Conf: 0.91, Block: 1, Par: 1, Line: 1, LineTop: 200, LineBottom: 240},
		{Text: "92,80%", Left: 300, Top: 252, Width: 160, Height: 36, Conf: 0.4225, Block: 1, Par: 1, Line: 2, LineTop: 250, LineBottom: 290},
	}
	if len(p.Words) != len(want) {
		t.Fatalf("%d words, want %d: %+v", len(p.Words), len(want), p.Words)
	}
	for i, w := range want {
		if p.Words[i] != w {
			t.Errorf("word %d = %+v, want %+v", i, p.Words[i], w)
		}
	}
}

func TestReadTSVBad(t *testing.T) {
	for _, in := range []string{"", "Tesseract Open Source OCR Engine v5.3.0\n", "level\tpage_num\n"} {
		if _, err := ReadTSV(strings.NewReader(in)); err == nil {
			t.Errorf("ReadTSV(%q): no error", in)
		}
	}
	// A line longer than the scanner's limit is an error, not a hang.
	long := "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n" + strings.Repeat("x", 2<<20)
	if _, err := ReadTSV(strings.NewReader(long)); err == nil {
		t.Error("ReadTSV of a 2 MB line: no error")
	}
}

func TestFindMissing(t *testing.T) {
	t.Setenv("CHISO_TESSERACT", "")
	SetPath("/nonexistent/tesseract")
	defer SetPath("")
	if _, err := Find(); !errors.Is(err, ErrNoEngine) {
		t.Fatalf("Find with a missing program = %v, want ErrNoEngine", err)
	}
}

// TestRead runs the installed engine on a page image; it skips when
// Tesseract is absent outside CI.
func TestRead(t *testing.T) {
	e := engine(t)
	img, err := os.ReadFile("testdata/line.png")
	if err != nil {
		t.Fatal(err)
	}
	p, err := e.Read(context.Background(), img, 200)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range p.Words {
		got = append(got, w.Text)
	}
	if s := strings.Join(got, " "); !strings.Contains(s, "Tỷ lệ") || !strings.Contains(s, "78,23%") {
		t.Errorf("read %q, want it to hold Tỷ lệ and 78,23%%", s)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := e.Read(ctx, img, 200); !errors.Is(err, context.Canceled) {
		t.Errorf("Read under a cancelled context = %v, want context.Canceled", err)
	}
}

func engine(t *testing.T) *Engine {
	t.Helper()
	e, err := Find()
	if err != nil {
		if material.InCI() {
			t.Fatalf("CI installs Tesseract: %v", err)
		}
		t.Skipf("Tesseract not installed: %v", err)
	}
	return e
}
