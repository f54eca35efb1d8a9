package pdf

import (
	"bytes"
	"context"
	"math"
	"strings"
	"testing"

	"chiso/parse/pdf/layout"
)

func walkBytes(t *testing.T, b []byte) ([]layout.Page, []string) {
	t.Helper()
	pages, warn, err := Pages(context.Background(), bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("Pages: %v", err)
	}
	return pages, warn
}

func close2(a, b float64) bool { return math.Abs(a-b) < 0.01 }

// TestTextState checks glyph positions and run splitting against values
// computed by hand: the test font gives every glyph half an em, the page is
// 800 high, so page Y = 800 - PDF y.
func TestTextState(t *testing.T) {
	tests := []struct {
		name    string
		content string
		want    []layout.Text // S, X, Y, W, Size compared
	}{
		{"Tj", "BT /F1 10 Tf 100 700 Td (Hello world) Tj ET",
			[]layout.Text{{S: "Hello world", X: 100, Y: 100, W: 55, Size: 10}}},
		{"TJ gap splits a run", "BT /F1 10 Tf 100 700 Td [(Cell1) -3000 (Cell2)] TJ ET",
			[]layout.Text{{S: "Cell1", X: 100, Y: 100, W: 25, Size: 10}, {S: "Cell2", X: 155, Y: 100, W: 25, Size: 10}}},
		{"TJ kerning keeps a run", "BT /F1 10 Tf 100 700 Td [(AB) -100 (CD)] TJ ET",
			[]layout.Text{{S: "ABCD", X: 100, Y: 100, W: 21, Size: 10}}},
		{"Tz and Tc", "BT /F1 10 Tf 50 Tz 2 Tc 100 700 Td (ab) Tj ET",
			[]layout.Text{{S: "ab", X: 100, Y: 100, W: 7, Size: 10}}},
		{"Tw widens single-byte spaces", "BT /F1 10 Tf 1 Tw 100 700 Td (a b) Tj ET",
			[]layout.Text{{S: "a b", X: 100, Y: 100, W: 16, Size: 10}}},
		{"cm and Tm", "q 2 0 0 2 10 20 cm BT /F1 10 Tf 1 0 0 1 50 300 Tm (x) Tj ET Q",
			[]layout.Text{{S: "x", X: 110, Y: 180, W: 10, Size: 20}}},
		{"T* uses TL", "BT /F1 10 Tf 12 TL 100 700 Td (a) Tj T* (b) Tj ET",
			[]layout.Text{{S: "a", X: 100, Y: 100, W: 5, Size: 10}, {S: "b", X: 100, Y: 112, W: 5, Size: 10}}},
		{"quote operators", "BT /F1 10 Tf 12 TL 100 700 Td (a) Tj (b) ' 3 0 (c) \" ET",
			[]layout.Text{{S: "a", X: 100, Y: 100, W: 5, Size: 10}, {S: "b", X: 100, Y: 112, W: 5, Size: 10}, {S: "c", X: 100, Y: 124, W: 5, Size: 10}}},
		{"TD sets the leading", "BT /F1 10 Tf 100 700 Td 0 -14 TD (a) Tj T* (b) Tj ET",
			[]layout.Text{{S: "a", X: 100, Y: 114, W: 5, Size: 10}, {S: "b", X: 100, Y: 128, W: 5, Size: 10}}},
		{"separate BT blocks continue a run", "BT /F1 10 Tf 100 700 Td (ab) Tj ET BT /F1 10 Tf 110 700 Td (cd) Tj ET",
			[]layout.Text{{S: "abcd", X: 100, Y: 100, W: 20, Size: 10}}},
		{"going back splits", "BT /F1 10 Tf 100 700 Td (ab) Tj ET BT /F1 10 Tf 100 700 Td (cd) Tj ET",
			[]layout.Text{{S: "ab", X: 100, Y: 100, W: 10, Size: 10}, {S: "cd", X: 100, Y: 100, W: 10, Size: 10}}},
		{"rise changes the baseline", "BT /F1 10 Tf 100 700 Td (a) Tj 5 Ts (b) Tj ET",
			[]layout.Text{{S: "a", X: 100, Y: 100, W: 5, Size: 10}, {S: "b", X: 105, Y: 95, W: 5, Size: 10}}},
		{"Q restores the CTM and font size", "q 2 0 0 2 0 0 cm BT /F1 30 Tf ET Q BT /F1 10 Tf 100 700 Td (a) Tj ET",
			[]layout.Text{{S: "a", X: 100, Y: 100, W: 5, Size: 10}}},
		{"fake bold is read once", "BT /F1 10 Tf 100 700 Td (Bold) Tj ET BT /F1 10 Tf 100.3 700 Td (Bold) Tj ET",
			[]layout.Text{{S: "Bold", X: 100, Y: 100, W: 20, Size: 10}}},
		{"vertical text forms one run", "BT /F1 10 Tf 0 1 -1 0 100 600 Tm (STT) Tj ET",
			[]layout.Text{{S: "STT", X: 100, Y: 200, W: 0, Size: 10}}},
		{"leading and trailing spaces are outside the box", "BT /F1 10 Tf 100 700 Td (  ab  ) Tj ET",
			[]layout.Text{{S: "ab", X: 110, Y: 100, W: 10, Size: 10}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pages, _ := walkBytes(t, onePage(simpleFont("Test"), tt.content))
			got := pages[0].Texts
			if len(got) != len(tt.want) {
				t.Fatalf("got %d runs %+v, want %d", len(got), got, len(tt.want))
			}
			for i, w := range tt.want {
				g := got[i]
				if g.S != w.S || !close2(g.X, w.X) || !close2(g.Y, w.Y) || !close2(g.W, w.W) || !close2(g.Size, w.Size) {
					t.Errorf("run %d = %q x=%.2f y=%.2f w=%.2f size=%.2f, want %q x=%.2f y=%.2f w=%.2f size=%.2f",
						i, g.S, g.X, g.Y, g.W, g.Size, w.S, w.X, w.Y, w.W, w.Size)
				}
			}
		})
	}
}

