package corpus

import (
	"context"
	"database/sql"
	"slices"
)

// Point is one value of an indicator's history: what one report of a
// unit says about one rubric indicator.
type Point struct {
	Unit      string   `json:"unit"`
	Period    string   `json:"period"` // PeriodKey: "2023", "2023-Q3"
	Label     string   `json:"period_label"`
	Indicator string   `json:"indicator"` // rubric indicator id
	RowLabel  string   `json:"label"`
	Value     *float64 `json:"value"`
	Raw       string   `json:"raw"`
	Points    *float64 `json:"points"`
	Source    string   `json:"source"`
	// Findings are the codes of the findings across reports about this
	// unit, period and indicator (the last stored pass: see
	// RefreshCrossFindings); omitted when none.
	Findings []string `json:"findings,omitempty"`
}

// History returns the values of the rubric indicator id (every mapped
// indicator when id is "") in the reports of the units unit names, the
// way people type it (MatchUnit), ordered by unit, period and indicator.
func (s *Store) History(ctx context.Context, unit, id string) ([]Point, error) {
	reps, err := s.reports(ctx, "")
	if err != nil {
		return nil, err
	}
	cross, err := s.StoredCrossFindings(ctx)
	if err != nil {
		return nil, err
	}
	// By report and row: a finding marks the period of each report it
	// names, so that both ends of a fall are marked.
	marks := map[string][]string{}
	for _, f := range cross {
		for _, sd := range f.Reports {
			k := sd.SHA256 + "\x00" + joinPath(sd.Path)
			if !slices.Contains(marks[k], string(f.Code)) {
				marks[k] = append(marks[k], string(f.Code))
			}
		}
	}
	var out []Point
	for _, r := range reps {
		if !MatchUnit(unit, r.Unit) {
			continue
		}
		pts, err := s.points(ctx, r.ID)
		if err != nil {
			return nil, err
		}
		scoredRow := map[string]*float64{}
		for _, p := range pts {
			scoredRow[p.Indicator+"\x00"+p.RowPath] = p.Points
		}
		lo, hi := keyRange(r.ID)
		rows, err := s.db.QueryContext(ctx, `select rubric_ind, path, label, number, raw from indicators
			where id between $1 and $2 and rubric_ind <> '' and ($3 = '' or rubric_ind = $3) order by id`, lo, hi, id)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			p := Point{Unit: r.Unit, Period: spanKey(&r), Label: r.Label, Source: r.Source}
			var path string
			var v sql.NullFloat64
			if err := rows.Scan(&p.Indicator, &path, &p.RowLabel, &v, &p.Raw); err != nil {
				rows.Close()
				return nil, err
			}
			p.Value = floatPtr(v)
			p.Points = scoredRow[p.Indicator+"\x00"+path]
			p.Findings = marks[r.SHA256+"\x00"+path]
			for _, part := range []string{"a", "b"} {
				for _, c := range marks[r.SHA256+"\x00"+path+"/"+part] {
					if !slices.Contains(p.Findings, c) {
						p.Findings = append(p.Findings, c)
					}
				}
			}
			out = append(out, p)
		}
		if err := rows.Close(); err != nil {
			return nil, err
		}
	}
	return out, nil
}
