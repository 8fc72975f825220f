#!/usr/bin/env bash
# The documentation runner must catch what it is there to catch: on wrong.md it reports the
# difference as a unified diff and exits with 1; after KPI_UPDATE_GOLDEN=1 rewrote a copy of
# it, the copy passes; a command that exits non-zero without showing it fails even when
# updating.
#
#   check_runner.sh PYTHON KPI REPO
set -uo pipefail
unset KPI_UPDATE_GOLDEN  # an update run of the suite must not rewrite the fixtures
python=$1 kpi=$2 root=$3
runner="$root/tests/docs/run_doc_blocks.py"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "check_runner: $*" >&2; exit 1; }

"$python" "$runner" --kpi "$kpi" --root "$root" "$root/tests/docs/wrong.md" >"$work/out" 2>&1
status=$?
cat "$work/out"
[ "$status" -eq 1 ] || fail "wrong.md: expected exit 1, got $status"
grep -q '^@@ ' "$work/out" || fail "wrong.md: no unified diff in the output"
grep -q '^-exit 3$' "$work/out" || fail "wrong.md: the diff does not show the expected line"
grep -q '^+exit 2$' "$work/out" || fail "wrong.md: the diff does not show the actual line"

cp "$root/tests/docs/wrong.md" "$work/copy.md"
KPI_UPDATE_GOLDEN=1 "$python" "$runner" --kpi "$kpi" --root "$root" "$work/copy.md" \
  || fail "update run failed"
grep -q '^exit 2$' "$work/copy.md" || fail "the update did not rewrite the expected output"
"$python" "$runner" --kpi "$kpi" --root "$root" "$work/copy.md" \
  || fail "the updated copy does not pass"

cp "$root/tests/docs/failing_command.md" "$work/failing.md"
KPI_UPDATE_GOLDEN=1 "$python" "$runner" --kpi "$kpi" --root "$root" "$work/failing.md" \
  >"$work/out" 2>&1
status=$?
cat "$work/out"
[ "$status" -eq 1 ] || fail "failing_command.md: expected exit 1, got $status"
grep -q 'exited with [1-9]' "$work/out" || fail "failing_command.md: the exit code is not reported"
echo "check_runner: the runner catches differences and failing commands"
