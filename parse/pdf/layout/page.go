package layout

import "chiso/doc"

// Page is what the content-stream walker saw on one page, in page space:
// points, origin at the TOP-left corner of the page's crop/media box, Y growing DOWNWARD.
type Page struct {
	Number        int // 1-based
	Width, Height float64
	Texts         []Text
	Rules         []Rule
	Images        int // image XObjects / inline images drawn (to say "no text layer on page N")
}

// Text is a run of glyphs from one show operation (or part of one) set on one baseline
// in one font, with no gap wider than ~0.15 em between its glyphs.
// The walker splits a show operation into several Texts where glyph positions jump
// (cells set with one TJ, kerning gaps > 0.15 em), so Text boundaries are real gaps.
// Combining marks drawn as separate glyphs are already attached to their base (S is NFC).
type Text struct {
	S      string  // Unicode text, NFC
	X, Y   float64 // left end of the baseline
	W      float64 // advance width
	Size   float64 // font size in page units (em height after text matrix and CTM)
	SpaceW float64 // width of a space in this font and size (use 0.25*Size when the font has none)
	Font   string  // base font name (diagnostics)
}

// Rule is a ruling segment: a stroked line, or an edge of a stroked or filled rectangle,
// or a thin filled rectangle reduced to its centre line. Horizontal when Y0 == Y1, vertical when X0 == X1
// (the walker snaps near-axis-aligned segments; diagonal ones are dropped).
type Rule struct {
	X0, Y0, X1, Y1 float64 // X0 <= X1, Y0 <= Y1
}

// Blocks turns the pages of one document into paragraphs and tables in reading order.
// Tables continued across a page break are joined. Block.Page is the page where the block starts.
func Blocks(pages []Page) []doc.Block {
	return blocks(pages)
}
