package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chiso/vntext"
)

// TestRemoveDates checks the pre-test of removeDates against the pattern
// on every line of the seeds and on dates of every form.
func TestRemoveDates(t *testing.T) {
	lines := []string{"ngay 04 thang 10 nam 2023", "12 10 2023", "den nam 2030", "giai doan 2022 2025", "tu 2021",
		"tam nhin nam 2045", "dinh huong 2030 2035", "quy iii nam 2023", "9 thang dau nam 2023", "nam 2023", "tu nam",
		"ngay", "1 2", "thang12 10 2023nam 2024", "den", "tu nam x", "", "1 2 3456", "12 34 5678", "1 234 5678", "1 2 345", "x1 22 20231", "14 20 benh vien", "9 12 2023"}
	files, _ := filepath.Glob("testdata/seed*.txt")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(b), "\n") {
			lines = append(lines, vntext.Fold(l))
		}
	}
	for _, f := range lines {
		if got, want := removeDates(f), dateRe.ReplaceAllString(f, " "); got != want {
			t.Errorf("removeDates(%q) = %q, want %q", f, got, want)
		}
	}
}
