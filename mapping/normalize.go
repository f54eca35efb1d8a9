package mapping

import (
	"regexp"
	"strings"

	"chiso/vntext"

	"golang.org/x/text/unicode/norm"
)

// Key returns the matching key of a label: unit names replaced by a slot,
// diacritics, case and punctuation folded (vntext.Fold), abbreviations
// expanded and function words dropped. Two labels that say the same thing
// of different units, or with and without diacritics, have the same key.
func Key(label string) string {
	return strings.Join(tokens(label), " ")
}

// tokens is Key as a list of words.
func tokens(label string) []string {
	// The unit slots are matched on composed text; labels from chiso/parse
	// are NFC already, others may not be.
	s := norm.NFC.String(label)
	lower := strings.ToLower(s)
	for _, sl := range slots {
		if !sl.mayMatch(lower) {
			continue
		}
		if r := sl.re.ReplaceAllString(s, " "+sl.token+" "); r != s {
			s, lower = r, strings.ToLower(r)
		}
	}
	f := " " + vntext.Fold(s) + " "
	for _, ph := range phrases {
		f = strings.ReplaceAll(f, " "+ph[0]+" ", " "+ph[1]+" ")
	}
	var out []string
	for _, w := range strings.Fields(f) {
		if x, ok := abbreviations[w]; ok {
			out = append(out, strings.Fields(x)...)
			continue
		}
		if stopwords[w] {
			continue
		}
		out = append(out, w)
	}
	return out
}

// withoutAsides drops parenthesised asides ("(áp dụng đối với …)",
// "(Tần suất hàng tuần)") that make one wording of a label much longer than
// another.
func withoutAsides(label string) string {
	if !strings.Contains(label, "(") {
		return label
	}
	return asideRE.ReplaceAllString(label, " ")
}

var asideRE = regexp.MustCompile(`\([^()]*\)`)

// slot replaces the names of administrative units by one token, so that
// "Quận 1", "quận Tân Bình", "Quận/Huyện/Thành phố" and "Sở/Ban/Ngành" are
// the same slot, and "Xã/Phường/Thị trấn" and "phường" another.
//
// The regexps run on every label of every report for every rubric, and
// most labels name no unit: each slot lists the words (in lower case) one
// of which its regexp cannot match without, and the regexp runs only when
// the label holds one (mayMatch), which cuts the labels' normalisation to a
// quarter of its time.
type slot struct {
	re    *regexp.Regexp
	token string
	// needs are the lower-case words one of which a match holds; slash
	// says a match also holds a "/".
	needs []string
	slash bool
}

var (
	unitWords = []string{"quận", "huyện", "thành phố", "thị xã"}
	wardWords = []string{"xã", "phường", "thị trấn"}
)

var slots = []slot{
	{regexp.MustCompile(`(?i)(quận|huyện|thành phố|thị xã)(\s*/\s*(quận|huyện|thành phố|thị xã))+`), "donvi", unitWords, true},
	{regexp.MustCompile(`(?i)sở\s*/\s*ban\s*/\s*ngành`), "donvi", []string{"sở"}, true},
	{regexp.MustCompile(`thành phố Thủ Đức`), "donvi", []string{"thành phố"}, false},
	// A named district: "Quận 1", "quận Tân Bình", "huyện Củ Chi"; the name
	// is its capitalised words.
	{regexp.MustCompile(`(?i:quận|huyện)\s+(\d+|\p{Lu}\p{L}*(\s+\p{Lu}\p{L}*){0,2})`), "donvi", unitWords[:2], false},
	{regexp.MustCompile(`(?i)(xã|phường|thị trấn)(\s*/\s*(xã|phường|thị trấn))+`), "capxa", wardWords, true},
	// A bare "quận", "huyện" or "phường" is the unit or the ward. This is
	// done before folding: folded, "quận" is "quản" (quản lý) and "quán"
	// (quán triệt).
	{regexp.MustCompile(`(?i)(?:^|[^\p{L}])(?:quận|huyện)(?:[^\p{L}]|$)`), "donvi", unitWords[:2], false},
	{regexp.MustCompile(`(?i)(?:^|[^\p{L}])phường(?:[^\p{L}]|$)`), "capxa", wardWords[1:2], false},
}

// mayMatch reports whether lower, a label in lower case, holds what the
// slot's regexp needs. (?i) also folds "ſ" (long s) with "s", which
// strings.ToLower keeps apart: a label with one runs every regexp.
func (sl slot) mayMatch(lower string) bool {
	if sl.slash && !strings.Contains(lower, "/") {
		return false
	}
	if strings.ContainsRune(lower, 'ſ') {
		return true
	}
	for _, w := range sl.needs {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// phrases are replaced in folded text: a city's "khu phố" is the
// countryside's "thôn, xóm".
var phrases = [][2]string{
	{"khu pho", "thon xom"},
}

// abbreviations of the reports, expanded to the words the decision uses.
var abbreviations = map[string]string{
	"cds":    "chuyen doi so",
	"dvctt":  "dich vu cong truc tuyen",
	"dvc":    "dich vu cong",
	"cbcc":   "can bo cong chuc",
	"ccvc":   "cong chuc vien chuc",
	"httt":   "he thong thong tin",
	"cqnn":   "co quan nha nuoc",
	"attt":   "an toan thong tin",
	"lgsp":   "nen tang tich hop chia se du lieu cap thanh pho",
	"pakn":   "phan anh kien nghi",
	"tthc":   "thu tuc hanh chinh",
	"cntt":   "cong nghe thong tin",
	"ubnd":   "uy ban nhan dan",
	"dttm":   "do thi thong minh",
	"hsdxcd": "ho so de xuat cap do",
}

// stopwords carry no meaning for telling indicators apart.
var stopwords = map[string]bool{
	"cua": true, "va": true, "cac": true, "tai": true, "trong": true, "theo": true,
	"voi": true, "cho": true, "duoc": true, "ve": true, "nhung": true, "mot": true,
	"la": true, "cung": true, "hoac": true,
}
