#include <gtest/gtest.h>

#include <string>

#include "collect.hpp"
#include "import/formats/aggregate_lines.hpp"
#include "import/formats/football_txt.hpp"
#include "import/formats/pairing_table.hpp"
#include "import/formats/result_lines.hpp"

namespace footballdb::import {
namespace {

using test_support::fixture_text;

constexpr const char* kFootballTxt =
    "= UEFA Champions League 2024/25\n\xC2\xBB Round 1\n  Tue Jul/9 2024\n"
    "    17.00  V\xC3\xADkingur (ISL)  v  Shamrock Rovers (IRL)  0-0\n";

TEST(Sniffers, EachSeedIsClaimedByItsOwnParserOnly) {
  const std::string seeds[] = {fixture_text("000_98225e7db66c08bd.txt"),
                               fixture_text("001_18477ec777a99af5.txt"),
                               fixture_text("002_1372deafbd61fe9d.txt")};
  for (std::size_t i = 0; i < 3; ++i) {
    // The whole file, and its first bytes cut mid-line, as a caller peeking at a file would.
    for (const std::string& head : {seeds[i], seeds[i].substr(0, 150)}) {
      EXPECT_EQ(sniff_pairing_table(head), i == 0) << i;
      EXPECT_EQ(sniff_result_lines(head), i == 1) << i;
      EXPECT_EQ(sniff_aggregate_lines(head), i == 2) << i;
    }
  }
}

TEST(Sniffers, ClaimMediaWikiTablesAsPairingTables) {
  for (const char* name : {"pairing_table_wiki_en.txt", "pairing_table_wiki_de.txt",
                           "pairing_table_bbcode_filled.txt"}) {
    const std::string text = fixture_text(name);
    EXPECT_TRUE(sniff_pairing_table(text)) << name;
    EXPECT_FALSE(sniff_result_lines(text)) << name;
    EXPECT_FALSE(sniff_aggregate_lines(text)) << name;
  }
}

TEST(Sniffers, LeaveFootballTxtAlone) {
  EXPECT_FALSE(sniff_pairing_table(kFootballTxt));
  EXPECT_FALSE(sniff_result_lines(kFootballTxt));
  EXPECT_FALSE(sniff_aggregate_lines(kFootballTxt));
}

TEST(Sniffers, ClaimFootballTxtFilesWithoutAMatchYet) {
  // openfootball's files of rounds not played yet: a season header and round headings only.
  EXPECT_TRUE(sniff_football_txt(
      "= UEFA Champions League 2014/15       ## Play-off\n\n\n"
      "Play-off Round - 1st Leg     #  Tu+We 19+20 August 2014\n\n\n"
      "Play-off Round - 2nd Leg     #  Tu+We 26+27 August 2014\n"));
  EXPECT_TRUE(sniff_football_txt(
      "= UEFA Champions League 2014/15    ## Qualifying 3rd Round\n\n# 30 teams\n"
      "## Third qualifying round\n\n3. Round - 1st Leg     # Tu+We 29+30 Jul\n"));
  // No header: the season is in the file's folder name (archive/1950s/1959-60/cup.txt).
  EXPECT_TRUE(sniff_football_txt(
      "\nSemi-finals, 1st leg\n\n[Apr/13]\n  Eintracht Frankfurt   6-1  Rangers FC\n"
      "[Apr/21]\n  Real Madrid    3-1  FC Barcelona\n"));
  // A team list alone (archive/1960s/1961-62/cup.txt).
  EXPECT_TRUE(sniff_football_txt("\nteams:\n- # Benfica (POR)\n- # Real Madrid (ESP)\n"));
  EXPECT_TRUE(sniff_football_txt(kFootballTxt));
}

TEST(Sniffers, LeaveTextWithoutMatchesOrFootballTxtHeadersAlone) {
  // A MediaWiki heading with a season is not a Football.TXT header.
  EXPECT_FALSE(sniff_football_txt("== Season 2012/13 ==\nSome prose here.\n"));
  // A team list under prose headings is not a Football.TXT file.
  EXPECT_FALSE(sniff_football_txt("Our club\nteams:\n- Benfica\n"));
  EXPECT_FALSE(sniff_football_txt("Just prose\nwith no header at all\n"));
  for (const char* name : {"000_98225e7db66c08bd.txt", "001_18477ec777a99af5.txt",
                           "002_1372deafbd61fe9d.txt", "pairing_table_wiki_en.txt",
                           "pairing_table_wiki_de.txt", "pairing_table_bbcode_filled.txt"}) {
    EXPECT_FALSE(sniff_football_txt(fixture_text(name))) << name;
  }
}

}  // namespace
}  // namespace footballdb::import
