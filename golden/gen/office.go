package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// office converts documents with LibreOffice, the way Vietnamese offices
// produce DOCX and PDF reports.
type office struct {
	soffice string // the soffice command
	profile string // private user profile, so that parallel runs do not clash
}

// convertedExts are the formats made from each HTML fixture with
// LibreOffice: Writer's from the HTML, PDF from the DOCX, Calc's from the
// workbook written beside the HTML.
var convertedExts = []string{".docx", ".pdf", ".odt", ".rtf", ".doc", ".xlsx", ".xls", ".ods"}

// convert turns each HTML file into DOCX, ODT, RTF and Word 97 .doc beside
// it, then each DOCX into a PDF beside it; and the workbook of each into
// .xlsx, .xls and .ods beside it. A conversion that is not marked all
// makes only the formats that are missing.
func (o office) convert(todo []conversion) error {
	if len(todo) == 0 {
		return nil
	}
	// need lists the HTML files that need ext.
	need := func(ext string) []string {
		var out []string
		for _, c := range todo {
			if c.all || !exists(strings.TrimSuffix(c.html, filepath.Ext(c.html))+ext) {
				out = append(out, c.html)
			}
		}
		return out
	}
	// Writer's HTML import keeps tables as tables; the default (Writer/Web)
	// would not write DOCX at all.
	for _, format := range []string{"docx:MS Word 2007 XML", "odt:writer8"} {
		ext := "." + strings.SplitN(format, ":", 2)[0]
		if err := o.run(need(ext), "--infilter=HTML (StarWriter)", "--convert-to", format); err != nil {
			return err
		}
	}
	if err := o.wordDoc(need(".doc")); err != nil {
		return err
	}
	if err := o.separated(need(".rtf"), "rtf:Rich Text Format"); err != nil {
		return err
	}
	var docxFiles []string
	for _, f := range need(".pdf") {
		docxFiles = append(docxFiles, strings.TrimSuffix(f, filepath.Ext(f))+".docx")
	}
	if err := o.run(docxFiles, "--convert-to", "pdf"); err != nil {
		return err
	}
	// The workbooks go through a directory of their own, named like their
	// HTML, so that LibreOffice's .xlsx does not overwrite its input.
	tmp, err := os.MkdirTemp("", "chiso-books-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	book := map[string]string{} // HTML file -> its workbook in tmp
	outdir := map[string]string{}
	for _, c := range todo {
		name := filepath.Join(tmp, strings.TrimSuffix(filepath.Base(c.html), filepath.Ext(c.html))+".xlsx")
		if err := os.WriteFile(name, c.book, 0o644); err != nil {
			return err
		}
		book[c.html], outdir[name] = name, filepath.Dir(c.html)
	}
	for _, format := range []string{"xlsx:Calc MS Excel 2007 XML", "xls:MS Excel 97", "ods:calc8"} {
		var books []string
		for _, f := range need("." + strings.SplitN(format, ":", 2)[0]) {
			books = append(books, book[f])
		}
		if err := o.runTo(books, outdir, "--convert-to", format); err != nil {
			return err
		}
	}
	return nil
}

// run converts files into their own directories.
func (o office) run(files []string, args ...string) error {
	return o.runTo(files, nil, args...)
}

// runTo converts files that share an output directory in groups, one
// soffice start per directory, and checks that every output appeared.
// A file's output goes to outdir[file], or beside it.
func (o office) runTo(files []string, outdir map[string]string, args ...string) error {
	byDir := map[string][]string{}
	var dirs []string
	for _, f := range files {
		d := filepath.Dir(f)
		if outdir[f] != "" {
			d = outdir[f]
		}
		if byDir[d] == nil {
			dirs = append(dirs, d)
		}
		byDir[d] = append(byDir[d], f)
	}
	format := args[len(args)-1]
	ext := "." + strings.SplitN(format, ":", 2)[0]
	for _, d := range dirs {
		for _, f := range byDir[d] {
			os.Remove(filepath.Join(d, strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))+ext))
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
		cmdArgs := append([]string{"--headless", "--norestore", "-env:UserInstallation=file://" + o.profile}, args...)
		cmdArgs = append(cmdArgs, "--outdir", d)
		cmdArgs = append(cmdArgs, byDir[d]...)
		cmd := exec.CommandContext(ctx, o.soffice, cmdArgs...)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		err := cmd.Run()
		cancel()
		if err != nil {
			return fmt.Errorf("%s %s: %v\n%s", o.soffice, strings.Join(cmdArgs, " "), err, out.Bytes())
		}
		for _, f := range byDir[d] {
			want := filepath.Join(d, strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))+ext)
			if _, err := os.Stat(want); err != nil {
				return fmt.Errorf("soffice did not write %s:\n%s", want, out.Bytes())
			}
		}
	}
	return nil
}
