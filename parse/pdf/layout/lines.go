package layout

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// line is texts set on one baseline, left to right.
type line struct {
	texts  []Text
	y      float64 // baseline of the first text
	x0, x1 float64
	size   float64 // largest font size on the line
}

// Thresholds in ems of the font size.
const (
	// baselineTol is how far two baselines may differ and still be one line:
	// vertically centred cells and superscripts shift a little.
	baselineTol = 0.3
	// wordGap caps the gap that separates two words: a gap wider than half
	// a space or than wordGap, whichever is less. The walker splits runs
	// only at gaps over 0.15 em, so two texts closer than that are one word
	// cut by a font change (pango sets a Vietnamese letter from another font).
	wordGap = 0.2
	// paraGap is the baseline distance beyond which the next line starts a
	// new paragraph when there are too few lines to measure the document's
	// own line pitch: single-spaced text sets lines about 1.15 em apart,
	// and paragraphs in these reports add spacing after.
	paraGap = 1.45
	// extraGap is how much wider than the usual line pitch the distance to
	// a line must be to start a paragraph: paragraph spacing is rarely
	// under 6 pt (0.5 em), and reports set at 1.5 line spacing have a
	// pitch of about 1.7 em, which a fixed threshold would split.
	extraGap = 0.3
	// minPitches is how many line distances it takes to trust their median.
	minPitches = 5
	// paraSlack is the room, in ems, left at the end of a line before a
	// line that would have fitted there: the line ended a paragraph.
	paraSlack = 1.0
	// scriptSize and scriptRise describe a superscript or subscript: at
	// most 80 % of the line's size, its baseline within half an em of it.
	scriptSize = 0.8
	scriptRise = 0.5
)

// groupLines sorts texts into lines, top to bottom, each left to right.
// A line's texts are a run of the sorted copy, capped so that attaching a
// script to one line cannot write over the next: one allocation for all
// the lines' texts instead of one or more a line.
func groupLines(ts []Text) []line {
	ts = slices.Clone(ts)
	slices.SortStableFunc(ts, func(a, b Text) int {
		if c := cmp.Compare(a.Y, b.Y); c != 0 {
			return c
		}
		return cmp.Compare(a.X, b.X)
	})
	var out []line
	start := 0
	for i, t := range ts {
		if n := len(out); n > 0 && t.Y-out[n-1].y <= baselineTol*max(t.Size, out[n-1].size) {
			l := &out[n-1]
			l.texts = ts[start : i+1 : i+1]
			l.x0, l.x1 = min(l.x0, t.X), max(l.x1, t.X+t.W)
			l.size = max(l.size, t.Size)
			continue
		}
		start = i
		out = append(out, line{texts: ts[i : i+1 : i+1], y: t.Y, x0: t.X, x1: t.X + t.W, size: t.Size})
	}
	out = attachScripts(out)
	for i := range out {
		slices.SortStableFunc(out[i].texts, func(a, b Text) int { return cmp.Compare(a.X, b.X) })
	}
	return out
}

// attachScripts moves a line of small text set just above or below a
// line of larger text into it: a footnote mark ("điều hành¹") or an
// exponent ("m²") is part of the line it is raised from, not a line or a
// paragraph of its own.
func attachScripts(ls []line) []line {
	near := func(s, l line) bool {
		return s.size <= scriptSize*l.size && math.Abs(s.y-l.y) <= scriptRise*l.size
	}
	out := ls[:0] // filtered in place: out never passes i
	for i := 0; i < len(ls); i++ {
		s := ls[i]
		switch {
		case i+1 < len(ls) && near(s, ls[i+1]):
			ls[i+1] = merge(ls[i+1], s)
		case len(out) > 0 && near(s, out[len(out)-1]):
			out[len(out)-1] = merge(out[len(out)-1], s)
		default:
			out = append(out, s)
		}
	}
	return out
}

