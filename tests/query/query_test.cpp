#include <gtest/gtest.h>

#include <algorithm>

#include "footballdb/footballdb.hpp"
#include "testing.hpp"

namespace footballdb {
namespace {

using testing::data_path;

// A database holding the 2012-13 Europa League second qualifying round and tests/data/json/cases.json.
class Queries : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = new Database(Database::open(":memory:"));
    import_files(*db_, {data_path("json/uefa-europa-league-2012-13-q2.json"),
                        data_path("json/cases.json")});
  }
  static void TearDownTestSuite() { delete db_; }
  static ClubId club(const std::string& name) { return db_->require_club(name).id; }
  static Database* db_;
};
Database* Queries::db_ = nullptr;

TEST_F(Queries, TiesOfAClubPutTheClubFirst) {
  TieFilter filter;
  filter.club = club("Zhetysu Taldykorgan");
  auto ties = db_->ties(filter);
  ASSERT_EQ(ties.size(), 1u);
  const Tie& t = ties[0];
  EXPECT_EQ(t.club_a->name, "FC Zhetysu Taldykorgan");  // the registry's canonical names
  EXPECT_EQ(t.club_b->name, "KKS Lech Poznań");
  EXPECT_EQ(t.outcome.aggregate, (Aggregate{1, 3}));
  EXPECT_EQ(t.winner->name, "KKS Lech Poznań");
  EXPECT_EQ(t.outcome.decided_by, DecidedBy::kAggregate);
  ASSERT_EQ(t.legs.size(), 2u);
  EXPECT_EQ(t.legs[0].date->to_string(), "2012-07-05");
  EXPECT_EQ(t.legs[0].kickoff->to_string(), "19:00");
  EXPECT_EQ(t.legs[1].date->to_string(), "2012-07-12");
  EXPECT_EQ(t.legs[1].kickoff->to_string(), "13:00");
  ASSERT_EQ(t.stated.size(), 1u);
  EXPECT_FALSE(t.disagreement);
  ASSERT_EQ(t.legs[0].evidence.size(), 1u);
  EXPECT_NE(t.legs[0].evidence[0].path.find("uefa-europa-league-2012-13-q2.json"),
            std::string::npos);
}

TEST_F(Queries, StPatricksWentThroughOnAnAwayGoalInExtraTime) {
  TieFilter filter;
  filter.club = club("St Patrick’s Athletic");
  filter.opponent = club("ÍBV Vestmannaeyjar");
  auto ties = db_->ties(filter);
  ASSERT_EQ(ties.size(), 1u);
  EXPECT_EQ(ties[0].outcome.aggregate, (Aggregate{2, 2}));
  EXPECT_EQ(ties[0].outcome.decided_by, DecidedBy::kAwayGoals);
  EXPECT_TRUE(ties[0].outcome.extra_time);
  EXPECT_EQ(ties[0].winner->name, "St Patrick's Athletic FC");
}

TEST_F(Queries, FiltersByCompetitionSeasonAndRound) {
  TieFilter filter;
  filter.competition = "uefa europa league";
  filter.season = "2012/13";
  EXPECT_EQ(db_->ties(filter).size(), 38u);
  filter.round = "second qualifying round";
  EXPECT_EQ(db_->ties(filter).size(), 37u);
  filter.season = "2011-12";
  EXPECT_TRUE(db_->ties(filter).empty());
  filter.season = "last year";
  EXPECT_THROW(db_->ties(filter), Error);
}

TEST_F(Queries, TiesComeInSeasonAndRoundOrder) {
  auto ties = db_->ties();
  ASSERT_EQ(ties.size(), 40u);
  EXPECT_EQ(ties.front().season, "1958-59");
  EXPECT_EQ(ties[1].season, "2007-08");
  EXPECT_EQ(ties.back().round, "Round of 16");
}

