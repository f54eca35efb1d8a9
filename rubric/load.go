package rubric

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"chiso/internal/formula"
)

//go:embed data/*.yaml
var builtin embed.FS

// LoadError is a rubric file that was refused.
type LoadError struct {
	File   string
	Field  string // e.g. "indicators[12].method.threshold"; empty for a syntax error
	Reason string
}

func (e *LoadError) Error() string {
	if e.Field == "" {
		return fmt.Sprintf("rubric %s: %s", e.File, e.Reason)
	}
	return fmt.Sprintf("rubric %s: %s: %s", e.File, e.Field, e.Reason)
}

// DefaultID is the rubric rows are mapped onto when the caller names none:
// the district one, since most reports chiso reads are districts'.
const DefaultID = "hcm-dti-2023-district"

// IDs lists the rubrics that ship with chiso.
func IDs() []string {
	entries, _ := builtin.ReadDir("data")
	var ids []string
	for _, e := range entries {
		ids = append(ids, strings.TrimSuffix(e.Name(), ".yaml"))
	}
	sort.Strings(ids)
	return ids
}

// Builtin returns the shipped rubric with the given id.
func Builtin(id string) (*Rubric, error) {
	b, err := builtin.ReadFile(path.Join("data", id+".yaml"))
	if err != nil {
		return nil, fmt.Errorf("no rubric %q (known: %s)", id, strings.Join(IDs(), ", "))
	}
	return Parse(b, "embedded:"+id+".yaml")
}

// All returns every shipped rubric, sorted by id.
func All() ([]*Rubric, error) {
	var rs []*Rubric
	for _, id := range IDs() {
		r, err := Builtin(id)
		if err != nil {
			return nil, err
		}
		rs = append(rs, r)
	}
	return rs, nil
}

// Open returns the shipped rubric named idOrFile or, when there is none of
// that name, reads it as a file path, so that --rubric takes either.
func Open(idOrFile string) (*Rubric, error) {
	for _, id := range IDs() {
		if id == idOrFile {
			return Builtin(id)
		}
	}
	if _, err := os.Stat(idOrFile); err != nil {
		return nil, fmt.Errorf("no rubric %q: not a shipped rubric (%s) and not a readable file", idOrFile, strings.Join(IDs(), ", "))
	}
	return Load(idOrFile)
}

// Load reads and validates the rubric file at name.
func Load(name string) (*Rubric, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, &LoadError{File: name, Reason: err.Error()}
	}
	return Parse(b, name)
}

// Parse reads and validates a rubric; name is used in errors.
func Parse(data []byte, name string) (*Rubric, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	// A misspelt key in a hand-edited file must not be silently ignored.
	dec.KnownFields(true)
	var r Rubric
	if err := dec.Decode(&r); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, &LoadError{File: name, Reason: "file is empty"}
		}
		return nil, &LoadError{File: name, Reason: strings.TrimPrefix(err.Error(), "yaml: ")}
	}
	r.File, r.matcher = name, &matcherCache{}
	if err := r.validate(); err != nil {
		err.File = name
		return nil, err
	}
	return &r, nil
}

// validate checks what a transcription error would break: ids, group
// membership, the decision's stated counts and sums, and each method's
// parameters.
func (r *Rubric) validate() *LoadError {
	bad := func(field, format string, args ...any) *LoadError {
		return &LoadError{Field: field, Reason: fmt.Sprintf(format, args...)}
	}
	if r.ID == "" {
		return bad("id", "missing")
	}
	if r.Max <= 0 {
		return bad("max", "missing or not positive")
	}
	if len(r.Groups) == 0 {
		return bad("groups", "no groups")
	}
	groups := map[string]int{}
	groupSum := 0.0
	for i, g := range r.Groups {
		f := fmt.Sprintf("groups[%d]", i)
		if g.ID == "" {
			return bad(f+".id", "missing")
		}
		if _, dup := groups[g.ID]; dup {
			return bad(f+".id", "duplicate group id %q", g.ID)
		}
		if g.Max <= 0 {
			return bad(f+".max", "missing or not positive")
		}
		groups[g.ID] = i
		groupSum += g.Max
	}
	if !near(groupSum, r.Max) {
		return bad("max", "the groups add up to %s, not %s", num(groupSum), num(r.Max))
	}
	ids := map[string]bool{}
	sums := make([]float64, len(r.Groups))
	counts := make([]int, len(r.Groups))
	for i := range r.Indicators {
		ind := &r.Indicators[i]
		f := fmt.Sprintf("indicators[%d]", i)
		if ind.ID == "" {
			return bad(f+".id", "missing")
		}
		if ids[ind.ID] {
			return bad(f+".id", "duplicate indicator id %q", ind.ID)
		}
		ids[ind.ID] = true
		if strings.TrimSpace(ind.Label) == "" {
			return bad(f+".label", "missing")
		}
		g, ok := groups[ind.Group]
		if !ok {
			return bad(f+".group", "no group %q", ind.Group)
		}
		if ind.Max <= 0 {
			return bad(f+".max", "missing or not positive")
		}
		sums[g] += ind.Max
		counts[g]++
		if err := ind.validate(); err != nil {
			err.Field = f + "." + err.Field
			return err
		}
	}
	for i, g := range r.Groups {
		if !near(sums[i], g.Max) {
			return bad(fmt.Sprintf("groups[%d].max", i), "group %s states %s points but its indicators add up to %s", g.ID, num(g.Max), num(sums[i]))
		}
		if g.Count != 0 && counts[i] != g.Count {
			return bad(fmt.Sprintf("groups[%d].count", i), "group %s states %d indicators but has %d", g.ID, g.Count, counts[i])
		}
	}
	for i, in := range r.Info {
		if in.ID == "" || ids[in.ID] {
			return bad(fmt.Sprintf("info[%d].id", i), "missing or duplicate id %q", in.ID)
		}
		ids[in.ID] = true
	}
	return nil
}

