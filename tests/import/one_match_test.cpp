// National cups end to end: one-match ties, replays told from second legs and from each other,
// and a final two sources tell with home and away swapped.
#include <algorithm>

#include <gtest/gtest.h>

#include "footballdb/footballdb.hpp"
#include "testing.hpp"

namespace footballdb {
namespace {

using testing::data_path;

Tie only_tie(const Database& db, const std::string& round) {
  TieFilter filter;
  filter.round = round;
  const auto ties = db.ties(filter);
  EXPECT_FALSE(ties.empty()) << round;
  return ties.empty() ? Tie{} : ties.front();
}

TEST(OneMatchTies, ReplaysAreReplaysAndTheirOwnMatches) {
  Database db = Database::open(":memory:");
  import_files(db, {data_path("football_txt/facup-1975-76-replays.txt")});
  TieFilter filter;
  filter.competition = "FA Cup";  // the file's "English FA Cup"
  filter.round = "Third round";
  const auto ties = db.ties(filter);
  ASSERT_EQ(ties.size(), 2u);
  const Tie& replayed = ties[0].legs.size() == 3 ? ties[0] : ties[1];
  ASSERT_EQ(replayed.legs.size(), 3u);  // the second replay is no conflict with the first
  EXPECT_FALSE(replayed.legs[0].replay);
  EXPECT_TRUE(replayed.legs[1].replay);
  EXPECT_TRUE(replayed.legs[2].replay);
  EXPECT_EQ(replayed.legs[2].date, Date::from_ymd(1976, 1, 12));
  EXPECT_EQ(replayed.outcome.decided_by, DecidedBy::kReplay);
  ASSERT_TRUE(replayed.winner);
  EXPECT_EQ(replayed.winner->name, "Alpha Town");
  const Tie& single = ties[0].legs.size() == 3 ? ties[1] : ties[0];
  EXPECT_EQ(single.outcome.decided_by, DecidedBy::kNormalTime);
  EXPECT_EQ(check(db).conflicts.size(), 0u);
}

TEST(OneMatchTies, AFinalToldWithHomeAndAwaySwappedIsOneMatch) {
  Database db = Database::open(":memory:");
  import_files(db, {data_path("football_txt/facup-1975-76-replays.txt")});
  import_files(db, {data_path("football_txt/facup-1975-76-final-swapped.txt")});
  const Tie final = only_tie(db, "Final");
  ASSERT_EQ(final.legs.size(), 1u);
  EXPECT_TRUE(final.legs[0].neutral_venue);
  EXPECT_EQ(final.legs[0].evidence.size(), 2u);  // both sources, for one match
  EXPECT_EQ(final.outcome.decided_by, DecidedBy::kNormalTime);
  ASSERT_TRUE(final.winner);
  EXPECT_EQ(final.winner->name, "Gamma United");
  EXPECT_EQ(check(db).conflicts.size(), 0u);
}

// A cup whose rules footballdb does not ship: its ties are as the source numbers them. Two legs
// the source heads "1st leg" and "2nd leg", or two matches of a pairing at either ground on
// different days, are home and away (an aggregate), not a match and its replay; one match is
// one match.
TEST(UnknownCup, TiesAreAsTheSourceNumbersThem) {
  Database db = Database::open(":memory:");
  import_files(db, {data_path("football_txt/cup-legs-2024-25.txt")});
  TieFilter filter;
  filter.round = "Semi-finals";
  const auto semis = db.ties(filter);
  ASSERT_EQ(semis.size(), 2u);
  for (const Tie& t : semis) {
    ASSERT_EQ(t.legs.size(), 2u);
    EXPECT_FALSE(t.legs[1].replay);
    EXPECT_FALSE(t.legs[0].neutral_venue);
    EXPECT_EQ(t.outcome.decided_by, DecidedBy::kAggregate);
  }
  const Tie& labelled = semis[0].club_a->name == "Alpha Town" ? semis[0] : semis[1];
  const Tie& unlabelled = semis[0].club_a->name == "Alpha Town" ? semis[1] : semis[0];
  ASSERT_TRUE(labelled.winner);
  EXPECT_EQ(labelled.winner->name, "Alpha Town");
  EXPECT_EQ(labelled.outcome.aggregate, (Aggregate{5, 4}));
  ASSERT_TRUE(unlabelled.winner);
  EXPECT_EQ(unlabelled.winner->name, "Theta Park");
  EXPECT_EQ(unlabelled.outcome.aggregate, (Aggregate{1, 2}));  // in the tie's club order
  const Tie final = only_tie(db, "Final");
  ASSERT_EQ(final.legs.size(), 1u);
  EXPECT_EQ(final.outcome.decided_by, DecidedBy::kExtraTime);
  EXPECT_EQ(check(db).conflicts.size(), 0u);
  EXPECT_TRUE(check(db).rule_anomalies.empty());
}

// A national cup's small club with a big club's word and a short legal form of its own (CF
// Benfica, a Lisbon club) is a club of its own awaiting review, never the big club: SL Benfica
// plays only its own tie, and no answer about it holds CF Benfica's defeat.
TEST(NationalCup, ASmallClubWithABigClubsWordIsAClubOfItsOwn) {
  Database db = Database::open(":memory:");
  import_files(db, {data_path("football_txt/ptcup-2024-25-benficas.txt")});
  const Resolution sl = db.resolve("SL Benfica");
  ASSERT_TRUE(sl.club);
  TieFilter of_sl;
  of_sl.club = sl.club->id;
  const auto ties = db.ties(of_sl);
  ASSERT_EQ(ties.size(), 1u);
  EXPECT_EQ(ties[0].round, "Third round");
  ASSERT_TRUE(ties[0].winner);
  EXPECT_EQ(ties[0].winner->id, sl.club->id);

  // Its club is the name's own until review says otherwise; the big club is only offered.
  const auto reviews = db.reviews();
  const auto review = std::find_if(reviews.begin(), reviews.end(),
                                   [](const NameReview& r) { return r.name == "CF Benfica"; });
  ASSERT_NE(review, reviews.end());
  ASSERT_TRUE(review->club);
  EXPECT_NE(review->club->id, sl.club->id);
  EXPECT_EQ(review->club->name, "CF Benfica");
  ASSERT_EQ(review->ties.size(), 1u);
  EXPECT_EQ(review->ties[0].round, "Second round");
  ASSERT_FALSE(review->candidates.empty());
  EXPECT_EQ(review->candidates.front().club.name, "SL Benfica");
}

}  // namespace
}  // namespace footballdb
