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
// sets, each word weighted by its inverse frequency across the candidates
// (raised towards the candidate's coverage when the label is the longer:
// see blend). The weights make the words every indicator of a domain
// shares ("thủ tục hành chính", "hồ sơ", "cán bộ") count for little, and
// the words that tell indicators apart count for much; a label must share
// two words with a candidate (one, if that is all it has). When fuzzy keeps
// nothing, or nothing it keeps is close enough, all candidates are ranked.
//
// A rate ("Tỷ lệ …", a percentage, a/b) is never matched to a candidate
// marked NotRate (a count, a name, a yes/no).
//
// A match's Confidence is its score, lowered as its lead over the
// runner-up falls below FullMargin (to half the score at a tie); a label
// is mapped exactly when its Confidence is at least MinConfidence, so a
// mapped row never shows a confidence below it.
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
	"math"
	"sort"
	"strings"

	"github.com/sahilm/fuzzy"
)

// Thresholds of a match, on the 0–1 scale of scores and confidences.
const (
	// MinConfidence is the least Confidence of a match by label.
	MinConfidence = 0.6
	// FullMargin is the lead over the runner-up at which a label's
	// confidence is its whole score; with no lead it is half.
	FullMargin = 0.08
	// MinScore is the score below which the candidates fuzzy keeps are
	// all poor, and every candidate is ranked.
	MinScore   = 0.6
	AgreeScore = 0.35 // least score for a label to agree with its STT's candidate
	NearBest   = 0.1  // how far below the label's best candidate the STT's may be
)

// Candidate is something a label may be matched to: an indicator's id, its
// label and other wordings of it.
type Candidate struct {
	ID      string
	Label   string
	Aliases []string
	// NotRate marks a candidate that is never a rate (a count, a name, an
	// amount): a rate ("Tỷ lệ …", a percentage, a/b) is not matched to it,
	// however many words they share.
	NotRate bool
}

// Match is the outcome of matching one label.
type Match struct {
	ID string
	// Confidence is 0–1: the score, lowered when the runner-up is close;
	// when the row's STT names the candidate and the label agrees, halfway
	// between the score and 1 (so at least (1+AgreeScore)/2, above
	// MinConfidence).
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
	// weight is each word's inverse candidate frequency; unknown is the
	// weight of a word no candidate has (see weigh).
	weight  map[string]float64
	unknown float64
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
	m.weigh()
	return m
}

// weigh sets each word's weight to its inverse frequency across the
// candidates, ln(1 + N/df), N candidates of which df have the word in some
// wording. A rubric's labels share their domain's words ("thủ tục hành
// chính", "hồ sơ", "tỷ lệ", "hệ thống thông tin"): counted like the
// others, these make a label match whichever candidate repeats most of
// them, when what tells two indicators apart is their rarer words ("số
// hóa", "chữ ký số", "phê duyệt"). A word no candidate has weighs as one
// that only one has: it is as much a sign that the label says something
// else.
func (m *Matcher) weigh() {
	df := map[string]int{}
	for i := range m.cands {
		seen := map[string]bool{}
		for _, t := range m.targets {
			if t.cand != i {
				continue
			}
			for w := range t.words {
				if !seen[w] {
					seen[w] = true
					df[w]++
				}
			}
		}
	}
	n := float64(len(m.cands))
	m.weight = make(map[string]float64, len(df))
	for w, k := range df {
		m.weight[w] = math.Log(1 + n/float64(k))
	}
	m.unknown = math.Log(1 + n)
}

func (m *Matcher) weightOf(w string) float64 {
	if x, ok := m.weight[w]; ok {
		return x
	}
	return m.unknown
}

// mass is the summed weight of a word set.
func (m *Matcher) mass(a map[string]bool) float64 {
	s := 0.0
	for w := range a {
		s += m.weightOf(w)
	}
	return s
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
	return m.rank(label, IsRate(label))
}

// rank is Rank; a rate is not ranked against NotRate candidates.
func (m *Matcher) rank(label string, rate bool) []Scored {
	best := make([]float64, len(m.cands))
	queries := forms(label)
	// fuzzy as the filter: targets whose key holds the query's key as a
	// subsequence.
	keep := map[int]bool{}
	for _, q := range queries {
		for _, f := range fuzzy.FindNoSort(Key(q), m.keys) {
			if c := m.targets[f.Index].cand; !rate || !m.cands[c].NotRate {
				keep[c] = true
			}
		}
	}
	score := func(filter bool) {
		for _, q := range queries {
			qw := set(tokens(q))
			for _, t := range m.targets {
				if filter && !keep[t.cand] || rate && m.cands[t.cand].NotRate {
					continue
				}
				if s := m.blend(qw, t.words); s > best[t.cand] {
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

// IsRate reports whether a label states a rate: it says "Tỷ lệ" or holds
// a percentage ("100% thủ tục hành chính …").
func IsRate(label string) bool {
	return strings.Contains(label, "%") || strings.Contains(" "+Key(label)+" ", " ty le ")
}

// Match matches a row's label; stt is the row's STT, or "" when the
// document's numbering is not the rubric's. ok is false when no candidate
// is close enough or two are too close to tell apart: exactly when the
// Confidence is below MinConfidence (see Match.Confidence).
func (m *Matcher) Match(label, stt string) (Match, bool) {
	return m.MatchRate(label, stt, false)
}

// MatchRate is Match for a row whose value the caller knows to be a rate
// (a percentage, a/b components) whatever its label says; when rate is
// false the label alone decides (IsRate).
func (m *Matcher) MatchRate(label, stt string, rate bool) (Match, bool) {
	rate = rate || IsRate(label)
	ranked := m.rank(label, rate)
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
	res.Confidence = confidence(res.Score, res.Score-res.RunnerUpScore)
	return res, res.Confidence >= MinConfidence
}

// confidence is a label's score lowered as its lead over the runner-up
// shrinks below FullMargin: at no lead it is half the score.
func confidence(score, margin float64) float64 {
	return round2(score * (0.5 + 0.5*min(1, margin/FullMargin)))
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

func round2(x float64) float64 { return float64(int(x*100+0.5)) / 100 }

// blend is the weighted Dice coefficient of two word sets, 2·w(A∩B) /
// (w(A)+w(B)) with each word weighted by weigh, raised towards the share
// of the candidate's weight the label holds when the label is the longer:
// a report often writes an indicator's short name inside a longer sentence
// ("Tỷ lệ hồ sơ … xử lý trực tuyến đạt 50% trên Hệ thống …"), where Dice
// alone favours a long candidate that shares more words. Halfway is far
// enough: the extra words stay in the Dice half, and the rare ones among
// them weigh most.
func (m *Matcher) blend(q, c map[string]bool) float64 {
	if len(q) == 0 || len(c) == 0 {
		return 0
	}
	both, n := 0.0, 0
	for w := range c {
		if q[w] {
			both += m.weightOf(w)
			n++
		}
	}
	if n < min(2, len(c)) {
		// One shared word, however rare, is a coincidence ("Họ tên" is
		// not "Tên Quận/Huyện/Thành phố").
		return 0
	}
	wq, wc := m.mass(q), m.mass(c)
	d := 2 * both / (wq + wc)
	if len(q) > len(c) {
		d = max(d, (d+both/wc)/2)
	}
	// Sums over maps run in no fixed order: keep the score's last bits
	// from telling ties apart, or from passing 1.
	return min(1, math.Round(d*1e9)/1e9)
}
