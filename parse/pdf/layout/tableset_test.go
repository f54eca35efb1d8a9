package layout_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"chiso/doc"
	"chiso/parse/pdf"
	"chiso/parse/pdf/layout"
)

// TestTableSet scores the tables chiso reads from a public set of
// born-digital PDF tables against their expected cells, beside the same
// score for a reader with no table logic at all: `pdftotext -layout`,
// each page one table, its lines cut into cells at two or more spaces.
// The set is the ICDAR 2013 table competition's (NAME.pdf beside
// NAME-str.xml, which gives every cell of every table region by row and
// column); it is not part of the repository, so the test runs only when
// CHISO_TABLESET names a folder holding it (searched recursively), and
// scripts/tablebench.sh sets that up. It asserts nothing: it measures, for
// the tables whose columns are ruled (a vertical rule inside the table's
// box), those with only some rules (horizontal ones, an outer box) and
// those with none, separately.
func TestTableSet(t *testing.T) {
	dir := os.Getenv("CHISO_TABLESET")
	if dir == "" {
		t.Skip("CHISO_TABLESET not set: no table set to measure (see scripts/tablebench.sh)")
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) not installed")
	}
	var structs []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, "-str.xml") {
			structs = append(structs, p)
		}
		return err
	})
	if err != nil || len(structs) == 0 {
		t.Fatalf("no *-str.xml files under %s: %v", dir, err)
	}
	sort.Strings(structs)
	var sum [3]struct{ tables, total, chiso, plain int }
	for _, sp := range structs {
		name := strings.TrimSuffix(filepath.Base(sp), "-str.xml")
		path := filepath.Join(filepath.Dir(sp), name+".pdf")
		if _, err := os.Stat(path); err != nil {
			continue // a second truth (eu-009b) whose PDF the set does not hold
		}
		regions, err := readRegions(sp)
		if err != nil {
			t.Errorf("%s: %v", sp, err)
			continue
		}
		pages, blocks, err := readSetPDF(path)
		if err != nil {
			t.Logf("%s: %v", name, err)
		}
		plain, err := pdftotextPages(path)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		for i, rg := range regions {
			kind := rg.ruling(pages)
			var cand [][][]string
			for _, b := range blocks {
				if b.Kind == doc.TableKind && (b.Page == rg.page || b.Page == rg.page-1) {
					cand = append(cand, b.Table.Texts())
				}
			}
			var pl [][][]string
			if rg.page-1 < len(plain) {
				pl = append(pl, plain[rg.page-1])
			}
			c, total := bestOverlay(rg.cells, cand)
			p, _ := bestOverlay(rg.cells, pl)
			s := &sum[kind]
			s.tables++
			s.total += total
			s.chiso += c
			s.plain += p
			t.Logf("%-8s table %d page %d %-7s cells %3d  chiso %3d  pdftotext %3d", name, i+1, rg.page, rulingNames[kind], total, c, p)
		}
	}
	var all struct{ tables, total, chiso, plain int }
	for k, s := range sum {
		t.Logf("tableset %-7s tables %3d cells %5d  chiso %.2f (%d)  pdftotext %.2f (%d)", rulingNames[k], s.tables, s.total,
			ratio(s.chiso, s.total), s.chiso, ratio(s.plain, s.total), s.plain)
		all.tables += s.tables
		all.total += s.total
		all.chiso += s.chiso
		all.plain += s.plain
	}
	t.Logf("tableset %-7s tables %3d cells %5d  chiso %.2f (%d)  pdftotext %.2f (%d)", "all", all.tables, all.total,
		ratio(all.chiso, all.total), all.chiso, ratio(all.plain, all.total), all.plain)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Kinds of ruling a table region of the set has.
const (
	ruled   = iota // a vertical rule inside the box: a lattice
	partial        // horizontal rules or an outer box only
	unruled        // no rule at all
)

var rulingNames = [...]string{"ruled", "partial", "unruled"}

// region is one table region of the set: its page, its box in PDF space
// (origin bottom-left) and its expected cells by row and column.
type region struct {
	page           int
	x1, y1, x2, y2 float64
	cells          [][]string
}

// ruling tells how the region's page rules it.
func (rg region) ruling(pages []layout.Page) int {
	if rg.page-1 >= len(pages) {
		return unruled
	}
	pg := pages[rg.page-1]
	top, bottom := pg.Height-rg.y2, pg.Height-rg.y1 // page space has Y down
	h := bottom - top
	kind := unruled
	for _, r := range pg.Rules {
		inY := r.Y1 >= top-6 && r.Y0 <= bottom+6
		inX := r.X1 >= rg.x1-6 && r.X0 <= rg.x2+6
		if !inX || !inY {
			continue
		}
		if r.X0 == r.X1 && r.X0 > rg.x1+4 && r.X0 < rg.x2-4 && min(r.Y1, bottom)-max(r.Y0, top) > h/3 {
			return ruled
		}
		kind = partial
	}
	return kind
}

