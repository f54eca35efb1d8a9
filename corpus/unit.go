package corpus

import (
	"strings"
	"unicode"

	"chiso/vntext"
)

// unitKinds maps the ways people write the kind of an administrative unit
// (folded by vntext.Fold) to one word, so that "Q.5", "q5", "Quận 5" and
// "quan 5" are one key.
var unitKinds = map[string]string{
	"q": "quan", "quan": "quan",
	"h": "huyen", "huyen": "huyen",
	"tp": "thanh pho", "thanh pho": "thanh pho",
	"tx": "thi xa", "thi xa": "thi xa",
	"p": "phuong", "phuong": "phuong",
	"x": "xa", "xa": "xa",
	"tt": "thi tran", "thi tran": "thi tran",
}

// unitPrefixes are the words before a unit's name that do not name it:
// "Ủy ban nhân dân Quận 5" is Quận 5.
var unitPrefixes = []string{"uy ban nhan dan ", "ubnd "}

// UnitKey is the search key of a unit name: folded (no marks, lower case,
// punctuation as space), digits split from letters ("q5" → "q 5"), the
// kind word spelt out ("q" → "quan") and "Ủy ban nhân dân" dropped.
func UnitKey(name string) string {
	kind, rest := splitUnit(name)
	if kind == "" {
		return rest
	}
	if rest == "" {
		return kind
	}
	return kind + " " + rest
}

// splitUnit returns the kind word and the name proper of a unit name,
// both as keys.
func splitUnit(name string) (kind, rest string) {
	f := vntext.Fold(name)
	var b strings.Builder
	var prev rune
	for i, r := range f {
		if i > 0 && (unicode.IsDigit(r) != unicode.IsDigit(prev)) && prev != ' ' && r != ' ' {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
		prev = r
	}
	f = strings.Join(strings.Fields(b.String()), " ")
	// Every prefix, however often written ("UBND Ủy ban nhân dân Quận
	// 5"), so that a key is its own key.
	for trimmed := true; trimmed; {
		trimmed = false
		for _, p := range unitPrefixes {
			if g, ok := strings.CutPrefix(f, p); ok {
				f, trimmed = g, true
			}
		}
	}
	words := strings.Fields(f)
	// Two-word kinds first, so that "thanh pho" is not read as "thanh".
	if len(words) >= 2 {
		if k, ok := unitKinds[words[0]+" "+words[1]]; ok {
			return k, strings.Join(words[2:], " ")
		}
	}
	if len(words) >= 1 {
		if k, ok := unitKinds[words[0]]; ok && len(words) > 1 {
			return k, strings.Join(words[1:], " ")
		}
	}
	return "", f
}

// MatchUnit reports whether query names the unit the way people type it:
// "q5", "Q.5", "quan 5" and "Quận 5" all match Quận 5; "binh tan" matches
// Quận Bình Tân. A kind given in the query must agree ("huyen 5" is not
// Quận 5); a query without one matches on the name alone.
func MatchUnit(query, unit string) bool {
	qk, qn := splitUnit(query)
	uk, un := splitUnit(unit)
	if qn == "" {
		return qk != "" && qk == uk && un == ""
	}
	if qn != un {
		return false
	}
	return qk == "" || qk == uk
}
