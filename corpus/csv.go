package corpus

import (
	"fmt"
	"strings"

	"chiso/internal/msg"
	"chiso/report"
)

// CSVProfile is how a CSV export separates fields and writes decimals,
// which must match the list separator and decimal mark of the reader's
// spreadsheet: Excel opens a .csv with the separators of the Windows
// region, so a file written for the wrong one lands whole in column A or
// turns its numbers into text.
type CSVProfile struct {
	Name    string
	Comma   rune // field separator
	Decimal byte // decimal mark of numbers
}

// The CSV profiles. VietnameseCSV matches Windows set to Vietnamese
// (vi-VN): list separator ";", decimal mark ",", thousands "." (which
// the export never writes, so that 11781 cannot be misread). IntlCSV is
// RFC 4180 with "." decimals, for programs and English-language Excel.
var (
	VietnameseCSV = CSVProfile{Name: "vi", Comma: ';', Decimal: ','}
	IntlCSV       = CSVProfile{Name: "intl", Comma: ',', Decimal: '.'}
)

// CSVProfileFor returns the profile named "vi" or "intl".
func CSVProfileFor(name string) (CSVProfile, error) {
	switch name {
	case "vi":
		return VietnameseCSV, nil
	case "intl":
		return IntlCSV, nil
	}
	return CSVProfile{}, fmt.Errorf("no CSV profile %q (want vi or intl)", name)
}

// numeric are the long table's columns that hold numbers (Header's
// year, quarter, month, value, a, b, points): written with the profile's
// decimal mark and never neutralised, so that a negative value stays a
// number.
var numeric = map[int]bool{2: true, 3: true, 4: true, 10: true, 12: true, 13: true, 14: true}

// cells is the row as the profile writes it, kinds and finding codes in
// the words of h.
func (p CSVProfile) cells(r *Row, h Headings) []string {
	c := r.Strings()
	c[9], c[15] = msg.Kind(h.lang, report.Kind(c[9])), h.codes(c[15])
	for i, v := range c {
		switch {
		case numeric[i] && p.Decimal != '.':
			c[i] = strings.Replace(v, ".", string(p.Decimal), 1)
		case !numeric[i]:
			c[i] = Neutralise(v)
		}
	}
	return c
}

// Neutralise makes a text cell safe to open in a spreadsheet: a cell
// that starts with = + - @, a tab or a carriage return would be read by
// Excel or LibreOffice as a formula (=HYPERLINK(…) leaking data, =cmd|…
// running a program), so it gets a leading apostrophe, the OWASP rule
// for CSV injection. The apostrophe shows, which is the point: the
// officer sees the text as it was written, not its result.
func Neutralise(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func neutralised(s []string) []string {
	out := make([]string, len(s))
	for i, v := range s {
		out[i] = Neutralise(v)
	}
	return out
}
