#!/bin/sh
# bench.sh times `chiso parse` on the 64-page report against
# `pdftotext -layout` (poppler), the speed reference: 5 runs each, wall time
# and peak RSS from /usr/bin/time, at GOMAXPROCS=1 and 2, and prints the
# ratio of the medians. Run from anywhere inside the repository.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
doc=${1:-$root/../shared/testdocs/report_big.pdf}
runs=5
bin=$(mktemp -d)/chiso
trap 'rm -rf "$(dirname "$bin")"' EXIT
# cmd/chiso when it builds; otherwise a small main that runs pdf.Read the
# same way (the CLI adds only file opening and JSON output).
cmd="parse --json"
if ! (cd "$root" && go build -o "$bin" ./cmd/chiso 2>/dev/null); then
	tmp=$root/.bench-pdf-$$
	mkdir -p "$tmp"
	trap 'rm -rf "$(dirname "$bin")" "$tmp"' EXIT
	cat >"$tmp/main.go" <<'GO'
package main

import (
	"context"
	"fmt"
	"os"

	"chiso/parse/pdf"
)

func main() {
	f, err := os.Open(os.Args[len(os.Args)-1])
	if err != nil {
		panic(err)
	}
	st, _ := f.Stat()
	d, err := pdf.Read(context.Background(), f, st.Size())
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(len(d.Blocks), "blocks")
}
GO
	(cd "$root" && go build -o "$bin" "./.bench-pdf-$$")
	echo "(cmd/chiso does not build: timing pdf.Read through a minimal main)"
fi
command -v pdftotext >/dev/null || { echo "pdftotext (poppler-utils) not installed" >&2; exit 1; }

# median of the first column of stdin
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# timed runs the command 5 times and prints "median-seconds max-rss-kb"
timed() {
	out=$(mktemp)
	for _ in $(seq $runs); do
		/usr/bin/time -f "%e %M" -o "$out.1" "$@" >/dev/null 2>&1
		cat "$out.1" >>"$out"
	done
	t=$(median <"$out")
	m=$(awk 'BEGIN{m=0} $2>m {m=$2} END {print m}' "$out")
	rm -f "$out" "$out.1"
	echo "$t $m"
}

ref=$(timed pdftotext -layout "$doc" -)
echo "pdftotext -layout: median $(echo $ref | cut -d' ' -f1) s, peak RSS $(echo $ref | cut -d' ' -f2) KB"
for procs in 1 2; do
	got=$(timed env GOMAXPROCS=$procs "$bin" $cmd "$doc")
	echo "chiso parse GOMAXPROCS=$procs: median $(echo $got | cut -d' ' -f1) s, peak RSS $(echo $got | cut -d' ' -f2) KB, ratio $(echo "$got $ref" | awk '{ if ($3 > 0) printf "%.2f", $1/$3; else print "n/a" }')x"
done
