#include "import/formats/csv.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace footballdb::import {
namespace {

const std::string kFixture = FOOTBALLDB_TEST_DATA "/csv/champs_layout.csv";

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::vector<Record> parse(const std::string& text, const CsvMapping& mapping,
                          const std::string& path = "t.csv") {
  std::istringstream in(text);
  std::vector<Record> records;
  parse_csv(in, path, mapping, [&](Record&& r) { records.push_back(std::move(r)); });
  return records;
}

std::string show(const Score& s) { return std::to_string(s.home) + "-" + std::to_string(s.away); }

std::string show(const Context& c) {
  return c.competition.value_or("?") + " | " + c.season.value_or("?") + " | " +
         c.round.value_or("?");
}

std::string club(const std::string& name, const std::optional<std::string>& country) {
  return country ? name + " [" + *country + "]" : name;
}

void add(std::string& out, const std::string& label, const std::optional<Score>& score) {
  if (score) out += " | " + label + " " + show(*score);
}

// One line per record with every field that is set, so that tests compare whole records.
std::string describe(const Record& record) {
  if (const auto* round = std::get_if<RoundRecord>(&record)) {
    std::string out = "round " + std::to_string(round->where.line) + ":" +
                      std::to_string(round->where.column) + " | " + show(round->context);
    out += round->knockout ? (*round->knockout ? " | knockout" : " | group") : " | ?";
    if (round->inferred) out += " | inferred";
    return out;
  }
  if (const auto* tie = std::get_if<TieRecord>(&record)) {
    std::string out = "tie " + std::to_string(tie->where.line) + " | " + show(tie->context) +
                      " | " + club(tie->club_a, tie->country_a) + " v " +
                      (tie->club_b ? club(*tie->club_b, tie->country_b) : "?");
    if (tie->number) out += " | number " + std::to_string(*tie->number);
    if (tie->stated_winner) out += " | winner=" + *tie->stated_winner;
    if (tie->stated_aggregate) out += " | aggregate";
    if (tie->stated_decided_by) out += " | by " + std::string(to_string(*tie->stated_decided_by));
    if (tie->stated_coin_toss_winner) out += " | coin toss won by " + *tie->stated_coin_toss_winner;
    return out;
  }
  const auto& leg = std::get<LegRecord>(record);
  std::string out = "leg " + std::to_string(leg.where.line) + " | " + show(leg.context) + " | " +
                    (leg.date ? leg.date->to_string() : "no date") + " | " +
                    club(leg.home, leg.home_country) + " v " + club(leg.away, leg.away_country);
  if (leg.kickoff) out += " | " + leg.kickoff->to_string();
  if (leg.tie_number) out += " | tie " + std::to_string(*leg.tie_number);
  if (leg.leg_number) out += " | leg " + std::to_string(*leg.leg_number);
  if (leg.replay) out += " | replay";
  if (leg.venue) out += " | at " + *leg.venue;
  if (leg.neutral_venue) out += " | neutral";
  add(out, "ft", leg.full_time);
  add(out, "ht", leg.half_time);
  add(out, "aet", leg.extra_time);
  add(out, "pens", leg.penalties);
  if (leg.status != LegStatus::kPlayed) out += " | " + std::string(to_string(leg.status));
  if (leg.awarded_to) out += " to " + *leg.awarded_to;
  return out;
}

std::vector<std::string> describe_all(const std::vector<Record>& records) {
  std::vector<std::string> out;
  for (const auto& r : records) out.push_back(describe(r));
  return out;
}

// The message of the Error that `f` throws, checking its code.
template <class F>
std::string error_of(F&& f, ErrorCode code) {
  try {
    f();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), code) << e.what();
    return e.what();
  }
  ADD_FAILURE() << "no error";
  return "";
}

