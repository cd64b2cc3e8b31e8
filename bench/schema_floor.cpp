// The schema floor: what storing a CSV's facts in footballdb's own tables costs, without any of
// the importer's work (name matching, rules, conflict checks).
//
//   schema_floor DB CSV
//
// Creates DB with footballdb::Database::open (footballdb's schema and the club registry, as an
// import into a new file gets it; timed apart), closes it, and then, through SQLite's C API with
// the connection settings footballdb uses (WAL, synchronous NORMAL, foreign keys, a 64 MiB
// cache, temporary storage in memory), inserts in one transaction with prepared statements what
// `footballdb import` stores for bench/generate.py's CSV: a source; the competitions, seasons and
// rounds (the CSV's round code kept as the round's stated name); a tie per pairing of a round,
// with the winner the row names and the aggregate of its totagg columns; every row a leg, its
// evidence (marked the tie's too) and the winner as a claim. Clubs are found by their exact name
// in a hash map of the clubs table (a name not there becomes a club, with its spelling). Nothing
// else is parsed: fields are split at commas (quotes removed), scores at their dash. The indexes
// and triggers an import into a new database builds after its inserts are built after them here
// too, by the importer's own storage::DeferredIndexes.
//
// Prints one JSON line: {"rows": N, "open_s": ..., "insert_s": ..., "empty_db_bytes": ...}: the
// time to create the database, the time of the inserts, and the size of the new database file
// before them (the registry's share of every footballdb database).
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>

#include "footballdb/footballdb.hpp"
#include "storage/deferred_indexes.hpp"

namespace {

using Clock = std::chrono::steady_clock;

[[noreturn]] void fail(sqlite3* db, const std::string& what) {
  throw std::runtime_error(what + ": " + (db ? sqlite3_errmsg(db) : "error"));
}

void exec(sqlite3* db, const char* sql) {
  char* error = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = std::string(sql) + ": " + (error ? error : "error");
    sqlite3_free(error);
    throw std::runtime_error(message);
  }
}

