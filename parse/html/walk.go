package html

import (
	"strings"

	nethtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"chiso/doc"
	"chiso/parse/fault"
)

// visitor is told about the nodes of a subtree in document order: enter is
// called on every node reached and says whether to descend into its
// children; leave is called after the children of a node entered with true.
type visitor interface {
	enter(*nethtml.Node) bool
	leave(*nethtml.Node)
}

// visit walks the subtree under root without recursion, so that a deeply
// nested page cannot exhaust the stack.
func visit(root *nethtml.Node, v visitor) {
	n := root.FirstChild
	for n != nil {
		if v.enter(n) && n.FirstChild != nil {
			n = n.FirstChild
			continue
		}
		for n != root && n.NextSibling == nil {
			n = n.Parent
			if n != root {
				v.leave(n)
			}
		}
		if n == root {
			return
		}
		n = n.NextSibling
	}
}

// skipped reports elements whose content is never shown as text.
func skipped(n *nethtml.Node) bool {
	switch n.DataAtom {
	case atom.Head, atom.Title, atom.Script, atom.Style, atom.Noscript,
		atom.Template, atom.Iframe, atom.Object, atom.Select, atom.Svg, atom.Math:
		return true
	}
	if n.Namespace != "" && n.Namespace != "html" {
		return true // <svg>, <math> content
	}
	return hidden(n)
}

// hidden reports an element styled display:none, as Word writes hidden text
// and as portals hide print-only copies.
func hidden(n *nethtml.Node) bool {
	for _, a := range n.Attr {
		if a.Key == "hidden" && a.Namespace == "" {
			return true
		}
		if a.Key != "style" {
			continue
		}
		// ToLower does not allocate for the usual all-lower-case style.
		v := strings.ToLower(a.Val)
		if strings.Contains(v, "none") && strings.Contains(strings.ReplaceAll(v, " ", ""), "display:none") {
			return true
		}
	}
	return false
}

// block reports elements that start a new line of text, as browsers lay
// them out.
func block(n *nethtml.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Li, atom.Ul, atom.Ol, atom.Dl, atom.Dt, atom.Dd, atom.Blockquote,
		atom.Pre, atom.Address, atom.Center, atom.Section, atom.Article,
		atom.Aside, atom.Header, atom.Footer, atom.Nav, atom.Main, atom.Figure,
		atom.Figcaption, atom.Form, atom.Fieldset, atom.Legend, atom.Hr,
		atom.Table, atom.Caption, atom.Thead, atom.Tbody, atom.Tfoot, atom.Tr,
		atom.Body, atom.Html, atom.Details, atom.Summary, atom.Option:
		return true
	}
	return false
}

// walker turns a page into blocks.
type walker struct {
	blocks []doc.Block
	para   text
	cell   cellText // scratch for table cells
	// over is set when the page has more than maxBlocks blocks or
	// maxCells table cells; the rest are not kept and Read refuses the
	// page with it.
	over  *fault.BudgetError
	cells int // table cells so far
}

// add appends b, within maxBlocks.
func (w *walker) add(b doc.Block) {
	if len(w.blocks) >= maxBlocks {
		w.over = &fault.BudgetError{What: "paragraphs and tables in one page", Limit: maxBlocks}
		return
	}
	w.blocks = append(w.blocks, b)
}

func (w *walker) document(root *nethtml.Node) {
	// visit covers only what lies under root, so an element root (a
	// selection narrower than the document) is entered and left here.
	if root.Type == nethtml.DocumentNode || w.enter(root) {
		visit(root, w)
		w.leave(root)
	}
	w.flush()
}

func (w *walker) enter(n *nethtml.Node) bool {
	switch n.Type {
	case nethtml.TextNode:
		w.para.add(n.Data)
		return false
	case nethtml.ElementNode:
	default:
		return n.Type == nethtml.DocumentNode
	}
	switch {
	case skipped(n):
		return false
	case n.DataAtom == atom.Table:
		w.flush()
		w.table(n)
		return false
	case n.DataAtom == atom.Br:
		w.flush()
		return false
	case block(n):
		w.flush()
		if n.DataAtom == atom.Pre {
			w.para.pre++
		}
	}
	return true
}

func (w *walker) leave(n *nethtml.Node) {
	if n.Type == nethtml.ElementNode && block(n) {
		w.flush()
		if n.DataAtom == atom.Pre {
			w.para.pre--
		}
	}
}

// flush ends the paragraph being collected, if it has any text.
func (w *walker) flush() {
	if w.para.empty() {
		return
	}
	w.add(doc.Block{Kind: doc.Paragraph, Text: w.para.take()})
}

func (w *walker) table(n *nethtml.Node) {
	caption, rows := tableRows(n, &w.cell)
	if caption != "" {
		w.add(doc.Block{Kind: doc.Paragraph, Text: caption})
	}
	for _, r := range rows {
		w.cells += len(r)
	}
	if w.cells > maxCells {
		w.over = &fault.BudgetError{What: "table cells in one page", Limit: maxCells}
		return
	}
	if len(rows) > 0 {
		w.add(doc.Block{Kind: doc.TableKind, Table: &doc.Table{Rows: rows}})
	}
	// The table's nodes are read; cutting them off lets the collector
	// reclaim them while the rest of a big page is read, which keeps the
	// peak memory near the size of the parsed tree, not tree plus output.
	n.FirstChild, n.LastChild = nil, nil
}

// cellText collects the text of a cell (or caption) with its line breaks.
// A table nested in it comes out one nested row per line, its cells
// separated by spaces.
type cellText struct{ text }

// of returns the text of the cell n.
func (t *cellText) of(n *nethtml.Node) string {
	visit(n, t)
	return t.take()
}

func (t *cellText) enter(c *nethtml.Node) bool {
	switch c.Type {
	case nethtml.TextNode:
		t.add(c.Data)
		return false
	case nethtml.ElementNode:
	default:
		return false
	}
	switch {
	case skipped(c):
		return false
	case c.DataAtom == atom.Br:
		t.breakLine()
		return false
	case c.DataAtom == atom.Td || c.DataAtom == atom.Th:
		if !t.empty() {
			t.space = true
		}
	case block(c):
		t.breakLine()
		if c.DataAtom == atom.Pre {
			t.pre++
		}
	}
	return true
}

func (t *cellText) leave(c *nethtml.Node) {
	if block(c) {
		t.breakLine()
		if c.DataAtom == atom.Pre {
			t.pre--
		}
	}
}
