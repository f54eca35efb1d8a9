package golden

import (
	"path/filepath"
	"testing"

	"chiso/internal/contract"
)

func init() { views["parse"] = parseView }

// parseView is what `chiso parse --json` prints for the fixture.
func parseView(t *testing.T, path string) any {
	d, err := read(path)
	return contract.NewParse(filepath.Base(path), d, err)
}
