// Package parse reads a report in any of the formats Vietnamese government
// units send (PDF, DOCX, Word 97–2003 .doc, Excel .xlsx and 97–2003 .xls,
// OpenDocument .odt/.ods, RTF, HTML, Markdown and plain text) into one
// document model: ordered paragraphs and tables with normalised Vietnamese
// text.
//
// The format is recognised by content first (%PDF-, a zip holding a Word,
// Excel or OpenDocument part, a compound file with a WordDocument or a
// Workbook stream, {\rtf, HTML markup, otherwise text) and by extension
// only as a hint. Each format has its own reader in a sub-package
// (parse/docx, parse/msdoc, parse/xlsx, parse/xls, parse/odf, parse/rtf,
// parse/html, parse/text, parse/pdf); this package sniffs, dispatches, applies the text
// normalisation of vntext once to every paragraph and cell, and turns
// every failure — including a reader's panic — into an *Error that names the
// file, the format and the problem.
package parse

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"chiso/doc"
	"chiso/parse/docx"
	"chiso/parse/fault"
	"chiso/parse/html"
	"chiso/parse/image"
	"chiso/parse/msdoc"
	"chiso/parse/odf"
	"chiso/parse/pdf"
	"chiso/parse/rtf"
	"chiso/parse/text"
	"chiso/parse/xls"
	"chiso/parse/xlsx"
	"chiso/vntext"
)

// Options limit what one document may cost.
type Options struct {
	// MaxSize is the largest input accepted, in bytes (0: DefaultMaxSize).
	MaxSize int64
	// Timeout bounds the time spent reading one document (0: DefaultTimeout).
	Timeout time.Duration
}

const (
	DefaultMaxSize = 256 << 20
	DefaultTimeout = 2 * time.Minute
)

// Error is a failure to read one file.
type Error struct {
	Path   string // file name as given, "-" for standard input
	Format string // the format recognised, or what the content looked like
	Err    error
}