TEST(CsvChamps, FixtureGivesExactRecordsForEveryKindOfRow) {
  const std::string ec = "European Cup | ";
  const std::string cl = "UEFA Champions League | ";
  const std::vector<std::string> expected = {
      // two legs and a replay decided by a coin toss
      "round 2:17 | " + ec + "1964-65 | QF | knockout",
      "leg 2 | " + ec + "1964-65 | QF | 1965-03-10 | Koln [GER] v Liverpool [ENG] | leg 1 | ft 0-0",
      "tie 2 | " + ec + "1964-65 | QF | Koln [GER] v Liverpool [ENG] | winner=Liverpool",
      "leg 3 | " + ec +
          "1964-65 | QF | 1965-03-17 | Liverpool [ENG] v Koln [GER] | leg 2 | ft 0-0 | ht 0-0",
      "tie 3 | " + ec + "1964-65 | QF | Liverpool [ENG] v Koln [GER] | winner=Liverpool",
      "leg 4 | " + ec +
          "1964-65 | QF | 1965-03-24 | Liverpool [ENG] v Koln [GER] | replay | ft 2-2"
          " | ht 2-1 | aet 2-2",
      "tie 4 | " + ec +
          "1964-65 | QF | Liverpool [ENG] v Koln [GER] | winner=Liverpool | by coin_toss"
          " | coin toss won by Liverpool",
      // a coin toss after extra time in the second leg
      "round 5:17 | " + ec + "1969-70 | R16 | knockout",
      "leg 5 | " + ec +
          "1969-70 | R16 | 1969-11-12 | Celtic [SCO] v SL Benfica [POR] | leg 1 | ft 3-0 | ht 3-0",
      "tie 5 | " + ec + "1969-70 | R16 | Celtic [SCO] v SL Benfica [POR] | winner=Celtic",
      "leg 6 | " + ec +
          "1969-70 | R16 | 1969-11-26 | SL Benfica [POR] v Celtic [SCO] | leg 2 | ft 3-0"
          " | ht 2-0 | aet 3-0",
      "tie 6 | " + ec +
          "1969-70 | R16 | SL Benfica [POR] v Celtic [SCO] | winner=Celtic | by coin_toss"
          " | coin toss won by Celtic",
      // a final ("initial") drawn after extra time and replayed
      "round 7:17 | " + ec + "1973-74 | final | knockout",
      "leg 7 | " + ec +
          "1973-74 | final | 1974-05-15 | Bayern Munich [GER] v Atletico Madrid [ESP]"
          " | leg 1 | ft 0-0 | ht 0-0 | aet 1-1",
      "tie 7 | " + ec +
          "1973-74 | final | Bayern Munich [GER] v Atletico Madrid [ESP] | winner=Bayern Munich",
      "leg 8 | " + ec +
          "1973-74 | final | 1974-05-17 | Bayern Munich [GER] v Atletico Madrid [ESP]"
          " | replay | ft 4-0 | ht 1-0",
      "tie 8 | " + ec +
          "1973-74 | final | Bayern Munich [GER] v Atletico Madrid [ESP] | winner=Bayern Munich",
      // a "walkover" in the second leg with a score (HT NA): a result awarded 3-0
      "round 9:17 | " + ec + "1990-91 | QF | knockout",
      "leg 9 | " + ec +
          "1990-91 | QF | 1991-03-06 | AC Milan [ITA] v Olympique Marseille [FRA] | leg 1"
          " | ft 1-1 | ht 1-1",
      "tie 9 | " + ec +
          "1990-91 | QF | AC Milan [ITA] v Olympique Marseille [FRA] | winner=Olympique Marseille",
      "leg 10 | " + ec +
          "1990-91 | QF | 1991-03-20 | Olympique Marseille [FRA] v AC Milan [ITA] | leg 2"
          " | ft 3-0 | awarded",
      "tie 10 | " + ec +
          "1990-91 | QF | Olympique Marseille [FRA] v AC Milan [ITA]"
          " | winner=Olympique Marseille | by awarded",
      // 1992-93: the new name; a quoted club name with a comma and a tie winner NA
      "round 11:17 | " + cl + "1992-93 | prelim | knockout",
      "leg 11 | " + cl +
          "1992-93 | prelim | 1992-08-19 | Hibernians, Paola [MLT] v Valur Reykjavik [ISL]"
          " | leg 1 | ft 1-2",
      "tie 11 | " + cl + "1992-93 | prelim | Hibernians, Paola [MLT] v Valur Reykjavik [ISL]",
      // a one-off final: no leg number
      "round 12:17 | " + cl + "1992-93 | final | knockout",
      "leg 12 | " + cl +
          "1992-93 | final | 1993-05-26 | Olympique Marseille [FRA] v AC Milan [ITA]"
          " | ft 1-0 | ht 1-0",
      "tie 12 | " + cl +
          "1992-93 | final | Olympique Marseille [FRA] v AC Milan [ITA] | winner=Olympique "
          "Marseille",
      // group rows: no ties; a round is reported once even when rows of groups interleave
      "round 13:17 | " + cl + "2004-05 | GroupA | group",
      "leg 13 | " + cl +
          "2004-05 | GroupA | 2004-09-14 | Liverpool [ENG] v AS Monaco [FRA] | ft 2-0 | ht 1-0",
      "round 14:17 | " + cl + "2004-05 | GroupB | group",
      "leg 14 | " + cl +
          "2004-05 | GroupB | 2004-09-14 | Real Madrid [ESP] v Roma [ITA] | ft 4-2 | ht 1-2",
      "leg 15 | " + cl +
          "2004-05 | GroupA | 2004-09-29 | Olympiacos [GRE] v Liverpool [ENG] | ft 1-0 | ht 1-0",
      "round 16:17 | " + cl + "2004-05 | R16 | knockout",
      "leg 16 | " + cl +
          "2004-05 | R16 | 2005-02-22 | Liverpool [ENG] v Bayer Leverkusen [GER] | leg 1"
          " | ft 3-1 | ht 2-0",
      "tie 16 | " + cl +
          "2004-05 | R16 | Liverpool [ENG] v Bayer Leverkusen [GER] | winner=Liverpool",
      "leg 17 | " + cl +
          "2004-05 | R16 | 2005-03-09 | Bayer Leverkusen [GER] v Liverpool [ENG] | leg 2"
          " | ft 1-3 | ht 0-2",
      "tie 17 | " + cl +
          "2004-05 | R16 | Bayer Leverkusen [GER] v Liverpool [ENG] | winner=Liverpool",
      // extra time and penalties (the shoot-out cell has a trailing blank)
      "round 18:17 | " + cl + "2004-05 | final | knockout",
      "leg 18 | " + cl +
          "2004-05 | final | 2005-05-25 | AC Milan [ITA] v Liverpool [ENG] | ft 3-3 | ht 3-0"
          " | aet 3-3 | pens 2-3",
      "tie 18 | " + cl +
          "2004-05 | final | AC Milan [ITA] v Liverpool [ENG] | winner=Liverpool | by penalties",
      // away goals
      "round 19:17 | " + cl + "2008-09 | SF | knockout",
      "leg 19 | " + cl +
          "2008-09 | SF | 2009-04-28 | Barcelona [ESP] v Chelsea [ENG] | leg 1 | ft 0-0 | ht 0-0",
      "tie 19 | " + cl + "2008-09 | SF | Barcelona [ESP] v Chelsea [ENG] | winner=Barcelona",
      "leg 20 | " + cl +
          "2008-09 | SF | 2009-05-06 | Chelsea [ENG] v Barcelona [ESP] | leg 2 | ft 1-1 | ht 1-0",
      "tie 20 | " + cl +
          "2008-09 | SF | Chelsea [ENG] v Barcelona [ESP] | winner=Barcelona | by away_goals",
  };
  auto records = parse(read_file(kFixture), engsoccerdata_champs_mapping(), kFixture);
  EXPECT_EQ(describe_all(records), expected);
}

