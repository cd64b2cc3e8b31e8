#include "import/formats/result_lines.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "collect.hpp"

namespace footballdb::import {
namespace {

using test_support::collect_fixture;
using test_support::collect_text;
using test_support::input_error_of;

constexpr const char* kSeed = "001_18477ec777a99af5.txt";

struct Block {
  const char* home;  // of the first leg
  const char* away;
  Score ft1;
  Score ht1;
  Score ft2;  // second leg, home (= away above) first
  Score ht2;
  const char* date1;
  const char* kickoff1;
  const char* date2;
  const char* kickoff2;
  const char* winner;
  std::optional<Score> et2;
};

// Every block of the seed, in file order.
const Block kBlocks[] = {
    {"Víkingur", "FK Gomel", {0, 6}, {0, 0}, {4, 0}, {0, 0}, "2012-07-03", "16:30", "2012-07-12", "17:00", "FK Gomel", std::nullopt},
    {"KF Shkëndija 79", "Portadown FC", {0, 0}, {0, 0}, {2, 1}, {0, 1}, "2012-07-03", "16:30", "2012-07-10", "19:45", "Portadown FC", std::nullopt},
    {"Khazar Lankaran", "JK Nõmme Kalju", {2, 2}, {2, 1}, {0, 2}, {0, 1}, "2012-07-05", "16:00", "2012-07-10", "16:45", "Khazar Lankaran", std::nullopt},
    {"JK Narva Trans", "Inter Baku", {0, 5}, {0, 2}, {2, 0}, {1, 0}, "2012-07-05", "16:30", "2012-07-12", "17:00", "Inter Baku", std::nullopt},
    {"FK Renova", "AC Libertas", {4, 0}, {2, 0}, {0, 4}, {0, 1}, "2012-07-05", "16:30", "2012-07-12", "19:30", "FK Renova", std::nullopt},
    {"FK Jagodina", "FK Ordabasy", {0, 1}, {0, 0}, {0, 0}, {0, 0}, "2012-07-05", "16:30", "2012-07-12", "15:00", "FK Ordabasy", std::nullopt},
    {"Kuopion PS", "Llanelli AFC", {2, 1}, {2, 1}, {1, 1}, {0, 0}, "2012-07-05", "16:30", "2012-07-12", "18:30", "Kuopion PS", std::nullopt},
    {"FC Levadia", "FK Šiauliai", {1, 0}, {0, 0}, {2, 1}, {1, 0}, "2012-07-05", "16:45", "2012-07-12", "17:00", "FC Levadia", std::nullopt},
    {"FK Baku", "ND Mura 05", {0, 0}, {0, 0}, {2, 0}, {1, 0}, "2012-07-05", "17:00", "2012-07-12", "19:00", "ND Mura 05", std::nullopt},
    {"IF Elfsborg", "Floriana FC", {8, 0}, {5, 0}, {0, 4}, {0, 1}, "2012-07-05", "17:00", "2012-07-10", "16:30", "IF Elfsborg", std::nullopt},
    {"FK Rudar Pljevlja", "Shirak FC", {0, 1}, {0, 0}, {1, 1}, {1, 1}, "2012-07-05", "17:00", "2012-07-12", "15:00", "Shirak FC", std::nullopt},
    {"Pyunik FC", "FK Zeta", {0, 3}, {0, 0}, {1, 2}, {1, 1}, "2012-07-05", "17:00", "2012-07-12", "19:00", "FK Zeta", std::nullopt},
    {"JJK Jyväskylä", "Stabæk IF", {2, 0}, {1, 0}, {3, 2}, {2, 1}, "2012-07-05", "17:00", "2012-07-12", "18:00", "JJK Jyväskylä", std::nullopt},
    {"FC Differdange 03", "NSÍ Runavík", {3, 0}, {2, 0}, {0, 3}, {0, 2}, "2012-07-05", "17:30", "2012-07-12", "18:30", "FC Differdange 03", std::nullopt},
    {"Dacia Chişinău", "NK Celje", {1, 0}, {1, 0}, {0, 1}, {0, 1}, "2012-07-05", "17:30", "2012-07-12", "19:00", "Dacia Chişinău", std::nullopt},
    {"FK Sūduva", "FC Daugava", {0, 1}, {0, 0}, {2, 3}, {0, 2}, "2012-07-05", "17:30", "2012-07-12", "17:00", "FK Sūduva", std::nullopt},
    {"KF Tiranë", "CS Grevenmacher", {2, 0}, {2, 0}, {0, 0}, {0, 0}, "2012-07-05", "18:00", "2012-07-10", "16:45", "KF Tiranë", std::nullopt},
    {"Torpedo Kutaisi", "FK Aktobe", {1, 1}, {0, 0}, {1, 0}, {0, 0}, "2012-07-05", "18:00", "2012-07-12", "16:00", "FK Aktobe", std::nullopt},
    {"Birkirkara FC", "Metalurg Skopje", {2, 2}, {0, 1}, {0, 0}, {0, 0}, "2012-07-05", "18:00", "2012-07-12", "16:00", "Metalurg Skopje", std::nullopt},
    {"FC Santa Coloma", "NK Osijek", {0, 1}, {0, 0}, {3, 1}, {1, 0}, "2012-07-05", "18:30", "2012-07-12", "19:00", "NK Osijek", std::nullopt},
    {"FK Sarajevo", "Hibernians FC", {5, 2}, {2, 2}, {4, 4}, {4, 3}, "2012-07-05", "18:30", "2012-07-12", "18:30", "FK Sarajevo", std::nullopt},
    {"FC Twente", "UE Santa Coloma", {6, 0}, {2, 0}, {0, 3}, {0, 3}, "2012-07-05", "18:45", "2012-07-12", "18:30", "FC Twente", std::nullopt},
    {"Lech Poznań", "Zhetysu Taldykorgan", {2, 0}, {0, 0}, {1, 1}, {1, 1}, "2012-07-05", "19:00", "2012-07-12", "13:00", "Lech Poznań", std::nullopt},
    {"Olimpija Ljubljana", "Jeunesse Esch", {3, 0}, {0, 0}, {0, 3}, {0, 2}, "2012-07-05", "19:00", "2012-07-12", "17:00", "Olimpija Ljubljana", std::nullopt},
    {"EB/Streymur", "Gandzasar Kapan", {3, 1}, {3, 0}, {2, 0}, {0, 0}, "2012-07-05", "19:00", "2012-07-12", "16:00", "Gandzasar Kapan", std::nullopt},
    {"MTK Budapest", "FK Senica", {1, 1}, {1, 0}, {2, 1}, {0, 0}, "2012-07-05", "19:15", "2012-07-12", "18:30", "FK Senica", std::nullopt},
    {"Cefn Druids", "MyPa-47", {0, 0}, {0, 0}, {5, 0}, {3, 0}, "2012-07-05", "19:30", "2012-07-12", "17:30", "MyPa-47", std::nullopt},
    {"Flamurtari Vlorë", "Budapest Honvéd", {0, 1}, {0, 0}, {2, 0}, {1, 0}, "2012-07-05", "19:30", "2012-07-12", "19:30", "Budapest Honvéd", std::nullopt},
    {"KF Teuta Durrës", "Metalurgi Rustavi", {0, 3}, {0, 0}, {6, 1}, {3, 0}, "2012-07-05", "19:30", "2012-07-12", "15:00", "Metalurgi Rustavi", std::nullopt},
    {"SP La Fiorita", "FK Liepājas Metalurgs", {0, 2}, {0, 1}, {4, 0}, {1, 0}, "2012-07-05", "19:30", "2012-07-12", "17:00", "FK Liepājas Metalurgs", std::nullopt},
    {"Bohemian FC", "Þór Akureyri", {0, 0}, {0, 0}, {5, 1}, {2, 1}, "2012-07-05", "19:45", "2012-07-12", "19:30", "Þór Akureyri", std::nullopt},
    {"Cliftonville FC", "Kalmar FF", {1, 0}, {0, 0}, {4, 0}, {3, 0}, "2012-07-05", "19:45", "2012-07-12", "18:00", "Kalmar FF", std::nullopt},
    {"St Patrick's Athletic", "ÍBV Vestmannaeyjar", {1, 0}, {1, 0}, {1, 0}, {0, 0}, "2012-07-05", "19:45", "2012-07-12", "20:30", "St Patrick's Athletic", Score{2, 1}},
    {"Bangor City", "FC Zimbru", {0, 0}, {0, 0}, {2, 1}, {2, 1}, "2012-07-05", "19:45", "2012-07-12", "17:30", "FC Zimbru", std::nullopt},
    {"Crusaders FC", "Rosenborg BK", {0, 3}, {0, 1}, {1, 0}, {0, 0}, "2012-07-05", "20:00", "2012-07-12", "18:00", "Rosenborg BK", std::nullopt},
    {"Borac Banja Luka", "FK Čelik Nikšić", {2, 2}, {2, 1}, {1, 1}, {0, 0}, "2012-07-05", "20:05", "2012-07-12", "16:30", "FK Čelik Nikšić", std::nullopt},
    {"FH Hafnarfjörður", "USV Eschen/Mauren", {2, 1}, {1, 0}, {0, 1}, {0, 1}, "2012-07-05", "20:15", "2012-07-12", "18:30", "FH Hafnarfjörður", std::nullopt},
};

TEST(ResultLines, ReadsEveryBlockOfTheSeed) {
  const auto got = collect_fixture(parse_result_lines, kSeed);
  ASSERT_EQ(got.ties.size(), std::size(kBlocks));
  ASSERT_EQ(got.legs.size(), 2 * std::size(kBlocks));
  EXPECT_TRUE(got.rounds.empty());
  ASSERT_EQ(got.all.size(), 3 * std::size(kBlocks));
  for (std::size_t i = 0; i < std::size(kBlocks); ++i) {
    const Block& b = kBlocks[i];
    SCOPED_TRACE(b.home);
    // Source order: the two legs, then the tie from the dates line.
    const auto& leg1 = std::get<LegRecord>(got.all[3 * i]);
    const auto& leg2 = std::get<LegRecord>(got.all[3 * i + 1]);
    const auto& tie = std::get<TieRecord>(got.all[3 * i + 2]);
    const int line = static_cast<int>(3 * i + 1);

    EXPECT_EQ(leg1.where.to_string(), std::string(kSeed) + ":" + std::to_string(line) + ":1");
    EXPECT_EQ(leg1.leg_number, 1);
    EXPECT_EQ(leg1.home, b.home);
    EXPECT_EQ(leg1.away, b.away);
    EXPECT_EQ(leg1.status, LegStatus::kPlayed);
    EXPECT_EQ(leg1.full_time, b.ft1);
    EXPECT_EQ(leg1.half_time, b.ht1);
    EXPECT_FALSE(leg1.extra_time);
    EXPECT_FALSE(leg1.penalties);
    EXPECT_EQ(leg1.date->to_string(), b.date1);
    EXPECT_EQ(leg1.kickoff->to_string(), b.kickoff1);

    EXPECT_EQ(leg2.where.line, line + 1);
    EXPECT_EQ(leg2.leg_number, 2);
    EXPECT_EQ(leg2.home, b.away);
    EXPECT_EQ(leg2.away, b.home);
    EXPECT_EQ(leg2.full_time, b.ft2);
    EXPECT_EQ(leg2.half_time, b.ht2);
    EXPECT_EQ(leg2.extra_time, b.et2);
    EXPECT_EQ(leg2.date->to_string(), b.date2);
    EXPECT_EQ(leg2.kickoff->to_string(), b.kickoff2);

    EXPECT_EQ(tie.where.line, line + 2);
    EXPECT_EQ(tie.club_a, b.home);
    EXPECT_EQ(tie.club_b, b.away);
    EXPECT_EQ(tie.stated_winner, b.winner);
    EXPECT_FALSE(tie.stated_aggregate);
    EXPECT_EQ(tie.text.substr(tie.text.find("Winner: ")), std::string("Winner: ") + b.winner);
  }
}

TEST(ResultLines, ReadsExtraTimeAsNinetyMinutesInBrackets) {
  const auto got = collect_fixture(parse_result_lines, kSeed);
  const LegRecord* leg = nullptr;
  for (const auto& l : got.legs) {
    if (l.home == "\xC3\x8D" "BV Vestmannaeyjar") leg = &l;
  }
  ASSERT_NE(leg, nullptr);
  EXPECT_EQ(leg->away, "St Patrick's Athletic");
  EXPECT_EQ(leg->full_time, (Score{1, 0}));
  EXPECT_EQ(leg->extra_time, (Score{2, 1}));
  EXPECT_EQ(leg->half_time, (Score{0, 0}));
}

TEST(ResultLines, ReadsShootOutsWrittenInSeveralWays) {
  const auto got = collect_text(parse_result_lines,
                                "1st(1st leg) A - B 1:0 (0:0)\n"
                                "2nd (2nd leg) B - A 1:0 (0:0, 1:0) aet, 4:3 pen.\n"
                                "1st(1st leg) C - D 0:0\n"
                                "2nd (2nd leg) D - C 1:1 n.V. i.E. 5:4\n"
                                "1st(1st leg) E - F 2:2 (1:1)\n"
                                "2nd (2nd leg) F - E 0:0 (0:0) a.e.t. 2:4 pen\n");
  ASSERT_EQ(got.legs.size(), 6u);
  EXPECT_EQ(got.legs[1].full_time, (Score{1, 0}));
  EXPECT_EQ(got.legs[1].extra_time, (Score{1, 0}));
  EXPECT_EQ(got.legs[1].penalties, (Score{4, 3}));
  EXPECT_FALSE(got.legs[2].half_time);
  EXPECT_EQ(got.legs[3].extra_time, (Score{1, 1}));
  EXPECT_FALSE(got.legs[3].full_time);
  EXPECT_EQ(got.legs[3].penalties, (Score{5, 4}));
  EXPECT_EQ(got.legs[5].extra_time, (Score{0, 0}));
  EXPECT_EQ(got.legs[5].penalties, (Score{2, 4}));
  // No dates lines: each block ends when the next begins, or at the end.
  ASSERT_EQ(got.ties.size(), 3u);
  EXPECT_EQ(got.ties[2].club_a, "E");
  EXPECT_FALSE(got.ties[2].stated_winner);
  EXPECT_FALSE(got.legs[0].date);
}

TEST(ResultLines, KeepsHyphensAndSlashesInsideClubNames) {
  const auto got = collect_text(parse_result_lines,
                                "1st(1st leg) Myllykosken Pallo -47 - USV Eschen-Mauren 2:1 (1:0)\n"
                                "2nd (2nd leg) USV Eschen-Mauren - Myllykosken Pallo -47 0:1 (0:1)\n"
                                "1st(1st leg) Dinamo - Minsk - EB/Streymur 3:1 (3:0)\n"
                                "2nd (2nd leg) EB/Streymur - Dinamo - Minsk 2:0 (0:0)");
  ASSERT_EQ(got.ties.size(), 2u);
  EXPECT_EQ(got.ties[0].club_a, "Myllykosken Pallo -47");
  EXPECT_EQ(got.ties[0].club_b, "USV Eschen-Mauren");
  // " - " twice: the 2nd leg, the same clubs turned round, settles which is the separator.
  EXPECT_EQ(got.ties[1].club_a, "Dinamo - Minsk");
  EXPECT_EQ(got.ties[1].club_b, "EB/Streymur");
  EXPECT_EQ(got.legs[3].home, "EB/Streymur");
}

TEST(ResultLines, GivesAScheduledLegForADateWithoutAResult) {
  const auto got = collect_text(parse_result_lines,
                                "Second qualifying round\n"
                                "1st(1st leg) A - B 1:0 (0:0)\r\n"
                                "1st(1st leg): 05/07/2012 19:45 2nd (2nd leg): 12/07/2012 9:30\n");
  ASSERT_EQ(got.rounds.size(), 1u);
  EXPECT_EQ(got.rounds[0].context.round, "Second qualifying round");
  ASSERT_EQ(got.legs.size(), 2u);
  EXPECT_EQ(got.legs[1].status, LegStatus::kScheduled);
  EXPECT_EQ(got.legs[1].home, "B");
  EXPECT_EQ(got.legs[1].kickoff->to_string(), "09:30");
  EXPECT_EQ(got.legs[1].context.round, "Second qualifying round");
  EXPECT_FALSE(got.ties[0].stated_winner);
}

TEST(ResultLines, ReportsWhereALineDoesNotRead) {
  EXPECT_EQ(input_error_of(parse_result_lines, "1st(1st leg) A - B 1:0 (0:0\n", "r.txt"),
            "input: r.txt:1:28: expected ')'");
  EXPECT_EQ(input_error_of(parse_result_lines, "1st(1st leg) A - B 1:0 (0:0) x\n", "r.txt"),
            "input: r.txt:1:30: expected a score mark (a.e.t., n.V., pen., i.E., (a))");
  EXPECT_EQ(input_error_of(parse_result_lines, "1st(1st leg) A v B 1:0\n", "r.txt"),
            "input: r.txt:1:14: expected two clubs written 'Home - Away'");
  EXPECT_EQ(input_error_of(parse_result_lines, "2nd (2nd leg) B - A 1:0\n", "r.txt"),
            "input: r.txt:1:1: expected a 1st leg line before the 2nd leg");
  EXPECT_EQ(input_error_of(parse_result_lines,
                           "1st(1st leg) A - B 1:0\n1st(1st leg): 31/06/2012 19:45\n", "r.txt"),
            "input: r.txt:2:15: expected a real calendar date DD/MM/YYYY");
  EXPECT_EQ(input_error_of(parse_result_lines,
                           "1st(1st leg) A - B 1:0\n1st(1st leg): 05/07/2012 19:45 Sieger: A\n",
                           "r.txt"),
            "input: r.txt:2:32: expected '2nd (2nd leg): DD/MM/YYYY HH:MM' or 'Winner: Club'");
  EXPECT_EQ(input_error_of(parse_result_lines, "Víkingur - FK Gomel 0:6 (0:0)\n", "r.txt"),
            "input: r.txt:1:1: expected a leg line like '1st(1st leg) Home - Away 0:6 (0:0)'");
}

}  // namespace
}  // namespace footballdb::import
