package docx

import (
	"strconv"
	"strings"

	"chiso/parse/internal/listnum"
)

// Word numbers list paragraphs itself (w:numPr), so an STT column typed
// as an automatic list holds no text in document.xml. numbering computes
// the label Word displays ("1.", "1.2.", "a)", "II.", "-" for bullets)
// from word/numbering.xml, counting paragraphs in document order.

type numPr struct {
	Ilvl  *val `xml:"ilvl"`
	NumID *val `xml:"numId"`
}

type lvlXML struct {
	Ilvl       string `xml:"ilvl,attr"`
	Start      *val   `xml:"start"`
	NumFmt     *val   `xml:"numFmt"`
	LvlText    *val   `xml:"lvlText"`
	Suff       *val   `xml:"suff"`
	LvlRestart *val   `xml:"lvlRestart"`
	IsLgl      *val   `xml:"isLgl"`
}

type numberingXML struct {
	Abstract []struct {
		ID           string   `xml:"abstractNumId,attr"`
		Lvls         []lvlXML `xml:"lvl"`
		NumStyleLink *val     `xml:"numStyleLink"`
	} `xml:"abstractNum"`
	Nums []struct {
		ID        string `xml:"numId,attr"`
		Abstract  val    `xml:"abstractNumId"`
		Overrides []struct {
			Ilvl  string  `xml:"ilvl,attr"`
			Start *val    `xml:"startOverride"`
			Lvl   *lvlXML `xml:"lvl"`
		} `xml:"lvlOverride"`
	} `xml:"num"`
}

const levels = 9 // w:ilvl is 0..8

// level is one w:lvl: how a list level counts and shows its number.
type level struct {
	start   int
	format  string // w:numFmt
	text    string // w:lvlText, "%1.%2."
	suffix  string // what follows the label: "\t", " " or ""
	restart bool   // restarts after a higher level is used (lvlRestart != 0)
	legal   bool   // w:isLgl: show every level as decimal
}

// list is a w:num: an abstract list, possibly with levels overridden.
type list struct {
	abstract string
	lvls     [levels]*level
	starts   map[int]int // w:startOverride by level
}

// counter is the running state of one abstract list. Word continues a
// list across every w:num that points at the same w:abstractNum unless
// the w:num overrides the start.
type counter struct {
	value [levels]int
	set   [levels]bool
}

type numbering struct {
	lists    map[string]*list // by w:numId
	styles   map[string]numPr // style -> numbering, basedOn resolved
	counters map[string]*counter
	used     map[string]bool // w:numId seen, so its start overrides apply once
}

func newNumbering(nx *numberingXML, styles *styleSheet) *numbering {
	n := &numbering{
		lists:    make(map[string]*list),
		styles:   styles.numPr,
		counters: make(map[string]*counter),
		used:     make(map[string]bool),
	}
	abstract := make(map[string][levels]*level)
	links := make(map[string]string) // abstractNum -> numbering style it takes its levels from
	for _, a := range nx.Abstract {
		var lv [levels]*level
		for _, x := range a.Lvls {
			if i, err := strconv.Atoi(x.Ilvl); err == nil && i >= 0 && i < levels {
				lv[i] = parseLevel(x)
			}
		}
		abstract[a.ID] = lv
		if a.NumStyleLink != nil {
			links[a.ID] = a.NumStyleLink.Val
		}
	}
	absOf := make(map[string]string)
	for _, x := range nx.Nums {
		absOf[x.ID] = x.Abstract.Val
	}
	for _, x := range nx.Nums {
		abs := x.Abstract.Val
		// A list defined by a numbering style (numStyleLink) takes its
		// levels from the abstract list that style's w:num points at.
		if style, ok := links[abs]; ok {
			if np, ok := n.styles[style]; ok && np.NumID != nil {
				if a2, ok := absOf[np.NumID.Val]; ok && a2 != abs {
					abs = a2
				}
			}
		}
		l := &list{abstract: abs, lvls: abstract[abs], starts: make(map[int]int)}
		for _, o := range x.Overrides {
			i, err := strconv.Atoi(o.Ilvl)
			if err != nil || i < 0 || i >= levels {
				continue
			}
			if o.Lvl != nil {
				l.lvls[i] = parseLevel(*o.Lvl)
			}
			if o.Start != nil {
				if s, err := strconv.Atoi(o.Start.Val); err == nil {
					l.starts[i] = s
				}
			}
		}
		n.lists[x.ID] = l
	}
	return n
}

