package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"chiso"
	"chiso/doc"
	"chiso/internal/contract"
	"chiso/internal/msg"
	"chiso/parse"
)

func init() {
	register(command{name: "parse", summary: "print the document model (paragraphs and tables as read)", run: runParse})
}

func runParse(e *env, args []string) int {
	fs := newFlags(e, "parse", "[--json] FILE...")
	asJSON := fs.Bool("json", false, "print JSON Lines, one object per file")
	timeout := fs.Duration("timeout", parse.DefaultTimeout, "give up on a file after this long")
	if code := parseFlags(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() == 0 {
		return usageError(e, fs, "at least one file or folder is needed")
	}
	code := exitOK
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	eachInput(e, fs.Args(), chiso.Options{Timeout: *timeout}, func(name string, res *chiso.Result, err error) bool {
		var d *doc.Document
		if err == nil {
			d = res.Document
		} else {
			code = exitUnread
			fail(e, err)
		}
		if *asJSON {
			if err := enc.Encode(contract.NewParse(name, d, err)); err != nil {
				fail(e, err)
				code = exitUnread
				return false
			}
			return true
		}
		if d != nil {
			printDocument(e.stdout, d, e.lang)
		}
		return true
	})
	return code
}

// printDocument writes the model for a person: paragraphs as text, tables
// as rows of cells separated by " | ", each block headed by its place.
func printDocument(w io.Writer, d *doc.Document, lang string) {
	p := msg.Printer(lang)
	p.Fprintf(w, "== %s (%s, %d blocks", printable(d.Source.Path), d.Source.Format, len(d.Blocks))
	if d.Source.Pages > 0 {
		p.Fprintf(w, ", %d pages", d.Source.Pages)
	}
	fmt.Fprintln(w, ")")
	for _, warn := range d.Warnings {
		fmt.Fprintf(w, "!! %s\n", warn)
	}
	for _, b := range d.Blocks {
		where := fmt.Sprintf("#%d", b.Index)
		if b.Page > 0 {
			where = fmt.Sprintf("#%d p.%d", b.Index, b.Page)
		}
		if b.Kind != doc.TableKind {
			fmt.Fprintf(w, "%s  %s\n", where, strings.ReplaceAll(b.Text, "\n", "\n    "))
			continue
		}
		p.Fprintf(w, "%s  table, %d rows\n", where, len(b.Table.Rows))
		for _, row := range b.Table.Rows {
			cells := make([]string, len(row))
			for i, c := range row {
				cells[i] = strings.ReplaceAll(c.Text, "\n", " ⏎ ")
			}
			fmt.Fprintf(w, "    | %s |\n", strings.Join(cells, " | "))
		}
	}
	fmt.Fprintln(w)
}
