#!/usr/bin/env bash
# Makes a migration fixture: a small database written by the footballdb of one commit, for
# tests/storage/migration_fixtures_test.cpp to migrate with the current code.
#   tools/make_migration_fixture.sh COMMIT OUTPUT.db
# Builds that commit's command-line tool in a temporary git worktree (only the tool, with -j$JOBS,
# default 2, under nice; FOOTBALLDB_CLI=path uses a tool already built from COMMIT instead), then
# from the worktree's top level, with that tool only:
#   - imports the seeds of tests/data (pairing table and result lines of the 2012-13 Europa League
#     second qualifying round, aggregate lines of the 2005 Intertoto Cup), the engsoccerdata CSV
#     fixture, a Football.TXT fixture and a JSON fixture, each in its own command and each only if
#     that version reads its format (before import read every format, the Europa League round
#     comes from its JSON fixture instead);
#   - where the version has them, makes user data: accepts one review (its first candidate),
#     accepts and undoes another, rejects a third, confirms a name without candidates as a club
#     of its own, adds an alias of Lech Poznań, and sets one rule;
# then removes the registry clubs that nothing in the database refers to (plain SQL with
# foreign keys on, so that their spellings go with them and a club still referred to cannot go),
# checkpoints and VACUUMs. Every command is printed with its exit code: put the log in
# tests/data/migrations/README.md.
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 COMMIT OUTPUT.db" >&2
  exit 2
