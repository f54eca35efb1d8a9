package golden

import (
	"path/filepath"
	"testing"

	"chiso/doc"
)

func init() { views["parse"] = parseView }

// parseObject is the contract's `parse --json` object, written field for
// field as cmd/chiso's parseOutput so that the CLI and this view give the
// same bytes (TestCLI checks that they do).
type parseObject struct {
	Schema   string      `json:"schema"`
	Source   doc.Source  `json:"source"`
	Blocks   []doc.Block `json:"blocks"`
	Warnings []string    `json:"warnings,omitempty"`
	Error    *string     `json:"error"`
}

// parseView is what `chiso parse --json` prints for the fixture.
func parseView(t *testing.T, path string) any {
	d, err := read(path)
	out := parseObject{Schema: "chiso/v1", Blocks: []doc.Block{}}
	if err != nil {
		s := err.Error()
		out.Error = &s
		out.Source = doc.Source{Path: filepath.Base(path)}
		return out
	}
	out.Source, out.Blocks, out.Warnings = d.Source, d.Blocks, d.Warnings
	return out
}
