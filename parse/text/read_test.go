package text

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"chiso/doc"
	"chiso/vntext"
)

// TestSeed000 checks the tab-separated layout on seed 000: four tables
// (sections I to IV, counted by hand), blank lines inside a table, a quoted
// cell, separator lines dropped and continuation lines joined.
func TestSeed000(t *testing.T) {
	tables := tablesOf(readFile(t, "seed000.txt"))
	var sizes [][2]int
	for _, tb := range tables {
		sizes = append(sizes, [2]int{len(tb.Rows), len(tb.Rows[0])})
	}
	if want := [][2]int{{4, 4}, {33, 4}, {4, 4}, {6, 3}}; !reflect.DeepEqual(sizes, want) {
		t.Fatalf("tables (rows, columns) = %v, want %v", sizes, want)
	}
	header := []string{"STT", "Chỉ số/Chỉ số thành phần", "Số liệu kê khai", "Tài liệu kiểm chứng"}
	if got := texts(tables[1].Rows[0]); !reflect.DeepEqual(got, header) {
		t.Errorf("header %q", got)
	}
	r7 := findRow(t, tables[1], "7")
	if !strings.HasPrefix(r7[1], "Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến") || r7[2] != "78.23 %" ||
		!strings.HasPrefix(r7[3], "-a= Số hồ sơ thủ tục hành chính được xử lý trực tuyến") {
		t.Errorf("row 7 = %q", r7)
	}
	// The continuation line "\t\t\t<p>đến ngày 25 tháng 8 …" joins the
	// evidence cell of the row above it, after a blank line.
	var a968 []string
	for _, row := range tables[1].Rows {
		if r := texts(row); r[2] == "968" {
			a968 = r
		}
	}
	if a968 == nil || !strings.Contains(a968[3], "</p>\n<p>đến ngày 25 tháng 8 năm 2023") {
		t.Errorf("row with 968 = %q, want its evidence continued on a new line", a968)
	}
	// After a separator line and a blank line, "\t\t<p>+ Hoàn tất …"
	// continues column 2 of row 2.2.
	r22 := findRow(t, tables[2], "2.2")
	if !strings.HasPrefix(r22[2], "Đang thực hiện\n<p>+ Hoàn tất việc chỉnh lý") {
		t.Errorf("row 2.2 column 2 = %q", r22[2])
	}
	// The quoted cell loses its quotes.
	b250 := tables[1].Rows[16]
	if got := texts(b250); got[2] != "250" || got[3] != "Văn bản, tài liệu chứng minh" {
		t.Errorf("row b 250 = %q", got)
	}
	for _, tb := range tables {
		for _, row := range tb.Rows {
			for _, c := range row {
				if strings.HasPrefix(c.Text, "--") {
					t.Errorf("separator line read as a row: %q", texts(row))
				}
			}
		}
	}
}

