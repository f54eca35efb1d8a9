package golden

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"chiso"
	"chiso/doc"
	"chiso/rubric"
)

var update = flag.Bool("update", false, "rewrite the expected F.VIEW.json files from what chiso produces now")

// views are the outputs pinned for every fixture F, each in F.NAME.json.
// A view is registered from its own file with init; it returns the value
// to encode, or nil where it does not apply to the fixture.
var views = map[string]func(t *testing.T, path string) any{}

// fixtureExts are the extensions of the documents in testdata; everything
// else there (expected JSON) is derived from them.
var fixtureExts = []string{".txt", ".htm", ".html", ".docx", ".doc", ".pdf", ".xlsx", ".xls", ".odt", ".ods", ".rtf", ".md"}

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

// process runs chiso.Process on a fixture as the CLI does, with the
// default rubric and the messages in lang, naming it by its base name so
// that nothing in the output depends on where the repository lies. Each
// fixture is processed once per language and test run, whichever test
// asks first; the stages change nothing they are given, so the views share
// the result.
func process(path, lang string) (*chiso.Result, error) {
	procMu.Lock()
	defer procMu.Unlock()
	k := procKey{path, lang}
	r, ok := procCache[k]
	if !ok {
		r.res, r.err = processFile(path, lang)
		procCache[k] = r
	}
	return r.res, r.err
}

func processFile(path, lang string) (*chiso.Result, error) {
	r, err := rubric.Builtin(rubric.DefaultID)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	name := filepath.Base(path)
	data, err := chiso.ReadAll(f, name, 0)
	if err != nil {
		return nil, err
	}
	return chiso.Process(context.Background(), name, data, chiso.Options{Rubric: r, Lang: lang})
}

// read is the document of a fixture, as parse made it.
func read(path string) (*doc.Document, error) {
	res, err := process(path, "vi")
	if err != nil {
		return nil, err
	}
	return res.Document, nil
}

type procKey struct{ path, lang string }

type procResult struct {
	res *chiso.Result
	err error
}

var (
	procMu    sync.Mutex
	procCache = map[procKey]procResult{}
)
