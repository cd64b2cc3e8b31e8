// Resolution reads only: asked about the names of a pairing, the Resolver changes nothing in the
// database, and what it returns (bindings, new placeholders, settlements) is what the writer
// then applies.
#include <gtest/gtest.h>

#include <sqlite3.h>

#include "footballdb/footballdb.hpp"
#include "import/resolver.hpp"
#include "storage/database_impl.hpp"
#include "testing.hpp"

namespace footballdb::import {
namespace {

using testing::data_path;
using testing::TempDir;

// A database holding the short-named CSV of tests/data/order: "Basel" and "Liverpool" await
// review with clubs of their own, paired in Group B.
class ResolverTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_.emplace(Database::open(dir_.path("r.db")));
    ImportOptions options;
    options.csv_mapping =
        "date=Date,round=Stage,leg=Leg,home=Home,away=Away,home_country=HomeCountry,"
        "away_country=AwayCountry,score=FT,ht=HT,competition_name=UEFA Champions League";
    import_files(*db_, {data_path("order/cl-2014-15-short-names.csv")}, options);
  }

  SQLite::Database& sqlite() { return detail::DatabaseAccess::sqlite(*db_); }
  storage::ClubIndex& clubs() { return detail::DatabaseAccess::clubs(*db_); }
  storage::StatementCache& statements() { return detail::DatabaseAccess::statements(*db_); }
  ClubId club(const std::string& name) {
    const Resolution r = db_->resolve(name);
    EXPECT_TRUE(r.club) << name;
    return r.club ? r.club->id : ClubId{};
  }

  TempDir dir_;
  std::optional<Database> db_;
  const storage::RoundKey group_{"UEFA Champions League", "2014-15", "Group stage"};
};

TEST_F(ResolverTest, AnsweringChangesNothingAndSaysWhatToWrite) {
  const storage::StatementCache::Scope in_use(statements());
  SQLite::Transaction tx(sqlite());
  storage::Store store(statements(), clubs());
  Resolver resolver(clubs(), store);
  const int changes = sqlite3_total_changes(sqlite().getHandle());

  // Real Madrid's tie against the placeholder "Basel" is this pairing, from another source.
  const MatchContext spain = match_context("ESP", group_.competition);
  const MatchContext swiss = match_context("SUI", group_.competition);
  const auto earlier = resolver.earlier_pairings("Real Madrid CF", spain, "FC Basel 1893", swiss,
                                                 group_);
  ASSERT_EQ(earlier.size(), 1U);
  EXPECT_EQ(earlier[0].review.name, "Basel");
  EXPECT_EQ(earlier[0].into, club("FC Basel 1893"));

  // A name nothing binds is to get a club of its own, with the candidates a person sees.
  const PairBinding unknown = resolver.pair("Real Madrid CF", spain, std::string("Zzyzx Rovers"),
                                            swiss, group_);
  EXPECT_EQ(unknown.a.club, club("Real Madrid CF"));
  ASSERT_TRUE(unknown.b);
  EXPECT_FALSE(unknown.b->club);
  EXPECT_EQ(unknown.b->method, "new");
  EXPECT_TRUE(unknown.b->placeholder);
  EXPECT_STREQ(unknown.b->reason, "unknown");

  // A spelling a fuzzy layer found is to be learned, bound by that layer.
  const Binding fuzzy = resolver.alone("Real Madrid Club de Futbol", spain);
  EXPECT_EQ(fuzzy.club, club("Real Madrid CF"));
  EXPECT_NE(fuzzy.method, "exact");
  EXPECT_TRUE(fuzzy.learn);

  EXPECT_EQ(sqlite3_total_changes(sqlite().getHandle()), changes);
}

TEST_F(ResolverTest, TheWriterAppliesWhatItWasTold) {
  // The full names of the same Group B settle both reviews through the stored ties.
  import_files(*db_, {data_path("order/cl-2014-15-group-b.txt")}, {});
  EXPECT_TRUE(db_->reviews().empty());
  EXPECT_EQ(club("Basel [SUI]"), club("FC Basel 1893"));
  EXPECT_EQ(club("Liverpool [ENG]"), club("Liverpool FC"));
}

}  // namespace
}  // namespace footballdb::import
