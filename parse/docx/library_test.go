package docx

import (
	"path/filepath"
	"strings"
	"testing"

	upstream "github.com/nguyenthenguyen/docx"
)

// TestWhyNotUpstream keeps the package doc honest: it measures, on the
// test documents, the shortcomings of github.com/nguyenthenguyen/docx that
// made this reader walk the XML itself. If upstream fixes one, this test
// fails and the doc comment should be revised.
func TestWhyNotUpstream(t *testing.T) {
	// Word opens these packages; upstream refuses them, this reader does not.
	for _, name := range []string{"broken/mainpart_renamed.docx", "broken/no_rels.docx"} {
		if r, err := upstream.ReadDocxFile(filepath.Join("testdata", name)); err == nil {
			r.Close()
			t.Errorf("upstream now opens %s", name)
		}
		if _, err := readFile(t, name); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}

	// Upstream gives the main part as one raw XML string: tables, merges
	// and runs are left to the caller.
	r, err := upstream.ReadDocxFile(filepath.Join("testdata", "report_wordlike.docx"))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	d := r.Editable()
	content := d.GetContent()
	if !strings.Contains(content, "<w:tbl>") && !strings.Contains(content, "<w:tbl ") {
		t.Errorf("upstream content is no longer the raw document XML")
	}
	// Word splits "1,05 %" into runs; upstream's Replace cannot see it.
	if err := d.Replace("1,05 %", "X", -1); err == nil && strings.Contains(d.GetContent(), ">X<") {
		t.Errorf("upstream now replaces text split across runs")
	}
	doc, err := readFile(t, "report_wordlike.docx")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, b := range doc.Blocks {
		if b.Table == nil {
			continue
		}
		for _, row := range b.Table.Rows {
			for _, c := range row {
				found = found || strings.Contains(c.Text, "1,05 %")
			}
		}
	}
	if !found {
		t.Errorf("this reader lost the run-split value 1,05 %%")
	}
}
