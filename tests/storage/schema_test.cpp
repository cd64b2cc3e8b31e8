#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "footballdb/database.hpp"
#include "footballdb/error.hpp"
#include "footballdb/import.hpp"
#include "storage/migrations.hpp"
#include "testing.hpp"

namespace footballdb {
namespace {

using testing::TempDir;

// type, name and SQL of every schema object, sorted.
std::vector<std::string> schema_of(SQLite::Database& db) {
  std::vector<std::string> out;
  SQLite::Statement q(db,
                      "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_schema "
                      "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name");
  while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  return out;
}

TEST(Schema, MigratingAnEmptyDatabaseGivesExactlyTheSchemaFile) {
  TempDir dir;
  const std::string path = dir.path("migrated.db");
  { Database::open(path); }
  SQLite::Database migrated(path);

  std::ifstream file(std::string(FOOTBALLDB_SOURCE_DIR) + "/schema/schema.sql");
  std::stringstream sql;
  sql << file.rdbuf();
  SQLite::Database fresh(":memory:", SQLite::OPEN_READWRITE);
  fresh.exec(sql.str());
  EXPECT_EQ(schema_of(migrated), schema_of(fresh))
      << "schema/schema.sql is out of date: regenerate it with tools/regen_schema.sh";
}

// Deleting a club, tie, leg or source makes SQLite find what still refers to it: through an
// index, or by reading the whole referring table once for each row deleted.
TEST(Schema, EveryForeignKeyColumnLeadsAnIndex) {
  TempDir dir;
  const std::string path = dir.path("migrated.db");
  { Database::open(path); }
  SQLite::Database db(path);
  SQLite::Statement q(db,
                      "WITH fk AS (SELECT m.name AS tbl, f.\"from\" AS col, f.\"table\" AS parent "
                      "            FROM sqlite_schema m, pragma_foreign_key_list(m.name) f "
                      "            WHERE m.type = 'table'), "
                      "lead AS (SELECT m.name AS tbl, i.name AS col "
                      "         FROM sqlite_schema m, pragma_index_list(m.name) l, "
                      "              pragma_index_info(l.name) i "
                      "         WHERE m.type = 'table' AND i.seqno = 0) "
                      "SELECT tbl || '.' || col || ' -> ' || parent FROM fk "
                      "WHERE NOT EXISTS (SELECT 1 FROM lead "
                      "                  WHERE lead.tbl = fk.tbl AND lead.col = fk.col) "
                      "ORDER BY 1");
  std::vector<std::string> unindexed;
  while (q.executeStep()) unindexed.push_back(q.getColumn(0).getString());
  EXPECT_EQ(unindexed, std::vector<std::string>{});
}

// An import into an empty database builds the indexes it never reads once, at its end
// (storage::DeferredIndexes). Whether it commits or is rolled back, the file has every index of
// the schema afterwards, and each of them holds exactly its table's rows.
TEST(Schema, AnImportThatBuildsIndexesAtItsEndLeavesEveryIndexInPlace) {
  TempDir dir;
  const std::string committed = dir.path("committed.db");
  const std::string rolled_back = dir.path("rolled_back.db");
  std::vector<std::string> before;
  for (const std::string& path : {committed, rolled_back}) {
    Database db = Database::open(path);
    SQLite::Database sqlite(path);
    before = schema_of(sqlite);
  }
  {
    Database db = Database::open(committed);
    import_files(db, {testing::data_path("csv/champs_layout.csv"),
                      testing::data_path("football_txt/clq-2024-25.txt")});
  }
  {
    Database db = Database::open(rolled_back);
    EXPECT_THROW(import_files(db, {testing::data_path("csv/champs_layout.csv"),
                                   testing::data_path("bad/negative-score.csv")}),
                 Error);
  }
  for (const std::string& path : {committed, rolled_back}) {
    SQLite::Database sqlite(path);
    EXPECT_EQ(schema_of(sqlite), before) << path;
    EXPECT_EQ(sqlite.execAndGet("PRAGMA integrity_check").getString(), "ok") << path;
  }
  SQLite::Database sqlite(committed);
  EXPECT_GT(sqlite
                .execAndGet("SELECT count(*) FROM leg_evidence INDEXED BY "
                            "leg_evidence_by_source WHERE source_id > 0")
                .getInt(),
            0);
  SQLite::Database empty(rolled_back);
  EXPECT_EQ(empty.execAndGet("SELECT count(*) FROM legs").getInt(), 0);
}

// A line that gives a leg is stored once, as the leg's evidence, and read as the tie's evidence
// too (the tie_evidence view): no import stores it again in tie_lines, and the view gives each
// line of a tie once, also where one line gives both legs (a pairing table's row).
TEST(Schema, ALineThatGivesALegIsStoredOnceAndIsTheTiesEvidenceToo) {
  TempDir dir;
  const std::string path = dir.path("lines.db");
  {
    Database db = Database::open(path);
    ImportOptions uel;
    uel.competition = "UEFA Europa League";
    uel.season = "2012-13";
    uel.round = "Second qualifying round";
    import_files(db,
                 {testing::data_path("000_98225e7db66c08bd.txt"),
                  testing::data_path("001_18477ec777a99af5.txt")},
                 uel);
    ImportOptions itc;
    itc.competition = "UEFA Intertoto Cup";
    itc.season = "2005";
    import_files(db, {testing::data_path("002_1372deafbd61fe9d.txt")}, itc);
    import_files(db, {testing::data_path("football_txt/cl_finals-2011-12.txt")});
    ImportOptions csv;
    csv.competition = "European Cup";
    import_files(db, {testing::data_path("csv/champs_layout.csv")}, csv);
  }
  SQLite::Database raw(path, SQLite::OPEN_READONLY);
  auto count = [&raw](const char* sql) { return raw.execAndGet(sql).getInt64(); };
  EXPECT_EQ(count("SELECT count(*) FROM tie_lines t JOIN legs l ON l.tie_id = t.tie_id "
                  "JOIN leg_evidence e ON e.leg_id = l.id AND e.source_id = t.source_id "
                  "AND e.line = t.line"),
            0)
      << "a leg's line is stored again as the tie's";
  EXPECT_EQ(count("SELECT count(*) FROM tie_lines t JOIN sources s ON s.id = t.source_id "
                  "WHERE s.format = 'csv'"),
            0)
      << "each CSV row gives a leg: the ties need no lines of their own";
  EXPECT_EQ(count("SELECT count(*) FROM (SELECT 1 FROM tie_evidence "
                  "GROUP BY tie_id, source_id, line HAVING count(*) > 1)"),
            0);
  // Every line that gives a leg, and every line of a tie of its own, is the tie's evidence.
  EXPECT_EQ(count("SELECT count(*) FROM (SELECT l.tie_id, e.source_id, e.line FROM legs l "
                  "JOIN leg_evidence e ON e.leg_id = l.id UNION "
                  "SELECT tie_id, source_id, line FROM tie_lines "
                  "EXCEPT SELECT tie_id, source_id, line FROM tie_evidence)"),
            0);
  EXPECT_GT(count("SELECT count(*) FROM tie_evidence"), count("SELECT count(*) FROM tie_lines"));
  // The API reads a tie's evidence as the view gives it, line for line and in its order.
  const Database db = Database::open(path);
  const std::vector<Tie> ties = db.ties({});
  ASSERT_FALSE(ties.empty());
  SQLite::Statement view(raw,
                         "SELECT e.source_id, s.path, e.line FROM tie_evidence e JOIN sources s "
                         "ON s.id = e.source_id WHERE e.tie_id = ? ORDER BY e.source_id, e.line");
  for (const Tie& tie : ties) {
    view.reset();
    view.bind(1, tie.id.value());
    std::vector<std::string> expected, read;
    while (view.executeStep()) {
      expected.push_back(view.getColumn(0).getString() + " " + view.getColumn(1).getString() +
                         ":" + view.getColumn(2).getString());
    }
    for (const Evidence& e : tie.evidence) {
      read.push_back(std::to_string(e.source.value()) + " " + e.path + ":" +
                     std::to_string(e.line));
    }
    EXPECT_EQ(read, expected) << "tie " << tie.id.value();
  }
}

TEST(Schema, NewDatabaseIsStampedWithVersionAndApplicationId) {
  TempDir dir;
  const std::string path = dir.path("new.db");
  Database db = Database::open(path);
  EXPECT_EQ(db.schema_version(), Database::latest_schema_version());
  EXPECT_GE(Database::latest_schema_version(), 2);
  SQLite::Database raw(path);
  EXPECT_EQ(raw.execAndGet("PRAGMA application_id").getInt(), storage::kApplicationId);
  EXPECT_EQ(raw.execAndGet("PRAGMA journal_mode").getString(), "wal");
}

TEST(Schema, ReopeningMigratesNothingTwice) {
  TempDir dir;
  const std::string path = dir.path("again.db");
  { Database::open(path); }
  Database db = Database::open(path);
  EXPECT_EQ(db.schema_version(), Database::latest_schema_version());
}

TEST(Schema, OlderDatabaseIsMigratedForward) {
  TempDir dir;
  const std::string path = dir.path("old.db");
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec("PRAGMA application_id = " + std::to_string(storage::kApplicationId));
    raw.exec(std::string(storage::migrations().front().sql));
    raw.exec("PRAGMA user_version = 1");
    raw.exec("INSERT INTO clubs(name) VALUES ('Lech Poznań')");
  }
  Database db = Database::open(path);
  EXPECT_EQ(db.schema_version(), Database::latest_schema_version());
  SQLite::Database raw(path);
  EXPECT_EQ(raw.execAndGet("SELECT name FROM clubs").getString(), "Lech Poznań");
  EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM tie_results").getInt(), 0);
}

// Migration 7 rebuilds ties and tie_claims (a CHECK constraint gains values) and
// competition_rules (a primary key gains the round): the rows that refer to them survive, and
// a rule of version 6 keeps its meaning.
TEST(Schema, RebuiltTablesKeepTheirRowsAndWhatRefersToThem) {
  TempDir dir;
  const std::string path = dir.path("v6.db");
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec("PRAGMA foreign_keys = ON");
    raw.exec("PRAGMA application_id = " + std::to_string(storage::kApplicationId));
    for (const auto& m : storage::migrations()) {
      if (m.version > 6) break;
      raw.exec(std::string(m.sql));
    }
    raw.exec("PRAGMA user_version = 6");
    raw.exec(
        "INSERT INTO clubs(id, name) VALUES (1, 'Alpha'), (2, 'Beta');"
        "INSERT INTO sources(id, path, sha256, format, imported_at) VALUES "
        "  (1, 'a.txt', '" + std::string(64, 'a') + "', 'result-lines', '2026-01-01T00:00:00Z');"
        "INSERT INTO competitions(id, name) VALUES (1, 'Test Cup');"
        "INSERT INTO competition_rules VALUES (1, 2000, 1, 1, 1, 0, 0);"
        "INSERT INTO seasons(id, competition_id, name, start_year) VALUES (1, 1, '2012-13', 2012);"
        "INSERT INTO rounds(id, season_id, name, ordinal) VALUES (1, 1, 'Final', 1);"
        "INSERT INTO ties(id, round_id, club_a, club_b, agg_a, agg_b, winner, decided_by) "
        "  VALUES (1, 1, 1, 2, 3, 1, 1, 'aggregate');"
        "INSERT INTO legs(id, tie_id, number, home, away, ft_home, ft_away) VALUES "
        "  (1, 1, 1, 1, 2, 2, 0), (2, 1, 2, 2, 1, 1, 1);"
        "INSERT INTO tie_claims(tie_id, source_id, line, winner) VALUES (1, 1, 3, 1);");
  }
  Database db = Database::open(path);
  EXPECT_EQ(db.schema_version(), Database::latest_schema_version());
  SQLite::Database raw(path);
  EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM legs").getInt(), 2);
  EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM tie_claims").getInt(), 1);
  EXPECT_EQ(raw.execAndGet("SELECT winner FROM tie_results").getString(), "Alpha");
  EXPECT_FALSE(SQLite::Statement(raw, "PRAGMA foreign_key_check").executeStep());
  EXPECT_EQ(raw.execAndGet("PRAGMA integrity_check").getString(), "ok");
  EXPECT_EQ(raw.execAndGet("PRAGMA foreign_keys").getInt(), 0);  // this connection's own
  // The version-6 rule holds for every round, over two legs as rules did then.
  const RuleSet rules = db.rules("Test Cup", "2012-13", "Final");
  EXPECT_TRUE(rules.away_goals);
  EXPECT_FALSE(rules.penalties);
  EXPECT_EQ(rules.legs, 2);
}

