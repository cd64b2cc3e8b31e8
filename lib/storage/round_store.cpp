#include "storage/round_store.hpp"

#include "footballdb/error.hpp"
#include "storage/outcomes.hpp"
#include "storage/rows.hpp"

namespace footballdb::storage {

std::int64_t RoundStore::competition_id(const std::string& name) {
  if (auto it = competitions_.find(name); it != competitions_.end()) return it->second;
  SQLite::Statement& q = statements_.get("SELECT id FROM competitions WHERE name = ?");
  q.bind(1, name);
  SQLite::Statement& ins = statements_.get("INSERT INTO competitions(name) VALUES (?)");
  ins.bind(1, name);
  find_or_insert(q, ins);
  const std::int64_t id = q.getColumn(0).getInt64();
  q.reset();
  competitions_.emplace(name, id);
  return id;
}

void RoundStore::add_name(std::int64_t round_id, SourceId source, std::string_view name) {
  if (name.empty()) return;
  SQLite::Statement& q = statements_.get(
      "INSERT OR IGNORE INTO round_names(round_id, source_id, name) VALUES (?, ?, ?)");
  q.bind(1, round_id);
  q.bind(2, source.value());
  q.bind(3, std::string(name));
  q.exec();
}

void RoundStore::put_rules(const std::string& competition, int from_season_year, const RuleSet& r,
                           const std::string& round) {
  SQLite::Statement& q = statements_.get(
      "INSERT OR REPLACE INTO competition_rules(competition_id, from_season_year, away_goals, "
      "away_goals_extra_time, extra_time, penalties, replays, legs, round, replay_limit, "
      "replay_extra_time, replay_penalties) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  q.bind(1, competition_id(competition));
  q.bind(2, from_season_year);
  q.bind(3, r.away_goals ? 1 : 0);
  q.bind(4, r.away_goals_extra_time ? 1 : 0);
  q.bind(5, r.extra_time ? 1 : 0);
  q.bind(6, r.penalties ? 1 : 0);
  q.bind(7, r.replays ? 1 : 0);
  q.bind(8, r.legs);
  q.bind(9, round);
  q.bind(10, r.replay_limit);
  q.bind(11, r.replay_extra_time ? 1 : 0);
  q.bind(12, r.replay_penalties ? 1 : 0);
  q.exec();
}

void RoundStore::forget() {
  rounds_.clear();
  by_id_.clear();
  last_ = nullptr;
}

const RoundStore::RoundInfo& RoundStore::round(const RoundKey& key, std::optional<int> order,
                                               std::optional<bool> knockout) {
  // The same round comes back draft after draft.
  if (last_ && last_->first.round == key.round && last_->first.season == key.season &&
      last_->first.competition == key.competition) {
    return last_->second;
  }
  if (auto it = rounds_.find(key); it != rounds_.end()) {
    last_ = &*it;
    return it->second;
  }
  if (Season::require(key.season) != key.season) {
    throw Error(ErrorCode::kInternal, "season '" + key.season + "' is not in canonical form");
  }
  const auto year = Season::start_year(key.season);
  const std::int64_t competition = competition_id(key.competition);
  SQLite::Statement& season_q =
      statements_.get("SELECT id FROM seasons WHERE competition_id = ? AND name = ?");
  season_q.bind(1, competition);
  season_q.bind(2, key.season);
  SQLite::Statement& season_ins =
      statements_.get("INSERT INTO seasons(competition_id, name, start_year) VALUES (?, ?, ?)");
  season_ins.bind(1, competition);
  season_ins.bind(2, key.season);
  season_ins.bind(3, *year);
  find_or_insert(season_q, season_ins);
  const std::int64_t season = season_q.getColumn(0).getInt64();
  season_q.reset();

  SQLite::Statement& round_q =
      statements_.get("SELECT id, knockout FROM rounds WHERE season_id = ? AND name = ?");
  round_q.bind(1, season);
  round_q.bind(2, key.round);
  SQLite::Statement& round_ins = statements_.get(
      "INSERT INTO rounds(season_id, name, ordinal, knockout) VALUES (?1, ?2, "
      "coalesce(?3, (SELECT coalesce(max(ordinal), 0) + 1 FROM rounds WHERE season_id = ?1)), "
      "coalesce(?4, 1))");
  round_ins.bind(1, season);
  round_ins.bind(2, key.round);
  bind_opt(round_ins, 3, order);
  bind_opt(round_ins, 4, knockout ? std::optional<int>(*knockout ? 1 : 0) : std::nullopt);
  find_or_insert(round_q, round_ins);
  RoundInfo info{round_q.getColumn(0).getInt64(), round_q.getColumn(1).getInt() != 0,
                 rules_for(statements_, competition, key.competition, *year, key.round)};
  round_q.reset();
  last_ = &*rounds_.emplace(key, info).first;
  by_id_.emplace(info.id, &last_->second);
  return last_->second;
}

}  // namespace footballdb::storage
