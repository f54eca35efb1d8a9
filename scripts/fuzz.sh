#!/bin/sh
# fuzz.sh runs every fuzz target of the module in turn, each for the
# given time, and exits 1 if any target failed. A failing input is saved
# by the go command under the package's testdata/fuzz/<Target>/, where
# `go test ./...` replays it from then on; the script prints each one.
#
#	scripts/fuzz.sh [seconds per target] [target pattern]
#
# With the default 10 s the whole run takes about 8 minutes on two cores,
# most of it compiling the instrumented test binaries. Minimizing a
# failure is skipped (-fuzzminimizetime 0): the raw input is what the
# fixing engineer reads first, and minimizing a slow input can take longer
# than the run.
#
# FUZZ_FAIL=crash (what CI sets) fails the run only on a panic, a hang,
# a memory fault or a target that does not run; an input that merely
# breaks one of a target's checks (a rune lost, a key not its own key) is
# printed, bytes and all, and listed at the end. A random search finds
# such inputs by chance, in no particular change: they are fixed and
# kept under testdata/fuzz, where `go test ./...` replays them and fails.
# The default, FUZZ_FAIL=all, fails on those too.
set -eu
cd "$(dirname "$0")/.."
secs=${1:-10}
only=${2:-.}
fail=${FUZZ_FAIL:-all}
# What the go command prints when a target panicked, hung, ran out of
# memory or was killed.
crash='panic:|fatal error:|hung or terminated unexpectedly|out of memory|deadline exceeded|signal: killed|exit status 2'
# Each line: <package dir> <target>.
targets=$(grep -rl --include='*_test.go' '^func Fuzz' . |
	while read -r f; do
		d=$(dirname "$f")
		grep -o '^func Fuzz[A-Za-z0-9_]*' "$f" | sed "s|^func |$d |"
	done | sort | grep -E "$only" || true)
if [ -z "$targets" ]; then
	echo "fuzz.sh: no fuzz target matches $only" >&2
	exit 1
fi
n=$(echo "$targets" | wc -l)
echo "fuzz.sh: $n targets, ${secs}s each"
fuzz() {
	go test -run '^$' -fuzz "^$2\$" -fuzztime "${secs}s" -fuzzminimizetime 0 "$1" >"$log" 2>&1
}
echo "$targets" | while read -r dir target; do
	log=$(mktemp)
	ok=true
	if ! fuzz "$dir" "$target"; then
		# The go command sometimes ends a run whose time is up with
		# "context deadline exceeded" and no input: a failure of the fuzzing
		# engine, not of the target. Such a run is tried once more; any
		# failure with an input, or a second failure, counts.
		if ! grep -q 'Failing input written' "$log" && grep -q 'context deadline exceeded' "$log"; then
			echo "again $dir $target: the go command ended the run with 'context deadline exceeded' and no input"
			fuzz "$dir" "$target" || ok=false
		else
			ok=false
		fi
	fi
	if $ok; then
		# The last progress line: "fuzz: elapsed: 1m3s, execs: 139826 (…".
		echo "ok    $dir $target $(awk '/elapsed: .*execs: / {
			t = $3; sub(/,$/, "", t); s = 0
			if (t ~ /m/) { split(t, a, "m"); s = a[1] * 60; t = a[2] }
			sub(/s$/, "", t); s += t; e = $5
		} END { if (s > 0) printf "%d execs in %ds, %d/s", e, s, e / s; else printf "(no progress line)" }' "$log")"
	elif [ "$fail" = crash ] && grep -q 'Failing input written' "$log" && ! grep -qE "$crash" "$log"; then
		# An input that breaks one of the target's own checks, found by
		# a random search: reported with its bytes, so that it can be
		# saved under testdata/fuzz and fixed, without failing the run.
		echo "FOUND $dir $target (a check failed; no panic, hang or memory fault)"
		sed -n '1,60p' "$log" | sed 's/^/      /'
		input=$(grep -oE 'testdata/fuzz/[^ ]+' "$log" | head -1)
		if [ -n "$input" ] && [ -f "$dir/$input" ]; then
			echo "      input $dir/$input:"
			head -c 4096 "$dir/$input" | sed 's/^/        /'
		fi
		echo "$dir $target" >>"${TMPDIR:-/tmp}/chiso-fuzz-found.$$"
	else
		echo "FAIL  $dir $target"
		sed -n '1,60p' "$log" | sed 's/^/      /'
		echo "$dir $target" >>"${TMPDIR:-/tmp}/chiso-fuzz-failed.$$"
	fi
	rm -f "$log"
done
if [ -s "${TMPDIR:-/tmp}/chiso-fuzz-found.$$" ]; then
	echo "fuzz.sh: inputs found that fail a check (printed above; not failing with FUZZ_FAIL=crash):"
	sed 's/^/  /' "${TMPDIR:-/tmp}/chiso-fuzz-found.$$"
	rm -f "${TMPDIR:-/tmp}/chiso-fuzz-found.$$"
fi
if [ -s "${TMPDIR:-/tmp}/chiso-fuzz-failed.$$" ]; then
	echo "fuzz.sh: failing targets:"
	sed 's/^/  /' "${TMPDIR:-/tmp}/chiso-fuzz-failed.$$"
	rm -f "${TMPDIR:-/tmp}/chiso-fuzz-failed.$$"
	exit 1
fi
echo "fuzz.sh: all $n targets ran clean"
