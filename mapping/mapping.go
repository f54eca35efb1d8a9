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
// abbreviations expanded), once per label however many candidates it is
// ranked against; fuzzy then serves as a filter over the keys (skipping
// first, by counting letters, the keys it cannot match), and
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
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

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
	hists   []hist   // their letters, to skip the keys fuzzy cannot match
	byID    map[string]int
	// word numbers every word of the candidates; weight is each word's
	// inverse candidate frequency, by number, and unknown the weight of a
	// word no candidate has (see weigh).
	word    map[string]int32
	weight  []float64
	unknown float64
}

// target is one wording of one candidate: its distinct words as sorted
// word numbers, and their summed weight.
type target struct {
	cand  int
	words []int32
	mass  float64
}

// query is a label made ready for ranking: each of its forms reduced to
// its key and its words once, however many candidates, rubrics and
// fallbacks it is ranked against.
type query struct {
	forms []qform
	rate  bool // the label says it is a rate (IsRate)
}

// qform is one form of a query: its key for fuzzy, the numbers of its
// words that some candidate has (sorted), and how many of its distinct
// words no candidate has.
type qform struct {
	key     string
	words   []int32
	unknown int
	mass    float64
}

// New prepares a matcher for cands.
func New(cands []Candidate) *Matcher {
	m := &Matcher{cands: cands, byID: map[string]int{}, word: map[string]int32{}}
	var sets [][]string // each target's distinct words
	for i, c := range cands {
		m.byID[normalSTT(c.ID)] = i
		for _, label := range append([]string{c.Label}, c.Aliases...) {
			for _, f := range formsOf(label) {
				m.targets = append(m.targets, target{cand: i})
				m.keys = append(m.keys, f.key)
				m.hists = append(m.hists, histOf(f.key))
				sets = append(sets, f.words)
			}
		}
	}
	for i, ws := range sets {
		t := &m.targets[i]
		for _, w := range ws {
			n, ok := m.word[w]
			if !ok {
				n = int32(len(m.word))
				m.word[w] = n
			}
			t.words = append(t.words, n)
		}
		slices.Sort(t.words)
	}
	m.weigh()
	for i := range m.targets {
		t := &m.targets[i]
		for _, w := range t.words {
			t.mass += m.weight[w]
		}
	}
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
	df := make([]int, len(m.word))
	for i := range m.cands {
		seen := map[int32]bool{}
		for _, t := range m.targets {
			if t.cand != i {
				continue
			}
			for _, w := range t.words {
				if !seen[w] {
					seen[w] = true
					df[w]++
				}
			}
		}
	}
	n := float64(len(m.cands))
	m.weight = make([]float64, len(df))
	for w, k := range df {
		m.weight[w] = math.Log(1 + n/float64(k))
	}
	m.unknown = math.Log(1 + n)
}

// form is a wording reduced once: its key and its distinct words.
type form struct {
	key   string
	words []string
}

// formsOf are the wordings a label is compared in: as written and without
// its parenthesised asides.
func formsOf(label string) []form {
	full := reduce(label)
	short := withoutAsides(label)
	if short == label || strings.TrimSpace(short) == "" {
		return []form{full}
	}
	if s := reduce(short); s.key != full.key {
		return []form{full, s}
	}
	return []form{full}
}

func reduce(label string) form {
	toks := tokens(label)
	words := slices.Clone(toks)
	slices.Sort(words)
	return form{key: strings.Join(toks, " "), words: slices.Compact(words)}
}

// prepare reduces label to a query against m's words.
func (m *Matcher) prepare(label string) query {
	fs := formsOf(label)
	q := query{forms: make([]qform, len(fs))}
	q.rate = strings.Contains(label, "%") || strings.Contains(" "+fs[0].key+" ", " ty le ")
	for i, f := range fs {
		qf := qform{key: f.key}
		for _, w := range f.words {
			if n, ok := m.word[w]; ok {
				qf.words = append(qf.words, n)
				qf.mass += m.weight[n]
			} else {
				qf.unknown++
				qf.mass += m.unknown
			}
		}
		slices.Sort(qf.words)
		q.forms[i] = qf
	}
	return q
}

// Scored is a candidate and its score.
type Scored struct {
	ID    string
	Score float64
}

// Rank returns every candidate the label may be, best first.
func (m *Matcher) Rank(label string) []Scored {
	q := m.prepare(label)
	return m.rank(q, q.rate)
}

