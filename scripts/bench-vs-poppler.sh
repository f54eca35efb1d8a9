#!/usr/bin/env bash
# Speed benchmark (not a test): chiso against poppler's pdftotext, whole
# processes, interleaved by hyperfine, medians. Prints one line per case
# with the ratio chiso/pdftotext (below 1.00 is faster than poppler):
#
#   - start-up: `chiso --help`, a process that reads nothing;
#   - `chiso parse` and `chiso extract` (district rubric) against
#     `pdftotext -layout` and plain `pdftotext` on the 64-page PDF of
#     testdocs and on 256 and 1024 pages made from it with pdfunite;
#   - HTML x1, x10, x50 (the report's tables repeated): extract against
#     parse, which has no poppler counterpart.
#
#   scripts/bench-vs-poppler.sh                 # builds chiso with go
#   CHISO=/path/to/chiso scripts/bench-vs-poppler.sh   # no Go needed
#   TESTDOCS=dir RUNS=20 scripts/bench-vs-poppler.sh
#
# It needs hyperfine, pdftotext and pdfunite (poppler-utils) and python3
# (to read hyperfine's JSON). Ingest throughput is scripts/bench-ingest.sh.
# pdfplumber is left out: it is not installed here and pip has no network.
# On a shared machine the medians move by tens of percent between runs:
# compare cases within one run, and read the user CPU column too.
set -euo pipefail
cd "$(dirname "$0")/.."

docs=${TESTDOCS:-../shared/testdocs}
runs=${RUNS:-15}
for tool in hyperfine pdftotext pdfunite python3; do
	command -v "$tool" >/dev/null || { echo "bench-vs-poppler: $tool not found" >&2; exit 2; }
done
[ -f "$docs/report_big.pdf" ] || { echo "bench-vs-poppler: $docs/report_big.pdf not found (set TESTDOCS)" >&2; exit 2; }

work=$(mktemp -d /tmp/chiso-vs-poppler.XXXXXX)
trap 'rm -rf "$work"' EXIT
chiso=${CHISO:-}
if [ -z "$chiso" ]; then
	go build -o "$work/chiso" ./cmd/chiso
	chiso=$work/chiso
fi

# The documents: 64 pages as they are, 256 and 1024 pages by repeating
# them, HTML with its body repeated.
cp "$docs/report_big.pdf" "$work/p64.pdf"
pdfunite "$work/p64.pdf" "$work/p64.pdf" "$work/p64.pdf" "$work/p64.pdf" "$work/p256.pdf"
pdfunite "$work/p256.pdf" "$work/p256.pdf" "$work/p256.pdf" "$work/p256.pdf" "$work/p1024.pdf"
python3 - "$docs/report_big.html" "$work" <<'EOF'
import sys
src, out = sys.argv[1], sys.argv[2]
html = open(src, encoding="utf-8").read()
head, rest = html.split("<body>", 1)
body, tail = rest.rsplit("</body>", 1)
for n in (1, 10, 50):
    open(f"{out}/h{n}.html", "w", encoding="utf-8").write(head + "<body>" + body * n + "</body>" + tail)
EOF

# bench NAME CMD...: one hyperfine run of the commands, interleaved
# (hyperfine runs them in turn per round when --runs is the same), into
# $work/NAME.json.
bench() {
	local name=$1
	shift
	hyperfine -N -i --style none --warmup 2 --runs "$runs" --export-json "$work/$name.json" "$@" >/dev/null 2>&1
}

# report NAME BASE: prints each command of NAME's run with its median,
# user CPU and ratio to the command whose text contains BASE.
report() {
	python3 - "$work/$1.json" "$2" "$work/" <<'EOF'
import json, sys
res = json.load(open(sys.argv[1]))["results"]
base = next(r for r in res if sys.argv[2] in r["command"])
for r in res:
    cmd = r["command"].replace(sys.argv[3], "")
    print(f"  {cmd:<52} median {r['median']*1000:8.1f} ms  user {r['user']*1000:8.1f} ms  "
          f"x{r['median']/base['median']:5.2f} of {sys.argv[2]}")
EOF
}

echo "cores $(nproc), load $(cut -d' ' -f1-3 /proc/loadavg), $runs runs each, $("$chiso" --version 2>/dev/null | tr "\n" " " || echo chiso)"
echo "start-up (a process that reads nothing):"
bench startup "$chiso --help" "pdftotext -v"
report startup "pdftotext -v"
for p in 64 256 1024; do
	f=$work/p$p.pdf
	echo "PDF, $p pages:"
	bench "pdf$p" "$chiso extract $f" "$chiso parse $f" "pdftotext -layout $f $work/out.txt" "pdftotext $f $work/out.txt"
	report "pdf$p" "pdftotext -layout"
done
for n in 1 10 50; do
	f=$work/h$n.html
	echo "HTML x$n (extract against parse):"
	bench "html$n" "$chiso extract $f" "$chiso parse $f"
	report "html$n" " parse "
done
