#include "vocabulary/competition_names.hpp"

#include <gtest/gtest.h>

#include "footballdb/rules.hpp"

namespace footballdb::vocabulary {
namespace {

TEST(CanonicalCompetition, NamesTheEuropeanCupByItsEra) {
  EXPECT_EQ(canonical_competition("Champions League", 1985), "European Cup");
  EXPECT_EQ(canonical_competition("European Champion Clubs' Cup", 1960), "European Cup");
  EXPECT_EQ(canonical_competition("European Cup", 2001), "UEFA Champions League");
  bool qualifying = false;
  EXPECT_EQ(canonical_competition("UEFA Europa League - Quali", 2012, &qualifying),
            "UEFA Europa League");
  EXPECT_TRUE(qualifying);
}

// National cups as openfootball's headers and other sources name them: one competition each.
TEST(CanonicalCompetition, NamesANationalCupAsSourcesDo) {
  EXPECT_EQ(canonical_competition("DFB Pokal", 2024), "DFB-Pokal");
  EXPECT_EQ(canonical_competition("German Cup", 2024), "DFB-Pokal");
  EXPECT_EQ(canonical_competition("Spanish Copa del Rey", 2024), "Copa del Rey");
  EXPECT_EQ(canonical_competition("Copa del Rey de España", 2024), "Copa del Rey");
  EXPECT_EQ(canonical_competition("Italy Coppa Italia", 2024), "Coppa Italia");
  EXPECT_EQ(canonical_competition("Scottish FA Cup", 1990), "Scottish Cup");
  EXPECT_EQ(canonical_competition("English FA Cup", 1990), "FA Cup");
  EXPECT_EQ(canonical_competition("Portuguese Taça de Portugal", 2024), "Taça de Portugal");
}

TEST(UefaCompetition, IsTheCompetitionNotAWordOfItsName) {
  EXPECT_EQ(uefa_competition("Champions League", 2010), UefaCompetition::kEuropeanCup);
  EXPECT_EQ(uefa_competition("European Champion Clubs' Cup", 1966), UefaCompetition::kEuropeanCup);
  EXPECT_EQ(uefa_competition("European Cup Winners' Cup", 1966), UefaCompetition::kOther);
  EXPECT_EQ(uefa_competition("Europa League", 2012), UefaCompetition::kOther);
  EXPECT_EQ(uefa_competition("UEFA Youth League", 2015), UefaCompetition::kOther);
  // Another confederation's champions league, and a national cup, are not UEFA's.
  EXPECT_EQ(uefa_competition("AFC Champions League", 2010), UefaCompetition::kNone);
  EXPECT_EQ(uefa_competition("CAF Champions League", 2010), UefaCompetition::kNone);
  EXPECT_EQ(uefa_competition("DFB-Pokal", 2010), UefaCompetition::kNone);
}

TEST(UefaCompetition, GivesTheRulesOfTheCompetitionAsSourcesNameIt) {
  // Away goals: the Cup Winners' Cup from 1965-66, the European Cup from 1967-68.
  EXPECT_TRUE(uefa_rules("European Cup Winners' Cup", 1965).away_goals);
  EXPECT_FALSE(uefa_rules("European Champion Clubs' Cup", 1966).away_goals);
  EXPECT_FALSE(default_rules("Champions League", 1966).away_goals);
  EXPECT_TRUE(default_rules("Cup Winners' Cup", 1966).away_goals);
  EXPECT_EQ(default_rules("European Cup Winners' Cup", 1980).legs, 2);
}

}  // namespace
}  // namespace footballdb::vocabulary
