# bash completion for footballdb, installed as share/bash-completion/completions/footballdb.
# Completes the commands, their subcommands and options, the values of --format, --legs and the
# yes/no rules, and file names for import's files, --db and export's --output. It needs nothing
# of the bash-completion package. Keep it in step with `footballdb --help`
# (tests/package/completion_test.sh checks every command and option is offered).

# The options of COMMAND (and SUBCOMMAND), --help included.
_footballdb_options() {
  local options=""
  case "$1 $2" in
    "import "*) options="--format --competition --season --round --mapping --dry-run --json" ;;
    "export "*) options="--json --format -o --output --pg-schema" ;;
    "ties "*) options="--club --opponent --competition --season --round --json --format" ;;
    "standings "*) options="--competition --season --round --club --json --format" ;;
    "fixtures "*) options="--date --from --to --club --next --previous --json --format" ;;
    "resolve "* | "clubs "* | "sources ") options="--json --format" ;;
    "sources remove") options="--json" ;;
    "bracket "*) options="--competition --season -o --output" ;;
    "review " | "review list") options="--json --all --format" ;;
    "review accept") options="--force" ;;
    "aliases list") options="--all --json --format" ;;
    "aliases add") options="--force" ;;
    "rules list") options="--competition --season --json --format" ;;
    "rules set")
      options="--competition --from --round --legs --replay-limit --extra-time --penalties
               --away-goals --away-goals-extra-time --replays --replay-extra-time
               --replay-penalties"
      ;;
    "rules unset") options="--competition --from --round" ;;
    "check "*) options="--json --full --format" ;;
  esac
  echo "$options -h --help"
}

# The subcommands of COMMAND; none for a command without them.
_footballdb_subcommands() {
  case $1 in
    review) echo "list accept create reject undo" ;;
    aliases) echo "list add remove" ;;
    rules) echo "list set unset" ;;
    sources) echo "remove" ;;
  esac
}

_footballdb_files() {
  compopt -o filenames 2>/dev/null
  mapfile -t COMPREPLY < <(compgen -f -- "$1")
}

_footballdb_words() {
  mapfile -t COMPREPLY < <(compgen -W "$1" -- "$2")
}

_footballdb() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=""
  ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
  COMPREPLY=()

  # The value of an option.
  case $prev in
    --db | -o | --output)
      _footballdb_files "$cur"
      return
      ;;
    --legs)
      _footballdb_words "1 2" "$cur"
      return
      ;;
    --extra-time | --penalties | --away-goals | --away-goals-extra-time | --replays | \
      --replay-extra-time | --replay-penalties)
      _footballdb_words "yes no" "$cur"
      return
      ;;
    --busy-timeout | --competition | --season | --round | --mapping | --club | --opponent | --pg-schema | \
      --date | --from | --to | --replay-limit)
      return  # free text: names, seasons, dates, numbers
      ;;
  esac

  # The command and subcommand given so far: the first words that are neither options nor the
  # value of one.
  local i word command="" sub=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    word=${COMP_WORDS[i]}
    case $word in
      --)
        [ "$command" = shell ] && return  # sqlite3's own options and SQL follow
        continue
        ;;
      --db | --busy-timeout | --format | --competition | --season | --round | --mapping | --pg-schema | \
        --club | --opponent | -o | --output | --date | --from | --to | --legs | --replay-limit | \
        --extra-time | --penalties | --away-goals | --away-goals-extra-time | --replays | \
        --replay-extra-time | --replay-penalties)
        ((i++))
        continue
        ;;
      -*) continue ;;
    esac
    if [ -z "$command" ]; then
      command=$word
    elif [ -z "$sub" ] && [ -n "$(_footballdb_subcommands "$command")" ]; then
      sub=$word
    fi
  done

  # --format: an import's source format, else the form of a query command's output.
  if [ "$prev" = --format ]; then
    if [ "$command" = import ]; then
      _footballdb_words "json football-txt pairing-table result-lines aggregate-lines csv" "$cur"
    elif [ "$command" = export ]; then
      _footballdb_words "json csv football-txt postgres" "$cur"
    else
      _footballdb_words "text json csv table" "$cur"
    fi
    return
  fi
  if [ -z "$command" ]; then
    if [[ $cur == -* ]]; then
      _footballdb_words "--db --read-only --busy-timeout -q --quiet -v --verbose -h --help
                         --version" "$cur"
    else
      _footballdb_words "import export ties standings fixtures resolve clubs sources review
                         aliases rules check shell bracket" "$cur"
    fi
    return
  fi
  if [[ $cur == -* ]]; then
    _footballdb_words "$(_footballdb_options "$command" "$sub")" "$cur"
  elif [ -z "$sub" ] && [ -n "$(_footballdb_subcommands "$command")" ]; then
    _footballdb_words "$(_footballdb_subcommands "$command")" "$cur"
  elif [ "$command" = import ]; then
    _footballdb_files "$cur"
  fi
}

complete -F _footballdb footballdb
