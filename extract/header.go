package extract

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"

	"chiso/report"
	"chiso/vntext"
)

// Column is what a table column holds, as its header says.
type Column int

const (
	ColUnknown     Column = iota
	ColSTT                // STT, TT, Số TT
	ColLabel              // Chỉ số, Chỉ tiêu, Nội dung
	ColValue              // Số liệu kê khai, Kết quả thực hiện
	ColEvidence           // Tài liệu kiểm chứng, Ghi chú, Cách xác định
	ColMax                // Điểm tối đa
	ColSelf               // Điểm tự chấm, Tự đánh giá
	ColResponsible        // Đơn vị báo cáo, đơn vị chủ trì
	ColMeasure            // Đơn vị tính
	ColAppraised          // Điểm thẩm định, Điểm đánh giá, Điểm đạt được
	ColRank               // Thứ hạng, Xếp hạng
	ColGrade              // Xếp loại
	ColTarget             // Kế hoạch, Chỉ tiêu giao
	// ColOther is a header recognised as none of the above ("Đánh giá",
	// "Thời gian hoàn thành"): it is listed so that it does not pass for a
	// near neighbour ("Tự đánh giá").
	ColOther
)

// headerNames are the folded header texts seen in reports, by column.
var headerNames = map[Column][]string{
	ColSTT:         {"stt", "st t", "tt", "so tt", "so thu tu"},
	ColLabel:       {"chi so", "chi so thanh phan", "chi so chi so thanh phan", "chi tieu", "noi dung", "noi dung chi tieu", "ten chi tieu", "ten chi so", "tieu chi", "nhiem vu"},
	ColValue:       {"so lieu ke khai", "so lieu", "so lieu bao cao", "ket qua", "ket qua thuc hien", "gia tri"},
	ColEvidence:    {"tai lieu kiem chung", "tai lieu minh chung", "ghi chu", "cach xac dinh va tinh diem", "cach xac dinh", "phuong phap tinh", "tai lieu chung minh"},
	ColMax:         {"diem toi da", "thang diem", "diem chuan", "tong diem"},
	ColSelf:        {"diem tu cham", "tu danh gia", "tu cham diem", "diem tu danh gia"},
	ColResponsible: {"don vi bao cao", "don vi chu tri", "don vi thuc hien", "don vi chu tri tham muu", "co quan chu tri"},
	ColMeasure:     {"don vi tinh", "dvt"},
	ColAppraised:   {"diem tham dinh", "diem danh gia", "diem dat duoc", "diem dat", "ket qua tham dinh", "diem thuc te", "tham dinh"},
	ColRank:        {"thu hang", "xep hang"},
	ColGrade:       {"xep loai", "phan loai"},
	ColTarget:      {"ke hoach", "chi tieu giao", "muc tieu", "chi tieu ke hoach"},
	ColOther:       {"don vi", "danh gia", "thoi gian hoan thanh", "thoi gian", "tien do", "ket qua danh gia", "nam"},
}

// headerIndex flattens headerNames for the fuzzy filter, with each name's
// distinct tokens split once (rankHeader scores every name of a cell).
var headerIndex = func() (idx struct {
	names  []string
	cols   []Column
	tokens [][]string
	// masks are the byteBit sets of the names, for fuzzyCandidates.
	masks []uint64
	// words holds every token of every name: a cell that shares none
	// scores 0 against all names and is ColUnknown, so the fuzzy filter
	// and the ranking are skipped for it (most cells of a table).
	words map[string]bool
}) {
	idx.words = map[string]bool{}
	for c := ColSTT; c <= ColOther; c++ {
		for _, n := range headerNames[c] {
			idx.names = append(idx.names, n)
			idx.cols = append(idx.cols, c)
			idx.tokens = append(idx.tokens, distinct(strings.Fields(n)))
			var m uint64
			for i := 0; i < len(n); i++ {
				m |= byteBit(n[i])
			}
			idx.masks = append(idx.masks, m)
			for _, w := range strings.Fields(n) {
				idx.words[w] = true
			}
		}
	}
	return idx
}()

// minHeaderScore is the least Dice score for a header cell to be
// classified; below it the cell is ColUnknown.
const minHeaderScore = 0.6

