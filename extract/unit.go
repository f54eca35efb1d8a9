package extract

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"chiso/doc"
	"chiso/vntext"
)

// unitStop are words that end a unit's name in an upper-case title ("QUẬN
// BÌNH TÂN NĂM 2023"); "THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG" is a class of
// units, not one.
var unitStop = map[string]bool{"nam": true, "quy": true, "thang": true, "tai": true, "ve": true, "va": true, "cua": true, "tren": true, "trong": true, "giai": true, "den": true, "bao": true, "ngay": true, "theo": true, "truc": true}

// city is the unit a report means by a bare "Thành phố".
const city = "Thành phố Hồ Chí Minh"

var foldedCity = vntext.Fold(city)

type unitHit struct {
	name       string
	city       bool
	department bool   // a Sở, named only where it is the subject
	after      string // folded word before the unit: tai, cua, ban (trên địa bàn)
}

// unitKinds are the kinds of unit looked for, as written.
var unitKinds = []string{"Quận", "quận", "QUẬN", "Huyện", "huyện", "HUYỆN", "Thành phố", "thành phố", "THÀNH PHỐ", "Thị xã", "thị xã", "THỊ XÃ", "Sở", "SỞ"}

// units returns the units named in s — a kind, then a number or
// capitalised name — outside quoted titles of programmes ("Chuyển đổi số
// của Thành phố Hồ Chí Minh"). With districts set it looks only for
// districts and towns, the units a document's count of names is about:
// no departments, and no word before each (unitHit.after).
func units(s string, districts bool) []unitHit {
	keys := len(unitKeys)
	if districts {
		keys = firstDepartmentKey
	}
	first := firstUnitKey(s, keys)
	if first < 0 {
		return nil
	}
	// Which keys s holds is learnt as the kinds need it: those before the
	// first are not in s, unless removing quotes brought them together.
	var known, present uint32
	if t := stripQuotes(s); t != s {
		s = t
	} else {
		known, present = 1<<(first+1)-1, 1<<first
	}
	holds := func(key int) bool {
		if known&(1<<key) == 0 {
			known |= 1 << key
			if containsAt(s, unitKeys[key], unitKeyRare[key]) {
				present |= 1 << key
			}
		}
		return present&(1<<key) != 0
	}
	type at struct{ i, j int } // kind at s[i:j]
	var found []at
	for ki, k := range unitKinds {
		if districts && unitKindKey[ki] >= firstDepartmentKey || !holds(unitKindKey[ki]) {
			continue // k holds that key, which s does not
		}
		for off := 0; ; {
			i := strings.Index(s[off:], k)
			if i < 0 {
				break
			}
			i += off
			off = i + len(k)
			if r, _ := utf8.DecodeLastRuneInString(s[:i]); i > 0 && (unicode.IsLetter(r) || unicode.IsMark(r)) {
				continue
			}
			found = append(found, at{i, i + len(k)})
		}
	}
	sort.Slice(found, func(a, b int) bool { return found[a].i < found[b].i })
	var out []unitHit
	for _, f := range found {
		kind := s[f.i:f.j]
		sở := kind == "Sở" || kind == "SỞ"
		var words []string
		if sở {
			words = departmentName(s[f.j:])
		} else {
			words = unitName(s[f.j:])
		}
		for i, w := range words {
			if unitStop[vntext.Fold(w)] && !sở {
				words = words[:i]
				break
			}
		}
		if len(words) == 0 {
			continue
		}
		k := strings.ToLower(s[f.i:f.j])
		r := []rune(k)
		r[0] = unicode.ToUpper(r[0])
		for i, w := range words {
			if isUpper(w) && utf8.RuneCountInString(w) > 1 {
				wr := []rune(strings.ToLower(w))
				wr[0] = unicode.ToUpper(wr[0])
				words[i] = string(wr)
			}
		}
		name := string(r) + " " + strings.Join(words, " ")
		if sở {
			// "SỞ Y TẾ" and "Sở Y tế" are one department.
			name = issuerUnit(strings.ToUpper(name))
		}
		h := unitHit{name: name, city: vntext.Fold(name) == foldedCity, department: sở}
		if !districts {
			// Folded text has single spaces between words.
			before := vntext.Fold(s[max(0, f.i-40):f.i])
			h.after = before[strings.LastIndexByte(before, ' ')+1:]
		}
		out = append(out, h)
	}
	return out
}

// unitName reads the name after a unit's kind: a one- or two-digit
// number, or up to four capitalised words.
func unitName(s string) []string {
	if s == "" || (s[0] != ' ' && s[0] != '\t') {
		return nil
	}
	s = s[:min(len(s), 80)]
	first, _ := nextField(s)
	if first == "" {
		return nil
	}
	if n := numeralEnd(first); n > 0 && n <= 2 {
		if rest := strings.TrimRight(first[n:], ".,;:)"); rest == "" {
			return []string{first[:n]}
		}
		return nil
	}
	var words []string
	// The words are read one by one: at most four are kept, of a text
	// that runs on to the end of the paragraph.
	for w, rest := nextField(s); w != ""; w, rest = nextField(rest) {
		w2 := strings.TrimRight(w, ".,;:)”\"")
		r, _ := utf8.DecodeRuneInString(w2)
		if !unicode.IsUpper(r) {
			break
		}
		words = append(words, w2)
		if len(words) == 4 || w2 != w {
			break
		}
	}
	return words
}

