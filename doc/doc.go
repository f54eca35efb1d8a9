// Package doc is the document model every chiso reader produces: an ordered
// list of blocks, each a paragraph or a table, with the text already
// normalised (NFC, spaces collapsed, legacy encodings converted).
//
// Every stage uses it: the format readers under parse produce it, package
// parse dispatches to them, and extract, the CLI and the golden tests read
// it. It sits at the top of the module, beside vntext, so that no stage has
// to import another stage to name a document.
package doc

// Format names a document format as chiso recognises it.
type Format string

const (
	PDF  Format = "pdf"
	DOCX Format = "docx"
	DOC  Format = "doc" // Word 97–2003 binary
	HTML Format = "html"
	Text Format = "text"
	// Excel (.xlsx and the older .xls), OpenDocument text and
	// spreadsheets, RTF and Markdown.
	XLSX     Format = "xlsx"
	XLS      Format = "xls"
	ODT      Format = "odt"
	ODS      Format = "ods"
	RTF      Format = "rtf"
	Markdown Format = "md"
	// Image is a photographed or scanned page as a PNG, JPEG or TIFF
	// file, read by optical recognition (Source.OCR).
	Image Format = "image"
)

// Kind says whether a block is a paragraph or a table.
type Kind string

const (
	Paragraph Kind = "paragraph"
	TableKind Kind = "table"
)

// Source describes the file a document was read from.
type Source struct {
	Path   string `json:"path"`
	Format Format `json:"format"`
	SHA256 string `json:"sha256"`
	Pages  int    `json:"pages"`
	// OCR is set when the text was recognised from page images, not read
	// from a text layer (contract v1.1).
	OCR bool `json:"ocr,omitempty"`
}

// Document is a report as read: its blocks in reading order.
type Document struct {
	Source Source
	Blocks []Block
	// Warnings are problems that did not stop the reading, in plain words
	// ("no text layer on page 2").
	Warnings []string
	// Uncertain holds, for a text recognised from images (Source.OCR),
	// the words the engine was not sure of with its lowest confidence for
	// each (0–1), so that a value holding one can be flagged for a check
	// by eye.
	Uncertain map[string]float64
}

// Block is one paragraph or one table.
type Block struct {
	Kind Kind
	// Text is the paragraph's text; empty for a table.
	Text string
	// Table is set when Kind is TableKind.
	Table *Table
	// Page is the 1-based page for paged formats (PDF) and 0 otherwise.
	Page int
	// Index is the block's position in the document, counting from 0.
	Index int
}

// Table is rows of cells. As in HTML, a merged cell appears once, at its
// top-left position, with its spans; the positions it covers in later rows
// or columns hold no Cell. Grid expands that into a rectangle.
type Table struct {
	Rows [][]Cell
}

// Cell is one table cell. Line breaks inside the cell are kept as "\n".
type Cell struct {
	Text    string
	RowSpan int // at least 1
	ColSpan int // at least 1
}

// Span returns the cell's spans with zero values read as 1.
func (c Cell) Span() (rows, cols int) {
	rows, cols = c.RowSpan, c.ColSpan
	if rows < 1 {
		rows = 1
	}
	if cols < 1 {
		cols = 1
	}
	return rows, cols
}
