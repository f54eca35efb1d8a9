package pdf

import (
	"regexp"
	"strings"
	"testing"
)

// TestShortSize reads a file whose trailer's /Size is smaller than its
// cross-reference table, as poppler's pdfunite writes them: the table is
// read whole, with a warning, and not rewritten by pdfcpu.
func TestShortSize(t *testing.T) {
	b := helveticaPage("BT /F1 12 Tf 50 700 Td (United) Tj ET")
	size := regexp.MustCompile(`/Size \d+`)
	if !size.Match(b) {
		t.Fatalf("no /Size in the trailer of\n%s", b)
	}
	b = size.ReplaceAll(b, []byte("/Size 1"))
	d := readFirst(t, b, "United")
	if w := strings.Join(d.Warnings, "\n"); !strings.Contains(w, "/Size 1 read as 6") || strings.Contains(w, "pdfcpu") {
		t.Errorf("warnings %q, want /Size 1 read as 6 and no pdfcpu repair", d.Warnings)
	}
}

func TestPatchSizeKeeps(t *testing.T) {
	for _, s := range []string{"", "trailer", "xref\n0 2\ntrailer << /Size 2 >>", "xref\n0 2\ntrailer << /Size x >>",
		"xref\n0 99999999999\ntrailer << /Size 2 >>", "xref\n-1 3\ntrailer << /Size 2 >>", "trailer << /Size 1 >> xref\n0 5\n"} {
		if out, w := patchSize([]byte(s)); w != "" || string(out) != s {
			t.Errorf("patchSize(%q) = %q, %q; want it unchanged", s, out, w)
		}
	}
}
