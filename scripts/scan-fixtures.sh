#!/bin/sh
# scan-fixtures.sh makes the scanned-report fixtures of parse/image and
# parse/ocr from the golden PDFs (themselves rendered from the golden
# HTML), the way an office scanner would: pages rasterised by Ghostscript,
# turned a little, blurred and speckled by ImageMagick, wrapped back into a
# PDF by img2pdf (JPEG, as scanners write), and, for the other decoders,
# as a 1-bit CCITT G4 PDF, a Flate 1-bit PDF and a 1-bit PNG page.
#
# The borderless scan is a scoring sheet printed without its borders:
# the golden seed004_filled's table, its header row and its section II
# from 1 to 2.6 with their maximum, figure and self score, printed by
# Chromium. The paragraphs above the table and the column of the units
# that report are left out: a scan's noisy text is costly to store, and
# so the file stays under 150 KB.
#
# Every step is deterministic (fixed seed for the noise, no dates or
# random /ID in the PDFs), so running it again gives the same files; the
# merged and wrapped PDFs made before img2pdf was told so hold the same
# images and differ only there. Needs gs, magick (ImageMagick 7) or
# convert (ImageMagick 6), img2pdf, chromium.
#
#	sh scripts/scan-fixtures.sh
set -eu
cd "$(dirname "$0")/.."
out=parse/image/testdata
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Without dates, with the internal engine (pikepdf draws a random /ID).
pdf="--nodate --engine internal --pagesize A4"
im=magick id="magick identify"
command -v magick >/dev/null 2>&1 || { im=convert; id=identify; }

# scan PDF DPI NAME: page 1 of PDF rasterised at DPI, as a scan, into
# $out/NAME-DPI.pdf (and $tmp/NAME-DPI.jpg).
scan() {
	gs -q -dSAFER -dBATCH -dNOPAUSE -sDEVICE=pnggray -r"$2" -dFirstPage=1 -dLastPage=1 \
		-dTextAlphaBits=4 -dGraphicsAlphaBits=4 \
		-sOutputFile="$tmp/$3-$2.png" "$1"
	# A scan: turned by 0.6 degree, slightly blurred, speckled, on a
	# white ground; crop the page back to its own size.
	$im "$tmp/$3-$2.png" -background white -rotate 0.6 -gravity center \
		-extent "$($id -format '%wx%h' "$tmp/$3-$2.png")" \
		-blur 0x0.6 -seed 18 -attenuate 0.25 +noise Gaussian \
		-colorspace Gray -strip -quality 50 "$tmp/$3-$2.jpg"
	img2pdf $pdf -o "$out/$3-$2.pdf" "$tmp/$3-$2.jpg"
}
for seed in merged wrapped; do
	for dpi in 200 300; do
		scan "golden/testdata/$seed.pdf" "$dpi" "$seed"
	done
done
# The borderless scoring sheet: no border attribute, an A4 page.
awk '/^<p>/ { next }
	/^<tr>/ { if (!head++ || /^<tr><td>II<\/td>/) keep = 1; if (keep) print; if (/^<tr><td>2\.6<\/td>/ || head == 1) keep = 0; next }
	{ print }' golden/testdata/seed004_filled.html |
	sed -e 's/ border="1"//' -e 's|<td>[^<]*\(<br>[^<]*\)*</td></tr>$|</tr>|' \
		-e 's|</style>|@page { size: A4; margin: 2cm; }\n</style>|' >"$tmp/borderless.html"
chrome=chromium
command -v chromium >/dev/null 2>&1 || chrome=chromium-browser
$chrome --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
	--disable-component-update --disable-sync --user-data-dir="$tmp/chrome" \
	--no-pdf-header-footer --print-to-pdf="$tmp/borderless.pdf" "$tmp/borderless.html" 2>/dev/null
scan "$tmp/borderless.pdf" 200 borderless
# The other decoders, on the 200 dpi merged page: img2pdf embeds a G4
# TIFF as CCITTFaxDecode and a PNG as FlateDecode with PNG predictors,
# as they are (ImageMagick 6 may not write PDF under its security policy).
$im "$tmp/merged-200.jpg" -threshold 60% -type bilevel -compress Group4 -density 200 "$tmp/merged-g4.tif"
img2pdf $pdf -o "$out/merged-g4.pdf" "$tmp/merged-g4.tif"
$im "$tmp/merged-g4.tif" -strip -units PixelsPerInch -density 200 -define png:include-chunk=pHYs "$out/merged-200.png"
img2pdf $pdf -o "$out/merged-flate.pdf" "$out/merged-200.png"
# parse/ocr's one line of a rate, for the engine's own test.
$im -size 1100x120 xc:white -font DejaVu-Sans -pointsize 40 -fill black \
	-annotate +20+80 'Tỷ lệ hồ sơ trực tuyến: 78,23%' -colorspace Gray -depth 8 -strip parse/ocr/testdata/line.png
ls -l "$out"
