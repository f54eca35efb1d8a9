package golden

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"chiso/doc"
)

// sameDocument groups fixtures that hold one document under different
// names: the Word-saved page of merged, and the encodings of utf8.txt.
// Other fixtures are grouped by their name without extension.
var sameDocument = map[string]string{
	"wordsaved.htm": "merged",
	"nfd.txt":       "utf8",
	"utf16.txt":     "utf8",
	"tcvn3.txt":     "utf8",
	"vni.txt":       "utf8",
}

// notYet names twins whose tables a reader does not rebuild yet, with the
// reason; their differences are logged, not failed, so that the gap stays
// visible in the test output until the reader closes it.
var notYet = map[string]string{}

// formatRank orders a group's members; the first is the reference the
// others are compared with. Text comes first because the other formats of
// a seed are rendered from what the text reader made of it.
var formatRank = []string{".txt", ".html", ".htm", ".docx", ".doc", ".pdf", ".xlsx", ".xls", ".odt", ".ods", ".rtf", ".md"}

// TestCrossFormat checks that every format of one document gives the same
// table cells: the texts of each table's expanded grid, tables in order.
func TestCrossFormat(t *testing.T) {
	names, groups := documents(t)
	for _, g := range names {
		members := groups[g]
		t.Run(g, func(t *testing.T) {
			ref := members[0]
			want, err := tablesOf(ref)
			if err != nil {
				t.Fatalf("reference %s: %v", ref, err)
			}
			for _, other := range members[1:] {
				got, err := tablesOf(other)
				if err != nil {
					t.Errorf("%s: %v", other, err)
					continue
				}
				want := want
				if filepath.Ext(other) == ".pdf" {
					// A PDF draws lines, not line breaks: a break inside a
					// cell cannot be told from wrapping there, so both
					// sides compare with breaks as spaces.
					want, got = joinLines(want), joinLines(got)
				}
				d := compareTables(want, got)
				if len(d) > 0 && filepath.Ext(other) == ".pdf" {
					// Nor does a PDF say whether a wrapped line ended in a
					// space: "0 -" + "Khác" may have been "0 -Khác", and a
					// word cut by a narrow column looks like two words. So
					// a PDF must agree letter for letter; its spaces are
					// only reported.
					t.Logf("%s and %s differ in %d places; a PDF must agree but for spaces:\n%s", filepath.Base(ref), filepath.Base(other), len(d), strings.Join(d[:min(len(d), 25)], "\n"))
					d = compareTables(withoutSpaces(want), withoutSpaces(got))
				}
				if why, ok := notYet[filepath.Base(other)]; ok && len(d) > 0 {
					t.Logf("%s: not yet (%s): %d differences", filepath.Base(other), why, len(d))
					continue
				}
				if len(d) > 0 {
					t.Errorf("%s and %s differ in %d places:\n%s%s", filepath.Base(ref), filepath.Base(other), len(d), strings.Join(d[:min(len(d), 25)], "\n"), hint(ref))
				}
			}
		})
	}
}

// documents groups the fixtures that hold one document in several formats,
// each group's members sorted with the reference first, and returns the
// groups' names in order.
func documents(t *testing.T) ([]string, map[string][]string) {
	groups := map[string][]string{}
	for _, path := range fixtures(t) {
		base := filepath.Base(path)
		g, ok := sameDocument[base]
		if !ok {
			g = strings.TrimSuffix(base, filepath.Ext(base))
		}
		groups[g] = append(groups[g], path)
	}
	var names []string
	for g, members := range groups {
		if len(members) > 1 {
			names = append(names, g)
			slices.SortFunc(members, func(a, b string) int { return compareMembers(g, a, b) })
		}
	}
	slices.Sort(names)
	if len(names) == 0 {
		t.Fatal("no document exists in more than one format")
	}
	return names, groups
}

// compareMembers puts the fixture named like the group first, then orders
// by format and name.
func compareMembers(group, a, b string) int {
	key := func(p string) string {
		base := filepath.Base(p)
		ext := filepath.Ext(base)
		own := "1"
		if strings.TrimSuffix(base, ext) == group {
			own = "0"
		}
		return fmt.Sprintf("%s%02d%s", own, slices.Index(formatRank, ext), base)
	}
	return strings.Compare(key(a), key(b))
}

// tablesOf returns the cell texts of every table of a fixture.
func tablesOf(path string) ([][][]string, error) {
	d, err := read(path)
	if err != nil {
		return nil, err
	}
	var out [][][]string
	for _, b := range d.Blocks {
		if b.Kind == doc.TableKind && b.Table != nil {
			out = append(out, b.Table.Texts())
		}
	}
	return out, nil
}

// compareTables lists the differences between two documents' tables:
// tables missing, grids of different sizes, cells with different text.
func compareTables(want, got [][][]string) []string {
	var d []string
	if len(want) != len(got) {
		d = append(d, fmt.Sprintf("%d tables, want %d", len(got), len(want)))
	}
	for i := range min(len(want), len(got)) {
		w, g := want[i], got[i]
		if len(w) != len(g) {
			d = append(d, fmt.Sprintf("table %d: %d rows, want %d", i+1, len(g), len(w)))
		}
		for r := range min(len(w), len(g)) {
			if len(w[r]) != len(g[r]) {
				d = append(d, fmt.Sprintf("table %d row %d: %d columns, want %d", i+1, r+1, len(g[r]), len(w[r])))
			}
			for c := range min(len(w[r]), len(g[r])) {
				if w[r][c] != g[r][c] {
					d = append(d, fmt.Sprintf("table %d row %d col %d: %q, want %q", i+1, r+1, c+1, g[r][c], w[r][c]))
				}
			}
		}
	}
	return d
}

// joinLines returns tables with the line breaks in cells made spaces.
func joinLines(tables [][][]string) [][][]string {
	out := make([][][]string, len(tables))
	for i, t := range tables {
		out[i] = make([][]string, len(t))
		for r, row := range t {
			out[i][r] = make([]string, len(row))
			for c, s := range row {
				out[i][r][c] = strings.ReplaceAll(s, "\n", " ")
			}
		}
	}
	return out
}

// hint says what to do when the reference is a text fixture that the
// generator renders into the other formats: they follow the text reader
// only once regenerated.
func hint(ref string) string {
	if filepath.Ext(ref) != ".txt" {
		return ""
	}
	if _, err := os.Stat(strings.TrimSuffix(ref, ".txt") + ".html"); err != nil {
		return ""
	}
	return "\n(if the text reader changed, re-render with go run ./golden/gen, then go test ./golden -update)"
}

// withoutSpaces drops every space from every cell.
func withoutSpaces(tables [][][]string) [][][]string {
	out := make([][][]string, len(tables))
	for i, t := range tables {
		out[i] = make([][]string, len(t))
		for r, row := range t {
			out[i][r] = make([]string, len(row))
			for c, cell := range row {
				out[i][r][c] = strings.Join(strings.Fields(cell), "")
			}
		}
	}
	return out
}
