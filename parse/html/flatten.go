package html

import (
	"bytes"

	nethtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// golang.org/x/net/html refuses a page whose elements nest more than 512
// deep, and sloppy pages get there: a CMS that never closes its <span> or
// <div> tags nests every paragraph in the one before. Such a page is read
// again after flatten drops the start tags (and their end tags) that would
// nest beyond these depths, keeping all the text.
const (
	flatDepth  = 200 // deeper than this, only table structure is kept
	flatTables = 300 // deeper than this, nothing is
)

// tooDeep reports the parser's refusal of a deeply nested page.
func tooDeep(err error) bool {
	return err != nil && bytes.Contains([]byte(err.Error()), []byte("open stack of elements exceeds"))
}

// flatten returns page with the start tags that would open elements beyond
// flatDepth (flatTables for table structure) removed, together with the end
// tags that would have closed them. The depth is counted over the tags as
// written, which overestimates what the parser builds (it closes <p> and
// <li> by itself), so flatten only ever runs on pages the parser refused.
func flatten(page []byte) []byte {
	out := make([]byte, 0, len(page))
	var open []string           // elements opened, innermost last
	dropped := map[string]int{} // start tags dropped, by name, awaiting their end tags
	z := nethtml.NewTokenizer(bytes.NewReader(page))
	for {
		tt := z.Next()
		if tt == nethtml.ErrorToken {
			return out
		}
		raw := z.Raw()
		switch tt {
		case nethtml.StartTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if void(a) {
				break
			}
			limit := flatDepth
			if tableTag(a) {
				limit = flatTables
			}
			if len(open) >= limit {
				dropped[string(name)]++
				continue
			}
			open = append(open, string(name))
		case nethtml.EndTagToken:
			name, _ := z.TagName()
			i := len(open) - 1
			for i >= 0 && open[i] != string(name) {
				i--
			}
			if i < 0 {
				if dropped[string(name)] > 0 {
					dropped[string(name)]--
					continue
				}
				break
			}
			open = open[:i]
		}
		out = append(out, raw...)
	}
}

func void(a atom.Atom) bool {
	switch a {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img, atom.Input,
		atom.Link, atom.Meta, atom.Source, atom.Track, atom.Wbr:
		return true
	}
	return false
}

func tableTag(a atom.Atom) bool {
	switch a {
	case atom.Table, atom.Caption, atom.Thead, atom.Tbody, atom.Tfoot, atom.Tr, atom.Td, atom.Th:
		return true
	}
	return false
}
