package html

import (
	"strings"

	"chiso/doc"
	"chiso/vntext"
)

// sampleSize is how much text legacy detection looks at: a page is set in
// one font, and detection over all of a 21 MB page would cost more than
// reading it.
const sampleSize = 256 << 10

// unlegacy converts a page set in a TCVN3 (.VnTime) or VNI font, whose
// text the charset reading leaves as Latin-1 mojibake ("B¸o c¸o"), to
// Unicode, and says so in a warning.
func unlegacy(d *doc.Document) {
	var sample strings.Builder
	each(d, func(s *string) {
		if sample.Len() < sampleSize {
			sample.WriteString(*s)
			sample.WriteByte('\n')
		}
	})
	var from func(string) string
	switch vntext.DetectLegacy(sample.String()) {
	case vntext.TCVN3:
		from = vntext.FromTCVN3
		d.Warnings = append(d.Warnings, "text in TCVN3 (.VnTime) characters converted to Unicode")
	case vntext.VNI:
		from = vntext.FromVNI
		d.Warnings = append(d.Warnings, "text in VNI characters converted to Unicode")
	default:
		return
	}
	each(d, func(s *string) { *s = from(*s) })
}

// each calls f on the text of every paragraph and cell.
func each(d *doc.Document, f func(*string)) {
	for i := range d.Blocks {
		b := &d.Blocks[i]
		if b.Table == nil {
			f(&b.Text)
			continue
		}
		for _, row := range b.Table.Rows {
			for j := range row {
				f(&row[j].Text)
			}
		}
	}
}
