package corpus

import (
	"bytes"
	"context"
	"encoding/csv"
	"path/filepath"
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

func TestHeadingsFor(t *testing.T) {
	tests := []struct {
		lang    string
		want    Headings
		wantErr bool
	}{
		{"vi", Vietnamese, false},
		{"en", English, false},
		{"fr", Headings{}, true},
		{"", Headings{}, true},
	}
	for _, tt := range tests {
		got, err := HeadingsFor(tt.lang)
		if (err != nil) != tt.wantErr || !slices.Equal(got.Long, tt.want.Long) || got.NoPeriod != tt.want.NoPeriod {
			t.Errorf("HeadingsFor(%q) = %v, %v; want %v, error %v", tt.lang, got, err, tt.want, tt.wantErr)
		}
	}
	for _, h := range []Headings{English, Vietnamese} {
		if len(h.Long) != len(Header) || len(h.Period) != len(periodWidths) || h.NoPeriod == "" {
			t.Errorf("headings %q: %d long, %d period columns, want %d and %d", h.NoPeriod,
				len(h.Long), len(h.Period), len(Header), len(periodWidths))
		}
		if name := sheetName(h.NoPeriod); name != h.NoPeriod {
			t.Errorf("%q is not a valid sheet name (would be %q)", h.NoPeriod, name)
		}
	}
}

// TestExportHeadings exports the seed reports in each language: the CSV
// header after the byte order mark, the XLSX header rows and the sheet of
// the rubric decision (seed 003, which names no period) are in that
// language, and the workbook opens with its header rows frozen and its
// columns wide enough for their headings.
func TestExportHeadings(t *testing.T) {
	s := exported(t, filepath.Join(t.TempDir(), "chiso.db"))
	ctx := context.Background()
	for _, tt := range []struct {
		lang, q3 string
		h        Headings
	}{{"vi", "9 tháng-2023", Vietnamese}, {"en", "2023-M1-9", English}} {
		t.Run(tt.lang, func(t *testing.T) {
			var b bytes.Buffer
			if err := s.ExportCSV(ctx, &b, tt.h, IntlCSV); err != nil {
				t.Fatal(err)
			}
			body, ok := bytes.CutPrefix(b.Bytes(), []byte("\uFEFF"))
			if !ok {
				t.Fatal("CSV does not start with a byte order mark")
			}
			recs, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(recs[0], tt.h.Long) {
				t.Errorf("CSV header %q, want %q", recs[0], tt.h.Long)
			}
			if got, want := len(recs)-1, kept(t, s); got != want {
				t.Errorf("CSV: %d rows, want %d", got, want)
			}

			b.Reset()
			if err := s.ExportXLSX(ctx, &b, tt.h); err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenReader(&b)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			sheets := f.GetSheetList()
			if !slices.Contains(sheets, tt.h.NoPeriod) {
				t.Errorf("no sheet %q for the report without a period among %q", tt.h.NoPeriod, sheets)
			}
			for _, c := range []struct {
				sheet string
				want  []string
			}{{tt.h.LongSheet, tt.h.Long}, {tt.q3, tt.h.Period}, {tt.h.NoPeriod, tt.h.Period}, {tt.h.FindingsSheet, tt.h.Findings}} {
				rows, err := f.GetRows(c.sheet)
				if err != nil {
					t.Errorf("sheet %q: %v", c.sheet, err)
					continue
				}
				if len(rows) < 2 || len(rows[0]) < len(c.want) || !slices.Equal(rows[0][:len(c.want)], c.want) {
					t.Errorf("sheet %q: header %q, want it to start %q", c.sheet, rows[0], c.want)
					continue
				}
				readable(t, f, c.sheet, rows[0][:len(c.want)])
			}
		})
	}
	if err := s.ExportCSV(ctx, new(bytes.Buffer), Headings{Long: Header[:3]}, IntlCSV); err == nil {
		t.Error("ExportCSV took 3 headings for 18 columns")
	}
}

// readable checks that a sheet opens as an officer can read it: the
// header row frozen, in bold, each column at least as wide as its heading.
func readable(t *testing.T, f *excelize.File, sheet string, header []string) {
	t.Helper()
	p, err := f.GetPanes(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if !p.Freeze || p.YSplit != 1 {
		t.Errorf("sheet %q: panes %+v, want the header row frozen", sheet, p)
	}
	for i, h := range header {
		col, _ := excelize.ColumnNumberToName(i + 1)
		w, err := f.GetColWidth(sheet, col)
		if err != nil {
			t.Fatal(err)
		}
		if w < float64(utf8.RuneCountInString(h)) {
			t.Errorf("sheet %q: column %s (%q) is %.1f wide", sheet, col, h, w)
		}
		id, err := f.GetCellStyle(sheet, col+"1")
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil || st.Font == nil || !st.Font.Bold {
			t.Errorf("sheet %q: heading %s1 (%q) is not bold", sheet, col, h)
		}
	}
}
