// Package rtf reads Rich Text Format documents into the chiso document
// model: paragraphs, and tables from the rows Word and LibreOffice write
// (\trowd … \cellx … text \cell … \row), with merged cells (\clvmgf and
// \clvmrg down a column, \clmgf and \clmrg across) as spans.
//
// No maintained pure-Go RTF reader keeps tables, so this package tokenises
// RTF itself, following the RTF 1.9 specification for what it relies on:
// groups, control words and symbols, destinations (the font table is read;
// headers, footers, notes, pictures, field instructions, style and list
// tables and every \* destination are skipped; a field shows its result),
// \uN escapes with the \ucN count of fallback characters to skip, and
// \'xx bytes in the code page of the run's font (\fcharset) or of the
// document (\ansicpg; 1258, Vietnamese, among them). Runs in a legacy
// Vietnamese font of the font table (.VnTime: TCVN3, VNI-Times: VNI) are
// decoded with chiso/vntext. A table nested in a cell (\nestcell, \nestrow)
// is kept as lines of " | "-separated cells, as parse/docx does.
//
// Bounds: group nesting is limited, and so are a table's rows and cells
// and a cell's columns, so that a crafted file costs time linear in its
// size.
package rtf

import (
	"errors"
	"fmt"
	"strings"

	"golang.org/x/text/encoding/charmap"

	"chiso/doc"
	"chiso/vntext"
)

const (
	maxDepth = 1000
	maxCells = 2_000_000
	maxCols  = 1024
)

// Read reads an RTF document. Errors say what is wrong and where (byte
// offset), but not the file's name.
func Read(b []byte) (d *doc.Document, err error) {
	defer func() {
		if p := recover(); p != nil {
			d, err = nil, fmt.Errorf("internal error reading RTF: %v", p)
		}
	}()
	if len(b) == 0 {
		return nil, errors.New("empty file")
	}
	if !strings.HasPrefix(string(b[:min(len(b), 5)]), "{\\rtf") {
		return nil, errors.New("not an RTF document: it does not start with {\\rtf")
	}
	r := &reader{src: b, fonts: map[int]font{}, cp: charmap.Windows1252}
	r.state = state{uc: 1, font: -1}
	if err := r.run(); err != nil {
		return nil, err
	}
	r.endParagraph(false)
	r.endTable()
	d = &doc.Document{Source: doc.Source{Format: doc.RTF}, Blocks: r.blocks, Warnings: r.warnings}
	for i := range d.Blocks {
		d.Blocks[i].Index = i
	}
	return d, nil
}

// font is an entry of the font table.
type font struct {
	name    string
	charset int
	legacy  vntext.Font
}

// dest is what the text of a group is: body text, a font table entry, or
// something skipped.
type dest uint8

const (
	body dest = iota
	fontTable
	skipped
)

// state is what a group sets and its end restores.
type state struct {
	dest  dest
	uc    int // fallback characters after \uN
	font  int
	intbl bool
}

type reader struct {
	src      []byte
	pos      int
	state    state
	stack    []state
	fonts    map[int]font
	cp       *charmap.Charmap // the document's code page (\ansicpg)
	fontName strings.Builder  // name of the font table entry being read
	fontNum  int
	fontSet  int
	skip     int // fallback characters still to skip

	para    strings.Builder // text of the paragraph or cell being read
	pending []rune          // legacy-font text not yet decoded
	runFont vntext.Font

	table    *table
	row      rowDef
	cells    []cellText // cells of the row being read
	nest     []string   // cells of the nested row being read
	nestRows []string

	blocks   []doc.Block
	warnings []string
}

func (r *reader) errorf(format string, args ...any) error {
	return fmt.Errorf("byte %d: %s", r.pos, fmt.Sprintf(format, args...))
}

// run reads the whole document.
func (r *reader) run() error {
	for r.pos < len(r.src) {
		c := r.src[r.pos]
		switch c {
		case '{':
			if len(r.stack) >= maxDepth {
				return r.errorf("groups nested deeper than %d", maxDepth)
			}
			r.stack = append(r.stack, r.state)
			r.pos++
			if r.state.dest == fontTable {
				r.endFont()
			}
		case '}':
			if len(r.stack) == 0 {
				return r.errorf("a group is closed that was never opened")
			}
			wasFonts := r.state.dest == fontTable
			r.flushRun()
			r.state = r.stack[len(r.stack)-1]
			r.stack = r.stack[:len(r.stack)-1]
			r.pos++
			if wasFonts {
				r.endFont()
			}
			if len(r.stack) == 0 {
				return nil // the end of the document; anything after is ignored
			}
		case '\\':
			if err := r.control(); err != nil {
				return err
			}
		case '\r', '\n':
			r.pos++
		default:
			r.pos++
			if r.skip > 0 {
				r.skip--
				continue
			}
			r.byteChar(c)
		}
	}
	if len(r.stack) > 0 {
		r.warnings = append(r.warnings, fmt.Sprintf("the document ends inside %d open groups: it may be cut short", len(r.stack)))
	}
	return nil
}

