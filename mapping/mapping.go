// Package mapping matches the labels of a report's rows to a rubric's
// indicators, whatever the wording: with or without diacritics, with
// abbreviations (CĐS, DVCTT, TTHC …), naming a particular unit ("Quận 1")
// where the decision writes "Quận/Huyện/Thành phố".
//
// github.com/sahilm/fuzzy is the mandated fuzzy matcher, but it cannot rank
// these labels: it does not fold diacritics, matches subsequences only (a
// label with one extra word matches nothing), counts in bytes, and its
// score overflows on long labels (measured in docs/libraries.md). So labels
// are first reduced to a key (Key: unit names to a slot, vntext.Fold,
// abbreviations expanded); fuzzy then serves as a filter over the keys, and
// the candidates it keeps are ranked by the Dice coefficient of their word
// sets (raised towards the candidate's coverage when the label is the
// longer: see blend). When fuzzy keeps nothing, or nothing it keeps is close enough, all
// candidates are ranked by Dice. A match needs a Dice score of at least
// MinScore and a margin of MinMargin over the best other candidate;
// anything less is left unmapped.
//
// On a scoring sheet the row's STT is the indicator's id: Match accepts the
// candidate of that id when the label agrees with it (a score of at least
// AgreeScore, within NearBest of the label's best candidate), and falls
// back to the label alone when it does not.
//
// Package mapping knows nothing of rubrics: package rubric turns its
// indicators into Candidates.
package mapping

import (
	"sort"
	"strings"

	"github.com/sahilm/fuzzy"
)

// Thresholds of a match, as Dice coefficients (0–1).
const (
	MinScore   = 0.6  // the best candidate's score
	MinMargin  = 0.05 // its lead over the best other candidate
	AgreeScore = 0.35 // least score for a label to agree with its STT's candidate
	NearBest   = 0.1  // how far below the label's best candidate the STT's may be
)

// Candidate is something a label may be matched to: an indicator's id, its
// label and other wordings of it.
type Candidate struct {
	ID      string
	Label   string
	Aliases []string
}

// Match is the outcome of matching one label.
type Match struct {
	ID string
	// Confidence is 0–1: the score, lowered when the runner-up is close;
	// when the row's STT names the candidate and the label agrees, halfway
	// between the score and 1.
	Confidence float64
	Score      float64
	// RunnerUp is the best other candidate and its score.
	RunnerUp      string
	RunnerUpScore float64
	// BySTT reports that the row's STT named the candidate and the label
	// agreed.
	BySTT bool
}

// Matcher matches labels to a fixed set of candidates.
type Matcher struct {
	cands   []Candidate
	targets []target
	keys    []string // targets' keys, for fuzzy
	byID    map[string]int
}

// target is one wording of one candidate.
type target struct {
	cand  int
	words map[string]bool
}

// New prepares a matcher for cands.
func New(cands []Candidate) *Matcher {
	m := &Matcher{cands: cands, byID: map[string]int{}}
	for i, c := range cands {
		m.byID[normalSTT(c.ID)] = i
		for _, label := range append([]string{c.Label}, c.Aliases...) {
			for _, form := range forms(label) {
				m.targets = append(m.targets, target{cand: i, words: set(tokens(form))})
				m.keys = append(m.keys, Key(form))
			}
		}
	}
	return m
}

// forms are the wordings a label is compared in: as written and without
// its parenthesised asides.
func forms(label string) []string {
	short := withoutAsides(label)
	if strings.TrimSpace(short) == "" || Key(short) == Key(label) {
		return []string{label}
	}
	return []string{label, short}
}

// Scored is a candidate and its score.
type Scored struct {
	ID    string
	Score float64
}

// Rank returns every candidate the label may be, best first.
func (m *Matcher) Rank(label string) []Scored {
	best := make([]float64, len(m.cands))
	queries := forms(label)
	// fuzzy as the filter: targets whose key holds the query's key as a
	// subsequence.
	keep := map[int]bool{}
	for _, q := range queries {
		for _, f := range fuzzy.FindNoSort(Key(q), m.keys) {
			keep[m.targets[f.Index].cand] = true
		}
	}
	score := func(filter bool) {
		for _, q := range queries {
			qw := set(tokens(q))
			for _, t := range m.targets {
				if filter && !keep[t.cand] {
					continue
				}
				if s := blend(qw, t.words); s > best[t.cand] {
					best[t.cand] = s
				}
			}
		}
	}
	score(len(keep) > 0)
	top := 0.0
	for _, s := range best {
		top = max(top, s)
	}
	if top < MinScore && len(keep) > 0 {
		score(false) // fuzzy kept only poor candidates: rank them all
	}
	var out []Scored
	for i, s := range best {
		if s > 0 {
			out = append(out, Scored{m.cands[i].ID, s})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	return out
}

// Match matches a row's label; stt is the row's STT, or "" when the
// document's numbering is not the rubric's. ok is false when no candidate
// is close enough or two are too close to tell apart.
func (m *Matcher) Match(label, stt string) (Match, bool) {
	ranked := m.Rank(label)
	if stt != "" {
		if i, ok := m.byID[normalSTT(stt)]; ok {
			id := m.cands[i].ID
			s, runner := 0.0, Scored{}
			for _, r := range ranked {
				switch {
				case r.ID == id:
					s = r.Score
				case runner.ID == "":
					runner = r
				}
			}
			// The STT's candidate must be supported by the label and be
			// (nearly) the label's best: a sheet on another rubric reuses
			// the same ids for other indicators.
			if s >= AgreeScore && (len(ranked) > 0 && s >= ranked[0].Score-NearBest) {
				return Match{ID: id, Score: s, Confidence: round2((1 + s) / 2),
					RunnerUp: runner.ID, RunnerUpScore: runner.Score, BySTT: true}, true
			}
		}
	}
	if len(ranked) == 0 {
		return Match{}, false
	}
	res := Match{ID: ranked[0].ID, Score: ranked[0].Score}
	if len(ranked) > 1 {
		res.RunnerUp, res.RunnerUpScore = ranked[1].ID, ranked[1].Score
	}
	margin := res.Score - res.RunnerUpScore
	res.Confidence = round2(res.Score * (0.5 + 0.5*min(1, margin/0.2)))
	if res.Score < MinScore || margin < MinMargin {
		return res, false
	}
	return res, true
}

// normalSTT writes an STT as the rubric writes ids: "1,7" → "1.7",
// "6.3." → "6.3".
func normalSTT(s string) string {
	s = strings.TrimSpace(strings.ReplaceAll(s, ",", "."))
	return strings.TrimRight(s, ".")
}

func set(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// dice is the Dice coefficient of two word sets: 2|A∩B| / (|A|+|B|).
func dice(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return 2 * float64(n) / float64(len(a)+len(b))
}

func round2(x float64) float64 { return float64(int(x*100+0.5)) / 100 }

// blend is the Dice coefficient, raised towards the share of the
// candidate's words the label holds when the label is the longer: a report
// often writes an indicator's short name inside a longer sentence ("Tỷ lệ
// hồ sơ … xử lý trực tuyến đạt 50% trên Hệ thống …"), where Dice alone
// favours a long candidate that shares more words. The average is
// discounted by a tenth because coverage ignores the label's extra words.
func blend(q, c map[string]bool) float64 {
	d := dice(q, c)
	if len(q) <= len(c) || len(c) == 0 {
		return d
	}
	n := 0
	for w := range c {
		if q[w] {
			n++
		}
	}
	cov := float64(n) / float64(len(c))
	return max(d, (d+cov)/2*0.9)
}