// A prepared statement: bind, then step() (returns the first column of a RETURNING row, if any).
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr) != SQLITE_OK) {
      fail(db, sql);
    }
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  void bind(int i, std::int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
  void bind(int i, std::string_view v) {
    sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
  }
  void bind_null(int i) { sqlite3_bind_null(stmt_, i); }
  // Binds the two goals of "h-v" to i and i + 1 (NULLs for NA or an empty field).
  void bind_score(int i, std::string_view score) {
    const auto dash = score.find('-');
    if (score.empty() || score == "NA" || dash == std::string_view::npos) {
      bind_null(i);
      bind_null(i + 1);
      return;
    }
    bind(i, std::atoll(std::string(score.substr(0, dash)).c_str()));
    bind(i + 1, std::atoll(std::string(score.substr(dash + 1)).c_str()));
  }

  std::int64_t step() {
    const int rc = sqlite3_step(stmt_);
    std::int64_t id = 0;
    if (rc == SQLITE_ROW) {
      id = sqlite3_column_int64(stmt_, 0);
      while (sqlite3_step(stmt_) == SQLITE_ROW) {
      }
    } else if (rc != SQLITE_DONE) {
      fail(db_, sqlite3_sql(stmt_));
    }
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    return id;
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

// Splits a CSV line into fields (quotes removed, "" is "), as views into `line`, which it
// rewrites in place.
void split(std::string& line, std::vector<std::string_view>& fields) {
  fields.clear();
  std::size_t p = 0;
  for (;;) {
    if (p < line.size() && line[p] == '"') {
      std::size_t out = ++p;
      const std::size_t start = out;
      while (p < line.size()) {
        if (line[p] == '"') {
          if (p + 1 < line.size() && line[p + 1] == '"') {
            line[out++] = '"';
            p += 2;
            continue;
          }
          ++p;
          break;
        }
        line[out++] = line[p++];
      }
      fields.emplace_back(line.data() + start, out - start);
      while (p < line.size() && line[p] != ',') ++p;
    } else {
      const std::size_t end = std::min(line.find(',', p), line.size());
      fields.emplace_back(line.data() + p, end - p);
      p = end;
    }
    if (p >= line.size()) return;
    ++p;
  }
}

struct RoundName {
  const char* name;
  int order;
};

// The round codes bench/generate.py writes, with footballdb's canonical names and orders.
RoundName round_of(std::string_view code) {
  static const std::unordered_map<std::string_view, RoundName> kRounds = {
      {"Round1", {"First round", 60}},      {"Round2", {"Second round", 70}},
      {"Round3", {"Third round", 80}},      {"R32", {"Round of 32", 130}},
      {"R16", {"Round of 16", 140}},        {"QF", {"Quarter-finals", 150}},
      {"SF", {"Semi-finals", 160}},         {"final", {"Final", 170}}};
  const auto it = kRounds.find(code);
  return it == kRounds.end() ? RoundName{nullptr, 1000} : it->second;
}

struct TieState {
  std::int64_t id = 0;
  std::int64_t club_a = 0;
  std::int64_t club_b = 0;
  int legs = 0;
  std::int64_t agg_a = 0, agg_b = 0;
  bool extra_time = false;
};

std::string key_of(std::int64_t a, std::int64_t b, std::int64_t c = 0) {
  std::string key;
  key.append(reinterpret_cast<const char*>(&a), sizeof a);
  key.append(reinterpret_cast<const char*>(&b), sizeof b);
  key.append(reinterpret_cast<const char*>(&c), sizeof c);
  return key;
}

int run(const std::string& path, const std::string& csv) {
  const auto opened = Clock::now();
  footballdb::Database::open(path);  // the schema and the registry; closed again at once
  const auto inserting = Clock::now();
  std::error_code error;
  const auto empty_bytes = std::filesystem::file_size(path, error);

  auto connection = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE);
  sqlite3* db = connection->getHandle();
  exec(db, "PRAGMA foreign_keys = ON");
  exec(db, "PRAGMA journal_mode = WAL");
  exec(db, "PRAGMA synchronous = NORMAL");
  exec(db, "PRAGMA cache_size = -65536");
  exec(db, "PRAGMA temp_store = MEMORY");
  long rows = 0;
  {
    Statement add_source(db,
                         "INSERT INTO sources(path, sha256, format, imported_at, options) VALUES "
                         "(?, ?, 'csv', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), NULL) RETURNING id");
    Statement add_competition(db, "INSERT INTO competitions(name) VALUES (?) RETURNING id");
    Statement add_season(
        db, "INSERT INTO seasons(competition_id, name, start_year) VALUES (?, ?, ?) RETURNING id");
    Statement add_round(db,
                        "INSERT INTO rounds(season_id, name, ordinal, knockout) VALUES (?, ?, ?, 1) "
                        "RETURNING id");
    Statement add_round_name(db,
                             "INSERT INTO round_names(round_id, source_id, name) VALUES (?, ?, ?)");
    Statement add_club(db,
                       "INSERT INTO clubs(name, country, origin) VALUES (?, ?, 'import') RETURNING id");
    Statement add_club_name(db,
                            "INSERT INTO club_names(club_id, name, name_key, fold_key, source_id, "
                            "method, line) VALUES (?, ?, ?, ?, ?, 'import', ?)");
    Statement add_tie(db, "INSERT INTO ties(round_id, club_a, club_b) VALUES (?, ?, ?) RETURNING id");
    Statement set_outcome(db,
                          "UPDATE ties SET agg_a = ?, agg_b = ?, winner = ?, decided_by = ?, "
                          "extra_time = ?, outcome_from = 'legs' WHERE id = ?");
    Statement add_claim(db,
                        "INSERT INTO tie_claims(tie_id, source_id, line, winner, decided_by) "
                        "VALUES (?, ?, ?, ?, ?)");
    Statement add_leg(db,
                      "INSERT INTO legs(tie_id, number, replay, status, date, home, away, ft_home, "
                      "ft_away, ht_home, ht_away, et_home, et_away, pen_home, pen_away) VALUES "
                      "(?, ?, ?, 'played', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
    Statement add_leg_evidence(db,
                               "INSERT INTO leg_evidence(leg_id, source_id, line, facts, tie_line) "
                               "VALUES (?, ?, ?, ?, 1)");

    exec(db, "BEGIN");
    // As an import into a new database does: the indexes only queries read, and the triggers
    // that count each club's ties, are built once after the inserts (any number of legs is at
    // least as many as a new database holds).
    footballdb::storage::DeferredIndexes deferred(*connection, 1);
    std::unordered_map<std::string, std::int64_t> clubs;
    {
      sqlite3_stmt* s = nullptr;
      sqlite3_prepare_v2(db, "SELECT id, name FROM clubs", -1, &s, nullptr);
      while (sqlite3_step(s) == SQLITE_ROW) {
        clubs.emplace(reinterpret_cast<const char*>(sqlite3_column_text(s, 1)),
                      sqlite3_column_int64(s, 0));
      }
      sqlite3_finalize(s);
    }
    add_source.bind(1, std::string_view(csv));
    const std::string zeros(64, '0');  // a placeholder: the floor hashes nothing
    add_source.bind(2, std::string_view(zeros));
    const std::int64_t source = add_source.step();

    std::unordered_map<std::string, std::int64_t> competitions, seasons, rounds;
    std::unordered_map<std::string, TieState> ties;

    std::ifstream in(csv);
    if (!in) throw std::runtime_error("cannot read " + csv);
    std::string line;
    std::vector<std::string_view> f;
    std::getline(in, line);
    split(line, f);
    std::unordered_map<std::string, std::size_t> column;
    for (std::size_t i = 0; i < f.size(); ++i) column.emplace(std::string(f[i]), i);
    auto at = [&column](const char* name) {
      const auto it = column.find(name);
      if (it == column.end()) throw std::runtime_error(std::string("no column ") + name);
      return it->second;
    };
    const std::size_t c_competition = at("competition"), c_date = at("Date"),
                      c_season = at("Season"), c_round = at("round"), c_leg = at("leg"),
                      c_home = at("home"), c_away = at("visitor"), c_ft = at("FT"),
                      c_ht = at("HT"), c_aet = at("aet"), c_pens = at("pens"),
                      c_agg_home = at("totagg_home"), c_agg_away = at("totagg_visitor"),
                      c_winner = at("tiewinner"), c_home_country = at("hcountry"),
                      c_away_country = at("vcountry");
    const std::size_t columns = f.size();
    int line_number = 1;
    auto club_id = [&](std::string_view name, std::string_view country) {
      std::string key(name);
      if (const auto it = clubs.find(key); it != clubs.end()) return it->second;
      add_club.bind(1, name);
      if (country == "NA") {
        add_club.bind_null(2);
      } else {
        add_club.bind(2, country);
      }
      const std::int64_t id = add_club.step();
      const std::string name_key = footballdb::name_key(name);
      const std::string fold_key = footballdb::fold_key(name);
      add_club_name.bind(1, id);
      add_club_name.bind(2, name);
      add_club_name.bind(3, std::string_view(name_key));
      add_club_name.bind(4, std::string_view(fold_key));
      add_club_name.bind(5, source);
      add_club_name.bind(6, static_cast<std::int64_t>(line_number));
      add_club_name.step();
      clubs.emplace(std::move(key), id);
      return id;
    };

    while (std::getline(in, line)) {
      ++line_number;
      if (line.empty()) continue;
      split(line, f);
      if (f.size() != columns) throw std::runtime_error("line " + std::to_string(line_number));
      ++rows;
      const auto na = [](std::string_view v) { return v.empty() || v == "NA"; };

      // Competition, season, round.
      std::string key(f[c_competition]);
      auto comp = competitions.find(key);
      if (comp == competitions.end()) {
        add_competition.bind(1, f[c_competition]);
        comp = competitions.emplace(key, add_competition.step()).first;
      }
      const int start = std::atoi(std::string(f[c_season]).c_str());
      char season_name[16];
      std::snprintf(season_name, sizeof season_name, "%04d-%02d", start % 10000,
                    (start + 1) % 100);
      key = key_of(comp->second, start);
      auto season = seasons.find(key);
      if (season == seasons.end()) {
        add_season.bind(1, comp->second);
        add_season.bind(2, std::string_view(season_name));
        add_season.bind(3, static_cast<std::int64_t>(start));
        season = seasons.emplace(key, add_season.step()).first;
      }
      key = key_of(season->second, 0);
      key.append(f[c_round]);
      auto round = rounds.find(key);
      if (round == rounds.end()) {
        const RoundName canonical = round_of(f[c_round]);
        add_round.bind(1, season->second);
        add_round.bind(2, canonical.name ? std::string_view(canonical.name) : f[c_round]);
        add_round.bind(3, static_cast<std::int64_t>(canonical.order));
        round = rounds.emplace(key, add_round.step()).first;
        add_round_name.bind(1, round->second);
        add_round_name.bind(2, source);
        add_round_name.bind(3, f[c_round]);
        add_round_name.step();
      }

      // The tie: one a pairing of the round.
      const std::int64_t home = club_id(f[c_home], f[c_home_country]);
      const std::int64_t away = club_id(f[c_away], f[c_away_country]);
      key = key_of(round->second, std::min(home, away), std::max(home, away));
      auto tie = ties.find(key);
      if (tie == ties.end()) {
        TieState state;
        add_tie.bind(1, round->second);
        add_tie.bind(2, home);
        add_tie.bind(3, away);
        state.id = add_tie.step();
        state.club_a = home;
        state.club_b = away;
        tie = ties.emplace(key, state).first;
      }
      TieState& t = tie->second;

      // The leg.
      const std::string_view leg = f[c_leg];
      const bool replay = leg == "replay";
      ++t.legs;
      const std::int64_t number = leg == "2" ? 2 : replay ? t.legs : 1;
      add_leg.bind(1, t.id);
      add_leg.bind(2, number);
      add_leg.bind(3, static_cast<std::int64_t>(replay ? 1 : 0));
      add_leg.bind(4, f[c_date]);
      add_leg.bind(5, home);
      add_leg.bind(6, away);
      add_leg.bind_score(7, f[c_ft]);
      add_leg.bind_score(9, f[c_ht]);
      add_leg.bind_score(11, f[c_aet]);
      const std::string_view pens = f[c_pens];
      const bool shoot_out = !na(pens) && pens.find('-') != std::string_view::npos;
      add_leg.bind_score(13, shoot_out ? pens : std::string_view());
      const std::int64_t leg_id = add_leg.step();
      add_leg_evidence.bind(1, leg_id);
      add_leg_evidence.bind(2, source);
      add_leg_evidence.bind(3, static_cast<std::int64_t>(line_number));
      add_leg_evidence.bind(4, static_cast<std::int64_t>(1 | 16 | (na(f[c_ht]) ? 0 : 32) |
                                                         (na(f[c_aet]) ? 0 : 64) |
                                                         (shoot_out ? 128 : 0)));
      add_leg_evidence.step();

      // The outcome as the row states it, and the row's claim.
      const auto winner_it = clubs.find(std::string(f[c_winner]));
      const std::int64_t winner = winner_it == clubs.end() ? 0 : winner_it->second;
      const char* decided_by = pens == "away goals" ? "away_goals"
                               : shoot_out          ? "penalties"
                               : replay             ? "replay"
                               : leg == "1" || leg == "2" ? "aggregate"
                               : na(f[c_aet])       ? "normal_time"
                                                    : "extra_time";
      if (!replay) {
        const std::int64_t agg_home = std::atoll(std::string(f[c_agg_home]).c_str());
        const std::int64_t agg_away = std::atoll(std::string(f[c_agg_away]).c_str());
        t.agg_a = home == t.club_a ? agg_home : agg_away;
        t.agg_b = home == t.club_a ? agg_away : agg_home;
      }
      t.extra_time = t.extra_time || !na(f[c_aet]);
      set_outcome.bind(1, t.agg_a);
      set_outcome.bind(2, t.agg_b);
      if (winner == t.club_a || winner == t.club_b) {
        set_outcome.bind(3, winner);
        set_outcome.bind(4, std::string_view(decided_by));
      }
      set_outcome.bind(5, static_cast<std::int64_t>(t.extra_time ? 1 : 0));
      set_outcome.bind(6, t.id);
      set_outcome.step();
      if (winner != 0) {
        add_claim.bind(1, t.id);
        add_claim.bind(2, source);
        add_claim.bind(3, static_cast<std::int64_t>(line_number));
        add_claim.bind(4, winner);
        if (pens == "away goals" || shoot_out) add_claim.bind(5, std::string_view(decided_by));
        add_claim.step();
      }
    }
    deferred.restore();
    exec(db, "COMMIT");
  }
  connection.reset();  // closed (the WAL checkpointed) within the time, as an import is
  const auto done = Clock::now();
  std::printf("{\"rows\": %ld, \"open_s\": %.3f, \"insert_s\": %.3f, \"empty_db_bytes\": %llu}\n",
              rows, std::chrono::duration<double>(inserting - opened).count(),
              std::chrono::duration<double>(done - inserting).count(),
              static_cast<unsigned long long>(error ? 0 : empty_bytes));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: schema_floor DB CSV\n");
    return 2;
  }
  try {
    return run(argv[1], argv[2]);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "schema_floor: %s\n", e.what());
    return 1;
  }
}
