package msdoc

import (
	"fmt"
	"slices"
	"sort"
)

// run is a stretch of the WordDocument stream [fc, fcEnd) that shares one
// set of properties: a Chpx's or a PapxInFkp's sprms, from a formatted
// disk page (FKP).
type run struct {
	fc, fcEnd int
	istd      int    // paragraph style (PAPX only)
	grpprl    []byte // sprms, a slice of the page
}

// runs is a sorted list of runs.
type runs []run

// find returns the run holding byte fc, or nil.
func (rs runs) find(fc int) *run {
	i := sort.Search(len(rs), func(i int) bool { return rs[i].fcEnd > fc })
	if i < len(rs) && rs[i].fc <= fc {
		return &rs[i]
	}
	return nil
}

const pageSize = 512

// chpxRuns reads the character properties: the PlcBteChpx and its pages.
func (f *file) chpxRuns() (runs, error) {
	return f.binTable(iPlcfBteChpx, "PlcBteChpx", false)
}

// papxRuns reads the paragraph properties: the PlcBtePapx and its pages.
func (f *file) papxRuns() (runs, error) {
	return f.binTable(iPlcfBtePapx, "PlcBtePapx", true)
}

// binTable reads a bin table (PlcBteChpx or PlcBtePapx), whose entries
// name the FKP pages of WordDocument, and returns the runs of all pages.
// A page named twice is read once, so the runs are bounded by the stream.
func (f *file) binTable(i int, name string, para bool) (runs, error) {
	plc, err := f.tableSlice(i, name)
	if err != nil || plc == nil {
		return nil, err
	}
	if len(plc) < 4 || (len(plc)-4)%8 != 0 {
		return nil, fmt.Errorf("%s of %d bytes is not a bin table", name, len(plc))
	}
	n := (len(plc) - 4) / 8
	seen := make(map[int]bool, n)
	var out runs
	for k := range n {
		pn := int(le32(plc, 4*(n+1)+4*k) & 0x3FFFFF)
		if seen[pn] {
			continue
		}
		seen[pn] = true
		off := pn * pageSize
		if off+pageSize > len(f.word) {
			return nil, fmt.Errorf("%s: page %d lies outside the WordDocument stream of %d bytes", name, pn, len(f.word))
		}
		page := f.word[off : off+pageSize]
		if para {
			out = papxPage(out, page)
		} else {
			out = chpxPage(out, page)
		}
	}
	slices.SortStableFunc(out, func(a, b run) int { return a.fc - b.fc })
	return out, nil
}

// chpxPage appends the runs of a ChpxFkp: crun in the last byte, crun+1
// offsets (rgfc), then one byte per run giving the word offset of its
// Chpx (cb, then cb bytes of sprms), 0 for default properties.
func chpxPage(out runs, page []byte) runs {
	crun := int(page[pageSize-1])
	if 4*(crun+1)+crun > pageSize-1 {
		return out
	}
	for i := range crun {
		r := run{fc: int(le32(page, 4*i)), fcEnd: int(le32(page, 4*i+4))}
		if off := 2 * int(page[4*(crun+1)+i]); off > 0 {
			cb := int(page[off])
			if off+1+cb <= pageSize-1 {
				r.grpprl = page[off+1 : off+1+cb]
			}
		}
		if r.fcEnd > r.fc {
			out = append(out, r)
		}
	}
	return out
}

// papxPage appends the runs of a PapxFkp: crun in the last byte, crun+1
// offsets, then a 13-byte BxPap per run whose first byte is the word
// offset of its PapxInFkp: cb, and when cb is 0 a second count; then a
// GrpPrlAndIstd (istd, sprms) of 2cb-1 or 2cb' bytes.
func papxPage(out runs, page []byte) runs {
	crun := int(page[pageSize-1])
	if 4*(crun+1)+13*crun > pageSize-1 {
		return out
	}
	for i := range crun {
		r := run{fc: int(le32(page, 4*i)), fcEnd: int(le32(page, 4*i+4))}
		if off := 2 * int(page[4*(crun+1)+13*i]); off > 0 {
			start, size := off+1, 2*int(page[off])-1
			if page[off] == 0 {
				start, size = off+2, 2*int(page[min(off+1, pageSize-1)])
			}
			if size >= 2 && start+size <= pageSize-1 {
				r.istd = int(le16(page, start))
				r.grpprl = page[start+2 : start+size]
			}
		}
		if r.fcEnd > r.fc {
			out = append(out, r)
		}
	}
	return out
}
