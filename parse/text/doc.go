// Package text reads a plain-text report into the chiso document model:
// paragraphs and tables in document order.
//
// Reports reach chiso as text in several encodings and three table layouts,
// none of which a library reads; this package recognises them.
//
// # Encodings
//
// A UTF-8 or UTF-16 byte order mark is followed (golang.org/x/text/encoding/
// unicode). UTF-16 without a mark is recognised by its NUL bytes, which fill
// every other byte of mostly-ASCII text. Valid UTF-8 is read as UTF-8, and
// converted when chiso/vntext finds it to be TCVN3 or VNI text that
// was once read as Latin-1 ("B¸o c¸o"). Other bytes are read one rune per
// byte and converted from TCVN3 or VNI when vntext detects either;
// otherwise they are windows-1258, the Vietnamese Windows code page
// (golang.org/x/text/encoding/charmap), whose tone marks package parse
// composes later. Every guess is reported in Document.Warnings. Lines end
// at LF, CRLF or a lone CR.
//
// # Tab-separated tables (seeds 000, 001, 002)
//
// A line holding a tab is a table row and consecutive rows are a table.
// Blank lines inside a table do not end it when the next line is a row with
// as many columns as the header or the row before, a continuation line, or
// a separator. A separator line, every column a run of dashes
// ("-----\t--\t---"), is dropped. A continuation line starts with a tab and
// has text in exactly one column; that text continues the same column of
// the row above on a new line (seed 000: "\t\t\t<p>đến ngày …"). A cell
// that starts with a double quote and whose closing quote is followed by a
// tab or the end of a line is quoted the CSV way and may hold line breaks
// and "" for a quote; a quote anywhere else is text.
//
// # Word's text export (seed 004)
//
// Word saves a table as one cell per line, each line starting with a tab,
// and a blank line after each row. A line without the tab continues the
// cell above it ("\tSố" + "liệu" is the cell "Số\nliệu"), unless it is
// indented by two or more spaces, which Word does not do to wrapped cell
// text: such a line, and any line after a blank that does not start with a
// tab, ends the table. A line holding only a tab is an empty cell. Rows
// with fewer cells than the widest (seed 004's group rows) are padded with
// empty cells.
//
// # Pipe-separated tables (seed 003)
//
// Every cell ends with "|" at the end of a line; "||||" is four empty cells
// and "|" one. A line with text in two or more cells ("Số hiệu |
// 79/QĐ-UBND |") is a whole row, and consecutive such lines are a table;
// markdown rows ("| a | b |") and rules ("|---|") are read the same way.
// Otherwise each line adds cells to one run, and nothing in the text marks
// where a row ends; the rows are found by shape: the run is cut into rows of
// the width under which the rows' first cells read as a numbering ("I",
// "1", "1.1", "1.2", "2", "a", "-"), which is what a report's STT column is;
// a few unnumbered cells are read as the two columns of an official
// document's letterhead or signature block.
// A short line without "|" (three words at most, not ending a sentence)
// directly before a cell line is the start of that cell, wrapped ("Chỉ" +
// "số chính |"); a longer line, or two, ends the run. A cell "STT" or "TT"
// after the first starts a new table. A blank line ends the run unless a
// cell line follows.
//
// In every layout, a row equal to the table's first row is its header
// repeated after a page break and is dropped, and rows shorter than the
// widest are padded with empty cells.
//
// # Paragraphs
//
// Every other non-blank line is one paragraph. In the seeds a line is a
// paragraph of the source document and blank lines are only spacing (seed
// 003 has none at all), so joining the lines of a blank-separated block
// would glue headings to the text that follows them.
package text
