// Databases written by every released schema version open with the current code: migrated to
// the current schema, clean, and holding every row they held. The fixtures are
// tests/data/migrations/vN*.db, each made by the footballdb of the commit its README names
// (tools/make_migration_fixture.sh); what they held is read from the file itself, with plain SQL
// that every version answers, before the current code opens it.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "footballdb/database.hpp"
#include "footballdb/error.hpp"
#include "footballdb/import.hpp"
#include "storage/migrations.hpp"
#include "testing.hpp"

namespace footballdb {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

const fs::path kFixtures = fs::path(FOOTBALLDB_TEST_DATA) / "migrations";

// The fixture files, by version and then name.
std::vector<std::string> fixture_files() {
  std::vector<std::string> out;
  if (!fs::is_directory(kFixtures)) return out;
  for (const fs::directory_entry& e : fs::directory_iterator(kFixtures)) {
    const std::string name = e.path().filename().string();
    if (name.size() > 4 && name[0] == 'v' && e.path().extension() == ".db") out.push_back(name);
  }
  std::sort(out.begin(), out.end(), [](const std::string& a, const std::string& b) {
    const int va = std::stoi(a.substr(1)), vb = std::stoi(b.substr(1));
    return va != vb ? va < vb : a < b;
  });
  return out;
}

// "v9-42bd316.db": 9, the schema version the fixture's name says it was written at.
int named_version(const std::string& file) { return std::stoi(file.substr(1)); }

std::string bytes_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Every row of `sql`, each as its columns joined, typed (so that 1, 1.0, '1' and NULL differ),
// sorted.
std::vector<std::string> rows_of(SQLite::Database& db, const std::string& sql) {
  std::vector<std::string> out;
  SQLite::Statement q(db, sql);
  while (q.executeStep()) {
    std::string row;
    for (int i = 0; i < q.getColumnCount(); ++i) {
      const SQLite::Column c = q.getColumn(i);
      row += i ? " | " : "";
      if (c.isNull()) {
        row += "NULL";
      } else if (c.isText()) {
        row += "'" + c.getString() + "'";
      } else {
        row += (c.isFloat() ? "real " : c.isBlob() ? "blob " : "") + c.getString();
      }
    }
    out.push_back(std::move(row));
  }
  std::sort(out.begin(), out.end());
  return out;
}

// A table, or a view that now gives its rows (as tie_evidence does from version 15).
bool has_table(SQLite::Database& db, const std::string& name) {
  SQLite::Statement q(db,
                      "SELECT 1 FROM sqlite_schema WHERE type IN ('table', 'view') AND name = ?");
  q.bind(1, name);
  return q.executeStep();
}

// type, name and SQL of every schema object.
std::vector<std::string> schema_of(SQLite::Database& db) {
  return rows_of(db,
                 "SELECT type, name, coalesce(sql, '') FROM sqlite_schema "
                 "WHERE name NOT LIKE 'sqlite_%'");
}

// Tables footballdb derives from the others and writes again whenever they are out of date (the
// stored keys of spellings, rewritten when the analysis changes): not data a migration keeps.
const std::set<std::string> kDerivedTables = {"club_name_keys", "club_name_latin",
                                              "club_names_unkeyed", "club_name_keys_version"};

// Facts as a person reads them, by names rather than ids, in SQL that every schema version
// answers (the tables and columns it names exist from the version `since` on).
struct Facts {
  const char* what;
  int since;
  const char* sql;
};
const Facts kFacts[] = {
    {"ties: clubs, aggregates, winners", 1,
     "SELECT co.name, s.name, r.name, r.knockout, t.number, ca.name, cb.name, t.agg_a, t.agg_b, "
     "       w.name, t.decided_by, t.extra_time, ct.name "
     "FROM ties t JOIN rounds r ON r.id = t.round_id JOIN seasons s ON s.id = r.season_id "
     "JOIN competitions co ON co.id = s.competition_id LEFT JOIN clubs ca ON ca.id = t.club_a "
     "LEFT JOIN clubs cb ON cb.id = t.club_b LEFT JOIN clubs w ON w.id = t.winner "
     "LEFT JOIN clubs ct ON ct.id = t.coin_toss_winner"},
    {"legs", 1,
     "SELECT l.tie_id, l.number, l.replay, l.status, l.date, l.kickoff, h.name, a.name, "
     "       l.neutral, l.venue, l.ft_home, l.ft_away, l.ht_home, l.ht_away, l.et_home, "
     "       l.et_away, l.pen_home, l.pen_away, aw.name "
     "FROM legs l JOIN clubs h ON h.id = l.home JOIN clubs a ON a.id = l.away "
     "LEFT JOIN clubs aw ON aw.id = l.awarded_to"},
    {"sources", 1, "SELECT path, sha256, format, imported_at FROM sources"},
    {"evidence", 1,
     "SELECT 'tie', e.tie_id, s.sha256, e.line FROM tie_evidence e "
     "JOIN sources s ON s.id = e.source_id UNION ALL "
     "SELECT 'leg', e.leg_id, s.sha256, e.line FROM leg_evidence e "
     "JOIN sources s ON s.id = e.source_id"},
    {"stated outcomes", 1,
     "SELECT c.tie_id, s.sha256, c.line, w.name, c.agg_a, c.agg_b, c.decided_by, c.text "
     "FROM tie_claims c JOIN sources s ON s.id = c.source_id "
     "LEFT JOIN clubs w ON w.id = c.winner"},
    {"spellings", 1,
     "SELECT c.name, n.name, n.lang, s.sha256 FROM club_names n JOIN clubs c ON c.id = n.club_id "
     "LEFT JOIN sources s ON s.id = n.source_id"},
    {"how spellings were bound (aliases)", 3,
     "SELECT c.name, n.name, n.method, n.line FROM club_names n "
     "JOIN clubs c ON c.id = n.club_id"},
    {"rules", 1,
     "SELECT c.name, r.from_season_year, r.away_goals, r.away_goals_extra_time, r.extra_time, "
     "       r.penalties, r.replays FROM competition_rules r "
     "JOIN competitions c ON c.id = r.competition_id"},
    {"review decisions", 3,
     "SELECT r.name, r.reason, c.name, r.candidates, r.status, d.name, r.decided_at, r.line "
     "FROM name_reviews r LEFT JOIN clubs c ON c.id = r.club_id "
     "LEFT JOIN clubs d ON d.id = r.decided_club"},
    {"merges", 4,
     "SELECT review_id, merged_club, into_club, scope, before, after, merged_at, undone_at "
     "FROM club_merges"},
    // The stock-shell view answers as before (tie_results lists knockout ties from version 8).
    {"tie_results", 2,
     "SELECT v.competition, v.season, v.round, v.club_a, v.club_b, v.agg_a, v.agg_b, v.winner, "
     "       v.decided_by, v.first_leg_date, v.last_leg_date FROM tie_results v "
     "JOIN ties t ON t.id = v.tie_id JOIN rounds r ON r.id = t.round_id WHERE r.knockout = 1"},
};

// What a fixture holds, read before the current code opens it.
struct Held {
  int version = 0;
  std::map<std::string, std::vector<std::string>> tables;  // by table: every row of its columns
  std::map<std::string, std::string> columns;              // by table: its columns, as SQL
  std::map<std::string, std::vector<std::string>> facts;   // by Facts::what
};

Held read_held(const std::string& path) {
  // Read-write so that a WAL-mode file needs no WAL beside it; nothing is written.
  SQLite::Database db(path, SQLite::OPEN_READWRITE);
  Held held;
  held.version = db.execAndGet("PRAGMA user_version").getInt();
  SQLite::Statement tables(db,
                           "SELECT name FROM sqlite_schema WHERE type = 'table' "
                           "AND name NOT LIKE 'sqlite_%' ORDER BY name");
  while (tables.executeStep()) {
    const std::string table = tables.getColumn(0).getString();
    if (kDerivedTables.count(table)) continue;
    std::string columns;
    SQLite::Statement info(db, "SELECT name FROM pragma_table_info(?) ORDER BY cid");
    info.bind(1, table);
    while (info.executeStep()) {
      columns +=
          (columns.empty() ? "" : ", ") + std::string("\"") + info.getColumn(0).getString() + "\"";
    }
    held.columns[table] = columns;
    held.tables[table] = rows_of(db, "SELECT " + columns + " FROM \"" + table + "\"");
  }
  for (const Facts& f : kFacts) {
    if (held.version >= f.since) held.facts[f.what] = rows_of(db, f.sql);
  }
  return held;
}

class MigrationFixture : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    path_ = dir_.path("fixture.db");
    fs::copy_file(kFixtures / GetParam(), path_);
  }
  TempDir dir_;
  std::string path_;
};

