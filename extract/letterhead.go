package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"chiso/doc"
	"chiso/vntext"
)

// An administrative document opens with the letterhead of Nghị định
// 30/2020 (Phụ lục I): on the left the issuing body, under the body it
// belongs to when it has one ("UBND TỈNH LÂM ĐỒNG / SỞ NỘI VỤ"), then the
// document's number ("Số: 45/TTr-SNV"); on the right the national motto
// ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc") and
// the place and date of signing. Word lays it out as a table without
// borders; a PDF's text runs the two columns together line by line
// ("SỞ NỘI VỤ Độc lập - Tự do - Hạnh phúc"); plain text has it as lines.

// heading is what the letterhead says.
type heading struct {
	// issuer is the issuing body as written, its lines joined: "ỦY BAN
	// NHÂN DÂN TỈNH LÂM ĐỒNG", "SỞ NỘI VỤ"; empty when the letterhead names
	// none the reader recognises.
	issuer string
	// start and end are the indexes of the letterhead's first and last
	// blocks; -1 when the document has no letterhead.
	start, end int
}

// topBlocks and topLines are how far into a document its letterhead is
// looked for. The letterhead is at most a dozen lines; the line bound
// keeps one huge first block (a <pre> of millions of lines) from being
// split and kept whole.
const (
	topBlocks = 12
	topLines  = 40
)

// readHeading finds the letterhead among the first blocks of d.
func readHeading(d *doc.Document) heading {
	var lines []string
	var blockOf []int
	for i, b := range d.Blocks {
		if i >= topBlocks {
			break
		}
		if b.Kind == doc.TableKind {
			if b.Table == nil {
				continue
			}
			if left, ok := headingTable(b.Table); ok {
				return heading{issuer: issuerOf(left), start: i, end: i}
			}
			if len(lines) > 0 {
				break
			}
			continue
		}
		for rest, more := b.Text, true; more && len(lines) < topLines; {
			var l string
			l, rest, more = strings.Cut(rest, "\n")
			lines = append(lines, l)
			blockOf = append(blockOf, i)
		}
	}
	// In text the letterhead is the motto's lines and the upper-case
	// lines around them, up to the number line.
	var left []string
	found, start, end := false, -1, -1
	for i, l := range lines {
		rest, motto := cutMotto(l)
		number := numberLine(rest)
		if !motto && !number && !found {
			if !isUpper(rest) || strings.TrimSpace(rest) == "" {
				left, start = left[:0], -1
				continue
			}
			if start < 0 {
				start = blockOf[i]
			}
			left = append(left, rest)
			continue
		}
		if start < 0 {
			start = blockOf[i]
		}
		found, end = true, blockOf[i]
		if number {
			break
		}
		if motto && rest == "" && len(left) > 0 && vntext.Fold(left[len(left)-1]) == "cong" {
			left = left[:len(left)-1] // the motto's first word, wrapped: "CỘNG / HÒA XÃ HỘI …"
		}
		if motto && rest != "" {
			left = append(left, rest)
		}
	}
	if !found {
		return heading{start: -1, end: -1}
	}
	return heading{issuer: issuerOf(left), start: start, end: end}
}

// headingTable reports whether t is a letterhead laid out as a table, and
// returns the lines of its left column: a table of at most three rows
// whose other column holds the motto or whose left column the number.
func headingTable(t *doc.Table) (left []string, ok bool) {
	if len(t.Rows) == 0 || len(t.Rows) > 3 {
		return nil, false
	}
	for _, r := range t.Rows {
		for ci, c := range r {
			for _, l := range strings.Split(c.Text, "\n") {
				if ci == 0 {
					if numberLine(l) {
						ok = true
						break
					}
					left = append(left, l)
				}
				if _, m := cutMotto(l); m {
					ok = true
				}
			}
		}
	}
	return left, ok
}

