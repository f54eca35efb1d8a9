package extract

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"chiso/doc"
	"chiso/report"
	"chiso/vntext"
)

// row is one numbered row of an indicator table, before it becomes an
// Indicator or a component of one.
type row struct {
	stt             STT
	path            []string
	label, raw      string
	evidence        string
	responsible     string
	measure         string
	maxRaw, selfRaw string
	// cells is the text of every cell of the row, by column.
	cells     []string
	loc       report.Location
	parent    int // index in table.rows, -1 at the top
	children  int
	value     report.Value
	problem   Problem
	component bool    // a, b … under a rate
	formula   string  // written in the evidence, set by extractor.table
	folded    *string // vntext.Fold(label) once asked for, see foldedLabel
}

// foldedLabel returns the folded label, folding it on first use: most
// rows only need its first words (countLabel).
func (r *row) foldedLabel() string {
	if r.folded == nil {
		f := vntext.Fold(r.label)
		r.folded = &f
	}
	return *r.folded
}

// table is one logical indicator table: a table block and the blocks that
// continue it after a page break (with or without a repeated header).
type table struct {
	head    header
	section string
	rows    []*row
	// continued maps the grid rows (block, row) that carried on a row
	// above to that row.
	continued map[[2]int]*row
	// totals are the unnumbered total rows (Tổng cộng), checked against
	// the rows they sum.
	totals []total
	// flow is set when the format records its table rows (DOCX, HTML,
	// spreadsheets…), so that a grid row is a row as the author made it;
	// in a PDF or a text layout a row may be the tail of the one above.
	flow bool
}

// flowFormat reports whether format f records table rows as rows.
func flowFormat(f doc.Format) bool {
	return f != doc.PDF && f != doc.Text && f != ""
}

// innerLabel is the label of a row whose label header spans several
// columns: the text of the rightmost cell of the row's own under that
// header. So "1 | Tổng số văn bản (over both columns)" is named by its
// one cell, and under a cell grouping rows, "Chia theo loại văn bản (over
// four rows) | Nghị quyết của HĐND tỉnh", each row by its inner cell. It
// is "" when the label header spans one column.
func (t *table) innerLabel(tb tableBlock, ri int, cells []string) string {
	h := t.head
	l := h.find(ColLabel)
	if l < 0 || l >= len(h.paths) || h.paths[l] == "" || ri >= len(tb.cells) {
		return ""
	}
	from, to := l, l
	for from > 0 && h.paths[from-1] == h.paths[l] && h.cols[from-1] != ColSTT {
		from--
	}
	for to+1 < len(h.paths) && h.paths[to+1] == h.paths[l] {
		to++
	}
	if from == to {
		return ""
	}
	for i := min(to, len(cells)-1, len(tb.cells[ri])-1); i >= from; i-- {
		if g := tb.cells[ri][i]; g.Origin && strings.TrimSpace(cells[i]) != "" {
			return strings.TrimSpace(cells[i])
		}
	}
	return ""
}

// tableBlock is a table block with what is known about it.
type tableBlock struct {
	block *doc.Block
	index int // 1-based among the document's tables
	grid  [][]string
	// cells is the expanded grid with where each merged cell starts.
	cells [][]doc.GridCell
}