// TestRules checks which painted paths become rulings, in page space.
func TestRules(t *testing.T) {
	tests := []struct {
		name    string
		content string
		want    []layout.Rule
	}{
		{"stroked line", "100 100 m 300 100 l S", []layout.Rule{{X0: 100, Y0: 700, X1: 300, Y1: 700}}},
		{"reversed vertical line", "100 300 m 100 100 l S", []layout.Rule{{X0: 100, Y0: 500, X1: 100, Y1: 700}}},
		{"stroked rectangle", "100 100 200 50 re S", []layout.Rule{
			{X0: 100, Y0: 700, X1: 300, Y1: 700}, {X0: 300, Y0: 650, X1: 300, Y1: 700},
			{X0: 100, Y0: 650, X1: 300, Y1: 650}, {X0: 100, Y0: 650, X1: 100, Y1: 700}}},
		{"thin filled rectangle is its centre line", "100 100 200 1 re f", []layout.Rule{{X0: 100, Y0: 699.5, X1: 300, Y1: 699.5}}},
		{"thin filled column", "100 100 0.5 80 re f", []layout.Rule{{X0: 100.25, Y0: 620, X1: 100.25, Y1: 700}}},
		{"nearly horizontal is snapped", "100 100 m 300 100.3 l S", []layout.Rule{{X0: 100, Y0: 699.85, X1: 300, Y1: 699.85}}},
		{"diagonal is dropped", "0 0 m 100 100 l S", nil},
		{"curve is dropped", "100 100 m 150 150 200 150 300 100 c S", nil},
		{"closed path", "100 100 m 300 100 l 300 200 l h S", []layout.Rule{
			{X0: 100, Y0: 700, X1: 300, Y1: 700}, {X0: 300, Y0: 600, X1: 300, Y1: 700}}},
		{"under the CTM", "q 1 0 0 1 50 0 cm 100 100 m 300 100 l S Q", []layout.Rule{{X0: 150, Y0: 700, X1: 350, Y1: 700}}},
		{"white background is not a frame", "1 g 0 0 600 800 re f", nil},
		{"clipping path is not painted", "0 0 600 800 re W n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pages, _ := walkBytes(t, onePage(simpleFont("Test"), tt.content))
			got := pages[0].Rules
			if len(got) != len(tt.want) {
				t.Fatalf("got %d rules %+v, want %+v", len(got), got, tt.want)
			}
			for i, w := range tt.want {
				g := got[i]
				if !close2(g.X0, w.X0) || !close2(g.Y0, w.Y0) || !close2(g.X1, w.X1) || !close2(g.Y1, w.Y1) {
					t.Errorf("rule %d = %+v, want %+v", i, g, w)
				}
			}
		})
	}
}

