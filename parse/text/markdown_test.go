package text

import (
	"testing"

	"chiso/doc"
)

func TestUnmark(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`Tỷ lệ\*Điểm tối đa`, "Tỷ lệ*Điểm tối đa"},
		{`**BÁO CÁO**`, "BÁO CÁO"},
		{`*Số liệu lũy kế*`, "Số liệu lũy kế"},
		{`\*\* Số liệu\*`, "** Số liệu*"},
		{`a\|b`, "a|b"},
		{`C:\Users`, `C:\Users`}, // a backslash before a letter is no escape
		{`78,23 %`, "78,23 %"},
	} {
		if got := unmark(tc.in); got != tc.want {
			t.Errorf("unmark(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestReadMarkdownMarkers(t *testing.T) {
	md := "**BÁO CÁO**\n\n| STT | Chỉ số |\n| --- | --- |\n| 1 | Tỷ lệ\\*Điểm |\n"
	d, err := Read([]byte(md))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Blocks) != 2 || d.Blocks[0].Text != "BÁO CÁO" {
		t.Fatalf("blocks %+v, want the heading without markers and a table", d.Blocks)
	}
	if got := d.Blocks[1].Table.Rows[1][1].Text; got != "Tỷ lệ*Điểm" {
		t.Errorf("cell %q, want the escaped asterisk kept", got)
	}
	// Plain text without a pipe table keeps its asterisks and backslashes.
	d, _ = Read([]byte("Điểm = Tỷ lệ * 2 \\* 3\n"))
	if got := d.Blocks[0].Text; got != "Điểm = Tỷ lệ * 2 \\* 3" {
		t.Errorf("plain text %q changed", got)
	}
}

func TestFoldRepeats(t *testing.T) {
	cell := func(s string) doc.Cell { return doc.Cell{Text: s, RowSpan: 1, ColSpan: 1} }
	for _, tc := range []struct {
		in   []string
		want int // cells left
		span int // the last one's column span
	}{
		{[]string{"I", "CHÍNH QUYỀN SỐ", "CHÍNH QUYỀN SỐ", "CHÍNH QUYỀN SỐ"}, 2, 3},
		{[]string{"a", "Số hồ sơ", "15060", "15060", "15060"}, 5, 1}, // numbers stay cells
		{[]string{"a", "b", "Có", "Có"}, 4, 1},                       // two are not a merge
		{[]string{"a", "", "", ""}, 4, 1},
	} {
		cells := make([]doc.Cell, len(tc.in))
		for i, s := range tc.in {
			cells[i] = cell(s)
		}
		got := foldRepeats(cells)
		if len(got) != tc.want || got[len(got)-1].ColSpan != tc.span {
			t.Errorf("foldRepeats(%q) = %d cells, last spanning %d; want %d, %d", tc.in, len(got), got[len(got)-1].ColSpan, tc.want, tc.span)
		}
	}
}
