#include "import/formats/football_txt.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace footballdb::import {
namespace {

std::vector<Record> parse(const std::string& text, const std::string& path = "test.txt") {
  std::vector<Record> out;
  std::istringstream in(text);
  parse_football_txt(in, path, [&out](Record&& record) { out.push_back(std::move(record)); });
  return out;
}

std::vector<Record> parse_file(const std::string& relative) {
  std::string path = std::string(FOOTBALLDB_TEST_DATA) + "/football_txt/" + relative;
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << path;
  std::vector<Record> out;
  parse_football_txt(in, path, [&out](Record&& record) { out.push_back(std::move(record)); });
  return out;
}

std::string score(const std::optional<Score>& s) {
  return s ? std::to_string(s->home) + "-" + std::to_string(s->away) : "_";
}

std::string opt(const std::optional<std::string>& s) { return s ? *s : "_"; }

// Every field of a record, one line, so that a mismatch shows where it is.
std::string describe(const Record& record) {
  std::ostringstream out;
  if (const auto* round = std::get_if<RoundRecord>(&record)) {
    out << "round " << round->where.line << ":" << round->where.column << " "
        << opt(round->context.competition) << " | " << opt(round->context.season) << " | "
        << opt(round->context.round) << " | knockout "
        << (round->knockout ? (*round->knockout ? "yes" : "no") : "?");
    return out.str();
  }
  const auto* leg = std::get_if<LegRecord>(&record);
  if (!leg) return "tie";
  out << "leg " << leg->where.line << ":" << leg->where.column << " " << opt(leg->context.competition)
      << " | " << opt(leg->context.season) << " | " << opt(leg->context.round) << " | leg "
      << (leg->leg_number ? std::to_string(*leg->leg_number) : "_") << (leg->replay ? " replay" : "")
      << " | " << (leg->date ? leg->date->to_string() : "_") << " "
      << (leg->kickoff ? leg->kickoff->to_string() : "_") << " | " << leg->home << " ("
      << opt(leg->home_country) << ") v " << leg->away << " (" << opt(leg->away_country) << ") | "
      << to_string(leg->status) << " ft " << score(leg->full_time) << " ht " << score(leg->half_time)
      << " et " << score(leg->extra_time) << " pen " << score(leg->penalties) << " | venue "
      << opt(leg->venue) << (leg->neutral_venue ? " (neutral)" : "") << " | awarded_to "
      << opt(leg->awarded_to);
  return out.str();
}

std::vector<std::string> describe(const std::vector<Record>& records) {
  std::vector<std::string> out;
  for (const auto& record : records) out.push_back(describe(record));
  return out;
}

// The message of the input error that parsing `text` throws, or "" when it throws none.
std::string error_of(const std::string& text) {
  try {
    parse(text, "bad.txt");
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kInput);
    return error.what();
  }
  return "";
}

TEST(FootballTxt, ReadsCurrentQualifyingFile) {
  const std::string q = "UEFA Champions League - Quali | 2024-25 | ";
  std::vector<std::string> expected = {
      "round 9:3 " + q + "Round 1 | knockout yes",
      "leg 11:5 " + q + "Round 1 | leg _ | 2024-07-09 17:30 | FK Panevėžys (LTU) v HJK Helsinki (FIN) | "
                        "played ft 3-0 ht 1-0 et _ pen _ | venue _ | awarded_to _",
      "leg 12:5 " + q + "Round 1 | leg _ | 2024-07-09 18:45 | Hamrun Spartans (MLT) v Lincoln Red Imps "
                        "(GIB) | played ft 0-1 ht 0-1 et _ pen _ | venue _ | awarded_to _",
      "leg 14:5 " + q + "Round 1 | leg _ | 2024-07-16 16:30 | KF Ballkani (KOS) v UE Santa Coloma (AND) | "
                        "played ft 0-1 ht 0-0 et 1-2 pen 5-6 | venue _ | awarded_to _",
      "leg 15:5 " + q + "Round 1 | leg _ | 2024-07-16 18:00 | Lincoln Red Imps (GIB) v Hamrun Spartans "
                        "(MLT) | played ft 0-1 ht 0-0 et 0-1 pen 5-4 | venue _ | awarded_to _",
      "round 18:3 " + q + "Playoffs | knockout yes",
      "leg 20:5 " + q + "Playoffs | leg _ | 2024-08-20 21:00 | Dinamo Zagreb (CRO) v Qarabağ FK (AZE) | "
                        "played ft 3-0 ht 1-0 et _ pen _ | venue _ | awarded_to _",
      // No time on the line: the one above holds for it.
      "leg 21:12 " + q + "Playoffs | leg _ | 2024-08-20 21:00 | FK Bodø/Glimt (NOR) v Crvena Zvezda (SRB) "
                         "| played ft 2-1 ht 0-0 et _ pen _ | venue _ | awarded_to _",
      "leg 22:12 " + q + "Playoffs | leg _ | 2024-08-20 21:00 | Lille OSC (FRA) v Slavia Praha (CZE) | "
                         "played ft 2-0 ht 0-0 et _ pen _ | venue _ | awarded_to _",
  };
  EXPECT_EQ(describe(parse_file("clq-2024-25.txt")), expected);
}

