package pdf

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"math"
	"strconv"

	"chiso/parse/fault"
	"chiso/parse/internal/pdfcheck"
)

// ledongthuc sizes its cross-reference table from numbers in the file
// before it reads any object: "xref 2147483647 5" or /Size 2147483647
// make it allocate 2^31 entries of 32 bytes, a fatal out-of-memory error
// that no recover catches, and a /W or /Columns of 2^40 makes it allocate
// that many bytes. checkStructure reads those numbers first (all of them
// sit in uncompressed dictionaries and tables) and refuses a file whose
// numbers do not fit its length, before either library sees it.

// Bounds on per-stream parameters that ledongthuc allocates from.
const (
	maxColumns = 1 << 20 // /Columns of a PNG predictor: one row buffer
	maxWidth   = 8       // each /W field of an xref stream, in bytes
)

// checkStructure refuses a file whose cross-reference numbers cannot be
// true for a file of its size. It reads the file in chunks and never holds
// more than one chunk.
func checkStructure(r io.ReaderAt, size int64) error {
	limit := pdfcheck.MaxObjects(size)
	const chunk, overlap = 1 << 20, 16
	buf := make([]byte, chunk+overlap)
	for off := int64(0); off < size; off += chunk {
		n, _ := r.ReadAt(buf[:min(int64(len(buf)), size-off)], off)
		b := buf[:n]
		for _, key := range checkedKeys {
			for i := 0; ; {
				j := bytes.Index(b[i:], []byte(key))
				if j < 0 {
					break
				}
				at := i + j
				i = at + len(key)
				if at >= chunk { // seen again in the next chunk
					break
				}
				if err := checkAt(r, size, off+int64(at), key, limit); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

var checkedKeys = []string{"xref", "/Size", "/Index", "/Columns", "/N", "/XRef"}

// checkAt checks the value that follows key at offset at.
func checkAt(r io.ReaderAt, size, at int64, key string, limit int64) error {
	if key != "xref" && key != "/XRef" {
		// A name: the key must end here (not /Sizes, /Names).
		var c [1]byte
		if n, _ := r.ReadAt(c[:], at+int64(len(key))); n == 1 && !isDelim(c[0]) && !isSpace(c[0]) {
			return nil
		}
	}
	t := newTokens(r, size, at+int64(len(key)))
	switch key {
	case "xref":
		if at >= 5 {
			var p [5]byte
			r.ReadAt(p[:], at-5)
			if string(p[:]) == "start" {
				return nil
			}
		}
		return checkXrefTable(t, limit)
	case "/Size", "/N":
		if v, ok := t.int(); ok && (v < 0 || v > limit) {
			return fault.Damaged("damaged PDF: %s %d is impossible in a file of %d bytes", key, v, size)
		}
	case "/Columns":
		if v, ok := t.int(); ok && (v < 0 || v > maxColumns) {
			return fault.Damaged("damaged PDF: /Columns %d out of range", v)
		}
	case "/Index":
		if t.next() != "[" {
			return nil
		}
		for k := 0; k < 100000; k++ {
			first, ok1 := t.int()
			n, ok2 := t.int()
			if !ok1 || !ok2 {
				return nil
			}
			if first < 0 || n < 0 || first > limit || n > limit || first+n > limit {
				return fault.Damaged("damaged PDF: xref stream /Index [%d %d] is impossible in a file of %d bytes", first, n, size)
			}
		}
	case "/XRef":
		return checkXrefStreamW(r, size, at)
	}
	return nil
}

// checkXrefTable walks the subsections of a cross-reference table:
// "first count" headers, each followed by entries "offset gen f|n".
func checkXrefTable(t *tokens, limit int64) error {
	for {
		a := t.next()
		if a == "" || a == "trailer" {
			return nil
		}
		first, err1 := strconv.ParseInt(a, 10, 64)
		count, ok := t.int()
		if err1 != nil || !ok {
			return nil // ledongthuc reports it as malformed
		}
		if first < 0 || count < 0 || first > limit || count > limit || first+count > limit {
			return fault.Damaged("damaged PDF: cross-reference subsection %d %d is impossible in a file of %d bytes", first, count, t.size)
		}
		for range count {
			t.next()
			t.next()
			if k := t.next(); k != "f" && k != "n" {
				return nil
			}
		}
	}
}

// checkXrefStreamW checks the /W array of the xref stream dictionary
// holding /XRef at at: the dictionary starts after the last "obj" before
// it and ends at "stream".
func checkXrefStreamW(r io.ReaderAt, size, at int64) error {
	from := max(0, at-4096)
	win := make([]byte, min(at+4096, size)-from)
	n, _ := r.ReadAt(win, from)
	win = win[:n]
	p := int(at - from)
	start := bytes.LastIndex(win[:p], []byte("obj"))
	if start < 0 {
		start = 0
	}
	end := bytes.Index(win[p:], []byte("stream"))
	if end < 0 {
		end = len(win)
	} else {
		end += p
	}
	dict := win[start:end]
	i := bytes.Index(dict, []byte("/W"))
	for i >= 0 {
		t := newTokens(bytes.NewReader(dict), int64(len(dict)), int64(i+2))
		if t.next() == "[" {
			for {
				v, ok := t.int()
				if !ok {
					break
				}
				if v < 0 || v > maxWidth {
					return fault.Damaged("damaged PDF: xref stream field width %d out of range", v)
				}
			}
		}
		j := bytes.Index(dict[i+2:], []byte("/W"))
		if j < 0 {
			break
		}
		i += 2 + j
	}
	return nil
}

// tokens is a minimal PDF tokenizer: enough to read integers, names,
// keywords and brackets, skipping white space and comments.
type tokens struct {
	br   *bufio.Reader
	size int64
}

func newTokens(r io.ReaderAt, size, at int64) *tokens {
	return &tokens{br: bufio.NewReaderSize(io.NewSectionReader(r, at, max(0, size-at)), 512), size: size}
}

// next returns the next token, "" at the end of the file. Tokens are
// capped at 64 bytes: only numbers and keywords matter here.
func (t *tokens) next() string {
	c, err := t.skip()
	if err != nil {
		return ""
	}
	if c == '[' || c == ']' {
		return string(c)
	}
	tok := []byte{c}
	for len(tok) < 64 {
		c, err := t.br.ReadByte()
		if err != nil {
			break
		}
		if isSpace(c) || isDelim(c) {
			t.br.UnreadByte()
			break
		}
		tok = append(tok, c)
	}
	return string(tok)
}

func (t *tokens) skip() (byte, error) {
	for {
		c, err := t.br.ReadByte()
		if err != nil {
			return 0, err
		}
		switch {
		case c == '%':
			for c != '\n' && c != '\r' {
				if c, err = t.br.ReadByte(); err != nil {
					return 0, err
				}
			}
		case !isSpace(c):
			return c, nil
		}
	}
}

// int reads an integer token; ok is false if the next token is not one.
func (t *tokens) int() (int64, bool) {
	tok := t.next()
	v, err := strconv.ParseInt(tok, 10, 64)
	if errors.Is(err, strconv.ErrRange) && tok[0] != '-' {
		return math.MaxInt64, true
	}
	if err != nil {
		return 0, false
	}
	return v, true
}

func isSpace(c byte) bool {
	switch c {
	case 0, '\t', '\n', '\f', '\r', ' ':
		return true
	}
	return false
}

func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}
