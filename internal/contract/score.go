package contract

import (
	"chiso/doc"
	"chiso/internal/msg"
	"chiso/report"
	"chiso/rubric"
)

// Score is the contract's `score --json` object for one file.
type Score struct {
	Schema     string           `json:"schema"`
	Source     doc.Source       `json:"source"`
	Report     ReportHead       `json:"report"`
	Rubric     Rubric           `json:"rubric"`
	Total      float64          `json:"total"`
	SelfTotal  *float64         `json:"self_total"`
	Groups     []Group          `json:"groups"`
	Indicators []Indicator      `json:"indicators"`
	Findings   []report.Finding `json:"findings"`
	// Pending is an addition to the contract: indicators whose points need
	// other reports (min-max across units, growth over last year), not
	// counted in Total.
	Pending []string `json:"pending,omitempty"`
	Error   *string  `json:"error"`
}

// Rubric names the rubric scored against; Title is an addition.
type Rubric struct {
	ID    string  `json:"id"`
	Max   float64 `json:"max"`
	Title string  `json:"title"`
}

// Group is a group's points.
type Group struct {
	ID     string  `json:"id"`
	Label  string  `json:"label"`
	Max    float64 `json:"max"`
	Points float64 `json:"points"`
}

// Indicator is an indicator's points. Raw, Row, Need and Measure are
// additions to the contract: the value as written, the row it came from,
// and what a score without points still needs with the unit's measure.
type Indicator struct {
	ID         string             `json:"id"`
	Label      string             `json:"label"`
	Max        float64            `json:"max"`
	Points     *float64           `json:"points"`
	SelfPoints *float64           `json:"self_points"`
	Basis      string             `json:"basis"`
	Inputs     map[string]float64 `json:"inputs"`
	Raw        string             `json:"raw,omitempty"`
	Row        *Row               `json:"row,omitempty"`
	Need       rubric.Need        `json:"need,omitempty"`
	Measure    *float64           `json:"measure,omitempty"`
}

// Row locates the row an indicator was scored from.
type Row struct {
	Path       []string        `json:"path"`
	Confidence float64         `json:"confidence"`
	Location   report.Location `json:"location"`
}

// NewScore is the object for a file that could be read, mapped by m and
// scored as card; lang ("vi", "en") chooses the language of the basis
// lines. Its findings are the report's, the mapping's and the card's.
func NewScore(src doc.Source, rep *report.Report, m *rubric.Mapping, card *rubric.Card, lang string) Score {
	r := card.Rubric
	out := Score{Schema: Schema, Source: src,
		Report: Head(rep),
		Rubric: Rubric{ID: r.ID, Max: r.Max, Title: r.Title},
		Total:  card.Total, SelfTotal: card.SelfTotal, Pending: card.Pending,
		Groups: []Group{}, Indicators: []Indicator{},
		Findings: append(append(append([]report.Finding{}, rep.Findings...), m.Findings...), card.Findings...)}
	for _, g := range card.Groups {
		out.Groups = append(out.Groups, Group{ID: g.ID, Label: g.Label, Max: g.Max, Points: g.Points})
	}
	for _, s := range card.Scores {
		ind := Indicator{ID: s.ID, Label: s.Label, Max: s.Max, Points: s.Points, SelfPoints: s.SelfPoints,
			Basis: msg.Basis(s.Basis, lang), Inputs: s.Inputs, Need: s.Need, Measure: s.Measure}
		if ind.Inputs == nil {
			ind.Inputs = map[string]float64{}
		}
		if s.Row != nil {
			ind.Raw = s.Row.Raw
			ind.Row = &Row{Path: s.Row.Path, Confidence: s.Ref.Confidence, Location: s.Row.Location}
		}
		out.Indicators = append(out.Indicators, ind)
	}
	return out
}

// ScoreError is the object for a file that could not be read.
func ScoreError(path string, r *rubric.Rubric, err error) Score {
	msg := err.Error()
	return Score{Schema: Schema, Source: doc.Source{Path: path},
		Rubric: Rubric{ID: r.ID, Max: r.Max, Title: r.Title},
		Groups: []Group{}, Indicators: []Indicator{}, Findings: []report.Finding{}, Error: &msg}
}
