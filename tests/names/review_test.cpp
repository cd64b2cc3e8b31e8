// Reviewing names an import could not bind, merging clubs, aliases and the club_id() SQL function,
// over the three sample sources.
#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <set>
#include <sstream>

#include "footballdb/error.hpp"
#include "footballdb/import.hpp"
#include "storage/club_merge.hpp"
#include "storage/database_impl.hpp"
#include "testing.hpp"

namespace footballdb {
namespace {

using testing::data_path;

class Review : public ::testing::Test {
 protected:
  void SetUp() override { testing::import_seeds(db_); }

  NameReview review_of(const std::string& name) { return testing::review_of(db_, name); }

  // IFK Göteborg's first-round tie of 2005 from another source, naming its opponent.
  void import_goteborg_legs() {
    ImportOptions o;
    o.competition = "UEFA Intertoto Cup";
    o.season = "2005";
    o.round = "First round";
    import_files(db_, {data_path("review/intertoto_2005_first_round.txt")}, o);
  }

  std::string exported() {
    std::ostringstream out;
    export_json(db_, out);
    return out.str();
  }

  int count(const std::string& sql) {
    return detail::DatabaseAccess::sqlite(db_).execAndGet(sql).getInt();
  }

  Database db_ = Database::open(":memory:");
};

TEST_F(Review, TheQueueHoldsTheNamesNoOneClubFitsWithCandidatesAndWhereTheyWereSeen) {
  const std::vector<NameReview> open = db_.reviews();
  ASSERT_FALSE(open.empty());
  const NameReview daugava = review_of("FC Daugava");
  EXPECT_EQ(daugava.reason, "ambiguous");
  ASSERT_TRUE(daugava.seen);
  EXPECT_NE(daugava.seen->path.find("000_98225e7db66c08bd.txt"), std::string::npos);
  EXPECT_GT(daugava.seen->line, 0);
  ASSERT_EQ(daugava.ties.size(), 1u);
  EXPECT_EQ(daugava.ties[0].round, "Second qualifying round");
  std::vector<std::string> candidates;
  for (const Candidate& c : daugava.candidates) candidates.push_back(c.club.name);
  EXPECT_NE(std::find(candidates.begin(), candidates.end(), "FC Daugava Daugavpils"),
            candidates.end());
  const NameReview goteborg = review_of("Göteborg");
  EXPECT_EQ(goteborg.ties.size(), 2u);  // first and second round, opponents unknown
}

TEST_F(Review, AcceptMergesTheProvisionalClubAndItsTiesWithoutConflict) {
  import_goteborg_legs();
  const ClubId ifk = db_.require_club("IFK Göteborg").id;
  const NameReview r = review_of("Göteborg");
  db_.accept_review(r.id, ifk);

  EXPECT_FALSE(db_.club(r.club->id));  // the provisional club is gone
  TieFilter filter;
  filter.club = ifk;
  const std::vector<Tie> ties = db_.ties(filter);
  ASSERT_EQ(ties.size(), 2u);
  const Tie& first = ties[0];
  EXPECT_EQ(first.round, "First round");
  EXPECT_EQ(first.legs.size(), 2u);
  ASSERT_TRUE(first.winner);
  EXPECT_EQ(first.winner->id, ifk);
  EXPECT_EQ(first.stated.size(), 2u);  // "Göteborg won 5–2" and "Winner: IFK Göteborg"
  EXPECT_FALSE(first.disagreement);
  std::set<std::int64_t> sources;
  for (const Evidence& e : first.evidence) sources.insert(e.source.value());
  EXPECT_EQ(sources.size(), 2u);  // both sources
  EXPECT_EQ(count("SELECT count(*) FROM conflicts"), 0);
  EXPECT_EQ(ties[1].round, "Second round");

  const NameReview decided = *db_.review(r.id);
  EXPECT_EQ(decided.status, ReviewStatus::kAccepted);
  ASSERT_TRUE(decided.decided_club);
  EXPECT_EQ(decided.decided_club->id, ifk);
  EXPECT_TRUE(decided.decided_at);
  bool alias = false;
  for (const ClubAlias& a : db_.aliases(ifk)) {
    if (a.name == "Göteborg") alias = a.method == "review" && a.source && a.source->line > 0;
  }
  EXPECT_TRUE(alias);
  // "Göteborg" is now a known spelling of IFK Göteborg; a bare city name still fits other
  // clubs of the city, so the matcher offers it first and does not decide alone.
  const Resolution now = db_.resolve("Göteborg");
  ASSERT_FALSE(now.candidates.empty());
  EXPECT_EQ(now.candidates[0].club.id, ifk);
  EXPECT_EQ(now.candidates[0].method, "exact");
}

TEST_F(Review, UndoOfAnAcceptRestoresTheExportExactly) {
  import_goteborg_legs();
  const std::string before = exported();
  const NameReview r = review_of("Göteborg");
  db_.accept_review(r.id, db_.require_club("IFK Göteborg").id);
  EXPECT_NE(exported(), before);
  db_.undo_review(r.id);
  EXPECT_EQ(exported(), before);
  EXPECT_EQ(db_.review(r.id)->status, ReviewStatus::kOpen);
  EXPECT_EQ(db_.resolve("Göteborg").candidates.at(0).club.id, r.club->id);  // its own again
  EXPECT_THROW(db_.undo_review(r.id), Error);  // open: nothing to undo
}

TEST_F(Review, UndoIsRefusedWhenTheMergedTiesChangedSince) {
  const NameReview r = review_of("Göteborg");
  db_.accept_review(r.id, db_.require_club("IFK Göteborg").id);
  import_goteborg_legs();  // adds evidence and legs to the merged club's first-round tie
  try {
    db_.undo_review(r.id);
    FAIL() << "undo should be refused";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kConflict);
    EXPECT_NE(std::string(e.what()).find("changed since"), std::string::npos);
  }
  EXPECT_EQ(db_.review(r.id)->status, ReviewStatus::kAccepted);
}

TEST_F(Review, CreateConfirmsTheClubAndRejectLeavesFactsAlone) {
  const NameReview zlin = review_of("Tescoma Zlín");
  const ClubRef created = db_.create_club(zlin.id);
  EXPECT_EQ(created.name, "Tescoma Zlín");
  EXPECT_EQ(db_.review(zlin.id)->status, ReviewStatus::kCreated);
  EXPECT_EQ(count("SELECT count(*) FROM clubs WHERE name = 'Tescoma Zlín' AND origin = 'user'"), 1);
  EXPECT_THROW(db_.accept_review(zlin.id, db_.require_club("IFK Göteborg").id), Error);

  const NameReview varteks = review_of("Varteks");
  const int ties = count("SELECT count(*) FROM ties");
  db_.reject_review(varteks.id);
  EXPECT_EQ(db_.review(varteks.id)->status, ReviewStatus::kRejected);
  EXPECT_EQ(count("SELECT count(*) FROM ties"), ties);
  db_.undo_review(varteks.id);
  db_.undo_review(zlin.id);
  EXPECT_EQ(db_.review(varteks.id)->status, ReviewStatus::kOpen);
  EXPECT_EQ(count("SELECT count(*) FROM clubs WHERE name = 'Tescoma Zlín' AND origin = 'import'"),
            1);
}

TEST_F(Review, ClubsRecordedAsDistinctAreNeverMerged) {
  const ClubId fc = db_.require_club("FC Santa Coloma").id;
  const ClubId ue = db_.require_club("UE Santa Coloma").id;
  {
    SQLite::Transaction tx(detail::DatabaseAccess::sqlite(db_));  // rolled back at the brace
    try {
      storage::merge_clubs(detail::DatabaseAccess::statements(db_),
                           detail::DatabaseAccess::clubs(db_), fc, ue);
      FAIL() << "the merge should be refused";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kConflict);
      EXPECT_NE(std::string(e.what()).find("different clubs"), std::string::npos);
    }
  }
  EXPECT_TRUE(db_.club(fc));
  // Nor tied together by an alias.
  EXPECT_THROW(db_.add_alias("FC Santa Coloma", ue), Error);
  EXPECT_EQ(db_.resolve("FC Santa Coloma").club->id, fc);
}

