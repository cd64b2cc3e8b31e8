#include <gtest/gtest.h>

#include <algorithm>

#include "footballdb/rules.hpp"

namespace footballdb {
namespace {

const ClubId kA{1};
const ClubId kB{2};

// A played leg: `home` v the other club, full time ft, optional extra time and penalties.
Leg leg(int number, ClubId home, Score ft, std::optional<Score> et = std::nullopt,
        std::optional<Score> pens = std::nullopt) {
  Leg l;
  l.number = number;
  l.home = ClubRef{home, home == kA ? "A" : "B"};
  l.away = ClubRef{home == kA ? kB : kA, home == kA ? "B" : "A"};
  l.full_time = ft;
  l.extra_time = et;
  l.penalties = pens;
  return l;
}

TieOutcome decide(std::vector<Leg> legs, const RuleSet& rules,
                  std::optional<ClubId> coin_toss = std::nullopt) {
  return decide_tie(TieFacts{kA, kB, std::move(legs), coin_toss}, rules);
}

const RuleSet kUefa2012 = uefa_rules("UEFA Europa League", 2012);

TEST(UefaRules, FollowTheHistoryOfTheAwayGoalsRule) {
  EXPECT_FALSE(uefa_rules("European Cup", 1966).away_goals);
  EXPECT_TRUE(uefa_rules("European Cup", 1967).away_goals);
  EXPECT_TRUE(uefa_rules("European Cup Winners' Cup", 1965).away_goals);
  EXPECT_FALSE(uefa_rules("European Cup Winners' Cup", 1964).away_goals);
  EXPECT_TRUE(uefa_rules("UEFA Champions League", 2020).away_goals);
  EXPECT_TRUE(uefa_rules("UEFA Champions League", 2020).away_goals_extra_time);
  EXPECT_FALSE(uefa_rules("UEFA Champions League", 2021).away_goals);
  EXPECT_FALSE(uefa_rules("UEFA Europa Conference League", 2021).away_goals_extra_time);
  EXPECT_TRUE(uefa_rules("European Cup", 1969).replays);
  EXPECT_FALSE(uefa_rules("European Cup", 1969).penalties);
  EXPECT_TRUE(uefa_rules("European Cup", 1970).penalties);
  EXPECT_FALSE(uefa_rules("European Cup", 1970).replays);
}

TEST(DecideTie, MoreGoalsOverBothLegsWins) {
  // Lech Poznań v Zhetysu 2012-13: 2-0 and 1-1.
  auto out = decide({leg(1, kA, {2, 0}), leg(2, kB, {1, 1})}, kUefa2012);
  EXPECT_EQ(out.aggregate, (Aggregate{3, 1}));
  EXPECT_EQ(out.winner, kA);
  EXPECT_EQ(out.decided_by, DecidedBy::kAggregate);
  EXPECT_FALSE(out.extra_time);
}

TEST(DecideTie, AwayGoalScoredInExtraTimeDecides) {
  // St Patrick's Athletic (A) v ÍBV (B), 2012-13: 1-0, then 2-1 a.e.t. (1-0 after 90) in Iceland.
  auto out = decide({leg(1, kA, {1, 0}), leg(2, kB, {1, 0}, Score{2, 1})}, kUefa2012);
  EXPECT_EQ(out.aggregate, (Aggregate{2, 2}));
  EXPECT_EQ(out.winner, kA);
  EXPECT_EQ(out.decided_by, DecidedBy::kAwayGoals);
  EXPECT_TRUE(out.extra_time);
}

TEST(DecideTie, InterTottenhamWentThroughOnAnExtraTimeAwayGoal) {
  // Tottenham (A) v Inter (B), 2012-13: 3-0 in London, 4-1 a.e.t. (3-0 after 90) in Milan.
  auto out = decide({leg(1, kA, {3, 0}), leg(2, kB, {3, 0}, Score{4, 1})}, kUefa2012);
  EXPECT_EQ(out.aggregate, (Aggregate{4, 4}));
  EXPECT_EQ(out.winner, kA);
  EXPECT_EQ(out.decided_by, DecidedBy::kAwayGoals);
}

TEST(DecideTie, NationalCupThatIgnoresExtraTimeAwayGoalsGoesToPenalties) {
  RuleSet cup = kUefa2012;
  cup.away_goals_extra_time = false;
  // Same legs as St Patrick's v ÍBV; shoot-out won by the home side of leg 2 (B).
  auto out = decide({leg(1, kA, {1, 0}), leg(2, kB, {1, 0}, Score{2, 1}, Score{4, 3})}, cup);
  EXPECT_EQ(out.winner, kB);
  EXPECT_EQ(out.decided_by, DecidedBy::kPenalties);
}

TEST(DecideTie, AwayGoalsAfterNinetyMinutes) {
  // 1-1 in A's ground, 0-0 in B's: A scored no away goal, B one.
  auto out = decide({leg(1, kA, {1, 1}), leg(2, kB, {0, 0})}, kUefa2012);
  EXPECT_EQ(out.winner, kB);
  EXPECT_EQ(out.decided_by, DecidedBy::kAwayGoals);
}

TEST(DecideTie, PenaltyShootOut) {
  // CFR Cluj-style: 1-0, 0-1 a.e.t. with no further goals, shoot-out 4-5 (away side A wins).
  auto out = decide({leg(1, kB, {0, 1}), leg(2, kA, {0, 1}, Score{0, 1}, Score{4, 5})},
                    kUefa2012);
  EXPECT_EQ(out.aggregate, (Aggregate{1, 1}));
  EXPECT_EQ(out.winner, kB);
  EXPECT_EQ(out.decided_by, DecidedBy::kPenalties);
  EXPECT_TRUE(out.extra_time);
}

TEST(DecideTie, From2021LevelAggregateGoesToExtraTimeAndPenalties) {
  const RuleSet rules = uefa_rules("UEFA Champions League", 2021);
  // 1-1 away, 0-0 home: would be an away-goals win for A before 2021-22.
  auto out = decide({leg(1, kB, {1, 1}), leg(2, kA, {0, 0}, Score{0, 0}, Score{3, 4})}, rules);
  EXPECT_EQ(out.winner, kB);
  EXPECT_EQ(out.decided_by, DecidedBy::kPenalties);
  auto before = decide({leg(1, kB, {1, 1}), leg(2, kA, {0, 0}, Score{0, 0}, Score{3, 4})},
                       uefa_rules("UEFA Champions League", 2020));
  EXPECT_EQ(before.winner, kA);
  EXPECT_EQ(before.decided_by, DecidedBy::kAwayGoals);
}

TEST(DecideTie, LevelWithoutShootOutOrReplayIsUndecided) {
  auto out = decide({leg(1, kA, {0, 0}), leg(2, kB, {0, 0}, Score{0, 0})}, kUefa2012);
  EXPECT_EQ(out.aggregate, (Aggregate{0, 0}));
  EXPECT_FALSE(out.winner);
  EXPECT_FALSE(out.decided_by);
}

TEST(DecideTie, ReplayDecidesALevelTieBeforeShootOuts) {
  const RuleSet rules = uefa_rules("European Cup", 1960);
  Leg replay = leg(3, kA, {1, 1}, Score{1, 2});
  replay.replay = true;
  replay.neutral_venue = true;
  auto out = decide({leg(1, kA, {2, 1}), leg(2, kB, {1, 0}), replay}, rules);
  EXPECT_EQ(out.aggregate, (Aggregate{2, 2}));  // the replay is not part of the aggregate
  EXPECT_EQ(out.winner, kB);
  EXPECT_EQ(out.decided_by, DecidedBy::kReplay);
  EXPECT_TRUE(out.extra_time);
}

// A play-off played after level legs says the legs did not decide the tie, whatever away goals
// say: VfB Stuttgart v Leeds United, 1992-93, 3-0 and 1-4 in the sources, Stuttgart ahead on
// away goals; UEFA awarded the second leg 3-0 to Leeds, and Leeds won the play-off 2-1.
TEST(DecideTie, APlayedPlayOffDecidesWhereAwayGoalsWouldHave) {
  const RuleSet rules = uefa_rules("UEFA Champions League", 1992);
  ASSERT_TRUE(rules.away_goals);
  Leg playoff = leg(3, kA, {1, 2});
  playoff.replay = true;
  playoff.neutral_venue = true;
  auto out = decide({leg(1, kA, {3, 0}), leg(2, kB, {4, 1}), playoff}, rules);
  EXPECT_EQ(out.aggregate, (Aggregate{4, 4}));
  EXPECT_EQ(out.winner, kB);
  EXPECT_EQ(out.decided_by, DecidedBy::kReplay);
  // Without the play-off, away goals decide.
  out = decide({leg(1, kA, {3, 0}), leg(2, kB, {4, 1})}, rules);
  EXPECT_EQ(out.winner, kA);
  EXPECT_EQ(out.decided_by, DecidedBy::kAwayGoals);
}

TEST(DecideTie, CoinTossAfterADrawnReplay) {
  const RuleSet rules = uefa_rules("European Cup", 1965);
  Leg replay = leg(3, kA, {0, 0}, Score{0, 0});
  replay.replay = true;
  auto out = decide({leg(1, kA, {1, 0}), leg(2, kB, {1, 0}), replay}, rules, kB);
  EXPECT_EQ(out.winner, kB);
  EXPECT_EQ(out.decided_by, DecidedBy::kCoinToss);
}

TEST(DecideTie, WalkoverGoesToTheClubGivenIt) {
  Leg w;
  w.number = 1;
  w.home = ClubRef{kA, "A"};
  w.away = ClubRef{kB, "B"};
  w.status = LegStatus::kWalkover;
  w.awarded_to = kB;
  auto out = decide({w}, kUefa2012);
  EXPECT_EQ(out.winner, kB);
  EXPECT_EQ(out.decided_by, DecidedBy::kWalkover);
  EXPECT_FALSE(out.aggregate);
}

TEST(DecideTie, AwardedResultCounts) {
  Leg awarded = leg(2, kB, {0, 3});
  awarded.status = LegStatus::kAwarded;
  auto out = decide({leg(1, kA, {1, 2}), awarded}, kUefa2012);
  EXPECT_EQ(out.aggregate, (Aggregate{4, 2}));
  EXPECT_EQ(out.winner, kA);
  EXPECT_EQ(out.decided_by, DecidedBy::kAwarded);
}

TEST(DecideTie, AnnulledLegCountsForNothing) {
  Leg annulled = leg(2, kB, {5, 0});
  annulled.status = LegStatus::kAnnulled;
  auto out = decide({leg(1, kA, {1, 0}), annulled, leg(3, kB, {0, 0})}, kUefa2012);
  EXPECT_EQ(out.aggregate, (Aggregate{1, 0}));
  EXPECT_EQ(out.winner, kA);
}

TEST(DecideTie, SingleMatchFinalWonAfterExtraTime) {
  Leg final = leg(1, kA, {1, 1}, Score{2, 1});
  final.neutral_venue = true;
  auto out = decide({final}, kUefa2012);
  EXPECT_EQ(out.winner, kA);
  EXPECT_EQ(out.decided_by, DecidedBy::kAggregate);
  EXPECT_TRUE(out.extra_time);
}

TEST(DecideTie, SingleMatchDrawnGoesToPenaltiesNotAwayGoals) {
  Leg final = leg(1, kA, {1, 1}, Score{1, 1}, Score{3, 4});
  final.neutral_venue = true;
  auto out = decide({final}, kUefa2012);
  EXPECT_EQ(out.winner, kB);
  EXPECT_EQ(out.decided_by, DecidedBy::kPenalties);
}

TEST(DecideTie, UnplayedLegMeansNoWinnerYet) {
  Leg second = leg(2, kB, {0, 0});
  second.full_time.reset();
  second.status = LegStatus::kScheduled;
  auto out = decide({leg(1, kA, {2, 0}), second}, kUefa2012);
  EXPECT_EQ(out.aggregate, (Aggregate{2, 0}));  // the aggregate so far
  EXPECT_FALSE(out.winner);                     // but no winner before the second leg
  EXPECT_FALSE(out.decided_by);
  Leg unscored = leg(2, kB, {0, 0});
  unscored.full_time.reset();
  auto pending = decide({leg(1, kA, {2, 0}), unscored}, kUefa2012);
  EXPECT_FALSE(pending.aggregate);
  EXPECT_FALSE(pending.winner);
}

TEST(DecideTie, ExtraTimeScoreAloneCountsButCannotTellAwayGoalsWithoutNinetyMinutes) {
  // "2:1 aet" with no score after 90 minutes: the aggregate and the winner on aggregate are
  // known; a national cup that ignores extra-time away goals cannot decide a level tie.
  Leg second = leg(2, kB, {0, 0}, Score{2, 1});
  second.full_time.reset();
  auto out = decide({leg(1, kA, {1, 0}), second}, kUefa2012);
  EXPECT_EQ(out.aggregate, (Aggregate{2, 2}));
  EXPECT_EQ(out.winner, kA);  // away goal in extra time (UEFA counts it)
  RuleSet cup = kUefa2012;
  cup.away_goals_extra_time = false;
  EXPECT_FALSE(decide({leg(1, kA, {1, 0}), second}, cup).winner);
}

TEST(DecideTie, PartialTieHasNoComputedOutcome) {
  auto out = decide_tie(TieFacts{kA, std::nullopt, {}, std::nullopt}, kUefa2012);
  EXPECT_FALSE(out.winner);
  EXPECT_FALSE(out.aggregate);
}

TEST(RuleAnomalies, ShootOutBeforeTheyExisted) {
  auto found = rule_anomalies(TieFacts{kA, kB, {leg(1, kA, {1, 1}, Score{1, 1}, Score{5, 4})},
                                       std::nullopt},
                              uefa_rules("European Cup", 1960));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].find("penalty shoot-out"), std::string::npos);
  EXPECT_TRUE(rule_anomalies(TieFacts{kA, kB, {leg(1, kA, {1, 0})}, std::nullopt}, kUefa2012)
                  .empty());
}

}  // namespace
}  // namespace footballdb

