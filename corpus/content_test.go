package corpus

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
)

// TestOneReportPerContent: seed 000 saved as text, HTML, DOCX and PDF is
// one report of Quận 5 for the first nine months of 2023, with four
// sources; history lists each of its values once, under its own span.
func TestOneReportPerContent(t *testing.T) {
	dir := t.TempDir()
	var files []string
	for _, ext := range []string{".txt", ".html", ".docx", ".pdf"} {
		dst := filepath.Join(dir, "seed000"+ext)
		copyFile(t, filepath.Join(fixtures, "seed000"+ext), dst)
		files = append(files, dst)
	}
	s := openT(t, filepath.Join(t.TempDir(), "chiso.db"))
	ingest(t, s, 2, dir)
	if n := count(t, s, "reports"); n != 4 {
		t.Fatalf("%d reports stored, want the 4 files kept", n)
	}
	ctx := context.Background()
	refs, err := s.reports(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(refs) != 1 {
		t.Fatalf("%d reports read, want 1", len(refs))
	}
	slices.Sort(files)
	if !slices.Equal(refs[0].Sources, files) || refs[0].Source != files[0] {
		t.Errorf("sources %q (first %q), want %q", refs[0].Sources, refs[0].Source, files)
	}
	pts, err := s.History(ctx, "q5", "")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, p := range pts {
		if p.Period != "2023-M1-9" {
			t.Errorf("%s: period %q, want 2023-M1-9", p.Indicator, p.Period)
		}
		k := p.Indicator + "\x00" + p.RowLabel
		if seen[k] {
			t.Errorf("%s listed twice", p.Indicator)
		}
		seen[k] = true
	}
	if len(pts) == 0 {
		t.Fatal("no history")
	}
}