TEST_P(MigrationFixture, OpensMigratedToTheCurrentSchemaWithEveryRowItHeld) {
  const Held held = read_held(path_);
  ASSERT_EQ(held.version, named_version(GetParam())) << "the fixture's name says its version";
  ASSERT_LE(held.version, Database::latest_schema_version());
  ASSERT_GT(held.tables.at("ties").size(), 0u) << "a fixture with no ties tests nothing";

  { Database::open(path_); }

  SQLite::Database raw(path_, SQLite::OPEN_READWRITE);
  EXPECT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), Database::latest_schema_version());
  EXPECT_EQ(raw.execAndGet("PRAGMA application_id").getInt(), storage::kApplicationId);
  EXPECT_EQ(rows_of(raw, "PRAGMA integrity_check"), std::vector<std::string>{"'ok'"});
  EXPECT_EQ(rows_of(raw, "PRAGMA foreign_key_check"), std::vector<std::string>{});

  // Exactly the schema a new database gets: a migration edited after it landed would leave a
  // database of that version with other tables or constraints than the code expects.
  {
    const std::string fresh_path = dir_.path("fresh.db");
    OpenOptions empty;
    empty.load_registry = false;
    { Database::open(fresh_path, empty); }
    SQLite::Database fresh(fresh_path, SQLite::OPEN_READONLY);
    EXPECT_EQ(schema_of(raw), schema_of(fresh));
  }

  // Every row of every table, in the columns the old version had.
  for (const auto& [table, rows] : held.tables) {
    SCOPED_TRACE("table " + table);
    ASSERT_TRUE(has_table(raw, table)) << "the migrations dropped a table with data";
    EXPECT_EQ(rows_of(raw, "SELECT " + held.columns.at(table) + " FROM \"" + table + "\""), rows);
  }
  // The same facts, by name.
  for (const auto& [what, rows] : held.facts) {
    const auto* f = std::find_if(std::begin(kFacts), std::end(kFacts),
                                 [&](const Facts& x) { return what == x.what; });
    EXPECT_EQ(rows_of(raw, f->sql), rows) << what;
  }
}

