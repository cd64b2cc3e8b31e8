#include "storage/outcomes.hpp"

#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "storage/rows.hpp"

namespace footballdb::storage {

std::optional<RuleSet> own_rules(StatementCache& statements, std::int64_t competition_id,
                                 int season_year, std::string_view round) {
  SQLite::Statement& q = statements.get(
      "SELECT away_goals, away_goals_extra_time, extra_time, penalties, replays, legs, "
      "replay_limit, replay_extra_time, replay_penalties FROM competition_rules WHERE competition_id = ?1 AND from_season_year <= ?2 "
      "AND (round = '' OR round = ?3) ORDER BY from_season_year DESC, round = '' LIMIT 1");
  q.bind(1, competition_id);
  q.bind(2, season_year);
  q.bind(3, std::string(round));
  if (!q.executeStep()) {
    q.reset();
    return std::nullopt;
  }
  RuleSet rules;
  rules.away_goals = q.getColumn(0).getInt() != 0;
  rules.away_goals_extra_time = q.getColumn(1).getInt() != 0;
  rules.extra_time = q.getColumn(2).getInt() != 0;
  rules.penalties = q.getColumn(3).getInt() != 0;
  rules.replays = q.getColumn(4).getInt() != 0;
  rules.legs = q.getColumn(5).getInt();
  rules.replay_limit = q.getColumn(6).getInt();
  rules.replay_extra_time = q.getColumn(7).getInt() != 0;
  rules.replay_penalties = q.getColumn(8).getInt() != 0;
  q.reset();
  return rules;
}

RuleSet rules_for(StatementCache& statements, std::int64_t competition_id,
                  std::string_view competition, int season_year, std::string_view round) {
  if (auto own = own_rules(statements, competition_id, season_year, round)) return *own;
  return default_rules(competition, season_year, round);
}

TieFacts load_tie_facts(StatementCache& statements, std::int64_t tie) {
  TieFacts facts;
  {
    SQLite::Statement& q =
        statements.get("SELECT club_a, club_b, coin_toss_winner FROM ties WHERE id = ?");
    q.bind(1, tie);
    if (q.executeStep()) {
      if (!q.getColumn(0).isNull()) facts.club_a = ClubId{q.getColumn(0).getInt64()};
      if (!q.getColumn(1).isNull()) facts.club_b = ClubId{q.getColumn(1).getInt64()};
      if (!q.getColumn(2).isNull()) facts.coin_toss_winner = ClubId{q.getColumn(2).getInt64()};
    }
  }
  facts.legs = read_legs(statements, tie);
  return facts;
}

namespace {

// What every claim on `tie` agrees on, for a tie whose legs decide nothing or leave its winner
// open: a field two claims give differently is left unknown. A stated winner must be one of the
// tie's clubs.
TieOutcome stated_outcome(StatementCache& statements, std::int64_t tie, const TieFacts& facts) {
  TieOutcome out;
  bool winner_split = false;
  bool aggregate_split = false;
  bool how_split = false;
  SQLite::Statement& q =
      statements.get("SELECT winner, agg_a, agg_b, decided_by FROM tie_claims WHERE tie_id = ?");
  q.bind(1, tie);
  while (q.executeStep()) {
    if (!q.getColumn(0).isNull()) {
      const ClubId w{q.getColumn(0).getInt64()};
      winner_split = winner_split || (out.winner && *out.winner != w);
      out.winner = w;
    }
    if (!q.getColumn(1).isNull()) {
      const Aggregate a{q.getColumn(1).getInt(), q.getColumn(2).getInt()};
      aggregate_split = aggregate_split || (out.aggregate && *out.aggregate != a);
      out.aggregate = a;
    }
    if (!q.getColumn(3).isNull()) {
      const auto how = parse_decided_by(q.getColumn(3).getString());
      how_split = how_split || (out.decided_by && out.decided_by != how);
      out.decided_by = how;
    }
  }
  q.reset();
  if (winner_split || (out.winner && *out.winner != facts.club_a && *out.winner != facts.club_b)) {
    out.winner.reset();
  }
  if (aggregate_split) out.aggregate.reset();
  if (how_split) out.decided_by.reset();
  if (!out.winner || !out.decided_by) {
    out.winner.reset();  // a winner is stored only with how it was decided
    out.decided_by.reset();
  }
  out.stated = out.winner || out.aggregate;
  return out;
}

}  // namespace

bool store_outcome(StatementCache& statements, std::int64_t tie, const TieFacts& facts,
                   const RuleSet& rules) {
  TieOutcome out = decide_tie(facts, rules);
  const bool from_legs = out.winner || out.aggregate;
  bool winner_stated = false;
  if (!from_legs) {
    out = stated_outcome(statements, tie, facts);
  } else if (!out.winner) {
    // Legs that leave the tie open (level, a replay declared void, a club disqualified after
    // it: "Sunderland disqualified, Middlesbrough progress") keep their aggregate; the winner
    // is what the sources state, all agreeing.
    const TieOutcome stated = stated_outcome(statements, tie, facts);
    if (stated.winner) {
      out.winner = stated.winner;
      out.decided_by = stated.decided_by;
      winner_stated = true;
    }
  }
  const std::optional<std::string> from =
      from_legs && !winner_stated ? std::optional<std::string>("legs")
      : out.stated || winner_stated ? std::optional<std::string>("claims")
                                    : std::nullopt;
  SQLite::Statement& u = statements.get(
      "UPDATE ties SET agg_a = ?2, agg_b = ?3, winner = ?4, decided_by = ?5, extra_time = ?6, "
      "outcome_from = ?7 WHERE id = ?1 AND (agg_a IS NOT ?2 OR agg_b IS NOT ?3 OR "
      "winner IS NOT ?4 OR decided_by IS NOT ?5 OR extra_time IS NOT ?6 OR outcome_from IS NOT ?7)");
  u.bind(1, tie);
  bind_opt(u, 2, out.aggregate ? std::optional<int>(out.aggregate->a) : std::nullopt);
  bind_opt(u, 3, out.aggregate ? std::optional<int>(out.aggregate->b) : std::nullopt);
  bind_opt(u, 4, out.winner ? std::optional<std::int64_t>(out.winner->value()) : std::nullopt);
  bind_opt(u, 5, out.decided_by ? std::optional<std::string>(to_string(*out.decided_by))
                                : std::nullopt);
  u.bind(6, out.extra_time ? 1 : 0);
  bind_opt(u, 7, from);
  return u.exec() > 0;
}

int recompute_outcomes(StatementCache& statements, std::int64_t competition_id,
                       std::int64_t tie) {
  struct Row {
    std::int64_t tie;
    std::int64_t competition;
    std::string name;
    int year;
    std::string round;
  };
  std::vector<Row> rows;
  {
    SQLite::Statement& q = statements.get(
        "SELECT t.id, c.id, c.name, s.start_year, r.name FROM ties t "
        "JOIN rounds r ON r.id = t.round_id "
        "JOIN seasons s ON s.id = r.season_id JOIN competitions c ON c.id = s.competition_id "
        "WHERE r.knockout = 1 AND (?1 = 0 OR c.id = ?1) AND (?2 = 0 OR t.id = ?2) ORDER BY t.id");
    q.bind(1, competition_id);
    q.bind(2, tie);
    while (q.executeStep()) {
      rows.push_back(Row{q.getColumn(0).getInt64(), q.getColumn(1).getInt64(),
                         q.getColumn(2).getString(), q.getColumn(3).getInt(),
                         q.getColumn(4).getString()});
    }
  }
  int changed = 0;
  // By competition, season year and round.
  std::map<std::tuple<std::int64_t, int, std::string>, RuleSet> rules_of;
  for (const Row& row : rows) {
    const auto key = std::tuple(row.competition, row.year, row.round);
    auto found = rules_of.find(key);
    if (found == rules_of.end()) {
      found =
          rules_of.emplace(key, rules_for(statements, row.competition, row.name, row.year, row.round))
              .first;
    }
    const RuleSet& rules = found->second;
    if (store_outcome(statements, row.tie, load_tie_facts(statements, row.tie), rules)) ++changed;
  }
  return changed;
}

}  // namespace footballdb::storage
