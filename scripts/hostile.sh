#!/bin/sh
# hostile.sh writes chiso's hostile corpus (internal/hostile: every
# reproducer class of the hostile-files issue and seeded mutations of a
# document in each format, ~2,200 files) to a temporary folder, runs
# `chiso extract --json` on each file in a child process under a wall
# time, and prints the counts per class: read, clean errors, panics,
# fatal errors, timeouts, peak RSS over the bound. Then it ingests the
# whole folder once into a temporary SQLite dataset. It exits 1 when any
# file is bad or the ingest fails. Nothing is left on disk.
#
#	scripts/hostile.sh [-seed N] [-j N] [-wall 60s] [-timeout 30s] [-rss 512] [-also parse]
#
# The corpus takes about 700 MB of disk (holes for the files over the size
# limit make them free) and 15 s to write; the runs take 7–10 minutes on
# two cores.
set -eu
cd "$(dirname "$0")/.."
seed=1
args=""
while [ $# -gt 0 ]; do
	case "$1" in
	-seed) seed=$2; shift 2 ;;
	*) args="$args $1 $2"; shift 2 ;;
	esac
done
tmp=$(mktemp -d "${TMPDIR:-/tmp}/chiso-hostile.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
go build -o "$tmp/chiso" ./cmd/chiso
go build -o "$tmp/hostile" ./internal/hostile/cmd/hostile
mkdir "$tmp/corpus"
"$tmp/hostile" -write "$tmp/corpus" -seed "$seed"
status=0
# shellcheck disable=SC2086
"$tmp/hostile" -run -chiso "$tmp/chiso" -dir "$tmp/corpus" $args || status=1
echo
echo "ingest of the whole corpus:"
"$tmp/hostile" -exec -wall 60m -- "$tmp/chiso" ingest --lang en --db "$tmp/hostile.sqlite" --workers 2 --timeout 30s "$tmp/corpus" \
	>"$tmp/ingest.out" 2>"$tmp/ingest.err" || true
grep -E '^(files |findings|needs OCR)' "$tmp/ingest.out" || true
echo "failed: $(grep -c '^failed: ' "$tmp/ingest.out" || true) files"
tail -1 "$tmp/ingest.err"
# exit 3 is ingest's "some files failed", which a hostile corpus must
# give; anything else (a crash, a trace, the wall time) is a failure.
if ! tail -1 "$tmp/ingest.err" | grep -q '^exit 3, .*timed out false, panic false, fatal false'; then
	echo "hostile.sh: the ingest did not complete cleanly" >&2
	status=1
fi
exit $status