// identityCMap is the ToUnicode map fpdf writes for Type0 fonts: one
// bfrange mapping every 2-byte code to the same UTF-16 value.
const identityCMap = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap " +
	"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def " +
	"1 begincodespacerange <0000> <FFFF> endcodespacerange " +
	"1 beginbfrange <0000> <FFFF> <0000> endbfrange " +
	"endcmap CMapName currentdict /CMap defineresource pop end end"

func type0(toUnicode string) string {
	s := "<< /Type /Font /Subtype /Type0 /BaseFont /Test /Encoding /Identity-H /DescendantFonts [5 0 R]"
	if toUnicode != "" {
		s += " /ToUnicode " + toUnicode
	}
	return s + " >>"
}

const cidFont = "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Test " +
	"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 /W [67 [600] 104 104 400] >>"

// TestDecoding checks how codes become text for the font kinds the
// reports use.
func TestDecoding(t *testing.T) {
	tests := []struct {
		name    string
		file    []byte
		want    string
		wantW   float64 // width of the run when not 0
		warning string
	}{
		{"Type0 Identity-H, bfrange across a byte boundary",
			onePage(type0("6 0 R"), "BT /F1 10 Tf 100 700 Td <004300681EC9002000731ED1> Tj ET", cidFont, stream("", identityCMap)),
			"Chỉ số", 6 + 4 + 5*4, ""},
		{"Type0 without ToUnicode is flagged",
			onePage(type0(""), "BT /F1 10 Tf 100 700 Td <00430068> Tj ET", cidFont),
			"", 0, "no ToUnicode"},
		{"mixed 1- and 2-byte codes",
			onePage("<< /Type /Font /Subtype /Type0 /BaseFont /Test /Encoding 6 0 R /DescendantFonts [5 0 R] /ToUnicode 7 0 R >>",
				"BT /F1 10 Tf 100 700 Td (A\\200\\001A) Tj ET", cidFont,
				stream("/Type /CMap", "begincmap 2 begincodespacerange <00> <7F> <8000> <FFFF> endcodespacerange 1 begincidrange <00> <7F> 0 endcidrange 1 begincidrange <8000> <FFFF> 200 endcidrange endcmap"),
				stream("", "begincmap 2 begincodespacerange <00> <7F> <8000> <FFFF> endcodespacerange 1 beginbfchar <41> <0041> endbfchar 1 beginbfrange <8000> <8002> [<0061> <1EC9> <0062>] endbfrange endcmap")),
			"AỉA", 15, ""},
		{"Differences with glyph names",
			onePage("<< /Type /Font /Subtype /Type1 /BaseFont /Custom /FirstChar 32 /LastChar 255 /Widths "+widths500+
				" /Encoding << /BaseEncoding /WinAnsiEncoding /Differences [128 /uni1EC9 /ocircumflexacute /dcroat /Ohornhookabove /u1EA1] >> >>",
				"BT /F1 10 Tf 100 700 Td (Ch\\200 s\\201 \\202 \\203 \\204 \\351) Tj ET"),
			"Chỉ số đ Ở ạ é", 0, ""},
		{"StandardEncoding quotes",
			onePage("<< /Type /Font /Subtype /Type1 /BaseFont /Custom /FirstChar 32 /LastChar 255 /Widths "+widths500+" >>",
				"BT /F1 10 Tf 100 700 Td (\\140a\\047) Tj ET"),
			"\u2018a\u2019", 0, ""},
		{"combining mark drawn apart is attached",
			onePage("<< /Type /Font /Subtype /TrueType /BaseFont /Test /FirstChar 1 /LastChar 255 /Widths [0 "+strings.Repeat("500 ", 254)+"] /ToUnicode 5 0 R >>",
				"BT /F1 10 Tf 100 700 Td (a) Tj -20 3 Td (\\001) Tj 25 -3 Td (b) Tj ET",
				stream("", "begincmap 1 begincodespacerange <00> <FF> endcodespacerange 3 beginbfchar <01> <0301> <61> <0061> <62> <0062> endbfchar endcmap")),
			"áb", 0, ""},
		{"simple font with 2-byte ToUnicode codes",
			onePage("<< /Type /Font /Subtype /TrueType /BaseFont /Test /FirstChar 32 /LastChar 255 /Widths "+widths500+" /ToUnicode 5 0 R >>",
				"BT /F1 10 Tf 100 700 Td (\\201) Tj ET",
				stream("", "begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange 1 beginbfchar <0081> <1EC9> endbfchar endcmap")),
			"ỉ", 5, ""},
		{"ToUnicode sending a capital to the small letter",
			onePage("<< /Type /Font /Subtype /Type1 /BaseFont /Test /FirstChar 32 /LastChar 255 /Widths "+widths500+" /Encoding /WinAnsiEncoding /ToUnicode 5 0 R >>",
				"BT /F1 10 Tf 100 700 Td (Hungary hat Dx) Tj ET",
				stream("", "begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange 10 beginbfchar <48> <0068> <68> <0068> <44> <0064> <64> <0064> <75> <0075> <6E> <006E> <67> <0067> <61> <0061> <72> <0072> <79> <0079> endbfchar 3 beginbfchar <20> <0020> <74> <0074> <78> <0078> endbfchar endcmap")),
			"Hungary hat Dx", 0, ""},
		{"Courier without widths: the space is as wide as a letter",
			onePage("<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>", "BT /F1 10 Tf 100 700 Td (a  b) Tj ET"),
			"a  b", 24, ""},
		{"TCVN3 font", onePage(simpleFont(".VnTime"), "BT /F1 10 Tf 100 700 Td (B\\270o c\\270o \\256\\254n) Tj ET"), "Báo cáo đơn", 0, ""},
		{"TCVN3 capitals font", onePage(simpleFont("ABCDEF+.VnTimeH"), "BT /F1 10 Tf 100 700 Td (B\\270O C\\270O) Tj ET"), "BÁO CÁO", 0, ""},
		{"VNI font", onePage(simpleFont("VNI-Times"), "BT /F1 10 Tf 100 700 Td (Ba\\371o ca\\371o) Tj ET"), "Báo cáo", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pages, warn := walkBytes(t, tt.file)
			texts := pages[0].Texts
			var s []string
			for _, x := range texts {
				s = append(s, x.S)
			}
			if tt.warning != "" {
				if !strings.Contains(strings.Join(warn, "\n"), tt.warning) {
					t.Errorf("warnings %q lack %q", warn, tt.warning)
				}
				return
			}
			if got := strings.Join(s, "|"); got != tt.want {
				t.Errorf("text = %q, want %q", got, tt.want)
			}
			if tt.wantW != 0 && len(texts) == 1 && !close2(texts[0].W, tt.wantW) {
				t.Errorf("width = %.2f, want %.2f", texts[0].W, tt.wantW)
			}
		})
	}
}