TEST(FootballTxt, ReadsLeaguePhaseAndKnockoutMatchdaysAcrossTheNewYear) {
  const std::string text =
      "= UEFA Champions League 2024/25\n"
      "\n"
      "» League, Matchday 6\n"
      "  Wed Dec/11\n"
      "    21.00  Juventus FC (ITA)       v Manchester City FC (ENG)  2-0 (0-0)\n"
      "» League, Matchday 7\n"
      "  Tue Jan/21 2025\n"
      "    18.45  AS Monaco FC (MCO)      v Aston Villa FC (ENG)     1-0 (1-0)\n"
      "» Playoffs, Matchday 1\n"
      "  Tue Feb/11\n"
      "    18.45  Stade Brestois 29 (FRA) v Paris Saint-Germain FC (FRA)  0-3 (0-2)\n"
      "» Playoffs, Matchday 2\n"
      "  Wed Feb/19\n"
      "    21.00  Paris Saint-Germain FC (FRA) v Stade Brestois 29 (FRA)  7-0 (2-0)\n"
      "» Finals, Final\n"
      "  Sat May/31\n"
      "    21.00  Paris Saint-Germain FC (FRA) v FC Internazionale Milano (ITA)\n";
  const std::string c = "UEFA Champions League | 2024-25 | ";
  std::vector<std::string> expected = {
      "round 3:3 " + c + "League, Matchday 6 | knockout no",
      "leg 5:5 " + c + "League, Matchday 6 | leg _ | 2024-12-11 21:00 | Juventus FC (ITA) v Manchester "
                       "City FC (ENG) | played ft 2-0 ht 0-0 et _ pen _ | venue _ | awarded_to _",
      "round 6:3 " + c + "League, Matchday 7 | knockout no",
      "leg 8:5 " + c + "League, Matchday 7 | leg _ | 2025-01-21 18:45 | AS Monaco FC (MCO) v Aston Villa FC "
                       "(ENG) | played ft 1-0 ht 1-0 et _ pen _ | venue _ | awarded_to _",
      "round 9:3 " + c + "Playoffs | knockout yes",
      "leg 11:5 " + c + "Playoffs | leg 1 | 2025-02-11 18:45 | Stade Brestois 29 (FRA) v Paris "
                        "Saint-Germain FC (FRA) | played ft 0-3 ht 0-2 et _ pen _ | venue _ | awarded_to _",
      "leg 14:5 " + c + "Playoffs | leg 2 | 2025-02-19 21:00 | Paris Saint-Germain FC (FRA) v Stade "
                        "Brestois 29 (FRA) | played ft 7-0 ht 2-0 et _ pen _ | venue _ | awarded_to _",
      "round 15:3 " + c + "Finals, Final | knockout yes",
      "leg 17:5 " + c + "Finals, Final | leg _ | 2025-05-31 21:00 | Paris Saint-Germain FC (FRA) v FC "
                        "Internazionale Milano (ITA) | scheduled ft _ ht _ et _ pen _ | venue _ | awarded_to _",
  };
  EXPECT_EQ(describe(parse(text)), expected);
}

