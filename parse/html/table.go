package html

import (
	nethtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"chiso/doc"
)

// Span limits browsers apply (HTML Living Standard, "table processing
// model").
const (
	maxColSpan = 1000
	maxRowSpan = 65534
)

// row is a <tr> with the end (exclusive) of its row group: a rowspan never
// reaches past its <thead>, <tbody> or <tfoot>.
type row struct {
	tr       *nethtml.Node
	groupEnd int
}

// tableRows returns a table's caption text and its rows of cells in layout
// order: the first <thead>, then the bodies and loose rows in source order,
// then the first <tfoot>.
func tableRows(table *nethtml.Node, text *cellText) (caption string, cells [][]doc.Cell) {
	var head, foot []*nethtml.Node
	var middle [][]*nethtml.Node
	loose := -1 // index in middle of the group collecting loose <tr>s
	for c := table.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != nethtml.ElementNode || hidden(c) {
			continue
		}
		switch c.DataAtom {
		case atom.Caption:
			if caption == "" {
				caption = text.of(c)
			}
		case atom.Tr:
			if loose < 0 {
				middle = append(middle, nil)
				loose = len(middle) - 1
			}
			middle[loose] = append(middle[loose], c)
			continue
		case atom.Thead, atom.Tbody, atom.Tfoot:
			trs := groupRows(c)
			switch {
			case c.DataAtom == atom.Thead && head == nil:
				head = trs
			case c.DataAtom == atom.Tfoot && foot == nil:
				foot = trs
			default:
				middle = append(middle, trs)
			}
		}
		loose = -1
	}
	var rows []row
	add := func(trs []*nethtml.Node) {
		end := len(rows) + len(trs)
		for _, tr := range trs {
			rows = append(rows, row{tr: tr, groupEnd: end})
		}
	}
	add(head)
	for _, g := range middle {
		add(g)
	}
	add(foot)
	return caption, layout(rows, text)
}

// groupRows returns the visible <tr> children of a row group.
func groupRows(g *nethtml.Node) []*nethtml.Node {
	var trs []*nethtml.Node
	for c := g.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == nethtml.ElementNode && c.DataAtom == atom.Tr && !hidden(c) {
			trs = append(trs, c)
		}
	}
	return trs
}

// layout reads the cells of rows and clamps their spans.
func layout(rows []row, text *cellText) [][]doc.Cell {
	out := make([][]doc.Cell, len(rows))
	for r, rw := range rows {
		for c := rw.tr.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != nethtml.ElementNode || (c.DataAtom != atom.Td && c.DataAtom != atom.Th) || hidden(c) {
				continue
			}
			cs, ok := span(c, "colspan")
			if !ok || cs < 1 {
				cs = 1
			}
			rs, ok := span(c, "rowspan")
			switch {
			case !ok:
				rs = 1
			case rs == 0:
				rs = rw.groupEnd - r // "0": to the end of the row group
			}
			rs = max(1, min(rs, maxRowSpan, rw.groupEnd-r))
			out[r] = append(out[r], doc.Cell{Text: text.of(c), RowSpan: rs, ColSpan: min(cs, maxColSpan)})
		}
	}
	clampWidth(out)
	return out
}

// clampWidth limits colspans to the table's width, so that one absurd span
// ("colspan=999") cannot widen every row of a grid built from the table.
//
// The width is measured first as if every cell spanned one column (w1), then
// with the real spans over the rows none of whose cells spans more than w1
// columns; the larger is the table's width. A cell wider than w1 keeps only
// the columns its row has left within that width.
func clampWidth(rows [][]doc.Cell) {
	n := len(rows)
	carried := make([]int, n+1) // columns taken by rowspans from above, as a difference array
	down := func(r int, c doc.Cell, cols int) {
		if c.RowSpan > 1 {
			carried[r+1] += cols
			carried[min(n, r+c.RowSpan)] -= cols
		}
	}
	w1, run := 0, 0
	for r, cells := range rows {
		run += carried[r]
		w1 = max(w1, run+len(cells))
		for _, c := range cells {
			down(r, c, 1)
		}
	}
	clear(carried)
	width, run := w1, 0
	for r, cells := range rows {
		run += carried[r]
		sum, wide := run, false
		for _, c := range cells {
			cols := c.ColSpan
			if cols > w1 {
				wide, cols = true, 1
			}
			sum += cols
			down(r, c, cols)
		}
		if !wide {
			width = max(width, sum)
		}
	}
	clear(carried)
	run = 0
	for r, cells := range rows {
		run += carried[r]
		left, wide := width-run, 0
		for _, c := range cells {
			if c.ColSpan > w1 {
				wide++
			} else {
				left -= c.ColSpan
			}
		}
		for i, c := range cells {
			if c.ColSpan > w1 {
				wide--
				cells[i].ColSpan = max(1, min(c.ColSpan, left-wide))
				left -= cells[i].ColSpan
			}
			down(r, cells[i], cells[i].ColSpan)
		}
	}
}

// span reads a rowspan or colspan attribute the way browsers read
// non-negative integers: leading white space, an optional "+", then as many
// digits as there are ("2px" is 2).
func span(n *nethtml.Node, key string) (int, bool) {
	for _, a := range n.Attr {
		if a.Key != key || a.Namespace != "" {
			continue
		}
		s := a.Val
		i := 0
		for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\f') {
			i++
		}
		if i < len(s) && s[i] == '+' {
			i++
		}
		v, digits := 0, 0
		for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
			if v < 1<<20 {
				v = v*10 + int(s[i]-'0')
			}
			digits++
		}
		return v, digits > 0
	}
	return 0, false
}