// cutMotto removes the national motto, and what follows it on the line,
// from a line of the letterhead; motto reports whether there was one.
// Either half of the motto counts, since a PDF line holds one of them.
//
// When the letterhead's two lines were read as one (a scan recognised
// line by line across both columns: "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ
// NGHĨA VIỆT NAM TỈNH LÂM ĐỒNG Độc lập - Tự do - Hạnh phúc"), the words
// between the motto's two halves are the issuer's second line, and are
// kept with its first.
func cutMotto(l string) (rest string, motto bool) {
	words := strings.Fields(strings.TrimSpace(strings.TrimRight(strings.TrimSpace(l), "|")))
	for i := range words {
		f := vntext.Fold(strings.Join(words[i:min(len(words), i+7)], " "))
		for _, m := range []string{"cong hoa xa hoi chu nghia", "hoa xa hoi chu nghia viet nam", "doc lap tu do"} {
			if !strings.HasPrefix(f, m) {
				continue
			}
			rest := words[:i:i]
			// The motto's first half is eight words.
			if m == "cong hoa xa hoi chu nghia" && vntext.Fold(strings.Join(words[i:min(len(words), i+8)], " ")) == m+" viet nam" {
				for j := i + 8; j < len(words); j++ {
					if strings.HasPrefix(vntext.Fold(strings.Join(words[j:min(len(words), j+6)], " ")), "doc lap tu do") {
						rest = append(rest, words[i+8:j]...)
						break
					}
				}
			}
			return strings.Join(rest, " "), true
		}
	}
	return strings.Join(words, " "), false
}

// numberLine reports the "Số: 233/BC-UBND" line that ends the issuer's
// block.
//
// The word is compared folded, so that a scan's recognition of it with
// another tone ("Só:", "Sô:") still ends the block; "Sở Nội vụ", followed
// by letters, does not.
func numberLine(l string) bool {
	r := []rune(strings.TrimSpace(l))
	if len(r) < 3 || vntext.Fold(string(r[:2])) != "so" {
		return false
	}
	rest := strings.TrimSpace(string(r[2:]))
	return strings.HasPrefix(rest, ":") || rest != "" && (rest[0] >= '0' && rest[0] <= '9' || rest[0] == '/')
}

// bodyWords are the first words of the name of a state body, folded.
var bodyWords = []string{"uy ban", "ubnd", "hoi dong", "hdnd", "so ", "bo ", "ban ", "cuc ", "chi cuc", "tong cuc", "vu ",
	"phong ", "van phong", "thanh tra", "trung tam", "cong an", "vien ", "kho bac", "bao hiem", "toa an", "tinh uy",
	"thanh uy", "huyen uy", "quan uy", "dang uy", "benh vien", "truong ", "dai hoc", "chi nhanh", "doan ", "mat tran",
	"lien doan", "hoi "}

// placeWords are the kinds of administrative unit, folded.
var placeWords = []string{"tinh ", "thanh pho ", "tp ", "quan ", "huyen ", "thi xa ", "thi tran ", "xa ", "phuong ", "dac khu "}

func startsWithAny(f string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(f+" ", p) {
			return true
		}
	}
	return false
}

// bareBody reports a body named without its place ("ỦY BAN NHÂN DÂN"), whose
// next line completes it ("TỈNH LÂM ĐỒNG").
func bareBody(f string) bool {
	switch f {
	case "uy ban nhan dan", "ubnd", "hoi dong nhan dan", "hdnd":
		return true
	}
	return false
}

// issuerOf reads the issuing body from the left lines of a letterhead: the
// last body named there, since the body a unit belongs to is written above
// it. A line that starts no body's name continues the line above it
// ("BAN CHỈ ĐẠO PHÁT TRIỂN KHOA HỌC, …, / CHUYỂN ĐỔI SỐ VÀ ĐỀ ÁN 06"), and
// "ỦY BAN NHÂN DÂN" takes the place under it.
func issuerOf(left []string) string {
	var names []string
	bare := false
	pending := "" // a word wrapped off the start of a name: "ỦY / BAN NHÂN DÂN"
	for _, l := range left {
		l = strings.TrimSpace(strings.Trim(strings.TrimSpace(l), "|"))
		if pending != "" {
			l, pending = pending+" "+l, ""
		}
		f := vntext.Fold(l)
		if f == "" || !isUpper(l) {
			continue // a rule under the name, or not the letterhead
		}
		switch {
		case bare && isPlace(f):
			names[len(names)-1] += " " + l
		case startsWithAny(f, bodyWords) || isPlace(f):
			names = append(names, l)
		case bare:
			continue // not the place of "ỦY BAN NHÂN DÂN"
		case len(names) > 0:
			names[len(names)-1] += " " + l
		default:
			pending = l
			continue
		}
		bare = bareBody(vntext.Fold(names[len(names)-1]))
	}
	for i := len(names) - 1; i >= 0; i-- {
		if !bareBody(vntext.Fold(names[i])) {
			return names[i]
		}
	}
	return ""
}

