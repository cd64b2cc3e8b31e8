#!/usr/bin/env bash
# footballdb's PostgreSQL export, loaded into a real PostgreSQL server (Debian's postgresql
# package) and compared with the SQLite database it came from:
#   1. a throw-away server: initdb in a temporary directory, started on a Unix socket there
#      (no TCP), as a user that is not root when run by root (PostgreSQL refuses root);
#   2. the sample sources imported into a footballdb database, exported with
#      `export --format postgres`, loaded with psql -v ON_ERROR_STOP=1;
#   3. every table's and view's columns, row count and rows compared between sqlite3 and psql
#      (the same text), a view's rows in order too; the keys, CHECKs, the case-insensitive
#      names and the id sequences at work; the same export into the public schema. A table
#      footballdb's schema does not have (of REAL and BLOB columns) is exported as SQLite
#      describes it.
# The server is stopped and the directory removed on any exit.
#   tests/export/postgres_check.sh FOOTBALLDB SOURCE_DIR      (ctest runs it: postgres_export)
# Exit status: 0 passed, 1 failed, 77 skipped (saying why): no PostgreSQL server binaries, or
# root and no other user to run the server as. FOOTBALLDB_POSTGRES_BIN: the server's bin
# directory (default: the newest /usr/lib/postgresql/*/bin).
set -euo pipefail
footballdb=$(realpath "$1")
source_dir=$(realpath "$2")
started=$(date +%s.%N)

skip() {
  echo "SKIPPED: $*"
  exit 77
}
fail() {
  echo "FAILED: $*" >&2
  exit 1
}

# The newest server Debian installed; FOOTBALLDB_POSTGRES_BIN names another bin directory.
bin=${FOOTBALLDB_POSTGRES_BIN:-$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin \
                                   -type d 2>/dev/null | sort -V | tail -n 1)}
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ] || [ ! -x "$bin/pg_ctl" ]; then
  skip "no PostgreSQL server (initdb, pg_ctl) in ${bin:-/usr/lib/postgresql/*/bin}: Debian's package postgresql"
fi
psql=$bin/psql
[ -x "$psql" ] || psql=$(command -v psql) || skip "no psql (Debian's package postgresql-client)"
command -v sqlite3 >/dev/null || fail "no sqlite3 to read the footballdb database with"

