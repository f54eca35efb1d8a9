// Package msdoc reads Word 97–2003 binary documents (.doc) into the chiso
// document model: paragraphs and tables in document order, with the text
// Word displays, as package docx does for .docx.
//
// No maintained Go library reads what this needs. The pure-Go .doc
// readers found (taigrr/doc2txt, Qingluan/doc-go, unestgroup/
// go-word-extractor, TalentFormula/msdoc) return plain text: none lays out
// table cells with their spans or keeps the font of each run, which
// .VnTime text needs; go-catdoc runs catdoc compiled to WebAssembly and
// returns text too. So the compound file is opened with
// github.com/richardlehane/mscfb and everything inside it is read here.
//
// What is read, in the terms of [MS-DOC] (Word (.doc) Binary File Format):
//
//   - the FIB at the start of the WordDocument stream (FibBase: wIdent,
//     nFib, fEncrypted, fWhichTblStm; FibRgLw97.ccpText; FibRgFcLcb97's
//     fcClx, fcPlcfBteChpx, fcPlcfBtePapx, fcStshf, fcSttbfFfn, fcPlfLst
//     and fcPlfLfo),
//     which also names the table stream, 0Table or 1Table;
//   - the piece table (Clx: Prc entries skipped, Pcdt's PlcPcd), whose
//     pieces hold the main document's text [0, ccpText) either compressed
//     (one byte per character, cp1252) or as UTF-16LE;
//   - paragraph and character properties through the bin tables
//     (PlcBtePapx, PlcBteChpx) and their 512-byte pages (PapxFkp with
//     PapxInFkp/GrpPrlAndIstd, ChpxFkp with Chpx), including PAPX kept in
//     the Data stream (sprmPHugePapx);
//   - the style sheet (STSH: Stshi's default fonts rgftcStandardChpStsh,
//     each STD's istdBase and its character UPX) and the font table
//     (SttbfFfn: FFN names), so that each run's font is known;
//   - the list definitions and instances (PlfLst: LSTF and the LVLs
//     after it; PlfLfo: LFO), so that paragraphs numbered automatically
//     (sprmPIlfo, sprmPIlvl, directly or through their style) get the
//     label Word shows, as the DOCX reader does from numbering.xml;
//   - sprms: sprmCRgFtc0/sprmCRgFtc2 (fonts), sprmCIstd (character style),
//     sprmCFRMarkDel (deleted text, skipped), sprmCFVanish (hidden text,
//     skipped), sprmCFSpec (special characters); sprmPFInTable,
//     sprmPFTtp, sprmPItap, sprmPFInnerTableCell and sprmPFInnerTtp
//     (table membership and row ends); sprmTDefTable (cell count, cell
//     edges rgdxaCenter and the TC80 merge flags fMerged, fVertMerge,
//     fVertRestart) and sprmTVertMerge.
//
// Text becomes the model as in package docx: a paragraph mark (0x0D) ends
// a paragraph; cell marks (0x07) end cells and the row-end paragraph
// (TTP) carries the row's cell count and edges. Cells are laid out on the
// grid of all the distinct cell edges of the table, as Word shows it, so
// that a cell wider than the columns below it gets a ColSpan; cells merged
// vertically become one cell with a RowSpan. Tables nested in a cell
// become one line per row with cells separated by " | ". Of a field (0x13
// code 0x14 result 0x15) only the result is kept. Line breaks (0x0B),
// page and column breaks (0x0C, 0x0E) become "\n", non-breaking hyphens
// (0x1E) "-", optional hyphens (0x1F) U+00AD (which vntext.Clean drops,
// but which is ư in .VnTime text as LibreOffice saves it); pictures and
// other objects are dropped. Text set
// in legacy Vietnamese fonts (.VnTime: TCVN3, VNI-Times: VNI) is decoded
// with vntext.FontEvidence, as the DOCX reader does.
//
// Not read: headers, footers, footnotes, comments and text boxes (the DOCX
// reader reads the main part only too), list-level overrides of a list
// instance (LFOLVL), the property modifiers of fast-saved pieces (Prm),
// table sprms that edit a row after sprmTDefTable (sprmTInsert,
// sprmTMerge…), and Word 6/95 files, which have another FIB.
//
// Every offset and count read from the file is checked against the stream
// it points into, so a damaged or hostile file gives an error or less
// text, never a panic or an allocation larger than the file.
package msdoc

import (
	"errors"
	"fmt"
	"io"

	"chiso/doc"
)

// MaxSize is the largest compound file Read accepts.
const MaxSize = 256 << 20

// Errors a caller may want to tell apart.
var (
	// ErrEncrypted is returned for a password-protected document.
	ErrEncrypted = errors.New("the document is password-protected (encrypted): remove the password in Word and save again")
	// ErrNotWord is returned for a compound file with no WordDocument
	// stream (an Excel or PowerPoint file, for instance).
	ErrNotWord = errors.New("no WordDocument stream: not a Word document")
)

// Read reads a .doc of the given size. Errors say what is wrong and in
// which structure, but not the file's name.
func Read(r io.ReaderAt, size int64) (d *doc.Document, err error) {
	defer func() {
		// Last defence only: every panic found is fixed at its cause.
		if p := recover(); p != nil {
			d, err = nil, fmt.Errorf("internal error reading .doc: %v", p)
		}
	}()
	if size > MaxSize {
		return nil, fmt.Errorf("file of %d bytes is over the %d MB limit for .doc", size, MaxSize>>20)
	}
	f, err := open(r, size)
	if err != nil {
		return nil, err
	}
	return f.read()
}

// read turns the opened streams into a document.
func (f *file) read() (*doc.Document, error) {
	pieces, err := f.pieces()
	if err != nil {
		return nil, err
	}
	d := &doc.Document{Source: doc.Source{Format: doc.DOC}}
	chpx, err := f.chpxRuns()
	if err != nil {
		return nil, err
	}
	papx, err := f.papxRuns()
	if err != nil {
		return nil, err
	}
	st, warnings := f.styles()
	d.Warnings = append(d.Warnings, warnings...)
	w := &walker{f: f, chpx: chpx, papx: papx, styles: st, num: f.numbering()}
	w.walk(pieces)
	d.Warnings = append(d.Warnings, w.warnings...)
	d.Blocks = w.body.finish()
	return d, nil
}