// A claim's text is the source's words (a notes cell); the row itself is where the record
// points.
TEST(CsvChamps, TieTextIsTheSourcesWordsAndRecordsPointAtTheRow) {
  auto records = parse(read_file(kFixture), engsoccerdata_champs_mapping(), kFixture);
  const auto& tie = std::get<TieRecord>(records.at(2));
  EXPECT_EQ(tie.text, "");  // this layout has no notes
  EXPECT_EQ(tie.where.to_string(), kFixture + ":2:1");
  EXPECT_EQ(std::get<LegRecord>(records.at(1)).where.to_string(), kFixture + ":2:1");
}

TEST(CsvChamps, LfWithoutBomReadsLikeCrlfWithBom) {
  std::string crlf = read_file(kFixture);
  ASSERT_EQ(crlf.substr(0, 3), "\xEF\xBB\xBF");
  ASSERT_NE(crlf.find("\r\n"), std::string::npos);
  std::string lf;
  for (char c : crlf.substr(3)) {
    if (c != '\r') lf += c;
  }
  EXPECT_EQ(describe_all(parse(lf, engsoccerdata_champs_mapping(), kFixture)),
            describe_all(parse(crlf, engsoccerdata_champs_mapping(), kFixture)));
}

TEST(Csv, QuotedFieldsKeepCommasQuotesAndLineBreaks) {
  auto mapping = parse_csv_mapping("home=Home,away=Away,score=FT,venue=Ground");
  auto records = parse(
      "Home,Away,FT,Ground\r\n"
      "\"Club \"\"Atletico\"\", Madrid\",Celtic,1-0,\"Estadio\nMetropolitano\"\r\n"
      "\r\n"
      "Celtic,\"Club \"\"Atletico\"\", Madrid\",0-0,Celtic Park\r\n",
      mapping);
  EXPECT_EQ(describe_all(records),
            (std::vector<std::string>{
                "leg 2 | ? | ? | ? | no date | Club \"Atletico\", Madrid v Celtic"
                " | at Estadio\nMetropolitano | ft 1-0",
                "tie 2 | ? | ? | ? | Club \"Atletico\", Madrid v Celtic",
                "leg 5 | ? | ? | ? | no date | Celtic v Club \"Atletico\", Madrid | at Celtic Park "
                "| ft 0-0",
                "tie 5 | ? | ? | ? | Celtic v Club \"Atletico\", Madrid",
            }));
}

