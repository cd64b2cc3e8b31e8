#!/usr/bin/env bash
# The main job: installs what is missing, builds footballdb, imports the bundled sample sources
# (data/samples/) into a database file and answers sample questions about them.
#   tools/demo.sh [DATABASE]      (default: football.db; importing again changes nothing)
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
cmake -S . -B BUILD >/dev/null
cmake --build BUILD -j2 >/dev/null
db=${1:-football.db}
fdb() { BUILD/bin/footballdb --db "$db" "$@"; }
say() { printf '\n== %s\n' "$*"; }

say "Importing the sample sources into $db"
uel=(--competition "UEFA Europa League" --season 2012-13 --round "Second qualifying round")
fdb import "${uel[@]}" data/samples/uefa-europa-league-2012-13-q2-pairings.txt
fdb import "${uel[@]}" data/samples/uefa-europa-league-2012-13-q2-results.txt
fdb import --competition "UEFA Intertoto Cup" --season 2005 data/samples/uefa-intertoto-cup-2005-summaries.txt

say "Lech Poznań's ties, asked for by the German name the pairing table uses"
fdb ties --club "Lech Posen"

say "St Patrick's Athletic v ÍBV: level on aggregate, through on an away goal in extra time"
fdb ties --club "St Patrick’s Athletic" --opponent "IBV Vestmannaeyjar"

say "The matches of 3 July 2012"
fdb fixtures --date 2012-07-03

say "Zhetysu Taldykorgan's next match after 6 July 2012 (German spelling)"
fdb fixtures --club "Schetissu Taldyqorghan" --next --date 2012-07-06

say "The 2012-13 second qualifying round: ties decided other than on aggregate"
fdb shell "SELECT club_a, agg_a || '-' || agg_b, club_b, winner, decided_by
           FROM tie_results WHERE season = '2012-13' AND decided_by <> 'aggregate';"

say "The 2005 Intertoto Cup, round by round"
fdb shell "SELECT round, count(*) AS ties FROM tie_results WHERE season = '2005'
           GROUP BY round ORDER BY round_order;"

say "Names the sources leave open (each kept as a club of its own until reviewed)"
fdb review
