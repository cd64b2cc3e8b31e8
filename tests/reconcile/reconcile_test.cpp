// Reconcile: what a draft changes in what is stored, decided without SQLite.
#include "reconcile/reconcile.hpp"

#include <gtest/gtest.h>

namespace footballdb::reconcile {
namespace {

const SourceId kOwn{1};
const SourceId kOther{2};
const ClubId kKoln{1};
const ClubId kLiverpool{2};
const ClubId kCeltic{3};

std::string name_of(ClubId club) {
  return club == kKoln ? "Koln" : club == kLiverpool ? "Liverpool" : "Celtic";
}

Leg leg(ClubId home, ClubId away, const char* date, std::optional<Score> ft) {
  Leg l;
  l.home.id = home;
  l.away.id = away;
  l.date = Date::parse(date);
  l.full_time = ft;
  l.status = ft ? LegStatus::kPlayed : LegStatus::kScheduled;
  return l;
}

StoredTie tie(std::int64_t id, std::optional<ClubId> a, std::optional<ClubId> b) {
  StoredTie t;
  t.id = id;
  t.club_a = a;
  t.club_b = b;
  return t;
}

void add_leg(StoredTie& t, Leg l, int number, SourceId source, int line) {
  l.id = LegId{100 + number};
  l.number = number;
  t.legs.push_back({std::move(l), {{source, line}}});
}

TieDraft draft(std::optional<ClubId> a, std::optional<ClubId> b) {
  TieDraft d;
  d.club_a = a;
  d.club_b = b;
  d.evidence.emplace_back(kOwn, 7);
  return d;
}

LegDraft drafted(Leg l, int line = 9, std::optional<int> number = std::nullopt) {
  LegDraft d;
  d.leg = std::move(l);
  d.line = line;
  if (number) {
    d.leg.number = *number;
    d.numbered = true;
  }
  return d;
}

TEST(MatchTie, InAKnockoutRoundATieWithOneOfTheClubsIsTheTie) {
  const StoredTie stored = tie(5, kKoln, std::nullopt);
  const TieMatch m = match_tie({&stored}, draft(kLiverpool, kKoln), true, name_of);
  ASSERT_EQ(m.tie, &stored);
  EXPECT_FALSE(m.pairing);
  EXPECT_TRUE(m.clubs_changed);  // Liverpool fills the empty place
  EXPECT_EQ(m.club_a, kKoln);
  EXPECT_EQ(m.club_b, kLiverpool);
}

TEST(MatchTie, OutsideKnockoutRoundsOnlyTheSamePairIsTheTie) {
  const StoredTie stored = tie(5, kKoln, kCeltic);
  EXPECT_EQ(match_tie({&stored}, draft(kKoln, kLiverpool), false, name_of).tie, nullptr);
  EXPECT_EQ(match_tie({&stored}, draft(kCeltic, kKoln), false, name_of).tie, &stored);
}

TEST(MatchTie, AClubPairedWithAnotherOpponentIsAPairingConflict) {
  const StoredTie stored = tie(5, kKoln, kCeltic);
  const TieMatch m = match_tie({&stored}, draft(kKoln, kLiverpool), true, name_of);
  ASSERT_TRUE(m.pairing);
  EXPECT_EQ(m.tie, &stored);
  EXPECT_EQ(m.pairing->stored, "Koln v Celtic");
  EXPECT_EQ(m.pairing->claimed, "Koln v Liverpool");
}

TEST(MatchTie, TwoTiesThatFitArePairingConflictNotAGuess) {
  const StoredTie first = tie(5, kKoln, std::nullopt);
  const StoredTie second = tie(6, kLiverpool, std::nullopt);
  const TieMatch m = match_tie({&first, &second}, draft(kKoln, kLiverpool), true, name_of);
  ASSERT_TRUE(m.pairing);
  EXPECT_EQ(m.tie, &first);
}

TEST(MatchTie, ANumberThatDiffersIsADifferenceAndTheStoredOneStands) {
  StoredTie stored = tie(5, kKoln, kLiverpool);
  stored.number = 3;
  TieDraft d = draft(kKoln, kLiverpool);
  d.number = 4;
  const TieMatch m = match_tie({&stored}, d, true, name_of);
  ASSERT_EQ(m.differences.size(), 1U);
  EXPECT_EQ(m.differences[0].field, "number");
  EXPECT_EQ(m.number, 3);
  EXPECT_FALSE(m.changed);
}

// The FA Cup's rules of the 1960s: one match, replayed when level.
RuleSet one_match_with_replays() {
  RuleSet rules;
  rules.legs = 1;
  rules.replays = true;
  return rules;
}

// A cup without rules of its own: legs as the sources number them, no replays.
RuleSet legs_as_numbered() {
  RuleSet rules;
  rules.legs = 0;
  return rules;
}

TEST(OneMatchTie, ALaterMatchOfALevelPairingIsAReplay) {
  StoredTie t = tie(5, kKoln, kLiverpool);
  add_leg(t, leg(kKoln, kLiverpool, "1965-03-10", Score{2, 2}), 1, kOwn, 3);
  const LegDraft d = placed_leg(t, drafted(leg(kLiverpool, kKoln, "1965-03-17", Score{1, 0})),
                                one_match_with_replays());
  EXPECT_TRUE(d.leg.replay);
  EXPECT_FALSE(d.numbered);
}

TEST(OneMatchTie, TheMatchToldTheOtherWayRoundIsTheMatchAtANeutralGround) {
  StoredTie t = tie(5, kKoln, kLiverpool);
  add_leg(t, leg(kKoln, kLiverpool, "1965-05-26", Score{2, 1}), 1, kOwn, 3);
  const LegDraft d = placed_leg(t, drafted(leg(kLiverpool, kKoln, "1965-05-26", Score{1, 2})),
                                one_match_with_replays());
  EXPECT_FALSE(d.leg.replay);
  EXPECT_EQ(d.leg.home.id, kKoln);
  EXPECT_EQ(d.leg.full_time, (Score{2, 1}));
  EXPECT_TRUE(d.leg.neutral_venue);
}

TEST(OneMatchTie, InACupWhoseTiesMayHaveLegsTheReturnMatchIsTheSecondLeg) {
  // Level or not, the match at the other ground on another date; the same day, the match itself.
  for (const Score first : {Score{2, 2}, Score{2, 0}}) {
    StoredTie t = tie(5, kKoln, kLiverpool);
    add_leg(t, leg(kKoln, kLiverpool, "1965-03-10", first), 1, kOwn, 3);
    const LegDraft d = placed_leg(t, drafted(leg(kLiverpool, kKoln, "1965-03-17", Score{1, 0})),
                                  legs_as_numbered());
    EXPECT_FALSE(d.leg.replay);
    EXPECT_EQ(d.leg.home.id, kLiverpool);
    EXPECT_FALSE(d.leg.neutral_venue);
    const LegDraft same =
        placed_leg(t, drafted(leg(kLiverpool, kKoln, "1965-03-10", Score{first.away, first.home})),
                   legs_as_numbered());
    EXPECT_EQ(same.leg.home.id, kKoln);
    EXPECT_TRUE(same.leg.neutral_venue);
  }
}

TEST(OneMatchTie, InATwoLeggedTieAndAsAReplayALegGoesAsItIs) {
  StoredTie t = tie(5, kKoln, kLiverpool);
  add_leg(t, leg(kKoln, kLiverpool, "1965-03-10", Score{2, 2}), 1, kOwn, 3);
  const LegDraft second = drafted(leg(kLiverpool, kKoln, "1965-03-17", Score{1, 0}));
  const LegDraft d = placed_leg(t, second, RuleSet{});
  EXPECT_FALSE(d.leg.replay);
  EXPECT_EQ(d.leg.home.id, kLiverpool);
  LegDraft replay = drafted(leg(kKoln, kLiverpool, "1965-03-10", Score{1, 2}));
  replay.leg.replay = true;
  EXPECT_EQ(placed_leg(t, replay, one_match_with_replays()).leg.home.id, kKoln);
  EXPECT_FALSE(placed_leg(t, replay, one_match_with_replays()).leg.neutral_venue);
}

TEST(MergeLeg, ANewLegTakesTheNextNumber) {
  StoredTie t = tie(5, kKoln, kLiverpool);
  add_leg(t, leg(kKoln, kLiverpool, "1965-03-10", Score{0, 0}), 1, kOwn, 3);
  const LegMerge m =
      merge_leg(t, drafted(leg(kLiverpool, kKoln, "1965-03-17", Score{0, 0})), kOwn, name_of);
  EXPECT_EQ(m.action, LegMerge::Action::kInsert);
  EXPECT_EQ(m.leg.number, 2);
}

TEST(MergeLeg, AnAgreeingResultFillsInWhatIsMissing) {
  StoredTie t = tie(5, kKoln, kLiverpool);
  add_leg(t, leg(kKoln, kLiverpool, "1965-03-10", Score{2, 1}), 1, kOther, 3);
  Leg told = leg(kKoln, kLiverpool, "1965-03-10", Score{2, 1});
  told.half_time = Score{1, 0};
  const LegMerge m = merge_leg(t, drafted(told), kOwn, name_of);
  EXPECT_EQ(m.action, LegMerge::Action::kMerge);
  EXPECT_TRUE(m.changed);
  EXPECT_EQ(m.leg.half_time, (Score{1, 0}));
  EXPECT_TRUE(m.differences.empty());
}

TEST(MergeLeg, AResultIsOneFactADifferenceAnywhereChangesNothingOfIt) {
  StoredTie t = tie(5, kKoln, kLiverpool);
  add_leg(t, leg(kKoln, kLiverpool, "1965-03-10", Score{2, 1}), 1, kOther, 3);
  Leg told = leg(kKoln, kLiverpool, "1965-03-10", Score{2, 2});
  told.half_time = Score{1, 0};
  const LegMerge m = merge_leg(t, drafted(told), kOwn, name_of);
  EXPECT_EQ(m.action, LegMerge::Action::kMerge);
  EXPECT_FALSE(m.changed);
  EXPECT_FALSE(m.leg.half_time);  // the agreeing part is not taken either
  ASSERT_EQ(m.differences.size(), 1U);
  EXPECT_EQ(m.differences[0].field, "full_time");
  EXPECT_EQ(m.differences[0].stored, "2-1");
  EXPECT_EQ(m.differences[0].claimed, "2-2");
}

TEST(MergeLeg, ASourceThatKnowsLessIsNoContradiction) {
  StoredTie t = tie(5, kKoln, kLiverpool);
  add_leg(t, leg(kKoln, kLiverpool, "1965-03-10", Score{2, 1}), 1, kOther, 3);
  const LegMerge m =
      merge_leg(t, drafted(leg(kKoln, kLiverpool, "1965-03-10", std::nullopt)), kOwn, name_of);
  EXPECT_EQ(m.action, LegMerge::Action::kMerge);
  EXPECT_TRUE(m.differences.empty());
  EXPECT_FALSE(m.changed);
}

TEST(MergeLeg, ContradictingItsOwnSourceIsTheFilesError) {
  StoredTie t = tie(5, kKoln, kLiverpool);
  add_leg(t, leg(kKoln, kLiverpool, "1965-03-10", Score{2, 1}), 1, kOwn, 3);
  const LegMerge m = merge_leg(t, drafted(leg(kKoln, kLiverpool, "1965-03-10", Score{0, 1})),
                               kOwn, name_of);
  EXPECT_EQ(m.action, LegMerge::Action::kOwnSource);
  EXPECT_EQ(m.contradiction,
            "expected one account of each match: line 3 gives this match's full_time as 2-1, "
            "this line as 0-1");
}

TEST(MergeLeg, BothLegsNumberedAlikeAreToldApartByTheSwapAndTheirDates) {
  StoredTie t = tie(5, kKoln, kLiverpool);
  add_leg(t, leg(kLiverpool, kKoln, "1965-03-17", Score{0, 0}), 1, kOwn, 3);
  const LegMerge m = merge_leg(
      t, drafted(leg(kKoln, kLiverpool, "1965-03-10", Score{0, 0}), 4, 1), kOwn, name_of);
  EXPECT_EQ(m.action, LegMerge::Action::kInsert);
  EXPECT_EQ(m.leg.number, 1);  // the earlier match
  ASSERT_TRUE(m.renumbered);
  EXPECT_EQ(m.renumbered->second, 2);
}

TEST(MergeLeg, ANumberGivenToALegOfOtherClubsIsAConflict) {
  StoredTie t = tie(5, kKoln, kLiverpool);
  // Another source gave Koln v Liverpool as leg 1: this one's leg 1 the other way round is no
  // return leg of its own to tell apart.
  add_leg(t, leg(kKoln, kLiverpool, "1965-03-10", Score{0, 0}), 1, kOther, 3);
  const LegMerge m = merge_leg(
      t, drafted(leg(kLiverpool, kKoln, "1965-03-17", Score{2, 2}), 9, 1), kOwn, name_of);
  EXPECT_EQ(m.action, LegMerge::Action::kConflict);
  ASSERT_EQ(m.differences.size(), 1U);
  EXPECT_EQ(m.differences[0].field, "home_away");
  EXPECT_EQ(m.differences[0].stored, "Koln v Liverpool");
  EXPECT_EQ(m.differences[0].claimed, "Liverpool v Koln");
}

}  // namespace
}  // namespace footballdb::reconcile
