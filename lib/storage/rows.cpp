#include "storage/rows.hpp"

#include <algorithm>
#include <unordered_map>

#include "footballdb/error.hpp"

namespace footballdb::storage {

std::optional<std::string> opt_text(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return column.getString();
}

std::optional<int> opt_int(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return column.getInt();
}

std::optional<Score> opt_score(const SQLite::Column& home, const SQLite::Column& away) {
  if (home.isNull() || away.isNull()) return std::nullopt;
  return Score{home.getInt(), away.getInt()};
}

std::optional<ClubRef> opt_club(const SQLite::Column& id, const SQLite::Column& name) {
  if (id.isNull()) return std::nullopt;
  return ClubRef{ClubId{id.getInt64()}, name.getString()};
}

Leg read_leg(SQLite::Statement& row, int first) {
  auto col = [&row, first](int i) { return row.getColumn(first + i); };
  Leg leg;
  leg.id = LegId{col(0).getInt64()};
  leg.number = col(1).getInt();
  leg.replay = col(2).getInt() != 0;
  auto status = parse_leg_status(col(3).getString());
  if (!status) throw Error(ErrorCode::kInternal, "unknown leg status " + col(3).getString());
  leg.status = *status;
  if (auto d = opt_text(col(4))) leg.date = Date::parse(*d);
  if (auto k = opt_text(col(5))) leg.kickoff = LocalTime::parse(*k);
  leg.home = ClubRef{ClubId{col(6).getInt64()}, col(7).getString()};
  leg.away = ClubRef{ClubId{col(8).getInt64()}, col(9).getString()};
  leg.neutral_venue = col(10).getInt() != 0;
  leg.venue = opt_text(col(11));
  leg.full_time = opt_score(col(12), col(13));
  leg.half_time = opt_score(col(14), col(15));
  leg.extra_time = opt_score(col(16), col(17));
  leg.penalties = opt_score(col(18), col(19));
  if (!col(20).isNull()) leg.awarded_to = ClubId{col(20).getInt64()};
  return leg;
}

void find_or_insert(SQLite::Statement& find, SQLite::Statement& insert) {
  if (find.executeStep()) return;
  find.reset();
  insert.exec();
  if (!find.executeStep()) throw Error(ErrorCode::kInternal, "a row just inserted is missing");
}

std::vector<Leg> read_legs(StatementCache& statements, std::int64_t tie) {
  SQLite::Statement& q = statements.get(std::string("SELECT ") + kLegColumns + " FROM legs l" +
                                        kLegClubs + " WHERE l.tie_id = ? ORDER BY l.number");
  q.bind(1, tie);
  std::vector<Leg> legs;
  while (q.executeStep()) legs.push_back(read_leg(q));
  return legs;
}

std::unordered_map<std::int64_t, std::vector<Leg>> read_legs(
    StatementCache& statements, const std::vector<std::int64_t>& ties) {
  std::unordered_map<std::int64_t, std::vector<Leg>> out;
  if (ties.empty()) return out;
  // Put in order here: an ORDER BY would copy every row into a sorter and read it back.
  SQLite::Statement& q = statements.get(std::string("SELECT l.tie_id, ") + kLegColumnsUnnamed +
                                        " FROM json_each(?) j JOIN legs l ON l.tie_id = j.value");
  q.bind(1, json_ids(ties));
  while (q.executeStep()) out[q.getColumn(0).getInt64()].push_back(read_leg(q, 1));
  q.reset();
  for (auto& [tie, legs] : out) {
    std::sort(legs.begin(), legs.end(),
              [](const Leg& x, const Leg& y) { return x.number < y.number; });
  }
  return out;
}

std::string json_ids(const std::vector<std::int64_t>& ids) {
  std::string out = "[";
  for (const std::int64_t id : ids) {
    if (out.size() > 1) out += ',';
    out += std::to_string(id);
  }
  return out + ']';
}

std::optional<std::string> club_name(StatementCache& statements, ClubId club) {
  SQLite::Statement& q = statements.get("SELECT name FROM clubs WHERE id = ?");
  q.bind(1, club.value());
  std::optional<std::string> name;
  if (q.executeStep()) name = q.getColumn(0).getString();
  q.reset();
  return name;
}

void name_clubs(StatementCache& statements, const std::vector<ClubRef*>& clubs) {
  if (clubs.empty()) return;
  std::unordered_map<std::int64_t, std::vector<ClubRef*>> by_id;
  std::vector<std::int64_t> ids;
  for (ClubRef* club : clubs) {
    std::vector<ClubRef*>& refs = by_id[club->id.value()];
    if (refs.empty()) ids.push_back(club->id.value());
    refs.push_back(club);
  }
  SQLite::Statement& q = statements.get(
      "SELECT c.id, c.name FROM json_each(?) j JOIN clubs c ON c.id = j.value");
  q.bind(1, json_ids(ids));
  while (q.executeStep()) {
    const std::string name = q.getColumn(1).getString();
    for (ClubRef* club : by_id.at(q.getColumn(0).getInt64())) club->name = name;
  }
  q.reset();
}

void bind_opt(SQLite::Statement& stmt, int index, const std::optional<std::string>& value) {
  if (value) {
    stmt.bind(index, *value);
  } else {
    stmt.bind(index);
  }
}

void bind_opt(SQLite::Statement& stmt, int index, const std::optional<int>& value) {
  if (value) {
    stmt.bind(index, *value);
  } else {
    stmt.bind(index);
  }
}

void bind_opt(SQLite::Statement& stmt, int index, const std::optional<std::int64_t>& value) {
  if (value) {
    stmt.bind(index, *value);
  } else {
    stmt.bind(index);
  }
}

void Where::add_condition(std::string_view condition) {
  // Each "?" becomes the number of the value it stands for.
  const std::string number = "?" + std::to_string(values_.size());
  std::string out;
  for (char c : condition) {
    if (c == '?') {
      out += number;
    } else {
      out += c;
    }
  }
  conditions_.push_back(std::move(out));
}

void Where::add(std::string_view condition) { conditions_.emplace_back(condition); }

std::string Where::sql() const {
  std::string out = " ";
  for (std::size_t i = 0; i < conditions_.size(); ++i) {
    out += (i == 0 ? "WHERE (" : " AND (") + conditions_[i] + ")";
  }
  return out + " ";
}

void Where::bind(SQLite::Statement& statement) const {
  for (std::size_t i = 0; i < values_.size(); ++i) {
    const int index = static_cast<int>(i + 1);
    std::visit([&](const auto& v) { statement.bind(index, v); }, values_[i]);
  }
}

void bind_score(SQLite::Statement& stmt, int index, const std::optional<Score>& score) {
  bind_opt(stmt, index, score ? std::optional<int>(score->home) : std::nullopt);
  bind_opt(stmt, index + 1, score ? std::optional<int>(score->away) : std::nullopt);
}

std::vector<Evidence> read_evidence(StatementCache& statements, const std::string& table,
                                    const std::string& key, std::int64_t id) {
  SQLite::Statement& q = statements.get("SELECT e.source_id, s.path, e.line FROM " + table +
                                        " e JOIN sources s ON s.id = e.source_id WHERE e." + key +
                                        " = ? ORDER BY e.source_id, e.line");
  q.bind(1, id);
  std::vector<Evidence> out;
  while (q.executeStep()) {
    out.push_back(Evidence{SourceId{q.getColumn(0).getInt64()}, q.getColumn(1).getString(),
                           q.getColumn(2).getInt()});
  }
  return out;
}

void read_leg_evidence(StatementCache& statements, const std::vector<Leg*>& legs,
                       std::unordered_map<std::int64_t, std::vector<Evidence>>* tie_lines) {
  if (legs.empty()) return;
  std::unordered_map<std::int64_t, Leg*> by_id;
  std::vector<std::int64_t> ids;
  for (Leg* leg : legs) {
    if (by_id.emplace(leg->id.value(), leg).second) ids.push_back(leg->id.value());
  }
  // One leg (a club's next fixture) is one seek, without a list of ids to build and parse.
  SQLite::Statement& q = statements.get(
      ids.size() == 1
          ? "SELECT e.leg_id, e.source_id, s.path, e.line, e.tie_line FROM leg_evidence e "
            "JOIN sources s ON s.id = e.source_id WHERE e.leg_id = ? ORDER BY e.source_id, e.line"
          : "SELECT e.leg_id, e.source_id, s.path, e.line, e.tie_line FROM json_each(?) j "
            "JOIN leg_evidence e ON e.leg_id = j.value JOIN sources s ON s.id = e.source_id");
  if (ids.size() == 1) {
    q.bind(1, ids.front());
  } else {
    q.bind(1, json_ids(ids));
  }
  while (q.executeStep()) {
    const std::int64_t leg = q.getColumn(0).getInt64();
    Evidence evidence{SourceId{q.getColumn(1).getInt64()}, q.getColumn(2).getString(),
                      q.getColumn(3).getInt()};
    if (tie_lines && q.getColumn(4).getInt() != 0) (*tie_lines)[leg].push_back(evidence);
    by_id.at(leg)->evidence.push_back(std::move(evidence));
  }
  q.reset();
  if (ids.size() == 1) return;
  // In the order of the one-leg statement (and of leg_evidence's key), sorted here rather
  // than by SQLite's sorter.
  auto by_line = [](const Evidence& x, const Evidence& y) {
    return std::make_pair(x.source.value(), x.line) < std::make_pair(y.source.value(), y.line);
  };
  for (Leg* leg : legs) std::sort(leg->evidence.begin(), leg->evidence.end(), by_line);
  if (tie_lines) {
    for (auto& [leg, lines] : *tie_lines) std::sort(lines.begin(), lines.end(), by_line);
  }
}

// Binds what a leg says (status, date, kickoff, neutral, venue, the four scores, awarded_to) to
// the 14 parameters from `first` on, in that order.
void bind_leg_facts(SQLite::Statement& stmt, int first, const Leg& leg) {
  stmt.bind(first, std::string(to_string(leg.status)));
  bind_opt(stmt, first + 1,
           leg.date ? std::optional<std::string>(leg.date->to_string()) : std::nullopt);
  bind_opt(stmt, first + 2,
           leg.kickoff ? std::optional<std::string>(leg.kickoff->to_string()) : std::nullopt);
  stmt.bind(first + 3, leg.neutral_venue ? 1 : 0);
  bind_opt(stmt, first + 4, leg.venue);
  bind_score(stmt, first + 5, leg.full_time);
  bind_score(stmt, first + 7, leg.half_time);
  bind_score(stmt, first + 9, leg.extra_time);
  bind_score(stmt, first + 11, leg.penalties);
  bind_opt(stmt, first + 13,
           leg.awarded_to ? std::optional<std::int64_t>(leg.awarded_to->value()) : std::nullopt);
}

void update_leg_facts(StatementCache& statements, std::int64_t leg, const Leg& facts) {
  SQLite::Statement& u = statements.get(
      "UPDATE legs SET status = ?2, date = ?3, kickoff = ?4, neutral = ?5, venue = ?6, "
      "ft_home = ?7, ft_away = ?8, ht_home = ?9, ht_away = ?10, et_home = ?11, "
      "et_away = ?12, pen_home = ?13, pen_away = ?14, awarded_to = ?15 WHERE id = ?1");
  u.bind(1, leg);
  bind_leg_facts(u, 2, facts);
  u.exec();
  u.reset();
}

}  // namespace footballdb::storage
