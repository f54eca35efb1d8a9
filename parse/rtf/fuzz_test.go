package rtf

import (
	"os"
	"path/filepath"
	"testing"

	"chiso/internal/doctest"
)

// FuzzRead checks that no input panics or yields a malformed document.
func FuzzRead(f *testing.F) {
	f.Add([]byte(`{\rtf1\ansi\ansicpg1258{\fonttbl{\f0 .VnTime;}{\f1\fcharset163 Arial;}}\f0 B\'b8o\f1\u7896?\par` +
		`\trowd\clvmgf\cellx1000\clmgf\cellx2000\clmrg\cellx3000\intbl STT\cell a\nestcell\nestrow\cell\cell\row}`))
	b, err := os.ReadFile(filepath.Join("testdata", "report.rtf"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := Read(b)
		doctest.Check(t, d, err)
	})
}
