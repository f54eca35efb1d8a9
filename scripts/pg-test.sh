#!/usr/bin/env bash
# Start or stop a throwaway PostgreSQL cluster on loopback for the storage
# tests, and print the DSN they read (CHISO_TEST_POSTGRES).
#
#   eval "$(scripts/pg-test.sh start)"   # exports CHISO_TEST_POSTGRES
#   scripts/pg-test.sh stop
#
# It installs Debian's postgresql when no server binaries are found. initdb
# refuses to run as root, so the cluster belongs to the postgres user (or
# to the caller when not root).
set -euo pipefail

port=${CHISO_PG_PORT:-55432}
dir=${CHISO_PG_DIR:-/tmp/chiso-pg}

bindir() {
	local d
	for d in /usr/lib/postgresql/*/bin; do
		[ -x "$d/initdb" ] && { echo "$d"; return; }
	done
	command -v initdb >/dev/null && dirname "$(readlink -f "$(command -v initdb)")"
}

as_owner() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

case ${1:-start} in
start)
	bin=$(bindir || true)
	if [ -z "$bin" ]; then
		echo "installing postgresql" >&2
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq >&2
		apt-get install -y -qq postgresql >&2
		bin=$(bindir)
	fi
	if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
		useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
	fi
	if [ -f "$dir/data/postmaster.pid" ]; then
		as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >&2 || true
	fi
	rm -rf "$dir"
	mkdir -p "$dir"
	[ "$(id -u)" = 0 ] && chown postgres "$dir"
	as_owner "$bin/initdb" -D "$dir/data" -U chiso --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
	as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
		-o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=200" start >&2
	as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U chiso chiso_test
	echo "export CHISO_TEST_POSTGRES='postgres://chiso@127.0.0.1:$port/chiso_test?sslmode=disable'"
	;;
stop)
	bin=$(bindir)
	[ -f "$dir/data/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$dir/data" -m fast stop >&2
	rm -rf "$dir"
	;;
*)
	echo "usage: $0 start|stop" >&2
	exit 2
	;;
esac
