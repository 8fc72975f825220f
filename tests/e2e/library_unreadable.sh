#!/usr/bin/env bash
# A library that exists but cannot be read says why (the OS reason), instead of the "not
# found" advice: a loop of symbolic links, and (when the test can drop to another user, or
# does not run as root) a file without read permission.
#
#   library_unreadable.sh KPI_BINARY
set -uo pipefail
kpi=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"
cd "$work"
fail() { echo "library_unreadable: $*" >&2; exit 1; }

ln -s kpi.toml kpi.toml
"$kpi" check > out.txt 2> err.txt
status=$?
[ "$status" = 3 ] || fail "symlink loop: exit $status, expected 3"
[ "$(cat err.txt)" = "kpi: error: kpi.toml: cannot open the KPI library: Too many levels of symbolic links" ] ||
  fail "symlink loop: stderr: $(cat err.txt)"
rm kpi.toml

printf '[kpis.one]\nformula = "1"\n' > kpi.toml
chmod 000 kpi.toml
if [ "$(id -u)" = 0 ]; then
  run_as_other() { setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"; }
  if ! run_as_other true 2> /dev/null || ! run_as_other test -x "$kpi" 2> /dev/null; then
    echo "library_unreadable: ok (permission case skipped: cannot run kpi as nobody)"
    exit 0
  fi
else
  run_as_other() { "$@"; }
fi
run_as_other "$kpi" check > out.txt 2> err.txt
status=$?
[ "$status" = 3 ] || fail "unreadable: exit $status, expected 3"
[ "$(cat err.txt)" = "kpi: error: kpi.toml: cannot open the KPI library: Permission denied" ] ||
  fail "unreadable: stderr: $(cat err.txt)"
echo "library_unreadable: ok"