// control reads a control word or symbol at r.pos.
func (r *reader) control() error {
	r.pos++ // the backslash
	if r.pos >= len(r.src) {
		return nil
	}
	c := r.src[r.pos]
	if !isLetter(c) {
		r.pos++
		switch c {
		case '\'':
			if r.pos+2 > len(r.src) {
				return nil
			}
			v, ok := hexByte(r.src[r.pos], r.src[r.pos+1])
			r.pos += 2
			if !ok {
				return nil
			}
			if r.skip > 0 {
				r.skip--
				return nil
			}
			r.byteChar(v)
		case '*':
			r.state.dest = skipped
		case '~':
			r.char('\u00a0')
		case '_':
			r.char('-')
		case '-':
			// optional hyphen: not shown unless the word breaks there
		case '\\', '{', '}':
			if r.skip > 0 {
				r.skip--
				return nil
			}
			r.char(rune(c))
		case '\n', '\r':
			r.paragraphMark()
		case '\t':
			r.char('\t')
		}
		return nil
	}
	start := r.pos
	for r.pos < len(r.src) && isLetter(r.src[r.pos]) && r.pos-start < 32 {
		r.pos++
	}
	word := string(r.src[start:r.pos])
	param, has := 0, false
	neg := false
	if r.pos < len(r.src) && r.src[r.pos] == '-' {
		neg = true
		r.pos++
	}
	for n := 0; r.pos < len(r.src) && r.src[r.pos] >= '0' && r.src[r.pos] <= '9'; n++ {
		if n < 10 {
			param = param*10 + int(r.src[r.pos]-'0')
		}
		has = true
		r.pos++
	}
	if neg {
		param = -param
	}
	if r.pos < len(r.src) && r.src[r.pos] == ' ' {
		r.pos++ // the delimiting space belongs to the control word
	}
	r.word(word, param, has)
	return nil
}

// skippedDest are the destinations whose text is not the document's.
var skippedDest = map[string]bool{
	"colortbl": true, "stylesheet": true, "info": true, "pict": true, "object": true,
	"header": true, "headerl": true, "headerr": true, "headerf": true,
	"footer": true, "footerl": true, "footerr": true, "footerf": true,
	"footnote": true, "annotation": true, "fldinst": true, "xe": true, "tc": true,
	"listtable": true, "listoverridetable": true, "rsidtbl": true, "generator": true,
	"themedata": true, "colorschememapping": true, "datastore": true, "latentstyles": true,
	"pgdsctbl": true, "revtbl": true, "shpinst": true, "nonshppict": true, "template": true,
	"filetbl": true, "nesttableprops": true, "nonesttables": true, "pn": true, "xmlnstbl": true,
	"mmathPr": true, "userprops": true, "docvar": true, "fchars": true, "lchars": true,
	"bkmkstart": true, "bkmkend": true, "atnid": true, "atnauthor": true, "protusertbl": true,
}

// word acts on a control word.
func (r *reader) word(w string, param int, has bool) {
	if skippedDest[w] {
		r.state.dest = skipped
		return
	}
	if r.state.dest == skipped {
		return
	}
	if r.state.dest == fontTable {
		switch w {
		case "f":
			r.fontNum = param
		case "fcharset":
			r.fontSet = param
		}
		return
	}
	switch w {
	case "fonttbl":
		r.state.dest = fontTable
		r.fontNum = -1
	case "ansicpg":
		if cp := codePage(param); cp != nil {
			r.cp = cp
		}
	case "uc":
		r.state.uc = min(max(param, 0), 10)
	case "u":
		v := rune(param)
		if v < 0 {
			v += 65536
		}
		r.unicode(v)
		r.skip = r.state.uc
	case "f":
		r.flushRun()
		r.state.font = param
	case "plain":
		r.flushRun()
		r.state.font = -1
	case "par", "sect":
		r.paragraphMark()
	case "line":
		r.char('\n')
	case "tab":
		r.char('\t')
	case "emdash":
		r.char('—')
	case "endash":
		r.char('–')
	case "bullet":
		r.char('•')
	case "lquote":
		r.char('‘')
	case "rquote":
		r.char('’')
	case "ldblquote":
		r.char('“')
	case "rdblquote":
		r.char('”')
	case "pard":
		r.state.intbl = false
	case "intbl":
		r.state.intbl = true
	case "trowd":
		r.row = rowDef{}
	case "trleft":
		r.row.left = param
	case "cellx":
		if len(r.row.cells) < maxCols {
			c := r.row.next
			c.right = param
			r.row.cells = append(r.row.cells, c)
		}
		r.row.next = cellDef{}
	case "clvmgf":
		r.row.next.vmerge = mergeStart
	case "clvmrg":
		r.row.next.vmerge = mergeContinue
	case "clmgf":
		r.row.next.hmerge = mergeStart
	case "clmrg":
		r.row.next.hmerge = mergeContinue
	case "cell":
		r.endCell()
	case "row":
		r.endRow()
	case "nestcell":
		r.flushRun()
		r.nest = append(r.nest, strings.Join(strings.Fields(r.para.String()), " "))
		r.para.Reset()
	case "nestrow":
		if strings.Join(r.nest, "") != "" {
			r.nestRows = append(r.nestRows, strings.Join(r.nest, " | "))
		}
		r.nest = nil
	}
	_ = has
}