// departmentName reads the name after "Sở": words up to punctuation or
// a word that starts what the report says about it ("Sở Thông tin và
// Truyền thông báo cáo …", "SỞ Y TẾ NĂM 2024"), at most eight.
func departmentName(s string) []string {
	if s == "" || s[0] != ' ' {
		return nil
	}
	fields := strings.Fields(s[:min(len(s), 120)])
	var words []string
	for i, w := range fields {
		w2 := strings.TrimRight(w, ".,;:)”\"")
		f := vntext.Fold(w2)
		r, _ := utf8.DecodeRuneInString(w2)
		if i == 0 && !unicode.IsUpper(r) || unitStop[f] && f != "va" || f == "thanh" || f == "tp" || f == "" {
			break
		}
		words = append(words, w2)
		if len(words) == 8 || w2 != w {
			break
		}
	}
	return words
}

// unitKeys are parts of the kinds of unit, each held by one or more
// kinds: units looks for a kind only in text that holds its key, which
// rules out most paragraphs and cells.
var unitKeys = []string{"uận", "UẬN", "uyện", "UYỆN", "hành phố", "HÀNH PHỐ", "hị xã", "HỊ XÃ", "Sở", "SỞ"}

// firstDepartmentKey is the index in unitKeys of the first key of a
// department (Sở): those from it on name departments only.
var firstDepartmentKey = slices.Index(unitKeys, "Sở")

// unitKeyRare is, for each of unitKeys, the offset of its rarest byte in
// the five seed reports (under 1 % of their bytes): the search for the
// key skips to that byte, where a search for the first byte ("h" is 5 %
// of the bytes, the lead byte of most Vietnamese letters 8 %) would stop
// every few bytes.
var unitKeyRare = []int{3, 0, 4, 4, 6, 2, 5, 3, 3, 3}

// unitKindKey is the index in unitKeys of the key of each of unitKinds.
var unitKindKey = func() []int {
	idx := make([]int, len(unitKinds))
	for i, k := range unitKinds {
		idx[i] = slices.IndexFunc(unitKeys, func(key string) bool { return strings.Contains(k, key) })
		if idx[i] < 0 {
			panic("extract: no unit key for " + k)
		}
	}
	return idx
}()

// containsAt reports whether s contains key, looking for key[at] first.
func containsAt(s, key string, at int) bool { return indexAt(s, key, at) >= 0 }

// indexAt is strings.Index(s, key), skipping from one key[at] byte to the
// next: where key[at] is rarer in s than key[0], that is faster.
func indexAt(s, key string, at int) int {
	c := key[at]
	for off := at; off < len(s); {
		i := strings.IndexByte(s[off:], c)
		if i < 0 {
			return -1
		}
		i += off
		if strings.HasPrefix(s[i-at:], key) {
			return i - at
		}
		off = i + 1
	}
	return -1
}

// firstUnitKey returns the index of the first of unitKeys[:n] that s
// holds, or -1.
func firstUnitKey(s string, n int) int {
	for i, k := range unitKeys[:n] {
		// Most cells are short numbers: the length test spares them the
		// search.
		if len(k) <= len(s) && containsAt(s, k, unitKeyRare[i]) {
			return i
		}
	}
	return -1
}

// nextField returns the first word of s, as strings.Fields splits, and
// the text after it; "" when s has no word.
func nextField(s string) (word, rest string) {
	start := -1
	for i, r := range s {
		space := r < utf8.RuneSelf && asciiSpace[r] || r >= utf8.RuneSelf && unicode.IsSpace(r)
		switch {
		case !space && start < 0:
			start = i
		case space && start >= 0:
			return s[start:i], s[i:]
		}
	}
	if start < 0 {
		return "", ""
	}
	return s[start:], ""
}

// stripQuotes removes text in “…” and "…" quotes.
func stripQuotes(s string) string {
	if !strings.ContainsRune(s, '“') {
		return s
	}
	var b strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '“':
			in = true
		case r == '”':
			in = false
		case !in:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// findUnit says which unit a report without a letterhead is about: the
// one its title names ("ĐIỂM TỔNG HỢP – SỞ Y TẾ") or the title and
// preamble report on (tại / của / trên địa bàn …), a district before the
// city; otherwise the district the whole document names most. The city is
// the unit only when it is the subject (a city-level report) or nothing
// else is named. A name is given with its kind capitalised: "Quận Bình Tân".
func findUnit(title string, region []string, d *doc.Document) string {
	var cityHit bool
	for i, p := range append([]string{title}, region...) {
		for _, h := range units(p, false) {
			subject := i == 0 || h.after == "tai" || h.after == "cua" || h.after == "ban" || h.after == "dan" || h.after == "ubnd"
			switch {
			case h.city && subject:
				cityHit = true
			case !h.city && subject:
				return h.name
			}
		}
	}
	if cityHit {
		return city
	}
	counts := map[string]int{}
	var order []string
	add := func(s string) {
		for _, h := range units(s, true) {
			if h.city || h.department {
				continue
			}
			if counts[h.name] == 0 {
				order = append(order, h.name)
			}
			counts[h.name]++
		}
	}
	for _, b := range d.Blocks {
		if b.Kind == doc.TableKind && b.Table != nil {
			for _, r := range b.Table.Rows {
				for _, c := range r {
					add(c.Text)
				}
			}
			continue
		}
		add(b.Text)
	}
	best := ""
	for _, n := range order {
		if counts[n] > counts[best] {
			best = n
		}
	}
	if best == "" {
		for _, p := range region {
			if strings.Contains(vntext.Fold(p), vntext.Fold(city)) {
				return city
			}
		}
	}
	return best
}