TEST_F(Review, ClubsThatPlayedEachOtherAreNeverMerged) {
  const ClubId gomel = db_.require_club("FK Gomel").id;
  TieFilter f;
  f.club = gomel;
  const Tie tie = db_.ties(f).at(0);
  const ClubId opponent = tie.club_a->id == gomel ? tie.club_b->id : tie.club_a->id;
  auto& impl = detail::DatabaseAccess::sqlite(db_);
  SQLite::Transaction tx(impl);
  EXPECT_THROW(storage::merge_clubs(detail::DatabaseAccess::statements(db_),
                                    detail::DatabaseAccess::clubs(db_), gomel, opponent),
               Error);
}

TEST_F(Review, AnAliasMakesANameResolveAndRemovingItMakesItStop) {
  EXPECT_EQ(db_.resolve("Kolejorz").status, ResolveStatus::kUnknown);
  const ClubId lech = db_.require_club("Lech Poznań").id;
  EXPECT_FALSE(db_.add_alias("Kolejorz", lech));
  EXPECT_EQ(db_.resolve("Kolejorz").club->id, lech);
  bool listed = false;
  for (const ClubAlias& a : db_.aliases()) listed |= a.name == "Kolejorz" && a.method == "user";
  EXPECT_TRUE(listed);
  db_.remove_alias("Kolejorz");
  EXPECT_EQ(db_.resolve("Kolejorz").status, ResolveStatus::kUnknown);
  // A registry spelling can go too; the canonical name cannot.
  db_.remove_alias("Lech Posen", lech);
  EXPECT_NE(db_.resolve("Lech Posen").method, "exact");
  EXPECT_THROW(db_.remove_alias(db_.club(lech)->name), Error);
}