TEST(FootballTxt, ReadsGroupsKeepingYearsWhenTheDatesGoBack) {
  // Each group lists September to December again; the year must not roll over.
  const std::string text =
      "= UEFA Champions League 2012/13\n"
      "» Group A\n"
      "  Tue Dec/4\n"
      "    20.45  Dinamo Zagreb (CRO)     v Dinamo Kiev (UKR)        1-1 (0-1)\n"
      "» Group B\n"
      "  Tue Sep/18\n"
      "    20.45  Olympiakos Piraeus (GRE) v FC Schalke 04 (GER)      1-2 (0-1)\n"
      "» Round of 16\n"
      "  Tue Feb/12 2013\n"
      "    20.45  Celtic FC (SCO)         v Juventus (ITA)           0-3 (0-1)\n";
  auto records = parse(text);
  ASSERT_EQ(records.size(), 6u);
  EXPECT_EQ(std::get<RoundRecord>(records[0]).knockout, false);
  EXPECT_EQ(std::get<LegRecord>(records[1]).date, Date::from_ymd(2012, 12, 4));
  EXPECT_EQ(std::get<LegRecord>(records[3]).date, Date::from_ymd(2012, 9, 18));
  EXPECT_EQ(std::get<LegRecord>(records[5]).date, Date::from_ymd(2013, 2, 12));
  EXPECT_EQ(std::get<LegRecord>(records[3]).home, "Olympiakos Piraeus");
  EXPECT_EQ(std::get<LegRecord>(records[3]).away, "FC Schalke 04");
  EXPECT_EQ(std::get<RoundRecord>(records[4]).knockout, true);
}

