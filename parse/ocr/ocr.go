// Package ocr reads the words of a page image with Tesseract, an optional
// external program: chiso has no cgo, so the engine is run as a process
// and its TSV output (one row per word, with its box and confidence) is
// read back. The engine is found once, from CHISO_TESSERACT, SetPath (the
// command line's --tesseract) or the PATH; without it a scan is refused
// with ErrNoEngine, which says how to install it.
//
// Tesseract does what no Go library does well: recognise printed
// Vietnamese with its diacritics (its vie model). This package only runs
// it under the caller's context, bounds what it reads back, and turns its
// TSV into Words; laying the words out as lines and tables is the PDF
// layout's job (package chiso/parse/pdf feeds them to it as text runs).
package ocr

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// ErrNoEngine is the error of a scan when Tesseract cannot be found.
var ErrNoEngine = errors.New("Tesseract is not installed: install it (Debian: apt install tesseract-ocr tesseract-ocr-vie; Windows: the UB Mannheim installer) or name it with --tesseract")

// Engine is an installed Tesseract.
type Engine struct {
	Path    string
	Version string   // "5.3.0"
	Langs   []string // the language data installed: "eng", "vie", …
}

// Lang is the language argument chiso runs the engine with: Vietnamese
// with English (the reports quote English names), or what is installed.
func (e *Engine) Lang() string {
	switch {
	case slices.Contains(e.Langs, "vie") && slices.Contains(e.Langs, "eng"):
		return "vie+eng"
	case slices.Contains(e.Langs, "vie"):
		return "vie"
	}
	return "eng"
}

var (
	mu       sync.Mutex
	path     string // set by SetPath
	found    *Engine
	findErr  error
	searched bool
)

// SetPath names the Tesseract program to use (the --tesseract flag); ""
// goes back to CHISO_TESSERACT and the PATH.
func SetPath(p string) {
	mu.Lock()
	defer mu.Unlock()
	path, searched, found, findErr = p, false, nil, nil
}

// Find returns the engine, looking for it (and asking it its version and
// languages) once.
func Find() (*Engine, error) {
	mu.Lock()
	defer mu.Unlock()
	if searched {
		return found, findErr
	}
	searched = true
	p := path
	if p == "" {
		p = os.Getenv("CHISO_TESSERACT")
	}
	if p == "" {
		p = "tesseract"
	}
	exe, err := exec.LookPath(p)
	if err != nil {
		findErr = ErrNoEngine
		return nil, findErr
	}
	e := &Engine{Path: exe}
	out, err := exec.Command(exe, "--version").CombinedOutput()
	if err != nil {
		findErr = fmt.Errorf("%w (%s --version: %v)", ErrNoEngine, exe, err)
		return nil, findErr
	}
	if f := strings.Fields(string(out)); len(f) >= 2 && f[0] == "tesseract" {
		e.Version = strings.TrimPrefix(f[1], "v")
	}
	out, _ = exec.Command(exe, "--list-langs").CombinedOutput()
	for _, line := range strings.Split(string(out), "\n")[1:] {
		if l := strings.TrimSpace(line); l != "" && !strings.Contains(l, " ") {
			e.Langs = append(e.Langs, l)
		}
	}
	found = e
	return e, nil
}

// Word is one word the engine read, in the image's pixels.
type Word struct {
	Text                     string
	Left, Top, Width, Height int
	// Conf is the engine's confidence, 0–1.
	Conf float64
	// Block, Par and Line number the word's block, paragraph and line as
	// the engine grouped them; LineTop and LineBottom are its line's
	// box, which gives the words of one line a common baseline.
	Block, Par, Line    int
	LineTop, LineBottom int
}

// Page is what the engine read on one image.
type Page struct {
	Width, Height int // the image's pixels
	Words         []Word
}

// maxOutput bounds what is read back from the engine: a page's TSV is
// some tens of kilobytes.
const maxOutput = 16 << 20

// running bounds the engine's processes at once to the processors, so
// that the pages of a scan, and the scans of an ingest's workers, share
// the machine rather than each taking all of it.
var running = make(chan struct{}, runtime.GOMAXPROCS(0))