TEST(Schema, DatabaseNewerThanTheCodeIsRefused) {
  TempDir dir;
  const std::string path = dir.path("newer.db");
  { Database::open(path); }
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    raw.exec("PRAGMA user_version = " + std::to_string(Database::latest_schema_version() + 1));
  }
  try {
    Database::open(path);
    FAIL() << "a newer database was opened";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kVersion);
    EXPECT_NE(std::string(e.what()).find("newer than this footballdb"), std::string::npos);
  }
}

TEST(Schema, ForeignDatabaseIsRefused) {
  TempDir dir;
  const std::string path = dir.path("other.db");
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec("CREATE TABLE notes(text TEXT)");
  }
  try {
    Database::open(path);
    FAIL() << "a foreign database was opened";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kVersion);
    EXPECT_NE(std::string(e.what()).find("not a footballdb database"), std::string::npos);
  }
  // The refusal leaves the user's file as it was: not switched to WAL, no -wal file.
  SQLite::Database raw(path, SQLite::OPEN_READONLY);
  EXPECT_EQ(raw.execAndGet("PRAGMA journal_mode").getString(), "delete");
  EXPECT_FALSE(std::filesystem::exists(path + "-wal"));
}

TEST(Schema, ReadOnlyOpenNeedsNoWrite) {
  TempDir dir;
  const std::string path = dir.path("ro.db");
  { Database::open(path); }
  OpenOptions options;
  options.read_only = true;
  Database db = Database::open(path, options);
  EXPECT_EQ(db.schema_version(), Database::latest_schema_version());
  OpenOptions missing;
  missing.create_if_missing = false;
  EXPECT_THROW(Database::open(dir.path("absent.db"), missing), Error);
}

