package pdf

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
)

func TestCmpTmp(t *testing.T) {
	for _, f := range strings.Fields(os.Getenv("FILES")) {
		pages, warn, err := openPages(t, f)
		out, _ := exec.Command("pdftotext", f, "-").Output()
		ref := strings.Fields(string(out))
		mine := map[string]int{}
		for _, w := range strings.Fields(allText(pages)) {
			mine[w]++
		}
		miss := 0
		var ex []string
		for _, w := range ref {
			if mine[w] > 0 {
				mine[w]--
			} else {
				miss++
				if len(ex) < 8 {
					ex = append(ex, w)
				}
			}
		}
		fmt.Printf("%s: err=%v warn=%d pages=%d refwords=%d missing=%d %q\n", f, err, len(warn), len(pages), len(ref), miss, ex)
	}
}