// unitName writes the issuer of a letterhead as a unit is written in the
// dataset: the People's Committee of a place as the place ("ỦY BAN NHÂN
// DÂN QUẬN BÌNH THẠNH" → "Quận Bình Thạnh"), and upper-case names in the
// capitals Vietnamese writing gives them: the kind and the words of a
// place's name ("Tỉnh Lâm Đồng", "Thành phố Hồ Chí Minh"), and for a body
// the first word of its name and of each field it lists ("SỞ VĂN HÓA, THỂ
// THAO VÀ DU LỊCH" → "Sở Văn hóa, Thể thao và Du lịch").
func issuerUnit(issuer string) string {
	words := strings.Fields(issuer)
	f := vntext.Fold(issuer)
	for _, p := range []string{"uy ban nhan dan ", "ubnd "} {
		if rest, ok := strings.CutPrefix(f, p); ok && startsWithAny(rest, placeWords) {
			words = words[len(strings.Fields(p)):]
			break
		}
	}
	if !isUpper(strings.Join(words, " ")) {
		return strings.Join(words, " ")
	}
	out := make([]string, len(words))
	capNext, place := false, false
	for i := 0; i < len(words); i++ {
		w := words[i]
		rest := vntext.Fold(strings.Join(words[i:], " ")) + " "
		lw := strings.ToLower(w)
		switch {
		case acronym(w):
			out[i] = w
		case !place && isPlace(rest):
			// A place: its kind in lower case (capitalised at the start),
			// every word of its name capitalised.
			kind := kindLen(rest, placeWords)
			for k := i; k < i+kind && k < len(words); k++ {
				out[k] = strings.ToLower(words[k])
			}
			if i == 0 {
				out[0] = capital(out[0])
			}
			i += kind - 1
			place = true
			continue
		case place || capNext || i == 0:
			out[i] = capital(lw)
		default:
			out[i] = lw
		}
		capNext = false
		if i == 0 {
			// The body's kind ("Sở", "Ban", "Văn phòng"), then the first
			// word of its own name: "Sở Nội vụ", "Ban Chỉ đạo".
			kind := kindLen(rest, bodyWords)
			for k := 1; k < kind && k < len(words); k++ {
				out[k] = strings.ToLower(words[k])
			}
			i += max(kind, 1) - 1
			capNext = true
			continue
		}
		if strings.HasSuffix(w, ",") || vntext.Fold(w) == "va" {
			capNext = true // each field a body lists: "Văn hóa, Thể thao và Du lịch"
		}
	}
	return strings.Join(out, " ")
}

// isPlace reports whether folded text starts with the kind of a place
// ("tỉnh …", "xã …", but not "xã hội").
func isPlace(f string) bool {
	return startsWithAny(f, placeWords) && !strings.HasPrefix(f, "xa hoi")
}

// kindLen returns the number of words of the prefix of folded text f among
// kinds, 1 when none.
func kindLen(f string, kinds []string) int {
	for _, p := range kinds {
		if strings.HasPrefix(f, p) {
			return len(strings.Fields(p))
		}
	}
	return 1
}

// acronym reports an upper-case abbreviation kept as written: UBND, HĐND,
// CCHC, and numbers.
func acronym(w string) bool {
	w = strings.TrimRight(w, ",.;:")
	if w == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(w)
	if unicode.IsDigit(r) {
		return true
	}
	switch vntext.Fold(w) {
	case "ubnd", "hdnd", "cchc", "kcn", "cntt", "tw", "ttr":
		return true
	}
	return false
}

// capital upper-cases the first letter of a word.
func capital(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	if n == 0 {
		return w
	}
	return string(unicode.ToUpper(r)) + w[n:]
}
