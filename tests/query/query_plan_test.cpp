// The questions users ask most (a club's ties, two clubs' tie, a season's ties, fixtures on a
// date, a club's next and previous match, a tie by id, a name resolved) are answered through
// indexes: every statement they run is recorded as SQLite runs it and its EXPLAIN QUERY PLAN
// must not scan a table. A statement written so that SQLite cannot use its index
// (`?1 IS NULL OR col = ?1`) or an index dropped shows here as a SCAN, whatever the data's size.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "footballdb/footballdb.hpp"
#include "storage/database_impl.hpp"
#include "testing.hpp"

namespace footballdb {
namespace {

using testing::data_path;

// Calls `begun` with the SQL of each statement `ask` runs on `db`'s connection, as it begins.
void on_each_statement(const Database& db, const std::function<void(const char* sql)>& begun,
                       const std::function<void()>& ask) {
  sqlite3* handle = detail::DatabaseAccess::sqlite(db).getHandle();
  sqlite3_trace_v2(
      handle, SQLITE_TRACE_STMT,
      [](unsigned, void* context, void* statement, void*) {
        const char* sql = sqlite3_sql(static_cast<sqlite3_stmt*>(statement));
        if (sql != nullptr) (*static_cast<const std::function<void(const char*)>*>(context))(sql);
        return 0;
      },
      const_cast<std::function<void(const char*)>*>(&begun));
  ask();
  sqlite3_trace_v2(handle, 0, nullptr, nullptr);
}

// Every statement `ask` runs on `db`'s connection, each once, in the order first run.
std::vector<std::string> statements_of(const Database& db, const std::function<void()>& ask) {
  std::set<std::string> known;
  std::vector<std::string> in_order;
  on_each_statement(
      db,
      [&](const char* sql) {
        if (known.insert(sql).second) in_order.emplace_back(sql);
      },
      ask);
  return in_order;
}

// The lines of `sql`'s query plan that read a whole table or index: "SCAN t", "SCAN t USING
// INDEX i". A table-valued function (json_each of a list of ids), a constant row and a
// subquery's own rows are not tables. A search through an index by source reads every row of
// one source, which may be every row there is: no question about clubs, ties or dates needs one,
// and only taking a source back (`by_source`) may make one.
std::vector<std::string> scans(const Database& db, const std::string& sql, bool by_source = false) {
  SQLite::Statement plan(detail::DatabaseAccess::sqlite(db), "EXPLAIN QUERY PLAN " + sql);
  std::vector<std::string> out;
  while (plan.executeStep()) {
    const std::string detail = plan.getColumn(3).getString();
    if (!by_source && detail.rfind("SEARCH ", 0) == 0 &&
        detail.find("_by_source (") != std::string::npos) {
      out.push_back(detail);
      continue;
    }
    if (detail.rfind("SCAN ", 0) != 0) continue;
    if (detail.find("VIRTUAL TABLE") != std::string::npos) continue;
    if (detail == "SCAN CONSTANT ROW" || detail.rfind("SCAN (", 0) == 0) continue;
    // The competitions are a catalogue of tens, read whole to match a name as users type it;
    // the schema's catalogue is read for the indexes an import builds at its end, and the
    // queue of names waiting for their keys is read whole when an import writes them.
    if (detail.rfind("SCAN competitions", 0) == 0) continue;
    if (detail == "SCAN sqlite_schema" || detail == "SCAN club_names_unkeyed") continue;
    out.push_back(detail);
  }
  return out;
}

// Whether `sql`, a write, first copies rows into a temporary table (OpenEphemeral): what an
// INSERT ... SELECT that reads its own table does, at twice the cost of the insert.
bool materializes(const Database& db, const std::string& sql) {
  SQLite::Statement program(detail::DatabaseAccess::sqlite(db), "EXPLAIN " + sql);
  while (program.executeStep()) {
    if (program.getColumn(1).getString() == "OpenEphemeral") return true;
  }
  return false;
}

class QueryPlans : public ::testing::Test {
 protected:
  void SetUp() override {
    import_files(db_, {data_path("json/uefa-europa-league-2012-13-q2.json"),
                       data_path("football_txt/cup-legs-2024-25.txt")});
  }