func (e *Error) Error() string {
	if e.Format == "" {
		return fmt.Sprintf("%s: %v", e.Path, e.Err)
	}
	return fmt.Sprintf("%s: %s: %v", e.Path, e.Format, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// The kinds of failure, for errors.Is on an *Error. A reader's error
// matches at most one; Kind tells which.
var (
	ErrTooLarge    = fault.ErrTooLarge
	ErrUnsupported = fault.ErrUnsupported
	ErrNoText      = fault.ErrNoText
	ErrTimeout     = fault.ErrTimeout
	ErrDamaged     = fault.ErrDamaged
	ErrEncrypted   = fault.ErrEncrypted
	ErrBudget      = fault.ErrBudget
)

// Kind returns the sentinel the error matches (ErrDamaged when the reader
// gave no kind), so that the edge can choose a message for it.
func (e *Error) Kind() error {
	if k := fault.Kind(e.Err); k != nil {
		return k
	}
	return ErrDamaged
}

// File reads the report at path with default options.
func File(path string) (*doc.Document, error) {
	return FileOptions(context.Background(), path, Options{})
}

// FileOptions reads the report at path.
func FileOptions(ctx context.Context, path string, opt Options) (*doc.Document, error) {
	data, err := ReadFile(path, opt.MaxSize)
	if err != nil {
		return nil, err
	}
	if opt.Timeout <= 0 {
		opt.Timeout = DefaultTimeout
	}
	return Bytes(ctx, data, path, opt.Timeout)
}

// ReadFile returns the bytes of the file at path, refusing one larger than
// maxSize (0: DefaultMaxSize) with ErrTooLarge. A regular file is refused
// from its size before anything is read, not after 256 MB were; a pipe or
// device is read up to the limit. It is the one size check of every
// caller that needs the bytes themselves (ingest hashes them).
func ReadFile(path string, maxSize int64) ([]byte, error) {
	if maxSize <= 0 {
		maxSize = DefaultMaxSize
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, &Error{Path: path, Err: err}
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() > maxSize {
		return nil, &Error{Path: path, Err: tooLarge(maxSize)}
	}
	data, err := io.ReadAll(io.LimitReader(f, maxSize+1))
	if err != nil {
		return nil, &Error{Path: path, Err: err}
	}
	if int64(len(data)) > maxSize {
		return nil, &Error{Path: path, Err: tooLarge(maxSize)}
	}
	return data, nil
}

func tooLarge(limit int64) error {
	return fmt.Errorf("%w: larger than the limit of %d bytes (--max-size)", fault.ErrTooLarge, limit)
}

// Read reads a report from r; name is used for errors, as a format hint
// (its extension) and as Source.Path.
func Read(r io.Reader, name string) (*doc.Document, error) {
	return ReadOptions(context.Background(), r, name, Options{})
}

// ReadOptions reads a report from r under the limits of opt.
func ReadOptions(ctx context.Context, r io.Reader, name string, opt Options) (*doc.Document, error) {
	if opt.MaxSize <= 0 {
		opt.MaxSize = DefaultMaxSize
	}
	if opt.Timeout <= 0 {
		opt.Timeout = DefaultTimeout
	}
	data, err := io.ReadAll(io.LimitReader(r, opt.MaxSize+1))
	if err != nil {
		return nil, &Error{Path: name, Err: err}
	}
	if int64(len(data)) > opt.MaxSize {
		return nil, &Error{Path: name, Err: tooLarge(opt.MaxSize)}
	}
	return Bytes(ctx, data, name, opt.Timeout)
}

// Bytes reads a report held in memory.
func Bytes(ctx context.Context, data []byte, name string, timeout time.Duration) (d *doc.Document, err error) {
	format, err := Sniff(data, name)
	if err != nil {
		return nil, &Error{Path: name, Format: format, Err: fault.Wrap(fault.ErrUnsupported, err)}
	}
	if timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, timeout)
		defer cancel()
	}
	defer func() {
		// The readers are written not to panic; this is the last line of
		// defence, so that one bad file never takes down a bulk run.
		if p := recover(); p != nil {
			// The panic's text (often a nil dereference) says nothing to
			// the user; the stack goes to the developer on stderr.
			fmt.Fprintf(os.Stderr, "chiso: internal error reading %q: %v\n%s", name, p, debug.Stack())
			d, err = nil, &Error{Path: name, Format: format, Err: fault.Damaged("internal error: the reader failed on this file (please report it with the file)")}
		}
	}()
	switch doc.Format(format) {
	case doc.PDF:
		d, err = pdf.Read(ctx, bytes.NewReader(data), int64(len(data)))
	case doc.DOCX:
		d, err = docx.Read(bytes.NewReader(data), int64(len(data)))
	case doc.DOC:
		d, err = msdoc.Read(bytes.NewReader(data), int64(len(data)))
	case doc.HTML:
		d, err = html.Read(bytes.NewReader(data))
	case doc.XLSX:
		d, err = xlsx.Read(bytes.NewReader(data), int64(len(data)))
	case doc.XLS:
		d, err = xls.Read(bytes.NewReader(data), int64(len(data)))
	case doc.RTF:
		d, err = rtf.Read(data)
	case doc.ODT, doc.ODS:
		d, err = odf.Read(bytes.NewReader(data), int64(len(data)))
	case doc.Image:
		var pages []image.Page
		if pages, err = image.File(data); err == nil {
			d, err = pdf.ReadScan(ctx, pages)
		} else if fault.Kind(err) == nil {
			err = fault.Damaged("%v", err)
		}
	default:
		d, err = text.Read(data)
	}
	if err == nil && ctx.Err() != nil || err != nil && errors.Is(err, context.DeadlineExceeded) {
		err = fmt.Errorf("%w: gave up after %v (--timeout)", fault.ErrTimeout, timeout)
	}
	if err != nil {
		return nil, &Error{Path: name, Format: format, Err: err}
	}
	sum := sha256.Sum256(data)
	d.Source.Path = name
	d.Source.Format = doc.Format(format)
	d.Source.SHA256 = hex.EncodeToString(sum[:])
	Normalize(d)
	return d, nil
}

// Normalize applies vntext.Clean to every paragraph and cell, drops
// paragraphs left empty, and numbers the blocks.
func Normalize(d *doc.Document) {
	blocks := d.Blocks[:0]
	for _, b := range d.Blocks {
		if b.Kind == doc.TableKind && b.Table != nil {
			for _, row := range b.Table.Rows {
				for i := range row {
					row[i].Text = vntext.Clean(row[i].Text)
				}
			}
		} else {
			b.Kind = doc.Paragraph
			b.Text = vntext.Clean(b.Text)
			if b.Text == "" {
				continue
			}
		}
		b.Index = len(blocks)
		blocks = append(blocks, b)
	}
	d.Blocks = blocks
}

// Sniff names the format of data: "pdf", "docx", "doc", "xlsx", "xls",
// "odt", "ods", "rtf", "html", "md" or "text". For
// content chiso does not read it returns what the content looks like and an
// error saying so.
func Sniff(data []byte, name string) (string, error) {
	ext := strings.ToLower(filepath.Ext(name))
	head := data[:min(len(data), 1024)]
	switch {
	case len(data) == 0:
		return "", fmt.Errorf("empty file")
	case bytes.HasPrefix(head, []byte("%PDF-")) || bytes.Contains(head, []byte("%PDF-")):
		return string(doc.PDF), nil
	case bytes.HasPrefix(data, []byte("PK\x03\x04")) || bytes.HasPrefix(data, []byte("PK\x05\x06")):
		return sniffZip(data, ext)
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		return sniffOLE2(data)
	case bytes.HasPrefix(data, []byte("\x89PNG")), bytes.HasPrefix(data, []byte("\xFF\xD8\xFF")),
		bytes.HasPrefix(data, []byte("II*\x00")), bytes.HasPrefix(data, []byte("MM\x00*")):
		return string(doc.Image), nil
	case bytes.HasPrefix(data, []byte("GIF8")):
		return "image", fmt.Errorf("GIF images are not read: save the scan as PNG, JPEG or TIFF")
	case bytes.HasPrefix(data, []byte("{\\rtf")):
		return string(doc.RTF), nil
	case looksHTML(head):
		return string(doc.HTML), nil
	case oldExcel(head):
		return "xls", fmt.Errorf("an Excel worksheet from before Excel 97 (BIFF2–4, without a compound file): open it in Excel or LibreOffice and save it as .xlsx")
	case looksBinary(head):
		if ext != "" {
			return "binary", fmt.Errorf("unrecognised binary content (not PDF, DOCX, HTML or text), though the name ends in %s", ext)
		}
		return "binary", fmt.Errorf("unrecognised binary content (not PDF, DOCX, HTML or text)")
	}
	if ext == ".md" || ext == ".markdown" {
		// Markdown is text; only the name tells it from a text file
		// that happens to hold a pipe table.
		return string(doc.Markdown), nil
	}
	return string(doc.Text), nil
}

// sniffZip tells a Word document from the other zip-based formats by the
// parts it holds, looking only at the central directory.
func sniffZip(data []byte, ext string) (string, error) {
	// An OpenDocument file starts with its mimetype part, stored, so that
	// it can be recognised at a fixed place; look there before searching
	// for part names, which compressed bytes might happen to hold.
	head := data[:min(len(data), 200)]
	if i := bytes.Index(head, []byte("mimetypeapplication/vnd.oasis.opendocument.")); i >= 0 {
		switch kind := head[i+len("mimetypeapplication/vnd.oasis.opendocument."):]; {
		case bytes.HasPrefix(kind, []byte("text")):
			return string(doc.ODT), nil
		case bytes.HasPrefix(kind, []byte("spreadsheet")):
			return string(doc.ODS), nil
		}
		return "odf", fmt.Errorf("OpenDocument files other than text (.odt) and spreadsheets (.ods) are not supported")
	}
	switch {
	case bytes.Contains(data, []byte("word/")):
		return string(doc.DOCX), nil
	case bytes.Contains(data, []byte("xl/")):
		return string(doc.XLSX), nil
	case bytes.Contains(data, []byte("application/vnd.oasis.opendocument")):
		// The mimetype part is not first: let the reader look inside.
		if ext == ".ods" {
			return string(doc.ODS), nil
		}
		return string(doc.ODT), nil
	case bytes.Contains(data, []byte("ppt/")):
		return "pptx", fmt.Errorf("PowerPoint files are not supported")
	}
	if ext == ".docx" {
		// Let the DOCX reader say what is missing.
		return string(doc.DOCX), nil
	}
	return "zip", fmt.Errorf("a zip archive that is not a Word document")
}

func looksHTML(head []byte) bool {
	s := bytes.ToLower(bytes.TrimLeft(head, "\xef\xbb\xbf \t\r\n"))
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<table", "<meta", "<?xml version=\"1.0\"?>\n<html", "<!--"} {
		if bytes.HasPrefix(s, []byte(p)) {
			return true
		}
	}
	return bytes.Contains(s, []byte("<html")) || bytes.Contains(s, []byte("<table"))
}

// looksBinary reports NUL bytes or control characters that no text file
// has, allowing for UTF-16 (which has NULs in every other byte).
func looksBinary(head []byte) bool {
	if bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		return false
	}
	nul, ctl := 0, 0
	for _, c := range head {
		switch {
		case c == 0:
			nul++
		case c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f':
			ctl++
		}
	}
	if nul > 0 {
		// UTF-16 without BOM: NULs at regular positions, about half the bytes.
		return nul*4 < len(head) || !utf16Like(head)
	}
	return ctl*20 > len(head)
}

func utf16Like(head []byte) bool {
	even, odd := 0, 0
	for i, c := range head {
		if c == 0 {
			if i%2 == 0 {
				even++
			} else {
				odd++
			}
		}
	}
	return even == 0 || odd == 0
}
