package parse_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"chiso/doc"
	"chiso/parse"
	"chiso/vntext"

	"chiso/internal/material"
)

// testdocs holds the documents the mandated libraries were measured on,
// with the expected cells.
var testdocs = material.Path("testdocs")

func needTestdocs(t *testing.T) {
	t.Helper()
	material.Need(t, "testdocs", "truth.json")
}

// truthCells counts, over every table, the non-empty truth cells whose
// text the document reproduces at the same table, row and column.
func truthCells(t *testing.T, d *doc.Document, repeat int) (matched, total int) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(testdocs, "truth.json"))
	if err != nil {
		t.Fatal(err)
	}
	var truth [][][]string
	if err := json.Unmarshal(raw, &truth); err != nil {
		t.Fatal(err)
	}
	var got [][][]string
	for _, b := range d.Blocks {
		if b.Kind == doc.TableKind {
			got = append(got, b.Table.Texts())
		}
	}
	norm := func(s string) string { return strings.Join(strings.Fields(vntext.Clean(s)), " ") }
	for k := 0; k < repeat; k++ {
		for ti, table := range truth {
			for r, row := range table {
				for c, want := range row {
					if norm(want) == "" {
						continue
					}
					total++
					gt := ti + k*len(truth)
					if gt < len(got) && r < len(got[gt]) && c < len(got[gt][r]) && norm(got[gt][r][c]) == norm(want) {
						matched++
					}
				}
			}
		}
	}
	return matched, total
}

// TestTruth reads every rendering of the seed-000 report through the
// dispatcher, as the CLI does, and requires the cells of truth.json.
func TestTruth(t *testing.T) {
	needTestdocs(t)
	tests := []struct {
		file   string
		repeat int     // report_big holds the tables 8 times
		min    float64 // share of the non-empty cells that must match
	}{
		{"report.docx", 1, 1}, {"report_wordlike.docx", 1, 1}, {"report_nfd.docx", 1, 1},
		{"report_tohop.docx", 1, 1}, {"report_big.docx", 8, 1},
		{"report.html", 1, 1}, {"report_cp1258.html", 1, 1}, {"report_big.html", 8, 1},
		{"report.pdf", 1, 0.98}, {"report_fpdf_cid.pdf", 1, 0.98}, {"report_wordlike.pdf", 1, 0.98},
		{"report_nfd.pdf", 1, 0.98}, {"report_tohop.pdf", 1, 0}, {"report_cairo_cid.pdf", 1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			d, err := parse.File(filepath.Join(testdocs, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			matched, total := truthCells(t, d, tt.repeat)
			share := float64(matched) / float64(total)
			t.Logf("%s: %d/%d cells (%.1f%%)", tt.file, matched, total, 100*share)
			if share < tt.min {
				t.Errorf("%s: %d/%d cells match truth.json, want at least %.0f%%", tt.file, matched, total, 100*tt.min)
			}
		})
	}
}

// TestBadInput feeds the dispatcher what district offices really send by
// mistake and what an attacker might: every case must give an *Error that
// names the file, never a panic or a hang.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	rnd := rand.New(rand.NewSource(1))
	random := make([]byte, 4096)
	rnd.Read(random)

	cases := []struct {
		name, path, want string
	}{
		{"empty", write("empty.pdf", nil), "empty file"},
		{"random bytes", write("random.docx", random), "ends in .docx"},
		{"corrupt zip", write("corrupt.docx", append([]byte("PK\x03\x04"), random[:200]...)), "zip"},
		{"zip bomb", write("bomb.docx", zipBomb(t)), "zip bomb"},
		{"entity bomb", write("entities.docx", entityBomb(t)), "DOCTYPE"},
		{"legacy doc", write("old.doc", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, random[:100]...)), ".doc"},
		{"png named pdf", write("scan.pdf", append([]byte("\x89PNG\r\n\x1a\n"), random[:100]...)), "image"},
		{"xlsx", write("book.xlsx", xlsxLike(t)), "Excel"},
		{"pdf named docx", write("truncated.docx", []byte("%PDF-1.4\n1 0 obj\n<<")), "pdf"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parse.FileOptions(context.Background(), tc.path, parse.Options{Timeout: 30 * time.Second})
			var perr *parse.Error
			if !errors.As(err, &perr) {
				t.Fatalf("got %v, want a *parse.Error", err)
			}
			if !strings.Contains(err.Error(), tc.path) {
				t.Errorf("error %q does not name the file", err)
			}
			if !strings.Contains(strings.ToLower(err.Error()), strings.ToLower(tc.want)) {
				t.Errorf("error %q does not say %q", err, tc.want)
			}
		})
	}
}

// TestBrokenTestdocs reads every damaged document of the shared set: the
// text it can recover, or an error naming the file.
func TestBrokenTestdocs(t *testing.T) {
	needTestdocs(t)
	for _, sub := range []string{"broken", "broken_docx"} {
		files, _ := filepath.Glob(filepath.Join(testdocs, sub, "*"))
		for _, f := range files {
			t.Run(filepath.Base(f), func(t *testing.T) {
				d, err := parse.FileOptions(context.Background(), f, parse.Options{Timeout: time.Minute})
				if err != nil {
					if !strings.Contains(err.Error(), f) {
						t.Errorf("error %q does not name the file", err)
					}
					t.Logf("error: %v", firstLine(err.Error()))
					return
				}
				if len(d.Blocks) == 0 {
					t.Errorf("no error and no text")
				}
				t.Logf("%d blocks, warnings %q", len(d.Blocks), d.Warnings)
			})
		}
	}
}

