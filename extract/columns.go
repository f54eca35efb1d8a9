package extract

import (
	"chiso/report"
	"log/slog"
	"strconv"
	"strings"

	"chiso/vntext"
)

// roleOf is the contract role of a classified column.
func roleOf(c Column) report.Role {
	switch c {
	case ColValue:
		return report.RoleValue
	case ColMeasure:
		return report.RoleMeasure
	case ColMax:
		return report.RoleMax
	case ColSelf:
		return report.RoleSelf
	case ColAppraised:
		return report.RoleAppraised
	case ColRank:
		return report.RoleRank
	case ColGrade:
		return report.RoleGrade
	case ColEvidence:
		return report.RoleEvidence
	case ColResponsible:
		return report.RoleResponsible
	case ColTarget:
		return report.RoleTarget
	}
	return report.RoleOther
}

// colProfile is the shape of a column's body: how many of its cells are
// STT tokens, typed values, long text, and how varied they are.
type colProfile struct {
	filled int // non-empty cells of its own (not copies of a merged cell)
	stt    int // STT tokens other than bullets
	typed  int // numbers, percentages, fractions, yes/no, statuses
	long   int // more than eight words
	runes  int
}

// textual reports a column of words: filled, mostly neither values nor
// STT tokens.
func (p colProfile) textual() bool {
	return p.filled > 0 && 2*p.typed < p.filled && 2*p.stt < p.filled
}

// valued reports a column of values: at least two, and most of its cells.
func (p colProfile) valued() bool {
	return p.typed >= 2 && 2*p.typed >= p.filled
}

// profiler profiles the columns of a table's body on demand: most tables
// name their columns in words, and then only the label column's shape is
// asked for.
type profiler struct {
	tb    tableBlock
	start int
	done  []bool
	prof  []colProfile
}

func newProfiler(tb tableBlock, start int) *profiler {
	n := width(tb.grid)
	return &profiler{tb: tb, start: start, done: make([]bool, n), prof: make([]colProfile, n)}
}

func (pr *profiler) width() int { return len(pr.prof) }

// col returns the profile of column c.
func (pr *profiler) col(c int) colProfile {
	if pr.done[c] {
		return pr.prof[c]
	}
	pr.done[c] = true
	p := &pr.prof[c]
	for r := pr.start; r < len(pr.tb.grid); r++ {
		if c >= len(pr.tb.grid[r]) || !pr.tb.cells[r][c].Origin {
			continue
		}
		t := strings.TrimSpace(pr.tb.grid[r][c])
		if t == "" {
			continue
		}
		p.filled++
		p.runes += len(t)
		if s, ok := ParseSTT(t); ok && s.Level != LevelBullet && s.Level != LevelLetter {
			p.stt++
			if s.Level != LevelInteger {
				continue // "1.2" is an STT; "12" may be a count too
			}
		}
		if moreFields(t, 8) {
			p.long++
			continue
		}
		if typedCell(t) || numerals(t) {
			p.typed++
		}
	}
	return *p
}

// distinct counts the different texts of column c.
func (pr *profiler) distinct(c int) int {
	seen := map[string]bool{}
	for r := pr.start; r < len(pr.tb.grid); r++ {
		if c < len(pr.tb.grid[r]) && pr.tb.cells[r][c].Origin {
			if t := strings.TrimSpace(pr.tb.grid[r][c]); t != "" {
				seen[t] = true
			}
		}
	}
	return len(seen)
}

// typedCell reports whether a cell reads as a typed value.
func typedCell(t string) bool {
	v, _ := ParseValue(t, NumberContext{})
	switch v.Kind {
	case report.KindNumber, report.KindPercent, report.KindFraction, report.KindBool, report.KindStatus:
		return true
	}
	return false
}

// headerPaths returns each column's header path: the texts of the header
// rows from top to bottom, a text repeated by a merged cell once, joined
// with " / ". A row that is one text across the whole width (a title over
// the table) is left out.
func headerPaths(grid [][]string, from, to int) []string {
	n := width(grid)
	paths := make([]string, n)
	for c := range n {
		var parts []string
		for r := from; r < to && r < len(grid); r++ {
			if c >= len(grid[r]) || spansAll(grid[r]) {
				continue
			}
			t := oneLine(grid[r][c])
			if t != "" && (len(parts) == 0 || parts[len(parts)-1] != t) {
				parts = append(parts, t)
			}
		}
		paths[c] = strings.Join(parts, " / ")
	}
	return paths
}

// spansAll reports a row of two or more cells that all hold one text.
func spansAll(row []string) bool {
	if len(row) < 2 {
		return false
	}
	for _, c := range row[1:] {
		if c != row[0] {
			return false
		}
	}
	return true
}

// knownUnits are units of measure a header writes in parentheses.
var knownUnits = []string{"%", "trieu dong", "ty dong", "nghin dong", "dong", "nguoi", "ho so", "van ban",
	"luot", "thu tuc", "ngay", "gio", "phut", "diem", "don vi", "ha", "km", "m2", "tthc", "dich vu", "bai", "cuoc", "lan"}

