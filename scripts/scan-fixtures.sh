#!/bin/sh
# scan-fixtures.sh makes the scanned-report fixtures of parse/image and
# parse/ocr from the golden PDFs (themselves rendered from the golden
# HTML), the way an office scanner would: pages rasterised by Ghostscript,
# turned a little, blurred and speckled by ImageMagick, wrapped back into a
# PDF by img2pdf (JPEG, as scanners write), and, for the other decoders,
# as a 1-bit CCITT G4 PDF, a Flate 1-bit PDF and a 1-bit PNG page.
#
# Every step is deterministic (fixed seed for the noise), so running it
# again gives the same files. Needs gs, magick (ImageMagick 7) or convert
# (ImageMagick 6), img2pdf.
#
#	sh scripts/scan-fixtures.sh
set -eu
cd "$(dirname "$0")/.."
out=parse/image/testdata
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
im=magick id="magick identify"
command -v magick >/dev/null 2>&1 || { im=convert; id=identify; }

for seed in merged wrapped; do
	for dpi in 200 300; do
		gs -q -dSAFER -dBATCH -dNOPAUSE -sDEVICE=pnggray -r"$dpi" \
			-dTextAlphaBits=4 -dGraphicsAlphaBits=4 \
			-sOutputFile="$tmp/$seed-$dpi.png" "golden/testdata/$seed.pdf"
		# A scan: turned by 0.6 degree, slightly blurred, speckled, on
		# a white ground; crop the page back to its own size.
		$im "$tmp/$seed-$dpi.png" -background white -rotate 0.6 -gravity center \
			-extent "$($id -format '%wx%h' "$tmp/$seed-$dpi.png")" \
			-blur 0x0.6 -seed 18 -attenuate 0.25 +noise Gaussian \
			-colorspace Gray -strip -quality 50 "$tmp/$seed-$dpi.jpg"
		img2pdf --pagesize A4 -o "$out/$seed-$dpi.pdf" "$tmp/$seed-$dpi.jpg"
	done
done
# The other decoders, on the 200 dpi merged page: img2pdf embeds a G4
# TIFF as CCITTFaxDecode and a PNG as FlateDecode with PNG predictors,
# as they are (ImageMagick 6 may not write PDF under its security policy).
$im "$tmp/merged-200.jpg" -threshold 60% -type bilevel -compress Group4 -density 200 "$tmp/merged-g4.tif"
img2pdf --pagesize A4 -o "$out/merged-g4.pdf" "$tmp/merged-g4.tif"
$im "$tmp/merged-g4.tif" -strip -units PixelsPerInch -density 200 -define png:include-chunk=pHYs "$out/merged-200.png"
img2pdf --pagesize A4 -o "$out/merged-flate.pdf" "$out/merged-200.png"
# parse/ocr's one line of a rate, for the engine's own test.
$im -size 1100x120 xc:white -font DejaVu-Sans -pointsize 40 -fill black \
	-annotate +20+80 'Tỷ lệ hồ sơ trực tuyến: 78,23%' -colorspace Gray -depth 8 -strip parse/ocr/testdata/line.png
ls -l "$out"
