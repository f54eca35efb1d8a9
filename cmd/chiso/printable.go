package main

import (
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"unicode/utf8"

	"chiso/parse"
)

// printable is a file name (or any text from outside: a reason naming where
// a link points) as it may reach a terminal: control characters (C0,
// DEL, C1), the bidi embeddings, overrides and isolates (U+202A–U+202E,
// U+2066–U+2069) and bytes that are not UTF-8 written as Go quotes them
// (\x1b, \n, \u202e), so that a name cannot move the cursor, retitle the
// window or turn the rest of the line around. Everything else, accents
// and backslashes included, is kept as it is.
func printable(s string) string {
	if strings.IndexFunc(s, escaped) < 0 && utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case escaped(r):
			q := strconv.QuoteRuneToASCII(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// escaped reports whether printable escapes r.
func escaped(r rune) bool {
	return r < 0x20 || r >= 0x7f && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
}

// printableError is the text of an error for the terminal: the paths the
// error names (a reader's, the file system's, a file under a folder
// that is not read) escaped as printable escapes them, and any other control
// character but the line breaks the message itself has.
func printableError(text string, err error) string {
	var paths []string
	var pe *parse.Error
	if errors.As(err, &pe) {
		paths = append(paths, pe.Path)
	}
	var fe *fs.PathError
	if errors.As(err, &fe) {
		paths = append(paths, fe.Path)
	}
	var ue *unreadFile
	if errors.As(err, &ue) {
		paths = append(paths, ue.Path)
	}
	for _, p := range paths {
		if p != "" && printable(p) != p {
			text = strings.ReplaceAll(text, p, printable(p))
		}
	}
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = printable(l)
	}
	return strings.Join(lines, "\n")
}
