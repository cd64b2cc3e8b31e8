// rederive_leg: what of a leg stands when one of its sources is taken back (no SQLite).
#include "storage/source_removal.hpp"

#include <gtest/gtest.h>

#include "storage/store.hpp"

namespace footballdb::storage {
namespace {

const SourceId kB{2};
const SourceId kC{3};

Leg played(int home, int away) {
  Leg leg;
  leg.home = ClubRef{ClubId{1}, "Koln"};
  leg.away = ClubRef{ClubId{2}, "Liverpool"};
  leg.status = LegStatus::kPlayed;
  leg.date = Date::parse("1965-03-10");
  leg.full_time = Score{home, away};
  return leg;
}

TEST(RederiveLeg, AFactAnotherSourceStatedWithoutConflictStands) {
  const Leg stored = played(0, 0);
  const RederivedLeg r =
      rederive_leg(stored, kFactDate | kFactResult, {{kB, kFactDate | kFactResult}}, {});
  EXPECT_FALSE(r.changed);
  EXPECT_EQ(r.leg.full_time, (Score{0, 0}));
}

TEST(RederiveLeg, AFactNoOtherSourceStatedIsForgotten) {
  Leg stored = played(2, 1);
  stored.half_time = Score{1, 0};
  stored.venue = "Anfield";
  // The other source gave the date and the result, not the half-time score nor the ground.
  const RederivedLeg r = rederive_leg(stored, kAllLegFacts, {{kB, kFactDate | kFactResult}}, {});
  EXPECT_TRUE(r.changed);
  EXPECT_EQ(r.leg.full_time, (Score{2, 1}));
  EXPECT_FALSE(r.leg.half_time);
  EXPECT_FALSE(r.leg.venue);
  EXPECT_TRUE(r.leg.date);
}

TEST(RederiveLeg, AResultNoOtherSourceGaveGoesBackToScheduled) {
  const RederivedLeg r = rederive_leg(played(3, 0), kFactDate | kFactResult, {{kB, kFactDate}}, {});
  EXPECT_EQ(r.leg.status, LegStatus::kScheduled);
  EXPECT_FALSE(r.leg.full_time);
  EXPECT_TRUE(r.leg.date);
}

TEST(RederiveLeg, AFactOnlyConflictingSourcesStatedBecomesTheFirstOnesClaim) {
  const Leg stored = played(0, 0);
  const std::vector<LegConflict> conflicts = {
      {10, kB, "date", "1965-03-10", "1965-03-11"},
      {11, kB, "full_time", "0-0", "1-0"},
      {12, kC, "full_time", "0-0", "2-0"},
  };
  const RederivedLeg r =
      rederive_leg(stored, kFactDate | kFactResult,
                   {{kB, kFactDate | kFactResult}, {kC, kFactResult}}, conflicts);
  EXPECT_TRUE(r.changed);
  EXPECT_EQ(r.leg.date, Date::parse("1965-03-11"));
  EXPECT_EQ(r.leg.full_time, (Score{1, 0}));
  // B's conflicts are settled, C's is restated against B's result.
  EXPECT_EQ(r.settled, (std::vector<std::int64_t>{10, 11}));
  ASSERT_EQ(r.restated.size(), 1u);
  EXPECT_EQ(r.restated[0], (std::pair<std::int64_t, std::string>{12, "1-0"}));
}

TEST(RederiveLeg, AResultTakenFromAnotherSourceIsItsWhole) {
  Leg stored = played(1, 1);
  stored.half_time = Score{0, 0};
  stored.extra_time = Score{2, 1};
  // B gave 1-1 and 2-2 after extra time with penalties; no half-time score.
  const std::vector<LegConflict> conflicts = {{5, kB, "extra_time", "2-1", "2-2"},
                                              {6, kB, "penalties", "", "4-3"}};
  const RederivedLeg r = rederive_leg(
      stored, kAllLegFacts, {{kB, kFactResult | kFactExtraTime | kFactPenalties}}, conflicts);
  EXPECT_EQ(r.leg.full_time, (Score{1, 1}));
  EXPECT_EQ(r.leg.extra_time, (Score{2, 2}));
  EXPECT_EQ(r.leg.penalties, (Score{4, 3}));
  EXPECT_FALSE(r.leg.half_time);
}

TEST(RederiveLeg, AClaimThatDoesNotReadLeavesTheStoredValue) {
  const Leg stored = played(0, 0);
  const RederivedLeg r =
      rederive_leg(stored, kFactResult, {{kB, kFactResult}}, {{1, kB, "result", "0-0", "3-1"}});
  EXPECT_FALSE(r.changed);
  EXPECT_EQ(r.leg.full_time, (Score{0, 0}));
}

TEST(RederiveLeg, StatedFactsOfALeg) {
  Leg leg = played(1, 0);
  leg.kickoff = LocalTime::parse("20:45");
  leg.neutral_venue = true;
  EXPECT_EQ(stated_facts(leg), kFactDate | kFactKickoff | kFactNeutral | kFactResult);
  leg.status = LegStatus::kScheduled;
  leg.full_time.reset();
  EXPECT_EQ(stated_facts(leg), kFactDate | kFactKickoff | kFactNeutral);
}

}  // namespace
}  // namespace footballdb::storage
