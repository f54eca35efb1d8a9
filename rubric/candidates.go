package rubric

import "chiso/mapping"

// Candidates turns the rubric's indicators and its unscored information
// items into mapping candidates. Info items are candidates too, so that a
// row such as "Số lượng hệ thống thông tin" (general information) is
// recognised as such rather than taken for indicator 5.1.
func (r *Rubric) Candidates() []mapping.Candidate {
	var cs []mapping.Candidate
	for _, ind := range r.Indicators {
		cs = append(cs, mapping.Candidate{ID: ind.ID, Label: ind.Label, Aliases: ind.Aliases})
	}
	for _, in := range r.Info {
		cs = append(cs, mapping.Candidate{ID: in.ID, Label: in.Label, Aliases: in.Aliases})
	}
	return cs
}

// Matcher returns a matcher over the rubric's candidates.
func (r *Rubric) Matcher() *mapping.Matcher { return mapping.New(r.Candidates()) }

// IsInfo reports whether id names an unscored information item.
func (r *Rubric) IsInfo(id string) bool {
	for _, in := range r.Info {
		if in.ID == id {
			return true
		}
	}
	return false
}
