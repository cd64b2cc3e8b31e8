// export_json: the whole database in the JSON interchange format (interchange/json_reader.hpp),
// one element a line, written as it is read.
#include <nlohmann/json.hpp>
#include <ostream>
#include <unordered_map>

#include "export/json_values.hpp"
#include "footballdb/error.hpp"
#include "footballdb/import.hpp"
#include "storage/database_impl.hpp"
#include "storage/rows.hpp"

namespace footballdb {
namespace {

using json = nlohmann::ordered_json;
using namespace json_values;

// Writes `"name": [` then each element a line, then `]`.
class Section {
 public:
  Section(std::ostream& out, const char* name, bool first) : out_(out) {
    out_ << (first ? "" : ",\n") << '"' << name << "\": [";
  }
  void add(const json& element) {
    out_ << (empty_ ? "\n" : ",\n") << element.dump();
    empty_ = false;
  }
  ~Section() { out_ << (empty_ ? "]" : "\n]"); }

 private:
  std::ostream& out_;
  bool empty_ = true;
};

json evidence(const std::vector<Evidence>& list) {
  json out = json::array();
  for (const Evidence& e : list) out.push_back({{"source", e.source.value()}, {"line", e.line}});
  return out;
}

json ref(const std::optional<ClubRef>& club) {
  return club ? json(club->id.value()) : json(nullptr);
}

json tie_element(const Tie& tie) {
  json legs = json::array();
  for (const Leg& leg : tie.legs) {
    legs.push_back({{"number", leg.number},
                    {"replay", leg.replay},
                    {"status", to_string(leg.status)},
                    {"date", opt(leg.date)},
                    {"kickoff", opt(leg.kickoff)},
                    {"home", leg.home.id.value()},
                    {"away", leg.away.id.value()},
                    {"neutral", leg.neutral_venue},
                    {"venue", opt(leg.venue)},
                    {"full_time", score(leg.full_time)},
                    {"half_time", score(leg.half_time)},
                    {"extra_time", score(leg.extra_time)},
                    {"penalties", score(leg.penalties)},
                    {"awarded_to", leg.awarded_to ? json(leg.awarded_to->value()) : json(nullptr)},
                    {"evidence", evidence(leg.evidence)}});
  }
  json stated = json::array();
  for (const StatedOutcome& s : tie.stated) {
    stated.push_back({{"winner", ref(s.winner)},
                      {"aggregate", aggregate(s.aggregate)},
                      {"decided_by", decided_by(s.decided_by)},
                      {"text", s.text},
                      {"evidence", {{"source", s.evidence.source.value()},
                                    {"line", s.evidence.line}}}});
  }
  json out{{"competition", tie.competition},
           {"season", tie.season},
           {"round", tie.round},
           {"number", opt(tie.number)},
           {"clubs", json::array({ref(tie.club_a), ref(tie.club_b)})},
           {"coin_toss_winner", ref(tie.coin_toss_winner)},
           {"legs", legs},
           {"stated", stated},
           {"evidence", evidence(tie.evidence)}};
  if (tie.group) out["group"] = *tie.group;
  return out;
}

}  // namespace

void export_json(const Database& db, std::ostream& out) try {
  const storage::StatementCache::Scope statements_in_use(detail::DatabaseAccess::statements(db));
  auto& statements = detail::DatabaseAccess::statements(db);
  // One read transaction: the sections agree with each other whatever other connections do.
  SQLite::Transaction snapshot(detail::DatabaseAccess::sqlite(db));
  out << "{\"footballdb\": 1,\n";
  {
    Section section(out, "sources", true);
    SQLite::Statement& q = statements.get(
        "SELECT id, path, sha256, format, imported_at, options FROM sources ORDER BY id");
    while (q.executeStep()) {
      json source = {{"id", q.getColumn(0).getInt64()},
                     {"path", q.getColumn(1).getString()},
                     {"sha256", q.getColumn(2).getString()},
                     {"format", q.getColumn(3).getString()},
                     {"imported_at", q.getColumn(4).getString()}};
      if (!q.getColumn(5).isNull()) source["options"] = json::parse(q.getColumn(5).getString());
      section.add(source);
    }
  }
  {
    Section section(out, "clubs", false);
    std::vector<ClubId> ids;
    std::unordered_map<std::int64_t, std::string> origins;
    SQLite::Statement& q = statements.get("SELECT id, origin FROM clubs ORDER BY id");
    while (q.executeStep()) {
      ids.emplace_back(q.getColumn(0).getInt64());
      origins.emplace(q.getColumn(0).getInt64(), q.getColumn(1).getString());
    }
    q.reset();
    for (ClubId id : ids) {
      const std::optional<Club> found = db.club(id);
      if (!found) throw Error(ErrorCode::kInternal, "club " + std::to_string(id.value()) + " vanished");
      const Club& club = *found;
      json names = json::array();
      for (const ClubName& n : club.names) {
        if (n.name == club.name) continue;
        names.push_back(n.lang ? json{{"name", n.name}, {"lang", *n.lang}} : json(n.name));
      }
      section.add({{"id", id.value()},
                   {"name", club.name},
                   {"country", opt(club.country)},
                   {"city", opt(club.city)},
                   {"origin", origins.at(id.value())},
                   {"names", names}});
    }
  }
  {
    Section section(out, "competitions", false);
    SQLite::Statement& q = statements.get(
        "SELECT c.name, r.from_season_year, r.away_goals, r.away_goals_extra_time, "
        "r.extra_time, r.penalties, r.replays, r.legs, r.round, r.replay_limit, "
        "r.replay_extra_time, r.replay_penalties FROM competitions c "
        "LEFT JOIN competition_rules r ON r.competition_id = c.id "
        "ORDER BY c.id, r.from_season_year, r.round");
    json current;
    while (q.executeStep()) {
      const std::string name = q.getColumn(0).getString();
      if (current.is_null() || current["name"] != name) {
        if (!current.is_null()) section.add(current);
        current = json{{"name", name}, {"rules", json::array()}};
      }
      if (q.getColumn(1).isNull()) continue;
      const int year = q.getColumn(1).getInt();
      const std::string from = Season::split_season_of(Date{year, 7, 1});
      json rule = {{"from", from},
                                  {"away_goals", q.getColumn(2).getInt() != 0},
                                  {"away_goals_extra_time", q.getColumn(3).getInt() != 0},
                                  {"extra_time", q.getColumn(4).getInt() != 0},
                                  {"penalties", q.getColumn(5).getInt() != 0},
                                  {"replays", q.getColumn(6).getInt() != 0},
                                  {"legs", q.getColumn(7).getInt()},
                                  {"replay_limit", q.getColumn(9).getInt()},
                                  {"replay_extra_time", q.getColumn(10).getInt() != 0},
                                  {"replay_penalties", q.getColumn(11).getInt() != 0}};
      if (!q.getColumn(8).getString().empty()) rule["round"] = q.getColumn(8).getString();
      current["rules"].push_back(std::move(rule));
    }
    if (!current.is_null()) section.add(current);
  }
  {
    Section section(out, "rounds", false);
    // Each round with the names its sources gave it (JSON arrays of [source, name], in order).
    SQLite::Statement& q = statements.get(
        "SELECT c.name, s.name, r.name, r.ordinal, r.knockout, "
        "(SELECT json_group_array(json_array(n.source_id, n.name)) FROM "
        "(SELECT source_id, name FROM round_names WHERE round_id = r.id "
        "ORDER BY source_id, name) n) FROM rounds r "
        "JOIN seasons s ON s.id = r.season_id JOIN competitions c ON c.id = s.competition_id "
        "ORDER BY c.id, s.start_year, s.name, r.ordinal, r.id");
    while (q.executeStep()) {
      json round = {{"competition", q.getColumn(0).getString()},
                    {"season", q.getColumn(1).getString()},
                    {"name", q.getColumn(2).getString()},
                    {"order", q.getColumn(3).getInt()},
                    {"knockout", q.getColumn(4).getInt() != 0}};
      json stated = json::array();
      for (const json& n : json::parse(q.getColumn(5).getString())) {
        stated.push_back({{"name", n[1]}, {"source", n[0]}});
      }
      if (!stated.empty()) round["stated"] = std::move(stated);
      section.add(round);
    }
  }
  {
    Section section(out, "ties", false);
    std::vector<TieId> ids;
    SQLite::Statement& q = statements.get("SELECT id FROM ties ORDER BY id");
    while (q.executeStep()) ids.emplace_back(q.getColumn(0).getInt64());
    q.reset();
    for (TieId id : ids) {
      const std::optional<Tie> tie = db.tie(id);
      if (!tie) throw Error(ErrorCode::kInternal, "tie " + std::to_string(id.value()) + " vanished");
      section.add(tie_element(*tie));
    }
  }
  out << "}\n";
  snapshot.commit();
} catch (const SQLite::Exception& e) {
  detail::rethrow_database_error(e);
}

}  // namespace footballdb
