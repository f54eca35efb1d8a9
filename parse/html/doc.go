// Package html reads an HTML report — a page saved from a portal, an
// e-mail body, or a Word document saved as "Web Page" (.htm) — into the
// chiso document model: paragraphs and tables in document order.
//
// Parsing is done by github.com/PuerkitoBio/goquery (golang.org/x/net/html
// underneath) after the bytes are decoded with golang.org/x/net/html/charset.
// What this package adds on top:
//
//   - Charset choice for Vietnamese pages: bytes that are valid UTF-8 are
//     read as UTF-8 whatever the page declares (Word and CMS exports often
//     declare one charset and write another); otherwise the BOM or the
//     <meta charset>/http-equiv declaration is followed, and an undeclared
//     non-UTF-8 page is read as windows-1258, the Vietnamese Windows code
//     page, rather than the HTML default windows-1252. windows-1258 keeps tone
//     marks as combining characters; package parse composes them.
//   - Pages set in the legacy TCVN3 (.VnTime) or VNI fonts, whose text any
//     charset reading leaves as mojibake ("B¸o c¸o"), are recognised by
//     chiso/vntext on a sample of the text and converted, with a
//     warning.
//   - Tables as rows of the source <td>/<th> cells with their rowspan and
//     colspan, in the row order a browser lays out (<thead>, then bodies,
//     then <tfoot>). Spans are clamped the way browsers clamp them (colspan
//     at most 1000, rowspan at most the rows left in its row group) and,
//     further, to the table's width, so that a stray colspan="5000" cannot
//     blow up a grid built from the table.
//   - Text as a browser shows it: white space collapsed; in a cell, <br>,
//     block boundaries (<p>, <div>, <li>, …) and the line breaks of <pre>
//     kept as "\n"; <script>, <style>, comments (including Word's
//     <!--[if …]> blocks) and elements styled display:none dropped. A table
//     nested in a cell is flattened into that cell's text, one line per
//     nested row, and not emitted again.
//   - Outside tables each block element (<p>, <h1>–<h6>, <li>, <div>, …)
//     starts a new paragraph and so does <br>: HTML reports often put a whole
//     section in one <div> with <br> between the lines, and later stages want
//     one paragraph per line, as the text reader gives them.
//
// golang.org/x/net/html refuses pages nested more than 512 elements deep,
// which pages that never close their <span> or <div> reach; such a page is
// read again with the innermost start tags dropped (its text kept), and a
// warning says so.
//
// goquery's own table helpers clone nodes while building a grid; on a 21 MB
// page that was two thirds of the time (see docs/libraries.md), so this
// package walks the *html.Node tree from Selection.Nodes directly, without
// recursion (a deeply nested page cannot exhaust the stack) and in time
// linear in the size of the page.
package html
