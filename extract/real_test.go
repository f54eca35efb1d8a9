package extract

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"chiso/parse"
	"chiso/report"

	"chiso/internal/material"
)

// The real set (the shared folder beside the repository) holds government
// documents with hand-checked keys: every data row's label and typed cells.
// TestRealTables measures on it what the project's scorer measures — rows
// matched by label, typed cells found on the matched rows, indicators
// output for documents that hold no data — and asserts the floors reached,
// so that a change which reads real tables worse fails.

var realDir = material.Path("real")

// realFloors are the least shares of rows matched and typed cells found
// over the keyed files, and the most false rows on the negatives.
var realFloors = struct {
	rows, cells float64
	falseRows   int
}{rows: 0.95, cells: 0.95, falseRows: 0}

type realKey struct {
	Doc      string `json:"doc"`
	DataRows int    `json:"data_rows"`
	Scan     bool   `json:"scan"`
	Tables   []struct {
		Rows []realRow `json:"rows"`
	} `json:"tables"`
}

type realRow struct {
	STT   string     `json:"stt"`
	Label string     `json:"label"`
	Cells []realCell `json:"cells"`
}

type realCell struct {
	Header      string   `json:"header"`
	Kind        string   `json:"kind"`
	Number      *float64 `json:"number"`
	Numerator   *float64 `json:"numerator"`
	Denominator *float64 `json:"denominator"`
	Bool        *bool    `json:"bool"`
	Status      string   `json:"status"`
}

func (c realCell) typed() bool {
	switch c.Kind {
	case "number", "percent", "fraction", "bool", "status":
		return true
	}
	return false
}

func TestRealTables(t *testing.T) {
	keys := material.Glob(t, "real/keys/*.json")
	var rows, rowsMatched, cells, cellsFound, falseRows int
	for _, kf := range keys {
		b, err := os.ReadFile(kf)
		if err != nil {
			t.Fatal(err)
		}
		var k realKey
		if err := json.Unmarshal(b, &k); err != nil {
			t.Fatalf("%s: %v", kf, err)
		}
		if k.Scan {
			continue // scans are the OCR issue's
		}
		d, err := parse.File(filepath.Join(realDir, "docs", k.Doc))
		if err != nil {
			t.Logf("%s: not read: %v", k.Doc, err)
			continue // a format not read yet counts as nothing found
		}
		rep := Extract(d, Options{})
		if k.DataRows == 0 {
			if n := len(rep.Indicators); n > 0 {
				falseRows += n
				t.Errorf("%s: %d indicators from a document with no data, first %q", k.Doc, n, rep.Indicators[0].Label)
			}
			continue
		}
		var keyRows []realRow
		for _, tb := range k.Tables {
			keyRows = append(keyRows, tb.Rows...)
		}
		match := matchRows(keyRows, rep.Indicators)
		r, c, cf := 0, 0, 0
		for i, kr := range keyRows {
			for _, kc := range kr.Cells {
				if kc.typed() {
					c++
				}
			}
			j, ok := match[i]
			if !ok {
				continue
			}
			r++
			cf += cellsOn(kr, rep.Indicators[j])
		}
		t.Logf("%s: rows %d/%d cells %d/%d", k.Doc, r, len(keyRows), cf, c)
		rows += len(keyRows)
		rowsMatched += r
		cells += c
		cellsFound += cf
	}
	rowShare := float64(rowsMatched) / float64(max(rows, 1))
	cellShare := float64(cellsFound) / float64(max(cells, 1))
	t.Logf("real: rows %.2f (%d/%d) cells %.2f (%d/%d) false_rows %d", rowShare, rowsMatched, rows, cellShare, cellsFound, cells, falseRows)
	if rowShare < realFloors.rows {
		t.Errorf("rows matched %.3f, below the floor %.2f", rowShare, realFloors.rows)
	}
	if cellShare < realFloors.cells {
		t.Errorf("typed cells found %.3f, below the floor %.2f", cellShare, realFloors.cells)
	}
	if falseRows > realFloors.falseRows {
		t.Errorf("%d false rows, the floor is %d", falseRows, realFloors.falseRows)
	}
}