// TestBigHTML: 50 MB of HTML is read, or refused, in bounded time.
func TestBigHTML(t *testing.T) {
	if testing.Short() {
		t.Skip("50 MB input")
	}
	var b bytes.Buffer
	b.WriteString("<html><body><table>")
	row := "<tr><td>1</td><td>Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến</td><td>78,23 %</td></tr>\n"
	for b.Len() < 50<<20 {
		b.WriteString(row)
	}
	b.WriteString("</table></body></html>")
	d, err := parse.Bytes(context.Background(), b.Bytes(), "big.html", 2*time.Minute)
	if err != nil {
		if !strings.Contains(err.Error(), "big.html") {
			t.Fatalf("error %q does not name the file", err)
		}
		return
	}
	if len(d.Blocks) != 1 || len(d.Blocks[0].Table.Rows) < 400000 {
		t.Fatalf("got %d blocks, want one table of every row", len(d.Blocks))
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		data, name, want string
		err              bool
	}{
		{"%PDF-1.7\n", "x.docx", "pdf", false},
		{"<!DOCTYPE html><html>", "x.txt", "html", false},
		{"<table><tr><td>1</td></tr></table>", "x", "html", false},
		{"STT\tChỉ số\n1\tA\n", "x.html", "text", false},
		{"\xff\xfeS\x00T\x00T\x00", "x", "text", false},
		{"{\\rtf1\\ansi", "x.docx", "rtf", false},
		{"| STT | Tên |\n|---|---|\n", "x.md", "md", false},
		{"| STT | Tên |\n|---|---|\n", "-", "text", false},
		{"PK\x03\x04" + strings.Repeat("\x00", 26) + "mimetypeapplication/vnd.oasis.opendocument.text", "x.zip", "odt", false},
		{"PK\x03\x04" + strings.Repeat("\x00", 26) + "mimetypeapplication/vnd.oasis.opendocument.spreadsheet", "x.odt", "ods", false},
		{"PK\x03\x04" + strings.Repeat("\x00", 26) + "mimetypeapplication/vnd.oasis.opendocument.presentation", "x", "odf", true},
		{"PK\x03\x04" + strings.Repeat("\x00", 26) + "[Content_Types].xml xl/workbook.xml", "x.bin", "xlsx", false},
		{"\x00\x01\x02\x03\x00\x00\x05\x06", "x.txt", "binary", true},
		{"\x09\x04\x06\x00\x00\x00\x10\x00\x00\x00", "old.xls", "xls", true},
		{"", "x.txt", "", true},
	}
	for _, tt := range tests {
		got, err := parse.Sniff([]byte(tt.data), tt.name)
		if got != tt.want || (err != nil) != tt.err {
			t.Errorf("Sniff(%q, %q) = %q, %v; want %q, error %v", tt.data, tt.name, got, err, tt.want, tt.err)
		}
	}
}

// TestSniffOLE2 tells a Word document from an Excel workbook in their
// common compound file by the streams inside, whatever the name says.
func TestSniffOLE2(t *testing.T) {
	for _, tt := range []struct{ path, name, want string }{
		{"../golden/testdata/merged.xls", "merged.xls", "xls"},
		{"../golden/testdata/merged.xls", "renamed.doc", "xls"},
		{"../golden/testdata/merged.doc", "renamed.xls", "doc"},
	} {
		data, err := os.ReadFile(tt.path)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := parse.Sniff(data, tt.name); got != tt.want || err != nil {
			t.Errorf("Sniff(%s as %s) = %q, %v; want %q", tt.path, tt.name, got, err, tt.want)
		}
	}
}

// TestNormalized: whatever the format, the model's text is NFC with no
// odd spaces, so that extraction sees one spelling.
func TestNormalized(t *testing.T) {
	d, err := parse.Read(strings.NewReader("STT\tChi\u0309 sô\u0301\u00a0 \tSố liệu\n1\tTy\u0309 lê\u0323\t78,23 %\n"), "nfd.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Blocks) != 1 || d.Blocks[0].Kind != doc.TableKind {
		t.Fatalf("got %+v, want one table", d.Blocks)
	}
	got := d.Blocks[0].Table.Texts()
	if got[0][1] != "Chỉ số" || got[1][1] != "Tỷ lệ" {
		t.Errorf("cells %q, want NFC text with spaces collapsed", got)
	}
	if d.Source.Format != doc.Text || len(d.Source.SHA256) != 64 {
		t.Errorf("source %+v", d.Source)
	}
}

func FuzzBytes(f *testing.F) {
	for _, s := range []string{"%PDF-1.4\n", "PK\x03\x04", "<html><table><tr><td rowspan=3>1", "STT\tChỉ số\n1\tx\n", "\xff\xfeS\x00"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := parse.Bytes(context.Background(), data, "fuzz", 5*time.Second)
		if err != nil {
			var perr *parse.Error
			if !errors.As(err, &perr) || !strings.HasPrefix(err.Error(), "fuzz") {
				t.Fatalf("error %q is not a *parse.Error naming the file", err)
			}
			return
		}
		for _, b := range d.Blocks {
			if b.Kind == doc.TableKind && b.Table == nil {
				t.Fatal("table block without a table")
			}
		}
	})
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// zipBomb is a DOCX whose main part expands 1000:1 to 300 MB.
func zipBomb(t *testing.T) []byte {
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	fw, err := w.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	chunk := bytes.Repeat([]byte{' '}, 1<<20)
	fw.Write([]byte(`<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`))
	for i := 0; i < 300; i++ {
		fw.Write(chunk)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// entityBomb is a DOCX whose main part declares the "billion laughs".
func entityBomb(t *testing.T) []byte {
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	fw, _ := w.Create("word/document.xml")
	fw.Write([]byte(`<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]>` +
		`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>`))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func xlsxLike(t *testing.T) []byte {
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	fw, _ := w.Create("xl/workbook.xml")
	fw.Write([]byte(`<workbook/>`))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
