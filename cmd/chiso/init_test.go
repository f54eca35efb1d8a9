package main

import (
	"os"
	"os/exec"
	"regexp"
	"runtime/debug"
	"strconv"
	"testing"
)

// slowInit lists modules whose package initialisation does work every chiso
// process pays for, although almost none needs it, and why each is kept
// out of the binary.
var slowInit = map[string]string{
	// Builds a width table for every Unicode character (~35 ms of CPU,
	// 400 M instructions); it came in through pdfcpu/pkg/api → form.
	"github.com/mattn/go-runewidth": "width table for all of Unicode",
}

// initBudget is how many bytes a package's initialisation may allocate;
// initAllowed names the packages known to take more, with their own bound.
// Allocation is counted rather than time so the test does not depend on
// how busy the machine is.
const initBudget = 256 << 10

var initAllowed = map[string]int{
	"github.com/xuri/excelize/v2": 1600 << 10, // number-format and language tables
	"chiso/vntext":                800 << 10,  // folding and NFC tables for Vietnamese
	"chiso/internal/msg":          400 << 10,  // the vi/en message catalogue
}

// TestNoHeavyInit keeps start-up cheap: no module from slowInit is linked
// and no package's init allocates more than its budget (GODEBUG=inittrace
// on this test binary, which links everything the command does).
func TestNoHeavyInit(t *testing.T) {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		t.Fatal("no build information in the test binary")
	}
	for _, d := range bi.Deps {
		if why, bad := slowInit[d.Path]; bad {
			t.Errorf("%s is linked (%s): find which import brings it (go mod why %s)", d.Path, why, d.Path)
		}
	}

	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("running the test binary with inittrace: %v\n%s", err, out)
	}
	line := regexp.MustCompile(`(?m)^init (\S+) @.*?, ([0-9]+) bytes, ([0-9]+) allocs`)
	matches := line.FindAllSubmatch(out, -1)
	if len(matches) == 0 {
		t.Fatalf("no inittrace lines in\n%s", out)
	}
	for _, m := range matches {
		pkg := string(m[1])
		bytes, _ := strconv.Atoi(string(m[2]))
		limit, known := initAllowed[pkg]
		if !known {
			limit = initBudget
		}
		if bytes > limit {
			t.Errorf("init of %s allocates %d bytes (%s allocs), over its budget of %d: do the work when it is first needed", pkg, bytes, m[3], limit)
		}
	}
}
