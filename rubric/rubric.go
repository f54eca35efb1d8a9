package rubric

// Rubric is one scoring scheme of the decision: groups of indicators, each
// with its maximum and its method of scoring.
type Rubric struct {
	ID     string    `yaml:"id"`
	Title  string    `yaml:"title"`
	Source string    `yaml:"source"` // the legal text it transcribes
	Unit   string    `yaml:"unit"`   // who is scored: "district", "department"
	Max    float64   `yaml:"max"`
	Errata []Erratum `yaml:"errata"`
	Groups []Group   `yaml:"groups"`
	// Indicators are in the decision's order.
	Indicators []Indicator `yaml:"indicators"`
	// Info lists the unscored "Thông tin chung" items, so that report rows
	// about them are recognised and not mistaken for scored indicators.
	Info []Info `yaml:"info"`

	// File is where the rubric was read from ("embedded:…" for those that
	// ship with chiso).
	File string `yaml:"-"`

	matcher *matcherCache
}

// Erratum records a place where the decision's text cannot be applied as
// written and the reading chiso applies instead.
type Erratum struct {
	Where   string `yaml:"where"`
	Source  string `yaml:"source"` // the decision's words
	Reading string `yaml:"reading"`
	Why     string `yaml:"why"`
}

// Group is a main index ("chỉ số chính"), e.g. "6 Hoạt động chính quyền số".
type Group struct {
	ID    string  `yaml:"id"`
	Label string  `yaml:"label"`
	Max   float64 `yaml:"max"`
	// Count is the number of component indicators the decision's summary
	// table states; loading checks it.
	Count int `yaml:"count"`
}

// Indicator is a component index ("chỉ số thành phần").
type Indicator struct {
	ID      string   `yaml:"id"`
	Label   string   `yaml:"label"`
	Group   string   `yaml:"group"`
	Max     float64  `yaml:"max"`
	Method  Method   `yaml:"method"`
	Formula string   `yaml:"formula"`
	Inputs  []Input  `yaml:"inputs"`
	Aliases []string `yaml:"aliases"`
	// Text is the decision's scoring rule, where the method does not
	// already say it in numbers.
	Text string `yaml:"text"`
	// Cumulative says whether the indicator's counts (its value, or a
	// rate's a and b) add up from the start of the year, so that a later
	// report of the same year may not give less. Nil when the decision
	// does not say: the audit across reports then trusts the report's
	// own declaration ("số liệu lũy kế tính từ đầu năm"). Decision 79
	// says it of no indicator, so the embedded rubrics leave it unset.
	Cumulative *bool `yaml:"cumulative"`
}

// Input is a named quantity of an indicator's method ("a= Số cuộc họp …").
type Input struct {
	Name  string `yaml:"name"`
	Label string `yaml:"label"`
}

// Info is an unscored item of general information.
type Info struct {
	ID      string   `yaml:"id"`
	Label   string   `yaml:"label"`
	Aliases []string `yaml:"aliases"`
	// Cumulative is as Indicator's.
	Cumulative *bool `yaml:"cumulative"`
}

// Method says how an indicator's points are computed. Which fields apply
// depends on Kind; see the package documentation.
type Method struct {
	Kind      Kind               `yaml:"kind"`
	Target    float64            `yaml:"target"`    // ratio_cap, growth: percent earning the maximum
	Threshold float64            `yaml:"threshold"` // threshold: percent earning the maximum
	Bands     []Band             `yaml:"bands"`     // bands, count_bands: first match wins
	Levels    map[string]float64 `yaml:"levels"`    // leader, frequency, status: share per level
	Parts     []Part             `yaml:"parts"`     // parts
	PerItem   float64            `yaml:"per_item"`  // per_item: points per item
}

// Kind names a method of scoring.
type Kind string

// The method kinds of Decision 79/QĐ-UBND.
const (
	YesNo      Kind = "yes_no"      // Đã ban hành / Chưa ban hành, Có / Không
	Leader     Kind = "leader"      // head → max, deputy → ½, else 0
	Ratio      Kind = "ratio"       // ratio × max (formula may sum inputs)
	RatioCap   Kind = "ratio_cap"   // ≥ target → max, else ratio/target × max
	Threshold  Kind = "threshold"   // ≥ threshold → max, else 0
	Bands      Kind = "bands"       // percentage bands, each a share of max
	CountBands Kind = "count_bands" // count bands (articles per year); no section → 0
	Frequency  Kind = "frequency"   // weekly → max, monthly → ½, less → 0
	Status     Kind = "status"      // done → max, in progress → ½, not started → 0
	Parts      Kind = "parts"       // sum of parts, each a ratio or a yes/no, times its share
	PerItem    Kind = "per_item"    // points per item, capped at max
	MinMax     Kind = "min_max"     // (x − min)/(max − min) × max across a cohort
	Growth     Kind = "growth"      // year-over-year growth: ≥ target → max, else growth/target × max
)

// Band is one band of a bands or count_bands method: a value above Above
// (strictly) or from From (inclusive) earns Share of the maximum. Exactly
// one of Above and From is set.
type Band struct {
	Above *float64 `yaml:"above"`
	From  *float64 `yaml:"from"`
	Share float64  `yaml:"share"`
}

// Part is one part of a parts method: either a ratio (Formula) or a yes/no
// input (Input), worth Share of the maximum.
type Part struct {
	Formula string  `yaml:"formula"`
	Input   string  `yaml:"input"`
	Share   float64 `yaml:"share"`
	Label   string  `yaml:"label"`
}

// Indicator returns the indicator with the given id, or nil.
func (r *Rubric) Indicator(id string) *Indicator {
	for i := range r.Indicators {
		if r.Indicators[i].ID == id {
			return &r.Indicators[i]
		}
	}
	return nil
}

// Cumulative says whether the counts of the indicator or information
// item with the given id add up from the start of the year, and whether
// the rubric says so at all (Indicator.Cumulative).
func (r *Rubric) Cumulative(id string) (cumulative, known bool) {
	var c *bool
	if ind := r.Indicator(id); ind != nil {
		c = ind.Cumulative
	} else {
		for i := range r.Info {
			if r.Info[i].ID == id {
				c = r.Info[i].Cumulative
			}
		}
	}
	if c == nil {
		return false, false
	}
	return *c, true
}

// Group returns the group with the given id, or nil.
func (r *Rubric) Group(id string) *Group {
	for i := range r.Groups {
		if r.Groups[i].ID == id {
			return &r.Groups[i]
		}
	}
	return nil
}