// scoreFold folds a label as the scorer does: marks dropped, đ→d, ’→',
// lower case, spaces collapsed.
func scoreFold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ' || r == 'Đ':
			r = 'd'
		case r == '\u2019' || r == '\u2018':
			r = '\''
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// labelScore is 3 for a prefix, 2 for containment, 1 for an output label
// of 20 or more letters inside the key's, 0 for no match.
func labelScore(key, out string) int {
	k := strings.ReplaceAll(scoreFold(key), " ", "")
	o := strings.ReplaceAll(scoreFold(out), " ", "")
	switch {
	case k == "" || o == "":
		return 0
	case strings.HasPrefix(o, k):
		return 3
	case strings.Contains(o, k):
		return 2
	case len(o) >= 20 && strings.Contains(k, o):
		return 1
	}
	return 0
}

// matchRows pairs key rows with indicators one to one, best label first,
// STT and found cells breaking ties.
func matchRows(keyRows []realRow, inds []report.Indicator) map[int]int {
	type pair struct {
		score float64
		i, j  int
	}
	var pairs []pair
	nk, ne := float64(max(len(keyRows), 1)), float64(max(len(inds), 1))
	for i, k := range keyRows {
		for j, e := range inds {
			s := labelScore(k.Label, e.Label)
			if s == 0 {
				continue
			}
			bonus := 0.0
			if k.STT != "" && strings.TrimRight(e.STT, ".") == strings.TrimRight(k.STT, ".") {
				bonus += 0.5
			}
			bonus -= 0.05 * math.Abs(float64(i)/nk-float64(j)/ne)
			pairs = append(pairs, pair{float64(s) + bonus, i, j})
		}
	}
	sort.SliceStable(pairs, func(a, b int) bool { return pairs[a].score > pairs[b].score })
	out := map[int]int{}
	usedE := map[int]bool{}
	for _, p := range pairs {
		if _, ok := out[p.i]; ok || usedE[p.j] {
			continue
		}
		out[p.i] = p.j
		usedE[p.j] = true
	}
	return out
}

// cellsOn counts the key row's typed cells found on the indicator, each
// output slot used once.
func cellsOn(k realRow, e report.Indicator) int {
	slots := []report.Value{e.Value}
	for _, name := range []string{"a", "b"} {
		if v, ok := e.Components[name]; ok {
			slots = append(slots, report.Value{Kind: report.KindNumber, Number: &v})
		}
	}
	if a, ok := e.Components["a"]; ok {
		if b, ok := e.Components["b"]; ok {
			slots = append(slots, report.Value{Kind: report.KindFraction, Numerator: &a, Denominator: &b})
		}
	}
	for _, p := range []*float64{e.MaxPoints, e.SelfPoints} {
		if p != nil {
			slots = append(slots, report.Value{Kind: report.KindNumber, Number: p})
		}
	}
	for _, c := range e.Columns {
		slots = append(slots, c.Value)
	}
	used := make([]bool, len(slots))
	found := 0
	for _, kc := range k.Cells {
		if !kc.typed() {
			continue
		}
		for s, v := range slots {
			if !used[s] && holdsCell(kc, v) {
				used[s] = true
				found++
				break
			}
		}
	}
	return found
}

func closeTo(a *float64, b *float64) bool {
	if a == nil || b == nil {
		return false
	}
	return math.Abs(*a-*b) <= 1e-6*math.Max(math.Abs(*a), math.Abs(*b)) || math.Abs(*a-*b) < 1e-9
}

// holdsCell reports whether v carries the key cell's typed value.
func holdsCell(c realCell, v report.Value) bool {
	switch c.Kind {
	case "number", "percent":
		return v.Kind != report.KindFraction && closeTo(v.Number, c.Number)
	case "fraction":
		return closeTo(v.Numerator, c.Numerator) && closeTo(v.Denominator, c.Denominator)
	case "bool":
		return v.Bool != nil && c.Bool != nil && *v.Bool == *c.Bool
	case "status":
		return v.Status != "" && string(v.Status) == c.Status
	}
	return false
}