// headerUnit is the unit of measure a header path names: "%" for "Tỷ lệ
// (%)" or "TỶ LỆ %", the words of "(triệu đồng)" as written, lower case.
func headerUnit(path string) string {
	if strings.IndexByte(path, '%') >= 0 {
		return "%"
	}
	i := strings.LastIndexByte(path, '(')
	j := strings.LastIndexByte(path, ')')
	if i < 0 || j < i {
		return ""
	}
	inner := strings.TrimSpace(path[i+1 : j])
	f := vntext.Fold(inner)
	for _, u := range knownUnits {
		if f == u {
			return strings.ToLower(inner)
		}
	}
	return ""
}

// headerMax reads a maximum written in a header: "Điểm đạt (tối đa 18
// điểm)" → 18.
func headerMax(path string) *float64 {
	f := vntext.Fold(path)
	i := strings.Index(f, "toi da ")
	if i < 0 {
		return nil
	}
	rest := f[i+len("toi da "):]
	n := numeralEnd(rest)
	if n == 0 {
		return nil
	}
	v, ok := readNumeral(rest[:n], NumberContext{Convention: CommaDecimal})
	if !ok {
		return nil
	}
	return &v.value
}

// unitNames are the folded openings of the names of administrative units.
var unitNames = []string{"so ", "ubnd", "uy ban", "phuong", "xa ", "quan ", "huyen", "thanh pho", "thi xa",
	"ban ", "van phong", "thanh tra", "dac khu", "trung tam", "cong an", "bo ", "tinh ", "chi cuc", "cuc "}

// unitLabelHeaders are the folded label headers of a table whose rows are
// units.
var unitLabelHeaders = []string{"don vi", "ten don vi", "dia phuong", "co quan", "co quan don vi", "don vi dia phuong"}

// namesUnit reports whether a label is the name of an administrative
// unit: "Sở Tư pháp", "UBND phường 1 Bảo Lộc", "Quận 3". A "Số …" label
// folds like "Sở …" and is not one.
func namesUnit(label string) bool {
	if strings.HasPrefix(label, "Số") || strings.HasPrefix(label, "SỐ") || strings.HasPrefix(label, "số") {
		return false
	}
	f := vntext.FoldPrefix(label, 12) + " "
	for _, u := range unitNames {
		if strings.HasPrefix(f, u) {
			return true
		}
	}
	return false
}

// refine completes a header from the table's body: the header paths, the
// label column where the words say nothing or say it of a column of
// numbers, value columns that the words do not name, units and maxima
// written in the headers. It reports false, with the reason, when the
// table holds no data: no column is a value by its header or its cells
// (task matrices, schedules, comment digests).
func (h *header) refine(tb tableBlock, at int) (ok bool, reason string) {
	n := width(tb.grid)
	for len(h.cols) < n {
		h.cols = append(h.cols, ColUnknown)
	}
	body := at + h.rows
	if h.rows > 0 {
		h.paths = headerPaths(tb.grid, at, body)
		h.texts = tb.grid[at:body]
	} else {
		h.paths = make([]string, n)
	}
	prof := newProfiler(tb, body)
	stt := h.find(ColSTT)
	// The label column holds the row names.
	labels := 0
	for _, c := range h.cols {
		if c == ColLabel {
			labels++
		}
	}
	label := h.find(ColLabel)
	demoted := -1 // a column named like a label that is not the label
	if labels != 1 || !prof.col(label).textual() && prof.col(label).filled > 0 {
		label = chooseLabel(h.cols, prof, stt)
		for i, c := range h.cols {
			if c == ColLabel && i != label {
				// One "Chỉ số" column of numbers is the value the
				// words misname; of two label-like columns the one
				// that is not the label describes the row.
				h.cols[i] = ColUnknown
				if labels > 1 {
					h.cols[i] = ColOther
					demoted = i
				}
			}
		}
		if label >= 0 {
			h.cols[label] = ColLabel
		}
	}
	if label < 0 {
		return false, "không có cột tên chỉ tiêu"
	}
	// Columns the words leave unknown are values when their cells are.
	hasValue := h.find(ColValue) >= 0
	h.roles = make([]report.Role, n)
	h.units = make([]string, n)
	h.maxes = make([]*float64, n)
	data := false
	for i := range n {
		c := h.cols[i]
		if i != label && i != stt && i != demoted && (c == ColUnknown || c == ColOther) && !hasValue && !h.positional && prof.col(i).valued() {
			h.cols[i] = ColValue
			c = ColValue
		}
		if i != label && i != stt && c == ColOther && lastYear(h.paths[i]) > 0 && !prof.col(i).textual() {
			h.cols[i] = ColValue
			c = ColValue
		}
		h.roles[i] = roleOf(c)
		h.units[i] = headerUnit(h.paths[i])
		h.maxes[i] = headerMax(h.paths[i])
		switch {
		case i == label || i == stt:
		case h.positional:
			data = data || prof.col(i).valued()
		case c == ColValue || c == ColMax || c == ColSelf || c == ColAppraised || c == ColTarget || c == ColRank || c == ColGrade:
			data = true
		case !data && prof.col(i).valued():
			data = true
		}
	}
	if !data {
		return false, "không có cột số liệu"
	}
	// The row's value: the value column the words name, or the rightmost
	// one the cells show, or the appraised score.
	h.value = h.find(ColValue)
	if !hasValue {
		for i := n - 1; i >= 0; i-- {
			if h.cols[i] == ColValue {
				h.value = i
				break
			}
		}
		if h.value < 0 {
			h.value = h.find(ColAppraised)
		}
	}
	// Rows that are units: the label header says so, or most labels are
	// names of units.
	lf := strings.TrimSpace(vntext.Fold(stripParens(h.paths[label])))
	for _, u := range unitLabelHeaders {
		if lf == u {
			h.unitRows = true
		}
	}
	if !h.unitRows && prof.col(label).filled >= 2 {
		// The first twenty names decide.
		units, seen := 0, 0
		for r := body; r < len(tb.grid) && seen < 20; r++ {
			if label < len(tb.grid[r]) && tb.cells[r][label].Origin {
				if t := strings.TrimSpace(tb.grid[r][label]); t != "" {
					seen++
					if namesUnit(t) {
						units++
					}
				}
			}
		}
		h.unitRows = units*10 >= seen*8
	}
	return true, ""
}

