#!/usr/bin/env bash
# Prepare what the browser and PostgreSQL tests need; `make test` runs this.
#
# - Installs Debian's chromium + chromium-driver, postgresql, nodejs + npm
#   (the CMS kit's node tests) and nginx (the proxy test runs
#   docker/nginx.conf on loopback) with apt-get
#   when they are missing and we are root (CI is). Never fails the run: when
#   apt is unavailable the tests that need them skip with a message.
# - Starts a throwaway PostgreSQL server on 127.0.0.1 (free port, data in
#   $SOURCECHECK_PG_DIR, default /tmp/sourcecheck-test-pg) and writes its URL to
#   test-artifacts/postgres.url, which tests/conftest_store reads as
#   TEST_DATABASE_URL. Idempotent: a server this script started is reused.
#   Stop it with: scripts/test-setup.sh --stop
set -u
cd "$(dirname "$0")/.."
ARTIFACTS=test-artifacts
URL_FILE=$ARTIFACTS/postgres.url
PG_DIR=${SOURCECHECK_PG_DIR:-/tmp/sourcecheck-test-pg}
mkdir -p "$ARTIFACTS"

say() { echo "test-setup: $*"; }

pg_bin() {  # newest installed server's bin directory
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

as_pg() {  # initdb and postgres refuse to run as root
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [ "${1:-}" = "--stop" ]; then
    bin=$(pg_bin)
    [ -n "$bin" ] && [ -d "$PG_DIR/data" ] && as_pg "$bin/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1
    rm -f "$URL_FILE"
    exit 0
fi

missing=()
{ [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; } || missing+=(chromium chromium-driver)
[ -n "$(pg_bin)" ] || missing+=(postgresql)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        say "installing ${missing[*]} with apt-get"
        export DEBIAN_FRONTEND=noninteractive
        { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}"; } \
            >"$ARTIFACTS/apt.log" 2>&1 || say "apt-get failed (see $ARTIFACTS/apt.log); dependent tests will skip"
    else
        say "missing ${missing[*]} and cannot apt-get (not root or no apt); dependent tests will skip"
    fi
fi

# --- PostgreSQL on loopback ----------------------------------------------------
rm -f "$URL_FILE"
bin=$(pg_bin)
if [ -z "$bin" ]; then
    say "no PostgreSQL server installed; PostgreSQL store tests will skip"
    exit 0
fi
if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
    say "no postgres user to run the server as; PostgreSQL store tests will skip"
    exit 0
fi

start_server() {
    mkdir -p "$PG_DIR"
    [ "$(id -u)" = 0 ] && chown postgres "$PG_DIR"
    if [ ! -f "$PG_DIR/data/PG_VERSION" ]; then
        as_pg "$bin/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
            >"$PG_DIR/initdb.log" 2>&1 || { say "initdb failed (see $PG_DIR/initdb.log)"; return 1; }
    fi
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_pg "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_DIR -c fsync=off -c full_page_writes=off" \
        start </dev/null >/dev/null 2>&1 || { say "PostgreSQL did not start (see $PG_DIR/server.log)"; return 1; }
    echo "$port" >"$PG_DIR/port"
}

if as_pg "$bin/pg_ctl" -D "$PG_DIR/data" status >/dev/null 2>&1 && [ -f "$PG_DIR/port" ]; then
    port=$(cat "$PG_DIR/port")
    say "reusing PostgreSQL on 127.0.0.1:$port"
else
    start_server || exit 0
    say "started PostgreSQL on 127.0.0.1:$port (data in $PG_DIR)"
fi
# a fresh database for each run, so tests start from an empty schema
"$bin/dropdb" -h 127.0.0.1 -p "$port" -U postgres --if-exists sourcecheck_test >/dev/null 2>&1
if "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres sourcecheck_test >/dev/null 2>&1; then
    echo "postgresql+psycopg://postgres@127.0.0.1:$port/sourcecheck_test" >"$URL_FILE"
else
    say "could not create the test database; PostgreSQL store tests will skip"
fi
exit 0
