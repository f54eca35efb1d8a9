package rubric

import (
	"chiso/doc"
	"chiso/report"
)

// Output is the contract's `score --json` object for one file, so that the
// command line and the golden tests write the same bytes.
type Output struct {
	Schema     string            `json:"schema"`
	Source     doc.Source        `json:"source"`
	Report     OutputReport      `json:"report"`
	Rubric     OutputRubric      `json:"rubric"`
	Total      float64           `json:"total"`
	SelfTotal  *float64          `json:"self_total"`
	Groups     []OutputGroup     `json:"groups"`
	Indicators []OutputIndicator `json:"indicators"`
	Findings   []report.Finding  `json:"findings"`
	// Pending is an addition to the contract: indicators whose points need
	// other reports (min-max across units, growth over last year), not
	// counted in Total.
	Pending []string `json:"pending,omitempty"`
	Error   *string  `json:"error"`
}

// OutputReport is what the report says about itself.
type OutputReport struct {
	Title  string        `json:"title"`
	Unit   string        `json:"unit"`
	Period report.Period `json:"period"`
}

// OutputRubric names the rubric scored against; Title is an addition.
type OutputRubric struct {
	ID    string  `json:"id"`
	Max   float64 `json:"max"`
	Title string  `json:"title"`
}

// OutputGroup is a group's points.
type OutputGroup struct {
	ID     string  `json:"id"`
	Label  string  `json:"label"`
	Max    float64 `json:"max"`
	Points float64 `json:"points"`
}

// OutputIndicator is an indicator's points. Raw, Row, Need and Measure are
// additions to the contract: the value as written, the row it came from,
// and what a score without points still needs with the unit's measure.
type OutputIndicator struct {
	ID         string             `json:"id"`
	Label      string             `json:"label"`
	Max        float64            `json:"max"`
	Points     *float64           `json:"points"`
	SelfPoints *float64           `json:"self_points"`
	Basis      string             `json:"basis"`
	Inputs     map[string]float64 `json:"inputs"`
	Raw        string             `json:"raw,omitempty"`
	Row        *OutputRow         `json:"row,omitempty"`
	Need       Need               `json:"need,omitempty"`
	Measure    *float64           `json:"measure,omitempty"`
}

// OutputRow locates the row an indicator was scored from.
type OutputRow struct {
	Path       []string        `json:"path"`
	Confidence float64         `json:"confidence"`
	Location   report.Location `json:"location"`
}

// NewOutput is the output for a file that could be read, mapped by m and
// scored as card; lang ("vi", "en") chooses the language of the basis
// lines. Its findings are the report's, the mapping's and the card's.
func NewOutput(src doc.Source, rep *report.Report, m *Mapping, card *Card, lang string) Output {
	r := card.Rubric
	out := Output{Schema: "chiso/v1", Source: src,
		Report: OutputReport{Title: rep.Title, Unit: rep.Unit, Period: rep.Period},
		Rubric: OutputRubric{ID: r.ID, Max: r.Max, Title: r.Title},
		Total:  card.Total, SelfTotal: card.SelfTotal, Pending: card.Pending,
		Groups: []OutputGroup{}, Indicators: []OutputIndicator{},
		Findings: append(append(append([]report.Finding{}, rep.Findings...), m.Findings...), card.Findings...)}
	for _, g := range card.Groups {
		out.Groups = append(out.Groups, OutputGroup{ID: g.ID, Label: g.Label, Max: g.Max, Points: g.Points})
	}
	for _, s := range card.Scores {
		ind := OutputIndicator{ID: s.ID, Label: s.Label, Max: s.Max, Points: s.Points, SelfPoints: s.SelfPoints,
			Basis: s.Basis, Inputs: s.Inputs, Need: s.Need, Measure: s.Measure}
		if lang != "en" {
			ind.Basis = s.BasisVI
		}
		if ind.Inputs == nil {
			ind.Inputs = map[string]float64{}
		}
		if s.Row != nil {
			ind.Raw = s.Row.Raw
			ind.Row = &OutputRow{Path: s.Row.Path, Confidence: s.Ref.Confidence, Location: s.Row.Location}
		}
		out.Indicators = append(out.Indicators, ind)
	}
	return out
}

// ErrorOutput is the output for a file that could not be read.
func ErrorOutput(path string, r *Rubric, err error) Output {
	msg := err.Error()
	return Output{Schema: "chiso/v1", Source: doc.Source{Path: path},
		Rubric: OutputRubric{ID: r.ID, Max: r.Max, Title: r.Title},
		Groups: []OutputGroup{}, Indicators: []OutputIndicator{}, Findings: []report.Finding{}, Error: &msg}
}