// endFont ends the font table entry being read.
func (r *reader) endFont() {
	if r.fontNum >= 0 {
		name := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(r.fontName.String()), ";"))
		if _, dup := r.fonts[r.fontNum]; !dup && len(r.fonts) < 10000 {
			r.fonts[r.fontNum] = font{name: name, charset: r.fontSet, legacy: vntext.FontOf(name)}
		}
	}
	r.fontName.Reset()
	r.fontNum, r.fontSet = -1, 0
}

// byteChar adds a byte of text: in a legacy font the byte is the font's
// code, otherwise a character of the font's or the document's code page.
func (r *reader) byteChar(c byte) {
	switch r.state.dest {
	case skipped:
		return
	case fontTable:
		if c == ';' {
			r.fontName.WriteByte(';')
			r.endFont()
			return
		}
		if r.fontName.Len() < 200 {
			r.fontName.WriteByte(c)
		}
		return
	}
	f, ok := r.fonts[r.state.font]
	if ok && f.legacy != vntext.UnicodeFont {
		r.legacy(f.legacy, rune(c))
		return
	}
	if c < 0x80 {
		r.char(rune(c))
		return
	}
	cp := r.cp
	if ok {
		if fcp := charsetPage(f.charset); fcp != nil {
			cp = fcp
		}
	}
	r.char(cp.DecodeByte(c))
}

// unicode adds a \uN character. In a legacy font, a character that the
// Windows code page has at a byte stands for that byte.
func (r *reader) unicode(v rune) {
	if r.state.dest != body {
		return
	}
	if f, ok := r.fonts[r.state.font]; ok && f.legacy != vntext.UnicodeFont {
		if v >= 0x80 && v > 0xff {
			if b, ok := charmap.Windows1252.EncodeRune(v); ok {
				v = rune(b)
			}
		}
		r.legacy(f.legacy, v)
		return
	}
	r.char(v)
}

// legacy adds a character of a legacy-font run.
func (r *reader) legacy(f vntext.Font, c rune) {
	if r.runFont != f {
		r.flushRun()
		r.runFont = f
	}
	r.pending = append(r.pending, c)
}

// flushRun decodes the pending legacy-font run.
func (r *reader) flushRun() {
	if len(r.pending) == 0 {
		return
	}
	s := string(r.pending)
	switch r.runFont {
	case vntext.TCVN3Font:
		s = vntext.FromTCVN3(s)
	case vntext.TCVN3UpperFont:
		s = vntext.FromTCVN3Upper(s)
	case vntext.VNIFont:
		s = vntext.FromVNI(s)
	}
	r.para.WriteString(s)
	r.pending = r.pending[:0]
}

// char adds a character of body text.
func (r *reader) char(c rune) {
	if r.state.dest != body {
		return
	}
	if len(r.pending) > 0 {
		if f, ok := r.fonts[r.state.font]; ok && f.legacy != vntext.UnicodeFont && c < 0x80 {
			r.legacy(f.legacy, c)
			return
		}
		r.flushRun()
	}
	r.para.WriteRune(c)
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func hexByte(a, b byte) (byte, bool) {
	h := func(c byte) (byte, bool) {
		switch {
		case c >= '0' && c <= '9':
			return c - '0', true
		case c >= 'a' && c <= 'f':
			return c - 'a' + 10, true
		case c >= 'A' && c <= 'F':
			return c - 'A' + 10, true
		}
		return 0, false
	}
	x, ok1 := h(a)
	y, ok2 := h(b)
	return x<<4 | y, ok1 && ok2
}

// codePage returns the Windows code page n, nil for one this package does
// not decode (the multi-byte East Asian ones).
func codePage(n int) *charmap.Charmap {
	switch n {
	case 1250:
		return charmap.Windows1250
	case 1251:
		return charmap.Windows1251
	case 1252:
		return charmap.Windows1252
	case 1253:
		return charmap.Windows1253
	case 1254:
		return charmap.Windows1254
	case 1255:
		return charmap.Windows1255
	case 1256:
		return charmap.Windows1256
	case 1257:
		return charmap.Windows1257
	case 1258:
		return charmap.Windows1258
	case 874:
		return charmap.Windows874
	}
	return nil
}

// charsetPage returns the code page of a font's \fcharset, nil for the
// document's (0, ANSI) or one not decoded.
func charsetPage(charset int) *charmap.Charmap {
	switch charset {
	case 163:
		return charmap.Windows1258
	case 238:
		return charmap.Windows1250
	case 204:
		return charmap.Windows1251
	case 161:
		return charmap.Windows1253
	case 162:
		return charmap.Windows1254
	case 177:
		return charmap.Windows1255
	case 178:
		return charmap.Windows1256
	case 186:
		return charmap.Windows1257
	case 222:
		return charmap.Windows874
	}
	return nil
}
