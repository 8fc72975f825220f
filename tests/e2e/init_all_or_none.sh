#!/usr/bin/env bash
# kpi init writes all its starter files or none: when a file cannot be written (here the second
# fsync fails with ENOSPC, as on a full disk), it exits 4 and leaves nothing behind, not even
# the folder it made, so that running it again once there is space works.
#
#   init_all_or_none.sh KPI_BINARY IO_FAULTS_SHIM
set -uo pipefail
kpi=$1
shim=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
fail() { echo "init_all_or_none: $*" >&2; exit 1; }

LD_PRELOAD=$shim ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0 KPI_TEST_FSYNC_FAIL_AFTER=1 "$kpi" init --template beauty new > out.txt 2> err.txt
status=$?
[ "$status" = 4 ] || fail "exit $status, expected 4; stderr: $(cat err.txt)"
grep -q "^kpi: error: new/.*: cannot write: No space left on device$" err.txt ||
  fail "stderr: $(cat err.txt)"
[ ! -e new ] || fail "the folder was left with: $(ls -A new | tr '\n' ' ')"

mkdir old
LD_PRELOAD=$shim ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0 KPI_TEST_FSYNC_FAIL_AFTER=1 "$kpi" init --template beauty old > out.txt 2> err.txt
[ $? = 4 ] || fail "existing folder: exit not 4"
[ -d old ] || fail "the existing folder was removed"
[ -z "$(ls -A old)" ] || fail "existing folder: files left: $(ls -A old | tr '\n' ' ')"

"$kpi" init --template beauty old > out.txt 2> err.txt || fail "init again failed: $(cat err.txt)"
[ -s old/kpi.toml ] && [ -s old/plan.csv ] || fail "init again did not write the set: $(ls -A old)"
echo "init_all_or_none: ok"
