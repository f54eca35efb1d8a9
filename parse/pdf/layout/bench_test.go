package layout_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"chiso/parse/pdf"
	"chiso/parse/pdf/layout"
)

// synthDoc makes an n-page document: on each page a heading, ten lines of
// prose, and a ruled 4-column table of 12 rows whose cells wrap to three
// lines, continued from page to page with its header repeated.
func synthDoc(n int) []layout.Page {
	xs := []float64{50, 90, 330, 400, 550}
	var pages []layout.Page
	for p := 1; p <= n; p++ {
		pg := layout.Page{Number: p, Width: 595, Height: 842}
		pg.Texts = append(pg.Texts, text(fmt.Sprintf("Phần %d. Kết quả triển khai", p), 50, 40))
		for l := range 10 {
			pg.Texts = append(pg.Texts, text("Số liệu báo cáo là số liệu lũy kế tính từ đầu năm đến thời điểm báo", 50, 60+12*float64(l)))
		}
		ys := []float64{200, 220}
		for range 12 {
			ys = append(ys, ys[len(ys)-1]+44)
		}
		pg.Rules = gridRules(xs, ys, nil)
		for c, h := range []string{"STT", "Chỉ số", "Số liệu", "Tài liệu"} {
			pg.Texts = append(pg.Texts, text(h, xs[c]+3, 214))
		}
		for r := range 12 {
			y := ys[r+1] + 14
			pg.Texts = append(pg.Texts, text(fmt.Sprint(r+1), 53, y), text("15.060", 333, y))
			for l := range 3 {
				pg.Texts = append(pg.Texts,
					text("Tỷ lệ hồ sơ thủ tục hành chính", 93, y+12*float64(l)),
					text("Văn bản, tài liệu", 403, y+12*float64(l)))
			}
		}
		pages = append(pages, pg)
	}
	return pages
}

// BenchmarkBlocks lays out synthetic documents of 16 and 64 pages: the
// time per page should not grow with the length of the document.
func BenchmarkBlocks(b *testing.B) {
	for _, n := range []int{16, 64} {
		b.Run(fmt.Sprintf("pages=%d", n), func(b *testing.B) {
			pages := synthDoc(n)
			for b.Loop() {
				layout.Blocks(pages)
			}
		})
	}
}

// BenchmarkBlocksReportBig lays out the 64 pages of report_big.pdf, walked
// once beforehand.
func BenchmarkBlocksReportBig(b *testing.B) {
	f, err := os.Open(filepath.Join(testdocs, "report_big.pdf"))
	if err != nil {
		b.Skipf("test document not available: %v", err)
	}
	defer f.Close()
	st, _ := f.Stat()
	pages, _, err := pdf.Pages(context.Background(), f, st.Size())
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		layout.Blocks(pages)
	}
}
