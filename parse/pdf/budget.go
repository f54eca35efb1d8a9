package pdf

import (
	"io"
	"sync"
	"sync/atomic"

	lpdf "github.com/ledongthuc/pdf"

	"chiso/parse/fault"
)

// The work budget of one document. ledongthuc decodes a stream while
// Interpret tokenises it and pushes every operand on a stack that grows
// until the next operator, so a content stream inflating to 512 MB of
// numbers costs gigabytes before the walker sees a single operator.
// measure therefore decodes each content, form and CMap stream once into
// io.Discard under fault.Inflated (an absolute cap per stream, the
// document's total, and the 0.01 inflate ratio) before Interpret reads
// it; a file over any of these is refused with a *fault.BudgetError.
const (
	maxStreamBytes = 8 << 20   // decoded bytes of one content, form or CMap stream
	maxDocBytes    = 256 << 20 // decoded bytes of all those streams in a document
	maxPageOps     = 4000000   // content-stream operators per page, forms included
	maxPageForms   = 10000     // form XObject invocations per page
)

// budget is shared by the workers walking one document's pages.
type budget struct {
	decoded atomic.Int64
}

// measure decodes strm (a stream, or an array of streams read as one)
// without keeping the bytes, counting its operands, and returns a *fault.BudgetError if it is
// larger than the budget allows. A stream that fails to decode is left
// for Interpret to report as damage.
func (b *budget) measure(strm lpdf.Value) error {
	if strm.Kind() == lpdf.Array {
		for i := 0; i < strm.Len() && i < 10000; i++ {
			if err := b.measure(strm.Index(i)); err != nil {
				return err
			}
		}
		return nil
	}
	if strm.Kind() != lpdf.Stream {
		return nil
	}
	n, err := decodedSize(strm)
	if err != nil {
		return err
	}
	if b != nil && b.decoded.Add(n) > maxDocBytes {
		return &fault.BudgetError{What: "bytes decoded from the content streams of one PDF", Limit: maxDocBytes}
	}
	return nil
}

// decodedSize counts the decoded bytes of one stream under the per-stream
// caps.
func decodedSize(strm lpdf.Value) (n int64, err error) {
	defer func() {
		if recover() != nil {
			n, err = 0, nil // damaged: Interpret will say so
		}
	}()
	rc := strm.Reader()
	defer rc.Close()
	c := new(operandCounter)
	buf := copyBufs.Get().(*[]byte)
	defer copyBufs.Put(buf)
	n, err = io.CopyBuffer(c, fault.Inflated(rc, strm.Key("Length").Int64(), maxStreamBytes, "one PDF stream"), *buf)
	if _, over := err.(*fault.BudgetError); over {
		return n, err
	}
	if err == nil && c.hex && !c.image {
		return n, errOpenHex
	}
	return n, nil
}

// copyBufs holds decodedSize's copy buffers: io.Copy would make one of
// 32 KB for every content, form and CMap stream of the document.
var copyBufs = sync.Pool{New: func() any { b := make([]byte, 32<<10); return &b }}

// errOpenHex is a stream that ends inside a hex string ("<0041" and no
// ">"): ledongthuc's lexer reads a newline for ever at the end of a
// stream, and a hex string skips newlines, so Interpret would never
// return.
var errOpenHex = fault.Damaged("a content stream ends inside a hex string")

// maxOperands bounds the operands Interpret may stack before an operator
// (a TJ array counts its elements): 8 MB of "1 1 1 ..." would otherwise
// stack four million values, about 400 MB.
const maxOperands = 1 << 16

// operandCounter follows the decoded bytes of a content stream closely
// enough to count operands since the last operator: strings, hex strings
// and comments are skipped whole, inline image data is not counted, and a
// token starting with a letter (other than a name) is an operator.
type operandCounter struct {
	n       int
	inTok   bool
	tok     []byte // the current token, up to 3 bytes: enough for ID and EI
	paren   int    // depth inside a (string)
	escape  bool
	hex     bool
	comment bool
	image   bool // between ID and EI
}

func (c *operandCounter) Write(p []byte) (int, error) {
	for _, b := range p {
		switch {
		case c.comment:
			c.comment = b != '\n' && b != '\r'
			continue
		case c.paren > 0:
			switch {
			case c.escape:
				c.escape = false
			case b == '\\':
				c.escape = true
			case b == '(':
				c.paren++
			case b == ')':
				c.paren--
			}
			continue
		case c.hex:
			c.hex = b != '>'
			continue
		}
		if isSpace(b) || isDelim(b) {
			c.endToken()
			switch b {
			case '(':
				c.paren = 1
				c.operand()
			case '%':
				c.comment = !c.image
			case '<':
				c.hex = true // "<<" reopens and closes at once: harmless
				c.operand()
			case '/':
				c.inTok, c.tok = true, append(c.tok[:0], b)
			case '[':
				// the array is counted by its elements
			}
			if c.n > maxOperands {
				return 0, &fault.BudgetError{What: "operands without an operator in one PDF content stream", Limit: maxOperands}
			}
			continue
		}
		if !c.inTok {
			c.inTok, c.tok = true, c.tok[:0]
		}
		if len(c.tok) < 3 {
			c.tok = append(c.tok, b)
		}
	}
	return len(p), nil
}

func (c *operandCounter) operand() {
	if !c.image {
		c.n++
	}
}

// endToken classifies the token just ended.
func (c *operandCounter) endToken() {
	if !c.inTok {
		return
	}
	c.inTok = false
	t := c.tok
	switch {
	case c.image:
		c.image = string(t) != "EI"
	case len(t) > 0 && (t[0] >= 'A' && t[0] <= 'Z' || t[0] >= 'a' && t[0] <= 'z' || t[0] == '\'' || t[0] == '"'):
		c.n = 0
		c.image = string(t) == "ID"
	default:
		c.n++
	}
}