// ClassifyHeader says what column a header cell names. The cell is folded
// (no marks, đ→d, lower case, punctuation as spaces), fuzzy.Find keeps the
// names that hold the cell's letters in order, and the best token-set Dice
// score among those wins; when fuzzy keeps nothing (a header with extra
// words such as "Kết quả thực hiện Quý III/2023"), Dice ranks every name.
// A tie between two columns is ColUnknown.
func ClassifyHeader(cell string) (Column, float64) {
	if len(cell) > 120 {
		return ColUnknown, 0 // a sentence, not a header: skip the folding
	}
	if h, ok := headerCache.get(cell); ok {
		return h.col, h.score
	}
	col, score := classifyHeader(cell)
	if strings.IndexByte(cell, '(') >= 0 {
		// "Tỷ lệ (%)", "Điểm đạt (tối đa 18 điểm)", "Chỉ tiêu thống kê
		// (Sử dụng trong kỳ báo cáo …)": the words in parentheses qualify
		// the header, they do not name another column.
		if bare := strings.TrimSpace(stripParens(cell)); bare != "" {
			if c, s := classifyHeader(bare); c != ColUnknown || col == ColUnknown {
				col, score = c, s
			}
		}
	}
	headerCache.put(cell, col, score)
	return col, score
}

// headerCache keeps what ClassifyHeader said of the cells it has seen:
// the same header texts come back in every table and every report, and
// the first rows of each table are classified again for each page.
var headerCache = classCache{m: map[string]classified{}}

// maxHeaderCache bounds headerCache; past it cells are classified anew.
const maxHeaderCache = 4096

type classified struct {
	col   Column
	score float64
}

type classCache struct {
	mu sync.Mutex
	m  map[string]classified
}

func (c *classCache) get(cell string) (classified, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	h, ok := c.m[cell]
	return h, ok
}

func (c *classCache) put(cell string, col Column, score float64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) < maxHeaderCache {
		c.m[cell] = classified{col, score}
	}
}

// classifyHeader is ClassifyHeader without the cache.
func classifyHeader(cell string) (Column, float64) {
	f := vntext.Fold(cell)
	if f == "" {
		return ColUnknown, 0
	}
	tokens := strings.Fields(f)
	if len(tokens) > 12 {
		return ColUnknown, 0
	}
	tokens = distinct(tokens)
	if !slices.ContainsFunc(tokens, func(t string) bool { return headerIndex.words[t] }) {
		return ColUnknown, 0
	}
	candidates := fuzzyCandidates(f)
	col, score := rankHeader(tokens, candidates)
	if col == ColUnknown {
		// fuzzy keeps only names that contain the cell's letters in order,
		// so a cell with extra words ("Chỉ số chính", "Kết quả thực hiện
		// Quý III/2023") never reaches its shorter name: rank them all.
		candidates = candidates[:0]
		for i := range headerIndex.names {
			candidates = append(candidates, i)
		}
		col, score = rankHeader(tokens, candidates)
	}
	return col, score
}

// fuzzyCandidates returns the indices of the header names fuzzy.Find
// keeps for the folded cell f, best first. fuzzy.Find matches the cell's
// runes in order, one name byte each, so a name shorter than the cell or
// lacking one of its ASCII bytes cannot match: fuzzy.Find runs only on the
// names left. Each name's score does not depend on the others, so the
// order of the matches is the same as over all names.
func fuzzyCandidates(f string) []int {
	var need uint64
	ascii := true
	for i := 0; i < len(f); i++ {
		if f[i] >= utf8.RuneSelf {
			ascii = false // a letter fuzzy may case-fold to ASCII (ſ, K): keep all
			break
		}
		need |= byteBit(f[i])
	}
	at := make([]int, 0, len(headerIndex.names))
	var names []string
	for i, n := range headerIndex.names {
		if !ascii || len(n) >= len(f) && headerIndex.masks[i]&need == need {
			at = append(at, i)
			names = append(names, n)
		}
	}
	candidates := make([]int, 0, len(at))
	for _, m := range fuzzy.Find(f, names) {
		candidates = append(candidates, at[m.Index])
	}
	return candidates
}