TEST(Csv, UserMappingReadsDayMonthYearDatesSeasonsAndCompetitions) {
  auto mapping = parse_csv_mapping(
      " home = HomeTeam , away=AwayTeam,date_dmy=Date,kickoff=Time,season=Season,"
      "competition=Comp,round=Stage,leg=Leg,score=FT,competition_name=UEFA Cup");
  auto records = parse(
      "Comp,Season,Stage,Leg,Date,Time,HomeTeam,AwayTeam,FT\n"
      "UEFA Europa League,2012/13,Q2,1,19/07/2012,20:45,St Patrick's Athletic,IBV,1-0\n"
      ",2008/2009,Final,,20/05/2009,,Shakhtar Donetsk,Werder Bremen,1-1\n",
      mapping);
  EXPECT_EQ(
      describe_all(records),
      (std::vector<std::string>{
          "round 2:28 | UEFA Europa League | 2012-13 | Q2 | knockout",
          "leg 2 | UEFA Europa League | 2012-13 | Q2 | 2012-07-19 | St Patrick's Athletic v IBV"
          " | 20:45 | leg 1 | ft 1-0",
          "tie 2 | UEFA Europa League | 2012-13 | Q2 | St Patrick's Athletic v IBV",
          "round 3:12 | UEFA Cup | 2008-09 | Final | knockout",
          "leg 3 | UEFA Cup | 2008-09 | Final | 2009-05-20 | Shakhtar Donetsk v Werder Bremen"
          " | ft 1-1",
          "tie 3 | UEFA Cup | 2008-09 | Final | Shakhtar Donetsk v Werder Bremen",
      }));
}

TEST(CsvMapping, SpecRoundTrips) {
  const std::string spec =
      "home=HomeTeam,away=AwayTeam,date_dmy=Date,kickoff=Time,season_start=Year,competition=Comp,"
      "round=Round,leg=Leg,score=FT,ht=HT,aet=AET,pens=Pens,winner=Winner,home_country=HC,"
      "away_country=AC,venue=Ground,competition_name=Fairs Cup,competition_name@1971=UEFA Cup";
  CsvMapping mapping = parse_csv_mapping(spec);
  EXPECT_EQ(mapping.home, "HomeTeam");
  EXPECT_EQ(mapping.date, "Date");
  EXPECT_EQ(mapping.date_format, CsvDateFormat::kDayMonthYear);
  EXPECT_EQ(mapping.season, "Year");
  EXPECT_TRUE(mapping.season_is_start_year);
  EXPECT_EQ(mapping.full_time, "FT");
  EXPECT_EQ(mapping.competition_names,
            (std::vector<CsvCompetitionEra>{{0, "Fairs Cup"}, {1971, "UEFA Cup"}}));
  EXPECT_EQ(format_csv_mapping(mapping), spec);
  EXPECT_EQ(parse_csv_mapping(format_csv_mapping(mapping)), mapping);

  CsvMapping champs = engsoccerdata_champs_mapping();
  EXPECT_EQ(format_csv_mapping(champs),
            "home=home,away=visitor,date=Date,season_start=Season,round=round,leg=leg,score=FT,"
            "ht=HT,aet=aet,pens=pens,winner=tiewinner,home_country=hcountry,away_country=vcountry,"
            "competition_name=European Cup,competition_name@1992=UEFA Champions League");
  EXPECT_EQ(parse_csv_mapping(format_csv_mapping(champs)), champs);
  const CsvMapping cup = *engsoccerdata_cup_mapping(
      {"Date", "Season", "home", "visitor", "FT", "round", "tie", "aet", "hp", "vp", "nonmatch"});
  EXPECT_EQ(format_csv_mapping(cup),
            "home=home,away=visitor,date=Date,season_start=Season,round_code=round,leg=tie,"
            "score=FT,aet_flag=aet,pens_home=hp,pens_away=vp,nonmatch=nonmatch");
  EXPECT_EQ(parse_csv_mapping(format_csv_mapping(cup)), cup);
  EXPECT_EQ(parse_csv_mapping("away=B,competition_name@1992=Y,home=A,competition_name=X"),
            parse_csv_mapping("home=A,away=B,competition_name=X,competition_name@1992=Y"));
}

