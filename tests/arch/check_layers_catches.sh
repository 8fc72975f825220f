#!/usr/bin/env bash
# check_layers.py fails on an include its table forbids, and names the file, line and module:
# a copy of the real tree with one upward include added to core/ must fail.
#
#   check_layers_catches.sh SOURCE_DIR
set -euo pipefail
source_dir=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lib"
cp -r "$source_dir/lib/kpi" "$source_dir/lib/README.md" "$work/lib/"
cp -r "$source_dir/cli" "$work/"
python3 "$source_dir/tests/arch/check_layers.py" "$work" > /dev/null
printf '#pragma once\n\n#include "kpi/engine/kpi_values.hpp"\n' > "$work/lib/kpi/core/upward.hpp"
if output=$(python3 "$source_dir/tests/arch/check_layers.py" "$work"); then
  echo "check_layers_catches: an upward include passed" >&2
  exit 1
fi
expected='lib/kpi/core/upward.hpp:3: core includes "kpi/engine/kpi_values.hpp" (allowed: none)'
grep -qxF "$expected" <<<"$output" || { echo "check_layers_catches: got: $output" >&2; exit 1; }
echo "check_layers_catches: ok"
