package golden

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"chiso/doc"
	"chiso/report"
)

func init() { views["extract"] = extractView }

// extractReport and extractObject are the contract's `extract --json`
// object, written field for field as cmd/chiso's extractOutput so that the
// CLI and this view give the same bytes.
type extractReport struct {
	Title  string        `json:"title"`
	Unit   string        `json:"unit"`
	Period report.Period `json:"period"`
}

type extractObject struct {
	Schema     string             `json:"schema"`
	Source     doc.Source         `json:"source"`
	Report     extractReport      `json:"report"`
	Indicators []report.Indicator `json:"indicators"`
	Findings   []report.Finding   `json:"findings"`
	Error      *string            `json:"error"`
}

// extractView is what `chiso extract --json` prints for the fixture.
func extractView(t *testing.T, path string) any {
	out := extractObject{Schema: "chiso/v1", Indicators: []report.Indicator{}, Findings: []report.Finding{}}
	res, err := process(path, "vi")
	if err != nil {
		s := err.Error()
		out.Error = &s
		out.Source = doc.Source{Path: filepath.Base(path)}
		return out
	}
	rep := res.Mapping.Mapped(res.Report)
	out.Source = res.Document.Source
	out.Report = extractReport{Title: rep.Title, Unit: rep.Unit, Period: rep.Period}
	out.Indicators, out.Findings = rep.Indicators, rep.Findings
	return out
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
				if got := placeless(t, other, pdf); got != want {
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
	v := extractView(t, path).(extractObject)
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
