# shellcheck shell=bash
# Sourced by the tests that hold the man page and the bash completion against the CLI: what
# `footballdb --help` lists. FOOTBALLDB must name the program.

# The commands (or, with COMMAND, its subcommands), one a line.
cli_commands() {
  "$FOOTBALLDB" "$@" --help | sed -n '/^Subcommands:/,$s/^  \([a-z][a-z-]*\) .*/\1/p'
}

# The options of COMMAND [SUBCOMMAND] (without one: the global ones), one a line.
cli_options() {
  "$FOOTBALLDB" "$@" --help | sed -n '/^Options:/,/^$/p' |
    grep -oE '^  (-[a-z],)?--[a-z-]+' | tr ',' '\n' | sed 's/^ *//'
}
