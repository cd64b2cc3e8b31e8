// Accepting a review on a person's word: the club must be one of the review's candidates unless
// forced, or the review has none; the same holds for an alias that accepts a review.
#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <sstream>

#include "footballdb/error.hpp"
#include "footballdb/import.hpp"
#include "storage/database_impl.hpp"
#include "testing.hpp"

namespace footballdb {
namespace {

using testing::data_path;

class ReviewAccept : public ::testing::Test {
 protected:
  void SetUp() override {
    ImportOptions itc;
    itc.competition = "UEFA Intertoto Cup";
    itc.season = "2005";
    import_files(db_, {data_path("002_1372deafbd61fe9d.txt")}, itc);
  }

  NameReview review_of(const std::string& name) { return testing::review_of(db_, name); }

  std::string exported() {
    std::ostringstream out;
    export_json(db_, out);
    return out.str();
  }

  Database db_ = Database::open(":memory:");
};

// "Hamburg" fits two small clubs of the city for the matcher; Hamburger SV is none of them.
TEST_F(ReviewAccept, AClubThatIsNoneOfTheCandidatesIsRefusedAndNothingChanges) {
  const NameReview hamburg = review_of("Hamburg");
  ASSERT_EQ(hamburg.reason, "ambiguous");
  ASSERT_FALSE(hamburg.candidates.empty());
  const ClubId hsv = db_.require_club("Hamburger SV").id;
  const std::string before = exported();
  try {
    db_.accept_review(hamburg.id, hsv);
    FAIL() << "the accept should be refused";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kUsage);
    const std::string message = e.what();
    EXPECT_NE(message.find("'Hamburg'"), std::string::npos) << message;
    EXPECT_NE(message.find("#" + std::to_string(hsv.value()) + " Hamburger SV"), std::string::npos)
        << message;
    for (const Candidate& c : hamburg.candidates) {
      EXPECT_NE(message.find("#" + std::to_string(c.club.id.value()) + " " + c.club.name),
                std::string::npos)
          << message;
    }
  }
  EXPECT_EQ(exported(), before);
  EXPECT_EQ(db_.review(hamburg.id)->status, ReviewStatus::kOpen);
  EXPECT_TRUE(db_.club(hamburg.club->id));
}

TEST_F(ReviewAccept, ACandidateIsAccepted) {
  const NameReview goteborg = review_of("Göteborg");
  const ClubId ifk = db_.require_club("IFK Göteborg").id;
  db_.accept_review(goteborg.id, ifk);
  EXPECT_EQ(db_.review(goteborg.id)->status, ReviewStatus::kAccepted);
  EXPECT_FALSE(db_.club(goteborg.club->id));
  TieFilter filter;
  filter.club = ifk;
  EXPECT_FALSE(db_.ties(filter).empty());
}

TEST_F(ReviewAccept, ForceAcceptsAClubThatIsNoneOfTheCandidates) {
  const NameReview hamburg = review_of("Hamburg");
  const ClubId hsv = db_.require_club("Hamburger SV").id;
  db_.accept_review(hamburg.id, hsv, /*force=*/true);
  const NameReview decided = *db_.review(hamburg.id);
  EXPECT_EQ(decided.status, ReviewStatus::kAccepted);
  ASSERT_TRUE(decided.decided_club);
  EXPECT_EQ(decided.decided_club->id, hsv);
  TieFilter filter;
  filter.club = hsv;
  EXPECT_FALSE(db_.ties(filter).empty());
}

// A name the matcher knew nothing of has no candidates: naming its club is what the review is for.
TEST_F(ReviewAccept, AReviewWithoutCandidatesTakesAnyClub) {
  const NameReview zlin = review_of("Tescoma Zlín");
  ASSERT_EQ(zlin.reason, "unknown");
  ASSERT_TRUE(zlin.candidates.empty());
  db_.accept_review(zlin.id, db_.require_club("FC Zlín").id);
  EXPECT_EQ(db_.review(zlin.id)->status, ReviewStatus::kAccepted);
}

// A candidate that has been merged into another club since stands for that club.
TEST_F(ReviewAccept, ACandidateMergedSinceCountsAsTheClubItWentInto) {
  const NameReview goteborg = review_of("Göteborg");
  const ClubId ifk = db_.require_club("IFK Göteborg").id;
  db_.accept_review(goteborg.id, ifk);
  const NameReview zlin = review_of("Tescoma Zlín");
  detail::DatabaseAccess::sqlite(db_).exec(
      "UPDATE name_reviews SET candidates = json_array(json_object('id', " +
      std::to_string(goteborg.club->id.value()) +
      ", 'name', 'Göteborg', 'matched_name', 'Göteborg', 'method', 'exact', 'score', 1.0)) WHERE id = " +
      std::to_string(zlin.id.value()));
  EXPECT_THROW(db_.accept_review(zlin.id, db_.require_club("FC Zlín").id), Error);
  db_.accept_review(zlin.id, ifk);
  EXPECT_EQ(db_.review(zlin.id)->status, ReviewStatus::kAccepted);
}

TEST_F(ReviewAccept, AnAliasThatWouldAcceptAReviewFollowsTheSameRule) {
  const NameReview hamburg = review_of("Hamburg");
  const ClubId hsv = db_.require_club("Hamburger SV").id;
  const std::string before = exported();
  try {
    db_.add_alias("Hamburg", hsv);
    FAIL() << "the alias should be refused";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kUsage);
    EXPECT_NE(std::string(e.what()).find("'Hamburg'"), std::string::npos) << e.what();
  }
  EXPECT_EQ(exported(), before);
  const std::optional<ReviewId> accepted = db_.add_alias("Hamburg", hsv, /*force=*/true);
  ASSERT_TRUE(accepted);
  EXPECT_EQ(*accepted, hamburg.id);
  EXPECT_EQ(db_.review(hamburg.id)->status, ReviewStatus::kAccepted);
}

}  // namespace
}  // namespace footballdb
