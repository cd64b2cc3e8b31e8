// Database::ties and Database::tie: ties with their legs, claims and evidence.
#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

#include "footballdb/database.hpp"
#include "footballdb/error.hpp"
#include "core/text.hpp"
#include "footballdb/names.hpp"
#include "vocabulary/competition_names.hpp"
#include "vocabulary/rounds.hpp"
#include "query/filters.hpp"
#include "query/claims.hpp"
#include "storage/database_impl.hpp"
#include "storage/rows.hpp"

namespace footballdb {
namespace {

using storage::opt_int;
using storage::opt_text;

// The statement of ties with their round, season and competition, from `from`. The clubs'
// names are read afterwards, once a club (with_details).
std::string tie_select(const char* from) {
  return std::string(
             "SELECT t.id, c.name, s.name, r.name, r.ordinal, t.number, t.club_a, "
             "t.club_b, t.coin_toss_winner, t.agg_a, t.agg_b, t.winner, "
             "t.decided_by, t.extra_time, t.outcome_from, t.group_name, r.id ") +
         from + "JOIN competitions c ON c.id = s.competition_id ";
}
// From the ties (by id, by club: ties_by_club_a and _b).
constexpr const char* kFromTies =
    "FROM ties t JOIN rounds r ON r.id = t.round_id JOIN seasons s ON s.id = r.season_id ";
// From the seasons of a name (seasons_by_name) to their rounds and each round's ties (of a
// club: by club and round). A club plays in many seasons; a season has few rounds. CROSS JOIN
// keeps SQLite to this order.
constexpr const char* kFromSeasons =
    "FROM seasons s CROSS JOIN rounds r ON r.season_id = s.id CROSS JOIN ties t "
    "ON t.round_id = r.id ";

// A tie row and the id of its round.
struct TieRow {
  Tie tie;
  std::int64_t round_id = 0;
};

// A club of the column, its name left for name_clubs; nullopt when the column is NULL.
std::optional<ClubRef> unnamed_club(const SQLite::Column& id) {
  if (id.isNull()) return std::nullopt;
  return ClubRef{ClubId{id.getInt64()}, {}};
}

TieRow read_tie_row(SQLite::Statement& q) {
  TieRow row;
  row.round_id = q.getColumn(16).getInt64();
  Tie& tie = row.tie;
  tie.id = TieId{q.getColumn(0).getInt64()};
  tie.competition = q.getColumn(1).getString();
  tie.season = q.getColumn(2).getString();
  tie.round = q.getColumn(3).getString();
  tie.round_order = q.getColumn(4).getInt();
  tie.number = opt_int(q.getColumn(5));
  tie.club_a = unnamed_club(q.getColumn(6));
  tie.club_b = unnamed_club(q.getColumn(7));
  tie.coin_toss_winner = unnamed_club(q.getColumn(8));
  if (!q.getColumn(9).isNull()) {
    tie.outcome.aggregate = Aggregate{q.getColumn(9).getInt(), q.getColumn(10).getInt()};
  }
  tie.winner = unnamed_club(q.getColumn(11));
  if (tie.winner) tie.outcome.winner = tie.winner->id;
  if (auto how = opt_text(q.getColumn(12))) tie.outcome.decided_by = parse_decided_by(*how);
  tie.outcome.extra_time = q.getColumn(13).getInt() != 0;
  tie.outcome.stated = opt_text(q.getColumn(14)) == std::optional<std::string>("claims");
  tie.group = opt_text(q.getColumn(15));
  return row;
}

// The sources' words for each of `rounds` (by id, with its name) that differ from its name
// (as SQLite's NOCASE compares them: ASCII letters in either case), in order: one statement.
std::unordered_map<std::int64_t, std::vector<std::string>> round_names(
    storage::StatementCache& statements,
    const std::unordered_map<std::int64_t, std::string>& rounds) {
  std::vector<std::int64_t> ids;
  for (const auto& [id, name] : rounds) ids.push_back(id);
  // Each name once, in order: put so here, where SQLite would copy every row into a sorter.
  SQLite::Statement& q = statements.get(
      "SELECT n.round_id, n.name FROM json_each(?) j JOIN round_names n ON n.round_id = j.value");
  q.bind(1, storage::json_ids(ids));
  std::unordered_map<std::int64_t, std::vector<std::string>> out;
  while (q.executeStep()) {
    const std::int64_t round = q.getColumn(0).getInt64();
    std::string name = q.getColumn(1).getString();
    if (ascii_lower(name) == ascii_lower(rounds.at(round))) continue;
    out[round].push_back(std::move(name));
  }
  q.reset();
  for (auto& [round, names] : out) {
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
  }
  return out;
}

// The legs (with their evidence), the tie's evidence, the stated outcomes, the round's names
// and the clubs' names of each of `rows`' ties: six statements however many ties there are.
std::vector<Tie> with_details(storage::StatementCache& statements, std::vector<TieRow>& rows) {
  std::vector<Tie> ties;
  ties.reserve(rows.size());
  std::vector<std::int64_t> ids;
  std::unordered_map<std::int64_t, std::size_t> index;
  std::unordered_map<std::int64_t, std::string> rounds;
  for (TieRow& row : rows) {
    index.emplace(row.tie.id.value(), ties.size());
    ids.push_back(row.tie.id.value());
    rounds.emplace(row.round_id, row.tie.round);
    ties.push_back(std::move(row.tie));
  }
  if (ties.empty()) return ties;
  std::unordered_map<std::int64_t, std::vector<Leg>> legs = storage::read_legs(statements, ids);
  std::vector<Leg*> all_legs;
  std::unordered_map<std::int64_t, std::size_t> tie_of_leg;
  for (std::size_t i = 0; i < ties.size(); ++i) {
    Tie& tie = ties[i];
    if (auto it = legs.find(tie.id.value()); it != legs.end()) tie.legs = std::move(it->second);
    for (Leg& leg : tie.legs) {
      all_legs.push_back(&leg);
      tie_of_leg.emplace(leg.id.value(), i);
    }
  }
  // A tie's evidence (the view tie_evidence): its own lines (tie_lines) and the lines of its
  // legs that are the tie's too, each (source, line) once, in that order.
  std::unordered_map<std::int64_t, std::vector<Evidence>> tie_lines_of_legs;
  storage::read_leg_evidence(statements, all_legs, &tie_lines_of_legs);
  for (auto& [leg, lines] : tie_lines_of_legs) {
    std::vector<Evidence>& evidence = ties[tie_of_leg.at(leg)].evidence;
    evidence.insert(evidence.end(), lines.begin(), lines.end());
  }
  const std::string id_list = storage::json_ids(ids);
  SQLite::Statement& ev = statements.get(
      "SELECT e.tie_id, e.source_id, s.path, e.line FROM json_each(?) j "
      "JOIN tie_lines e ON e.tie_id = j.value JOIN sources s ON s.id = e.source_id");
  ev.bind(1, id_list);
  while (ev.executeStep()) {
    ties[index.at(ev.getColumn(0).getInt64())].evidence.push_back(
        Evidence{SourceId{ev.getColumn(1).getInt64()}, ev.getColumn(2).getString(),
                 ev.getColumn(3).getInt()});
  }
  ev.reset();
  for (Tie& tie : ties) {
    auto key = [](const Evidence& e) { return std::make_pair(e.source.value(), e.line); };
    std::sort(tie.evidence.begin(), tie.evidence.end(),
              [&key](const Evidence& x, const Evidence& y) { return key(x) < key(y); });
    tie.evidence.erase(std::unique(tie.evidence.begin(), tie.evidence.end(),
                                   [&key](const Evidence& x, const Evidence& y) {
                                     return key(x) == key(y);
                                   }),
                       tie.evidence.end());
  }
  // The claims of each tie in the order they were stored (by id): read as they come, put in
  // that order here rather than by SQLite's sorter.
  struct ClaimRow {
    std::size_t tie;
    std::int64_t id;
    StatedOutcome claim;
  };
  std::vector<ClaimRow> claims;
  SQLite::Statement& q = statements.get(
      "SELECT tc.tie_id, tc.id, tc.source_id, s.path, tc.line, tc.winner, tc.agg_a, tc.agg_b, "
      "tc.decided_by, tc.text FROM json_each(?) j JOIN tie_claims tc ON tc.tie_id = j.value "
      "JOIN sources s ON s.id = tc.source_id");
  q.bind(1, id_list);
  while (q.executeStep()) {
    ClaimRow& row = claims.emplace_back(
        ClaimRow{index.at(q.getColumn(0).getInt64()), q.getColumn(1).getInt64(), {}});
    StatedOutcome& claim = row.claim;
    claim.evidence = Evidence{SourceId{q.getColumn(2).getInt64()}, q.getColumn(3).getString(),
                              q.getColumn(4).getInt()};
    claim.winner = unnamed_club(q.getColumn(5));
    if (!q.getColumn(6).isNull()) {
      claim.aggregate = Aggregate{q.getColumn(6).getInt(), q.getColumn(7).getInt()};
    }
    if (auto how = opt_text(q.getColumn(8))) claim.decided_by = parse_decided_by(*how);
    claim.text = q.getColumn(9).getString();
  }
  q.reset();
  std::sort(claims.begin(), claims.end(), [](const ClaimRow& x, const ClaimRow& y) {
    return std::make_pair(x.tie, x.id) < std::make_pair(y.tie, y.id);
  });
  for (ClaimRow& row : claims) {
    Tie& tie = ties[row.tie];
    // An outcome taken from the claims agrees with each where it says something at all; two
    // sources that contradict each other are a disagreement too.
    tie.disagreement = tie.disagreement || query::contradicts(row.claim, tie.outcome);
    for (const StatedOutcome& other : tie.stated) {
      tie.disagreement =
          tie.disagreement || query::contradicts(row.claim, query::as_outcome(other));
    }
    tie.stated.push_back(std::move(row.claim));
  }
  // The sources' words for the round; in a group stage, only those of the tie's group.
  const auto words = round_names(statements, rounds);
  for (std::size_t i = 0; i < ties.size(); ++i) {
    const auto it = words.find(rows[i].round_id);
    if (it == words.end()) continue;
    for (const std::string& name : it->second) {
      const std::optional<std::string> group = vocabulary::group_of(name);
      if (group && group != ties[i].group) continue;
      ties[i].round_names.push_back(name);
    }
  }
  std::vector<ClubRef*> clubs;
  for (Tie& tie : ties) {
    for (std::optional<ClubRef>* club :
         {&tie.club_a, &tie.club_b, &tie.coin_toss_winner, &tie.winner}) {
      if (*club) clubs.push_back(&**club);
    }
    for (Leg& leg : tie.legs) {
      clubs.push_back(&leg.home);
      clubs.push_back(&leg.away);
    }
    for (StatedOutcome& claim : tie.stated) {
      if (claim.winner) clubs.push_back(&*claim.winner);
    }
  }
  storage::name_clubs(statements, clubs);
  return ties;
}

// Puts `club` first: swaps the clubs and every aggregate that is in club order.
void orient(Tie& tie, ClubId club) {
  if (!tie.club_b || tie.club_b->id != club) return;
  std::swap(tie.club_a, tie.club_b);
  auto flip = [](std::optional<Aggregate>& agg) {
    if (agg) agg = Aggregate{agg->b, agg->a};
  };
  flip(tie.outcome.aggregate);
  for (StatedOutcome& claim : tie.stated) flip(claim.aggregate);
}

}  // namespace

namespace query {

namespace {

// The names `sql` gives (its one column), with `competition` bound as ?2 when given.
std::vector<std::string> names_of(storage::StatementCache& statements, const std::string& sql,
                                  const std::optional<std::string>& competition) {
  SQLite::Statement& q = statements.get(sql);
  if (competition) q.bind(2, *competition);
  std::vector<std::string> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  q.reset();
  q.clearBindings();
  return out;
}

[[noreturn]] void not_stored(const std::string& what, const std::string& typed,
                             const std::vector<std::string>& choices, const std::string& where) {
  std::string message = "no " + what + " \"" + typed + "\" in the database" + where;
  const std::vector<std::string> close = did_you_mean(typed, choices);
  for (std::size_t i = 0; i < close.size(); ++i) {
    message += (i == 0 ? "; did you mean \"" : i + 1 == close.size() ? "\" or \"" : "\", \"") +
               close[i];
  }
  if (!close.empty()) message += "\"?";
  throw Error(ErrorCode::kUsage, message);
}

}  // namespace

CanonicalFilter canonical_filter(storage::StatementCache& statements,
                                 const std::optional<std::string>& competition,
                                 const std::optional<std::string>& season,
                                 const std::optional<std::string>& round) {
  CanonicalFilter out;
  if (season) out.season = Season::require(*season);
  if (competition) {
    out.competition = vocabulary::canonical_competition(
        *competition, out.season ? Season::start_year(*out.season) : std::nullopt);
    const std::vector<std::string> all =
        names_of(statements, "SELECT name FROM competitions ORDER BY name", std::nullopt);
    const std::string key = fold_key(*out.competition);
    const auto stored = std::find_if(all.begin(), all.end(),
                                     [&](const std::string& name) { return fold_key(name) == key; });
    if (stored == all.end()) not_stored("competition", *competition, all, "");
    out.competition = *stored;  // as the database writes it
  }
  out.round = round;
  if (round) {
    if (auto canonical = vocabulary::canonical_round(*round)) out.round = canonical->name;
    out.group = vocabulary::group_of(*round);
    // A group names its stage's round ("Group A": the group stage), stored as its own name.
    const std::vector<std::string> all = names_of(
        statements,
        out.competition ? "SELECT DISTINCT r.name FROM rounds r JOIN seasons s ON s.id = "
                          "r.season_id JOIN competitions c ON c.id = s.competition_id WHERE "
                          "c.name = ?2 ORDER BY r.name"
                        : "SELECT DISTINCT name FROM rounds ORDER BY name",
        out.competition);
    const bool stored = out.group || std::any_of(all.begin(), all.end(), [&](const std::string& r) {
                          return fold_key(r) == fold_key(*out.round);
                        });
    if (!stored) {
      not_stored("round", *round, all, out.competition ? " for " + *out.competition : "");
    }
  }
  return out;
}

}  // namespace query

std::vector<Tie> Database::ties(const TieFilter& filter) const try {
  const storage::StatementCache::Scope statements_in_use(
      impl_->statements, storage::StatementCache::Reads::kOneSnapshot);
  // Competition and round as users type them: "Europa League", "Halbfinale".
  const query::CanonicalFilter names =
      query::canonical_filter(impl_->statements, filter.competition, filter.season, filter.round);
  const auto& competition = names.competition;
  const auto& season = names.season;
  const auto& round = names.round;
  auto& statements = impl_->statements;
  std::vector<TieRow> rows;
  {
    auto id = [](const std::optional<ClubId>& club) {
      return club ? std::optional<std::int64_t>(club->value()) : std::nullopt;
    };
    storage::Where where;
    where.add("t.club_a = ? OR t.club_b = ?", id(filter.club));
    where.add("t.club_a = ? OR t.club_b = ?", id(filter.opponent));
    where.add("c.name = ?", competition);
    where.add("s.name = ?", season);
    where.add("r.name = ?", round);
    where.add("t.group_name = ?", names.group);
    SQLite::Statement& q = statements.get(
        tie_select(season ? kFromSeasons : kFromTies) + where.sql() +
        "ORDER BY s.start_year, s.name, c.name, r.ordinal, t.number IS NULL, t.number, t.id");
    where.bind(q);
    while (q.executeStep()) rows.push_back(read_tie_row(q));
  }
  std::vector<Tie> ties = with_details(statements, rows);
  if (filter.club) {
    for (Tie& tie : ties) orient(tie, *filter.club);
  }
  return ties;
} catch (const SQLite::Exception& e) {
  detail::rethrow_database_error(e);
}

std::optional<Tie> Database::tie(TieId id) const try {
  const storage::StatementCache::Scope statements_in_use(
      impl_->statements, storage::StatementCache::Reads::kOneSnapshot);
  auto& statements = impl_->statements;
  SQLite::Statement& q = statements.get(tie_select(kFromTies) + "WHERE t.id = ?");
  q.bind(1, id.value());
  if (!q.executeStep()) return std::nullopt;
  std::vector<TieRow> rows;
  rows.push_back(read_tie_row(q));
  q.reset();
  return std::move(with_details(statements, rows).front());
} catch (const SQLite::Exception& e) {
  detail::rethrow_database_error(e);
}

}  // namespace footballdb
