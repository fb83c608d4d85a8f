#!/usr/bin/env bash
# A throwaway PostgreSQL for the tests, never the machine's own cluster:
#   tests/tools/postgres.sh start   initdb into a fresh folder, start it on
#                                   127.0.0.1:$PG_TEST_PORT (55432) and print its URL
#   tests/tools/postgres.sh stop    stop it and remove the folder
# PostgreSQL refuses to run as root, so as root it runs as the postgres user.
set -euo pipefail
DIR=${PG_TEST_DIR:-/tmp/dongan-pg-test}
PORT=${PG_TEST_PORT:-55432}
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$BIN" ] || { echo "PostgreSQL is not installed: apt-get install postgresql" >&2; exit 1; }
as_owner() {
  if [ "$(id -u)" = "0" ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}
case "${1:-}" in
  start)
    if [ -f "$DIR/data/postmaster.pid" ]; then as_owner "$BIN/pg_ctl -D $DIR/data -m immediate stop" >/dev/null 2>&1 || true; fi
    rm -rf "$DIR"
    mkdir -p "$DIR"
    [ "$(id -u)" = "0" ] && chown postgres "$DIR"
    as_owner "$BIN/initdb -D $DIR/data -A trust -U postgres -E UTF8 --no-locale" >"$DIR/initdb.log" 2>&1 || { cat "$DIR/initdb.log" >&2; exit 1; }
    as_owner "$BIN/pg_ctl -D $DIR/data -l $DIR/server.log -w -o '-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c max_connections=300' start" >/dev/null || { cat "$DIR/server.log" >&2; exit 1; }
    echo "postgres://postgres@127.0.0.1:$PORT/postgres"
    ;;
  stop)
    [ -d "$DIR/data" ] && as_owner "$BIN/pg_ctl -D $DIR/data -m fast -w stop" >/dev/null 2>&1 || true
    rm -rf "$DIR"
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