// TestSeed004 checks Word's text export: one cell per line after a tab,
// rows between blank lines, cells wrapped onto lines without the tab.
func TestSeed004(t *testing.T) {
	d := readFile(t, "seed004.txt")
	tables := tablesOf(d)
	if len(tables) != 1 {
		t.Fatalf("%d tables, want 1", len(tables))
	}
	tb := tables[0]
	want := []string{"STT", "Chỉ số/Chỉ số thành phần", "Điểm tối đa", "Số\nliệu", "Điểm tự chấm", "Đơn vị\nbáo cáo"}
	if got := texts(tb.Rows[0]); !reflect.DeepEqual(got, want) {
		t.Errorf("header %q, want %q", got, want)
	}
	// Counted by hand: I and its 17 items, II, 9 groups with 51 items,
	// TỔNG CỘNG.
	if n := len(tb.Rows) - 1; n != 80 {
		t.Errorf("%d body rows, want 80", n)
	}
	if got := findRow(t, tb, "1.1"); got[2] != "10" || got[5] != "Phòng Văn hóa và Thông tin Quận 1" {
		t.Errorf("row 1.1 = %q", got)
	}
	if got := findRow(t, tb, "I"); !reflect.DeepEqual(got, []string{"I", "THÔNG TIN CHUNG", "", "", "", ""}) {
		t.Errorf("group row I = %q, want padded to 6 cells", got)
	}
	if got := findRow(t, tb, "1.5"); got[1] != "Hệ thống truyền thanh cơ sở có tổ chức thực hiện tuyên truyền về chuyển đổi số\n(Tần suất hàng tuần)" {
		t.Errorf("row 1.5 label %q", got[1])
	}
	if got := findRow(t, tb, "8.2"); !strings.Contains(got[5], "Bảo hiểm xã hội Quận 1\n(Các đơn vị thực hiện") {
		t.Errorf("row 8.2 unit %q", got[5])
	}
	if got := texts(tb.Rows[len(tb.Rows)-1]); got[0] != "TỔNG CỘNG" || got[1] != "" {
		t.Errorf("last row %q", got)
	}
	// The indented, mis-encoded page header after the table is a paragraph.
	after := d.Blocks[len(d.Blocks)-1]
	for _, b := range d.Blocks {
		if b.Kind == doc.Paragraph && strings.Contains(b.Text, "PH ?") {
			after = b
			break
		}
	}
	if after.Kind != doc.Paragraph || !strings.HasPrefix(after.Text, "PH ?") {
		t.Errorf("block after the table = %+v", after)
	}
}

// TestSeed003 checks the pipe layout: one-row-per-line metadata, the group
// tables with wrapped header cells and "||||" rows, and the method tables
// of the appendices, whose rows must start with their STT.
func TestSeed003(t *testing.T) {
	tables := tablesOf(readFile(t, "seed003.txt"))
	byHeader := map[string][]*doc.Table{}
	for _, tb := range tables {
		byHeader[tb.Rows[0][0].Text] = append(byHeader[tb.Rows[0][0].Text], tb)
	}
	meta := byHeader["Số hiệu"]
	if len(meta) != 1 || len(meta[0].Rows) != 7 || texts(meta[0].Rows[0])[1] != "79/QĐ-UBND" ||
		!reflect.DeepEqual(texts(meta[0].Rows[5]), []string{"Người ký", "Phan Văn Mãi"}) {
		t.Fatalf("metadata table %+v", meta)
	}
	// The letterhead, a two-column layout table without numbering.
	letter := byHeader["ỦY\nBAN NHÂN DÂN"]
	if len(letter) != 2 || !reflect.DeepEqual(texts(letter[0].Rows[1]), []string{"Số: 79/QĐ-UBND", "Thành phố Hồ Chí Minh, ngày 10 tháng 01 năm 2023"}) {
		t.Errorf("letterhead tables %+v", letter)
	}
	stt := byHeader["STT"]
	if len(stt) != 5 {
		t.Fatalf("%d tables headed STT, want 5 (two group tables, three appendices)", len(stt))
	}
	group1, group2 := stt[0], stt[1]
	if got := findRow(t, group1, "6"); !reflect.DeepEqual(got, []string{"6", "Hoạt động chuyển đổi số", "14", "130", ""}) {
		t.Errorf("group table 1 row 6 = %q", got)
	}
	if len(group1.Rows) != 7 || len(group2.Rows) != 12 {
		t.Errorf("group tables have %d and %d rows, want 7 and 12", len(group1.Rows), len(group2.Rows))
	}
	if got := texts(group2.Rows[0]); !reflect.DeepEqual(got, []string{"STT", "Chỉ\nsố chính", "Chỉ\nsố thành phần", "Tổng\nđiểm", "Ghi chú"}) {
		t.Errorf("group table 2 header %q", got)
	}
	if got := texts(group2.Rows[1]); !reflect.DeepEqual(got, []string{"Nhóm chỉ số nền tảng chung", "", "", "", ""}) {
		t.Errorf("group table 2 row 1 %q", got)
	}
	head := []string{"STT", "Chỉ số/Chỉ số thành phần", "Điểm tối đa", "Cách xác định và tính điểm"}
	for i, tb := range stt[2:4] {
		if got := texts(tb.Rows[0]); !reflect.DeepEqual(got, head) {
			t.Errorf("appendix %d header %q", i+1, got)
		}
		for _, row := range tb.Rows[1:] {
			if parseRowNum(row[0].Text).kind == notNumber {
				t.Errorf("appendix %d row %q does not start with its STT", i+1, texts(row))
			}
		}
	}
	if got := findRow(t, stt[2], "1.1"); got[2] != "10" || !strings.HasPrefix(got[3], "- Trưởng ban là Giám đốc Sở/Ban/Ngành: Điểm tối đa") {
		t.Errorf("appendix I row 1.1 = %q", got)
	}
	if got := findRow(t, stt[3], "6.3"); got[1] != "Tỷ lệ hồ sơ xử lý trực tuyến" || got[2] != "20" || !strings.HasPrefix(got[3], "a= ") {
		t.Errorf("appendix II row 6.3 = %q", got)
	}
	if got := findRow(t, stt[4], "9.3"); got[2] != "0" || got[3] != "Sở Thông tin và Truyền thông" {
		t.Errorf("appendix III row 9.3 = %q", got)
	}
}

