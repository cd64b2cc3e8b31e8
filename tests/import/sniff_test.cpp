#include <gtest/gtest.h>

#include <string>

#include "collect.hpp"
#include "import/formats/aggregate_lines.hpp"
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

}  // namespace
}  // namespace footballdb::import
