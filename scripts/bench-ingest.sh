#!/usr/bin/env bash
# Ingest benchmark (not a test): times `chiso ingest` into SQLite on
# generated reports and prints, for 1, 2, 4 … nproc workers, documents/s,
# the speed-up over 1 worker, peak RSS, and the share of the run spent in
# database writes with the writer's time per document (ingest --stats);
# then RSS at 500 vs all documents and the size of the dataset.
#
#   scripts/bench-ingest.sh            # 2,000 documents, all four formats
#   N=600 scripts/bench-ingest.sh      # fewer
#   KEEP=dir scripts/bench-ingest.sh   # also leave the chiso binary and the documents in dir
#   CHISO=dir/chiso DOCS=dir/docs scripts/bench-ingest.sh   # no Go needed (a many-core machine)
#
# The reports are copies of the golden fixtures made distinct by
# corpus/internal/benchgen (units, years and a note varied in text, HTML
# and DOCX; a comment after %%EOF in PDF), because identical bytes would be
# ingested once. The machine should be quiet: on a shared one the writer
# waits for a core inside its transactions, and its share grows.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d /tmp/chiso-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

bin=${CHISO:-}
docs=${DOCS:-}
if [ -z "$bin" ]; then
	bin=$work/chiso
	go build -o "$bin" ./cmd/chiso
fi
if [ -z "$docs" ]; then
	docs=$work/all
	go run ./corpus/internal/benchgen -n "${N:-2000}" -src golden/testdata -out "$docs"
fi
if [ -n "${KEEP:-}" ]; then
	mkdir -p "$KEEP"
	cp "$bin" "$KEEP/chiso"
	[ "$docs" = "$KEEP/docs" ] || cp -r "$docs" "$KEEP/docs"
fi
n=$(ls "$docs" | wc -l)
small=$(( n < 500 ? n : 500 ))
mkdir "$work/small"
ls "$docs" | sort | head -n "$small" | while read -r f; do cp "$docs/$f" "$work/small/$f"; done
distinct=$(sha256sum "$docs"/* | awk '{print $1}' | sort -u | wc -l)
echo "$n files ($distinct distinct), $(du -sh "$docs" | cut -f1); formats:" \
	"$(ls "$docs" | sed 's/.*\.//' | sort | uniq -c | tr '\n' ' ')"

# run NAME DIR WORKERS: ingest DIR into a fresh SQLite file; prints
# "NAME files seconds docs/s rss_mb storage%". The summary is read in
# English (--lang en), whose counts have thousands commas ("files 2,000").
run() {
	local name=$1 dir=$2 workers=$3
	rm -f "$work/$name.db"*
	/usr/bin/time -v -o "$work/$name.time" "$bin" --lang en ingest --db "$work/$name.db" --workers "$workers" --stats "$dir" >"$work/$name.out" || {
		echo "ingest failed: see $work/$name.out" >&2; tail "$work/$name.out" >&2; exit 1; }
	local files secs rss share
	files=$(grep -oP '^files \K[0-9,]+' "$work/$name.out" | tr -d ,)
	secs=$(grep -oP 'Elapsed \(wall clock\) time.*: \K.*' "$work/$name.time" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
	rss=$(grep -oP 'Maximum resident set size \(kbytes\): \K[0-9]+' "$work/$name.time")
	share=$(grep -oP '^storage: .*, \K[0-9.]+(?=% of)' "$work/$name.out")
	# The writer's time per document: the share of the run in write
	# transactions, as wall time (on a loaded machine it includes the
	# writer waiting for a core inside its transactions).
	perdoc=$(echo "$share / 100 * $secs * 1000 / $files" | bc -l)
	printf '%-14s files %5d  wall %7.2fs  %7.1f docs/s  peak RSS %6.1f MB  storage %5s%% of the run, %5.2f ms a document\n' \
		"$name" "$files" "$secs" "$(echo "$files / $secs" | bc -l)" "$(echo "$rss / 1024" | bc -l)" "$share" "$perdoc"
	echo "$secs" >"$work/$name.secs"
	echo "$rss" >"$work/$name.rss"
}

sync # let the generated files reach the disk before timing
cores=$(nproc)
echo "cores: $cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
sweep=()
for (( w = 1; w < cores; w *= 2 )); do sweep+=("$w"); done
sweep+=("$cores")
[ "$cores" -ge 2 ] || sweep+=(2)
for w in "${sweep[@]}"; do
	run "all-w$w" "$docs" "$w"
done
for w in "${sweep[@]:1}"; do
	printf 'speed-up 1 -> %d workers (%d docs): %.2fx\n' "$w" "$n" "$(echo "$(cat "$work/all-w1.secs") / $(cat "$work/all-w$w.secs")" | bc -l)"
done
run "small-w2" "$work/small" 2
printf 'peak RSS at 2 workers, %d docs: %.1f MB, %d docs: %.1f MB\n' "$small" "$(echo "$(cat "$work/small-w2.rss") / 1024" | bc -l)" \
	"$n" "$(echo "$(cat "$work/all-w2.rss") / 1024" | bc -l)"
echo "dataset: $(du -h "$work/all-w2.db" | cut -f1) SQLite file for $n documents"
