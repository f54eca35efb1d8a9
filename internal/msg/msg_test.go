package msg

import (
	"strings"
	"testing"

	"chiso/report"
)

// TestTextEveryCode renders every code of the catalogue in both languages
// and checks that no message carries fmt's error marks: a text that names
// no number once came out as "…%!(EXTRA string=?, …)".
func TestTextEveryCode(t *testing.T) {
	r, c := 85.5, 82.267
	for lang, m := range findings {
		for code := range m {
			for _, f := range []report.Finding{{Code: code}, {Code: code, Reported: &r, Computed: &c, Formula: "a/b", Detail: "1234/1500"}} {
				got := Text(f, lang)
				if got == "" || strings.Contains(got, "%!") {
					t.Errorf("Text(%s, %s) = %q", code, lang, got)
				}
			}
		}
	}
}