// TestRotate checks that a page with /Rotate 90 is read as displayed:
// text drawn along the box's Y axis reads left to right.
func TestRotate(t *testing.T) {
	file := buildPDF(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 /Rotate 90 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
		simpleFont("Test"),
		stream("", "BT /F1 10 Tf 0 1 -1 0 300 100 Tm (abc) Tj ET 100 50 m 100 250 l S"),
	)
	pages, _ := walkBytes(t, file)
	p := pages[0]
	if !close2(p.Width, 800) || !close2(p.Height, 600) {
		t.Errorf("page is %.0fx%.0f, want 800x600", p.Width, p.Height)
	}
	if len(p.Texts) != 1 || p.Texts[0].S != "abc" || !close2(p.Texts[0].X, 100) || !close2(p.Texts[0].Y, 300) || !close2(p.Texts[0].W, 15) {
		t.Errorf("texts = %+v, want abc at 100,300 width 15", p.Texts)
	}
	if len(p.Rules) != 1 || p.Rules[0] != (layout.Rule{X0: 50, Y0: 100, X1: 250, Y1: 100}) {
		t.Errorf("rules = %+v, want one horizontal at y=100 from 50 to 250", p.Rules)
	}
}

// TestTurned checks that a page whose text is mostly drawn turned, with
// no /Rotate, is read as the reader turns it, and that a few turned words
// on an upright page are not.
func TestTurned(t *testing.T) {
	line := "Tong so ho so thu tuc hanh chinh 15060"
	tests := []struct {
		name, content string
		width, height float64 // of the page as read
		first         string  // the text drawn first, read left to right
		x, y          float64 // where; the second line is 20 below it
	}{
		// Runs up the page, as a table turned a quarter left is drawn:
		// the page is read turned a quarter right.
		{"up", "BT /F1 10 Tf 0 1 -1 0 100 100 Tm (" + line + ") Tj 0 1 -1 0 120 100 Tm (" + line + ") Tj ET",
			800, 600, line, 100, 100},
		{"down", "BT /F1 10 Tf 0 -1 1 0 500 700 Tm (" + line + ") Tj 0 -1 1 0 480 700 Tm (" + line + ") Tj ET",
			800, 600, line, 100, 100},
		{"upside down", "BT /F1 10 Tf -1 0 0 -1 500 700 Tm (" + line + ") Tj -1 0 0 -1 500 720 Tm (" + line + ") Tj ET",
			600, 800, line, 100, 700},
		// One turned word beside an upright line stays as drawn.
		{"upright", "BT /F1 10 Tf 1 0 0 1 100 700 Tm (" + line + ") Tj 0 1 -1 0 50 100 Tm (Stamp) Tj ET",
			600, 800, line, 100, 100},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pages, _ := walkBytes(t, onePage(simpleFont("Test"), tt.content))
			p := pages[0]
			if !close2(p.Width, tt.width) || !close2(p.Height, tt.height) {
				t.Errorf("page is %.0fx%.0f, want %.0fx%.0f", p.Width, p.Height, tt.width, tt.height)
			}
			if len(p.Texts) == 0 {
				t.Fatal("no text")
			}
			got := p.Texts[0]
			if got.S != tt.first || !close2(got.X, tt.x) || !close2(got.Y, tt.y) {
				t.Errorf("first text %q at %.1f,%.1f, want %q at %.0f,%.0f", got.S, got.X, got.Y, tt.first, tt.x, tt.y)
			}
			if second := p.Texts[1]; second.S == tt.first && (!close2(second.X, tt.x) || !close2(second.Y, tt.y+20)) {
				t.Errorf("second line at %.1f,%.1f, want %.0f,%.0f", second.X, second.Y, tt.x, tt.y+20)
			}
		})
	}
}