// findTables groups the document's table blocks into logical indicator
// tables. A block with a recognised header starts a table, unless it
// directly follows a block of a table with the same header (a header
// repeated on every page); a block without a header that directly follows
// one continues it; a block without a header whose first column reads as
// STT numbers is a table with columns in the usual order. Everything else
// (letterheads, signature blocks, statistics grids) is left alone.
func findTables(d *doc.Document) []*table {
	var (
		tables   []*table
		cur      *table
		last     = -2 // block index of the last block added to cur
		rejected = -2 // block index of the last table left alone
		section  string
	)
	tableNo := 0
	for bi := range d.Blocks {
		b := &d.Blocks[bi]
		if b.Kind != doc.TableKind || b.Table == nil {
			if !ignorable(b.Text) {
				if s := sectionOf(b.Text); s != "" {
					section = s
				}
				cur = nil
			}
			continue
		}
		tableNo++
		tb := tableBlock{block: b, index: tableNo, cells: b.Table.Grid()}
		tb.grid = texts(tb.cells) // b.Table.Texts() would lay the grid out again
		h, at, ok := findHeader(tb.grid)
		if !ok {
			h, at, ok = structuralHeader(tb)
		}
		if ok {
			if data, reason := h.refine(tb, at); !data {
				leftOut(tb, reason)
				rejected = bi
				cur = nil
				continue
			}
		}
		adjacent := cur != nil && last == bi-1
		switch {
		case ok && adjacent && (slices.Equal(cur.head.cols, h.cols) || slices.Equal(cur.head.paths, h.paths)):
			cur.addRows(tb, at+h.rows)
		case ok:
			cur = &table{head: h, section: section, flow: flowFormat(d.Source.Format)}
			tables = append(tables, cur)
			cur.addRows(tb, at+h.rows)
		case adjacent && width(tb.grid) == len(cur.head.cols):
			cur.addRows(tb, 0)
		case rejected == bi-1:
			// The rest of a table that is not an indicator table, after a
			// page break.
			rejected = bi
			cur = nil
			continue
		case numberedFirstColumn(tb.grid):
			h := positionalHeader(width(tb.grid))
			if data, reason := h.refine(tb, 0); !data {
				leftOut(tb, reason)
				rejected = bi
				cur = nil
				continue
			}
			cur = &table{head: h, section: section, flow: flowFormat(d.Source.Format)}
			tables = append(tables, cur)
			cur.addRows(tb, 0)
		default:
			rejected = bi
			cur = nil
			continue
		}
		last = bi
	}
	return tables
}

// ignorable is a paragraph that does not break a table across a page:
// empty, or a page number.
func ignorable(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return true
	}
	for _, r := range s {
		if unicode.IsLetter(r) {
			return false
		}
	}
	return len(s) <= 8
}

// sectionOf returns the Roman (or appendix) number of a heading paragraph:
// "II. Kết quả …" → "II", "PHỤ LỤC 2" → "PL2"; "" when the paragraph is
// not a heading.
func sectionOf(p string) string {
	p = strings.TrimSpace(p)
	i := strings.IndexAny(p, ".) ")
	if i > 0 && i <= 6 && isRoman(p[:i]) && (p[i] == '.' || p[i] == ')') {
		return p[:i]
	}
	// "phu luc " and a word of up to five letters with the space after it
	// take 15 bytes: folding that much of a long paragraph decides.
	f := vntext.FoldPrefix(p, 15)
	if rest, ok := strings.CutPrefix(f, "phu luc "); ok {
		if n := strings.Fields(rest); len(n) > 0 && len(n[0]) <= 5 {
			return "PL" + strings.ToUpper(n[0])
		}
	}
	return ""
}

// texts is the text of each grid position, as doc.Table.Texts.
func texts(cells [][]doc.GridCell) [][]string {
	out := make([][]string, len(cells))
	for r, row := range cells {
		out[r] = make([]string, len(row))
		for c, cell := range row {
			out[r][c] = cell.Text
		}
	}
	return out
}

func width(grid [][]string) int {
	if len(grid) == 0 {
		return 0
	}
	return len(grid[0])
}

// numberedFirstColumn reports whether a grid with at least two columns
// starts with a numbered row and most of its non-empty rows start with an
// STT, the non-bullet ones at least twice.
func numberedFirstColumn(grid [][]string) bool {
	if width(grid) < 2 {
		return false
	}
	rows, numbered := 0, 0
	for _, r := range grid {
		if strings.TrimSpace(strings.Join(r, "")) == "" {
			continue
		}
		if _, ok := ParseSTT(r[0]); rows == 0 && !ok {
			return false // a header this package does not know: not ours
		}
		rows++
		if s, ok := ParseSTT(r[0]); ok && s.Level != LevelBullet {
			numbered++
		}
	}
	return numbered >= 2 && numbered*10 >= rows*6
}

// positionalHeader is the layout assumed for a table that has no header:
// STT, label, value, evidence.
func positionalHeader(n int) header {
	cols := make([]Column, n)
	order := []Column{ColSTT, ColLabel, ColValue, ColEvidence}
	for i := range cols {
		if i < len(order) {
			cols[i] = order[i]
		}
	}
	return header{cols: cols, positional: true, value: 2}
}

