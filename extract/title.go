package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"chiso/doc"
	"chiso/vntext"
)

// docTypes are title lines that only name the kind of document; the
// subject follows on the next line.
var docTypes = map[string]bool{"bao cao": true, "ke hoach": true, "quyet dinh": true, "to trinh": true, "cong van": true, "phu luc": true, "thong bao": true}

// letterhead reports a paragraph of the letterhead or of the legal
// preamble: it names other documents, dates and places, not the subject.
func letterhead(p string) bool {
	f := vntext.Fold(p)
	for _, pre := range []string{"so ", "can cu", "thuc hien", "theo de nghi", "kinh gui", "noi nhan", "cong hoa xa hoi", "doc lap tu do", "bookmark", "handwritten", "dinh kem", "ban hanh kem theo"} {
		if strings.HasPrefix(f, pre) {
			return !(pre == "so " && !hasDigit(f[:min(len(f), 12)]))
		}
	}
	return datedPlace.MatchString(f) && len(strings.Fields(f)) <= 14
}

// datedPlace is the "Thành phố Hồ Chí Minh, ngày 04 tháng 10 năm 2023" line.
var datedPlace = regexp.MustCompile(`ngay \d{1,2} thang \d{1,2} nam \d{4}`)

// maxTitle is the longest block, in bytes, that can be a title or a line
// of the preamble: the longest subject lines of real reports are about
// 400 bytes.
const maxTitle = 2000

// front returns the title and the paragraphs that describe the report: the
// title block and the preamble up to the first numbered section, without
// letterhead and legal-basis lines.
// The letterhead's blocks are passed over.
func front(d *doc.Document, head heading) (title string, region []string) {
	var paras, issuers []string
	for i, b := range d.Blocks {
		if head.start <= i && i <= head.end {
			continue
		}
		if i > 40 {
			break
		}
		if b.Kind == doc.TableKind {
			if len(paras) > 0 {
				break
			}
			continue
		}
		if len(b.Text) > maxTitle {
			// Running text, not a title: a title is a line or a few.
			if len(paras) > 0 {
				break
			}
			continue
		}
		t := oneLine(b.Text)
		if t == "" {
			continue
		}
		if sectionOf(t) != "" && len(paras) > 0 {
			break
		}
		if letterhead(t) || strings.HasSuffix(t, "|") && len(strings.Fields(t)) < 6 {
			continue
		}
		if issuer(t) {
			// "ỦY BAN NHÂN DÂN QUẬN 3" heads the letter: it names the unit
			// but is not the title.
			issuers = append(issuers, t)
			continue
		}
		paras = append(paras, t)
		if len(paras) >= 8 {
			break
		}
	}
	if len(paras) == 0 {
		return "", issuers
	}
	defer func() { region = append(region, issuers...) }()
	title = paras[0]
	n := 1
	if docTypes[vntext.Fold(title)] && len(paras) > 1 {
		title += " " + paras[1]
		n = 2
	}
	// A title wraps onto more paragraphs: in capitals, or a subject line
	// whose next line goes on in lower case ("… trọng điểm phức" / "tạp về
	// ma túy …") or after a comma.
	for n < len(paras) && n < 4 && (isUpper(title) && isUpper(paras[n]) || continues(title, paras[n])) {
		title += " " + paras[n]
		n++
	}
	return title, paras
}

// issuer reports the letterhead line naming the issuing body: "ỦY BAN
// NHÂN DÂN QUẬN 3", "UBND HUYỆN CỦ CHI".
func issuer(p string) bool {
	f := vntext.Fold(p)
	return (strings.HasPrefix(f, "uy ban nhan dan ") || strings.HasPrefix(f, "ubnd ")) && len(strings.Fields(f)) <= 8
}

// isUpper reports whether nine letters in ten of s are capitals.
func isUpper(s string) bool {
	letters, upper := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return letters > 0 && upper*10 >= letters*9
}

// continues reports whether paragraph next goes on with the sentence of
// prev: it starts in lower case, or prev ends with a comma.
func continues(prev, next string) bool {
	r, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLower(r) || strings.HasSuffix(prev, ",")
}