class Constraints : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.path("c.db");
    OpenOptions empty;
    empty.load_registry = false;
    { Database::open(path_, empty); }
    raw_ = std::make_unique<SQLite::Database>(path_, SQLite::OPEN_READWRITE);
    raw_->exec("PRAGMA foreign_keys = ON");
    raw_->exec(
        "INSERT INTO clubs(id, name) VALUES (1, 'A'), (2, 'B'), (3, 'C');"
        "INSERT INTO competitions(id, name) VALUES (1, 'Cup');"
        "INSERT INTO seasons(id, competition_id, name, start_year) VALUES (1, 1, '2012-13', 2012);"
        "INSERT INTO rounds(id, season_id, name, ordinal) VALUES (1, 1, 'Final', 1);"
        "INSERT INTO ties(id, round_id, club_a, club_b) VALUES (1, 1, 1, 2);");
  }
  bool accepts(const std::string& sql) {
    try {
      raw_->exec(sql);
      return true;
    } catch (const SQLite::Exception&) {
      return false;
    }
  }
  TempDir dir_;
  std::string path_;
  std::unique_ptr<SQLite::Database> raw_;
};

TEST_F(Constraints, RejectImpossibleLegs) {
  const std::string leg =
      "INSERT INTO legs(tie_id, number, home, away, date, kickoff, ft_home, ft_away, ht_home, "
      "ht_away, et_home, et_away, pen_home, pen_away, status, awarded_to) VALUES ";
  EXPECT_TRUE(accepts(leg + "(1, 1, 1, 2, '2012-07-05', '19:45', 2, 1, 1, 0, NULL, NULL, NULL, "
                            "NULL, 'played', NULL)"));
  EXPECT_FALSE(accepts(leg + "(1, 2, 1, 1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
                             "NULL, 'played', NULL)"))
      << "a club against itself";
  EXPECT_FALSE(accepts(leg + "(1, 2, 2, 1, '2012-02-30', NULL, NULL, NULL, NULL, NULL, NULL, "
                             "NULL, NULL, NULL, 'played', NULL)"))
      << "no such date";
  EXPECT_FALSE(accepts(leg + "(1, 2, 2, 1, '2012-07-12', '25:00', NULL, NULL, NULL, NULL, NULL, "
                             "NULL, NULL, NULL, 'played', NULL)"))
      << "no such time";
  EXPECT_FALSE(accepts(leg + "(1, 2, 2, 1, NULL, NULL, 1, 0, 2, 0, NULL, NULL, NULL, NULL, "
                             "'played', NULL)"))
      << "more goals at half time than at full time";
  EXPECT_FALSE(accepts(leg + "(1, 2, 2, 1, NULL, NULL, 1, 1, NULL, NULL, 0, 1, NULL, NULL, "
                             "'played', NULL)"))
      << "fewer goals after extra time";
  EXPECT_FALSE(accepts(leg + "(1, 2, 2, 1, NULL, NULL, 1, -1, NULL, NULL, NULL, NULL, NULL, NULL, "
                             "'played', NULL)"))
      << "negative goals";
  EXPECT_FALSE(accepts(leg + "(1, 2, 2, 1, NULL, NULL, 1, 1, NULL, NULL, 1, 1, 4, 4, 'played', "
                             "NULL)"))
      << "a shoot-out without a winner";
  EXPECT_FALSE(accepts(leg + "(1, 2, 2, 1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
                             "NULL, 'walkover', 3)"))
      << "a walkover to a club not in the leg";
  EXPECT_FALSE(accepts(leg + "(1, 1, 2, 1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
                             "NULL, 'played', NULL)"))
      << "two legs with one number";
  EXPECT_FALSE(accepts(leg + "(1, 2, 2, 9, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
                             "NULL, 'played', NULL)"))
      << "an unknown club";
}

TEST_F(Constraints, RejectImpossibleTies) {
  EXPECT_FALSE(accepts("INSERT INTO ties(round_id, club_a, club_b) VALUES (1, 3, 3)"));
  EXPECT_FALSE(accepts("INSERT INTO ties(round_id, club_a, club_b) VALUES (1, NULL, 3)"));
  EXPECT_FALSE(accepts("UPDATE ties SET winner = 3, decided_by = 'aggregate' WHERE id = 1"))
      << "a winner who did not play";
  EXPECT_FALSE(accepts("UPDATE ties SET winner = 1 WHERE id = 1")) << "a winner without how";
  EXPECT_FALSE(accepts("UPDATE ties SET winner = 1, decided_by = 'luck' WHERE id = 1"));
  EXPECT_TRUE(accepts("INSERT INTO ties(round_id, club_a) VALUES (1, 3)")) << "a partial tie";
  EXPECT_FALSE(accepts("INSERT INTO seasons(competition_id, name, start_year) "
                       "VALUES (1, '2012/13', 2012)"));
  EXPECT_FALSE(accepts("DELETE FROM clubs WHERE id = 1")) << "a club still in a tie";
}

}  // namespace
}  // namespace footballdb
