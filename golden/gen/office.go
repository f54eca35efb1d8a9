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

// convert turns each HTML file into a DOCX beside it, then each DOCX into
// a PDF beside it.
func (o office) convert(htmlFiles []string) error {
	if len(htmlFiles) == 0 {
		return nil
	}
	var docxFiles []string
	for _, f := range htmlFiles {
		docxFiles = append(docxFiles, strings.TrimSuffix(f, filepath.Ext(f))+".docx")
	}
	// Writer's HTML import keeps tables as tables; the default (Writer/Web)
	// would not write DOCX at all.
	if err := o.run(htmlFiles, "--infilter=HTML (StarWriter)", "--convert-to", "docx:MS Word 2007 XML"); err != nil {
		return err
	}
	return o.run(docxFiles, "--convert-to", "pdf")
}

// run converts files that share a directory in groups, one soffice start
// per directory, and checks that every output appeared.
func (o office) run(files []string, args ...string) error {
	byDir := map[string][]string{}
	var dirs []string
	for _, f := range files {
		d := filepath.Dir(f)
		if byDir[d] == nil {
			dirs = append(dirs, d)
		}
		byDir[d] = append(byDir[d], f)
	}
	format := args[len(args)-1]
	ext := "." + strings.SplitN(format, ":", 2)[0]
	for _, d := range dirs {
		for _, f := range byDir[d] {
			os.Remove(strings.TrimSuffix(f, filepath.Ext(f)) + ext)
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
			want := strings.TrimSuffix(f, filepath.Ext(f)) + ext
			if _, err := os.Stat(want); err != nil {
				return fmt.Errorf("soffice did not write %s:\n%s", want, out.Bytes())
			}
		}
	}
	return nil
}
