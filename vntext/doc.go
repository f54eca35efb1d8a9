// Package vntext normalises Vietnamese text for every chiso reader and
// converts the two legacy 8-bit Vietnamese encodings, TCVN3 (ABC) and VNI,
// to Unicode.
//
// golang.org/x/text provides Unicode normalisation but nothing specific to
// Vietnamese documents as they are found: tone marks typed as separate
// combining characters in an order NFC does not compose ("a" + acute +
// circumflex), HTML remnants pasted into table cells ("<p>", "&nbsp;"),
// no-break and zero-width spaces, and text set in .VnTime or VNI-Times
// fonts, which reaches us as Latin-1 mojibake ("B¸o c¸o", "Baùo caùo").
// No Go module converts TCVN3 or VNI, so the tables are written here from
// the published encodings.
//
// Clean is the display form of text; Fold is the key for matching labels
// regardless of diacritics, case and punctuation. Legacy text must be
// converted (DetectLegacy, FromTCVN3, FromVNI) before Clean: TCVN3 writes ư
// as byte 0xAD, the soft hyphen, which Clean removes.
package vntext
