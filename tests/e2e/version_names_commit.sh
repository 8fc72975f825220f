#!/usr/bin/env bash
# `kpi --version` prints "kpi VERSION", with "(commit HASH)" when it was built from a git
# checkout, and exits 0. The hash changes with every commit, so it is checked for its form (ten
# hex digits), not its value.
#
#   version_names_commit.sh KPI_BINARY SOURCE_DIR
set -uo pipefail
kpi=$1
source_dir=$2
fail() { echo "version_names_commit: $*" >&2; exit 1; }

out=$("$kpi" --version 2>&1) || fail "kpi --version exited with $?: $out"
[[ $out =~ ^kpi\ [0-9]+\.[0-9]+\.[0-9]+(\ \(commit\ [0-9a-f]{10}\))?$ ]] ||
  fail "unexpected --version line: \"$out\""
if git -C "$source_dir" rev-parse --short=10 HEAD > /dev/null 2>&1; then
  [[ $out == *"(commit "* ]] || fail "built from a git checkout, but --version names no commit: \"$out\""
fi
echo "version_names_commit: $out"
