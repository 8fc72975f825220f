#!/usr/bin/env bash
# The steps of docs/warehouse.md on a real engine: the example's exports loaded with `kpi rows`
# (docs/examples/warehouse/load.*.sql), its measures table computed there by the page's SQL
# (measures.sql; measures.sqlite.sql for SQLite), and `kpi values --measures` from the engine's
# CSV byte for byte the same as `kpi values` from the exports, as JSON, whole and by store.
#
#   warehouse_engines.sh sqlite|postgres|duckdb KPI_BINARY REPOSITORY_ROOT [NODE_MODULES]
#
# Exits 77 (CTest: skipped) when the engine is not installed: sqlite3 and postgresql from
# Debian, @duckdb/node-api from npm (installed into NODE_MODULES on first use).
set -uo pipefail
engine=$1
kpi=$2
root=$3
node_modules=${4:-}
example="$root/docs/examples/warehouse"
work=$(mktemp -d)
chmod 755 "$work"
pg_data=""
cleanup() {
  if [ -n "$pg_data" ] && [ -f "$pg_data/postmaster.pid" ]; then
    as_db_user "$pg_bin/pg_ctl" -D "$pg_data" -m immediate -w stop >/dev/null 2>&1
  fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "warehouse_engines $engine: $*" >&2; exit 1; }
skip() { echo "warehouse_engines $engine: skipped: $*" >&2; exit 77; }

# PostgreSQL refuses to run as root: the server and psql then run as nobody.
as_db_user() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u nobody -- "$@"
  else
    "$@"
  fi
}

cd "$work" || fail "no work folder"
"$kpi" rows pos "$example/kpi.toml" -o pos.csv || fail "kpi rows pos failed"
"$kpi" rows complaints "$example/kpi.toml" -o complaints.csv || fail "kpi rows complaints failed"
cp "$example"/load.*.sql "$example"/measures*.sql .

case $engine in
  sqlite)
    command -v sqlite3 >/dev/null || skip "sqlite3 is not installed (apt-get install sqlite3)"
    sqlite3 db.sqlite <load.sqlite.sql || fail "loading failed"
    sqlite3 -csv -header db.sqlite <measures.sqlite.sql >measures.csv || fail "the query failed"
    ;;
  postgres)
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -x "$pg_bin/initdb" ] || skip "PostgreSQL is not installed (apt-get install postgresql)"
    mkdir pg && chown "$( [ "$(id -u)" -eq 0 ] && echo nobody || id -un)" pg "$work"/*.csv . 2>/dev/null
    pg_data="$work/pg/data"
    as_db_user "$pg_bin/initdb" -D "$pg_data" -A trust -U kpi --no-sync >pg/initdb.log 2>&1 ||
      fail "initdb failed: $(tail -n 3 pg/initdb.log)"
    as_db_user "$pg_bin/pg_ctl" -D "$pg_data" -l pg/server.log -w \
      -o "-k $work/pg -c listen_addresses= -c fsync=off" start >/dev/null ||
      fail "the server did not start: $(tail -n 3 pg/server.log)"
    psql_run() { as_db_user psql -h "$work/pg" -U kpi -d postgres -v ON_ERROR_STOP=1 -q "$@"; }
    psql_run -f load.postgres.sql || fail "loading failed"
    # COPY (query) TO STDOUT: the page's query, its comments dropped, on one line.
    query=$(sed 's/--.*//' measures.sql | tr '\n' ' ' | sed 's/;[[:space:]]*$//')
    psql_run -c "COPY ($query) TO STDOUT WITH (FORMAT csv, HEADER true)" >measures.csv ||
      fail "the query failed"
    as_db_user "$pg_bin/pg_ctl" -D "$pg_data" -m fast -w stop >/dev/null || fail "stop failed"
    ;;
  duckdb)
    command -v node >/dev/null || skip "node is not installed (apt-get install nodejs npm)"
    [ -n "$node_modules" ] || fail "no NODE_MODULES folder given"
    if [ ! -d "$node_modules/@duckdb/node-api" ]; then
      command -v npm >/dev/null || skip "npm is not installed (apt-get install npm)"
      prefix=$(dirname "$node_modules")
      mkdir -p "$prefix"
      timeout 300 npm install --prefix "$prefix" --no-audit --no-fund @duckdb/node-api \
        >"$work/npm.log" 2>&1 || skip "npm install @duckdb/node-api failed: $(tail -n 2 "$work/npm.log")"
    fi
    NODE_PATH="$node_modules" node "$root/tests/e2e/run_duckdb.js" load.duckdb.sql measures.sql \
      measures.csv || fail "the query failed"
    ;;
  *) fail "unknown engine $engine" ;;
esac

grep -q '^sales,2025-06,' measures.csv || fail "no sales for 2025-06 in the engine's table"
for by in "" "--by store"; do
  # shellcheck disable=SC2086  # $by is an option and its value, or nothing
  "$kpi" values "$example/kpi.toml" --period 2025-06 $by --format json >native.json ||
    fail "kpi values failed"
  # shellcheck disable=SC2086
  "$kpi" values "$example/kpi.toml" --period 2025-06 $by --format json --measures measures.csv \
    >engine.json || fail "kpi values --measures failed"
  cmp -s native.json engine.json ||
    fail "values $by differ: $(diff native.json engine.json | head -n 6)"
done
echo "warehouse_engines $engine: the engine's measures give kpi's values to the byte"