// rank is Rank; a rate is not ranked against NotRate candidates.
func (m *Matcher) rank(q query, rate bool) []Scored {
	best := make([]float64, len(m.cands))
	// fuzzy as the filter: targets whose key holds the query's key as a
	// subsequence.
	keep := make([]bool, len(m.cands))
	kept := false
	var src subset
	for _, f := range q.forms {
		src = m.fuzzable(f.key, src[:0])
		for _, r := range fuzzy.FindFromNoSort(f.key, src) {
			if c := m.targets[src[r.Index].i].cand; !rate || !m.cands[c].NotRate {
				keep[c], kept = true, true
			}
		}
	}
	score := func(filter bool) {
		for _, f := range q.forms {
			for _, t := range m.targets {
				if filter && !keep[t.cand] || rate && m.cands[t.cand].NotRate {
					continue
				}
				if s := m.blend(f, t); s > best[t.cand] {
					best[t.cand] = s
				}
			}
		}
	}
	score(kept)
	top := 0.0
	for _, s := range best {
		top = max(top, s)
	}
	if top < MinScore && kept {
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

// hist counts the ASCII letters of a key, upper and lower case together
// (fuzzy folds case); ascii is false when the key holds another rune.
type hist struct {
	n     [128]uint8 // saturating at 255
	runes int
	ascii bool
}

func histOf(key string) hist {
	h := hist{ascii: true}
	for _, r := range key {
		h.runes++
		if r >= utf8.RuneSelf {
			h.ascii = false
			continue
		}
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		if h.n[r] < 255 {
			h.n[r]++
		}
	}
	return h
}

// covers reports whether a key of histogram t may hold one of histogram p
// as a fuzzy match: fuzzy matches each of the pattern's runes to a
// rune of the key, in order, so the key has at least as many runes and, when
// both are ASCII, at least as many of each letter.
func (t *hist) covers(p *hist) bool {
	if t.runes < p.runes {
		return false
	}
	if !t.ascii || !p.ascii {
		return true
	}
	for c, k := range p.n {
		if k > t.n[c] {
			return false
		}
	}
	return true
}

// fuzzable appends to src the targets whose key may hold key (covers):
// fuzzy costs a walk of every key per query, and most keys lack one of a
// long label's letters.
func (m *Matcher) fuzzable(key string, src subset) subset {
	p := histOf(key)
	for i := range m.hists {
		if m.hists[i].covers(&p) {
			src = append(src, subsetKey{i, m.keys[i]})
		}
	}
	return src
}

// subset is some of the targets' keys, as a fuzzy.Source.
type subset []subsetKey

type subsetKey struct {
	i   int // the target
	key string
}

func (s subset) String(i int) string { return s[i].key }
func (s subset) Len() int            { return len(s) }

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
	q := m.prepare(label)
	ranked := m.rank(q, rate || q.rate)
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

func round2(x float64) float64 { return float64(int(x*100+0.5)) / 100 }

// blend is the weighted Dice coefficient of two word sets, 2·w(A∩B) /
// (w(A)+w(B)) with each word weighted by weigh, raised towards the share
// of the candidate's weight the label holds when the label is the longer:
// a report often writes an indicator's short name inside a longer sentence
// ("Tỷ lệ hồ sơ … xử lý trực tuyến đạt 50% trên Hệ thống …"), where Dice
// alone favours a long candidate that shares more words. Halfway is far
// enough: the extra words stay in the Dice half, and the rare ones among
// them weigh most.
func (m *Matcher) blend(q qform, c target) float64 {
	nq := len(q.words) + q.unknown
	if nq == 0 || len(c.words) == 0 {
		return 0
	}
	// Both word lists are sorted: walk them together.
	both, n := 0.0, 0
	for i, j := 0, 0; i < len(q.words) && j < len(c.words); {
		switch a, b := q.words[i], c.words[j]; {
		case a < b:
			i++
		case a > b:
			j++
		default:
			both += m.weight[a]
			n++
			i++
			j++
		}
	}
	if n < min(2, len(c.words)) {
		// One shared word, however rare, is a coincidence ("Họ tên" is
		// not "Tên Quận/Huyện/Thành phố").
		return 0
	}
	d := 2 * both / (q.mass + c.mass)
	if nq > len(c.words) {
		d = max(d, (d+both/c.mass)/2)
	}
	// Keep the score's last bits (which depend on the order of the sums)
	// from telling ties apart, or from passing 1.
	return min(1, math.Round(d*1e9)/1e9)
}
