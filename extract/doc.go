// Package extract finds the indicator tables of a report, reads each row as
// an indicator (its STT path, label, value as written and as typed,
// components, formula and evidence) and audits the arithmetic: rates against
// their a/b components, breakdowns in the evidence against the value they
// explain, rates quoted in running text against the counts beside them.
//
// It works on the document model of package parse, so it does not care
// which format a report came in. Headers are recognised on diacritic-folded
// text (vntext.Fold): github.com/sahilm/fuzzy is used only as a candidate
// filter, because it matches subsequences and its score overflows on long
// strings (see ../shared/docs/libraries.md); a token-set Dice score ranks the
// candidates it lets through. Columns are always classified from the header,
// never from their position, except in a table that has no header at all
// but whose first column reads as STT numbers.
//
// The package imports parse/doc rather than parse: parse.Document is an
// alias of doc.Document, so callers pass a *parse.Document unchanged, and
// this package builds even while a format reader does not.
//
// Numbers are read the Vietnamese way by default (dot for thousands, comma
// for decimals), but a document may write "78.23 %" for a rate and "11.781"
// for a count; ParseValue takes the convention the rest of the document uses
// and reports a numeral it cannot decide, which is then kept out of every
// arithmetic check (finding ambiguous_number).
package extract