TEST_F(Queries, FixturesOnADay) {
  FixtureFilter filter;
  filter.from = filter.to = Date::parse("2012-07-03");
  auto legs = db_->fixtures(filter);
  ASSERT_EQ(legs.size(), 2u);
  // "Víkingur" may be Víkingur Gøta or Víkingur Reykjavík: it has a club of its own, for review.
  EXPECT_EQ(legs[0].leg.home.name, "Víkingur");
  EXPECT_EQ(legs[0].leg.away.name, "FC Gomel");
  EXPECT_EQ(legs[1].leg.home.name, "FK Shkëndija 79");
  EXPECT_EQ(legs[0].round, "Second qualifying round");
  EXPECT_EQ(legs[0].leg.number, 1);
}

TEST_F(Queries, FixturesInARangeForAClub) {
  FixtureFilter filter;
  filter.from = Date::parse("2012-07-01");
  filter.to = Date::parse("2012-07-31");
  EXPECT_EQ(db_->fixtures(filter).size(), 74u);
  filter.club = club("Lech Poznań");
  auto legs = db_->fixtures(filter);
  ASSERT_EQ(legs.size(), 2u);
  EXPECT_EQ(legs[1].leg.home.name, "FC Zhetysu Taldykorgan");
}

TEST_F(Queries, NextAndPreviousFixture) {
  const ClubId lech = club("Lech Poznań");
  auto next = db_->next_fixture(lech, *Date::parse("2012-07-06"));
  ASSERT_TRUE(next);
  EXPECT_EQ(next->leg.date->to_string(), "2012-07-12");
  auto same_day = db_->next_fixture(lech, *Date::parse("2012-07-05"));
  EXPECT_EQ(same_day->leg.date->to_string(), "2012-07-05");
  auto previous = db_->previous_fixture(lech, *Date::parse("2012-07-12"));
  ASSERT_TRUE(previous);
  EXPECT_EQ(previous->leg.date->to_string(), "2012-07-05");
  EXPECT_FALSE(db_->next_fixture(lech, *Date::parse("2012-07-13")));
  EXPECT_FALSE(db_->previous_fixture(lech, *Date::parse("2012-07-05")));
}

TEST_F(Queries, ResolveLayers) {
  auto exact = db_->resolve("Tottenham");
  ASSERT_EQ(exact.status, ResolveStatus::kResolved);
  EXPECT_EQ(exact.club->name, "Tottenham Hotspur FC");
  EXPECT_EQ(exact.method, "exact");
  auto normalized = db_->resolve("ST PATRICK’S ATHLETIC");
  ASSERT_TRUE(normalized.club);
  EXPECT_EQ(normalized.club->name, "St Patrick's Athletic FC");
  EXPECT_EQ(normalized.method, "normalized");
  auto folded = db_->resolve("Lech Poznan");
  ASSERT_TRUE(folded.club);
  EXPECT_EQ(folded.club->name, "KKS Lech Poznań");
  EXPECT_EQ(folded.method, "folded");
  auto exonym = db_->resolve("Lech Posen");
  ASSERT_TRUE(exonym.club);
  EXPECT_EQ(exonym.club->name, "KKS Lech Poznań");
  EXPECT_EQ(exonym.method, "exonym");
  auto ambiguous = db_->resolve("Santa Coloma");
  EXPECT_EQ(ambiguous.status, ResolveStatus::kAmbiguous);
  EXPECT_FALSE(ambiguous.club);
  ASSERT_EQ(ambiguous.candidates.size(), 2u);
  EXPECT_EQ(ambiguous.candidates[0].club.name, "FC Santa Coloma");
  EXPECT_EQ(ambiguous.candidates[1].club.name, "UE Santa Coloma");
  auto unknown = db_->resolve("Nowhere Rovers");
  EXPECT_EQ(unknown.status, ResolveStatus::kUnknown);
  EXPECT_FALSE(unknown.club);
  EXPECT_THROW(db_->require_club("Santa Coloma"), Error);
  EXPECT_THROW(db_->require_club("Nowhere Rovers"), Error);
}

