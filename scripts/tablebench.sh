#!/bin/sh
# tablebench.sh [DIR] — cell accuracy of chiso's PDF tables on the ICDAR 2013
# table competition set, beside `pdftotext -layout` cut at two spaces (see
# TestTableSet in parse/pdf/layout). DIR holds the set (NAME.pdf beside
# NAME-str.xml, in any subfolders), for instance the
# tests/files/tabula/icdar2013-dataset folder of the camelot repository.
# Prints one line per table and, last, the totals for ruled, partly ruled and
# unruled tables. Needs poppler-utils.
set -eu
dir=${1:-${CHISO_TABLESET:-}}
if [ -z "$dir" ] || [ ! -d "$dir" ]; then
	echo "usage: $0 DIR (the ICDAR 2013 table set)" >&2
	exit 2
fi
cd "$(dirname "$0")/.."
CHISO_TABLESET=$(cd "$dir" && pwd) go test ./parse/pdf/layout -run '^TestTableSet$' -count=1 -v |
	sed -n 's/^ *tableset_test.go:[0-9]*: //p'
