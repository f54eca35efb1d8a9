// Package material finds, for tests, the documents kept beside the
// repository rather than in it: the seed reports (seeds), the real
// documents with their hand-checked keys (real) and the documents the
// libraries were measured on (testdocs), all in the folder "shared" next to
// the clone. They are public documents fetched for testing and are never
// committed; a test that needs one calls Need or Glob, which skip the test
// with the reason on a machine without them and fail it in CI (CI=true),
// where they must be present.
//
// It replaces the relative paths each test wrote by hand ("../../shared",
// "../../../shared"), which went wrong silently when a package moved: a
// test skipped for a missing folder cannot fail.
package material

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Root returns the material folder: "shared" beside the repository.
func Root() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return filepath.Join("..", "shared")
	}
	// file is <repo>/internal/material/material.go.
	return filepath.Join(filepath.Dir(file), "..", "..", "..", "shared")
}

// Path returns the path of parts under Root, whether or not it exists.
func Path(parts ...string) string {
	return filepath.Join(append([]string{Root()}, parts...)...)
}

// Need returns the path of parts under Root. When it does not exist, t is
// skipped with the reason, or failed in CI.
func Need(t testing.TB, parts ...string) string {
	t.Helper()
	p := Path(parts...)
	if _, err := os.Stat(p); err != nil {
		missing(t, p)
	}
	return p
}

// Glob returns the files under Root matching pattern (a filepath.Match
// pattern relative to Root, "real/docs/*.doc"). When none matches, t is
// skipped with the reason, or failed in CI.
func Glob(t testing.TB, pattern string) []string {
	t.Helper()
	files, _ := filepath.Glob(Path(pattern))
	if len(files) == 0 {
		missing(t, Path(pattern))
	}
	return files
}

// InCI reports whether the tests run in CI, where the material must be
// present.
func InCI() bool { return os.Getenv("CI") != "" && os.Getenv("CI") != "false" }

func missing(t testing.TB, p string) {
	t.Helper()
	if InCI() {
		t.Fatalf("%s is missing: CI runs with the shared material beside the repository", p)
	}
	t.Skipf("%s is missing: the shared material is not beside the repository", p)
}