func parseLevel(x lvlXML) *level {
	l := &level{start: 1, format: "decimal", suffix: "\t", restart: true}
	if x.Start != nil {
		if s, err := strconv.Atoi(x.Start.Val); err == nil {
			l.start = s
		}
	}
	if x.NumFmt != nil {
		l.format = x.NumFmt.Val
	}
	if x.LvlText != nil {
		l.text = x.LvlText.Val
	}
	if x.Suff != nil {
		switch x.Suff.Val {
		case "space":
			l.suffix = " "
		case "nothing":
			l.suffix = ""
		}
	}
	l.restart = x.LvlRestart == nil || x.LvlRestart.Val != "0"
	l.legal = x.IsLgl.on()
	return l
}

// label advances the counters for a paragraph with the given style and
// direct numbering (either may be empty/nil) and returns the label Word
// shows before it and the separator that follows the label ("\t", " " or
// ""); "" when the paragraph is not numbered.
func (n *numbering) label(style string, direct *numPr) (label, suffix string) {
	var numID string
	ilvl := 0
	if s, ok := n.styles[style]; ok {
		numID = s.NumID.Val
		if s.Ilvl != nil {
			ilvl, _ = strconv.Atoi(s.Ilvl.Val)
		}
	}
	if direct != nil {
		if direct.NumID != nil {
			numID = direct.NumID.Val
		}
		if direct.Ilvl != nil {
			ilvl, _ = strconv.Atoi(direct.Ilvl.Val)
		}
	}
	l := n.lists[numID] // numId 0 (numbering removed) is never defined
	if l == nil {
		return "", ""
	}
	ilvl = min(max(ilvl, 0), levels-1)
	lv := l.lvls[ilvl]
	if lv == nil {
		return "", ""
	}
	c := n.counters[l.abstract]
	if c == nil {
		c = new(counter)
		n.counters[l.abstract] = c
	}
	if !n.used[numID] {
		// A w:num with a start override restarts the list where it is
		// first used.
		n.used[numID] = true
		for i := range l.starts {
			c.set[i] = false
		}
	}
	if c.set[ilvl] {
		c.value[ilvl]++
	} else {
		c.value[ilvl], c.set[ilvl] = l.start(ilvl), true
	}
	for k := ilvl + 1; k < levels; k++ {
		if l.lvls[k] == nil || l.lvls[k].restart {
			c.set[k] = false
		}
	}
	if lv.format == "bullet" {
		return "-", lv.suffix
	}
	var b strings.Builder
	for i := 0; i < len(lv.text); i++ {
		ch := lv.text[i]
		if ch != '%' || i+1 == len(lv.text) || lv.text[i+1] < '1' || lv.text[i+1] > '9' {
			b.WriteByte(ch)
			continue
		}
		k := int(lv.text[i+1] - '1')
		i++
		ref := l.lvls[k]
		if ref == nil {
			continue
		}
		v := l.start(k)
		if c.set[k] {
			v = c.value[k]
		}
		format := ref.format
		if lv.legal {
			format = "decimal"
		}
		b.WriteString(formatNumber(v, format))
	}
	if b.Len() == 0 {
		return "", ""
	}
	return b.String(), lv.suffix
}

// start is the first number of level i in this list.
func (l *list) start(i int) int {
	if s, ok := l.starts[i]; ok {
		return s
	}
	if l.lvls[i] == nil {
		return 1
	}
	return l.lvls[i].start
}

// formatNumber writes n as w:numFmt format shows it. Formats chiso's
// reports do not use fall back to decimal.
func formatNumber(n int, format string) string {
	return listnum.Format(numFmts[format], n)
}

// numFmts are the w:numFmt values with a style of their own; any other
// is decimal.
var numFmts = map[string]listnum.Style{
	"none":        listnum.None,
	"bullet":      listnum.None,
	"decimalZero": listnum.DecimalZero,
	"lowerLetter": listnum.LowerLetter,
	"upperLetter": listnum.UpperLetter,
	"lowerRoman":  listnum.LowerRoman,
	"upperRoman":  listnum.UpperRoman,
}
