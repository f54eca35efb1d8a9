package golden

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// stages is the order data flows in: no stage may import one to its right.
// "" is the root package chiso, which chains the stages before it into one
// pipeline (Process) that corpus runs on every file.
var stages = []string{"parse", "extract", "mapping", "rubric", "", "corpus"}

// TestLayers keeps the pipeline one-way: a package of a stage imports
// only packages of its own stage or of stages to its left.
func TestLayers(t *testing.T) {
	for i, stage := range stages {
		pattern := "chiso/" + stage + "/..."
		if stage == "" {
			pattern = "chiso"
		}
		out, err := exec.Command("go", "list", "-deps", pattern).CombinedOutput()
		if err != nil {
			t.Fatalf("go list %s: %v\n%s", stage, err, out)
		}
		for _, dep := range strings.Fields(string(out)) {
			name, ok := strings.CutPrefix(dep, "chiso/")
			if !ok && dep != "chiso" {
				continue
			}
			top, _, _ := strings.Cut(name, "/")
			if j := slices.Index(stages, top); j > i {
				t.Errorf("%q depends on %s, which comes after it (order: %s)", stage, dep, strings.Join(stages, " → "))
			}
			if top == "cmd" || top == "golden" {
				t.Errorf("%q depends on %s", stage, dep)
			}
		}
	}
}