# The server's user: this one, or, for root, postgres (the package's) or nobody.
as=()
owner=$(id -un)
if [ "$(id -u)" -eq 0 ]; then
  command -v runuser >/dev/null || skip "run as root, and no runuser to start the server as another user"
  for user in postgres nobody; do
    if id -u "$user" >/dev/null 2>&1; then
      as=(runuser -u "$user" --)
      owner=$user
      break
    fi
  done
  [ ${#as[@]} -gt 0 ] || skip "run as root, and no user postgres or nobody to run the server as"
fi

work=$(mktemp -d /tmp/footballdb-postgres.XXXXXX)
data=$work/data
socket=$work/socket
logs=$work/logs  # the server user's, as are the two above
cleanup() {
  if [ -f "$data/postmaster.pid" ]; then
    "${as[@]}" "$bin/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
chmod 755 "$work"
mkdir "$data" "$socket" "$logs"
chown "$owner" "$data" "$socket" "$logs"
cd "$work"

# The socket directory is this test's own, so the port only names the socket: any one is free.
port=$((40000 + $$ % 20000))
"${as[@]}" "$bin/initdb" -D "$data" -U footballdb -A trust -E UTF8 --locale=C --no-sync \
  >"$logs/initdb.log" 2>&1 || { cat "$logs/initdb.log" >&2; fail "initdb"; }
"${as[@]}" "$bin/pg_ctl" -D "$data" -l "$logs/server.log" -w -t 60 \
  -o "-k $socket -p $port -c listen_addresses='' -c fsync=off -c full_page_writes=off" \
  start >/dev/null || { cat "$logs/server.log" >&2; fail "the server did not start"; }
export PGHOST=$socket PGPORT=$port PGUSER=footballdb
pg() { "$psql" -X -q -v ON_ERROR_STOP=1 "$@"; }
pg -d postgres -c "CREATE DATABASE fdb" -c "CREATE DATABASE fdb_public"

# The footballdb database: the samples as tools/demo.sh imports them, and fixtures with what
# they lack (group matches for the standings, one-match ties, replays, shoot-outs, neutral
# grounds, walkovers, awarded and annulled matches), and a text to escape.
db=$work/football.db
fdb() { "$footballdb" -q --db "$db" "$@"; }
q2=(--competition "UEFA Europa League" --season 2012-13 --round "Second qualifying round")
fdb import "${q2[@]}" "$source_dir/data/samples/uefa-europa-league-2012-13-q2-pairings.txt"
fdb import "${q2[@]}" "$source_dir/data/samples/uefa-europa-league-2012-13-q2-results.txt"
fdb import --competition "UEFA Intertoto Cup" --season 2005 \
  "$source_dir/data/samples/uefa-intertoto-cup-2005-summaries.txt"
fdb import "$source_dir/tests/data/json/cases.json" "$source_dir/tests/data/order/cl-2014-15-group-b.txt"
fdb import --competition "FA Cup" "$source_dir/tests/data/csv/cup-layout.csv"
cat >"$work/odd.json" <<'EOF'
{"footballdb": 1, "ties": [{"competition": "FA Cup", "season": "1975-76", "round": "Final",
 "clubs": ["Alpha \\ Town", "Beta \"B\" Rovers"],
 "legs": [{"number": 1, "date": "1976-05-01", "home": "Alpha \\ Town", "away": "Beta \"B\" Rovers",
           "full_time": [1, 0], "venue": "Wembley\tStadium, O'Brien's \\N"}]}]}
EOF
fdb import "$work/odd.json"
# What a later migration, or a user in the sqlite3 shell, adds: a table of other types (written
# as SQLite describes it), and a view of the user's own (named in a comment, not written).
sqlite3 "$db" "PRAGMA foreign_keys = ON;
  CREATE TABLE broadcasts (id INTEGER PRIMARY KEY, leg_id INTEGER NOT NULL REFERENCES legs(id),
    channel TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(channel) > 0), share REAL,
    logo BLOB) STRICT;
  INSERT INTO broadcasts (leg_id, channel, share, logo)
    SELECT min(id), 'RTÉ', 0.375, x'00ff5c0a' FROM legs UNION ALL
    SELECT max(id), 'BBC', NULL, NULL FROM legs;
  CREATE VIEW my_view AS SELECT 1 AS one;"

exported_at=$(date +%s.%N)
"$footballdb" --db "$db" export --format postgres -o "$work/export.sql"
"$footballdb" --db "$db" export --format postgres --pg-schema public -o "$work/public.sql"
loaded_at=$(date +%s.%N)
pg -d fdb -f "$work/export.sql" || fail "psql did not load the export (footballdb schema)"
pg -d fdb_public -f "$work/public.sql" || fail "psql did not load the export (public schema)"
done_at=$(date +%s.%N)

failures=0
# Compares two texts: `name`, the SQLite side, the PostgreSQL side.
same() {
  if [ "$2" != "$3" ]; then
    echo "FAILED: $1 differs between SQLite (<) and PostgreSQL (>):" >&2
    diff <(printf '%s\n' "$2") <(printf '%s\n' "$3") | head -n 20 >&2 || true
    failures=$((failures + 1))
  fi
}
lite() { sqlite3 -batch -noheader -separator '|' "$db" "$@"; }
post() { "$psql" -X -q -v ON_ERROR_STOP=1 -At -F '|' -d "${database:-fdb}" "$@"; }

tables=$(lite "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
views=$(lite "SELECT name FROM sqlite_schema WHERE type = 'view' AND name <> 'my_view' ORDER BY name")
same "the tables" "$tables" \
  "$(post -c "SELECT table_name FROM information_schema.tables WHERE table_schema = 'footballdb' AND table_type = 'BASE TABLE' ORDER BY table_name COLLATE \"C\"")"
same "the views" "$views" \
  "$(post -c "SELECT table_name FROM information_schema.views WHERE table_schema = 'footballdb' ORDER BY table_name COLLATE \"C\"")"
rows=0
for name in $tables $views; do
  same "the columns of $name" "$(lite "SELECT name FROM pragma_table_info('$name') ORDER BY cid")" \
    "$(post -c "SELECT column_name FROM information_schema.columns WHERE table_schema = 'footballdb' AND table_name = '$name' ORDER BY ordinal_position")"
  count=$(lite "SELECT count(*) FROM \"$name\"")
  same "the row count of $name" "$count" "$(post -c "SELECT count(*) FROM footballdb.\"$name\"")"
  # Every row, as the two shells print it, in the same (byte) order; bytes as hex digits.
  columns=* pg_columns=*
  if [ "$name" = broadcasts ]; then
    columns="id, leg_id, channel, share, hex(logo)"
    pg_columns="id, leg_id, channel, share, upper(encode(logo, 'hex'))"
  fi
  same "the rows of $name" "$(lite "SELECT $columns FROM \"$name\"" | LC_ALL=C sort)" \
    "$(post -c "SELECT $pg_columns FROM footballdb.\"$name\"" | LC_ALL=C sort)"
  rows=$((rows + count))