// TestXObjects checks that forms are walked with their matrix and that
// images are counted.
func TestXObjects(t *testing.T) {
	form := stream("/Type /XObject /Subtype /Form /BBox [0 0 600 800] /Matrix [1 0 0 1 10 0]",
		"BT /F1 10 Tf 100 700 Td (in form) Tj ET 100 100 m 200 100 l S")
	image := stream("/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8", "x")
	pages, _ := walkBytes(t, onePage(simpleFont("Test"), "q 1 0 0 1 0 -100 cm /X5 Do Q /X6 Do BI /W 1 /H 1 /CS /G /BPC 8 ID x EI", form, image))
	p := pages[0]
	if len(p.Texts) != 1 || p.Texts[0].S != "in form" || !close2(p.Texts[0].X, 110) || !close2(p.Texts[0].Y, 200) {
		t.Errorf("texts = %+v, want \"in form\" at 110,200", p.Texts)
	}
	if len(p.Rules) != 1 || !close2(p.Rules[0].X0, 110) || !close2(p.Rules[0].Y0, 800) {
		t.Errorf("rules = %+v, want one from 110,800", p.Rules)
	}
	if p.Images != 2 {
		t.Errorf("images = %d, want 2 (one XObject, one inline)", p.Images)
	}
}

// TestSelfDrawingForm checks that a form drawing itself ends at the depth
// bound instead of recursing forever.
func TestSelfDrawingForm(t *testing.T) {
	form := stream("/Type /XObject /Subtype /Form /BBox [0 0 600 800] /Resources << /Font << /F1 4 0 R >> /XObject << /X5 5 0 R >> >>",
		"BT /F1 10 Tf 100 700 Td (loop) Tj ET /X5 Do")
	pages, _ := walkBytes(t, onePage(simpleFont("Test"), "/X5 Do", form))
	if n := len(pages[0].Texts); n == 0 || n > maxDepth+1 {
		t.Errorf("%d runs, want between 1 and %d", n, maxDepth+1)
	}
}

