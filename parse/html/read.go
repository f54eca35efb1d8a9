package html

import (
	"bytes"
	"fmt"
	"io"

	"github.com/PuerkitoBio/goquery"

	"chiso/doc"
	"chiso/parse/fault"
)

// The budgets of one page, far above any report (a 256-page one has
// some thousands of elements and blocks; Word's HTML, some hundred
// thousand elements): a page past them is refused with ErrBudget.
const (
	maxTags   = 2 << 20 // start tags
	maxBlocks = 1 << 18 // paragraphs and tables, as the text reader's
	maxCells  = 1 << 19 // table cells: a million took 578 MB to read and lay out
)

// tags counts the start tags of a page: '<' before a letter.
func tags(b []byte) int {
	n := 0
	for i := 0; i+1 < len(b); i++ {
		if b[i] == '<' && (b[i+1]|0x20 >= 'a' && b[i+1]|0x20 <= 'z') {
			n++
		}
	}
	return n
}

// Read reads an HTML page into a document of paragraphs and tables. The
// bytes may be in any charset the page declares; see the package comment for
// how the charset is chosen.
func Read(r io.Reader) (*doc.Document, error) {
	data, err := readAll(r)
	if err != nil {
		return nil, fmt.Errorf("reading HTML: %w", err)
	}
	text, err := decode(data)
	if err != nil {
		return nil, err
	}
	if n := tags(text); n > maxTags {
		// The parsed tree takes some hundred bytes a node: 5 million
		// <p> took 643 MB before a block was read.
		return nil, &fault.BudgetError{What: "elements in one page", Limit: maxTags}
	}
	var warnings []string
	page, err := goquery.NewDocumentFromReader(bytes.NewReader(text))
	if tooDeep(err) {
		warnings = append(warnings, "elements nested too deep for the HTML parser: the innermost were flattened")
		page, err = goquery.NewDocumentFromReader(bytes.NewReader(flatten(text)))
	}
	if err != nil {
		return nil, fmt.Errorf("parsing HTML: %w", err)
	}
	var w walker
	for _, n := range page.Selection.Nodes {
		w.document(n)
	}
	if w.over != nil {
		return nil, w.over
	}
	d := &doc.Document{Source: doc.Source{Format: doc.HTML}, Blocks: w.blocks, Warnings: warnings}
	for i := range d.Blocks {
		d.Blocks[i].Index = i
	}
	unlegacy(d)
	return d, nil
}

// readAll is io.ReadAll that sizes its buffer once when r knows its length
// (bytes.Reader, strings.Reader, bytes.Buffer): on a 21 MB page the slack of
// a growing buffer is megabytes of peak memory.
func readAll(r io.Reader) ([]byte, error) {
	var buf bytes.Buffer
	if l, ok := r.(interface{ Len() int }); ok {
		buf.Grow(l.Len() + bytes.MinRead)
	}
	_, err := buf.ReadFrom(r)
	return buf.Bytes(), err
}
