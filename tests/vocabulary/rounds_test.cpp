#include "vocabulary/rounds.hpp"

#include <gtest/gtest.h>

#include <string>

namespace footballdb::vocabulary {
namespace {

std::string name_of(std::string_view raw) {
  const auto round = canonical_round(raw);
  return round ? round->name : "<unknown>";
}

int order_of(std::string_view raw) { return canonical_round(raw).value().order; }

TEST(CanonicalRound, ReadsGermanQualifyingRoundsHoweverWritten) {
  for (const char* raw : {"2.Qualifikationsrunde", "2. Qualifikationsrunde", "Qualifikation 2. Runde",
                          "zweite Qualifikationsrunde", "Second Qualifying Round", "Q2", "Q-2",
                          "2nd qualifying round", "second qualifying round", "Qualifying round 2"}) {
    EXPECT_EQ(name_of(raw), "Second qualifying round") << raw;
  }
  EXPECT_EQ(name_of("1. Qualifikationsrunde"), "First qualifying round");
  EXPECT_EQ(name_of("Q-1"), "First qualifying round");
  EXPECT_EQ(name_of("3rd Qualifying Round"), "Third qualifying round");
  EXPECT_EQ(name_of("Q-3"), "Third qualifying round");
}

TEST(CanonicalRound, ReadsKnockoutStagesInEnglishAndGerman) {
  EXPECT_EQ(name_of("Achtelfinale"), "Round of 16");
  EXPECT_EQ(name_of("Round of 16"), "Round of 16");
  EXPECT_EQ(name_of("R16"), "Round of 16");
  EXPECT_EQ(name_of("Sechzehntelfinale"), "Round of 32");
  EXPECT_EQ(name_of("round of 32"), "Round of 32");
  EXPECT_EQ(name_of("Viertelfinale"), "Quarter-finals");
  EXPECT_EQ(name_of("Quarter-finals"), "Quarter-finals");
  EXPECT_EQ(name_of("QF"), "Quarter-finals");
  EXPECT_EQ(name_of("Halbfinale"), "Semi-finals");
  EXPECT_EQ(name_of("Semi\xE2\x80\x93" "finals"), "Semi-finals");  // en dash
  EXPECT_EQ(name_of("SEMI-FINALS"), "Semi-finals");
  EXPECT_EQ(name_of("semifinal"), "Semi-finals");
  EXPECT_EQ(name_of("SF"), "Semi-finals");
  EXPECT_EQ(name_of("Endspiel"), "Final");
  EXPECT_EQ(name_of("Finale"), "Final");
  EXPECT_EQ(name_of("final"), "Final");
  EXPECT_EQ(name_of("Play-off round"), "Play-off round");
  EXPECT_EQ(name_of("Playoffs"), "Play-off round");
  EXPECT_EQ(name_of("Q-PO"), "Play-off round");
  EXPECT_EQ(name_of("Knockout round play-offs"), "Knockout round play-offs");
  EXPECT_EQ(name_of("League phase"), "League phase");
  EXPECT_EQ(name_of("Preliminary round"), "Preliminary round");
  EXPECT_EQ(name_of("prelim"), "Preliminary round");
}

TEST(CanonicalRound, KeepsTheIntertotoFinalsApartFromAFinal) {
  EXPECT_EQ(name_of("Finals"), "Finals");
  EXPECT_EQ(name_of("Final"), "Final");
  EXPECT_EQ(order_of("Finals"), order_of("Final"));
}

TEST(CanonicalRound, ReadsNumberedRoundsAndEngsoccerdataCodes) {
  EXPECT_EQ(name_of("Round 1"), "First round");
  EXPECT_EQ(name_of("Round1"), "First round");
  EXPECT_EQ(name_of("Round2"), "Second round");
  EXPECT_EQ(name_of("Third round"), "Third round");
  EXPECT_EQ(name_of("2. Runde"), "Second round");
  EXPECT_EQ(name_of("GroupA"), "Group stage");
  EXPECT_EQ(name_of("GroupB-inter"), "Group stage");
  EXPECT_EQ(name_of("Group stage"), "Group stage");
  EXPECT_EQ(name_of("Gruppenphase"), "Group stage");
}

TEST(CanonicalRound, ReadsTheRoundsOfNationalCupsInTheirLanguages) {
  for (const char* raw : {"Huitièmes de finale", "8es de finale", "Octavos de final", "Octavos",
                          "1/8 Final", "1/8 Finale", "Achtelfinale", "Achtste finales"}) {
    EXPECT_EQ(name_of(raw), "Round of 16") << raw;
  }
  for (const char* raw : {"Seizièmes de finale", "Dieciseisavos de final", "1/16 Final"}) {
    EXPECT_EQ(name_of(raw), "Round of 32") << raw;
  }
  EXPECT_EQ(name_of("32es de finale"), "Round of 64");
  for (const char* raw : {"Quarts de finale", "Cuartos de final", "Kwartfinale", "1/4 Final"}) {
    EXPECT_EQ(name_of(raw), "Quarter-finals") << raw;
  }
  for (const char* raw : {"Demi-finales", "Semifinales", "Meias-finais", "Halve finale"}) {
    EXPECT_EQ(name_of(raw), "Semi-finals") << raw;
  }
  // Numbered rounds up to the twelfth, ordered before the last 64; preliminary rounds first.
  EXPECT_EQ(name_of("Round 7"), "Seventh round");
  EXPECT_EQ(name_of("10. Runde"), "Tenth round");
  EXPECT_EQ(name_of("1. Vorrunde"), "First preliminary round");
  EXPECT_LT(order_of("Round 4"), order_of("Round 5"));
  EXPECT_LT(order_of("Round 9"), order_of("Round 12"));
  EXPECT_LT(order_of("Twelfth round"), order_of("Group stage"));
  EXPECT_LT(order_of("2. Vorrunde"), order_of("First qualifying round"));
  EXPECT_LT(order_of("Round of 64"), order_of("Round of 32"));
}

TEST(CanonicalRound, OrdersStagesWithinASeason) {
  const char* in_order[] = {"Preliminary round", "Q1", "Q2", "Q3", "Play-off round", "Round 1",
                            "Round 2", "Round 3", "Group stage", "Knockout round play-offs",
                            "Round of 32", "Round of 16", "Quarter-finals", "Semi-finals", "Final"};
  for (std::size_t i = 1; i < std::size(in_order); ++i) {
    EXPECT_LT(order_of(in_order[i - 1]), order_of(in_order[i])) << in_order[i];
  }
}

TEST(CanonicalRound, TellsGroupsFromKnockoutRounds) {
  EXPECT_FALSE(canonical_round("Group stage")->knockout);
  EXPECT_FALSE(canonical_round("League phase")->knockout);
  EXPECT_TRUE(canonical_round("Q2")->knockout);
  EXPECT_TRUE(canonical_round("Final")->knockout);
}

TEST(CanonicalRound, NeverGuessesAnUnknownName) {
  for (const char* raw : {"", "Qualifikationsrunde", "Fourth qualifying round", "Round 16",
                          "Hinspiel", "PrelimF", "Zwischenrunde", "FK Gomel", "2012-13"}) {
    EXPECT_FALSE(canonical_round(raw)) << raw;
  }
}

TEST(FindRoundName, PicksTheRoundOutOfProse) {
  EXPECT_EQ(find_round_name("Hier die Paarungen der 2.Qualifikationsrunde:"), "2.Qualifikationsrunde");
  EXPECT_EQ(find_round_name("Auslosung zur Qualifikation 2. Runde:"), "Qualifikation 2. Runde");
  EXPECT_EQ(find_round_name("=== Second qualifying round ==="), "Second qualifying round");
  EXPECT_EQ(find_round_name("Third qualifying round, first legs on 2 August:"),
            "Third qualifying round");
  EXPECT_FALSE(find_round_name("Die Auslosung fand in Nyon statt."));
  EXPECT_FALSE(find_round_name("Halbfinale und Finale"));  // two rounds: which one?
}

}  // namespace
}  // namespace footballdb::vocabulary
