package extract

import (
	"testing"

	"chiso/doc"
)

// TestUnnumberedRows checks that a word processor's row without a number
// but with a label of its own is a row (it is no tail: the format records
// rows), that a label cell grouping rows names none of them when each has
// an inner label, and that a PDF's unnumbered row still carries on the row
// above, where it may be the tail of a cell split by the page.
func TestUnnumberedRows(t *testing.T) {
	c := func(s string) doc.Cell { return doc.Cell{Text: s, RowSpan: 1, ColSpan: 1} }
	span := func(s string, r, k int) doc.Cell { return doc.Cell{Text: s, RowSpan: r, ColSpan: k} }
	table := &doc.Table{Rows: [][]doc.Cell{
		{c("STT"), span("Nhiệm vụ/tiêu chí", 1, 2), c("Năm 2025")},
		{span("1", 3, 1), span("Tổng số văn bản đã ban hành", 1, 2), c("12")},
		{span("Chia theo loại văn bản", 2, 1), c("Nghị quyết của Hội đồng nhân dân"), c("5")},
		{c("Quyết định của Ủy ban nhân dân"), c("7")},
		{c("2"), span("Số hóa hồ sơ", 1, 2), c("")},
		{c(""), span("Tỷ lệ hồ sơ được số hóa", 1, 2), c("80%")},
		{c(""), span("Tỷ lệ kết quả điện tử", 1, 2), c("75%")},
	}}
	tests := []struct {
		format doc.Format
		want   []string
	}{
		{doc.DOCX, []string{"Tổng số văn bản đã ban hành", "Nghị quyết của Hội đồng nhân dân", "Quyết định của Ủy ban nhân dân",
			"Số hóa hồ sơ", "Tỷ lệ hồ sơ được số hóa", "Tỷ lệ kết quả điện tử"}},
		// In a PDF the unnumbered label is the tail of the row above;
		// rows with a value where the row above has one stand apart
		// (a ranking's maximum and mean) and are not indicators.
		{doc.PDF, []string{"Tổng số văn bản đã ban hành", "Số hóa hồ sơ Tỷ lệ hồ sơ được số hóa"}},
	}
	for _, tt := range tests {
		d := &doc.Document{Source: doc.Source{Format: tt.format}, Blocks: []doc.Block{{Kind: doc.TableKind, Table: table}}}
		rep := Extract(d, Options{})
		var got []string
		for _, ind := range rep.Indicators {
			got = append(got, ind.Label)
		}
		if len(got) != len(tt.want) {
			t.Errorf("%s: labels %q, want %q", tt.format, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%s: label %d = %q, want %q", tt.format, i, got[i], tt.want[i])
			}
		}
	}
}
