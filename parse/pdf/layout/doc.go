// Package layout rebuilds paragraphs and tables from what a PDF content
// stream draws: positioned runs of text and ruling lines.
//
// github.com/ledongthuc/pdf gives glyphs with positions but no notion of a
// table, a cell or a paragraph (its GetTextByRow/Column see one row per
// page, and its Rect misses the m/l/S borders LibreOffice draws), while the
// reports chiso reads keep their figures in ruled tables with merged cells,
// wrapped text and rows split over pages. The walker in package
// chiso/parse/pdf turns each page into a Page; this package recovers the
// structure from geometry alone:
//
//   - Ruled tables: rules are merged into lines (within 1.5 pt; borders
//     closer than 3 pt are one), crossing lines form grids, a missing inner
//     rule makes a row or column span, and each text goes to the cell
//     holding its midpoint (or its start, when a table wider than the page
//     has its last column cut at the edge). Tables printed right under one
//     another share a border, so their rules touch: a row none of whose
//     inner column borders (within 1.5 pt) is one of the rows above starts
//     a new table. A cell's lines are joined with a space when wrapped and
//     with "\n" where a new paragraph starts: after extra spacing or, in
//     documents that do not space their paragraphs, after a line that
//     ended although the next word would have fitted on it. A break inside
//     a word joins without a space: after a hyphen attached to a word when
//     a letter follows ("240/KH-" + "UBND"), or before closing punctuation
//     ("(15" + ")"), as UAX #14 allows no other break there; a hyphen
//     after a space ("2021 -") stands between words.
//   - Tables continued on the next page (same column borders, nothing but
//     running headers, footers or page numbers in between) are joined: the
//     repeated header rows are dropped and a row split by the page break
//     (empty first cell) is glued onto the row above. A paragraph cut by a
//     page break (no closing punctuation, the next page going on in lower
//     case) is joined too.
//   - Borderless tables: runs of lines whose texts start at three or more
//     shared, uncrossed X's, or lines set with tab stops whose chunks
//     follow one another in the same order, or whose X ranges stay free
//     down the run (the projection profile; see stream.go). A blank line
//     between groups of rows does not end such a table when the next line
//     fills its columns; header lines centred over column groups are
//     kept, each phrase in the columns whose body text it stands over.
//   - Partly ruled tables: a grid whose rules draw no rows (column rules
//     and a boxed header, the body open at the bottom, where a rule is
//     assumed where the column rules end) holds several rows of figures
//     in one cell beside text on the same baselines; its texts are read
//     as a borderless table instead. A grid's slots that no column rule
//     separates (rows ruled by horizontal lines only, under a header with
//     column rules) are split back into their columns where the cell's
//     phrases stand in different columns; a ruled header right over a
//     borderless body whose column borders hold its column rules is that
//     table's header.
//   - Tables typed with spaces in a monospaced font come one text a
//     line; such a text is cut where it holds two spaces or one space
//     between figures, each piece placed by its count of characters.
//   - Paragraphs: the remaining lines, broken at spacing wider than the
//     document's usual line pitch, a change of font size, an indented line
//     or a short line. Superscripts stay in their line.
//
// Page headers and footers are not removed: a page number alone on a line,
// or a paragraph in the top or bottom 8 % of the page whose text recurs
// there on other pages, stays a paragraph of its own where it was drawn
// (the caller may drop it); tables and paragraphs are joined across it.
// Nothing a page draws is dropped, so every rune of the input appears in
// some block, except the header rows repeated on a continuation page.
package layout