// TestSeeds001And002 checks the tab-separated tables of the two
// narrative reports: a page-break repeat of the header is dropped, and a
// blank line followed by a row of another width starts a new table.
func TestSeeds001And002(t *testing.T) {
	t1 := tablesOf(readFile(t, "seed001.txt"))
	for _, tb := range t1 {
		for _, row := range tb.Rows[1:] {
			if reflect.DeepEqual(texts(row), texts(tb.Rows[0])) {
				t.Errorf("header %q repeated inside its table", texts(row))
			}
		}
	}
	if len(t1) != 4 {
		t.Errorf("seed 001: %d tables, want 4", len(t1))
	}
	t2 := tablesOf(readFile(t, "seed002.txt"))
	var found bool
	for _, tb := range t2 {
		for _, row := range tb.Rows {
			if r := texts(row); r[0] == "33" {
				found = true
				if !reflect.DeepEqual(r[2:], []string{"9", "0", "", "9"}) {
					t.Errorf("seed 002 row 33 = %q", r)
				}
			}
		}
	}
	if !found {
		t.Error("seed 002: no row 33")
	}
}

// TestEncodings reads the same report in the encodings reports come in and
// expects the blocks of the UTF-8 original.
func TestEncodings(t *testing.T) {
	orig, err := os.ReadFile(filepath.Join("testdata", "seed004.txt"))
	if err != nil {
		t.Fatal(err)
	}
	// The first rows are enough; the page-header mojibake at the end has
	// "?" that the legacy encoders would not round-trip.
	orig = orig[:strings.Index(string(orig), "\t6.1")]
	// TCVN3 and VNI have no en dash; the encoders would keep U+2013,
	// which is no byte.
	orig = []byte(strings.ReplaceAll(string(orig), "–", "-"))
	want := cleaned(mustRead(t, orig))
	cp1258, err := os.ReadFile(filepath.Join("testdata", "seed000_cp1258.txt"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		in    []byte
		want  []string
		lower bool // TCVN3 has no capital letters with tone marks
		note  string
	}{
		{"UTF-8 BOM", append([]byte("\xef\xbb\xbf"), orig...), want, false, ""},
		{"CRLF", []byte(strings.ReplaceAll(string(orig), "\n", "\r\n")), want, false, ""},
		{"UTF-16LE BOM", utf16(orig, false, true), want, false, ""},
		{"UTF-16BE BOM", utf16(orig, true, true), want, false, ""},
		{"UTF-16LE no BOM", utf16(orig, false, false), want, false, "UTF-16LE"},
		{"UTF-16BE no BOM, CRLF", utf16([]byte(strings.ReplaceAll(string(orig), "\n", "\r\n")), true, false), want, false, "UTF-16BE"},
		{"TCVN3 bytes", bytesOf(vntext.ToTCVN3(string(orig))), want, true, "TCVN3"},
		{"VNI bytes", bytesOf(vntext.ToVNI(string(orig))), want, false, "VNI"},
		{"TCVN3 mojibake saved as UTF-8", []byte(vntext.ToTCVN3(string(orig))), want, true, "TCVN3"},
		{"windows-1258 bytes (seed 000 saved by Python's cp1258 codec)", cp1258, cleaned(readFile(t, "seed000.txt")), false, "windows-1258"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := mustRead(t, tc.in)
			got := cleaned(d)
			w := tc.want
			if tc.lower {
				got, w = lower(got), lower(w)
			}
			if !reflect.DeepEqual(got, w) {
				for i := range min(len(got), len(w)) {
					if got[i] != w[i] {
						t.Fatalf("block %d\n got %q\nwant %q", i, got[i], w[i])
					}
				}
				t.Fatalf("%d blocks, want %d", len(got), len(w))
			}
			if note := strings.Join(d.Warnings, "; "); !strings.Contains(note, tc.note) || (tc.note == "") != (note == "") {
				t.Errorf("warnings %q, want one naming %q", d.Warnings, tc.note)
			}
		})
	}
}