// readRegions reads an ICDAR 2013 structure file: one region per table
// and page, each cell at its start row and column (doc.Table.Texts
// repeats a spanning cell over what it covers, so its top-left is there).
func readRegions(path string) ([]region, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var d struct {
		Tables []struct {
			Regions []struct {
				Page  int `xml:"page,attr"`
				Cells []struct {
					Row int `xml:"start-row,attr"`
					Col int `xml:"start-col,attr"`
					Box struct {
						X1 num `xml:"x1,attr"`
						Y1 num `xml:"y1,attr"`
						X2 num `xml:"x2,attr"`
						Y2 num `xml:"y2,attr"`
					} `xml:"bounding-box"`
					Text string `xml:"content"`
				} `xml:"cell"`
			} `xml:"region"`
		} `xml:"table"`
	}
	if err := xml.Unmarshal(b, &d); err != nil {
		return nil, err
	}
	var out []region
	for _, tb := range d.Tables {
		for _, r := range tb.Regions {
			rg := region{page: r.Page, x1: 1e9, y1: 1e9}
			for _, c := range r.Cells {
				if c.Row < 0 || c.Col < 0 {
					continue // us-019 has a cell at row -1
				}
				for len(rg.cells) <= c.Row {
					rg.cells = append(rg.cells, nil)
				}
				for len(rg.cells[c.Row]) <= c.Col {
					rg.cells[c.Row] = append(rg.cells[c.Row], "")
				}
				rg.cells[c.Row][c.Col] = c.Text
				rg.x1, rg.y1 = min(rg.x1, float64(c.Box.X1)), min(rg.y1, float64(c.Box.Y1))
				rg.x2, rg.y2 = max(rg.x2, float64(c.Box.X2)), max(rg.y2, float64(c.Box.Y2))
			}
			out = append(out, rg)
		}
	}
	return out, nil
}

// num is a coordinate of the set, read from its leading digits: a few
// boxes have a stray letter after the number ("26ß").
type num float64

func (n *num) UnmarshalText(b []byte) error {
	s := strings.TrimRightFunc(string(b), func(r rune) bool { return (r < '0' || r > '9') && r != '.' })
	f, err := strconv.ParseFloat(s, 64)
	*n = num(f)
	return err
}

// readSetPDF reads a PDF of the set into its pages and blocks.
func readSetPDF(path string) ([]layout.Page, []doc.Block, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	pages, _, err := pdf.Pages(context.Background(), bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, nil, err
	}
	return pages, layout.Blocks(pages), nil
}

var twoSpaces = regexp.MustCompile(`\s{2,}`)

// pdftotextPages is the no-logic reader: pdftotext -layout, each page one
// table, each line a row cut into cells at two or more spaces.
func pdftotextPages(path string) ([][][]string, error) {
	out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		return nil, fmt.Errorf("pdftotext: %v", err)
	}
	var pages [][][]string
	for _, pg := range strings.Split(string(out), "\f") {
		var rows [][]string
		for _, line := range strings.Split(pg, "\n") {
			if line = strings.TrimSpace(line); line != "" {
				rows = append(rows, twoSpaces.Split(line, -1))
			}
		}
		pages = append(pages, rows)
	}
	return pages, nil
}

// bestOverlay counts the expected non-empty cells of want that the best
// candidate reproduces, laid over it at the row offset (any) and column
// offset (up to 3) that match most; texts are compared without their
// spaces and line breaks and in lower case, as the set's truth drops
// spaces ("Imported(%)") and has the case its PDFs' broken ToUnicode
// maps give ("hungary" where the page shows "Hungary").
func bestOverlay(want [][]string, cand [][][]string) (best, total int) {
	w := foldAll(want)
	for _, row := range w {
		for _, s := range row {
			if s != "" {
				total++
			}
		}
	}
	for _, g := range cand {
		g = foldAll(g)
		for dr := -len(w); dr <= len(g); dr++ {
			for dc := -3; dc <= 3; dc++ {
				n := 0
				for r, row := range w {
					gr := r + dr
					if gr < 0 || gr >= len(g) {
						continue
					}
					for c, s := range row {
						gc := c + dc
						if s != "" && gc >= 0 && gc < len(g[gr]) && g[gr][gc] == s {
							n++
						}
					}
				}
				best = max(best, n)
			}
		}
	}
	return best, total
}

func foldAll(t [][]string) [][]string {
	out := make([][]string, len(t))
	for r, row := range t {
		out[r] = make([]string, len(row))
		for c, s := range row {
			out[r][c] = strings.ToLower(strings.Join(strings.Fields(s), ""))
		}
	}
	return out
}
