package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"

	"chiso/vntext"
)

// contentKey identifies what rec says rather than how its file is
// written: the unit, the title, the period, the rubric, and each indicator's path,
// STT, label (folded, spaces collapsed) and typed value with its
// components. A report saved as DOCX, PDF and HTML has three sha256 and
// one content key, so the dataset counts it once; the raw cell text,
// the evidence and the place on the page are left out because formats
// lay them out differently (a PDF wraps a label where a DOCX does not).
// Two files that differ in one value are two contents, and the audit
// across reports says so (duplicate_report).
func contentKey(rec *Record) string {
	rep := rec.Report
	h := sha256.New()
	enc := json.NewEncoder(h)
	// Encoding a struct or a map is deterministic (map keys are sorted),
	// which is all a key needs; an error is impossible for these types.
	enc.Encode([]any{UnitKey(rep.Unit), folded(rep.Title), rep.Period, rec.Card.Rubric.ID, len(rep.Indicators)})
	for _, ind := range rep.Indicators {
		enc.Encode([]any{ind.Path, ind.STT, folded(ind.Label),
			ind.Value, ind.Components, ind.Unit, ind.MaxPoints, ind.SelfPoints})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// folded is s folded (vntext.Fold) with its spaces collapsed, as a
// label wrapped over lines and one that is not compare.
func folded(s string) string { return strings.Join(strings.Fields(vntext.Fold(s)), " ") }
