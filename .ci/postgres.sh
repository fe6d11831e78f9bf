#!/usr/bin/env bash
# Starts a throw-away PostgreSQL 15 server on loopback for the tests and prints
# its URL (for EVENTWIRE_TEST_POSTGRES). Usage: .ci/postgres.sh [PORT] (default 55432).
# It installs Debian's postgresql-15 when the server binaries are missing. The
# data directory lives under /tmp and is not kept. Tests create their own
# databases in it, so several test processes can share one server.
set -euo pipefail
port="${1:-55432}"
bin=/usr/lib/postgresql/15/bin
if [ ! -x "$bin/postgres" ]; then
  export DEBIAN_FRONTEND=noninteractive
  (apt-get update -qq && apt-get install -y -qq postgresql-15) >&2
fi
dir=$(mktemp -d /tmp/eventwire-pg.XXXXXX)
as=()
if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; as=(runuser -u postgres --); fi
"${as[@]}" "$bin/initdb" -D "$dir/data" -A trust -U eventwire -E UTF8 >/dev/null
"${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >&2
"${as[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U eventwire eventwire
echo "postgres://eventwire@127.0.0.1:$port/eventwire?sslmode=disable"