// addRows reads the rows of one block, from row start on, into t.
func (t *table) addRows(tb tableBlock, start int) {
	h := t.head
	var second []string // the record's second row in a stacked table
	var ri int
	get := func(r []string, c Column) string {
		if i := h.find(c); i >= 0 && i < len(r) {
			if copied(tb.cells, ri, i, h) {
				return ""
			}
			return strings.TrimSpace(r[i])
		}
		if i := slices.Index(h.second, c); i >= 0 && i < len(second) {
			return strings.TrimSpace(second[i])
		}
		return ""
	}
	var cells []string
	// The rows of the block are made in one slab, at most one per grid
	// row: one allocation where a 64-page report made four hundred.
	slab := make([]row, 0, max(0, len(tb.grid)-start))
	t.rows = slices.Grow(t.rows, cap(slab))
	newRow := func(s STT, label string) *row {
		slab = append(slab, row{
			cells:       t.rawCells(tb, ri, cells, "").cells,
			stt:         s,
			label:       oneLine(label),
			raw:         valueOf(h, get, cells),
			evidence:    get(cells, ColEvidence),
			responsible: oneLine(get(cells, ColResponsible)),
			measure:     get(cells, ColMeasure),
			maxRaw:      get(cells, ColMax),
			selfRaw:     get(cells, ColSelf),
			loc:         report.Location{Page: tb.block.Page, Table: tb.index, Row: ri + 1, Block: tb.block.Index},
			parent:      -1,
		})
		return &slab[len(slab)-1]
	}
	for ri = start; ri < len(tb.grid); ri++ {
		cells = tb.grid[ri]
		second = nil
		if h.second != nil && ri+1 < len(tb.grid) {
			ri++
			second = tb.grid[ri]
		}
		if !hasAlnum(cells) {
			continue // a rule drawn with dashes
		}
		if columnNumbers(cells) {
			continue // "A | B | 1 | 2 | 3" under the header
		}
		stt := get(cells, ColSTT)
		if _, numbered := ParseSTT(stt); !numbered && repeatsHeader(cells, h, tb.grid, ri) {
			continue // the header again, on a new page
		}
		label := get(cells, ColLabel)
		if in := t.innerLabel(tb, ri, cells); in != "" {
			label = in
		}
		if stt == "" {
			if f := vntext.Fold(label); f == "tong" || f == "cong" || strings.HasPrefix(f, "tong cong") || strings.HasPrefix(f, "tong so") {
				t.totals = append(t.totals, t.rawCells(tb, ri, cells, oneLine(label)))
				continue // a total row, not the rest of the row above
			}
			if t.flow && label != "" && (len(t.rows) > 0 || h.find(ColSTT) < 0) {
				// A word processor records its rows: one without a number
				// but with a label of its own is a row, not a tail.
				t.place(newRow(STT{Level: LevelNone}, label))
				continue
			}
			if t.ownRow(tb, ri, cells) {
				continue // an unnumbered row of its own (maximum, mean), not a tail
			}
			if len(t.rows) > 0 {
				if t.continued == nil {
					t.continued = map[[2]int]*row{}
				}
				t.continued[[2]int{tb.block.Index, ri + 1}] = t.rows[len(t.rows)-1]
			}
			t.continueRow(cells)
			continue
		}
		s, ok := ParseSTT(stt)
		if !ok {
			if f := vntext.Fold(stt); f == "tong" || f == "cong" || strings.HasPrefix(f, "tong cong") || strings.HasPrefix(f, "tong so") {
				t.totals = append(t.totals, t.rawCells(tb, ri, cells, oneLine(stt)))
			}
			continue // "TỔNG CỘNG" and other unnumbered rows
		}
		t.place(newRow(s, label))
	}
}

// valueOf is the row's value cell: the value column refine chose, or the
// one the header names.
func valueOf(h header, get func([]string, Column) string, cells []string) string {
	if h.value >= 0 && h.value < len(cells) && h.second == nil && h.value != h.find(ColValue) {
		return strings.TrimSpace(cells[h.value])
	}
	return get(cells, ColValue)
}

