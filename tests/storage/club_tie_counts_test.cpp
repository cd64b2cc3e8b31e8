// The number of ties a resolve gives each club (club_tie_counts, kept by triggers, counted afresh
// by an import that brings at least as many legs as are stored) stays that of the ties through
// every kind of write: imports, a review's accept and its undo, a club of its own, an alias, a
// source's removal; and `check --full` finds a count that does not.
#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <string>

#include "footballdb/check.hpp"
#include "footballdb/import.hpp"
#include "storage/database_impl.hpp"
#include "storage/deferred_indexes.hpp"
#include "testing.hpp"

namespace footballdb {
namespace {

using testing::data_path;

class ClubTieCounts : public ::testing::Test {
 protected:
  void SetUp() override { testing::import_seeds(db_); }

  // Every club of every tie has a count equal to its ties, and no other club has one; each club
  // that plays is given by resolve with that count.
  void expect_counts_of_the_ties(const char* after) {
    SCOPED_TRACE(after);
    EXPECT_TRUE(check(db_, full_).integrity.problems.empty());
    // The triggers an import drops while it writes are back.
    EXPECT_EQ(sqlite().execAndGet("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' "
                                  "AND name LIKE 'ties\\_count\\_%' ESCAPE '\\'").getInt(),
              3);
    SQLite::Statement clubs(sqlite(), "SELECT club_a FROM ties WHERE club_a IS NOT NULL "
                                      "UNION SELECT club_b FROM ties WHERE club_b IS NOT NULL");
    int seen = 0;
    while (clubs.executeStep()) {
      const ClubId club{clubs.getColumn(0).getInt64()};
      TieFilter filter;
      filter.club = club;
      const Resolution r = db_.resolve("#" + std::to_string(club.value()));
      ASSERT_EQ(r.candidates.size(), 1u);
      EXPECT_EQ(r.candidates.front().ties, static_cast<int>(db_.ties(filter).size()))
          << r.candidates.front().club.name;
      ++seen;
    }
    EXPECT_EQ(sqlite().execAndGet("SELECT count(*) FROM club_tie_counts").getInt(), seen);
  }

  SQLite::Database& sqlite() { return detail::DatabaseAccess::sqlite(db_); }

  Database db_ = Database::open(":memory:");
  CheckOptions full_{/*full=*/true};
};

TEST_F(ClubTieCounts, StayThoseOfTheTiesThroughEveryWrite) {
  expect_counts_of_the_ties("the imports");
  EXPECT_GT(sqlite().execAndGet("SELECT count(*) FROM club_tie_counts").getInt(), 30);
  const NameReview goteborg = testing::review_of(db_, "Göteborg");
  const ClubId ifk = db_.require_club("IFK Göteborg").id;
  db_.accept_review(goteborg.id, ifk);  // the provisional club's ties go to IFK Göteborg
  expect_counts_of_the_ties("an accept");
  db_.undo_review(goteborg.id);
  expect_counts_of_the_ties("its undo");
  ImportOptions first_round;
  first_round.competition = "UEFA Intertoto Cup";
  first_round.season = "2005";
  first_round.round = "First round";
  import_files(db_, {data_path("review/intertoto_2005_first_round.txt")}, first_round);
  expect_counts_of_the_ties("an import that joins stored ties");
  db_.accept_review(testing::review_of(db_, "Göteborg").id, ifk);
  expect_counts_of_the_ties("a second accept");
  const std::vector<SourceSummary> sources = db_.sources();
  ASSERT_FALSE(sources.empty());
  db_.remove_source(sources.front().id);
  expect_counts_of_the_ties("a source's removal");
  for (const SourceSummary& s : db_.sources()) db_.remove_source(s.id);
  expect_counts_of_the_ties("the removal of every source");
}

TEST_F(ClubTieCounts, ABulkImportCountsAfreshWhatItWroteUncounted) {
  // What an import that brings more legs than are stored does (storage::DeferredIndexes): it
  // writes ties with the count triggers dropped, and may then move a tie it wrote to another
  // club (a placeholder settled) or delete it (two ties found to be one).
  auto integer = [this](const char* sql) { return sqlite().execAndGet(sql).getInt64(); };
  // A club counted before, with fewer ties than the import gives it and then takes away.
  const std::int64_t club = integer("SELECT club_id FROM club_tie_counts ORDER BY ties LIMIT 1");
  ASSERT_LT(integer("SELECT min(ties) FROM club_tie_counts"), 3);
  const std::int64_t round = integer("SELECT min(id) FROM rounds");
  const std::int64_t stored = integer("SELECT max(id) FROM ties");
  {
    SQLite::Transaction tx(sqlite());
    sqlite().exec("INSERT INTO clubs(name) VALUES ('A Club Of No Ties')");
    const std::int64_t into = sqlite().getLastInsertRowid();
    storage::DeferredIndexes bulk(sqlite(), 1'000'000);
    for (int i = 0; i < 3; ++i) {
      SQLite::Statement add(sqlite(), "INSERT INTO ties(round_id, club_a) VALUES (?, ?)");
      add.bind(1, round);
      add.bind(2, club);
      add.exec();
    }
    SQLite::Statement move(sqlite(), "UPDATE ties SET club_a = ?2 WHERE club_a = ?1 AND id > ?3");
    move.bind(1, club);
    move.bind(2, into);
    move.bind(3, stored);
    move.exec();
    sqlite().exec("DELETE FROM ties WHERE id = (SELECT max(id) FROM ties)");
    bulk.restore();
    tx.commit();
  }
  expect_counts_of_the_ties("a bulk write");
}

TEST_F(ClubTieCounts, ACountThatDisagreesWithTheTiesIsAProblemOfTheFullCheck) {
  sqlite().exec("UPDATE club_tie_counts SET ties = ties + 1 WHERE club_id = "
                "(SELECT min(club_id) FROM club_tie_counts)");
  const CheckReport report = check(db_, full_);
  ASSERT_EQ(report.integrity.problems.size(), 1u);
  EXPECT_NE(report.integrity.problems.front().find("club_tie_counts"), std::string::npos)
      << report.integrity.problems.front();
}

}  // namespace
}  // namespace footballdb
