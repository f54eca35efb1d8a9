// Command gen generates chiso's golden fixtures in golden/testdata: copies
// of the seed reports, their HTML rendering of what chiso's text reader
// reads, the extra documents written in extras.go, their Markdown, and the
// versions made with LibreOffice: DOCX, PDF, ODT, RTF and Word 97 .doc from
// the HTML, and .xlsx, .xls and .ods from a workbook written with excelize
// (sheet.go). See package golden for the list.
//
// Usage, from anywhere inside the repository:
//
//	go run ./golden/gen [-seeds DIR] [-out DIR] [-office=false] [-force] [FILE.txt ...]
//
// With no FILE, it regenerates every fixture, and re-renders any other .txt
// in the output directory that already has an .html beside it. With FILEs
// (text reports in any layout chiso reads), it renders only those, writing
// FILE.html and the other formats beside each.
//
// Files are written only when their content changes, and only changed HTML
// is converted again (or all of it with -force), besides formats that are
// missing: LibreOffice stamps the time into what it writes, so
// regenerating would churn the files for nothing.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"chiso/doc"
	"chiso/parse"
	"chiso/vntext"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("gen: ")
	root, err := repoRoot()
	if err != nil {
		log.Fatal(err)
	}
	seeds := flag.String("seeds", filepath.Join(root, "..", "shared", "seeds"), "directory of the seed reports (NNN_*.txt)")
	out := flag.String("out", filepath.Join(root, "golden", "testdata"), "directory to write the fixtures to")
	soffice := flag.String("soffice", "soffice", "LibreOffice command")
	useOffice := flag.Bool("office", true, "make DOCX, PDF, ODT, RTF, DOC, XLSX, XLS and ODS with LibreOffice")
	force := flag.Bool("force", false, "convert every HTML again, changed or not")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: go run ./golden/gen [flags] [FILE.txt ...]\n")
		flag.PrintDefaults()
	}
	flag.Parse()

	g := &gen{force: *force}
	if flag.NArg() > 0 {
		for _, f := range flag.Args() {
			g.renderText(f)
		}
	} else {
		g.all(*seeds, *out)
	}
	if g.err != nil {
		log.Fatal(g.err)
	}
	if *useOffice && len(g.convert) > 0 {
		profile, err := filepath.Abs(filepath.Join(os.TempDir(), "lo-profile-golden"))
		if err != nil {
			log.Fatal(err)
		}
		log.Printf("converting %d HTML files with %s", len(g.convert), *soffice)
		if err := (office{soffice: *soffice, profile: profile}).convert(g.convert); err != nil {
			log.Fatal(err)
		}
	}
	for _, f := range g.written {
		log.Printf("wrote %s", f)
	}
}

// conversion is an HTML fixture to turn into the other formats, with the
// workbook made from the same document; all is false when the HTML did not
// change and only missing formats are made.
type conversion struct {
	html string
	book []byte
	all  bool
}

// gen collects what one run wrote and what it must convert; the first
// error stops further work.
type gen struct {
	force   bool
	written []string
	convert []conversion
	err     error
}

var seedName = regexp.MustCompile(`^(\d{3})_.*\.txt$`)