TEST(FootballTxt, WeekdayPicksTheYearOfEarlySummerQualifiers) {
  // A June date would fall in the season's second year, but Tue Jun/24 is a Tuesday in 2025.
  auto records = parse(
      "= UEFA Champions League - Quali 2025/26\n"
      "» Preliminary round\n"
      "  Tue Jun/24\n"
      "    18.00  SS Virtus (SMR)  v  FC Santa Coloma (AND)  1-1\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(std::get<LegRecord>(records[1]).date, Date::from_ymd(2025, 6, 24));
}

TEST(FootballTxt, ReadsOldArchiveWithLegHeadingsReplayAndVenue) {
  // No header: the season comes from the folder name, the legs from the headings.
  const std::string s = "_ | 1958-59 | Semi-finals | leg ";
  std::vector<std::string> expected = {
      "round 2:1 _ | 1958-59 | Semi-finals | knockout yes",
      "leg 5:3 " + s + "1 | 1959-04-15 _ | BSC Young Boys (_) v Stade Reims (_) | played ft 1-0 ht _ "
                       "et _ pen _ | venue _ | awarded_to _",
      "leg 7:3 " + s + "1 | 1959-04-23 _ | Real Madrid (_) v Atlético Madrid (_) | played ft 2-1 ht _ "
                       "et _ pen _ | venue _ | awarded_to _",
      "leg 13:3 " + s + "2 | 1959-05-07 _ | Atlético Madrid (_) v Real Madrid (_) | played ft 1-0 ht _ "
                        "et _ pen _ | venue _ | awarded_to _",
      "leg 15:3 " + s + "2 | 1959-05-13 _ | Stade Reims (_) v BSC Young Boys (_) | played ft 3-0 ht _ "
                        "et _ pen _ | venue _ | awarded_to _",
      "leg 20:3 " + s + "_ replay | 1959-05-13 _ | Real Madrid (_) v Atlético Madrid (_) | played ft 2-1 "
                        "ht _ et _ pen _ | venue _ | awarded_to _",
      "round 23:1 _ | 1958-59 | Final | knockout yes",
      "leg 26:3 _ | 1958-59 | Final | leg _ | 1959-06-03 _ | Real Madrid (_) v Stade Reims (_) | played "
      "ft 2-0 ht 1-0 et _ pen _ | venue VfB Arena, Stuttgart | awarded_to _",
  };
  EXPECT_EQ(describe(parse_file("1958-59/cup.txt")), expected);
}

TEST(FootballTxt, ReadsOldArchiveExtraTimeAndShootOut) {
  auto records = parse(
      "Final\n"
      "\n"
      "[May/28]\n"
      "  Real Madrid CF  3-2 a.e.t. (2-2, 0-0)  AC Milan  @ Stadium Roi Baudouin, Brussels\n"
      "[Apr/19]\n"
      "  Celtic FC  5-4 pen. 0-0  FC Internazionale Milano\n",
      "archive/1950s/1957-58/cup.txt");
  ASSERT_EQ(records.size(), 3u);
  const auto& final = std::get<LegRecord>(records[1]);
  EXPECT_EQ(final.date, Date::from_ymd(1958, 5, 28));
  EXPECT_EQ(final.home, "Real Madrid CF");
  EXPECT_EQ(final.away, "AC Milan");
  EXPECT_EQ(final.extra_time, (Score{3, 2}));
  EXPECT_EQ(final.full_time, (Score{2, 2}));
  EXPECT_EQ(final.half_time, (Score{0, 0}));
  EXPECT_EQ(final.venue, std::string("Stadium Roi Baudouin, Brussels"));
  EXPECT_FALSE(final.neutral_venue);  // the file does not say so
  // "pen." without "a.e.t.": the score stands as the full-time score, as written.
  const auto& shootout = std::get<LegRecord>(records[2]);
  EXPECT_EQ(shootout.penalties, (Score{5, 4}));
  EXPECT_EQ(shootout.full_time, (Score{0, 0}));
  EXPECT_EQ(shootout.extra_time, std::nullopt);
}

// A shoot-out straight after 90 minutes (the EFL Cup, the Coupe de France) is written without an
// extra-time score: "2-4 pen. (0-0)" gives the 90 minutes in the bracket, "9-8 pen. (1-1, 1-0)"
// the 90 minutes and half time, "4-5 pen." the shoot-out alone.
TEST(FootballTxt, ReadsShootOutsWithoutExtraTime) {
  auto records = parse(
      "= English EFL Cup 2021/22\n"
      "» Round 1\n"
      "  Sun Aug/1 2021\n"
      "    13.00  Sheffield Wednesday     v Huddersfield Town        2-4 pen. (0-0)\n"
      "           Hartlepool United       v Crewe Alexandra          9-8 pen. (1-1, 1-0)\n"
      "           Alpha FC                v Beta FC                  4-5 pen.\n"
      "           Gamma FC                v Delta FC                 5-4 pen. 1-1 a.e.t. (1-1)\n");
  std::vector<LegRecord> legs;
  for (const auto& r : records) {
    if (const auto* leg = std::get_if<LegRecord>(&r)) legs.push_back(*leg);
  }
  ASSERT_EQ(legs.size(), 4u);
  EXPECT_EQ(legs[0].penalties, (Score{2, 4}));
  EXPECT_EQ(legs[0].full_time, (Score{0, 0}));
  EXPECT_EQ(legs[0].half_time, std::nullopt);
  EXPECT_EQ(legs[0].extra_time, std::nullopt);
  EXPECT_EQ(legs[0].away, "Huddersfield Town");
  EXPECT_EQ(legs[1].penalties, (Score{9, 8}));
  EXPECT_EQ(legs[1].full_time, (Score{1, 1}));
  EXPECT_EQ(legs[1].half_time, (Score{1, 0}));
  EXPECT_EQ(legs[1].extra_time, std::nullopt);
  EXPECT_EQ(legs[2].penalties, (Score{4, 5}));
  EXPECT_EQ(legs[2].full_time, std::nullopt);
  EXPECT_EQ(legs[2].away, "Beta FC");
  EXPECT_EQ(legs[3].penalties, (Score{5, 4}));
  EXPECT_EQ(legs[3].extra_time, (Score{1, 1}));
  EXPECT_EQ(legs[3].full_time, (Score{1, 1}));
}

TEST(FootballTxt, ReadsOlderStyleWithCrlfCommentsGoalLinesAndEmptyHalfTime) {
  const std::string c = "UEFA Champions League | 2011-12 | ";
  std::vector<std::string> expected = {
      "round 5:1 " + c + "Round of 16 | knockout yes",
      "leg 8:3 " + c + "Round of 16 | leg 1 | 2012-02-14 20:45 | Olympique Lyonnais (_) v APOEL (_) | "
                       "played ft 1-0 ht _ et _ pen _ | venue _ | awarded_to _",
      "leg 13:3 " + c + "Round of 16 | leg 2 | 2012-03-07 20:45 | APOEL (_) v Olympique Lyonnais (_) | "
                        "played ft 1-0 ht _ et 1-0 pen 4-3 | venue _ | awarded_to _",
      "leg 15:3 " + c + "Round of 16 | leg 2 | 2012-03-14 20:45 | Chelsea (_) v Napoli (_) | played ft "
                        "3-1 ht _ et 4-1 pen _ | venue _ | awarded_to _",
      "round 18:1 " + c + "Semi-finals | knockout yes",
      "leg 21:3 " + c + "Semi-finals | leg 1 | 2012-04-17 20:45 | Bayern München (_) v Real Madrid (_) | "
                        "played ft 2-1 ht _ et _ pen _ | venue Allianz Arena, München | awarded_to _",
      "round 24:1 " + c + "Final | knockout yes",
      "leg 27:3 " + c + "Final | leg _ | 2012-05-19 20:45 | Bayern München (_) v Chelsea (_) | played ft "
                        "1-1 ht _ et 1-1 pen 3-4 | venue Allianz Arena, München | awarded_to _",
  };
  EXPECT_EQ(describe(parse_file("cl_finals-2011-12.txt")), expected);
}

TEST(FootballTxt, ReadsAwardedCancelledWalkoverAndNeutralNotes) {
  auto records = parse(
      "= UEFA Europa League 2021/22\n"
      "» Round of 16\n"
      "  Thu Mar/10\n"
      "           RB Leipzig (GER)        v Spartak Moskva (RUS)     [cancelled]\n"
      "    21.00  Tottenham Hotspur (ENG) v Stade Rennais (FRA)      0-3    [awarded]\n"
      "           FC Alpha (AND)  v  FC Beta (SMR)  3-0  [walkover]\n"
      "           FC Alpha (AND)  v  FC Beta (SMR)  1-0 @ Wembley Stadium, London [neutral]\n"
      "           FC Alpha (AND)  v  FC Beta (SMR)  2-2  [annulled] [replay]\n");
  ASSERT_EQ(records.size(), 6u);
  const auto& cancelled = std::get<LegRecord>(records[1]);
  EXPECT_EQ(cancelled.status, LegStatus::kCancelled);
  EXPECT_EQ(cancelled.awarded_to, std::nullopt);  // the file does not say who went through
  EXPECT_EQ(cancelled.full_time, std::nullopt);
  EXPECT_EQ(cancelled.kickoff, std::nullopt);
  const auto& awarded = std::get<LegRecord>(records[2]);
  EXPECT_EQ(awarded.status, LegStatus::kAwarded);
  EXPECT_EQ(awarded.full_time, (Score{0, 3}));
  EXPECT_EQ(awarded.kickoff, LocalTime::parse("21:00"));
  const auto& walkover = std::get<LegRecord>(records[3]);
  EXPECT_EQ(walkover.status, LegStatus::kWalkover);
  EXPECT_EQ(walkover.awarded_to, std::string("FC Alpha"));
  const auto& neutral = std::get<LegRecord>(records[4]);
  EXPECT_TRUE(neutral.neutral_venue);
  EXPECT_EQ(neutral.venue, std::string("Wembley Stadium, London"));
  const auto& annulled = std::get<LegRecord>(records[5]);
  EXPECT_EQ(annulled.status, LegStatus::kAnnulled);
  EXPECT_TRUE(annulled.replay);
}

TEST(FootballTxt, ReadsMatchesNotYetPlayedWithADashForTheScore) {
  // openfootball's national cups list the next round's fixtures so (Copa del Rey 2024/25).
  const std::string text =
      "= Copa del Rey de España 2024/25\n"
      "\n"
      "Preliminary round\n"
      "[Wed Oct/9]\n"
      "  21.00  Astur CF                 -  EDF Logroño\n"
      "         CD Villamuriel           –  CD Aurrerá de Vitoria\n"
      "         Real Madrid - Castilla   2-1  Selaya FC\n"
      "         Real Madrid - Castilla   v  UE Vic\n";
  EXPECT_TRUE(sniff_football_txt(text));
  EXPECT_EQ(describe(parse(text)),
            (std::vector<std::string>{
                "round 3:1 Copa del Rey de España | 2024-25 | Preliminary round | knockout yes",
                "leg 5:3 Copa del Rey de España | 2024-25 | Preliminary round | leg _ | "
                "2024-10-09 21:00 | Astur CF (_) v EDF Logroño (_) | scheduled ft _ ht _ et _ "
                "pen _ | venue _ | awarded_to _",
                "leg 6:10 Copa del Rey de España | 2024-25 | Preliminary round | leg _ | "
                "2024-10-09 21:00 | CD Villamuriel (_) v CD Aurrerá de Vitoria (_) | scheduled "
                "ft _ ht _ et _ pen _ | venue _ | awarded_to _",
                // A dash with a score or "v" after it is a word of the home club's name.
                "leg 7:10 Copa del Rey de España | 2024-25 | Preliminary round | leg _ | "
                "2024-10-09 21:00 | Real Madrid - Castilla (_) v Selaya FC (_) | played ft 2-1 "
                "ht _ et _ pen _ | venue _ | awarded_to _",
                "leg 8:10 Copa del Rey de España | 2024-25 | Preliminary round | leg _ | "
                "2024-10-09 21:00 | Real Madrid - Castilla (_) v UE Vic (_) | scheduled ft _ ht _ "
                "et _ pen _ | venue _ | awarded_to _"}));
}

TEST(FootballTxt, ExtraTimeWithOneBracketScoreIsTheNinetyMinuteScore) {
  auto records = parse(
      "= UEFA Conference League 2023/24\n"
      "» Final\n"
      "  Wed May/29\n"
      "    21.00  Olympiakos Piraeus (GRE) v ACF Fiorentina (ITA)     1-0 a.e.t. (0-0)\n");
  const auto& leg = std::get<LegRecord>(records.at(1));
  EXPECT_EQ(leg.extra_time, (Score{1, 0}));
  EXPECT_EQ(leg.full_time, (Score{0, 0}));
  EXPECT_EQ(leg.half_time, std::nullopt);
}

TEST(FootballTxt, RejectsMalformedLinesWithTheirPlace) {
  const std::string head = "= UEFA Champions League 2024/25\n» Round 1\n  Tue Jul/9\n";
  EXPECT_EQ(error_of(head + "    17.30  FK Panevėžys (LTU) v HJK Helsinki (FIN)  3-x (1-0)\n"),
            "input: bad.txt:4:53: expected a score such as 2-1");
  EXPECT_EQ(error_of(head + "    17.30  Alpha (AND) v Beta (SMR)  1-2 a.e.t. (0-1, 0-0\n"),
            "input: bad.txt:4:58: expected ')' closing the bracket of scores");
  EXPECT_EQ(error_of(head + "    25.61  Alpha (AND) v Beta (SMR)  1-2\n"),
            "input: bad.txt:4:5: expected a kick-off time from 00.00 to 23.59");
  EXPECT_EQ(error_of(head + "    17.30  Alpha (AND) v   \n"),
            "input: bad.txt:4:25: expected the away club after 'v'");
  EXPECT_EQ(error_of(head + "    17.30  Alpha (AND) v Beta (SMR)  1-2 (1-0, 0-0)\n"),
            "input: bad.txt:4:38: expected 'a.e.t.' before a bracket of two scores (after 90 "
            "minutes, half time)");
  EXPECT_EQ(error_of(head + "    Alpha (AND) v Beta (SMR)  1-2 [abandoned]\n"),
            "input: bad.txt:4:35: expected a known note: [awarded], [annulled], [walkover], "
            "[cancelled], [neutral] or [replay]");
  EXPECT_EQ(error_of(head + "    Alpha (AND) v Beta (SMR)  1-2 after\n"),
            "input: bad.txt:4:35: expected the end of the line after the score");
  EXPECT_EQ(error_of(head + "    Alpha  2-1\n"), "input: bad.txt:4:15: expected the away club after the score");
  EXPECT_EQ(error_of(head + "    Alpha and Beta drew\n"),
            "input: bad.txt:4:5: expected a match line such as 'Home (ABC) v Away (DEF)  2-1 (1-0)'");
  EXPECT_EQ(error_of(head + "    17.30  Alpha (AND) v Beta (SMR)  1-2 @ \n"),
            "input: bad.txt:4:42: expected a venue after '@'");
  EXPECT_EQ(error_of(head + "  Wed Jul/32\n"), "input: bad.txt:4:7: expected a real calendar date");
  EXPECT_EQ(error_of(head + "  Wed Jux/10\n"),
            "input: bad.txt:4:7: expected a date such as 'Tue Jul/9 2024' or '[Apr/24]'");
  EXPECT_EQ(error_of(head + "  Wed Jul/10 24\n"), "input: bad.txt:4:14: expected a four-digit year");
  EXPECT_EQ(error_of("= UEFA Champions League 2024/25\n»   \n"),
            "input: bad.txt:2:1: expected a round name after the heading marker");
  EXPECT_EQ(error_of("= \n"), "input: bad.txt:1:2: expected a competition and season after '='");
  // No season anywhere and no year in the date.
  EXPECT_EQ(error_of("Final\n[May/28]\n"),
            "input: bad.txt:2:2: expected a year: in the date, or as a season in a '= Competition "
            "2024/25' header");
}

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

TEST(FootballTxt, SniffsFootballTxtAndNothingElse) {
  const std::string data = FOOTBALLDB_TEST_DATA;
  EXPECT_TRUE(sniff_football_txt(read_all(data + "/football_txt/clq-2024-25.txt")));
  EXPECT_TRUE(sniff_football_txt(read_all(data + "/football_txt/1958-59/cup.txt")));
  EXPECT_TRUE(sniff_football_txt(read_all(data + "/football_txt/cl_finals-2011-12.txt")));
  EXPECT_FALSE(sniff_football_txt(read_all(data + "/000_98225e7db66c08bd.txt").substr(0, 4096)));
  EXPECT_FALSE(sniff_football_txt(read_all(data + "/001_18477ec777a99af5.txt").substr(0, 4096)));
  EXPECT_FALSE(sniff_football_txt(read_all(data + "/002_1372deafbd61fe9d.txt").substr(0, 4096)));
  EXPECT_FALSE(sniff_football_txt(
      "Date,Season,home,visitor,FT,HT,round,leg\n"
      "1955-09-04,1955,Sporting CP,Partizan Belgrade,3-3,1-1,Round1,1\n"
      "1955-10-12,1955,Partizan Belgrade,Sporting CP,5-2,2-0,Round1,2\n"));
  EXPECT_FALSE(sniff_football_txt(
      "[\n  {\"date\": \"2024-07-09\", \"home\": \"FK Panevezys\", \"away\": \"HJK\", \"score\": \"3-0\"}\n]\n"));
  EXPECT_FALSE(sniff_football_txt(""));
}

// Every Football.TXT file of the openfootball champions-league checkout, history included.
TEST(FootballTxtConformance, ReadsEveryChampionsLeagueFile) {
  namespace fs = std::filesystem;
  // The data sits beside the source tree; a git worktree one level further down finds it too.
  fs::path root = fs::path(FOOTBALLDB_SOURCE_DIR "/../shared/data") / "openfootball" / "champions-league";
  if (!fs::is_directory(root)) {
    root = fs::path(FOOTBALLDB_SOURCE_DIR "/../../shared/data") / "openfootball" / "champions-league";
  }
  if (!fs::is_directory(root)) GTEST_SKIP() << "no openfootball data beside " << FOOTBALLDB_SOURCE_DIR;
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file() && entry.path().extension() == ".txt") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  // Files that hold headings or team lists but no match yet.
  const std::vector<std::string> without_matches = {"2014-15/cl_playoffs.txt", "2014-15/cl_round3.txt",
                                                    "1961-62/cup.txt"};
  auto start = std::chrono::steady_clock::now();
  std::size_t total_legs = 0;
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::size_t legs = 0;
    ASSERT_NO_THROW(parse_football_txt(in, file.string(), [&](Record&& record) {
      const auto* leg = std::get_if<LegRecord>(&record);
      if (!leg) return;
      ++legs;
      std::string where = leg->where.to_string();
      EXPECT_FALSE(leg->home.empty()) << where;
      EXPECT_FALSE(leg->away.empty()) << where;
      EXPECT_NE(leg->home, leg->away) << where;
      EXPECT_TRUE(leg->context.season.has_value()) << where;
      EXPECT_TRUE(leg->context.round.has_value()) << where;
      if (leg->status != LegStatus::kPlayed) return;
      EXPECT_TRUE(leg->date.has_value()) << where;
      EXPECT_TRUE(leg->full_time.has_value()) << where;
      if (leg->date && leg->context.season) {
        EXPECT_EQ(Season::split_season_of(*leg->date), *leg->context.season) << where;
      }
    })) << file.string();
    std::string name = file.parent_path().filename().string() + "/" + file.filename().string();
    bool empty_expected =
        std::find(without_matches.begin(), without_matches.end(), name) != without_matches.end();
    if (empty_expected) {
      EXPECT_EQ(legs, 0u) << name;
    } else {
      EXPECT_GT(legs, 0u) << name;
    }
    total_legs += legs;
  }
  auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - start);
  std::cout << "[ conformance ] " << files.size() << " files, " << total_legs << " legs in "
            << elapsed.count() << " ms\n";
  EXPECT_GT(total_legs, 0u);
}

}  // namespace
}  // namespace footballdb::import
