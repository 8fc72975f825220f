#!/usr/bin/env bash
# kpi on a real SQL engine, as docs/warehouse.md describes: exports loaded with `kpi rows`
# (load.ENGINE.sql beside each library), the measures table computed there by `kpi sql
# --dialect ENGINE` (and, for the page's example, by the page's own SQL), and `kpi values
# --measures` from the engine's CSV byte for byte the same as `kpi values` from the exports, as
# JSON, for 2025-06 and 2025-Q2, whole and by each breakdown (and per-entity measures, through
# tests/e2e/warehouse/per_entity: kpi list's library); and, where the library has a plan, `kpi
# report --measures` byte for byte the JSON measures_report_expected.sh says: kpi report's but
# for the files read and their bad data (the engine's table instead of the exports). Libraries:
# the page's example (docs/examples/warehouse), tests/e2e/warehouse, which holds every construct
# kpi sql translates (Chinese field names, a lookup, several breakdown fields, filters,
# arithmetic), and the examples clinic, beauty and sales.
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
# shellcheck source=tests/e2e/measures_report_expected.sh
source "$root/tests/e2e/measures_report_expected.sh"
skip() { echo "warehouse_engines $engine: skipped: $*" >&2; exit 77; }

# PostgreSQL refuses to run as root: the server and psql then run as nobody.
as_db_user() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u nobody -- "$@"
  else
    "$@"
  fi
}

# The engine: `load LIBRARY_NAME` loads the tables of the current folder (load.ENGINE.sql),
# `run_query SQL_FILE OUTPUT.csv` writes the query's result as CSV with a header.
case $engine in
  sqlite)
    command -v sqlite3 >/dev/null || skip "sqlite3 is not installed (apt-get install sqlite3)"
    load() { sqlite3 db.sqlite <load.sqlite.sql; }
    run_query() { sqlite3 -csv -header db.sqlite <"$1" >"$2"; }
    ;;
  postgres)
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -x "$pg_bin/initdb" ] || skip "PostgreSQL is not installed (apt-get install postgresql)"
    mkdir "$work/pg"
    [ "$(id -u)" -ne 0 ] || chown nobody "$work/pg"
    pg_data="$work/pg/data"
    as_db_user "$pg_bin/initdb" -D "$pg_data" -A trust -U kpi --no-sync >"$work/initdb.log" 2>&1 ||
      fail "initdb failed: $(tail -n 3 "$work/initdb.log")"
    as_db_user "$pg_bin/pg_ctl" -D "$pg_data" -l "$work/pg/server.log" -w \
      -o "-k $work/pg -c listen_addresses= -c fsync=off" start >/dev/null ||
      fail "the server did not start: $(tail -n 3 "$work/pg/server.log")"
    database=postgres
    psql_run() { as_db_user psql -h "$work/pg" -U kpi -d "$database" -v ON_ERROR_STOP=1 -q "$@"; }
    load() {
      database=postgres
      psql_run -c "CREATE DATABASE $1" || return 1
      database=$1
      psql_run -f load.postgres.sql
    }
    # COPY (query) TO STDOUT: the query, its comments dropped, on one line.
    run_query() {
      local query
      query=$(sed 's/--.*//' "$1" | tr '\n' ' ' | sed 's/;[[:space:]]*$//')
      psql_run -c "COPY ($query) TO STDOUT WITH (FORMAT csv, HEADER true)" >"$2"
    }
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
    load() { :; }  # in memory: each query loads the tables first
    run_query() {
      NODE_PATH="$node_modules" node "$root/tests/e2e/run_duckdb.js" load.duckdb.sql "$1" "$2"
    }
    ;;
  *) fail "unknown engine $engine" ;;
esac

# `kpi values --measures TABLE` for PERIOD (and BY) gives kpi values from the exports.
same_values() {
  local table=$1 period=$2 by=$3
  # shellcheck disable=SC2086  # $by is an option and its value, or nothing
  "$kpi" values "$library" --period "$period" $by --format json >native.json 2>/dev/null ||
    fail "kpi values failed"
  # shellcheck disable=SC2086
  "$kpi" values "$library" --period "$period" $by --format json --measures "$table" \
    >engine.json || fail "kpi values --measures $table failed"
  cmp -s native.json engine.json ||
    fail "$name: $table: values $period $by differ: $(diff native.json engine.json | head -n 6)"
}