namespace footballdb {
namespace {

// --- One-match ties and the shipped histories ---

const RuleSet kFaCup1975 = default_rules("FA Cup", 1975, "Third round");

TEST(OneMatchTie, SaysHowItsMatchWasDecided) {
  auto normal = decide({leg(1, kA, {2, 1})}, kFaCup1975);
  EXPECT_EQ(normal.winner, kA);
  EXPECT_EQ(normal.decided_by, DecidedBy::kNormalTime);
  auto extra = decide({leg(1, kA, {1, 1}, Score{1, 2})}, default_rules("Coupe de France", 2024));
  EXPECT_EQ(extra.winner, kB);
  EXPECT_EQ(extra.decided_by, DecidedBy::kExtraTime);
  auto pens = decide({leg(1, kA, {0, 0}, std::nullopt, Score{2, 4})},
                     default_rules("EFL Cup", 2021, "First round"));
  EXPECT_EQ(pens.winner, kB);
  EXPECT_EQ(pens.decided_by, DecidedBy::kPenalties);
  EXPECT_EQ(to_string(DecidedBy::kNormalTime), "normal_time");
  EXPECT_EQ(parse_decided_by("extra_time"), DecidedBy::kExtraTime);
}

TEST(OneMatchTie, ALaterMatchIsAReplayHoweverItIsLabelled) {
  // 1-1, then 0-0 after extra time, then 2-1 in the second replay: no away goals, no aggregate.
  auto out = decide({leg(1, kA, {1, 1}), leg(2, kB, {0, 0}, Score{0, 0}), leg(3, kA, {2, 1})},
                    kFaCup1975);
  EXPECT_EQ(out.winner, kA);
  EXPECT_EQ(out.decided_by, DecidedBy::kReplay);
  EXPECT_EQ(out.aggregate, (Aggregate{1, 1}));  // the match itself
  // The same legs under two-legged rules are an aggregate of the first two.
  EXPECT_NE(decide({leg(1, kA, {1, 1}), leg(2, kB, {0, 1})}, kUefa2012).decided_by,
            DecidedBy::kReplay);
}

TEST(UnknownCup, PlaysItsTiesAsTheSourcesNumberThem) {
  const RuleSet cup = default_rules("Copa del Rey", 2024, "Semi-finals");
  // Legs numbered 1 and 2: an aggregate (5-4), not a match and its replay.
  auto two = decide({leg(1, kA, {4, 4}), leg(2, kB, {0, 1})}, cup);
  EXPECT_EQ(two.winner, kA);
  EXPECT_EQ(two.decided_by, DecidedBy::kAggregate);
  EXPECT_EQ(two.aggregate, (Aggregate{5, 4}));
  EXPECT_TRUE(rule_anomalies(TieFacts{kA, kB, {leg(1, kA, {4, 4}), leg(2, kB, {0, 1})}, {}}, cup)
                  .empty());
  // Level on aggregate: no away goals; the second leg's shoot-out.
  auto level = decide({leg(1, kA, {1, 1}), leg(2, kB, {1, 1}, Score{1, 1}, Score{3, 4})}, cup);
  EXPECT_EQ(level.winner, kA);
  EXPECT_EQ(level.decided_by, DecidedBy::kPenalties);
  // One match: decided as one.
  auto one = decide({leg(1, kA, {1, 1}, Score{2, 1})}, cup);
  EXPECT_EQ(one.decided_by, DecidedBy::kExtraTime);
  // A match a source calls a replay is one, after the match it replays.
  Leg replay = leg(2, kB, {0, 2});
  replay.replay = true;
  auto replayed = decide({leg(1, kA, {1, 1}), replay}, cup);
  EXPECT_EQ(replayed.winner, kA);
  EXPECT_EQ(replayed.decided_by, DecidedBy::kReplay);
  EXPECT_EQ(replayed.aggregate, (Aggregate{1, 1}));
}

TEST(DefaultRules, FollowTheShippedHistories) {
  // FA Cup: replays and no shoot-outs until 1991-92; no replays in the final from 1998-99, in
  // the quarter-finals from 2016-17, anywhere from 2024-25.
  EXPECT_EQ(kFaCup1975.legs, 1);
  EXPECT_TRUE(kFaCup1975.replays);
  EXPECT_FALSE(kFaCup1975.penalties);
  EXPECT_FALSE(kFaCup1975.away_goals);
  EXPECT_EQ(kFaCup1975.replay_limit, 0);
  EXPECT_FALSE(kFaCup1975.replay_penalties);
  // From 1991-92 one replay, settled on the day; extra time in the first match only from the
  // semi-finals.
  const RuleSet third_round_1992 = default_rules("FA Cup", 1992, "Third round");
  EXPECT_EQ(third_round_1992.replay_limit, 1);
  EXPECT_FALSE(third_round_1992.extra_time);
  EXPECT_TRUE(third_round_1992.replay_extra_time);
  EXPECT_TRUE(third_round_1992.replay_penalties);
  EXPECT_TRUE(default_rules("FA Cup", 1992, "Final").extra_time);
  EXPECT_FALSE(default_rules("FA Cup", 1992, "Final").penalties);
  EXPECT_TRUE(default_rules("FA Cup", 1992, "Final").replay_penalties);
  EXPECT_TRUE(default_rules("FA Cup", 1997, "Final").replays);
  EXPECT_FALSE(default_rules("FA Cup", 1998, "Final").replays);
  EXPECT_TRUE(default_rules("FA Cup", 2015, "Quarter-finals").replays);
  EXPECT_FALSE(default_rules("FA Cup", 2016, "Quarter-finals").replays);
  EXPECT_TRUE(default_rules("FA Cup", 2016, "Third round").replays);
  EXPECT_FALSE(default_rules("FA Cup", 2021, "Third round").replays);
  EXPECT_TRUE(default_rules("FA Cup", 2021, "First round").replays);
  EXPECT_FALSE(default_rules("FA Cup", 2024, "First round").replays);
  // EFL Cup: two-legged semi-finals, away goals there from 1980-81 to 2017-18; no extra time
  // from 2018-19 but in the final.
  EXPECT_EQ(default_rules("EFL Cup", 1985, "Semi-finals").legs, 2);
  EXPECT_TRUE(default_rules("EFL Cup", 1985, "Semi-finals").away_goals);
  EXPECT_FALSE(default_rules("EFL Cup", 1979, "Semi-finals").away_goals);
  EXPECT_EQ(default_rules("EFL Cup", 1962, "Final").legs, 2);
  EXPECT_EQ(default_rules("EFL Cup", 1967, "Final").legs, 1);
  EXPECT_FALSE(default_rules("EFL Cup", 2019, "Semi-finals").away_goals);
  EXPECT_FALSE(default_rules("EFL Cup", 2019, "Second round").extra_time);
  EXPECT_TRUE(default_rules("EFL Cup", 2019, "Final").extra_time);
  // UEFA: computed; a final is one match, the UEFA Cup's two legs until 1996-97.
  EXPECT_EQ(default_rules("UEFA Champions League", 2014, "Final").legs, 1);
  EXPECT_EQ(default_rules("UEFA Champions League", 2014, "Round of 16").legs, 2);
  EXPECT_EQ(default_rules("UEFA Cup", 1990, "Final").legs, 2);
  EXPECT_EQ(default_rules("UEFA Cup", 1998, "Final").legs, 1);
  EXPECT_TRUE(default_rules("UEFA Champions League", 2014, "Round of 16").away_goals);
  // A national cup nobody described: legs as the sources number them, extra time, penalties.
  const RuleSet unknown = default_rules("Coppa Italia", 2010, "Final");
  EXPECT_EQ(unknown.legs, 0);
  EXPECT_TRUE(unknown.extra_time);
  EXPECT_TRUE(unknown.penalties);
  EXPECT_FALSE(unknown.away_goals);
  EXPECT_FALSE(unknown.replays);
}

// Whether one of `found` contains `text`.
bool says(const std::vector<std::string>& found, const std::string& text) {
  return std::any_of(found.begin(), found.end(),
                     [&](const std::string& f) { return f.find(text) != std::string::npos; });
}

TEST(RuleAnomalies, ReplaysBeyondTheLimitOrSettledAsTheEraDidNot) {
  // FA Cup 1992-93, third round: one replay, settled on the day.
  const RuleSet one_replay = default_rules("FA Cup", 1992, "Third round");
  const Leg first = leg(1, kA, {1, 1});
  const Leg replay = leg(2, kB, {0, 0}, Score{0, 0}, Score{4, 3});
  EXPECT_TRUE(rule_anomalies(TieFacts{kA, kB, {first, replay}, std::nullopt}, one_replay).empty());
  const Leg second_replay = leg(3, kA, {2, 1});
  auto found = rule_anomalies(
      TieFacts{kA, kB, {first, leg(2, kB, {0, 0}, Score{0, 0}), second_replay}, std::nullopt},
      one_replay);
  EXPECT_TRUE(says(found, "the tie has 2 replays; the rules of the era allow 1")) << found.size();
  // A shoot-out in a replay of 1975: replays went on until one had a winner.
  found = rule_anomalies(TieFacts{kA, kB, {first, replay}, std::nullopt}, kFaCup1975);
  EXPECT_TRUE(says(found, "leg 2 is a replay with a penalty shoot-out"));
  // The first match had a winner: a second match of the pairing is no replay of this tie.
  found = rule_anomalies(TieFacts{kA, kB, {leg(1, kA, {2, 0}), leg(2, kB, {1, 1})}, std::nullopt},
                         kFaCup1975);
  EXPECT_TRUE(says(found, "leg 2 is a replay after leg 1, which had a winner"));
  // A replay where the era has none (the FA Cup final from 1998-99).
  found = rule_anomalies(TieFacts{kA, kB, {first, leg(2, kB, {1, 0})}, std::nullopt},
                         default_rules("FA Cup", 2000, "Final"));
  EXPECT_TRUE(says(found, "leg 2 is a replay, which the rules of the era do not have"));
}

TEST(DefaultRules, AUefaFinalWasReplayedUntil1974) {
  const RuleSet final_1974 = default_rules("European Cup", 1973, "Final");
  EXPECT_EQ(final_1974.legs, 1);
  EXPECT_TRUE(final_1974.replays);
  EXPECT_FALSE(final_1974.penalties);
  // 1974: 1-1 after extra time, replayed two days later.
  Leg replay = leg(2, kA, {4, 0});
  EXPECT_TRUE(rule_anomalies(TieFacts{kA, kB, {leg(1, kA, {0, 0}, Score{1, 1}), replay},
                                      std::nullopt},
                             final_1974)
                  .empty());
  EXPECT_FALSE(default_rules("European Cup", 1974, "Final").replays);
  EXPECT_TRUE(default_rules("European Cup", 1974, "Final").penalties);
}

TEST(RuleAnomalies, AUefaPlayOffBeforeShootOutsIsOneMatchThenTheCoin) {
  const RuleSet rules = uefa_rules("European Cup", 1964);
  EXPECT_EQ(rules.replay_limit, 1);
  EXPECT_FALSE(rules.replay_penalties);
  Leg play_off = leg(3, kA, {2, 2}, Score{2, 2});
  play_off.replay = true;
  play_off.neutral_venue = true;
  EXPECT_TRUE(rule_anomalies(TieFacts{kA, kB, {leg(1, kA, {3, 0}), leg(2, kB, {3, 0}), play_off},
                                      kA},
                             rules)
                  .empty());
}

}  // namespace
}  // namespace footballdb