// validate checks the method's parameters; Field is relative to the
// indicator.
func (ind *Indicator) validate() *LoadError {
	bad := func(field, format string, args ...any) *LoadError {
		return &LoadError{Field: field, Reason: fmt.Sprintf(format, args...)}
	}
	m := &ind.Method
	declared := map[string]bool{}
	for j, in := range ind.Inputs {
		if !formula.IsName(in.Name) {
			return bad(fmt.Sprintf("inputs[%d].name", j), "%q is not an input name (a lower-case letter)", in.Name)
		}
		if declared[in.Name] {
			return bad(fmt.Sprintf("inputs[%d].name", j), "duplicate input %q", in.Name)
		}
		declared[in.Name] = true
	}
	checkFormula := func(field, s string) *LoadError {
		fm, err := formula.Parse(s)
		if err != nil {
			return bad(field, "%v", err)
		}
		for _, v := range fm.Vars() {
			if !declared[v] {
				return bad(field, "input %q is not declared in inputs", v)
			}
		}
		return nil
	}
	percent := func(field string, v float64) *LoadError {
		if v <= 0 || v > 100 {
			return bad(field, "missing or outside (0, 100]: a percentage is needed")
		}
		return nil
	}
	levels := func(names ...string) *LoadError {
		for _, n := range names {
			s, ok := m.Levels[n]
			if !ok {
				return bad("method.levels."+n, "missing (kind %s needs levels %s)", m.Kind, strings.Join(names, ", "))
			}
			if s < 0 || s > 1 {
				return bad("method.levels."+n, "share %s outside [0, 1]", num(s))
			}
		}
		return nil
	}
	switch m.Kind {
	case "":
		return bad("method.kind", "missing")
	case YesNo:
	case Leader:
		return levels("head", "deputy", "other")
	case Frequency:
		return levels("weekly", "monthly", "less")
	case Status:
		return levels("done", "in_progress", "not_started")
	case Ratio, RatioCap:
		if ind.Formula == "" {
			return bad("formula", "missing (kind %s needs a formula such as a/b)", m.Kind)
		}
		if err := checkFormula("formula", ind.Formula); err != nil {
			return err
		}
		if m.Kind == RatioCap {
			return percent("method.target", m.Target)
		}
	case Threshold:
		return percent("method.threshold", m.Threshold)
	case Bands, CountBands:
		if len(m.Bands) == 0 {
			return bad("method.bands", "missing (kind %s needs at least one band)", m.Kind)
		}
		for j, b := range m.Bands {
			f := fmt.Sprintf("method.bands[%d]", j)
			if (b.Above == nil) == (b.From == nil) {
				return bad(f, "needs exactly one of above and from")
			}
			if b.Above != nil && m.Kind == CountBands {
				return bad(f+".above", "count bands are written with from")
			}
			if b.Share < 0 || b.Share > 1 {
				return bad(f+".share", "share %s outside [0, 1]", num(b.Share))
			}
		}
	case Parts:
		if len(m.Parts) == 0 {
			return bad("method.parts", "missing (kind parts needs at least one part)")
		}
		total := 0.0
		for j, p := range m.Parts {
			f := fmt.Sprintf("method.parts[%d]", j)
			switch {
			case (p.Formula == "") == (p.Input == ""):
				return bad(f, "needs exactly one of formula and input")
			case p.Formula != "":
				if err := checkFormula(f+".formula", p.Formula); err != nil {
					return err
				}
			case !declared[p.Input]:
				return bad(f+".input", "input %q is not declared in inputs", p.Input)
			}
			if p.Share <= 0 || p.Share > 1 {
				return bad(f+".share", "missing or outside (0, 1]")
			}
			total += p.Share
		}
		if !near(total, 1) {
			return bad("method.parts", "shares add up to %s, not 1", num(total))
		}
	case PerItem:
		if m.PerItem <= 0 {
			return bad("method.per_item", "missing or not positive (points per item)")
		}
	case MinMax:
		if ind.Formula != "" {
			return checkFormula("formula", ind.Formula)
		}
	case Growth:
		if !declared["a"] || !declared["b"] {
			return bad("inputs", "kind growth needs inputs a (this year) and b (previous year)")
		}
		return percent("method.target", m.Target)
	default:
		return bad("method.kind", "unknown kind %q", m.Kind)
	}
	return nil
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