done
for name in tie_results leg_results standings; do
  [ "$(lite "SELECT count(*) FROM $name")" -gt 0 ] || fail "the view $name has no rows to compare"
done
# A view in order, the same text line by line.
results="SELECT tie_id, competition, season, round, club_a, agg_a, agg_b, club_b, winner, decided_by, extra_time, first_leg_date FROM tie_results ORDER BY tie_id"
same "tie_results in order" "$(lite "$results")" "$(post -c "SET search_path = footballdb" -c "$results")"
table="SELECT competition, season, \"group\", position, club, played, won, drawn, lost, goals_for, goals_against, points FROM standings ORDER BY season, \"group\", position, club_id"
same "standings in order" "$(lite "$table")" "$(post -c "SET search_path = footballdb" -c "$table")"
same "the public schema's clubs" "$(lite "SELECT count(*), max(id) FROM clubs")" \
  "$(database=fdb_public post -c "SELECT count(*), max(id) FROM public.clubs")"

# The keys and constraints at work: a new id follows the highest, a competition's name is
# unique whatever its case, a score out of range and a club still referred to are refused.
next=$(lite "SELECT max(id) + 1 FROM competitions")
same "the next competition id" "$next" \
  "$(post -c "BEGIN" -c "INSERT INTO footballdb.competitions (name) VALUES ('Test Cup') RETURNING id" -c "ROLLBACK")"
refused() {
  if post -c "$2" >/dev/null 2>&1; then
    echo "FAILED: PostgreSQL took $1: $2" >&2
    failures=$((failures + 1))
  fi
}
refused "a competition of a known name in other case" \
  "INSERT INTO footballdb.competitions (name) VALUES (upper((SELECT name FROM footballdb.competitions LIMIT 1)))"
refused "a score of 100 goals" "UPDATE footballdb.legs SET ft_home = 100 WHERE id = (SELECT min(id) FROM footballdb.legs WHERE ft_home IS NOT NULL)"
refused "a club that plays a match being deleted" "DELETE FROM footballdb.clubs WHERE id = (SELECT min(home) FROM footballdb.legs)"
refused "a second broadcast on a channel of another case" "INSERT INTO footballdb.broadcasts (leg_id, channel) SELECT min(id), 'bbc' FROM footballdb.legs"
refused "a broadcast of a leg that does not exist" "INSERT INTO footballdb.broadcasts (leg_id, channel) VALUES (-1, 'ITV')"
grep -q -- "-- not written: the view my_view" "$work/export.sql" || fail "the user's view is not named"
refused "a leg of a tie that does not exist" "UPDATE footballdb.legs SET tie_id = -1 WHERE id = (SELECT min(id) FROM footballdb.legs)"

[ "$failures" -eq 0 ] || fail "$failures comparisons"
objects=$(echo $tables $views | wc -w)
awk -v a="$started" -v e="$exported_at" -v l="$loaded_at" -v d="$done_at" -v z="$(date +%s.%N)" \
    -v s="$(wc -c <"$work/export.sql")" -v r="$rows" -v o="$objects" 'BEGIN {
  printf "passed: %d rows of %d tables and views the same in PostgreSQL; ", r, o
  printf "two exports %.2f s (%.1f MB each), two loads %.2f s, all %.1f s\n", l - e, s / 1e6, d - l, z - a
}'