# `kpi report --measures TABLE` for PERIOD gives kpi report from the exports, but for the bad
# data and the files read (the last members, "data_problems" and "inputs": with --measures kpi
# reads the table and no export but those of the library's alerts, ALERT_SOURCES; `kpi rows`
# counted the bad data when it loaded the exports).
same_report() {
  local table=$1 period=$2 alert_sources=${3:-}
  "$kpi" report "$library" --period "$period" --today 2025-12-31 --format json >native.json \
    2>/dev/null || fail "kpi report failed"
  "$kpi" report "$library" --period "$period" --today 2025-12-31 --format json \
    --measures "$table" >engine.json 2>report.err || fail "kpi report --measures $table failed: $(cat report.err)"
  grep -q '"score":[0-9]' native.json || fail "$name: the report $period has no score"
  expected_measures_report native.json "$table" "$alert_sources" >expected.json
  cmp -s expected.json engine.json ||
    fail "$name: $table: report $period differs: $(diff expected.json engine.json | head -n 6)"
}

# NAME FOLDER SOURCES BY...: loads the library's sources and checks kpi sql's table.
check_library() {
  name=$1
  local folder=$2 sources=$3
  shift 3
  library="$folder/kpi.toml"
  mkdir "$work/$name" && cd "$work/$name" || fail "no folder for $name"
  for source in $sources; do
    "$kpi" rows "$source" "$library" -o "$source.csv" 2>/dev/null || fail "kpi rows $source failed"
  done
  cp "$folder"/load.*.sql .
  [ "$(id -u)" -ne 0 ] || chown -R nobody .
  load "$name" || fail "$name: loading failed"
  for by in "$@"; do
    # shellcheck disable=SC2086
    "$kpi" sql "$library" --period 2025-06 --period 2025-Q2 $by --dialect "$engine" \
      --today 2025-12-31 -o generated.sql || fail "$name: kpi sql $by failed"
    run_query generated.sql generated.csv ||
      fail "$name: kpi sql's query $by failed: $(head -c 300 generated.sql)"
    grep -q '^rows([a-z_]*),2025-Q2,' generated.csv || fail "$name: no rows for 2025-Q2 in the table"
    for period in 2025-06 2025-Q2; do
      same_values generated.csv "$period" "$by"
      if [ -z "$by" ] && [ -f "$folder/plan.csv" ]; then
        same_report generated.csv "$period"
      fi
    done
  done
}

example="$root/docs/examples/warehouse"
check_library example "$example" "pos complaints" "" "--by store"
# The page's own SQL (SQLite's version for SQLite).
sql_file=measures.sql
[ "$engine" != sqlite ] || sql_file=measures.sqlite.sql
run_query "$example/$sql_file" measures.csv || fail "the page's query failed"
for by in "" "--by store"; do
  same_values measures.csv 2025-06 "$by"
done
check_library constructs "$root/tests/e2e/warehouse" "orders stores tickets" "" \
  "--by 门店,渠道" "--by region"
check_library per_entity "$root/tests/e2e/warehouse/per_entity" "pos" "" "--by store"

# The examples, each source loaded with its fields' types (warehouse_load.py): kpi sql's table
# gives their reports for 2025-06 and 2025-Q2, and their values.
for example_name in clinic beauty sales; do
  folder="$root/examples/$example_name"
  sources=$(python3 -c "import sys, tomllib; print(' '.join(tomllib.load(open(sys.argv[1], 'rb'))['sources']))" "$folder/kpi.toml") ||
    fail "cannot read the sources of $example_name"
  name=$example_name
  library="$folder/kpi.toml"
  mkdir "$work/$name" && cd "$work/$name" || fail "no folder for $name"
  for source in $sources; do
    "$kpi" rows "$source" "$library" -o "$source.csv" 2>/dev/null || fail "$name: kpi rows $source failed"
  done
  # shellcheck disable=SC2086  # one word per source
  python3 "$root/tests/e2e/warehouse_load.py" "$engine" "$library" $sources >"load.$engine.sql" ||
    fail "$name: warehouse_load.py failed"
  [ "$(id -u)" -ne 0 ] || chown -R nobody .
  load "$name" || fail "$name: loading failed"
  "$kpi" sql "$library" --period 2025-06 --period 2025-Q2 --dialect "$engine" --today 2025-12-31 \
    -o generated.sql || fail "$name: kpi sql failed"
  run_query generated.sql generated.csv || fail "$name: kpi sql's query failed"
  alert_sources=""
  [ "$name" = sales ] && alert_sources="customers orders leads"  # region is a lookup
  for period in 2025-06 2025-Q2; do
    same_report generated.csv "$period" "$alert_sources"
    same_values generated.csv "$period" ""
  done
done
echo "warehouse_engines $engine: the engine's measures give kpi's values to the byte"
