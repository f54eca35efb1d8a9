package html

// text accumulates text the way a browser renders it: runs of white space
// become one space, line breaks requested by <br>, block boundaries and the
// line ends inside <pre> become one "\n", and no line starts or ends with a
// space. Its buffer is reused from cell to cell, so a cell costs one
// allocation, its string.
type text struct {
	b     []byte
	space bool // a space is due before the next visible character
	line  bool // a line break is due before the next visible character
	pre   int  // depth of <pre> elements around the text
}

// spaceAt returns the length of the white space at s[i:], 0 if none. A
// no-break space counts: Word pads empty paragraphs and cells with &nbsp;,
// which carry no text.
func spaceAt(s string, i int) int {
	switch s[i] {
	case ' ', '\t', '\n', '\r', '\f':
		return 1
	case 0xc2:
		if i+1 < len(s) && s[i+1] == 0xa0 {
			return 2
		}
	}
	return 0
}

func (t *text) add(s string) {
	for i := 0; i < len(s); {
		if n := spaceAt(s, i); n > 0 {
			if t.pre > 0 && s[i] == '\n' {
				t.breakLine()
			} else {
				t.space = len(t.b) > 0
			}
			i += n
			continue
		}
		j := i + 1
		for j < len(s) && spaceAt(s, j) == 0 {
			j++
		}
		switch {
		case t.line:
			t.b = append(t.b, '\n')
		case t.space:
			t.b = append(t.b, ' ')
		}
		t.line, t.space = false, false
		t.b = append(t.b, s[i:j]...)
		i = j
	}
}

// breakLine asks for a line break before further text.
func (t *text) breakLine() {
	if len(t.b) > 0 {
		t.line = true
	}
}

func (t *text) empty() bool { return len(t.b) == 0 }

// take returns the text so far and empties t.
func (t *text) take() string {
	s := string(t.b)
	t.b = t.b[:0]
	t.space, t.line = false, false
	return s
}