TEST_F(Review, AnAliasForAProvisionalClubsNameIsThatReviewsAccept) {
  const NameReview r = review_of("Göteborg");
  const ClubId ifk = db_.require_club("IFK Göteborg").id;
  const std::optional<ReviewId> accepted = db_.add_alias("Göteborg", ifk);
  ASSERT_TRUE(accepted);
  EXPECT_EQ(*accepted, r.id);
  EXPECT_EQ(db_.review(r.id)->status, ReviewStatus::kAccepted);
  EXPECT_FALSE(db_.club(r.club->id));
}

TEST_F(Review, ResolveExplainsEveryCandidate) {
  const Resolution r = db_.resolve("Santa Coloma");
  EXPECT_EQ(r.status, ResolveStatus::kAmbiguous);
  const Resolution tokens = db_.resolve("Göteborg");
  ASSERT_GE(tokens.candidates.size(), 2u);
  EXPECT_EQ(tokens.candidates[1].method, "tokens");
  EXPECT_EQ(tokens.candidates[1].explanation,
            "shares goteborg with \"IFK Göteborg\"; only in \"IFK Göteborg\": ifk");
  ASSERT_GE(r.candidates.size(), 2u);
  for (const Candidate& c : r.candidates) {
    EXPECT_FALSE(c.method.empty());
    EXPECT_NE(c.explanation.find(c.matched_name), std::string::npos) << c.explanation;
  }
}

TEST_F(Review, AScopeWhereOnlyTheNameAwaitingReviewPlaysIsAnsweredByIt) {
  const NameScope intertoto_2005{"UEFA Intertoto Cup", "2005", std::nullopt};
  const Resolution r = db_.resolve("Göteborg", intertoto_2005);
  ASSERT_EQ(r.status, ResolveStatus::kResolved);
  EXPECT_EQ(r.club->id, review_of("Göteborg").club->id);  // the source's club, awaiting review
  EXPECT_EQ(db_.resolve("Göteborg").status, ResolveStatus::kAmbiguous);  // which club: open
  TieFilter filter;
  filter.club = r.club->id;
  filter.competition = "UEFA Intertoto Cup";
  EXPECT_FALSE(db_.ties(filter).empty());

  // IFK Göteborg in the next season: the competition holds the name's ties in two records.
  const testing::TempDir dir;
  dir.write("2006.txt", "1st(1st leg) B36 Tórshavn - IFK Göteborg 0:2 (0:1)\n"
                        "2nd (2nd leg) IFK Göteborg - B36 Tórshavn 3:2 (1:1)\n");
  ImportOptions o;
  o.competition = "UEFA Intertoto Cup";
  o.season = "2006";
  o.round = "First round";
  import_files(db_, {dir.path("2006.txt")}, o);
  EXPECT_EQ(db_.resolve("Göteborg", NameScope{"UEFA Intertoto Cup", std::nullopt, std::nullopt})
                .status,
            ResolveStatus::kAmbiguous);
  EXPECT_EQ(db_.resolve("Göteborg", intertoto_2005).status, ResolveStatus::kResolved);
}

TEST_F(Review, ClubIdInSqlIsTheResolvedClubOrNull) {
  auto& sql = detail::DatabaseAccess::sqlite(db_);
  const ClubId lech = db_.require_club("Lech Poznań").id;
  EXPECT_EQ(sql.execAndGet("SELECT club_id('Lech Posen')").getInt64(), lech.value());
  EXPECT_TRUE(sql.execAndGet("SELECT club_id('Santa Coloma')").isNull());
  EXPECT_TRUE(sql.execAndGet("SELECT club_id('No Such Club Anywhere')").isNull());
  EXPECT_TRUE(sql.execAndGet("SELECT club_id(NULL)").isNull());
  // It follows changes made on the connection.
  db_.add_alias("Kolejorz", lech);
  EXPECT_EQ(sql.execAndGet("SELECT club_id('Kolejorz')").getInt64(), lech.value());
}

}  // namespace
}  // namespace footballdb
