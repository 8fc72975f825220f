#!/usr/bin/env bash
# The manual page and the shell completions the build generates (kpi --generate): the page
# renders without a groff warning and documents every command; the bash completion is valid
# bash that completes commands and options; zsh and fish check their files where installed.
set -euo pipefail
kpi=$1
generated=$2  # the folder where the build wrote kpi.1, kpi.bash, _kpi and kpi.fish
fail() { echo "FAIL: $*" >&2; exit 1; }

commands=$( ("$kpi" 2>&1 || true) | awk '/^  [a-z]+ /{print $1}')
[ -n "$commands" ] || fail "bare kpi lists no command"

if command -v man >/dev/null; then
  page=$(MANWIDTH=100 man --warnings -l "$generated/kpi.1" 2>"$generated/man.err")
  [ ! -s "$generated/man.err" ] || fail "man warns: $(cat "$generated/man.err")"
else
  echo "note: man is not installed (apt-get install man-db); reading the page with groff" >&2
  page=$(groff -man -Tutf8 -ww "$generated/kpi.1")
fi
for command in $commands; do
  grep -q "kpi $command" <<<"$page" || fail "the man page has no section for kpi $command"
done
grep -q -- "--allow-empty" <<<"$page" || fail "the man page lacks report's --allow-empty"
grep -q "EXIT STATUS" <<<"$page" || fail "the man page has no EXIT STATUS"

bash -n "$generated/kpi.bash" || fail "kpi.bash is not valid bash"
completions=$(bash -c '
  source "$1"
  complete -p kpi
  COMP_WORDS=(kpi rep); COMP_CWORD=1; _kpi; echo "commands: ${COMPREPLY[*]}"
  COMP_WORDS=(kpi report --per); COMP_CWORD=2; _kpi; echo "options: ${COMPREPLY[*]}"
  COMP_WORDS=(kpi alerts --f); COMP_CWORD=2; _kpi; echo "alerts: ${COMPREPLY[*]}"
' _ "$generated/kpi.bash")
expected='complete -o filenames -F _kpi kpi
commands: report
options: --period
alerts: --format'
[ "$completions" = "$expected" ] || fail "bash completes:
$completions
expected:
$expected"

if command -v zsh >/dev/null; then
  zsh -n "$generated/_kpi" || fail "_kpi is not valid zsh"
else
  echo "note: zsh is not installed; _kpi not parsed" >&2
fi
if command -v fish >/dev/null; then
  fish --no-execute "$generated/kpi.fish" || fail "kpi.fish is not valid fish"
else
  echo "note: fish is not installed; kpi.fish not parsed" >&2
fi
for command in $commands; do
  grep -q -- "-a $command " "$generated/kpi.fish" || fail "kpi.fish lacks $command"
done
echo "generated docs: man page and completions for: $(echo $commands)"
