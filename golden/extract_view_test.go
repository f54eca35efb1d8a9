package golden

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"chiso/doc"
	"chiso/internal/contract"
	"chiso/report"
)

func init() { views["extract"] = extractView }

// extractView is what `chiso extract --json` prints for the fixture.
func extractView(t *testing.T, path string) any {
	res, err := process(path, "vi")
	if err != nil {
		return contract.NewExtract(doc.Source{Path: filepath.Base(path)}, nil, err)
	}
	return contract.NewExtract(res.Document.Source, res.Mapping.Mapped(res.Report), nil)
}

// TestExtractCrossFormat checks that every format of one document gives
// the same extraction — report, indicators, findings — apart from where
// things are (location, source).
func TestExtractCrossFormat(t *testing.T) {
	names, groups := documents(t)
	for _, g := range names {
		members := groups[g]
		t.Run(g, func(t *testing.T) {
			for _, other := range members[1:] {
				// A PDF draws lines, not line breaks: both sides compare
				// with runs of white space as one space there.
				pdf := filepath.Ext(other) == ".pdf"
				want := placeless(t, members[0], pdf)
				got := placeless(t, other, pdf)
				if why, ok := notYet[filepath.Base(other)]; ok && got != want {
					t.Logf("%s: not yet (%s)", filepath.Base(other), why)
					continue
				}
				if got != want {
					t.Errorf("%s and %s extract differently:\n%s", filepath.Base(members[0]), filepath.Base(other), diff([]byte(want), []byte(got)))
				}
			}
		})
	}
}

// placeless is the extract view of a fixture without source and
// locations, as indented JSON; with flat, texts have their white space
// collapsed.
func placeless(t *testing.T, path string, flat bool) string {
	v := extractView(t, path).(contract.Extract)
	v.Source = doc.Source{}
	inds := slices.Clone(v.Indicators)
	for i := range inds {
		inds[i].Location = report.Location{}
		if flat {
			for _, s := range []*string{&inds[i].Label, &inds[i].Raw, &inds[i].Evidence} {
				*s = strings.Join(strings.Fields(*s), " ")
			}
			inds[i].Columns = slices.Clone(inds[i].Columns)
			for j := range inds[i].Columns {
				c := &inds[i].Columns[j]
				c.Raw = strings.Join(strings.Fields(c.Raw), " ")
			}
		}
	}
	finds := slices.Clone(v.Findings)
	for i := range finds {
		finds[i].Location = report.Location{}
	}
	v.Indicators, v.Findings = inds, finds
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
