#!/usr/bin/env bash
# A report that cannot be written is an error, never a silent exit 0, and -o writes where the
# user points it without replacing what is there with something else:
# - standard output full, closed, or a pipe closed early (SIGPIPE ignored): exit 4, a message;
# - -o through a symbolic link updates the link's target and keeps the link;
# - -o to a FIFO writes into it and leaves it a FIFO; -o to a device writes to the device.
#
#   write_failures.sh KPI_BINARY
set -uo pipefail
kpi=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
fail() { echo "write_failures: $*" >&2; exit 1; }

cat > kpi.toml <<'TOML'
[sources.pos]
files = "pos.csv"
time = "day"
[sources.pos.fields]
day = { column = "date", type = "date" }
amount = { column = "amount", type = "money" }
[measures.sales]
source = "pos"
sum = "amount"
[kpis.sales]
name = "销售额"
formula = "sales"
unit = "money"
TOML
for i in $(seq 1 3000); do printf '[kpis.k%d]\nformula = "sales + %d"\n' "$i" "$i"; done >> kpi.toml
printf 'date,amount\n2025-06-01,1\n' > pos.csv
printf '岗位,KPI,目标值,权重\n店长,sales,1,100\n' > plan.csv
bytes=$("$kpi" values --period 2025-06 --format csv | wc -c)
[ "$bytes" -gt 65536 ] || fail "the output is $bytes bytes, not past the stdio buffer"

expect_write_error() {  # expect_write_error WHAT EXIT STDERR_FILE REASON
  [ "$2" = 4 ] || fail "$1: exit $2, expected 4"
  grep -qx "kpi: error: cannot write to standard output: $4" "$3" || fail "$1: stderr: $(cat "$3")"
}
if [ -c /dev/full ]; then
  "$kpi" values --period 2025-06 --format csv > /dev/full 2> err; code=$?
  expect_write_error "> /dev/full" "$code" err "No space left on device"
fi
"$kpi" values --period 2025-06 --format csv >&- 2> err; code=$?
expect_write_error "stdout closed" "$code" err "Bad file descriptor"
( trap '' PIPE; "$kpi" values --period 2025-06 --format csv 2> err | head -c 10 > /dev/null
  echo "${PIPESTATUS[0]}" > code )
expect_write_error "| head with SIGPIPE ignored" "$(cat code)" err "Broken pipe"

# -o through a symbolic link: the target gets the report, the link stays.
echo "old report" > target.csv
ln -s target.csv latest.csv
"$kpi" report --period 2025-06 --format csv -o latest.csv || fail "-o symlink failed"
[ -L latest.csv ] || fail "-o replaced the symbolic link"
grep -q '^2025-06,店长,,sales,' target.csv || fail "-o left the link's target unchanged"

# -o to a FIFO: the reader gets the report, the FIFO stays.
mkfifo pipe
cat pipe > from_pipe &
reader=$!
"$kpi" report --period 2025-06 --format csv -o pipe || fail "-o FIFO failed"
wait "$reader"
[ -p pipe ] || fail "-o replaced the FIFO"
cmp -s from_pipe target.csv || fail "the FIFO's reader did not get the report"

# -o to a device: written to it, never replaced.
if [ -c /dev/full ]; then
  "$kpi" report --period 2025-06 --format csv -o /dev/full 2> err; code=$?
  [ "$code" = 4 ] || fail "-o /dev/full: exit $code"
  grep -qx "kpi: error: /dev/full: cannot write: No space left on device" err ||
    fail "-o /dev/full: $(cat err)"
  [ -c /dev/full ] || fail "-o replaced /dev/full"
fi
mkdir folder
"$kpi" report --period 2025-06 --format csv -o folder 2> err; code=$?
[ "$code" = 4 ] || fail "-o folder: exit $code"
grep -qx "kpi: error: folder: cannot write the report: Is a directory" err || fail "-o folder: $(cat err)"
echo "write_failures: ok"