// The current API answers over the migrated data: a club's ties by its name, with the clubs,
// aggregates and winners the old version stored; the spellings users added resolve; the reviews
// keep their decisions.
TEST_P(MigrationFixture, TheCurrentApiAnswersFromTheMigratedData) {
  struct RawTie {
    std::string a, b, winner;
    std::optional<int> agg_a, agg_b;
  };
  std::map<std::int64_t, RawTie> raw_ties;
  std::string club_name;
  std::int64_t club_id = 0;
  std::vector<std::pair<std::string, std::int64_t>> user_spellings;
  std::map<std::int64_t, std::string> review_status;
  {
    SQLite::Database raw(path_, SQLite::OPEN_READWRITE);
    const bool has_reviews = raw.execAndGet("PRAGMA user_version").getInt() >= 3;
    // The club with the most ties whose name is a spelling of no other club and no name
    // awaiting review (whose club is provisional: the name may mean another).
    SQLite::Statement club(
        raw, std::string("SELECT c.id, c.name FROM clubs c JOIN ties t "
                         "  ON c.id IN (t.club_a, t.club_b) "
                         "WHERE NOT EXISTS (SELECT 1 FROM club_names n "
                         "                  WHERE n.name = c.name AND n.club_id <> c.id) "
                         "  AND NOT EXISTS (SELECT 1 FROM clubs d "
                         "                  WHERE d.name = c.name AND d.id <> c.id) ") +
                 (has_reviews ? "AND NOT EXISTS (SELECT 1 FROM name_reviews r "
                                "                WHERE r.status = 'open' AND r.club_id = c.id) "
                              : "") +
                 "GROUP BY c.id ORDER BY count(*) DESC, c.name LIMIT 1");
    ASSERT_TRUE(club.executeStep());
    club_id = club.getColumn(0).getInt64();
    club_name = club.getColumn(1).getString();
    SQLite::Statement ties(raw,
                           "SELECT t.id, a.name, coalesce(b.name, ''), coalesce(w.name, ''), "
                           "       t.agg_a, t.agg_b FROM ties t JOIN clubs a ON a.id = t.club_a "
                           "LEFT JOIN clubs b ON b.id = t.club_b "
                           "LEFT JOIN clubs w ON w.id = t.winner "
                           "WHERE ? IN (t.club_a, t.club_b)");
    ties.bind(1, club_id);
    while (ties.executeStep()) {
      RawTie t{ties.getColumn(1).getString(), ties.getColumn(2).getString(),
               ties.getColumn(3).getString(), std::nullopt, std::nullopt};
      if (!ties.getColumn(4).isNull()) {
        t.agg_a = ties.getColumn(4).getInt();
        t.agg_b = ties.getColumn(5).getInt();
      }
      raw_ties[ties.getColumn(0).getInt64()] = t;
    }
    if (has_reviews) {
      SQLite::Statement spellings(raw,
                                  "SELECT n.name, n.club_id FROM club_names n "
                                  "WHERE n.method = 'user' AND NOT EXISTS ("
                                  "  SELECT 1 FROM club_names o "
                                  "  WHERE o.name = n.name AND o.club_id <> n.club_id)");
      while (spellings.executeStep()) {
        user_spellings.emplace_back(spellings.getColumn(0).getString(),
                                    spellings.getColumn(1).getInt64());
      }
      SQLite::Statement reviews(raw, "SELECT id, status FROM name_reviews");
      while (reviews.executeStep()) {
        review_status[reviews.getColumn(0).getInt64()] = reviews.getColumn(1).getString();
      }
    }
  }

  Database db = Database::open(path_);
  const ClubRef club = db.require_club(club_name);
  EXPECT_EQ(club.id.value(), club_id) << club_name;
  TieFilter filter;
  filter.club = club.id;
  const std::vector<Tie> ties = db.ties(filter);
  ASSERT_EQ(ties.size(), raw_ties.size()) << club_name;
  for (const Tie& tie : ties) {
    SCOPED_TRACE(club_name + ", tie " + std::to_string(tie.id.value()));
    ASSERT_TRUE(raw_ties.count(tie.id.value()));
    const RawTie& want = raw_ties.at(tie.id.value());
    ASSERT_TRUE(tie.club_a);
    EXPECT_EQ(tie.club_a->id, club.id);  // the club asked for comes first
    const bool swapped = tie.club_a->name != want.a;
    EXPECT_EQ(tie.club_a->name, swapped ? want.b : want.a);
    EXPECT_EQ(tie.club_b ? tie.club_b->name : "", swapped ? want.a : want.b);
    EXPECT_EQ(tie.winner ? tie.winner->name : "", want.winner);
    ASSERT_EQ(tie.outcome.aggregate.has_value(), want.agg_a.has_value());
    if (want.agg_a) {
      EXPECT_EQ(tie.outcome.aggregate->a, swapped ? *want.agg_b : *want.agg_a);
      EXPECT_EQ(tie.outcome.aggregate->b, swapped ? *want.agg_a : *want.agg_b);
    }
  }
  for (const auto& [spelling, id] : user_spellings) {
    EXPECT_EQ(db.require_club(spelling).id.value(), id) << spelling;
  }
  const std::vector<NameReview> reviews = db.reviews(true);
  ASSERT_EQ(reviews.size(), review_status.size());
  for (const NameReview& r : reviews) {
    EXPECT_EQ(to_string(r.status), review_status.at(r.id.value())) << r.name;
  }
}

