package rubric

import (
	"sync"

	"chiso/mapping"
)

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

// Matcher returns a matcher over the rubric's candidates, built once per
// loaded rubric: a bulk run maps thousands of reports with it.
func (r *Rubric) Matcher() *mapping.Matcher {
	if r.matcher == nil {
		return mapping.New(r.Candidates())
	}
	r.matcher.once.Do(func() { r.matcher.m = mapping.New(r.Candidates()) })
	return r.matcher.m
}

// matcherCache holds a rubric's matcher; Parse sets it up.
type matcherCache struct {
	once sync.Once
	m    *mapping.Matcher
}

// IsInfo reports whether id names an unscored information item.
func (r *Rubric) IsInfo(id string) bool {
	for _, in := range r.Info {
		if in.ID == id {
			return true
		}
	}
	return false
}
