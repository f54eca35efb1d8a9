package pdf

import (
	lpdf "github.com/ledongthuc/pdf"
)

// fontCache keeps parsed fonts for one worker across pages. ledongthuc does
// not expose object numbers, so a font is keyed by its dictionary as
// written (references included): two entries are equal only when they
// point at the same widths, encoding and ToUnicode objects, so the same
// resource name on two pages of a merged file never shares an entry.
type fontCache struct {
	m map[string]*font
}

func newFontCache() *fontCache { return &fontCache{m: map[string]*font{}} }

// get returns the parsed font for a font dictionary, or nil when there is
// none or it is too damaged to read.
func (c *fontCache) get(v lpdf.Value) (f *font) {
	if v.Kind() != lpdf.Dict {
		return nil
	}
	key := v.String()
	if f, ok := c.m[key]; ok {
		return f
	}
	defer func() {
		if recover() != nil {
			f = nil
		}
		c.m[key] = f
	}()
	return loadFont(v)
}