// merge adds the texts of s to l, which keeps its baseline and size.
func merge(l, s line) line {
	l.texts = append(l.texts, s.texts...)
	l.x0, l.x1 = min(l.x0, s.x0), max(l.x1, s.x1)
	return l
}

// text joins the line's texts, with a space where the gap between two is
// a word space. Glyph runs of one word split by kerning are joined without.
func (l line) text() string { return l.textFrom(0) }

// textFrom is the text of the line from its j-th text on.
func (l line) textFrom(j int) string {
	if j == len(l.texts)-1 {
		return l.texts[j].S
	}
	var b strings.Builder
	for i := j; i < len(l.texts); i++ {
		t := l.texts[i]
		if i > j && isGap(l.texts[i-1], t) {
			b.WriteByte(' ')
		}
		b.WriteString(t.S)
	}
	return b.String()
}

// tail is the end of the line's text, at least its last two runes that
// are not spaces when it has them: what inWord looks at, without building
// the whole line for each pair of lines a block joins.
func (l line) tail() string {
	for j := len(l.texts) - 1; j > 0; j-- {
		if s := l.textFrom(j); utf8.RuneCountInString(strings.TrimSpace(s)) >= 2 {
			return s
		}
	}
	return l.text()
}

// head is the line's first text that is not all spaces: it holds the
// line's first rune.
func (l line) head() string {
	for _, t := range l.texts {
		if strings.TrimSpace(t.S) != "" {
			return t.S
		}
	}
	return ""
}

// isGap reports whether the space between a and b (b to the right) is a
// word space.
func isGap(a, b Text) bool {
	sw := a.SpaceW
	if sw <= 0 {
		sw = 0.25 * a.Size
	}
	return b.X-(a.X+a.W) > min(0.5*sw, wordGap*a.Size)
}

// oneWord reports whether the line holds a single word.
func (l line) oneWord() bool {
	return !strings.Contains(strings.TrimSpace(l.text()), " ")
}

// spacing is how a document sets the lines of its text blocks.
type spacing struct {
	// gap is the baseline distance, in ems, beyond which a line starts a
	// new paragraph.
	gap float64
	// spaced says the document sets paragraphs apart with extra spacing,
	// so a short line without it is a manual line break.
	spaced bool
}

// pitchGap measures the usual line pitch of text blocks, in ems, as the
// median distance between consecutive baselines, and returns the gap that
// marks a new paragraph.
func pitchGap(blocks [][]line) float64 {
	var d []float64
	for _, ls := range blocks {
		for i := 1; i < len(ls); i++ {
			// Beyond 3 em it is a blank line or a gap between blocks,
			// not a line pitch.
			if r := (ls[i].y - ls[i-1].y) / max(ls[i].size, ls[i-1].size); r > 0.9 && r < 3 {
				d = append(d, r)
			}
		}
	}
	if len(d) < minPitches {
		return paraGap
	}
	sort.Float64s(d)
	return d[len(d)/2] + extraGap
}

// joinLines joins the lines of one cell or paragraph, whose usable width
// is width (0 when unknown): lines of a wrapped paragraph with a space, a
// new paragraph with "\n", and a word broken at the line end with nothing.
func joinLines(ls []line, width float64, sp spacing) string {
	var b strings.Builder
	for i, l := range ls {
		if i > 0 {
			b.WriteString(lineSep(ls[i-1], l, width, sp))
		}
		b.WriteString(l.text())
	}
	return b.String()
}

// spacedApart reports whether the distance between two lines is wider
// than gap ems.
func spacedApart(prev, next line, gap float64) bool {
	return next.y-prev.y > gap*max(prev.size, next.size)
}

