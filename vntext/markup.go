package vntext

import (
	"html"
	"regexp"
	"strings"
)

// Cells exported from web forms keep their HTML: "<p>- a = ...</p> <p>- b =
// ...</p>", "<i>...</i>", "&nbsp;". Only known element names with
// well-formed attributes count as tags, so that "x<80%" or "a<b và c>d" in
// ordinary text survive.
var (
	tagRE = regexp.MustCompile(`<!--[\s\S]*?-->|</?([A-Za-z][A-Za-z0-9]*(?::[A-Za-z][A-Za-z0-9]*)?)` +
		`(?:\s+[A-Za-z_:][-A-Za-z0-9_:.]*\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>=]+))*\s*/?>`)
	entityRE = regexp.MustCompile(`&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)
)

// breakTags end a line of text; other known tags are dropped.
var breakTags = map[string]bool{
	"p": true, "br": true, "div": true, "tr": true, "li": true, "hr": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"table": true, "ul": true, "ol": true, "blockquote": true, "pre": true,
}

var inlineTags = map[string]bool{
	"a": true, "b": true, "i": true, "u": true, "s": true, "em": true, "strong": true,
	"span": true, "font": true, "sup": true, "sub": true, "small": true, "big": true,
	"strike": true, "del": true, "ins": true, "mark": true, "label": true, "nobr": true,
	"wbr": true, "img": true, "center": true, "o:p": true, "td": true, "th": true,
	"tbody": true, "thead": true, "tfoot": true, "col": true, "colgroup": true,
	"caption": true, "section": true, "article": true, "header": true, "footer": true,
	"html": true, "body": true, "head": true, "title": true,
}

// decodeMarkup replaces HTML tags by line breaks or nothing and decodes
// character references.
func decodeMarkup(s string) string {
	if strings.IndexByte(s, '<') >= 0 {
		s = tagRE.ReplaceAllStringFunc(s, replaceTag)
	}
	if strings.IndexByte(s, '&') >= 0 {
		s = entityRE.ReplaceAllStringFunc(s, unescape)
	}
	return s
}

func replaceTag(t string) string {
	if strings.HasPrefix(t, "<!--") {
		return ""
	}
	name := t[1:]
	name = strings.TrimPrefix(name, "/")
	if i := strings.IndexAny(name, " \t\n\r\f/>"); i >= 0 {
		name = name[:i]
	}
	name = strings.ToLower(name)
	switch {
	case breakTags[name]:
		return "\n"
	case inlineTags[name] || strings.HasPrefix(name, "o:") || strings.HasPrefix(name, "st1:"):
		// td and th separate cells of a nested table: a space keeps words apart.
		if name == "td" || name == "th" {
			return " "
		}
		return ""
	}
	return t
}

// unescape decodes one character reference. html.UnescapeString also
// decodes the legacy prefixes of unknown names ("&notit;" -> "¬it;"); those
// are left as written.
func unescape(ref string) string {
	u := html.UnescapeString(ref)
	if len(u) > 1 && strings.HasSuffix(u, ";") {
		return ref
	}
	return u
}
