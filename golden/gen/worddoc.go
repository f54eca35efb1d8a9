package main

import (
	"os"
	"path/filepath"
	"regexp"
)

// Word keeps two tables apart only by a paragraph between them: in a Word
// 97 .doc a table is a run of table paragraphs, so tables that touch are
// one table to Word, to LibreOffice's import and to chiso's reader alike.
// Word itself never saves touching tables (it keeps a paragraph between
// them), while the HTML fixtures have some. So the .doc twin is made from
// a copy of the HTML with a paragraph holding a no-break space between
// touching tables, as Word would have saved the document; that paragraph
// is empty once cleaned, so it is no block and the twin must read like
// the HTML.

var touchingTables = regexp.MustCompile(`</table>(\s*)<table`)

// separateTables puts a paragraph between tables that touch.
func separateTables(html []byte) []byte {
	return touchingTables.ReplaceAll(html, []byte("</table>$1<p>&nbsp;</p>$1<table"))
}

// wordDoc converts each HTML file into a Word 97 .doc beside it, through a
// copy whose touching tables are separated.
func (o office) wordDoc(htmlFiles []string) error {
	return o.separated(htmlFiles, "doc:MS Word 97")
}

// separated converts each HTML file into format beside it, through a copy
// whose touching tables are separated. RTF needs it as .doc does: its
// tables too are runs of table paragraphs.
func (o office) separated(htmlFiles []string, format string) error {
	if len(htmlFiles) == 0 {
		return nil
	}
	tmp, err := os.MkdirTemp("", "chiso-doc-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	outdir := map[string]string{}
	var copies []string
	for _, f := range htmlFiles {
		b, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		name := filepath.Join(tmp, filepath.Base(f))
		if err := os.WriteFile(name, separateTables(b), 0o644); err != nil {
			return err
		}
		outdir[name] = filepath.Dir(f)
		copies = append(copies, name)
	}
	return o.runTo(copies, outdir, "--infilter=HTML (StarWriter)", "--convert-to", format)
}