// all writes every fixture into out.
func (g *gen) all(seeds, out string) {
	entries, err := os.ReadDir(seeds)
	if err != nil {
		g.err = fmt.Errorf("reading the seeds: %w (set -seeds)", err)
		return
	}
	var names []string
	for _, e := range entries {
		if seedName.MatchString(e.Name()) {
			names = append(names, e.Name())
		}
	}
	if len(names) == 0 {
		g.err = fmt.Errorf("no seed reports (NNN_*.txt) in %s", seeds)
		return
	}
	sort.Strings(names)
	if err := os.MkdirAll(out, 0o755); err != nil {
		g.err = err
		return
	}
	texts := map[string]bool{}
	for _, name := range names {
		data, err := os.ReadFile(filepath.Join(seeds, name))
		if err != nil {
			g.err = err
			return
		}
		dst := filepath.Join(out, "seed"+seedName.FindStringSubmatch(name)[1]+".txt")
		g.write(dst, data)
		texts[dst] = true
	}
	// Text fixtures added by others and rendered once with FILE arguments
	// follow changes of the text reader too.
	others, _ := filepath.Glob(filepath.Join(out, "*.txt"))
	for _, f := range others {
		if _, err := os.Stat(strings.TrimSuffix(f, ".txt") + ".html"); err == nil {
			texts[f] = true
		}
	}
	sorted := make([]string, 0, len(texts))
	for f := range texts {
		sorted = append(sorted, f)
	}
	sort.Strings(sorted)
	for _, f := range sorted {
		g.renderText(f)
	}

	for _, x := range []struct {
		name string
		doc  *doc.Document
		head int // header rows
	}{{"pagebreak", pagebreak(), 1}, {"wrapped", wrapped(), 1}, {"merged", merged(), 2}} {
		g.html(filepath.Join(out, x.name+".html"), renderHTML(x.doc, x.name, x.head), x.doc)
	}
	g.write(filepath.Join(out, "wordsaved.htm"), renderWordHTML(merged()))

	text, err := renderText(legacyReport())
	if err != nil {
		g.err = fmt.Errorf("legacy report: %w", err)
		return
	}
	g.write(filepath.Join(out, "utf8.txt"), []byte(text))
	g.write(filepath.Join(out, "nfd.txt"), toNFD(text))
	g.write(filepath.Join(out, "utf16.txt"), toUTF16(text))
	for _, x := range []struct {
		name string
		enc  func(string) string
	}{{"tcvn3.txt", vntext.ToTCVN3}, {"vni.txt", vntext.ToVNI}} {
		b, err := legacy(text, x.enc)
		if err != nil {
			g.err = fmt.Errorf("%s: %w", x.name, err)
			return
		}
		g.write(filepath.Join(out, x.name), b)
	}
}

// renderText reads a text report with chiso's own reader and writes it
// as HTML beside it, so that the HTML, DOCX and PDF fixtures hold what the
// text reader saw.
func (g *gen) renderText(path string) {
	if g.err != nil {
		return
	}
	if filepath.Ext(path) != ".txt" {
		g.err = fmt.Errorf("%s: not a .txt file", path)
		return
	}
	d, err := parse.File(path)
	if err != nil {
		g.err = err
		return
	}
	base := strings.TrimSuffix(filepath.Base(path), ".txt")
	// The model does not say which rows are headers, so none repeat.
	g.html(strings.TrimSuffix(path, ".txt")+".html", renderHTML(d, base, 0), d)
}

// html writes an HTML fixture and its Markdown twin, and queues it for
// conversion when it changed or one of the formats made from it is
// missing; the workbook made from d is queued with it.
func (g *gen) html(path string, data []byte, d *doc.Document) {
	changed := g.write(path, data)
	stem := strings.TrimSuffix(path, filepath.Ext(path))
	g.write(stem+".md", renderMarkdown(d))
	missing := false
	for _, ext := range convertedExts {
		missing = missing || !exists(stem+ext)
	}
	if g.err != nil || !(changed || g.force || missing) {
		return
	}
	book, err := renderBook(d)
	if err != nil {
		g.err = fmt.Errorf("%s: workbook: %w", path, err)
		return
	}
	g.convert = append(g.convert, conversion{html: path, book: book, all: changed || g.force})
}

// write writes data to path unless the file already holds it, and reports
// whether it wrote.
func (g *gen) write(path string, data []byte) bool {
	if g.err != nil {
		return false
	}
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
		return false
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		g.err = err
		return false
	}
	g.written = append(g.written, path)
	return true
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// repoRoot finds the directory holding chiso's go.mod, from the working
// directory up.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if b, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil && bytes.HasPrefix(b, []byte("module chiso\n")) {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("not inside the chiso repository (no go.mod with module chiso)")
		}
		dir = parent
	}
}
