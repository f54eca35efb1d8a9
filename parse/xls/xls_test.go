package xls

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chiso/doc"
	"chiso/internal/doctest"
	"chiso/parse/fault"
)

func readFile(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestFeatures reads a workbook LibreOffice saved as .xls (see
// testdata/mkfixtures.go): numbers as the sheet shows them, hidden row,
// column and sheet left out, a formula's cached value, a string that
// continues past its SST record, sheet names as headings.
func TestFeatures(t *testing.T) {
	b := readFile(t, "features.xls")
	d, err := Read(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	note := "p: Ghi chú: " + strings.TrimSpace(strings.Repeat("Chuyển đổi số là quá trình thay đổi tổng thể. ", 200))
	want := []string{
		"p: Báo cáo",
		"p: BÁO CÁO KẾT QUẢ CHUYỂN ĐỔI SỐ",
		"p: Quý 3 năm 2023",
		"t: STT | Chỉ tiêu | Giá trị | Ghi chú" +
			" / 1 | Tỷ lệ hồ sơ trực tuyến | 78,23% | 0.72" +
			" / 2 | Số hồ sơ tiếp nhận | 11.781 | " +
			" / 3 | Điểm trung bình | 0,72 | " +
			" / 4 | Ngày báo cáo | 30/09/2023 | " +
			" / 6 | Tổng (công thức) | 11.880 | ",
		note,
		"p: Phụ lục",
		"t: Đơn vị | Điểm / Quận 1 | 512,5",
	}
	got := doctest.Render(d)
	if len(got) != len(want) {
		t.Fatalf("got %d blocks, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("block %d:\n got %.300s\nwant %.300s", i, got[i], want[i])
		}
	}
	if len(d.Warnings) != 1 || !strings.Contains(d.Warnings[0], `"Ẩn" is hidden`) {
		t.Errorf("warnings %q, want the hidden sheet named", d.Warnings)
	}
	if d.Source.Format != doc.XLS {
		t.Errorf("format %q", d.Source.Format)
	}
}

// TestBad: damaged and unsupported input gives an error of the right
// kind, never a panic.
func TestBad(t *testing.T) {
	good := readFile(t, "features.xls")
	tests := []struct {
		name string
		b    []byte
		kind error
		msg  string
	}{
		{"empty", nil, fault.ErrDamaged, "compound"},
		{"not a compound file", []byte("hello, this is text"), fault.ErrDamaged, "compound"},
		{"truncated", good[:len(good)/3], fault.ErrDamaged, ""},
		{"Word document", readDoc(t), fault.ErrUnsupported, "Workbook"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(bytes.NewReader(tt.b), int64(len(tt.b)))
			if err == nil {
				t.Fatal("no error")
			}
			if !errors.Is(err, tt.kind) {
				t.Errorf("error %q is not %v", err, tt.kind)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error %q does not say %q", err, tt.msg)
			}
		})
	}
}

func readDoc(t *testing.T) []byte {
	b, err := os.ReadFile(filepath.Join("..", "msdoc", "testdata", "report.doc"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}