// byteBit maps the bytes of folded text (a-z, 0-9, space) to a bit each;
// other ASCII bytes share the last bit.
func byteBit(c byte) uint64 {
	switch {
	case 'a' <= c && c <= 'z':
		return 1 << (c - 'a')
	case '0' <= c && c <= '9':
		return 1 << (26 + c - '0')
	case c == ' ':
		return 1 << 36
	}
	return 1 << 37
}

// rankHeader returns the column of the best Dice score among the
// candidate names, ColUnknown when it is too low or tied with another
// column. tokens are the cell's distinct tokens.
func rankHeader(tokens []string, candidates []int) (Column, float64) {
	best, second := -1.0, -1.0
	bestCol := ColUnknown
	for _, i := range candidates {
		s := dice(tokens, headerIndex.tokens[i])
		col := headerIndex.cols[i]
		switch {
		case s > best && col != bestCol:
			second, best, bestCol = best, s, col
		case s > best:
			best = s
		case s > second && col != bestCol:
			second = s
		}
	}
	if best < minHeaderScore || best == second {
		return ColUnknown, best
	}
	return bestCol, best
}

// dice is the token-set Dice coefficient 2|A∩B| / (|A|+|B|) of two lists
// of distinct tokens. Header names have at most six tokens, so a linear
// search beats building sets.
func dice(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	common := 0
	for _, t := range a {
		if slices.Contains(b, t) {
			common++
		}
	}
	return 2 * float64(common) / float64(len(a)+len(b))
}