TEST(CsvMapping, BadSpecsAreUsageErrorsNamingTheBadPart) {
  auto message = [](const std::string& spec) {
    return error_of([&] { parse_csv_mapping(spec); }, ErrorCode::kUsage);
  };
  EXPECT_EQ(message("home=H,away=A,scor=FT"), "usage: csv mapping: unknown field in \"scor=FT\"");
  EXPECT_EQ(message("home=H,away=A,FT"), "usage: csv mapping: expected field=column in \"FT\"");
  EXPECT_EQ(message("home=H,away=A,"), "usage: csv mapping: expected field=column in \"\"");
  EXPECT_EQ(message("home=H,away= ,score=FT"),
            "usage: csv mapping: expected a column name after '=' in \"away=\"");
  EXPECT_EQ(message("home=H,away=A,date=D,date_dmy=E"),
            "usage: csv mapping: field given twice in \"date_dmy=E\"");
  EXPECT_EQ(message("home=H,away=A,home=X"), "usage: csv mapping: field given twice in \"home=X\"");
  EXPECT_EQ(message("away=A,score=FT"),
            "usage: csv mapping: expected a home=COLUMN part in \"away=A,score=FT\"");
  EXPECT_EQ(message("home=H"), "usage: csv mapping: expected an away=COLUMN part in \"home=H\"");
  EXPECT_EQ(message("home=H,away=A,competition_name@19x2=Y"),
            "usage: csv mapping: expected competition_name or competition_name@YEAR in "
            "\"competition_name@19x2=Y\"");
  EXPECT_EQ(message("home=H,away=A,competition_name@0=X,competition_name=Y"),
            "usage: csv mapping: competition year given twice in \"competition_name=Y\"");
}

TEST(Csv, MalformedRowsGiveFileLineColumn) {
  const CsvMapping champs = engsoccerdata_champs_mapping();
  const std::string header = read_file(kFixture).substr(0, read_file(kFixture).find('\n') + 1);
  const std::string good =
      "1965-03-10,1964,\"QF\",\"1\",\"Koln\",\"Liverpool\",\"0-0\",NA,NA,NA,0,0,0,0,NA,NA,0,0,0,0,"
      "\"Liverpool\",\"GER\",\"ENG\"";
  auto message = [&](const std::string& from, const std::string& to) {
    std::string row = good;
    row.replace(row.find(from), from.size(), to);
    return error_of([&] { parse(header + good + "\n" + row + "\n", champs, "champs.csv"); },
                    ErrorCode::kInput);
  };
  EXPECT_EQ(message("\"0-0\"", "\"0:0\""),
            "input: champs.csv:3:45: expected a score \"h-v\", found \"0:0\"");
  EXPECT_EQ(message("1965-03-10", "1965-02-30"),
            "input: champs.csv:3:1: expected a date YYYY-MM-DD, found \"1965-02-30\"");
  EXPECT_EQ(message("1964", "64"),
            "input: champs.csv:3:12: expected the season's start year, e.g. 1955 for 1955-56, "
            "found \"64\"");
  EXPECT_EQ(message("\"1\"", "\"third\""),
            "input: champs.csv:3:22: expected a leg: a number, \"replay\", \"initial\", \"groups\" "
            "or NA, found \"third\"");
  EXPECT_EQ(message(",NA,0,0", ",\"lots\",0,0"),
            "input: champs.csv:3:57: expected a shoot-out score \"h-v\", \"away goals\", \"coin "
            "toss\" or \"walkover\", found \"lots\"");
  EXPECT_EQ(message("\"Koln\"", "NA"),
            "input: champs.csv:3:26: expected the home club's name, found \"NA\"");
  EXPECT_EQ(message(",\"ENG\"", ""),
            "input: champs.csv:3:99: expected 23 columns as in the header, found 22");
  EXPECT_EQ(message("\"ENG\"", "\"ENG\",x"),
            "input: champs.csv:3:106: expected 23 columns as in the header, found 24");
  EXPECT_EQ(message("\"Koln\"", "\"Koln\"x"),
            "input: champs.csv:3:32: expected ',' or the end of the line after a closing quote");
  EXPECT_EQ(message("\"ENG\"", "\"ENG"),
            "input: champs.csv:3:100: expected a closing quote for this field");
}

