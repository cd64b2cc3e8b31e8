#include "import/formats/pairing_table.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "collect.hpp"

namespace footballdb::import {
namespace {

using test_support::collect_fixture;
using test_support::collect_text;
using test_support::input_error_of;

constexpr const char* kSeed = "000_98225e7db66c08bd.txt";

struct Pairing {
  int number;
  int line;  // of the left club's name
  const char* club_a;
  const char* club_b;
};

// Every row of the seed, in file order.
const Pairing kSeedPairings[] = {
    {1, 11, "FK İnter Baku", "JK Trans Narva"},
    {2, 21, "FK Senica", "MTK Budapest FC"},
    {3, 31, "KF Tirana", "CS Grevenmacher"},
    {4, 41, "Torpedo Kutaissi", "FK Aqtöbe"},
    {5, 51, "FK Borac Banja Luka", "FK Čelik Nikšić"},
    {6, 61, "FK Baku", "ND Mura 05"},
    {7, 71, "IF Elfsborg", "FC Floriana"},
    {8, 81, "FK Renova Džepčište", "AC Libertas"},
    {9, 91, "FC Santa Coloma", "NK Osijek"},
    {10, 101, "FK Jagodina", "Ordabassy Schymkent"},
    {11, 111, "FC Differdange 03", "NSÍ Runavík"},
    {12, 121, "Rosenborg Trondheim", "Crusaders FC"},
    {13, 131, "Myllykosken Pallo -47", "Cefn Druids"},
    {14, 141, "FC Šiauliai", "FC Levadia Tallinn"},
    {15, 151, "Bohemians Dublin", "Þór Akureyri"},
    {16, 161, "FK Sarajevo", "Hibernians Paola"},
    {17, 171, "FC Twente Enschede", "UE Santa Coloma"},
    {18, 181, "FK Rudar Pljevlja", "FC Schirak Gjumri"},
    {19, 191, "KS Flamurtari Vlora", "Honvéd Budapest"},
    {20, 201, "FC Dacia Chișinău", "NK Celje"},
    {21, 211, "Sūduva Marijampolė", "FC Daugava"},
    {22, 221, "Kuopio PS", "AFC Llanelli"},
    {23, 231, "Kalmar FF", "Cliftonville FC"},
    {24, 241, "Víkingur Gøta", "FC Gomel"},
    {25, 251, "FH Hafnarfjörður", "USV Eschen-Mauren"},
    {26, 261, "Lech Posen", "Schetissu Taldyqorghan"},
    {27, 271, "FK Xəzər Lənkəran", "JK Nõmme Kalju"},
    {28, 281, "FC Birkirkara", "FK Metalurg Skopje"},
    {29, 291, "FK Zeta Golubovci", "FC Pjunik Jerewan"},
    {30, 301, "KS Teuta Durrës", "Metalurgi Rustawi"},
    {31, 311, "NK Olimpija Ljubljana", "Jeunesse Esch"},
    {32, 321, "EB/Streymur", "Gandsassar Kapan"},
    {33, 331, "St Patrick’s Athletic", "ÍB Vestmannaeyja"},
    {34, 341, "Liepājas Metalurgs", "SP La Fiorita"},
    {35, 351, "JJK Jyväskylä", "Stabæk Fotball"},
    {36, 361, "Zimbru Chișinău", "Bangor City"},
    {37, 371, "FK Škendija 79", "FC Portadown"},
};

TEST(PairingTable, ReadsEveryRowOfTheSeed) {
  const auto got = collect_fixture(parse_pairing_table, kSeed);
  ASSERT_EQ(got.rounds.size(), 1u);
  EXPECT_EQ(got.rounds[0].context.round, "2.Qualifikationsrunde");
  EXPECT_EQ(got.rounds[0].where.to_string(), std::string(kSeed) + ":1:24");
  EXPECT_FALSE(got.rounds[0].inferred);
  EXPECT_EQ(got.rounds[0].knockout, true);
  EXPECT_TRUE(got.legs.empty());  // the score cells are empty
  ASSERT_EQ(got.ties.size(), std::size(kSeedPairings));
  ASSERT_EQ(got.all.size(), 1 + std::size(kSeedPairings));
  for (std::size_t i = 0; i < std::size(kSeedPairings); ++i) {
    const Pairing& p = kSeedPairings[i];
    const TieRecord& t = got.ties[i];
    SCOPED_TRACE(p.club_a);
    EXPECT_EQ(t.number, p.number);
    EXPECT_EQ(t.where.to_string(), std::string(kSeed) + ":" + std::to_string(p.line) + ":1");
    EXPECT_EQ(t.club_a, p.club_a);  // trailing space trimmed
    EXPECT_EQ(t.club_b, p.club_b);
    EXPECT_EQ(t.context.round, "2.Qualifikationsrunde");
    EXPECT_FALSE(t.stated_aggregate);
    EXPECT_FALSE(t.stated_decided_by);
    EXPECT_FALSE(t.stated_winner);
  }
  EXPECT_EQ(got.ties[0].club_a, "FK \xC4\xB0nter Baku");  // Turkish dotted capital I
  EXPECT_EQ(got.ties[35].club_a, "Zimbru Chi\xC8\x99in\xC4\x83u");  // s with comma below
}

struct ExpectedLeg {
  int leg_number;
  const char* home;
  const char* away;
  std::optional<Score> full_time;
  std::optional<Score> extra_time;
  std::optional<Score> penalties;
};

void expect_leg(const LegRecord& leg, const ExpectedLeg& e, std::optional<int> tie_number) {
  SCOPED_TRACE(std::string(e.home) + " v " + e.away);
  EXPECT_EQ(leg.leg_number, e.leg_number);
  EXPECT_EQ(leg.tie_number, tie_number);
  EXPECT_EQ(leg.home, e.home);
  EXPECT_EQ(leg.away, e.away);
  EXPECT_EQ(leg.status, LegStatus::kPlayed);
  EXPECT_EQ(leg.full_time, e.full_time);
  EXPECT_EQ(leg.extra_time, e.extra_time);
  EXPECT_EQ(leg.penalties, e.penalties);
  EXPECT_FALSE(leg.half_time);
  EXPECT_FALSE(leg.date);
}

TEST(PairingTable, ReadsFilledBBCodeTablesInGermanAndEnglish) {
  const auto got = collect_fixture(parse_pairing_table, "pairing_table_bbcode_filled.txt");
  ASSERT_EQ(got.rounds.size(), 2u);
  EXPECT_EQ(got.rounds[0].context.round, "2. Qualifikationsrunde");
  EXPECT_EQ(got.rounds[1].context.round, "third qualifying round");
  EXPECT_EQ(got.rounds[1].where.line, 34);
  ASSERT_EQ(got.ties.size(), 5u);
  ASSERT_EQ(got.legs.size(), 9u);

  // Gesamt, (number), Hinspiel, Rückspiel: the number stands where the aggregate would.
  EXPECT_EQ(got.ties[0].number, 1);
  EXPECT_EQ(got.ties[0].club_a, "JK Narva Trans");
  EXPECT_EQ(got.ties[0].club_b, "FK \xC4\xB0nter Baku");
  EXPECT_FALSE(got.ties[0].stated_aggregate);
  expect_leg(got.legs[0], {1, "JK Narva Trans", "FK \xC4\xB0nter Baku", Score{0, 5}, {}, {}}, 1);
  expect_leg(got.legs[1], {2, "FK \xC4\xB0nter Baku", "JK Narva Trans", Score{2, 0}, {}, {}}, 1);

  // Cells inline on one line; "1:2 n.V." is left:right after extra time.
  EXPECT_EQ(got.ties[1].number, 30);
  EXPECT_EQ(got.ties[1].club_a, "St Patrick\xE2\x80\x99s Athletic");
  EXPECT_EQ(got.ties[1].where.to_string(), "pairing_table_bbcode_filled.txt:20:20");
  expect_leg(got.legs[3], {2, "\xC3\x8D" "BV Vestmannaeyjar", "St Patrick\xE2\x80\x99s Athletic",
                           std::nullopt, Score{2, 1}, {}}, 30);

  // [B] markup dropped; "-:-" is a leg not yet played.
  EXPECT_EQ(got.ties[2].club_a, "Birkirkara FC");
  expect_leg(got.legs[4], {1, "Birkirkara FC", "FK Metalurg Skopje", Score{2, 2}, {}, {}}, 17);

  // Team 1, Agg., Team 2, 1st leg, 2nd leg.
  EXPECT_FALSE(got.ties[3].number);
  EXPECT_EQ(got.ties[3].club_a, "FK Senica");
  EXPECT_EQ(got.ties[3].stated_aggregate, (Aggregate{2, 3}));
  EXPECT_EQ(got.ties[3].stated_decided_by, DecidedBy::kAggregate);
  EXPECT_EQ(got.ties[3].context.round, "third qualifying round");
  expect_leg(got.legs[5], {1, "FK Senica", "FK Aktobe", Score{2, 1}, {}, {}}, std::nullopt);
  expect_leg(got.legs[6], {2, "FK Aktobe", "FK Senica", Score{2, 0}, {}, {}}, std::nullopt);
  EXPECT_EQ(got.ties[4].stated_aggregate, (Aggregate{2, 2}));
  EXPECT_EQ(got.ties[4].stated_decided_by, DecidedBy::kPenalties);
  expect_leg(got.legs[8], {2, "Club B", "Club A", std::nullopt, Score{1, 1}, {}}, std::nullopt);

  // Source order: each tie, then its legs.
  EXPECT_TRUE(std::holds_alternative<RoundRecord>(got.all[0]));
  EXPECT_TRUE(std::holds_alternative<TieRecord>(got.all[1]));
  EXPECT_TRUE(std::holds_alternative<LegRecord>(got.all[2]));
  EXPECT_TRUE(std::holds_alternative<LegRecord>(got.all[3]));
  EXPECT_TRUE(std::holds_alternative<TieRecord>(got.all[4]));
}

TEST(PairingTable, ReadsEnglishMediaWikiMarkup) {
  const auto got = collect_fixture(parse_pairing_table, "pairing_table_wiki_en.txt");
  ASSERT_EQ(got.rounds.size(), 1u);
  EXPECT_EQ(got.rounds[0].context.round, "Second qualifying round");
  ASSERT_EQ(got.ties.size(), 4u);
  ASSERT_EQ(got.legs.size(), 8u);
  // Links read as their labels; flags, bold and references dropped.
  EXPECT_EQ(got.ties[0].club_a, "V\xC3\xADkingur");
  EXPECT_EQ(got.ties[0].club_b, "Gomel");
  EXPECT_EQ(got.ties[0].stated_aggregate, (Aggregate{0, 10}));
  expect_leg(got.legs[0], {1, "V\xC3\xADkingur", "Gomel", Score{0, 6}, {}, {}}, std::nullopt);
  expect_leg(got.legs[1], {2, "Gomel", "V\xC3\xADkingur", Score{4, 0}, {}, {}}, std::nullopt);

  EXPECT_EQ(got.ties[1].club_a, "St Patrick's Athletic");
  EXPECT_EQ(got.ties[1].club_b, "\xC3\x8D" "BV");
  EXPECT_EQ(got.ties[1].stated_aggregate, (Aggregate{2, 2}));
  EXPECT_EQ(got.ties[1].stated_decided_by, DecidedBy::kAwayGoals);
  expect_leg(got.legs[3], {2, "\xC3\x8D" "BV", "St Patrick's Athletic", std::nullopt, Score{2, 1}, {}},
             std::nullopt);

  // A row written one cell per line.
  EXPECT_EQ(got.ties[2].club_a, "Twente");
  EXPECT_EQ(got.ties[2].club_b, "UE Santa Coloma");
  EXPECT_EQ(got.ties[2].where.to_string(), "pairing_table_wiki_en.txt:15:30");
  EXPECT_EQ(got.legs[5].where.line, 19);
  expect_leg(got.legs[5], {2, "UE Santa Coloma", "Twente", Score{0, 3}, {}, {}}, std::nullopt);

  EXPECT_EQ(got.ties[3].club_b, "Metalurg Skopje");
}

TEST(PairingTable, ReadsGermanMediaWikiMarkup) {
  const auto got = collect_fixture(parse_pairing_table, "pairing_table_wiki_de.txt");
  ASSERT_EQ(got.rounds.size(), 2u);
  EXPECT_EQ(got.rounds[0].context.round, "2. Qualifikationsrunde");
  EXPECT_EQ(got.rounds[1].context.round, "3. Qualifikationsrunde");
  ASSERT_EQ(got.ties.size(), 4u);
  EXPECT_EQ(got.ties[0].number, 1);
  EXPECT_EQ(got.ties[1].club_a, "St. Patrick\xE2\x80\x99s Athletic");
  ASSERT_EQ(got.legs.size(), 7u);
  expect_leg(got.legs[3], {2, "\xC3\x8D" "BV Vestmannaeyjar", "St. Patrick\xE2\x80\x99s Athletic",
                           std::nullopt, Score{2, 1}, {}}, 30);
  // Gesamt between the clubs; "1:1 n. V., 4:3 i. E." turned into home-away order.
  EXPECT_EQ(got.ties[2].context.round, "3. Qualifikationsrunde");
  EXPECT_EQ(got.ties[2].stated_aggregate, (Aggregate{2, 2}));
  EXPECT_EQ(got.ties[2].stated_decided_by, DecidedBy::kPenalties);
  expect_leg(got.legs[5], {2, "Club B", "Club A", std::nullopt, Score{1, 1}, Score{3, 4}},
             std::nullopt);
  // Empty aggregate and second-leg cells: one leg known.
  EXPECT_FALSE(got.ties[3].stated_aggregate);
  expect_leg(got.legs[6], {1, "Club C", "Club D", Score{3, 1}, {}, {}}, std::nullopt);
}

TEST(PairingTable, ReportsRowsAndTagsThatDoNotRead) {
  const std::string head = "[TABLE][TR][TH]Gesamt[/TH][TH][/TH][TH]Hinspiel[/TH][TH]R\xC3\xBC" "ckspiel[/TH][/TR]\n";
  EXPECT_EQ(input_error_of(parse_pairing_table,
                           head + "[TR][TD]A[/TD][TD](1)[/TD][TD]B[/TD][TD]2:x[/TD][TD][/TD][/TR]\n"
                                  "[/TABLE]",
                           "t.txt"),
            "input: t.txt:2:41: expected a score like 2:1");
  EXPECT_EQ(input_error_of(parse_pairing_table,
                           head + "[TR][TD]A[/TD][TD](1)[/TD][TD]B[/TD][TD]2:0[/TD][/TR]\n[/TABLE]",
                           "t.txt"),
            "input: t.txt:2:41: expected as many score cells as the header names");
  EXPECT_EQ(input_error_of(parse_pairing_table, head + "[TR][TD]A[/TD][TD](1)[/TD][TD]B\n", "t.txt"),
            "input: t.txt:2:27: expected [/TD] to close this cell");
  EXPECT_EQ(input_error_of(parse_pairing_table, head + "FK Baku (6) ND Mura 05\n[/TABLE]", "t.txt"),
            "input: t.txt:2:1: expected a [TD] cell or a tag");
  EXPECT_EQ(input_error_of(parse_pairing_table, head + "[TR][TD]A[/TD][TD](1)[/TD][/TR]\n", "t.txt"),
            "input: t.txt:2:9: expected the second club's name");
  EXPECT_EQ(input_error_of(parse_pairing_table, "[TR][TD]A[/TD]\n", "t.txt"),
            "input: t.txt:1:1: expected [TABLE] before this tag");
  EXPECT_EQ(input_error_of(parse_pairing_table,
                           "{| class=\"wikitable\"\n! Team 1 !! Agg. !! Team 2\n|-\n"
                           "| 1\xE2\x80\x93" "0 || A || B\n|}\n",
                           "t.txt"),
            "input: t.txt:4:3: expected a club name in the first cell of the row");
  EXPECT_EQ(input_error_of(parse_pairing_table, "{|\n|-\nFK Baku v ND Mura\n|}\n", "t.txt"),
            "input: t.txt:3:1: expected a table line starting with '|', '!' or '|}'");
}

}  // namespace
}  // namespace footballdb::import