  // Expects every statement `ask` runs to read through indexes only; `what` names the question.
  // Returns the statements, each once.
  std::vector<std::string> expect_indexed(const std::string& what, const std::function<void()>& ask,
                                          bool by_source = false) {
    const std::vector<std::string> run = statements_of(db_, ask);
    EXPECT_FALSE(run.empty()) << what << ": no statement recorded";
    for (const std::string& sql : run) {
      // Pragmas and the statements that make or drop an index read nothing a plan shows.
      if (sql.rfind("PRAGMA", 0) == 0 || sql.rfind("CREATE ", 0) == 0 ||
          sql.rfind("DROP ", 0) == 0) {
        continue;
      }
      for (const std::string& scan : scans(db_, sql, by_source)) {
        ADD_FAILURE() << what << ": " << scan << " in\n  " << sql;
      }
    }
    return run;
  }

  Database db_ = Database::open(":memory:");
};

TEST_F(QueryPlans, AStatementThatCannotUseItsIndexIsSeen) {
  // The pattern the API's queries were once written in, and its indexed form.
  EXPECT_EQ(scans(db_, "SELECT id FROM legs WHERE (?1 IS NULL OR home = ?1)").size(), 1u);
  EXPECT_TRUE(scans(db_, "SELECT id FROM legs WHERE home = ?1").empty());
  EXPECT_EQ(scans(db_, "SELECT leg_id FROM leg_evidence WHERE source_id = ?1").size(), 1u);
}

TEST_F(QueryPlans, AClubsTiesAndTwoClubsTieAreReadThroughIndexes) {
  const ClubId lech = db_.require_club("Lech Poznań").id;
  const ClubId zhetysu = db_.require_club("Zhetysu Taldykorgan").id;
  expect_indexed("a club's ties", [&] {
    TieFilter filter;
    filter.club = lech;
    EXPECT_FALSE(db_.ties(filter).empty());
  });
  expect_indexed("two clubs' tie", [&] {
    TieFilter filter;
    filter.club = lech;
    filter.opponent = zhetysu;
    EXPECT_EQ(db_.ties(filter).size(), 1u);
  });
}

TEST_F(QueryPlans, ASeasonsTiesAndATieByIdAreReadThroughIndexes) {
  std::optional<TieId> any;
  expect_indexed("a season's ties", [&] {
    TieFilter filter;
    filter.competition = "Europa League";
    filter.season = "2012-13";
    const std::vector<Tie> ties = db_.ties(filter);
    ASSERT_FALSE(ties.empty());
    any = ties.front().id;
  });
  ASSERT_TRUE(any);
  expect_indexed("a tie by id", [&] { EXPECT_TRUE(db_.tie(*any)); });
  expect_indexed("a season's round", [&] {
    TieFilter filter;
    filter.competition = "Europa League";
    filter.season = "2012-13";
    filter.round = "2. Qualifikationsrunde";
    EXPECT_FALSE(db_.ties(filter).empty());
  });
}

TEST_F(QueryPlans, FixturesAndAClubsNextAndPreviousMatchAreReadThroughIndexes) {
  const ClubId lech = db_.require_club("Lech Poznań").id;
  expect_indexed("fixtures on a date", [&] {
    FixtureFilter filter;
    filter.from = Date::parse("2012-07-05");
    filter.to = filter.from;
    EXPECT_FALSE(db_.fixtures(filter).empty());
  });
  expect_indexed("a club's fixtures in a month", [&] {
    FixtureFilter filter;
    filter.from = Date::parse("2012-07-01");
    filter.to = Date::parse("2012-07-31");
    filter.club = lech;
    EXPECT_FALSE(db_.fixtures(filter).empty());
  });
  expect_indexed("a club's next match", [&] {
    EXPECT_TRUE(db_.next_fixture(lech, *Date::parse("2012-07-01")));
  });
  expect_indexed("a club's previous match", [&] {
    EXPECT_TRUE(db_.previous_fixture(lech, *Date::parse("2012-08-01")));
  });
}

TEST_F(QueryPlans, ANameIsResolvedThroughIndexes) {
  expect_indexed("a name alone", [&] {
    EXPECT_EQ(db_.resolve("Lech Posen").status, ResolveStatus::kResolved);
  });
  expect_indexed("a name in a season's scope", [&] {
    NameScope scope;
    scope.competition = "Europa League";
    scope.season = "2012-13";
    EXPECT_EQ(db_.resolve("Lech", scope).status, ResolveStatus::kResolved);
  });
}

// An import finds what is stored through indexes too: the ties of a round, a tie's legs and
// evidence, a claim stated before, the names waiting for their keys. A statement that read
// everything stored would make each import cost more than the one before.
TEST_F(QueryPlans, AnImportReadsWhatIsStoredThroughIndexes) {
  auto import = [&] {
    const ImportReport report = import_files(
        db_,
        {data_path("csv/champs_layout.csv"), data_path("football_txt/facup-1975-76-replays.txt")});
    EXPECT_GT(report.files.front().legs_added, 0);
    ImportOptions intertoto;
    intertoto.competition = "UEFA Intertoto Cup";
    intertoto.season = "2005";
    EXPECT_GT(
        import_files(db_, {data_path("002_1372deafbd61fe9d.txt")}, intertoto).files.front().claims,
        0);
  };
  const std::vector<std::string> run = expect_indexed("an import", import);
  // Nor does a write of one row copy anything into a temporary table first.
  int writes = 0;
  for (const std::string& sql : run) {
    if (sql.rfind("INSERT", 0) != 0 && sql.rfind("UPDATE", 0) != 0) continue;
    ++writes;
    EXPECT_FALSE(materializes(db_, sql)) << sql;
  }
  EXPECT_GT(writes, 10);
}

// Taking a source back reads that source's rows; what else it asks (does anything still refer
// to this tie, this club?) is one lookup a row, for the foreign key checks of its deletes too
// (Schema.EveryForeignKeyColumnLeadsAnIndex).
TEST_F(QueryPlans, TakingASourceBackReadsOnlyItsOwnRowsWhole) {
  import_files(db_, {data_path("csv/champs_layout.csv")});
  const std::vector<SourceSummary> sources = db_.sources();
  ASSERT_FALSE(sources.empty());
  expect_indexed(
      "a source's removal",
      [&] {
        const SourceRemoval removal = db_.remove_source(sources.back().id);
        EXPECT_GT(removal.legs_removed, 0);
        EXPECT_GT(removal.clubs_removed, 0);
      },
      /*by_source=*/true);
}

// A question answered in several statements sees one committed state: a writer that commits
// between two of them (here, as the legs of a club's ties begin to be read) lands after the
// answer, never inside it.
TEST(ReadSnapshot, AWriterCommittingInTheMiddleOfAQuestionIsNotHalfSeen) {
  const testing::TempDir dir;
  const std::string path = dir.path("t.db");
  {
    Database setup = Database::open(path);
    import_files(setup, {data_path("json/uefa-europa-league-2012-13-q2.json")});
  }
  OpenOptions read_only;
  read_only.read_only = true;
  const Database db = Database::open(path, read_only);
  const ClubId club = db.resolve("Lech Poznan").club->id;
  auto goals = [](const std::vector<Tie>& ties) {
    int sum = 0;
    for (const Tie& tie : ties) {
      for (const Leg& leg : tie.legs) sum += leg.full_time ? leg.full_time->home : 0;
    }
    return sum;
  };
  TieFilter filter;
  filter.club = club;
  const int before = goals(db.ties(filter));

  SQLite::Database writer(path, SQLite::OPEN_READWRITE);
  bool wrote = false;
  int during = 0;
  on_each_statement(
      db,
      [&](const char* sql) {
        if (!wrote && std::string(sql).find("JOIN legs l") != std::string::npos) {
          writer.exec("UPDATE legs SET ft_home = ft_home + 10, et_home = et_home + 10");
          wrote = true;
        }
      },
      [&] { during = goals(db.ties(filter)); });
  ASSERT_TRUE(wrote);
  EXPECT_EQ(during, before);  // the state when the question began
  int scored_legs = 0;
  for (const Tie& tie : db.ties(filter)) {
    for (const Leg& leg : tie.legs) scored_legs += leg.full_time ? 1 : 0;
  }
  ASSERT_GT(scored_legs, 0);
  EXPECT_EQ(goals(db.ties(filter)), before + 10 * scored_legs);  // then it is seen
}

}  // namespace
}  // namespace footballdb