// lineSep is what goes between two consecutive lines of a text block.
//
// A new paragraph shows as extra spacing before it (LibreOffice), or, when
// the producer adds none (fpdf, many Word files), as a line that ended
// although the next line's first word would have fitted on it: a wrap
// happens only when the next word does not fit. In a document that does
// space its paragraphs, such a short line is a manual line break, which
// the reports' source (HTML) writes as a space. A line starting with a
// list marker is not enough alone: cells made of one paragraph wrap lines
// that start with "- b=".
//
// A line is broken inside a word only when the word is wider than the
// line. A single word filling the line is then ambiguous (a long number in
// a narrow centred cell fills it too), so only the words seen to overflow
// in these reports are glued: URLs, e-mail addresses, and numbers cut
// after a separator ("761." + "174").
func lineSep(prev, next line, width float64, sp spacing) string {
	if spacedApart(prev, next, sp.gap) {
		return "\n"
	}
	if inWord(prev.tail(), next.head()) {
		return ""
	}
	if width <= 0 {
		return " "
	}
	pw := prev.x1 - prev.x0
	// The first word's width is estimated, to within about 0.4 em on
	// these documents; real paragraph ends leave 1.8 em or more. A list
	// marker ("- ", "+ ", "* ") is short enough to measure closely, and
	// after a line overfilled by one long word it starts a paragraph.
	slack := width - (pw + spaceWidth(prev) + firstWord(next))
	if !sp.spaced && (slack > paraSlack*prev.size || (startsItem(next.text()) && (slack > 0.5 || pw > width))) {
		return "\n"
	}
	if p, n := prev.text(), next.text(); pw >= 0.9*width && prev.oneWord() && (urlLike(p) || cutNumber(p, n)) {
		return ""
	}
	return " "
}

// inWord reports whether the break between two lines falls inside a word,
// by the line breaking rules of Unicode (UAX #14) that producers follow:
//   - after a hyphen attached to the letter or digit before it, when a
//     letter follows ("240/KH-" + "UBND", "Min-" + "Max"); a break
//     between a hyphen and a digit is not allowed, so "2021-" + "2025"
//     was "2021- 2025", and a hyphen after a space ("2021 -") stands
//     between two words;
//   - before closing punctuation, which never starts a line after a
//     space: the word was cut because it was wider than the line
//     ("(15" + ")").
func inWord(prev, next string) bool {
	prev, next = strings.TrimSpace(prev), strings.TrimSpace(next)
	if prev == "" || next == "" {
		return false
	}
	first, _ := utf8.DecodeRuneInString(next)
	if strings.ContainsRune(")]},.;:!?", first) {
		return true
	}
	last, k := utf8.DecodeLastRuneInString(prev)
	if last != '-' || k == len(prev) {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(prev[:len(prev)-k])
	return (unicode.IsLetter(before) || unicode.IsDigit(before)) && unicode.IsLetter(first)
}

// cutNumber reports whether a number was cut after a separator: prev ends
// with a digit and one of ".,/", next starts with a digit.
func cutNumber(prev, next string) bool {
	p := []rune(strings.TrimSpace(prev))
	n := []rune(strings.TrimSpace(next))
	return len(p) >= 2 && len(n) >= 1 && strings.ContainsRune(".,/", p[len(p)-1]) &&
		unicode.IsDigit(p[len(p)-2]) && unicode.IsDigit(n[0])
}

// spaceWidth is the width of a space at the end of the line.
func spaceWidth(l line) float64 {
	t := l.texts[len(l.texts)-1]
	if t.SpaceW > 0 {
		return t.SpaceW
	}
	return 0.25 * t.Size
}

// firstWord estimates the width of the line's first word from its share
// of the runes of the first text (the walker gives no glyph widths).
func firstWord(l line) float64 {
	t := l.texts[0]
	s := strings.TrimLeft(t.S, " ")
	word := s
	if i := strings.IndexByte(s, ' '); i >= 0 {
		word = s[:i]
	}
	n := utf8.RuneCountInString(t.S)
	if n == 0 {
		return 0
	}
	return t.W * float64(utf8.RuneCountInString(word)) / float64(n)
}

// urlLike reports whether a word looks like a URL or an e-mail address.
func urlLike(s string) bool {
	s = strings.ToLower(s)
	return strings.Contains(s, "://") || strings.HasPrefix(s, "www.") || strings.Contains(s, "@")
}
