package vntext

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chiso/internal/material"
)

// seedTexts returns the real reports of the shared seeds by file name.
func seedTexts(t *testing.T) map[string]string {
	files := material.Glob(t, "seeds/*.txt")
	texts := make(map[string]string)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts[filepath.Base(f)] = string(b)
	}
	return texts
}

// TestCleanSeeds cleans every cell of the real reports: HTML remnants must
// go, words must stay, and Clean must be idempotent.
func TestCleanSeeds(t *testing.T) {
	for name, text := range seedTexts(t) {
		var cells, changed, markup int
		for _, line := range strings.Split(text, "\n") {
			for _, cell := range strings.Split(line, "\t") {
				cells++
				c := Clean(cell)
				if c != cell {
					changed++
				}
				if strings.Contains(cell, "<p>") || strings.Contains(cell, "<i>") || strings.Contains(cell, "&nbsp;") {
					markup++
				}
				for _, bad := range []string{"<p>", "</p>", "<i>", "</i>", "&nbsp;", "&amp;", "  ", "\u00a0"} {
					if strings.Contains(c, bad) {
						t.Errorf("%s: Clean left %q in %q", name, bad, c)
					}
				}
				if Clean(c) != c {
					t.Errorf("%s: Clean not idempotent on %q", name, cell)
				}
				if Fold(c) != Fold(strings.NewReplacer("<p>", " ", "</p>", " ", "<i>", " ", "</i>", " ", "&nbsp;", " ").Replace(cell)) {
					t.Errorf("%s: Clean changed the words of %q: %q", name, cell, c)
				}
			}
		}
		t.Logf("%s: %d cells, %d changed by Clean, %d with HTML remnants", name, cells, changed, markup)
		if strings.HasPrefix(name, "000") && markup == 0 {
			t.Errorf("%s: expected HTML remnants in seed 000", name)
		}
	}
}

// TestFoldSeeds folds every cell of the real reports: Vietnamese folds to
// lower-case ASCII letters, digits and single spaces.
func TestFoldSeeds(t *testing.T) {
	for name, text := range seedTexts(t) {
		for _, line := range strings.Split(text, "\n") {
			for _, cell := range strings.Split(line, "\t") {
				k := Fold(cell)
				if !isFolded(k) {
					t.Errorf("%s: Fold(%q) = %q, not lower-case ASCII words", name, cell, k)
				}
			}
		}
	}
}
