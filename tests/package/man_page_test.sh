#!/usr/bin/env bash
# The manual page (docs/footballdb.1): it formats without warnings (where groff is installed),
# gives the program's version, and names every command, subcommand and option that
# `footballdb --help` lists.
#   man_page_test.sh MAN_PAGE FOOTBALLDB
set -euo pipefail
page=$1
FOOTBALLDB=$2
# shellcheck source-path=SCRIPTDIR source=cli_help.sh
source "$(dirname "$0")/cli_help.sh"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

if command -v groff >/dev/null; then
  warnings=$(groff -man -Tutf8 -ww -z "$page" 2>&1)
  [ -z "$warnings" ] || fail "groff warns: $warnings"
else
  echo "man page test: groff is not installed, the page's formatting is not checked"
fi

version=$("$FOOTBALLDB" --version | awk '{print $2}')
grep -q "^\.TH FOOTBALLDB 1 .* \"footballdb $version\"" "$page" ||
  fail ".TH does not give version $version"

# The page's text with roff's escapes undone: \- is -, font changes go.
text=$(sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' "$page")
named() { grep -qF -- "$1" <<<"$text"; }
commands=$(cli_commands)
[ -n "$commands" ] || { echo "FAIL: $FOOTBALLDB --help lists no commands"; exit 1; }
for option in $(cli_options); do named "$option" || fail "global option $option is not named"; done
for command in $commands; do
  grep -qE "^\.(TP|B|BR|BI)?.*\b$command\b" <<<"$text" || fail "command $command is not named"
  for option in $(cli_options "$command"); do
    named "$option" || fail "option $option of $command is not named"
  done
  for sub in $(cli_commands "$command"); do
    named "$command $sub" || named "$command [$sub]" || fail "command $command $sub is not named"
    for option in $(cli_options "$command" "$sub"); do
      named "$option" || fail "option $option of $command $sub is not named"
    done
  done
done

[ "$failures" -eq 0 ] || { echo "man page test: $failures failures"; exit 1; }
echo "man page test: passed"
