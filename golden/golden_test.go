package golden

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"chiso/doc"
	"chiso/parse"
)

var update = flag.Bool("update", false, "rewrite the expected F.VIEW.json files from what chiso produces now")

// views are the outputs pinned for every fixture F, each in F.NAME.json.
// A view is registered from its own file with init; it returns the value
// to encode, or nil where it does not apply to the fixture.
var views = map[string]func(t *testing.T, path string) any{}

// fixtureExts are the extensions of the documents in testdata; everything
// else there (expected JSON) is derived from them.
var fixtureExts = []string{".txt", ".htm", ".html", ".docx", ".doc", ".pdf", ".xlsx", ".odt", ".ods"}

// fixtures lists the documents in testdata, sorted.
func fixtures(t *testing.T) []string {
	t.Helper()
	entries, err := os.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if !e.IsDir() && slices.Contains(fixtureExts, filepath.Ext(e.Name())) {
			out = append(out, filepath.Join("testdata", e.Name()))
		}
	}
	if len(out) == 0 {
		t.Fatal("no fixtures in testdata: run go run ./golden/gen")
	}
	return out
}

// TestGolden compares every view of every fixture with its expected JSON.
func TestGolden(t *testing.T) {
	names := make([]string, 0, len(views))
	for name := range views {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, path := range fixtures(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			for _, name := range names {
				v := views[name](t, path)
				if v == nil {
					continue
				}
				golden := path + "." + name + ".json"
				got, err := encode(v)
				if err != nil {
					t.Fatalf("%s view: %v", name, err)
				}
				if *update {
					if err := os.WriteFile(golden, got, 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Errorf("%v (run go test ./golden -update, then read the file before committing it)", err)
					continue
				}
				if d := diff(want, got); d != "" {
					t.Errorf("%s differs from what chiso makes of %s now (want -, got +):\n%s", golden, path, d)
				}
			}
		})
	}
}

// TestNoStaleGolden checks that every expected file still has its fixture
// and view, so that a renamed fixture does not leave dead expectations.
func TestNoStaleGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		stem := strings.TrimSuffix(f, ".json")
		view := strings.TrimPrefix(filepath.Ext(stem), ".")
		fixture := strings.TrimSuffix(stem, "."+view)
		if _, ok := views[view]; !ok {
			t.Errorf("%s: no view %q is registered", f, view)
		}
		if _, err := os.Stat(fixture); err != nil {
			t.Errorf("%s: fixture %s is gone", f, fixture)
		}
	}
}

// encode writes v as the expected files hold it: the JSON the CLI prints
// (no HTML escaping), indented by two spaces so that diffs can be read.
func encode(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// diff shows where want and got first differ, with a few lines of
// context, or returns "" when they are equal. Lines both end with are left
// out, so that a changed cell shows as one line each side.
func diff(want, got []byte) string {
	if bytes.Equal(want, got) {
		return ""
	}
	w := strings.Split(string(want), "\n")
	g := strings.Split(string(got), "\n")
	i := 0
	for i < len(w) && i < len(g) && w[i] == g[i] {
		i++
	}
	we, ge := len(w), len(g)
	for we > i && ge > i && w[we-1] == g[ge-1] {
		we, ge = we-1, ge-1
	}
	const most = 8
	var b strings.Builder
	for k := max(0, i-3); k < i; k++ {
		fmt.Fprintf(&b, "  %5d   %s\n", k+1, w[k])
	}
	for k := i; k < min(we, i+most); k++ {
		fmt.Fprintf(&b, "- %5d   %s\n", k+1, w[k])
	}
	for k := i; k < min(ge, i+most); k++ {
		fmt.Fprintf(&b, "+ %5d   %s\n", k+1, g[k])
	}
	for k := we; k < min(len(w), we+2); k++ {
		fmt.Fprintf(&b, "  %5d   %s\n", k+1, w[k])
	}
	fmt.Fprintf(&b, "(%d lines expected, %d got)", len(w), len(g))
	return b.String()
}

// read parses a fixture as the CLI does, naming it by its base name so
// that nothing in the output depends on where the repository lies. Each
// fixture is parsed once per test run, whichever test asks first; every
// caller gets its own copy, so that a view that changes the document
// cannot change what the next view sees.
func read(path string) (*doc.Document, error) {
	readMu.Lock()
	defer readMu.Unlock()
	r, ok := readCache[path]
	if !ok {
		r.doc, r.err = readFile(path)
		readCache[path] = r
	}
	if r.err != nil {
		return nil, r.err
	}
	return clone(r.doc), nil
}

func readFile(path string) (*doc.Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return parse.Read(f, filepath.Base(path))
}

// clone copies a document down to its cells.
func clone(d *doc.Document) *doc.Document {
	c := *d
	c.Warnings = slices.Clone(d.Warnings)
	c.Blocks = slices.Clone(d.Blocks)
	for i, b := range c.Blocks {
		if b.Table == nil {
			continue
		}
		t := &doc.Table{Rows: make([][]doc.Cell, len(b.Table.Rows))}
		for r, row := range b.Table.Rows {
			t.Rows[r] = slices.Clone(row)
		}
		c.Blocks[i].Table = t
	}
	return &c
}

type readResult struct {
	doc *doc.Document
	err error
}

var (
	readMu    sync.Mutex
	readCache = map[string]readResult{}
)