// A migrated database takes every fact the current code stores, as a new one does: the cup
// layout's fixture holds a bye and legs known only by their score after extra time, which the
// constraints of older released forms of ties and legs refused.
TEST_P(MigrationFixture, TakesTheFactsANewDatabaseTakes) {
  Database db = Database::open(path_);
  ImportOptions options;
  options.competition = "FA Cup";  // the fixture's file name says none
  ASSERT_NO_THROW(import_files(db, {testing::data_path("csv/cup-layout.csv")}, options));
  TieFilter filter;
  filter.competition = "FA Cup";
  std::map<std::string, Tie> ties;  // by first club
  for (const Tie& t : db.ties(filter)) {
    if (t.club_a) ties[t.club_a->name] = t;
  }
  ASSERT_TRUE(ties.count("Gamma Athletic"));
  EXPECT_EQ(ties.at("Gamma Athletic").outcome.decided_by, DecidedBy::kBye);
  ASSERT_TRUE(ties.count("Zeta United"));
  const Tie& semi = ties.at("Zeta United");
  ASSERT_FALSE(semi.legs.empty());
  EXPECT_EQ(semi.legs[0].extra_time, (Score{0, 0}));
  EXPECT_EQ(semi.legs[0].full_time, std::nullopt);
}

// A database of a version this code does not know (the fixture stamped one past the current
// version) is refused, by a read-write and by a read-only open, and left byte for byte as it was.
TEST_P(MigrationFixture, ANewerVersionIsRefusedAndLeftAsItWas) {
  {
    SQLite::Database raw(path_, SQLite::OPEN_READWRITE);
    raw.exec("PRAGMA user_version = " + std::to_string(Database::latest_schema_version() + 1));
  }
  const std::string before = bytes_of(path_);
  ASSERT_FALSE(before.empty());
  OpenOptions read_only;
  read_only.read_only = true;
  for (const OpenOptions& options : {OpenOptions{}, read_only}) {
    try {
      Database::open(path_, options);
      ADD_FAILURE() << "a database newer than the code was opened";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kVersion) << e.what();
      EXPECT_NE(std::string(e.what()).find("newer than this footballdb"), std::string::npos)
          << e.what();
    }
    EXPECT_EQ(bytes_of(path_), before) << "the refused file was changed";
    EXPECT_FALSE(fs::exists(path_ + "-wal") && fs::file_size(path_ + "-wal") > 0);
  }
}

// "v9-42bd316.db" is the test v9_42bd316.
std::string test_name(const ::testing::TestParamInfo<std::string>& param) {
  std::string name = param.param.substr(0, param.param.size() - 3);
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, MigrationFixture, ::testing::ValuesIn(fixture_files()),
                         test_name);

// Every schema version a release wrote has its fixture: 2 to the one before the current (1
// never shipped alone; the current version's fixture is made when the next migration lands).
TEST(MigrationFixtures, EveryReleasedVersionHasOne) {
  std::set<int> versions;
  for (const std::string& file : fixture_files()) versions.insert(named_version(file));
  for (int v = 2; v < Database::latest_schema_version(); ++v) {
    EXPECT_TRUE(versions.count(v)) << "no fixture of schema version " << v << " in " << kFixtures
                                   << ": make one with tools/make_migration_fixture.sh";
  }
}

}  // namespace
}  // namespace footballdb