// rawCells is the text of each cell of grid row ri, empty where a merged
// cell from elsewhere covers it.
func (t *table) rawCells(tb tableBlock, ri int, cells []string, label string) total {
	out := make([]string, len(cells))
	for i, c := range cells {
		if !copied(tb.cells, ri, i, t.head) {
			out[i] = strings.TrimSpace(c)
		}
	}
	return total{label: label, cells: out, loc: report.Location{Page: tb.block.Page, Table: tb.index, Row: ri + 1, Block: tb.block.Index}}
}

// total is an unnumbered total row (Tổng cộng, Tổng số, Cộng).
type total struct {
	label string
	cells []string
	loc   report.Location
}

// ownRow reports whether a row without STT stands on its own rather than
// carrying on the row above: it writes a value in a column where the row
// above has one too ("Chỉ số cao nhất | 100,00%" under a ranking).
func (t *table) ownRow(tb tableBlock, ri int, cells []string) bool {
	if len(t.rows) == 0 {
		return false
	}
	prev := t.rows[len(t.rows)-1]
	for i, c := range cells {
		if i >= len(prev.cells) || i >= len(t.head.cols) || copied(tb.cells, ri, i, t.head) {
			continue
		}
		switch t.head.cols[i] {
		case ColSTT, ColLabel, ColEvidence, ColResponsible, ColOther, ColUnknown:
			continue
		}
		if prev.cells[i] != "" && typedCell(strings.TrimSpace(c)) {
			return true
		}
	}
	return false
}

// repeatsHeader reports whether a row is the table's header again.
func repeatsHeader(cells []string, h header, grid [][]string, ri int) bool {
	if ri > 0 && sameRow(cells, grid[0]) {
		return true
	}
	for _, hr := range h.texts {
		if ri > 0 && sameRow(cells, hr) {
			return true
		}
	}
	cols, n := classifyRow(cells)
	return isHeaderRow(cols, n) && slices.Equal(cols, h.cols)
}

// copied reports whether grid position (r, c) holds a copy of a merged
// cell that belongs elsewhere: a group title spanning the row from the
// label column ("I | CHÍNH QUYỀN SỐ"), or a cell spanning rows from a row
// above (an evidence cell over rows 1, a, b), whose breakdown must not be
// checked against each row. A value spanning the year columns of a value
// ("Đã ban hành" over 2022 and 2023) is kept.
func copied(cells [][]doc.GridCell, r, c int, h header) bool {
	if r >= len(cells) || c >= len(cells[r]) {
		return false
	}
	g := cells[r][c]
	switch {
	case g.Origin:
		return false
	case g.Row < r:
		return true
	}
	return g.Col < len(h.cols) && h.cols[g.Col] != h.cols[c] && h.cols[g.Col] != ColUnknown
}

// place links r into the hierarchy: its parent is the nearest earlier row
// of a higher level.
func (t *table) place(r *row) {
	p := len(t.rows) - 1
	for p >= 0 && t.rows[p].stt.Level >= r.stt.Level {
		p = t.rows[p].parent
	}
	r.parent = p
	if p >= 0 {
		t.rows[p].children++
		r.path = slices.Concat(t.rows[p].path, []string{r.stt.Text})
	} else {
		r.path = []string{r.stt.Text}
	}
	t.rows = append(t.rows, r)
}

// continueRow appends a row without STT to the row above: a row split by a
// page break, or the tail of a long cell.
func (t *table) continueRow(cells []string) {
	if len(t.rows) == 0 {
		return
	}
	r := t.rows[len(t.rows)-1]
	for i, c := range t.head.cols {
		if i >= len(cells) {
			break
		}
		text := strings.TrimSpace(cells[i])
		if text == "" {
			continue
		}
		if i < len(r.cells) && c != ColLabel && c != ColSTT {
			r.cells[i] = joinLines(r.cells[i], text)
		}
		switch c {
		case ColLabel:
			r.label = oneLine(r.label + " " + text)
		case ColValue:
			r.raw = joinLines(r.raw, text)
		case ColEvidence:
			r.evidence = joinLines(r.evidence, text)
		case ColResponsible:
			r.responsible = oneLine(r.responsible + " " + text)
		}
	}
}

func joinLines(a, b string) string {
	if a == "" {
		return b
	}
	return a + "\n" + b
}

