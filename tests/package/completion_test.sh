#!/usr/bin/env bash
# The bash completion (tools/completion/footballdb.bash), sourced into bash and asked as bash asks
# it: what it offers for some command lines, and that it offers every command, subcommand and
# option `footballdb --help` lists.
#   completion_test.sh COMPLETION_SCRIPT FOOTBALLDB
set -euo pipefail
script=$1
FOOTBALLDB=$2
# shellcheck source-path=SCRIPTDIR source=cli_help.sh
source "$(dirname "$0")/cli_help.sh"
# shellcheck source=../../tools/completion/footballdb.bash
source "$script"
failures=0

# What the completion offers for the command line WORDS..., the last being the word completed.
offers() {
  COMP_WORDS=(footballdb "$@")
  COMP_CWORD=$#
  COMP_LINE="${COMP_WORDS[*]}"
  COMP_POINT=${#COMP_LINE}
  COMPREPLY=()
  _footballdb
  printf '%s\n' "${COMPREPLY[@]}" | sort
}

# expect "WANTED" WORDS...: the offers are exactly WANTED (blank-separated, any order).
expect() {
  local wanted got
  wanted=$(tr ' ' '\n' <<<"$1" | grep . | sort || true)
  shift
  got=$(offers "$@")
  if [ "$got" != "$wanted" ]; then
    echo "FAIL: footballdb $* -> ${got//$'\n'/ }, expected ${wanted//$'\n'/ }"
    failures=$((failures + 1))
  fi
}

# includes "WANTED" WORDS...: every word of WANTED is offered.
includes() {
  local got w
  got=$(offers "${@:2}")
  for w in $1; do
    if ! grep -qxF -- "$w" <<<"$got"; then
      echo "FAIL: footballdb ${*:2} does not offer $w"
      failures=$((failures + 1))
    fi
  done
}

[ "$(complete -p footballdb)" = "complete -F _footballdb footballdb" ] ||
  { echo "FAIL: no completion registered for footballdb"; exit 1; }

expect "import" im
expect "ties" --db my.db ti
expect "resolve review" --busy-timeout 100 -q re
expect "list accept create reject undo" review ""
expect "list add remove" aliases ""
expect "json football-txt pairing-table result-lines aggregate-lines csv" import --format ""
expect "csv" import --format c
expect "yes no" rules set --competition "FA Cup" --from 1991-92 --away-goals ""
expect "1 2" rules set --legs ""
expect "--next" fixtures --club Lech --ne
expect "--force" review accept 2 "FC Daugava" --fo
expect "" ties --club ""
expect "" shell -- -bo

# Files: import's sources, --db, export's --output.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
touch "$tmp/pairings.txt" "$tmp/results.txt" "$tmp/other.csv"
expect "$tmp/pairings.txt" import --season 2012-13 "$tmp/pa"
expect "$tmp/pairings.txt" import "$tmp/results.txt" "$tmp/pa"
expect "$tmp/other.csv" --db "$tmp/ot"
expect "$tmp/results.txt" export -o "$tmp/r"

# Every command, subcommand and option the program knows is offered.
commands=$(cli_commands)
[ -n "$commands" ] || { echo "FAIL: $FOOTBALLDB --help lists no commands"; exit 1; }
includes "$commands" ""
includes "$(cli_options)" -
for command in $commands; do
  includes "$(cli_options "$command")" "$command" -
  for sub in $(cli_commands "$command"); do
    includes "$(cli_options "$command" "$sub")" "$command" "$sub" -
  done
done

[ "$failures" -eq 0 ] || { echo "completion test: $failures failures"; exit 1; }
echo "completion test: passed"
