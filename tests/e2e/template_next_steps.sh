#!/usr/bin/env bash
# A template that carries its data runs as written: after `kpi init --template NAME`, every
# `kpi` command of the printed next steps succeeds in the folder, except the step that asks for
# the user's own export (YOUR_EXPORT.csv). The sample exports it writes are those of
# SAMPLES/TEMPLATE/, byte for byte.
#
#   template_next_steps.sh KPI_BINARY SAMPLES TEMPLATE...
set -uo pipefail
kpi=$1
samples=$2
shift 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "template_next_steps: $*" >&2; exit 1; }

for template in "$@"; do
  folder="$work/$template"
  "$kpi" init --template "$template" "$folder" > "$work/init.out" 2> "$work/init.err" ||
    fail "$template: init failed: $(cat "$work/init.err")"
  if [ -d "$samples/$template" ]; then
    diff -r "$samples/$template" "$folder" -x kpi.toml -x plan.csv -x scores.csv > "$work/diff" ||
      fail "$template: the sample exports differ: $(head -5 "$work/diff")"
  fi
  # The steps are printed as "  N. kpi ARGS   what it does": the command ends at the first
  # run of two blanks.
  steps=$(sed -n 's/^  [0-9]\. \(kpi [^ ].*\)$/\1/p' "$work/init.out" | sed 's/   *.*$//')
  [ -n "$steps" ] || fail "$template: no next steps printed: $(cat "$work/init.out")"
  ran=0
  while IFS= read -r step; do
    case $step in *YOUR_EXPORT*) continue ;; esac
    read -r -a words <<< "${step#kpi }"
    (cd "$folder" && "$kpi" "${words[@]}" > "$work/step.out" 2> "$work/step.err") ||
      fail "$template: \`$step\` failed: $(cat "$work/step.out" "$work/step.err")"
    ran=$((ran + 1))
  done <<< "$steps"
  [ "$ran" -ge 2 ] || fail "$template: only $ran next steps ran"
  echo "template_next_steps: $template: $ran next steps ran"
done
