package doctest

import (
	"reflect"
	"testing"

	"chiso/doc"
)

func TestRender(t *testing.T) {
	d := &doc.Document{Blocks: []doc.Block{
		{Kind: doc.Paragraph, Text: "Báo cáo"},
		{Kind: doc.TableKind, Index: 1, Table: &doc.Table{Rows: [][]doc.Cell{
			{{Text: "STT", RowSpan: 2}, {Text: "Kết quả", ColSpan: 12}},
			{{Text: "a"}, {Text: ""}},
		}}},
	}}
	want := []string{"p: Báo cáo", "t: STT^2x1 | Kết quả^1x12 / a | "}
	if got := Render(d); !reflect.DeepEqual(got, want) {
		t.Errorf("Render = %q, want %q", got, want)
	}
}
