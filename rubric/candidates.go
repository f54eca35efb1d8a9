package rubric

import (
	"sync"

	"chiso/mapping"
)

// Candidates turns the rubric's indicators and its unscored information
// items into mapping candidates. Info items are candidates too, so that a
// row such as "Số lượng hệ thống thông tin" (general information) is
// recognised as such rather than taken for indicator 5.1; none of them is
// a rate, so a rate row ("Tỷ lệ số hóa … thủ tục hành chính") is never
// taken for one ("Số lượng thủ tục hành chính").
func (r *Rubric) Candidates() []mapping.Candidate {
	var cs []mapping.Candidate
	for _, ind := range r.Indicators {
		cs = append(cs, mapping.Candidate{ID: ind.ID, Label: ind.Label, Aliases: ind.Aliases,
			NotRate: !readsRate(ind.Method.Kind)})
	}
	for _, in := range r.Info {
		// Names, addresses, counts and amounts: never a rate.
		cs = append(cs, mapping.Candidate{ID: in.ID, Label: in.Label, Aliases: in.Aliases, NotRate: true})
	}
	return cs
}

// readsRate reports whether a method can score a rate. Those that cannot
// (Có/Không, who chairs, how often, how far along, items, articles) are
// not candidates for a rate row: "Tỷ lệ hồ sơ … xử lý trực tuyến … trên
// Hệ thống giải quyết thủ tục hành chính" is 6.3's rate, not 6.10's "Sử
// dụng Hệ thống giải quyết thủ tục hành chính".
func readsRate(k Kind) bool {
	switch k {
	case YesNo, Leader, Frequency, Status, PerItem, CountBands:
		return false
	}
	return true
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