// oneLine collapses line breaks and runs of spaces: labels are one line.
// Most cells are one line already and are returned as they are.
func oneLine(s string) string {
	if isOneLine(s) {
		return s
	}
	// strings.Join(strings.Fields(s), " ") without the slice of words.
	var b strings.Builder
	b.Grow(len(s))
	pending := false
	for i := 0; i < len(s); {
		c := s[i]
		space, size := c < utf8.RuneSelf && asciiSpace[c], 1
		if wideLead(c) {
			space, size = wideSpace(s[i:])
		}
		switch {
		case space:
			pending = b.Len() > 0
		default:
			if pending {
				b.WriteByte(' ')
				pending = false
			}
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// isOneLine reports whether oneLine(s) == s: no space but single ASCII
// spaces between words.
func isOneLine(s string) bool {
	prev := true // a space before s: s must not start with one
	for i := 0; i < len(s); {
		c := s[i]
		space, size := c < utf8.RuneSelf && asciiSpace[c], 1
		if wideLead(c) {
			space, size = wideSpace(s[i:])
		}
		if space && (s[i] != ' ' || prev) {
			return false
		}
		prev = space
		i += size
	}
	return !prev || s == ""
}

// moreFields reports whether s has more than n words separated by
// spaces, as len(strings.Fields(s)) > n, without splitting s: it runs on
// every cell of every table.
func moreFields(s string, n int) bool {
	count, in := 0, false
	for i := 0; i < len(s); {
		c := s[i]
		space, size := c < utf8.RuneSelf && asciiSpace[c], 1
		if wideLead(c) {
			space, size = wideSpace(s[i:])
		}
		if !space && !in {
			count++
			if count > n {
				return true
			}
		}
		in = !space
		i += size
	}
	return false
}

// The loops over every cell step over letters a byte at a time without
// decoding them: the spaces beyond ASCII start with 0xC2 (U+0085,
// U+00A0), 0xE1 (U+1680) or 0xE2 and 0xE3 (U+2000 to U+3000), so only
// runes starting with those bytes are decoded (wideSpace).

// wideLead reports whether c starts a rune that may be a space beyond
// ASCII.
func wideLead(c byte) bool { return c == 0xC2 || c >= 0xE1 && c <= 0xE3 }

// wideSpace reports whether s starts with a space as unicode.IsSpace says,
// and the length of its first rune.
func wideSpace(s string) (space bool, size int) {
	// E1 BA xx and E1 BB xx are U+1E80–U+1EFF, the Vietnamese letters
	// with a tone mark (ậ, ệ, ố …) and a fifth of a report's letters:
	// none is a space, so they are not decoded.
	if len(s) >= 3 && s[0] == 0xE1 && (s[1] == 0xBA || s[1] == 0xBB) && s[2]&0xC0 == 0x80 {
		return false, 3
	}
	r, n := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r), n
}

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

func hasAlnum(cells []string) bool {
	for _, c := range cells {
		for _, r := range c {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return true
			}
		}
	}
	return false
}

// columnNumbers reports whether a row numbers the table's columns, as
// statistical forms do under their header: every cell a capital letter
// or a number, optionally in parentheses ("A | B | 1 | 2 | 3", "(1) |
// (2) | (3)"), the numbers counting up by one, three cells at least. No
// data row is all indexes: its label is words.
func columnNumbers(cells []string) bool {
	n, last, first, empty, letters := 0, 0, 0, false, false
	for _, c := range cells {
		t := strings.TrimSpace(c)
		if t == "" {
			empty = true
			continue
		}
		if strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") {
			t = t[1 : len(t)-1]
		}
		switch {
		case t == "Đ" || len(t) == 1 && t[0] >= 'A' && t[0] <= 'Z':
			if last != 0 {
				return false // letters come first
			}
			letters = true
		default:
			// One or two digits, tested before Atoi: a row of text would
			// make it build an error for every cell.
			if len(t) > 2 || !isDigit(t[0]) || !isDigit(t[len(t)-1]) {
				return false
			}
			v, _ := strconv.Atoi(t)
			if last != 0 && v != last+1 {
				return false
			}
			if last == 0 {
				first = v
			}
			last = v
		}
		n++
	}
	// Numbers alone could be a row whose label is missing ("1 | | 2 |
	// 3"): they number the columns only when they fill the row from 1.
	return n >= 3 && (letters || !empty && first == 1)
}