TEST(Csv, ColumnsCountCharactersNotBytes) {
  auto mapping = parse_csv_mapping("home=Home,away=Away,score=FT");
  EXPECT_EQ(error_of([&] { parse("Home,Away,FT\nFK İnter Bakı,Qarabağ,1:1\n", mapping); },
                     ErrorCode::kInput),
            "input: t.csv:2:23: expected a score \"h-v\", found \"1:1\"");
}

TEST(Csv, HeaderProblems) {
  auto mapping = parse_csv_mapping("home=Home,away=Away,score=Score");
  EXPECT_EQ(error_of([&] { parse("Home,Away,FT\nA,B,1-0\n", mapping); }, ErrorCode::kUsage),
            "usage: t.csv:1: the header has no column \"Score\" (mapped to score)");
  EXPECT_EQ(error_of([&] { parse("", mapping); }, ErrorCode::kInput),
            "input: t.csv:1:1: expected a header line");
  EXPECT_TRUE(parse("Home,Away,Score\r\n", mapping).empty());
}

TEST(Csv, BuiltinMappingAndSniffing) {
  std::string text = read_file(kFixture);
  std::string header = text.substr(0, text.find('\n') + 1);
  EXPECT_EQ(builtin_csv_mapping(header), engsoccerdata_champs_mapping());
  EXPECT_FALSE(builtin_csv_mapping("Date,HomeTeam,AwayTeam,FTHG,FTAG"));
  EXPECT_FALSE(builtin_csv_mapping("\"Date,home"));
  EXPECT_TRUE(sniff_csv(text.substr(0, 400)));
  EXPECT_TRUE(sniff_csv("Date,HomeTeam,AwayTeam\n2012-07-19,A,B\n"));
  EXPECT_FALSE(sniff_csv("= UEFA Champions League 2012/13\n\n» Round 1, Matchday 1\n"));
  EXPECT_FALSE(sniff_csv("Date,HomeTeam,AwayTeam\n2012-07-19,A\n"));
  EXPECT_FALSE(sniff_csv("Date,,AwayTeam\n"));
}