// distinct returns the tokens without repeats, in order.
func distinct(tokens []string) []string {
	out := tokens[:0:0]
	for _, t := range tokens {
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// header is the column layout of an indicator table.
type header struct {
	cols []Column
	// rows is how many rows the header takes (1 or 2).
	rows int
	// second, when set, is the layout of a record's second row: some
	// reports (seed 003 as text) write each record on two rows, "STT |
	// Chỉ số" over "Điểm tối đa | Cách xác định", under a header of the
	// same shape.
	second []Column

	// What refine adds from the table's body (see columns.go).
	paths    []string      // each column's header path
	texts    [][]string    // the header rows, to know them when repeated
	roles    []report.Role // each column's contract role
	units    []string      // a unit of measure the header names, or ""
	maxes    []*float64    // a maximum the header writes ("tối đa 20 điểm")
	value    int           // the column that answers the row, -1 for none
	unitRows bool          // the rows are units (rankings, summaries)
	// positional is set for a table without a header whose columns are
	// taken in the usual order.
	positional bool
}

func (h header) find(c Column) int {
	for i, x := range h.cols {
		if x == c {
			return i
		}
	}
	return -1
}

// classifyRow classifies the cells of one row; n counts the cells that
// named a column this package uses.
func classifyRow(row []string) (cols []Column, n int) {
	cols = make([]Column, len(row))
	seen := map[Column]bool{}
	for i, cell := range row {
		c, _ := ClassifyHeader(cell)
		cols[i] = c
		if c != ColUnknown && c != ColOther && !seen[c] {
			seen[c] = true
			n++
		}
	}
	return cols, n
}

// isHeaderRow reports whether cols (from classifyRow) make a table header:
// at least two known columns, one of them the label. A statistics grid
// (STT | Đơn vị | Tổng số | …) has no label column and is not an indicator
// table.
func isHeaderRow(cols []Column, n int) bool {
	if n < 2 {
		return false
	}
	for _, c := range cols {
		if c == ColLabel {
			return true
		}
	}
	return false
}

// findHeader looks for the header in the first rows of a grid. A header
// may take two rows: the second then refines columns the first left
// unclassified or spanned (a "Số liệu" cell over "Năm 2022 | Năm 2023").
func findHeader(grid [][]string) (header, int, bool) {
	for r := 0; r < len(grid) && r < 3; r++ {
		if _, numbered := ParseSTT(first(grid[r])); numbered {
			continue // a data row
		}
		cols, n := classifyRow(grid[r])
		if !isHeaderRow(cols, n) {
			continue
		}
		h := header{cols: cols, rows: 1}
		if cols[0] == ColRank && !slices.Contains(cols, ColSTT) {
			// A ranking numbers its rows by rank ("Thứ hạng" 1, 2, 3):
			// with no STT column, the rank is the row's number.
			h.cols = slices.Clone(cols)
			h.cols[0] = ColSTT
		}
		if r+1 < len(grid) {
			next := grid[r+1]
			if _, ok := ParseSTT(first(next)); !ok && !hasLongCell(next) && !sameRow(next, grid[r]) {
				sub, subN := classifyRow(next)
				h.rows = 2
				if subN >= 2 && stacked(cols, sub) && !spanned(grid[r]) {
					h.second = sub
				} else {
					h.cols = mergeHeader(cols, sub, grid[r], next)
				}
			}
		}
		return h, r, true
	}
	return header{}, 0, false
}

// stacked reports whether a two-row header names different known columns
// at one position: the records of the table then take two rows each.
func stacked(top, sub []Column) bool {
	for i := range min(len(top), len(sub)) {
		known := func(c Column) bool { return c != ColUnknown && c != ColOther }
		if known(top[i]) && known(sub[i]) && top[i] != sub[i] {
			return true
		}
	}
	return false
}

// mergeHeader combines a two-row header: where the upper cell spans
// several columns ("Số liệu" over "Năm 2022 | Năm 2023") the lower cells
// say which is which; the latest year is the value reported, the others
// are left unknown.
func mergeHeader(top, sub []Column, topText, subText []string) []Column {
	cols := append([]Column(nil), top...)
	for i := range cols {
		if i < len(sub) && sub[i] != ColUnknown && sub[i] != ColOther && (cols[i] == ColUnknown || cols[i] == ColOther) {
			cols[i] = sub[i]
		}
	}
	// Columns sharing one spanned upper cell: keep the one whose sub-header
	// has the latest year (or the last one).
	for i := 0; i < len(cols); {
		j := i + 1
		// A spanned cell repeats its text in the grid; a grid read without
		// spans leaves the covered positions empty.
		for j < len(cols) && cols[i] != ColUnknown && (topText[j] == topText[i] && cols[j] == cols[i] ||
			strings.TrimSpace(topText[j]) == "" && cols[j] == ColUnknown && j < len(subText) && subText[j] != "") {
			cols[j] = cols[i]
			j++
		}
		if j-i > 1 && cols[i] != ColUnknown {
			keep, bestYear := j-1, -1
			for k := i; k < j; k++ {
				if k < len(subText) {
					if y := lastYear(subText[k]); y > bestYear {
						keep, bestYear = k, y
					}
				}
			}
			for k := i; k < j; k++ {
				if k != keep {
					cols[k] = ColUnknown
				}
			}
		}
		i = j
	}
	return cols
}

// lastYear returns the last four-digit year (19xx, 20xx) in s, or -1.
func lastYear(s string) int {
	y := -1
	for i := 0; i+4 <= len(s); i++ {
		if (i == 0 || !isDigit(s[i-1])) && (i+4 == len(s) || !isDigit(s[i+4])) && (s[i:i+2] == "19" || s[i:i+2] == "20") && isDigit(s[i+2]) && isDigit(s[i+3]) {
			y = int(s[i+2]-'0')*10 + int(s[i+3]-'0') + 100*int((s[i]-'0')*10+s[i+1]-'0')
		}
	}
	return y
}

func first(row []string) string {
	if len(row) == 0 {
		return ""
	}
	return row[0]
}

func hasLongCell(row []string) bool {
	for _, c := range row {
		if moreFields(c, 8) {
			return true
		}
	}
	return false
}

// sameRow compares rows cell by cell, ignoring the spaces around cells.
func sameRow(a, b []string) bool {
	return slices.EqualFunc(a, b, func(x, y string) bool { return strings.TrimSpace(x) == strings.TrimSpace(y) })
}

// spanned reports a header row in which one text stands over two
// neighbouring columns ("Kết quả thống kê" over "Đơn vị tính | Số liệu"):
// a two-level header, not the first row of two-row records.
func spanned(row []string) bool {
	for i := 1; i < len(row); i++ {
		if t := strings.TrimSpace(row[i]); t != "" && t == strings.TrimSpace(row[i-1]) {
			return true
		}
	}
	return false
}