// TestNoTextLayer checks the warning for an image-only page and the error
// for a document with no text at all.
func TestNoTextLayer(t *testing.T) {
	image := stream("/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8", "x")
	two := buildPDF(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Resources << /Font << /F1 5 0 R >> >> /Contents 6 0 R >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Resources << /XObject << /Im 7 0 R >> >> /Contents 8 0 R >>",
		simpleFont("Test"),
		stream("", "BT /F1 10 Tf 100 700 Td (text) Tj ET"),
		image,
		stream("", "q 600 0 0 800 0 0 cm /Im Do Q"),
	)
	d, err := Read(context.Background(), bytes.NewReader(two), int64(len(two)))
	if err != nil {
		t.Fatal(err)
	}
	if d.Source.Pages != 2 || d.Source.Format != "pdf" {
		t.Errorf("source = %+v", d.Source)
	}
	if !strings.Contains(strings.Join(d.Warnings, "\n"), "no text layer on page 2") {
		t.Errorf("warnings = %q, want one about page 2", d.Warnings)
	}
	scan := onePage(simpleFont("Test"), "q 600 0 0 800 0 0 cm /X5 Do Q", image)
	withoutOCR(t)
	if _, err := Read(context.Background(), bytes.NewReader(scan), int64(len(scan))); err == nil || !strings.Contains(err.Error(), "needs OCR") {
		t.Errorf("err = %v, want the no text layer error", err)
	}
}

// TestDamagedStream checks that damage in one stream of a Contents array
// loses only the rest of that stream, with a warning.
func TestDamagedStream(t *testing.T) {
	file := buildPDF(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Resources << /Font << /F1 4 0 R >> >> /Contents [5 0 R 6 0 R 7 0 R] >>",
		simpleFont("Test"),
		stream("", "BT /F1 10 Tf 100 700 Td (before) Tj ET"),
		stream("", "BT /F1 10 Tf 100 650 Td (damaged) Tj > ET"),
		stream("", "BT /F1 10 Tf 100 600 Td (after) Tj ET"),
	)
	pages, warn := walkBytes(t, file)
	var got []string
	for _, x := range pages[0].Texts {
		got = append(got, x.S)
	}
	if s := strings.Join(got, "|"); !strings.Contains(s, "before") || !strings.Contains(s, "after") {
		t.Errorf("texts = %q, want before and after the damaged stream", s)
	}
	if !strings.Contains(strings.Join(warn, "\n"), "content stream 2 damaged") {
		t.Errorf("warnings = %q, want one naming content stream 2", warn)
	}
}