// Read runs the engine on one image (PNG, JPEG, TIFF, as bytes) at dpi
// dots per inch (0: as the image says), finding the page's layout itself.
// Each process is held to one thread (OMP_THREAD_LIMIT): pages run side
// by side instead, which keeps every processor busy without Tesseract's
// threads fighting each other.
func (e *Engine) Read(ctx context.Context, img []byte, dpi int) (*Page, error) {
	return e.read(ctx, img, dpi, "")
}

// ReadBlock is Read for an image that is one block of lines in reading
// order (Tesseract's page segmentation mode 6), such as the cells of a
// table cut out and stacked one under the other, or a page whose table
// is printed without borders: the engine then reads every line it is
// given across the whole image, a lone "I" or "4" in an STT cell and a
// column of short numbers included, instead of taking them for specks
// beside the text, or a narrow column of them for vertical text.
func (e *Engine) ReadBlock(ctx context.Context, img []byte, dpi int) (*Page, error) {
	return e.read(ctx, img, dpi, "6")
}

func (e *Engine) read(ctx context.Context, img []byte, dpi int, psm string) (*Page, error) {
	select {
	case running <- struct{}{}:
		defer func() { <-running }()
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	args := []string{"stdin", "stdout", "-l", e.Lang()}
	if dpi > 0 {
		args = append(args, "--dpi", strconv.Itoa(dpi))
	}
	if psm != "" {
		args = append(args, "--psm", psm)
	}
	args = append(args, "tsv")
	cmd := exec.CommandContext(ctx, e.Path, args...)
	cmd.Stdin = bytes.NewReader(img)
	cmd.Env = append(os.Environ(), "OMP_THREAD_LIMIT=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("running %s: %w", e.Path, err)
	}
	p, perr := ReadTSV(io.LimitReader(out, maxOutput))
	io.Copy(io.Discard, out)
	if err := cmd.Wait(); err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("tesseract failed: %v: %s", err, firstLine(stderr.String()))
	}
	return p, perr
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return s
}

// ReadTSV reads Tesseract's TSV: a header line, then one row per page,
// block, paragraph, line and word (levels 1 to 5) with their boxes; words
// carry their confidence (0–100) and text.
func ReadTSV(r io.Reader) (*Page, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	p := &Page{}
	type lineKey struct{ block, par, line int }
	lines := map[lineKey][2]int{}
	row := 0
	for sc.Scan() {
		row++
		f := strings.Split(sc.Text(), "\t")
		if row == 1 {
			if len(f) < 12 || f[0] != "level" {
				return nil, errors.New("tesseract: not TSV output")
			}
			continue
		}
		if len(f) < 11 {
			continue
		}
		n := make([]int, 10)
		for i := range n {
			n[i], _ = strconv.Atoi(f[i])
		}
		level, block, par, line, left, top, width, height := n[0], n[2], n[3], n[4], n[6], n[7], n[8], n[9]
		switch level {
		case 1:
			p.Width, p.Height = width, height
		case 4:
			lines[lineKey{block, par, line}] = [2]int{top, top + height}
		case 5:
			text := ""
			if len(f) > 11 {
				// The engine writes UTF-8; bytes that are not (a
				// damaged or foreign output) are dropped.
				text = strings.TrimSpace(strings.ToValidUTF8(f[11], ""))
			}
			if text == "" {
				continue
			}
			conf, _ := strconv.ParseFloat(f[10], 64)
			p.Words = append(p.Words, Word{Text: text, Left: left, Top: top, Width: width, Height: height,
				Conf: max(conf, 0) / 100, Block: block, Par: par, Line: line})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("tesseract output: %w", err)
	}
	if row == 0 {
		return nil, errors.New("tesseract: no output")
	}
	for i := range p.Words {
		w := &p.Words[i]
		box, ok := lines[lineKey{w.Block, w.Par, w.Line}]
		if !ok {
			box = [2]int{w.Top, w.Top + w.Height}
		}
		w.LineTop, w.LineBottom = box[0], box[1]
	}
	return p, nil
}
