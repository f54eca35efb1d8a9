package extract

import (
	"reflect"
	"testing"

	"chiso/internal/material"
	"chiso/parse"
)

// TestParsedSeeds checks that the seeds read by package parse extract as
// they do through the test loader the other tests use.
func TestParsedSeeds(t *testing.T) {
	for _, f := range []string{"seed000.txt", "seed001.txt", "seed002.txt", "seed004.txt", "mutated.txt"} {
		d, err := parse.File("testdata/" + f)
		if err != nil {
			t.Fatal(err)
		}
		got := Extract(d, Options{})
		want := Extract(loadText(t, "testdata/"+f), Options{})
		if !reflect.DeepEqual(codes(got), codes(want)) {
			t.Errorf("%s: findings through parse %q, through the loader %q", f, codes(got), codes(want))
		}
		if got.Unit != want.Unit || !reflect.DeepEqual(got.Period, want.Period) || len(got.Indicators) != len(want.Indicators) {
			t.Errorf("%s: unit %q period %+v %d indicators through parse; %q %+v %d through the loader",
				f, got.Unit, got.Period, len(got.Indicators), want.Unit, want.Period, len(want.Indicators))
		}
	}
}

// TestTestDocs runs on the test documents made from seed 000 (HTML, DOCX
// and PDF written with comma decimals and dot thousands).
func TestTestDocs(t *testing.T) {
	for _, f := range []string{"report.html", "report.docx", "report.pdf"} {
		d, err := parse.File(material.Need(t, "testdocs", f))
		if err != nil {
			t.Fatal(err)
		}
		rep := Extract(d, Options{})
		want := []string{"missing_component II/II/9", "zero_denominator II/II/14", "missing_component II/V/2"}
		if got := codes(rep); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: findings %q, want %q", f, got, want)
		}
		ind := indicator(t, rep, "II", "II", "7")
		if *ind.Value.Number != 78.23 || !reflect.DeepEqual(ind.Components, map[string]float64{"a": 11781, "b": 15060}) {
			t.Errorf("%s: II/II/7 %+v %v", f, ind.Value, ind.Components)
		}
		if ind := indicator(t, rep, "II", "II", "4"); ind.Components["b"] != 92333 {
			t.Errorf("%s: II/II/4 %v", f, ind.Components)
		}
	}
}

// TestMutatedFormats: the mutated fixture rendered to HTML, DOCX and PDF
// (go run ./golden/gen extract/testdata/mutated.txt) gives the same
// findings as the text, at the same places.
func TestMutatedFormats(t *testing.T) {
	want := Extract(loadText(t, "testdata/mutated.txt"), Options{})
	for _, f := range []string{"mutated.txt", "mutated.html", "mutated.docx", "mutated.pdf"} {
		d, err := parse.File("testdata/" + f)
		if err != nil {
			t.Fatal(err)
		}
		got := Extract(d, Options{})
		if !reflect.DeepEqual(codes(got), codes(want)) {
			t.Errorf("%s: findings %q, want %q", f, codes(got), codes(want))
		}
		for i := range min(len(got.Findings), len(want.Findings)) {
			g, w := got.Findings[i], want.Findings[i]
			if !reflect.DeepEqual(g.Reported, w.Reported) || !reflect.DeepEqual(g.Computed, w.Computed) || g.Formula != w.Formula || g.Detail != w.Detail {
				t.Errorf("%s: %s %v: %q %q, want %q %q", f, g.Code, g.Path, g.Formula, g.Detail, w.Formula, w.Detail)
			}
		}
	}
}