// Reads the whole of engsoccerdata's champs.csv, when present: in FOOTBALLDB_SOURCE_DIR
// "/../shared/data", or in the folder the environment variable FOOTBALLDB_SHARED_DATA names.
TEST(CsvConformance, ReadsAllOfEngsoccerdataChamps) {
  const char* shared = std::getenv("FOOTBALLDB_SHARED_DATA");
  const std::string path = std::string(shared ? shared : FOOTBALLDB_SOURCE_DIR "/../shared/data") +
                           "/engsoccerdata/champs.csv";
  std::ifstream in(path, std::ios::binary);
  if (!in) GTEST_SKIP() << "no " << path << " (engsoccerdata, not part of the project)";
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::size_t data_rows = 0;
  for (std::size_t pos = 0; (pos = text.find('\n', pos)) != std::string::npos; ++pos) ++data_rows;
  if (!text.empty() && text.back() != '\n') ++data_rows;
  data_rows -= 1;  // the header

  std::istringstream stream(text);
  std::size_t legs = 0, ties = 0, rounds = 0, group_legs = 0;
  std::map<std::string, int> decided;
  std::set<std::string> round_keys;
  std::vector<std::string> no_winner, winner_not_in_tie, out_of_season, stuttgart_leeds;
  auto start = std::chrono::steady_clock::now();
  parse_csv(stream, path, engsoccerdata_champs_mapping(), [&](Record&& record) {
    if (std::holds_alternative<RoundRecord>(record)) ++rounds;
    if (const auto* leg = std::get_if<LegRecord>(&record)) {
      ++legs;
      if (leg->context.round && leg->context.round->rfind("Group", 0) == 0) ++group_legs;
      round_keys.insert(show(leg->context));
      // A European season runs from June of its start year to July of the next.
      const int first_year = *Season::start_year(*leg->context.season);
      if (*leg->date < Date{first_year, 6, 1} || Date{first_year + 1, 7, 31} < *leg->date) {
        out_of_season.push_back(leg->context.season.value_or("") + " " + describe(record));
      }
      if (leg->context.season == "1992-93" && leg->context.round == "Round1" &&
          (leg->home == "VfB Stuttgart" || leg->away == "VfB Stuttgart")) {
        stuttgart_leeds.push_back(describe(record));
      }
    }
    if (const auto* tie = std::get_if<TieRecord>(&record)) {
      ++ties;
      if (tie->stated_decided_by) ++decided[std::string(to_string(*tie->stated_decided_by))];
      std::string who = tie->context.season.value_or("") + " " + tie->club_a + " v " + *tie->club_b;
      if (!tie->stated_winner) {
        no_winner.push_back(who);
      } else if (*tie->stated_winner != tie->club_a && *tie->stated_winner != *tie->club_b) {
        winner_not_in_tie.push_back(who + " (" + *tie->stated_winner + ")");
      }
    }
  });
  auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start);

  std::cout << "champs.csv: " << data_rows << " data rows, " << legs << " legs (" << group_legs
            << " in groups), " << ties << " knockout rows, " << rounds << " rounds, read in "
            << ms.count() << " ms\n";
  for (const auto& [how, count] : decided)
    std::cout << "  decided by " << how << ": " << count << "\n";
  for (const auto& leg : out_of_season) std::cout << "  date outside its season: " << leg << "\n";
  EXPECT_EQ(legs, data_rows);
  EXPECT_EQ(ties + group_legs, legs);
  EXPECT_EQ(rounds, round_keys.size());
  // One leg dated a year early: a 2009-10 semi-final first leg on 2009-04-20.
  EXPECT_EQ(out_of_season.size(), 1u);
  // The file records the second leg as played (4-1), not as awarded 3-0 to Leeds; the replay
  // that followed is a leg of the same tie.
  const std::string round = "leg 0 | UEFA Champions League | 1992-93 | Round1 | ";
  EXPECT_EQ(stuttgart_leeds.size(), 3u);
  for (auto& leg : stuttgart_leeds) leg.replace(4, leg.find(' ', 4) - 4, "0");
  EXPECT_EQ(
      stuttgart_leeds,
      (std::vector<std::string>{
          round + "1992-09-16 | VfB Stuttgart [GER] v Leeds United [ENG] | leg 1 | ft 3-0 | ht 0-0",
          round + "1992-09-30 | Leeds United [ENG] v VfB Stuttgart [GER] | leg 2 | ft 4-1 | ht 2-1",
          round +
              "1992-10-09 | VfB Stuttgart [GER] v Leeds United [ENG] | replay | ft 1-2 | ht 1-1",
      }));
  // The one knockout tie without a tie winner: 1982-83 CSKA Sofia v Sporting, both legs.
  EXPECT_EQ(no_winner, (std::vector<std::string>{"1982-83 CSKA Sofia v Sporting CP",
                                                 "1982-83 Sporting CP v CSKA Sofia"}));
  // Tie winners written under another name than the clubs' ("Vorwarts Berlin").
  for (const auto& w : winner_not_in_tie)
    EXPECT_NE(w.find("Vorwarts Berlin"), std::string::npos) << w;
  EXPECT_EQ(winner_not_in_tie.size(), 4u);
}

}  // namespace
}  // namespace footballdb::import
