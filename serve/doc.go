// Package serve is chiso's local web application (chiso serve). An officer
// drops reports on its first page and sees each one as written — its
// tables drawn from the document model with their merged cells and page
// numbers — with every finding placed on its row and cells, coloured by
// severity, its message beside it; then the indicators with their kinds and
// rubric ids, the score card with each indicator's basis, and a printable
// view an office can send back to the district. An analyst sees the
// dataset: units × periods with their finding counts, a unit's indicators
// across the periods as line charts, a period's ranking as bars, and the
// exports officers open in Excel.
//
// It is built from the standard library alone: net/http, html/template
// and go:embed for the templates, the stylesheet and one small script, so
// that a Windows user runs one chiso.exe and builds nothing. Charts are
// drawn on the server as SVG: no JavaScript charting library to vendor or
// keep up to date, a chart that prints and that a test can count the points
// of. The script only enhances the page (drag and drop onto the upload
// form, the print button); every page works without it.
//
// Report content is untrusted: every text reaches the page through
// html/template's escaping (SVG labels through html.EscapeString), the
// pages forbid inline script by their Content-Security-Policy, no name
// from a request reaches the file system (uploads are read in memory, or
// in the multipart package's private temporary files, removed after each
// request), uploads are capped by the same per-file limit as ingest, and
// the upload form carries a token a page of another site cannot read. The
// server binds to the loopback address by default; on any other address
// it needs a token (Server.Token), which every request must carry.
package serve
