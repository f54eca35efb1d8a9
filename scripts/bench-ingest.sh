#!/usr/bin/env bash
# Ingest benchmark (not a test): times `chiso ingest` into SQLite on
# generated reports and prints documents/s, peak RSS, the speed-up from 1
# to 2 workers, RSS at 500 vs 2,000 documents, and the share of the run
# spent in database writes (ingest --stats).
#
#   scripts/bench-ingest.sh            # 2,000 documents, all four formats
#   N=600 scripts/bench-ingest.sh      # fewer
#
# The reports are copies of the golden fixtures made distinct by
# corpus/internal/benchgen (units, years and a note varied in text, HTML
# and DOCX; a comment after %%EOF in PDF), because identical bytes would be
# ingested once.
set -euo pipefail
cd "$(dirname "$0")/.."

n=${N:-2000}
small=$(( n < 500 ? n : 500 ))
work=$(mktemp -d /tmp/chiso-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

go build -o "$work/chiso" ./cmd/chiso
go run ./corpus/internal/benchgen -n "$n" -src golden/testdata -out "$work/all"
mkdir "$work/small"
ls "$work/all" | sort | head -n "$small" | while read -r f; do ln "$work/all/$f" "$work/small/$f"; done
distinct=$(sha256sum "$work"/all/* | awk '{print $1}' | sort -u | wc -l)
echo "generated $n files ($distinct distinct), $(du -sh "$work/all" | cut -f1); formats:" \
	"$(ls "$work/all" | sed 's/.*\.//' | sort | uniq -c | tr '\n' ' ')"

# run NAME DIR WORKERS: ingest DIR into a fresh SQLite file; prints
# "NAME files seconds docs/s rss_mb storage%". The summary is read in
# English (--lang en), whose counts have thousands commas ("files 2,000").
run() {
	local name=$1 dir=$2 workers=$3
	rm -f "$work/$name.db"*
	/usr/bin/time -v -o "$work/$name.time" "$work/chiso" --lang en ingest --db "$work/$name.db" --workers "$workers" --stats "$dir" >"$work/$name.out" || {
		echo "ingest failed: see $work/$name.out" >&2; tail "$work/$name.out" >&2; exit 1; }
	local files secs rss share
	files=$(grep -oP '^files \K[0-9,]+' "$work/$name.out" | tr -d ,)
	secs=$(grep -oP 'Elapsed \(wall clock\) time.*: \K.*' "$work/$name.time" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
	rss=$(grep -oP 'Maximum resident set size \(kbytes\): \K[0-9]+' "$work/$name.time")
	share=$(grep -oP '^storage: .*, \K[0-9.]+(?=% of)' "$work/$name.out")
	printf '%-14s files %5d  wall %7.2fs  %7.1f docs/s  peak RSS %6.1f MB  storage %5s%% of the run\n' \
		"$name" "$files" "$secs" "$(echo "$files / $secs" | bc -l)" "$(echo "$rss / 1024" | bc -l)" "$share"
	echo "$secs" >"$work/$name.secs"
	echo "$rss" >"$work/$name.rss"
}

sync # let the generated files reach the disk before timing
echo "cores: $(nproc)"
run "small-w1" "$work/small" 1
run "small-w2" "$work/small" 2
run "all-w2" "$work/all" 2
printf 'speed-up 1 -> 2 workers (%d docs): %.2fx\n' "$small" "$(echo "$(cat "$work/small-w1.secs") / $(cat "$work/small-w2.secs")" | bc -l)"
printf 'peak RSS %d docs: %.1f MB, %d docs: %.1f MB\n' "$small" "$(echo "$(cat "$work/small-w2.rss") / 1024" | bc -l)" \
	"$n" "$(echo "$(cat "$work/all-w2.rss") / 1024" | bc -l)"
echo "dataset: $(du -h "$work/all-w2.db" | cut -f1) SQLite file for $n documents"