// TestLayouts covers the rules of the package comment on small inputs.
func TestLayouts(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string // "P:text" or "T:" rows joined by "|", cells by ";"
	}{
		{"paragraph per line", "Một\nHai\n\nBa\n", []string{"P:Một", "P:Hai", "P:Ba"}},
		{"quoted cell with line breaks and quotes",
			"STT\tNội dung\n1\t\"dòng một\ndòng \"\"hai\"\"\"\n2\tx\n",
			[]string{"T:STT;Nội dung|1;dòng một\ndòng \"hai\"|2;x"}},
		{"quote inside text is not CSV quoting",
			"A\tB\n\"Chuyển đổi số\" là\tx\n",
			[]string{"T:A;B|\"Chuyển đổi số\" là;x"}},
		{"unclosed quote read as text",
			"A\tB\n1\t\"mở\n\nđoạn văn\n",
			[]string{"T:A;B|1;\"mở", "P:đoạn văn"}},
		{"blank line then a row of another width ends the table",
			"A\tB\n1\t2\n\nx\ty\tz\n",
			[]string{"T:A;B|1;2", "T:x;y;z"}},
		{"markdown separators dropped",
			"A\tB\n--\t--\n1\t2\n", []string{"T:A;B|1;2"}},
		{"word export with padding and wraps",
			"\tSTT\n\tTên\n\tĐiểm\n\n\tI\n\tNhóm\n\n\t1\n\tMục\nmột\n\t5\n\nSau bảng\n",
			[]string{"T:STT;Tên;Điểm|I;Nhóm;|1;Mục\nmột;5", "P:Sau bảng"}},
		{"pipe inline rows",
			"Số hiệu | 79 |\nNgười ký | A |\nvăn bản\n",
			[]string{"T:Số hiệu;79|Người ký;A", "P:văn bản"}},
		{"markdown pipe table",
			"| STT | Tên |\n|---|---|\n| 1 | a |\n",
			[]string{"T:STT;Tên|1;a"}},
		{"markdown rows with empty first cells, an empty row and a header without STT",
			"|  | Tiếp nhận |  |\n| --- | --- | --- |\n|  | Tổng số | Trực tuyến |\n|  |  |  |\n| 1 | 78 | 77 |\nSau bảng\n",
			[]string{"T:;Tiếp nhận;|;Tổng số;Trực tuyến|;;|1;78;77", "P:Sau bảng"}},
		{"pipe cells shaped by their numbering",
			"STT |\nTên |\nĐiểm |\nI |\nNhóm |\n|\n1 |\nMục |\n10 |\n2 |\nMục hai |\n20 |\nHết.\n",
			[]string{"T:STT;Tên;Điểm|I;Nhóm;|1;Mục;10|2;Mục hai;20", "P:Hết."}},
		{"two pipe tables back to back split at STT",
			"STT |\nA |\n1 |\nx |\n2 |\ny |\nSTT |\nB |\nC |\n1 |\np |\nq |\n2 |\nr |\ns |\n",
			[]string{"T:STT;A|1;x|2;y", "T:STT;B;C|1;p;q|2;r;s"}},
		{"lone CR line ends", "a\rb\r\n", []string{"P:a", "P:b"}},
		{"only tabs", "\t\t\n", nil},
		{"empty", "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := summary(mustRead(t, []byte(tc.in))); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

func readFile(t testing.TB, name string) *doc.Document {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return mustRead(t, b)
}

func mustRead(t testing.TB, b []byte) *doc.Document {
	t.Helper()
	d, err := Read(b)
	if err != nil {
		t.Fatal(err)
	}
	for i, bl := range d.Blocks {
		if bl.Index != i || bl.Page != 0 {
			t.Fatalf("block %d: Index %d Page %d", i, bl.Index, bl.Page)
		}
	}
	if d.Source.Format != doc.Text {
		t.Fatalf("format %q", d.Source.Format)
	}
	return d
}

func tablesOf(d *doc.Document) []*doc.Table {
	var ts []*doc.Table
	for _, b := range d.Blocks {
		if b.Kind == doc.TableKind {
			ts = append(ts, b.Table)
		}
	}
	return ts
}

func texts(row []doc.Cell) []string {
	out := make([]string, len(row))
	for i, c := range row {
		out[i] = c.Text
	}
	return out
}

// findRow returns the last row of tb whose first cell is stt: the last,
// because the appendices number their general-information rows 1.1, 1.2 …
// before the scored indicators that reuse those numbers.
func findRow(t *testing.T, tb *doc.Table, stt string) []string {
	t.Helper()
	for i := len(tb.Rows) - 1; i >= 0; i-- {
		if tb.Rows[i][0].Text == stt {
			return texts(tb.Rows[i])
		}
	}
	t.Fatalf("no row %q", stt)
	return nil
}

func summary(d *doc.Document) []string {
	var out []string
	for _, b := range d.Blocks {
		if b.Kind == doc.Paragraph {
			out = append(out, "P:"+b.Text)
			continue
		}
		var rows []string
		for _, row := range b.Table.Rows {
			rows = append(rows, strings.Join(texts(row), ";"))
		}
		out = append(out, "T:"+strings.Join(rows, "|"))
	}
	return out
}

// cleaned is summary after vntext.Clean, as package parse will have it.
func cleaned(d *doc.Document) []string {
	for i, b := range d.Blocks {
		if b.Kind == doc.Paragraph {
			d.Blocks[i].Text = vntext.Clean(b.Text)
			continue
		}
		for _, row := range b.Table.Rows {
			for i := range row {
				row[i].Text = vntext.Clean(row[i].Text)
			}
		}
	}
	return summary(d)
}

func lower(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strings.ToLower(s)
	}
	return out
}

// bytesOf turns a string of Latin-1 runes, as vntext's encoders write
// them, into the bytes of the file.
func bytesOf(s string) []byte {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r))
	}
	return b
}

func utf16(b []byte, bigEndian, bom bool) []byte {
	var out []byte
	put := func(u uint16) {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	if bom {
		put(0xfeff)
	}
	for _, r := range string(b) {
		if r >= 0x10000 {
			r -= 0x10000
			put(uint16(0xd800 + r>>10))
			put(uint16(0xdc00 + r&0x3ff))
			continue
		}
		put(uint16(r))
	}
	return out
}
