package layout_test

import (
	"encoding/binary"
	"math"
	"sort"
	"strings"
	"testing"
	"unicode"

	"chiso/doc"
	"chiso/parse/pdf/layout"
)

// decodePages reads synthetic pages from fuzz bytes. Each record starts
// with an op byte: 0 starts a new page, odd makes a Text, even a Rule.
// Coordinates are one byte scaled by 3 pt (so texts and rules align often),
// or, when the op says so, a raw float64 (NaN, infinities, huge values).
func decodePages(b []byte) []layout.Page {
	alphabet := []rune("aăâbcdđeêghiklmnoôơpqrstuưvxyỷếọ0123456789-+*.,/% STT")
	pages := []layout.Page{{Number: 1, Width: 595, Height: 842}}
	next := func() byte {
		if len(b) == 0 {
			return 0
		}
		c := b[0]
		b = b[1:]
		return c
	}
	coord := func(raw bool) float64 {
		if raw && len(b) >= 8 {
			f := math.Float64frombits(binary.LittleEndian.Uint64(b))
			b = b[8:]
			return f
		}
		return 3 * float64(next())
	}
	for len(b) > 0 {
		op := next()
		p := &pages[len(pages)-1]
		raw := op&0x80 != 0
		switch {
		case op == 0:
			pages = append(pages, layout.Page{Number: len(pages) + 1, Width: 595, Height: 842})
		case op&1 == 1:
			n := int(next() % 12)
			var s strings.Builder
			for range n {
				s.WriteRune(alphabet[int(next())%len(alphabet)])
			}
			size := float64(next()%16 + 1)
			p.Texts = append(p.Texts, layout.Text{
				S: s.String(), X: coord(raw), Y: coord(raw),
				W: 0.5 * size * float64(n), Size: size, SpaceW: 0.25 * size,
			})
		default:
			x0, y0 := coord(raw), coord(raw)
			l := coord(false)
			r := layout.Rule{X0: x0, Y0: y0, X1: x0 + l, Y1: y0}
			if op&2 != 0 {
				r = layout.Rule{X0: x0, Y0: y0, X1: x0, Y1: y0 + l}
			}
			p.Rules = append(p.Rules, r)
		}
	}
	return pages
}

// runes is the sorted multiset of the non-space runes of s.
func runes(s string) string {
	r := []rune(strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s))
	sort.Slice(r, func(i, j int) bool { return r[i] < r[j] })
	return string(r)
}

// blockText is every rune of the blocks: paragraphs and each table cell once.
func blockText(bs []doc.Block) string {
	var s strings.Builder
	for _, b := range bs {
		s.WriteString(b.Text)
		if b.Table != nil {
			for _, row := range b.Table.Rows {
				for _, c := range row {
					s.WriteString(c.Text)
				}
			}
		}
	}
	return s.String()
}

// FuzzBlocks checks that Blocks never panics and, page by page (where no
// repeated header is dropped), puts every rune of the input in some block.
func FuzzBlocks(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{1, 3, 1, 2, 3, 10, 20, 10})
	// A 2x2 grid with a text in each cell, then a second page.
	grid := []byte{2, 10, 10, 40, 2, 10, 20, 40, 2, 10, 30, 40, 3, 10, 10, 20, 3, 30, 10, 20, 3, 50, 10, 20}
	for _, xy := range [][2]byte{{12, 18}, {32, 18}, {12, 28}, {32, 28}} {
		grid = append(grid, 1, 3, 5, 6, 7, 10, xy[0], xy[1])
	}
	f.Add(grid)
	f.Add(append(append(append([]byte{}, grid...), 0), grid...))
	f.Add([]byte{0x81, 2, 1, 2, 10, 0, 0, 0, 0, 0, 0xf8, 0x7f, 0, 0, 0, 0, 0, 0, 0xf0, 0x7f})
	f.Fuzz(func(t *testing.T, b []byte) {
		pages := decodePages(b)
		layout.Blocks(pages)
		for _, p := range pages {
			var in strings.Builder
			for _, x := range p.Texts {
				in.WriteString(x.S)
			}
			out := blockText(layout.Blocks([]layout.Page{p}))
			if runes(in.String()) != runes(out) {
				t.Fatalf("page %d: runes in %q, out %q", p.Number, runes(in.String()), runes(out))
			}
		}
	})
}