// chooseLabel picks the column that holds the row names: words, varied
// from row to row and long, left of the numbers; -1 when none does.
func chooseLabel(cols []Column, prof *profiler, stt int) int {
	firstValue := prof.width()
	for i := range prof.width() {
		if i != stt && prof.col(i).valued() {
			firstValue = i
			break
		}
	}
	best, bestScore := -1, 0.0
	for i := range prof.width() {
		switch cols[i] {
		case ColSTT, ColEvidence, ColResponsible, ColMeasure:
			continue
		}
		p := prof.col(i)
		if i == stt || !p.textual() {
			continue
		}
		score := float64(prof.distinct(i)) / float64(p.filled) * float64(p.runes) / float64(p.filled)
		if i > firstValue {
			score *= 0.3
		}
		if cols[i] == ColLabel {
			score *= 1.5
		}
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	return best
}

// structuralHeader finds the header of a table that the words do not
// recognise: the rows above the first numbered row, when the first column
// numbers the rows below it. Each column is classified from its lowest
// header cell that names one.
func structuralHeader(tb tableBlock) (header, int, bool) {
	grid := tb.grid
	if width(grid) < 2 {
		return header{}, 0, false
	}
	if _, ok := ParseSTT(grid[0][0]); ok {
		return header{}, 0, false // numbered from the first row: no header
	}
	for b := 1; b <= 3 && b < len(grid); b++ {
		if s, ok := ParseSTT(grid[b][0]); !ok || s.Level == LevelBullet || s.Level == LevelLetter {
			continue
		}
		if !numberedFirstColumn(grid[b:]) {
			return header{}, 0, false
		}
		at := 0
		for at < b && (spansAll(grid[at]) || !hasAlnum(grid[at])) {
			at++
		}
		if at == b {
			return header{}, 0, false
		}
		h := header{cols: make([]Column, width(grid)), rows: b - at}
		h.cols[0] = ColSTT
		for c := 1; c < len(h.cols); c++ {
			for r := b - 1; r >= at; r-- {
				if col, _ := ClassifyHeader(grid[r][c]); col != ColUnknown {
					h.cols[c] = col
					break
				}
			}
		}
		return h, at, true
	}
	return header{}, 0, false
}

// leftOut says in a debug line which table was left out and why.
func leftOut(tb tableBlock, reason string) {
	slog.Debug("extract: bảng không phải bảng số liệu, bỏ qua", "table", strconv.Itoa(tb.index), "page", tb.block.Page, "reason", reason)
}

// numerals reports a cell of numbers that is no single value: "1.700/
// 2.912/3.141" (supported / online / all files).
func numerals(t string) bool {
	digits := 0
	for i := 0; i < len(t); i++ {
		switch c := t[i]; {
		case isDigit(c):
			digits++
		case strings.IndexByte(" .,/%()", c) < 0:
			return false
		}
	}
	return digits > 0
}

// mayBeTyped is a quick test before ParseValue: a typed cell starts with a
// digit, a sign, or the first letter of a status or yes/no phrase (không,
// chưa, có, đang, đã, hoàn) or of tăng/giảm, or is an X mark.
func mayBeTyped(t string) bool {
	switch c := t[0]; {
	case isDigit(c), c == '+', c == '-', c == '(':
		return true
	case strings.IndexByte("kKcChHtTgGxX", c) >= 0:
		return true
	}
	return strings.HasPrefix(t, "đ") || strings.HasPrefix(t, "Đ") || strings.HasPrefix(t, "−") || strings.HasPrefix(t, "–")
}
