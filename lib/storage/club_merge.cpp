#include "storage/club_merge.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "footballdb/error.hpp"
#include "storage/outcomes.hpp"
#include "storage/rows.hpp"
#include "storage/store.hpp"

namespace footballdb::storage {
namespace {

using nlohmann::json;

std::string existing_club_name(StatementCache& statements, ClubId id) {
  auto name = club_name(statements, id);
  if (!name) throw Error(ErrorCode::kUsage, "there is no club #" + std::to_string(id.value()));
  return *name;
}

// One stored tie of a club, with what locates its round.
struct ClubTie {
  std::int64_t id = 0;
  std::int64_t round = 0;
  bool knockout = true;
  std::optional<std::int64_t> opponent;
  std::string round_text;  // "2012-13 UEFA Europa League, Second qualifying round"
};

std::vector<ClubTie> club_ties(StatementCache& statements, ClubId club) {
  SQLite::Statement& q = statements.get(
      "SELECT t.id, t.round_id, r.knockout, CASE WHEN t.club_a = ?1 THEN t.club_b ELSE t.club_a "
      "END, s.name || ' ' || c.name || ', ' || r.name FROM ties t JOIN rounds r ON r.id = "
      "t.round_id JOIN seasons s ON s.id = r.season_id JOIN competitions c ON c.id = "
      "s.competition_id WHERE t.club_a = ?1 OR t.club_b = ?1 ORDER BY t.id");
  q.bind(1, club.value());
  std::vector<ClubTie> out;
  while (q.executeStep()) {
    ClubTie t;
    t.id = q.getColumn(0).getInt64();
    t.round = q.getColumn(1).getInt64();
    t.knockout = q.getColumn(2).getInt() != 0;
    if (!q.getColumn(3).isNull()) t.opponent = q.getColumn(3).getInt64();
    t.round_text = q.getColumn(4).getString();
    out.push_back(std::move(t));
  }
  return out;
}

// Tie `id` as a draft of the sources that gave it, for TieStore::merge.
TieDraft tie_draft(StatementCache& statements, std::int64_t id) {
  TieDraft d;
  {
    SQLite::Statement& q = statements.get(
        "SELECT c.name, s.name, r.name, t.number, t.club_a, t.club_b, t.coin_toss_winner "
        "FROM ties t JOIN rounds r ON r.id = t.round_id JOIN seasons s ON s.id = r.season_id "
        "JOIN competitions c ON c.id = s.competition_id WHERE t.id = ?");
    q.bind(1, id);
    q.executeStep();
    d.round = RoundKey{q.getColumn(0).getString(), q.getColumn(1).getString(),
                       q.getColumn(2).getString()};
    d.number = opt_int(q.getColumn(3));
    auto club = [&q](int i) {
      return q.getColumn(i).isNull() ? std::optional<ClubId>()
                                     : std::optional<ClubId>(q.getColumn(i).getInt64());
    };
    d.club_a = club(4);
    d.club_b = club(5);
    d.coin_toss_winner = club(6);
  }
  for (const Evidence& e : read_evidence(statements, "tie_evidence", "tie_id", id)) {
    d.evidence.emplace_back(e.source, e.line);
  }
  std::vector<Leg> legs = read_legs(statements, id);
  std::vector<Leg*> pointers;
  for (Leg& leg : legs) pointers.push_back(&leg);
  read_leg_evidence(statements, pointers);
  for (Leg& stored : legs) {
    LegDraft leg;
    for (const Evidence& e : stored.evidence) leg.evidence.emplace_back(e.source, e.line);
    if (!leg.evidence.empty()) leg.line = leg.evidence.front().second;
    stored.evidence.clear();
    leg.leg = std::move(stored);
    leg.numbered = true;  // keeps its number where that is free in the tie it joins
    d.legs.push_back(std::move(leg));
  }
  SQLite::Statement& q = statements.get(
      "SELECT winner, agg_a, agg_b, decided_by, text, line, source_id FROM tie_claims "
      "WHERE tie_id = ? ORDER BY id");
  q.bind(1, id);
  while (q.executeStep()) {
    ClaimDraft c;
    if (!q.getColumn(0).isNull()) c.winner = ClubId{q.getColumn(0).getInt64()};
    if (!q.getColumn(1).isNull()) c.aggregate = Aggregate{q.getColumn(1).getInt(), q.getColumn(2).getInt()};
    if (auto how = opt_text(q.getColumn(3))) c.decided_by = parse_decided_by(*how);
    c.text = q.getColumn(4).getString();
    c.line = q.getColumn(5).getInt();
    c.source = SourceId{q.getColumn(6).getInt64()};
    d.claims.push_back(std::move(c));
  }
  return d;
}

// A conflict recorded on a tie that is merged away, kept to be recorded on the merged tie.
struct SavedConflict {
  std::optional<std::int64_t> leg;  // the leg's id in the tie merged away
  std::int64_t source;
  int line;
  std::string field;
  std::optional<std::string> stored, claimed;
};

// Merges tie `away` (the clubs already re-pointed) into tie `keep`; adds to `result`.
void merge_tie_into(StatementCache& statements, ClubIndex& clubs, std::int64_t away,
                    std::int64_t keep, const std::string& round_text, ClubMergeResult& result) {
  TieDraft draft = tie_draft(statements, away);
  std::map<std::int64_t, std::tuple<std::int64_t, std::int64_t, bool>> leg_clubs;
  for (const LegDraft& l : draft.legs) {
    leg_clubs[l.leg.id.value()] = {l.leg.home.id.value(), l.leg.away.id.value(), l.leg.replay};
  }
  std::vector<SavedConflict> saved;
  {
    SQLite::Statement& q = statements.get(
        "SELECT leg_id, source_id, line, field, stored, claimed FROM conflicts "
        "WHERE tie_id = ?1 OR leg_id IN (SELECT id FROM legs WHERE tie_id = ?1) ORDER BY id");
    q.bind(1, away);
    while (q.executeStep()) {
      SavedConflict c;
      if (!q.getColumn(0).isNull()) c.leg = q.getColumn(0).getInt64();
      c.source = q.getColumn(1).getInt64();
      c.line = q.getColumn(2).getInt();
      c.field = q.getColumn(3).getString();
      c.stored = opt_text(q.getColumn(4));
      c.claimed = opt_text(q.getColumn(5));
      saved.push_back(std::move(c));
    }
  }
  SQLite::Statement& del = statements.get("DELETE FROM ties WHERE id = ?");
  del.bind(1, away);
  del.exec();

  Store store(statements, clubs);
  const MergeResult merged = store.ties.merge(draft);
  store.ties.write_outcomes();
  if (!merged.tie || merged.tie->value() != keep) {
    throw Error(ErrorCode::kConflict, "the clubs' ties in " + round_text +
                                          " cannot be merged into one (another club's tie "
                                          "there names the same opponent)");
  }
  result.conflicts += merged.conflicts;
  SQLite::Statement& find_leg = statements.get(
      "SELECT id FROM legs WHERE tie_id = ? AND home = ? AND away = ? AND replay = ? "
      "ORDER BY number LIMIT 1");
  SQLite::Statement& ins = statements.get(
      "INSERT INTO conflicts(tie_id, leg_id, source_id, line, field, stored, claimed) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)");
  for (const SavedConflict& c : saved) {
    std::optional<std::int64_t> leg;
    if (c.leg && leg_clubs.count(*c.leg)) {
      const auto& [home, away_club, replay] = leg_clubs[*c.leg];
      find_leg.reset();
      find_leg.bind(1, keep);
      find_leg.bind(2, home);
      find_leg.bind(3, away_club);
      find_leg.bind(4, replay ? 1 : 0);
      if (find_leg.executeStep()) leg = find_leg.getColumn(0).getInt64();
      find_leg.reset();
    }
    ins.reset();
    ins.bind(1, keep);
    bind_opt(ins, 2, leg);
    ins.bind(3, c.source);
    ins.bind(4, c.line);
    ins.bind(5, c.field);
    bind_opt(ins, 6, c.stored);
    bind_opt(ins, 7, c.claimed);
    ins.exec();
  }
}

void exec(StatementCache& statements, const std::string& sql, ClubId from, ClubId into) {
  SQLite::Statement& q = statements.get(sql);
  q.bind(1, from.value());
  q.bind(2, into.value());
  q.exec();
}

}  // namespace

ClubMergeResult merge_clubs(StatementCache& statements, ClubIndex& clubs, ClubId from,
                            ClubId into) {
  const std::string from_name = existing_club_name(statements, from);
  const std::string into_name = existing_club_name(statements, into);
  if (from == into) throw Error(ErrorCode::kUsage, "a club cannot be merged into itself");
  const std::string both = "'" + from_name + "' (#" + std::to_string(from.value()) + ") and '" +
                           into_name + "' (#" + std::to_string(into.value()) + ")";
  {
    SQLite::Statement& q = statements.get(
        "SELECT 1 FROM club_distinct WHERE club_a = min(?1, ?2) AND club_b = max(?1, ?2)");
    q.bind(1, from.value());
    q.bind(2, into.value());
    if (q.executeStep()) {
      throw Error(ErrorCode::kConflict, both + " are recorded as different clubs");
    }
  }
  {
    SQLite::Statement& q = statements.get(
        "SELECT 1 FROM ties WHERE (club_a = ?1 AND club_b = ?2) OR (club_a = ?2 AND club_b = ?1) "
        "UNION ALL SELECT 1 FROM legs WHERE (home = ?1 AND away = ?2) OR (home = ?2 AND away = ?1)");
    q.bind(1, from.value());
    q.bind(2, into.value());
    if (q.executeStep()) throw Error(ErrorCode::kConflict, both + " played each other");
  }

  // The ties to merge: per round both clubs play in, the pairs that become one.
  const std::vector<ClubTie> from_ties = club_ties(statements, from);
  const std::vector<ClubTie> into_ties = club_ties(statements, into);
  std::vector<std::tuple<std::int64_t, std::int64_t, std::string>> merges;  // away, keep, round
  for (const ClubTie& f : from_ties) {
    for (const ClubTie& i : into_ties) {
      if (f.round != i.round) continue;
      const bool same_opponent = f.opponent == i.opponent;
      if (f.knockout) {
        if (f.opponent && i.opponent && !same_opponent) {
          throw Error(ErrorCode::kConflict,
                      both + " both have a tie in " + f.round_text +
                          " against different opponents: they cannot be one club");
        }
        merges.emplace_back(f.id, i.id, f.round_text);
        break;
      }
      if (same_opponent) {
        merges.emplace_back(f.id, i.id, f.round_text);
        break;
      }
    }
  }

  ClubMergeResult result;
  result.ties_moved = static_cast<int>(from_ties.size());
  // Every column of a row at once: the row's checks (a winner is one of the tie's clubs, a
  // walkover goes to the home or away club) hold before and after, never in between.
  exec(statements,
       "UPDATE ties SET club_a = iif(club_a = ?1, ?2, club_a), "
       "club_b = iif(club_b = ?1, ?2, club_b), winner = iif(winner = ?1, ?2, winner), "
       "coin_toss_winner = iif(coin_toss_winner = ?1, ?2, coin_toss_winner) "
       "WHERE ?1 IN (club_a, club_b, winner, coin_toss_winner)",
       from, into);
  exec(statements,
       "UPDATE legs SET home = iif(home = ?1, ?2, home), away = iif(away = ?1, ?2, away), "
       "awarded_to = iif(awarded_to = ?1, ?2, awarded_to) "
       "WHERE ?1 IN (home, away, awarded_to)",
       from, into);
  exec(statements, "UPDATE tie_claims SET winner = ?2 WHERE winner = ?1", from, into);
  exec(statements, "UPDATE OR IGNORE club_names SET club_id = ?2 WHERE club_id = ?1", from, into);
  exec(statements, "UPDATE name_reviews SET club_id = ?2 WHERE club_id = ?1", from, into);
  exec(statements, "UPDATE name_reviews SET decided_club = ?2 WHERE decided_club = ?1", from, into);
  exec(statements,
       "INSERT OR IGNORE INTO club_distinct(club_a, club_b) SELECT min(?2, other), max(?2, other) "
       "FROM (SELECT CASE WHEN club_a = ?1 THEN club_b ELSE club_a END AS other "
       "FROM club_distinct WHERE ?1 IN (club_a, club_b)) WHERE other <> ?2",
       from, into);
  SQLite::Statement& del = statements.get("DELETE FROM clubs WHERE id = ?");
  del.bind(1, from.value());
  del.exec();
  clubs.club_merged(from, into);

  std::set<std::int64_t> merged_away;
  for (const auto& [away, keep, round_text] : merges) {
    merge_tie_into(statements, clubs, away, keep, round_text, result);
    merged_away.insert(away);
    ++result.ties_merged;
  }
  for (const ClubTie& t : from_ties) {
    if (!merged_away.count(t.id)) recompute_outcomes(statements, 0, t.id);
  }
  for (const auto& merge : merges) recompute_outcomes(statements, 0, std::get<1>(merge));
  return result;
}

// --- The journal of a merge ---

namespace {

struct ScopeTable {
  const char* name;   // what is read, and the journal's key for it
  const char* where;  // ?1 from, ?2 into, ?3 ties, ?4 legs, ?5 names, ?6 reviews (JSON arrays)
  // The table rows are deleted from and restored into, where `name` is a view: a tie's evidence
  // goes back to its own lines (tie_lines), whatever its legs say.
  const char* stored = nullptr;
  // The columns kept. Journals keep the columns tables had when merges were first journaled, so
  // that a merge made before a later column was added can still be undone.
  const char* columns = "*";
  const char* table() const { return stored ? stored : name; }
};

// Parents first: the order rows are inserted in; deletion goes the other way.
const ScopeTable kScopeTables[] = {
    {"clubs", "id = ?1"},
    {"club_names", "club_id = ?1 OR id IN (SELECT value FROM json_each(?5))"},
    {"club_distinct", "club_a IN (?1, ?2) OR club_b IN (?1, ?2)"},
    {"name_reviews",
     "id IN (SELECT value FROM json_each(?6)) OR club_id = ?1 OR decided_club = ?1"},
    {"ties", "id IN (SELECT value FROM json_each(?3)) OR club_a = ?1 OR club_b = ?1"},
    {"legs", "tie_id IN (SELECT value FROM json_each(?3)) OR id IN (SELECT value FROM json_each(?4))"},
    {"tie_evidence", "tie_id IN (SELECT value FROM json_each(?3))", "tie_lines"},
    {"leg_evidence",
     "leg_id IN (SELECT value FROM json_each(?4)) OR "
     "leg_id IN (SELECT id FROM legs WHERE tie_id IN (SELECT value FROM json_each(?3)))",
     nullptr, "leg_id, source_id, line, facts"},
    {"tie_claims", "tie_id IN (SELECT value FROM json_each(?3)) OR winner = ?1"},
    {"conflicts",
     "tie_id IN (SELECT value FROM json_each(?3)) OR leg_id IN (SELECT value FROM json_each(?4))"},
};

// Binds the scope's parameters that `q` uses (?1 ... ?6, in order).
void bind_scope(SQLite::Statement& q, const MergeScope& s) {
  const int n = q.getBindParameterCount();
  if (n >= 1) q.bind(1, s.from.value());
  if (n >= 2) q.bind(2, s.into.value());
  if (n >= 3) q.bind(3, json(s.ties).dump());
  if (n >= 4) q.bind(4, json(s.legs).dump());
  if (n >= 5) q.bind(5, json(s.names).dump());
  if (n >= 6) q.bind(6, json(s.reviews).dump());
}

std::vector<std::int64_t> ids(StatementCache& statements, const std::string& sql,
                              const MergeScope& scope) {
  SQLite::Statement& q = statements.get(sql);
  bind_scope(q, scope);
  std::vector<std::int64_t> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

}  // namespace

MergeScope merge_scope(StatementCache& statements, ClubId from, ClubId into,
                       std::optional<std::int64_t> review) {
  MergeScope s;
  s.from = from;
  s.into = into;
  s.ties = ids(statements,
               "SELECT id FROM ties WHERE club_a = ?1 OR club_b = ?1 OR ((club_a = ?2 OR club_b = "
               "?2) AND round_id IN (SELECT round_id FROM ties WHERE club_a = ?1 OR club_b = ?1)) "
               "ORDER BY id",
               s);
  s.legs = ids(statements,
               "SELECT id FROM legs WHERE tie_id IN (SELECT value FROM json_each(?3)) ORDER BY id", s);
  s.names = ids(statements, "SELECT id FROM club_names WHERE club_id = ?1 ORDER BY id", s);
  s.reviews = ids(statements,
                  "SELECT id FROM name_reviews WHERE club_id = ?1 OR decided_club = ?1 ORDER BY id",
                  s);
  if (review) s.reviews.push_back(*review);
  return s;
}

std::string capture_scope(StatementCache& statements, const MergeScope& scope) {
  json out = json::object();
  for (const ScopeTable& t : kScopeTables) {
    SQLite::Statement& q = statements.get(std::string("SELECT ") + t.columns + " FROM " + t.name +
                                          " WHERE " + t.where);
    bind_scope(q, scope);
    std::vector<json> rows;
    while (q.executeStep()) {
      json row = json::object();
      for (int i = 0; i < q.getColumnCount(); ++i) {
        const SQLite::Column c = q.getColumn(i);
        if (c.isNull()) {
          row[c.getName()] = nullptr;
        } else if (c.isInteger()) {
          row[c.getName()] = c.getInt64();
        } else if (c.isFloat()) {
          row[c.getName()] = c.getDouble();
        } else {
          row[c.getName()] = c.getString();
        }
      }
      rows.push_back(std::move(row));
    }
    std::sort(rows.begin(), rows.end(),
              [](const json& a, const json& b) { return a.dump() < b.dump(); });
    out[t.name] = rows;
  }
  return out.dump();
}

void restore_scope(StatementCache& statements, const MergeScope& scope, const std::string& rows) {
  const json wanted = json::parse(rows);
  for (auto t = std::rbegin(kScopeTables); t != std::rend(kScopeTables); ++t) {
    SQLite::Statement& q =
        statements.get(std::string("DELETE FROM ") + t->table() + " WHERE " + t->where);
    bind_scope(q, scope);
    q.exec();
  }
  for (const ScopeTable& t : kScopeTables) {
    for (const json& row : wanted.at(t.name)) {
      std::string columns, marks;
      for (const auto& item : row.items()) {
        columns += (columns.empty() ? "" : ", ") + item.key();
        marks += marks.empty() ? "?" : ", ?";
      }
      SQLite::Statement& ins = statements.get(std::string("INSERT INTO ") + t.table() + "(" +
                                              columns + ") VALUES (" + marks + ")");
      int i = 1;
      for (const auto& item : row.items()) {
        const json& v = item.value();
        if (v.is_null()) {
          ins.bind(i);
        } else if (v.is_number_integer()) {
          ins.bind(i, v.get<std::int64_t>());
        } else if (v.is_number()) {
          ins.bind(i, v.get<double>());
        } else {
          ins.bind(i, v.get<std::string>());
        }
        ++i;
      }
      ins.exec();
    }
  }
}

std::string scope_to_json(const MergeScope& s) {
  return json{{"from", s.from.value()}, {"into", s.into.value()}, {"ties", s.ties},
              {"legs", s.legs},         {"names", s.names},       {"reviews", s.reviews}}
      .dump();
}

MergeScope scope_from_json(const std::string& text) {
  try {
    const json j = json::parse(text);
    MergeScope s;
    s.from = ClubId{j.at("from").get<std::int64_t>()};
    s.into = ClubId{j.at("into").get<std::int64_t>()};
    s.ties = j.at("ties").get<std::vector<std::int64_t>>();
    s.legs = j.at("legs").get<std::vector<std::int64_t>>();
    s.names = j.at("names").get<std::vector<std::int64_t>>();
    s.reviews = j.at("reviews").get<std::vector<std::int64_t>>();
    return s;
  } catch (const json::exception& e) {
    throw Error(ErrorCode::kInternal, std::string("a merge journal that does not read: ") + e.what());
  }
}

}  // namespace footballdb::storage