fi
repo=$(cd "$(dirname "$0")/.." && pwd)
commit=$(git -C "$repo" rev-parse --verify "$1^{commit}")
out=$(realpath -m "$2")
jobs=${JOBS:-2}
tmp=$(mktemp -d /tmp/fdb-fixture.XXXXXX)
src=$tmp/src
cleanup() {
  git -C "$repo" worktree remove --force "$src" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

git -C "$repo" worktree add --detach "$src" "$commit" >/dev/null 2>&1
echo "# commit $commit ($(git -C "$repo" log -1 --format='%ad %s' --date=short "$commit"))"
echo "# newest migration: $(cd "$src/migrations" && ls ./*.sql | tail -1 | xargs basename)"

if [[ -n ${FOOTBALLDB_CLI:-} ]]; then
  cli=$(realpath "$FOOTBALLDB_CLI")
else
  cmake -S "$src" -B "$tmp/build" -DFOOTBALLDB_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=Release \
    >"$tmp/build.log" 2>&1
  target=$(grep -o 'add_executable([a-z_]*' "$src/tools/CMakeLists.txt" | head -1 | cut -d'(' -f2)
  nice cmake --build "$tmp/build" -j"$jobs" --target "$target" >>"$tmp/build.log" 2>&1 ||
    { tail -30 "$tmp/build.log" >&2; exit 1; }
  cli=$(find "$tmp/build/bin" "$tmp/build/tools" -maxdepth 1 -type f -name footballdb \
          -perm -u+x 2>/dev/null | head -1)
fi
[[ -x $cli ]] || { echo "no footballdb tool built" >&2; exit 1; }

cd "$src"
db=$tmp/fixture.db
# Runs the old tool on the fixture, printing the command and its exit code; a failure is
# reported, not fatal (an import is one transaction: a refused file leaves nothing behind).
fdb() {
  printf '$ footballdb'
  local arg
  for arg in "$@"; do
    if [[ $arg =~ ^[A-Za-z0-9_./#:=-]+$ ]]; then printf ' %s' "$arg"; else printf ' "%s"' "$arg"; fi
  done
  local rc=0
  "$cli" --db "$db" "$@" >"$tmp/out" 2>&1 || rc=$?
  printf '    # exit %d\n' "$rc"
  if [[ $rc -ne 0 ]]; then sed 's/^/#   /' "$tmp/out" | head -5; fi
  return 0
}
sql() { sqlite3 -batch -noheader "$db" "$@"; }
has_table() { [[ $(sql "SELECT count(*) FROM sqlite_schema WHERE name = '$1'") -eq 1 ]]; }

formats=$("$cli" --db "$tmp/probe.db" import --format '?' /dev/null 2>&1 |
            sed -n 's/.*known: \(.*\)).*/\1/p' || true)
rm -f "$tmp"/probe.db*
reads() { [[ ", $formats, " == *", $1, "* ]]; }
commands=$("$cli" --help 2>&1 || true)
has_command() { grep -Eq "^  $1( |$)" <<<"$commands"; }
echo "# formats read: $formats"

uel=(--competition "UEFA Europa League" --season 2012-13 --round "Second qualifying round")
if reads pairing-table && reads result-lines; then
  fdb import "${uel[@]}" tests/data/000_98225e7db66c08bd.txt
  fdb import "${uel[@]}" tests/data/001_18477ec777a99af5.txt
else
  fdb import tests/data/json/uefa-europa-league-2012-13-q2.json
fi
if reads aggregate-lines; then
  fdb import --competition "UEFA Intertoto Cup" --season 2005 tests/data/002_1372deafbd61fe9d.txt
fi
if reads csv; then fdb import tests/data/csv/champs_layout.csv; fi
if reads football-txt; then fdb import tests/data/football_txt/cl_finals-2011-12.txt; fi
if reads json; then fdb import tests/data/json/cases.json; fi

if has_command review; then
  # Open reviews in id order: the first three with candidates, the first without.
  mapfile -t with < <(sql "SELECT id || ' ' || json_extract(candidates, '\$[0].id')
                           FROM name_reviews
                           WHERE status = 'open' AND json_array_length(candidates) > 0
                           ORDER BY id LIMIT 3")
  without=$(sql "SELECT id FROM name_reviews WHERE status = 'open'
                 AND json_array_length(candidates) = 0 ORDER BY id LIMIT 1")
  if [[ ${#with[@]} -ge 1 ]]; then
    read -r id club <<<"${with[0]}"
    fdb review accept "$id" "#$club"
  fi
  if [[ ${#with[@]} -ge 2 ]]; then
    read -r id club <<<"${with[1]}"
    fdb review accept "$id" "#$club"
    fdb review undo "$id"
  fi
  if [[ ${#with[@]} -ge 3 ]]; then
    read -r id club <<<"${with[2]}"
    fdb review reject "$id"
  fi
  if [[ -n $without ]]; then fdb review create "$without"; fi
fi
if has_command aliases; then fdb aliases add "Kolejorz" "Lech Poznań"; fi
if has_command rules; then
  fdb rules set --competition "UEFA Europa League" --from 2012-13 --away-goals-extra-time no
fi

# The registry clubs nothing refers to (the bulk of the file) go; every other row stays.
refs="SELECT club_a AS x FROM ties UNION SELECT club_b FROM ties UNION SELECT winner FROM ties
      UNION SELECT coin_toss_winner FROM ties UNION SELECT home FROM legs
      UNION SELECT away FROM legs UNION SELECT awarded_to FROM legs
      UNION SELECT winner FROM tie_claims"
if has_table name_reviews; then
  refs+=" UNION SELECT club_id FROM name_reviews UNION SELECT decided_club FROM name_reviews
          UNION SELECT json_extract(c.value, '\$.id') FROM name_reviews, json_each(candidates) c"
fi
if has_table club_merges; then
  # A merge's rows before and after it name clubs by id anywhere in their JSON: keep every
  # number that is the id of a club.
  refs+=" UNION SELECT merged_club FROM club_merges UNION SELECT into_club FROM club_merges
          UNION SELECT j.value FROM club_merges m, json_tree(m.before) j WHERE j.type = 'integer'
          UNION SELECT j.value FROM club_merges m, json_tree(m.after) j WHERE j.type = 'integer'
          UNION SELECT j.value FROM club_merges m, json_tree(m.scope) j WHERE j.type = 'integer'"
fi
before=$(sql "SELECT count(*) FROM clubs")
sql "PRAGMA foreign_keys = ON;
     DELETE FROM clubs WHERE origin = 'registry'
       AND id NOT IN (SELECT x FROM ($refs) WHERE x IS NOT NULL);"
after=$(sql "SELECT count(*) FROM clubs")
echo "# registry clubs nothing refers to removed: $((before - after)) of $before clubs"
if has_table club_name_keys; then
  sql "DELETE FROM club_name_keys WHERE name_id NOT IN (SELECT id FROM club_names);
       DELETE FROM club_name_latin WHERE name_id NOT IN (SELECT id FROM club_names);
       DELETE FROM club_names_unkeyed WHERE name_id NOT IN (SELECT id FROM club_names);"
fi
sql "VACUUM" >/dev/null
sql "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
[[ ! -s $db-wal ]] || { echo "the fixture's WAL was not checkpointed" >&2; exit 1; }
problems=$(sql "PRAGMA integrity_check" | grep -vx ok || true)
problems+=$(sql "PRAGMA foreign_key_check")
[[ -z $problems ]] || { echo "fixture is not clean: $problems" >&2; exit 1; }
echo "# user_version $(sql 'PRAGMA user_version'), $(sql 'SELECT count(*) FROM ties') ties," \
     "$(sql 'SELECT count(*) FROM legs') legs, $(sql 'SELECT count(*) FROM sources') sources," \
     "$(stat -c %s "$db") bytes"
mkdir -p "$(dirname "$out")"
cp "$db" "$out"