TEST_F(Queries, ClubsKeepEverySpellingWithItsLanguage) {
  // cases.json declares "Inter" of ITA with more spellings: they join the registry's club.
  auto inter = db_->club(club("Inter Mediolan"));
  ASSERT_TRUE(inter);
  EXPECT_EQ(inter->name, "FC Internazionale Milano");
  auto spelling = std::find_if(inter->names.begin(), inter->names.end(),
                               [](const ClubName& n) { return n.name == "Inter Mediolan"; });
  ASSERT_NE(spelling, inter->names.end());
  EXPECT_EQ(spelling->lang, "pl");
  EXPECT_NE(spelling->origin.value_or("").find("cases.json"), std::string::npos);
  auto coloma = db_->find_clubs("santa coloma");
  ASSERT_GE(coloma.size(), 2u);
  for (const Club& c : coloma) EXPECT_EQ(c.country, "AND") << c.name;
}

TEST_F(Queries, StatedWinnerThatDisagreesIsFlaggedNotApplied) {
  TieFilter filter;
  filter.club = club("Tottenham");
  auto ties = db_->ties(filter);
  ASSERT_EQ(ties.size(), 1u);
  EXPECT_EQ(ties[0].winner->name, "Tottenham Hotspur FC");
  EXPECT_EQ(ties[0].outcome.decided_by, DecidedBy::kAwayGoals);
  EXPECT_TRUE(ties[0].disagreement);
  EXPECT_EQ(ties[0].stated[0].winner->name, "FC Internazionale Milano");
}

TEST_F(Queries, SingleMatchFinalAndReplay) {
  TieFilter final;
  final.club = club("Chelsea");
  auto moscow = db_->ties(final);
  ASSERT_EQ(moscow.size(), 1u);
  EXPECT_EQ(moscow[0].winner->name, "Manchester United FC");
  EXPECT_EQ(moscow[0].outcome.decided_by, DecidedBy::kPenalties);
  EXPECT_TRUE(moscow[0].legs[0].neutral_venue);

  TieFilter semi;
  semi.club = club("Atlético Madrid");
  auto madrid = db_->ties(semi);
  ASSERT_EQ(madrid.size(), 1u);
  EXPECT_EQ(madrid[0].winner->name, "Real Madrid");
  EXPECT_EQ(madrid[0].outcome.decided_by, DecidedBy::kReplay);
  EXPECT_EQ(madrid[0].outcome.aggregate, (Aggregate{2, 2}));
  EXPECT_TRUE(madrid[0].legs[2].replay);
}

TEST(Rules, ACompetitionsOwnRulesRecomputeItsTies) {
  Database db = Database::open(":memory:");
  import_files(db, {data_path("json/uefa-europa-league-2012-13-q2.json")});
  EXPECT_EQ(db.rules("UEFA Europa League", "2012-13"), uefa_rules("UEFA Europa League", 2012));
  RuleSet cup = uefa_rules("UEFA Europa League", 2012);
  cup.away_goals_extra_time = false;
  db.set_rules("UEFA Europa League", "2012-13", cup);
  EXPECT_EQ(db.rules("UEFA Europa League", "2013-14"), cup);
  EXPECT_EQ(db.rules("UEFA Europa League", "2011-12"), uefa_rules("UEFA Europa League", 2011));
  TieFilter filter;
  filter.club = db.require_club("St Patrick's Athletic").id;
  auto ties = db.ties(filter);
  ASSERT_EQ(ties.size(), 1u);
  // Without the extra-time away goal the tie is level and no shoot-out is on record.
  EXPECT_FALSE(ties[0].winner);
  EXPECT_TRUE(ties[0].disagreement == false);
  db.set_rules("UEFA Europa League", "2012-13", uefa_rules("UEFA Europa League", 2012));
  EXPECT_EQ(db.ties(filter)[0].winner->name, "St Patrick's Athletic FC");
  EXPECT_EQ(db.recompute_outcomes(), 0);
}

}  // namespace
}  // namespace footballdb
