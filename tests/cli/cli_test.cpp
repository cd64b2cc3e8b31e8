// The footballdb command-line tool, run as a user runs it: files in a directory, a database
// file, standard output, standard error and the exit code.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/cli_runner.hpp"
#include "footballdb/footballdb.hpp"

namespace footballdb {
namespace {

using nlohmann::json;
using testing::data_path;

const std::string kSample = data_path("json/uefa-europa-league-2012-13-q2.json");
const std::string kCases = data_path("json/cases.json");

using Result = testing::CliResult;
using testing::quote;
using testing::read_file;

class Cli : public testing::CliFixture {
 protected:
  void import_sample() {
    const Result r = run({"import", kSample});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
};

TEST_F(Cli, ImportThenTheTiesOfAClubAsJson) {
  const Result imported = run({"import", kSample});
  EXPECT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_NE(imported.out.find("37 ties added"), std::string::npos) << imported.out;

  const json ties = run_json({"ties", "--club", "Lech Poznan", "--json"});
  ASSERT_TRUE(ties.is_array());
  ASSERT_EQ(ties.size(), 1u);
  const json& t = ties[0];
  EXPECT_EQ(t["aggregate"], json::array({3, 1}));
  EXPECT_EQ(t["clubs"][0]["name"], "KKS Lech Poznań");  // the registry's canonical names
  EXPECT_EQ(t["clubs"][1]["name"], "FC Zhetysu Taldykorgan");
  EXPECT_EQ(t["winner"]["name"], "KKS Lech Poznań");
  EXPECT_EQ(t["decided_by"], "aggregate");
  EXPECT_EQ(t["extra_time"], false);
  ASSERT_EQ(t["legs"].size(), 2u);
  EXPECT_EQ(t["legs"][0]["date"], "2012-07-05");
  EXPECT_EQ(t["legs"][1]["date"], "2012-07-12");
  EXPECT_EQ(t["legs"][0]["kickoff"], "19:00");
  EXPECT_EQ(t["legs"][1]["kickoff"], "13:00");
  EXPECT_EQ(t["legs"][0]["score"], json::array({2, 0}));
  EXPECT_EQ(t["legs"][1]["score"], json::array({1, 1}));
  for (const json& leg : t["legs"]) {
    for (const char* key : {"score", "full_time", "half_time", "penalties"}) {
      EXPECT_TRUE(leg.contains(key)) << key;
    }
    EXPECT_TRUE(leg["penalties"].is_null());
  }
}

TEST_F(Cli, AnAwayGoalInExtraTime) {
  import_sample();
  const json ties = run_json(
      {"ties", "--club", "St Patrick’s Athletic", "--opponent", "ÍBV Vestmannaeyjar", "--json"});
  ASSERT_EQ(ties.size(), 1u);
  EXPECT_EQ(ties[0]["aggregate"], json::array({2, 2}));
  EXPECT_EQ(ties[0]["decided_by"], "away_goals");
  EXPECT_EQ(ties[0]["extra_time"], true);
  EXPECT_EQ(ties[0]["winner"]["name"], "St Patrick's Athletic FC");
  EXPECT_EQ(ties[0]["legs"][1]["extra_time"], json::array({2, 1}));
}

// rules list | set | unset: the rules in force per round, whose they are, and changing them
// recomputes the ties (the extra-time away goal of St Patrick's v ÍBV stops counting).
TEST_F(Cli, RulesListSetAndUnset) {
  import_sample();
  json rules = run_json({"rules", "list", "--competition", "Europa League", "--season", "2012-13",
                         "--json"});
  ASSERT_FALSE(rules.empty());
  EXPECT_EQ(rules[0]["legs"], 2);
  EXPECT_EQ(rules[0]["away_goals_extra_time"], true);
  EXPECT_EQ(rules[0]["own"], false);
  const std::vector<std::string> tie = {"ties", "--club", "St Patrick's Athletic", "--json"};
  EXPECT_EQ(run_json(tie)[0]["decided_by"], "away_goals");

  Result set = run({"rules", "set", "--competition", "UEFA Europa League", "--from", "2012-13",
                    "--away-goals-extra-time", "no"});
  ASSERT_EQ(set.exit_code, 0) << set.err;
  EXPECT_NE(set.out.find("[set for this database]"), std::string::npos) << set.out;
  EXPECT_EQ(run_json(tie)[0]["winner"], nullptr);  // level, and no shoot-out on record
  rules = run_json({"rules", "list", "--competition", "Europa League", "--season", "2013-14",
                    "--json"});
  EXPECT_EQ(rules[0]["own"], true);
  EXPECT_EQ(rules[0]["away_goals_extra_time"], false);

  ASSERT_EQ(run({"rules", "unset", "--competition", "Europa League", "--from", "2012-13"}).exit_code,
            0);
  EXPECT_EQ(run_json(tie)[0]["decided_by"], "away_goals");
  const Result again = run({"rules", "unset", "--competition", "Europa League", "--from", "2012-13"});
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_NE(again.err.find("has no rules of its own from 2012-13"), std::string::npos) << again.err;
  EXPECT_EQ(run({"rules", "set", "--competition", "Europa League", "--from", "2012-13", "--legs",
                 "3"}).exit_code,
            2);

  // Replays: how many, and how a replay still level is settled.
  set = run({"rules", "set", "--competition", "Europa League", "--from", "2012-13",
             "--replay-limit", "2", "--replay-penalties", "no"});
  ASSERT_EQ(set.exit_code, 0) << set.err;
  EXPECT_NE(set.out.find("replays up to 2 (extra time yes, penalties no)"), std::string::npos)
      << set.out;
  rules = run_json({"rules", "list", "--competition", "Europa League", "--season", "2012-13",
                    "--json"});
  EXPECT_EQ(rules[0]["replays"], true);
  EXPECT_EQ(rules[0]["replay_limit"], 2);
  EXPECT_EQ(rules[0]["replay_extra_time"], true);
  EXPECT_EQ(rules[0]["replay_penalties"], false);
  // The export carries them, so that they survive a round trip.
  const json exported = run_json({"export"});
  bool found = false;
  for (const json& c : exported["competitions"]) {
    for (const json& r : c["rules"]) found = found || r.value("replay_limit", 0) == 2;
  }
  EXPECT_TRUE(found) << exported["competitions"].dump();
}

TEST_F(Cli, FixturesOfADay) {
  import_sample();
  const json legs = run_json({"fixtures", "--date", "2012-07-03", "--json"});
  ASSERT_EQ(legs.size(), 2u);
  for (const json& leg : legs) {
    for (const char* key : {"date", "kickoff", "competition", "season", "round", "tie_id",
                            "leg_number", "leg_id", "home", "away", "score", "full_time",
                            "half_time", "extra_time", "penalties", "status", "replay"}) {
      EXPECT_TRUE(leg.contains(key)) << key;
    }
    EXPECT_EQ(leg["date"], "2012-07-03");
    EXPECT_EQ(leg["kickoff"], "16:30");
    EXPECT_EQ(leg["season"], "2012-13");
    EXPECT_EQ(leg["round"], "Second qualifying round");
    EXPECT_EQ(leg["leg_number"], 1);
  }
  EXPECT_EQ(legs[0]["home"]["name"], "Víkingur");
  EXPECT_EQ(legs[0]["away"]["name"], "FC Gomel");
  EXPECT_EQ(legs[0]["score"], json::array({0, 6}));
  EXPECT_EQ(legs[1]["home"]["name"], "FK Shkëndija 79");
}

TEST_F(Cli, CsvWithAMappingTakesTheSeasonFromTheDates) {
  dir_.write("legs.csv",
             "Date,Home,Away,FT,Stage\n"
             "05/07/2012,Lech Poznan,Zhetysu,2-0,2nd qualifying round\n"
             "12/07/2012,Zhetysu,Lech Poznan,1-1,2nd qualifying round\n");
  const Result r = run({"import", "--competition", "Europa League", "--mapping",
                        "date_dmy=Date,home=Home,away=Away,score=FT,round=Stage", "legs.csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json ties = run_json({"ties", "--club", "Lech Posen", "--json"});
  ASSERT_EQ(ties.size(), 1u);
  EXPECT_EQ(ties[0]["competition"], "UEFA Europa League");
  EXPECT_EQ(ties[0]["season"], "2012-13");
  EXPECT_EQ(ties[0]["round"], "Second qualifying round");
  EXPECT_EQ(ties[0]["aggregate"], json::array({3, 1}));
  EXPECT_EQ(ties[0]["clubs"][1]["name"], "FC Zhetysu Taldykorgan");
}

TEST_F(Cli, NextAndPreviousFixtureOfAClub) {
  import_sample();
  const json next =
      run_json({"fixtures", "--club", "Lech Poznan", "--next", "--date", "2012-07-06", "--json"});
  ASSERT_EQ(next.size(), 1u);
  EXPECT_EQ(next[0]["date"], "2012-07-12");
  EXPECT_EQ(next[0]["home"]["name"], "FC Zhetysu Taldykorgan");
  const json previous = run_json(
      {"fixtures", "--club", "Lech Poznan", "--previous", "--date", "2012-07-12", "--json"});
  ASSERT_EQ(previous.size(), 1u);
  EXPECT_EQ(previous[0]["date"], "2012-07-05");
  const json none =
      run_json({"fixtures", "--club", "Lech Poznan", "--next", "--date", "2012-07-13", "--json"});
  EXPECT_TRUE(none.empty());
}

TEST_F(Cli, AnUnknownClubExitsWith3AndNamesIt) {
  import_sample();
  const Result r = run({"ties", "--club", "Nowhere Rovers"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("Nowhere Rovers"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
}

// Names in a query are resolved in the database's scope: a club and an opponent as the one
// pairing of the data both names fit, a country in brackets, candidates listed with #id.
TEST_F(Cli, NamesAreResolvedInTheDatabasesScope) {
  for (const char* file : {"000_98225e7db66c08bd.txt", "001_18477ec777a99af5.txt"}) {
    ASSERT_EQ(run({"import", "--competition", "UEFA Europa League", "--season", "2012-13",
                   "--round", "Second qualifying round", data_path(file)})
                  .exit_code,
              0);
  }
  Result r = run({"ties", "--club", "Baku"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("#"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("(AZE, 1 tie)"), std::string::npos) << r.err;
  const json pair = run_json({"ties", "--club", "Baku", "--opponent", "Mura", "--json"});
  ASSERT_EQ(pair.size(), 1u);
  EXPECT_EQ(pair[0]["clubs"][0]["name"], "Bakı FK");
  r = run({"resolve", "Liverpool [ENG]"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Liverpool FC"), std::string::npos) << r.out;
  r = run({"resolve", "Liverpool [ESP]"});
  EXPECT_EQ(r.exit_code, 3);
  const json lech = run_json({"resolve", "Lech", "--json"});
  EXPECT_EQ(lech["club"]["name"], "KKS Lech Poznań");
  EXPECT_EQ(lech["candidates"][0]["ties"], 1);
  EXPECT_EQ(lech["candidates"][0]["country"], "POL");
}

// The names of data/clubs/nicknames.txt mean their club, a club whose name holds the word no
// rival; they are the registry's, listed with the method "nickname" only with --all.
TEST_F(Cli, ANicknameMeansItsClub) {
  ASSERT_EQ(run({"import", kCases}).exit_code, 0);
  for (const auto& [name, club] : std::vector<std::pair<std::string, std::string>>{
           {"Spurs", "Tottenham Hotspur FC"}, {"Wolves", "Wolverhampton Wanderers FC"}}) {
    const json j = run_json({"resolve", name, "--json"});
    EXPECT_EQ(j["club"]["name"], club) << name;
  }
  EXPECT_EQ(run({"aliases", "list"}).out.find("Spurs"), std::string::npos);
  const json all = run_json({"aliases", "list", "--all", "--json"});
  bool listed = false;
  for (const json& a : all) {
    listed = listed || (a["name"] == "Spurs" && a["method"] == "nickname");
  }
  EXPECT_TRUE(listed);
}

TEST_F(Cli, AnAmbiguousClubExitsWith3ListingTheCandidates) {
  ASSERT_EQ(run({"import", kCases}).exit_code, 0);
  const Result r = run({"ties", "--club", "Víkingur"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("ambiguous"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("Víkingur Gøta"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("Víkingur Reykjavík"), std::string::npos) << r.err;
}

TEST_F(Cli, ResolvePrintsJsonAndExits0Or3) {
  ASSERT_EQ(run({"import", kSample, kCases}).exit_code, 0);
  Result r = run({"resolve", "INTER BAKU", "--json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  json j = json::parse(r.out);
  EXPECT_EQ(j["query"], "INTER BAKU");
  EXPECT_EQ(j["status"], "resolved");
  EXPECT_EQ(j["club"]["name"], "İnter Bakı PİK");
  EXPECT_EQ(j["method"], "normalized");
  ASSERT_EQ(j["candidates"].size(), 1u);
  for (const char* key : {"id", "name", "matched_name", "method", "score"}) {
    EXPECT_TRUE(j["candidates"][0].contains(key)) << key;
  }

  r = run({"resolve", "Víkingur", "--json"});
  EXPECT_EQ(r.exit_code, 3);
  j = json::parse(r.out);
  EXPECT_EQ(j["status"], "ambiguous");
  EXPECT_TRUE(j["club"].is_null());
  EXPECT_EQ(j["candidates"].size(), 3u);  // the sample's Víkingur, Víkingur Gøta and Reykjavík

  r = run({"resolve", "Santa Coloma", "--json"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("UE Santa Coloma"), std::string::npos);
  j = json::parse(r.out);
  EXPECT_EQ(j["status"], "ambiguous");
  EXPECT_TRUE(j["method"].is_null());
  ASSERT_EQ(j["candidates"].size(), 2u);  // both clubs, no guess
  EXPECT_EQ(j["candidates"][0]["name"], "FC Santa Coloma");
  EXPECT_EQ(j["candidates"][1]["name"], "UE Santa Coloma");
}

TEST_F(Cli, ABadOptionExitsWith2) {
  EXPECT_EQ(run({"ties", "--colour", "red"}).exit_code, 2);
  EXPECT_EQ(run({"fixtures", "--date", "2012-13-45"}).exit_code, 2);
  EXPECT_EQ(run({"import", kSample, "--season", "last year"}).exit_code, 2);
  EXPECT_EQ(run({}).exit_code, 2);
}

TEST_F(Cli, VersionAndAMistypedCommandWithWhatItMayMean) {
  Result r = run({"--version"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, std::string("footballdb ") + FOOTBALLDB_VERSION + " (schema version " +
                       std::to_string(Database::latest_schema_version()) + ")\n");
  r = run({"tiez", "--club", "Lech"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "footballdb: usage: no command 'tiez'; did you mean 'ties'? (footballdb --help "
                   "lists them)\n");
  r = run({"--busy-timeout", "100", "fixture"});  // an option's value is no command
  EXPECT_EQ(r.err, "footballdb: usage: no command 'fixture'; did you mean 'fixtures'? (footballdb "
                   "--help lists them)\n");
  r = run({"frobnicate"});
  EXPECT_EQ(r.err, "footballdb: usage: no command 'frobnicate' (footballdb --help lists them)\n");
  EXPECT_FALSE(std::filesystem::exists(dir_.path("t.db")));
}

TEST_F(Cli, AnUnknownCompetitionOrRoundIsAnErrorThatSaysWhatItMayBe) {
  import_sample();
  Result r = run({"ties", "--competition", "Europa Leage"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "footballdb: usage: no competition \"Europa Leage\" in the database; did you "
                   "mean \"UEFA Europa League\"?\n");
  r = run({"ties", "--competition", "Champions League", "--json"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "footballdb: usage: no competition \"Champions League\" in the database\n");
  EXPECT_EQ(r.out, "");
  r = run({"standings", "--competition", "europa league", "--round", "2nd qualifing round"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "footballdb: usage: no round \"2nd qualifing round\" in the database for UEFA "
                   "Europa League; did you mean \"Second qualifying round\"?\n");
  r = run({"ties", "--club", "Lech Poznan", "--round", "Semi-finals"});
  EXPECT_EQ(r.exit_code, 2);
  // Names as fans write them still find what is there.
  r = run({"ties", "--competition", "europa league", "--round", "2nd qualifying round", "--json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(json::parse(r.out).size(), 37u);
}

TEST_F(Cli, QuietPrintsNoReportAndVerboseSaysWhatIsRead) {
  Result r = run({"-q", "import", kSample});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "");
  r = run({"--quiet", "aliases", "add", "Kolejorz", "Lech Poznan"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  r = run({"-q", "ties", "--club", "Kolejorz", "--json"});  // answers are not reports
  EXPECT_EQ(json::parse(r.out).size(), 1u);
  r = run({"-q", "aliases", "add", "Kolejorz", "No Such Club"});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err, "");  // errors are never quiet

  const std::string results = FOOTBALLDB_SOURCE_DIR "/data/samples/uefa-europa-league-2012-13-q2-results.txt";
  r = run({"-v", "import", "--competition", "UEFA Europa League", "--season", "2012-13", "--round",
           "Second qualifying round", results});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err.rfind("footballdb: reading " + results + " (6 KiB)\nfootballdb: read " + results +
                            " in ",
                        0),
            0u)
      << r.err;
  EXPECT_NE(r.out.find("(result-lines): 111 records"), std::string::npos) << r.out;
}

TEST_F(Cli, TiesSayWhatEachSourceStatesAsFactsNotAsItsRawRecord) {
  Result r = run({"import", data_path("csv/champs_layout.csv")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = run({"ties", "--club", "Liverpool", "--season", "1964-65"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("  stated: Liverpool FC through on a coin toss  [" +
                       data_path("csv/champs_layout.csv") + ":4]\n"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find(",\"QF\","), std::string::npos) << r.out;  // no CSV row
  r = run({"import", "--competition", "UEFA Intertoto Cup", "--season", "2005",
           data_path("002_1372deafbd61fe9d.txt")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = run({"ties", "--club", "Gent", "--season", "2005"});
  EXPECT_NE(r.out.find("  stated: KAA Gent through on aggregate (3-2): \"Gent won 3–2 on "
                       "aggregate.\"  ["),
            std::string::npos)
      << r.out;
}

TEST_F(Cli, SourcesListsEachImportWithWhatItGave) {
  EXPECT_NE(run({"sources"}).exit_code, 0);  // no database: nothing is created
  EXPECT_FALSE(std::filesystem::exists(dir_.path("t.db")));
  const std::string results =
      FOOTBALLDB_SOURCE_DIR "/data/samples/uefa-europa-league-2012-13-q2-results.txt";
  const std::string pairings =
      FOOTBALLDB_SOURCE_DIR "/data/samples/uefa-europa-league-2012-13-q2-pairings.txt";
  Result r = run({"import", "--competition", "UEFA Europa League", "--season", "2012-13", "--round",
                  "Second qualifying round", results, pairings});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json list = run_json({"sources", "--json"});
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0]["id"], 1);
  EXPECT_EQ(list[0]["path"], results);
  EXPECT_EQ(list[0]["format"], "result-lines");
  EXPECT_EQ(list[0]["sha256"].get<std::string>().size(), 64u);
  EXPECT_EQ(list[0]["ties"], 37);
  EXPECT_EQ(list[0]["legs"], 74);
  EXPECT_EQ(list[0]["claims"], 37);
  EXPECT_EQ(list[1]["format"], "pairing-table");
  EXPECT_EQ(list[1]["ties"], 37);
  EXPECT_EQ(list[1]["legs"], 0);
  r = run({"sources"});
  EXPECT_EQ(r.out.rfind("#1 " + results + " (result-lines, ", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("): 37 ties, 74 legs, 37 claims, 0 conflicts, "), std::string::npos);
}

TEST_F(Cli, AMalformedFileExitsWith1AndChangesNothing) {
  import_sample();
  const std::string before = run({"export"}).out;
  dir_.write("bad.json",
             "{\"footballdb\": 1,\n"
             "\"ties\": [\n"
             "{\"competition\": \"UEFA Cup\", \"season\": \"2012-13\", \"round\": \"Final\",\n"
             " \"legs\": [{\"home\": \"A\", \"away\": \"B\", \"full_time\": [2]}]}\n"
             "]}\n");
  dir_.write("good.json",
             "{\"footballdb\": 1,\n"
             "\"ties\": [{\"competition\": \"UEFA Cup\", \"season\": \"2012-13\", \"round\": "
             "\"Final\", \"clubs\": [\"A\", \"B\"]}]}\n");
  const Result r = run({"import", "good.json", "bad.json"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("input: bad.json:4"), std::string::npos) << r.err;
  EXPECT_EQ(run({"export"}).out, before);
}

TEST_F(Cli, AnEmptyResultExits0) {
  import_sample();
  Result r = run({"ties", "--club", "Lech Poznań", "--season", "2011-12", "--json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(json::parse(r.out), json::array());
  r = run({"fixtures", "--date", "2012-07-04"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST_F(Cli, TheShellRunsSqlWithTheExtensionLoaded) {
  import_sample();
  Result r = run({"shell", "SELECT count(*) AS n FROM tie_results"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "n\n37\n");  // headers by default
  r = run({"shell"}, "SELECT count(*) AS n FROM leg_results WHERE date = '2012-07-03';\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "n\n2\n");
  r = run({"shell", "--", "-noheader",
           "SELECT name_key('FK İnter Baku'), fold_key('Þór Akureyri')"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "fk inter baku|thor akureyri\n");
}

TEST_F(Cli, TheShellPassesSqlite3sOwnOptionsThrough) {
  import_sample();
  Result r = run({"shell", "--", "-csv", "-separator", ";", "SELECT 1 AS a, 'x;y' AS b"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "a;b\n1;\"x;y\"\n");
  r = run({"shell", "--", "-json", "SELECT 2 AS a"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "[{\"a\":2}]\n");
  // SQL that begins with a comment is SQL, not an option of footballdb's or of sqlite3's.
  r = run({"shell", "--", "-csv", "-- the legs\nSELECT 3 AS a"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "a\n3\n");
}

TEST_F(Cli, AShellPathThatLooksLikeAnOptionIsAPath) {
  // "--db=-echo" is the file "./-echo", never sqlite3's -echo option.
  const Result r = shell(quote(FOOTBALLDB_CLI) + " --db=-echo shell 'SELECT 42 AS x'");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "x\n42\n");
  EXPECT_TRUE(std::filesystem::exists(dir_.path("-echo")));
}

TEST_F(Cli, TheViewsWorkInTheStockShellWithoutTheExtension) {
  import_sample();
  Result r = shell("sqlite3 t.db " + quote("SELECT home, away, home_goals, away_goals, et_home "
                                           "FROM leg_results WHERE home = 'ÍBV Vestmannaeyjar'"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "ÍBV Vestmannaeyjar|St Patrick's Athletic FC|2|1|2\n");
  r = shell("sqlite3 t.db " + quote("SELECT club_a, club_b, agg_a, agg_b, winner, decided_by, "
                                    "first_leg_date, last_leg_date FROM tie_results "
                                    "WHERE club_a = 'KKS Lech Poznań'"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "KKS Lech Poznań|FC Zhetysu Taldykorgan|3|1|KKS Lech Poznań|aggregate|"
                   "2012-07-05|2012-07-12\n");
  // The clubs' ids beside their names, after every older column.
  r = shell("sqlite3 t.db " + quote("SELECT count(*) FROM tie_results t JOIN clubs a ON a.id = "
                                    "t.club_a_id AND a.name = t.club_a JOIN clubs b ON b.id = "
                                    "t.club_b_id AND b.name = t.club_b JOIN clubs w ON w.id = "
                                    "t.winner_id AND w.name = t.winner; "
                                    "SELECT count(*) FROM leg_results l JOIN clubs h ON h.id = "
                                    "l.home_id AND h.name = l.home JOIN clubs a ON a.id = "
                                    "l.away_id AND a.name = l.away; "
                                    "SELECT name FROM pragma_table_info('tie_results') "
                                    "ORDER BY cid DESC LIMIT 3"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "37\n74\nwinner_id\nclub_b_id\nclub_a_id\n");
}

// `value` without the keys that differ between two databases of the same facts.
json without_ids(json value) {
  if (value.is_object()) {
    for (const char* key : {"id", "source", "tie_id", "leg_id"}) value.erase(key);
  }
  if (value.is_structured()) {
    for (json& child : value) child = without_ids(child);
  }
  return value;
}

TEST_F(Cli, ExportThenImportGivesTheSameTies) {
  ASSERT_EQ(run({"import", kSample, kCases}).exit_code, 0);
  const Result exported = run({"export", "--json", "-o", "out.json"});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  const std::string second = quote(FOOTBALLDB_CLI) + " --db t2.db ";
  const Result imported = shell(second + "import out.json");
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  const json a = run_json({"ties", "--json"});
  const json b = json::parse(shell(second + "ties --json").out);
  ASSERT_EQ(a.size(), 40u);
  ASSERT_EQ(b.size(), a.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(without_ids(a[i]), without_ids(b[i])) << i;
  }
}

TEST_F(Cli, ADatabaseOfANewerSchemaIsRefused) {
  import_sample();
  ASSERT_EQ(shell("sqlite3 t.db 'PRAGMA user_version = 99'").exit_code, 0);
  const Result r = run({"ties"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("schema version 99, newer than this footballdb"), std::string::npos)
      << r.err;
  EXPECT_EQ(r.out, "");
}

// --- Name review and aliases ---

class CliReview : public Cli {
 protected:
  void SetUp() override {
    for (const char* file : {"000_98225e7db66c08bd.txt", "001_18477ec777a99af5.txt"}) {
      const Result r = run({"import", "--competition", "UEFA Europa League", "--season", "2012-13",
                            "--round", "Second qualifying round", data_path(file)});
      ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    const Result r = run({"import", "--competition", "UEFA Intertoto Cup", "--season", "2005",
                          data_path("002_1372deafbd61fe9d.txt")});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }

  // The id of the open review of `name`.
  std::string review_id(const std::string& name) {
    for (const json& r : run_json({"review", "--json"})) {
      if (r["name"] == name) return std::to_string(r["id"].get<int>());
    }
    ADD_FAILURE() << "no open review of " << name;
    return "0";
  }
};

TEST_F(CliReview, ListsTheQueueWithCandidatesAndWhereEachNameWasSeen) {
  const json list = run_json({"review", "list", "--json"});
  ASSERT_FALSE(list.empty());
  const json* daugava = nullptr;
  for (const json& r : list) {
    if (r["name"] == "FC Daugava") daugava = &r;
  }
  ASSERT_NE(daugava, nullptr);
  EXPECT_EQ((*daugava)["status"], "open");
  EXPECT_NE((*daugava)["seen"]["path"].get<std::string>().find("000_"), std::string::npos);
  EXPECT_EQ((*daugava)["ties"].size(), 1u);
  EXPECT_GE((*daugava)["candidates"].size(), 2u);
  const Result text = run({"review"});
  EXPECT_NE(text.out.find("candidate: #"), std::string::npos) << text.out;
}

TEST_F(CliReview, AcceptThenUndoGivesBackTheSameExport) {
  const Result legs = run({"import", "--competition", "UEFA Intertoto Cup", "--season", "2005",
                           "--round", "First round",
                           data_path("review/intertoto_2005_first_round.txt")});
  ASSERT_EQ(legs.exit_code, 0) << legs.err;
  const std::string before = run({"export"}).out;
  const std::string id = review_id("Göteborg");
  Result r = run({"review", "accept", id, "IFK Göteborg"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json ties = run_json({"ties", "--club", "IFK Göteborg", "--json"});
  ASSERT_EQ(ties.size(), 2u);
  EXPECT_EQ(ties[0]["legs"].size(), 2u);
  EXPECT_EQ(ties[0]["aggregate"], json::array({5, 2}));
  EXPECT_FALSE(ties[0]["disagreement"].get<bool>());
  r = run({"review", "undo", id});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(run({"export"}).out, before);
}

TEST_F(CliReview, CreateRejectAndAClubById) {
  Result r = run({"review", "create", review_id("Tescoma Zlín")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = run({"review", "reject", review_id("Varteks")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json all = run_json({"review", "list", "--all", "--json"});
  int created = 0, rejected = 0;
  for (const json& x : all) {
    created += x["status"] == "created";
    rejected += x["status"] == "rejected";
  }
  EXPECT_EQ(created, 1);
  EXPECT_EQ(rejected, 1);
  const json lech = run_json({"resolve", "Lech Poznań", "--json"});
  const std::string hash = "#" + std::to_string(lech["club"]["id"].get<int>());
  EXPECT_EQ(run_json({"ties", "--club", hash, "--json"}).size(), 2u);
  EXPECT_EQ(run({"review", "accept", "9999", hash}).exit_code, 2);  // no such review
}

TEST_F(CliReview, AcceptRefusesAClubThatIsNoneOfTheCandidatesUnlessForced) {
  const std::string before = run({"export"}).out;
  const std::string hamburg = review_id("Hamburg");
  Result r = run({"review", "accept", hamburg, "Hamburger SV"});
  EXPECT_EQ(r.exit_code, 2);  // as the CLI's usage errors
  EXPECT_NE(r.err.find("'Hamburg'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("Hamburger SV"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("SC Victoria Hamburg"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--force"), std::string::npos) << r.err;
  r = run({"aliases", "add", "Hamburg", "Hamburger SV"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(run({"export"}).out, before);  // nothing changed

  r = run({"review", "accept", review_id("Göteborg"), "IFK Göteborg"});  // a candidate
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = run({"review", "accept", hamburg, "Hamburger SV", "--force"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json all = run_json({"review", "list", "--all", "--json"});
  for (const json& x : all) {
    if (x["name"] == "Hamburg" || x["name"] == "Göteborg") {
      EXPECT_EQ(x["status"], "accepted") << x;
    }
  }
}

TEST_F(CliReview, AliasesAddResolveListAndRemove) {
  EXPECT_EQ(run({"resolve", "Kolejorz"}).exit_code, 3);
  Result r = run({"aliases", "add", "Kolejorz", "Lech Poznań"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(run_json({"resolve", "Kolejorz", "--json"})["club"]["name"], "KKS Lech Poznań");
  const json aliases = run_json({"aliases", "list", "Lech Poznań", "--json"});
  bool found = false;
  for (const json& a : aliases) found |= a["name"] == "Kolejorz" && a["method"] == "user";
  EXPECT_TRUE(found);
  EXPECT_TRUE(aliases[0]["canonical"].get<bool>());
  r = run({"aliases", "remove", "Kolejorz"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(run({"resolve", "Kolejorz"}).exit_code, 3);
  r = run({"aliases", "remove", "KKS Lech Poznań"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("canonical"), std::string::npos);
  r = run({"aliases", "add", "FC Santa Coloma", "UE Santa Coloma"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("different club"), std::string::npos);
}

TEST_F(CliReview, ResolveJsonExplainsTheMatch) {
  const json r = run_json({"resolve", "Lech Posen", "--json"});
  EXPECT_EQ(r["status"], "resolved");
  EXPECT_EQ(r["method"], "exact");
  ASSERT_FALSE(r["candidates"].empty());
  EXPECT_EQ(r["candidates"][0]["method"], "exact");
  EXPECT_FALSE(r["candidates"][0]["explanation"].get<std::string>().empty());
}

TEST_F(CliReview, ClubIdInTheShellAndTheStockSqlite3) {
  const Result r = run({"shell", "SELECT c.name FROM clubs c WHERE c.id = club_id('Lech Posen');"
                                 " SELECT club_id('Santa Coloma') IS NULL;"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "name\nKKS Lech Poznań\nclub_id('Santa Coloma') IS NULL\n1\n");
  const std::string module =
      (std::filesystem::path(FOOTBALLDB_CLI).parent_path().parent_path() / "lib" / "footballdb")
          .string();
  const Result stock = shell("sqlite3 -cmd " + quote(".load " + module) + " t.db " +
                             quote("SELECT club_id('Inter Baku') = club_id('FK İnter Baku')"));
  ASSERT_EQ(stock.exit_code, 0) << stock.err;
  EXPECT_EQ(stock.out, "1\n");
}

// A national-cup run reads naturally: each round with the source's words, the match and its
// replays in order, the score after extra time where that is all the source gives.
TEST_F(Cli, ACupTieReadsAsAMatchAndItsReplays) {
  ASSERT_EQ(run({"import", "--competition", "FA Cup", data_path("csv/cup-layout.csv")}).exit_code, 0);
  const Result r = run({"ties", "--club", "Zeta United"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("1979-80 FA Cup, Semi-finals (as stated: \"s\")"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Zeta United through after a replay"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  match  1979-04-12  Zeta United 0-0 Eta Albion (aet, neutral ground"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("  replay 1  1979-04-16  Zeta United 1-1 Eta Albion (aet"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("  replay 2  1979-04-28  Zeta United 1-0 Eta Albion"), std::string::npos)
      << r.out;
}

// A byte that is no UTF-8 text is refused where it stands, and the database is as it was: one
// bad byte must not make the database unexportable.
TEST_F(Cli, TextThatIsNoUtf8IsRefusedAtItsPlaceAndChangesNothing) {
  import_sample();
  const std::string before = run({"export"}).out;
  dir_.write("bad.csv",
             "Date,Season,home,visitor,FT,round,tie\n2000-01-08,2000,Bad\xff Name,B Two,1-0,3,initial\n");
  Result r = run({"import", "--competition", "FA Cup", "bad.csv"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("bad.csv:2:20: expected UTF-8 text, got a byte that begins no UTF-8 "
                       "character (byte 0xFF)"),
            std::string::npos)
      << r.err;
  dir_.write("nul.txt", std::string("Alpha 1-0 Beta\nGam") + '\0' + "ma 2-1 Delta\n");
  r = run({"import", "--format", "result-lines", "nul.txt"});
  EXPECT_NE(r.err.find("nul.txt:2:4: expected UTF-8 text, got a NUL byte"), std::string::npos)
      << r.err;
  EXPECT_EQ(run({"export"}).out, before);
}

// A pipe is read once: what it gives is hashed and imported (it was hashed and then found empty).
TEST_F(Cli, APipeImportsItsContent) {
  const std::string csv = data_path("csv/cup-layout.csv");
  const Result r = shell("mkfifo pipe && (cat " + quote(csv) + " > pipe &) && " +
                         quote(FOOTBALLDB_CLI) + " --db t.db import --competition 'FA Cup' pipe");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("7 ties added"), std::string::npos) << r.out;
  // The same content from the file is the source imported before.
  const Result again = run({"import", "--competition", "FA Cup", csv});
  EXPECT_NE(again.out.find("imported before"), std::string::npos) << again.out;
}

// A command that only reads never creates a database: a mistyped --db is an error naming it.
TEST_F(Cli, AReadingCommandOnAMissingDatabaseNamesItAndCreatesNothing) {
  for (const std::vector<std::string>& command :
       std::vector<std::vector<std::string>>{{"ties"}, {"fixtures", "--date", "2012-07-03"},
                                             {"check"}, {"export"}, {"resolve", "Lech"}}) {
    std::string line = quote(FOOTBALLDB_CLI) + " --db typo.db";
    for (const std::string& a : command) line += " " + quote(a);
    const Result r = shell(line);
    EXPECT_EQ(r.exit_code, 1) << command[0];
    EXPECT_NE(r.err.find("no database at 'typo.db'"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(dir_.path("typo.db"))) << command[0];
  }
}

}  // namespace
}  // namespace footballdb

namespace footballdb {
namespace {

class Formats : public Cli {};

// The first line of `text` (a CSV header, a table's heading).
std::string first_line(const std::string& text) { return text.substr(0, text.find_first_of("\r\n")); }

TEST_F(Formats, EveryQueryCommandPrintsTextJsonCsvAndTables) {
  import_sample();
  const std::vector<std::vector<std::string>> commands = {
      {"ties", "--club", "Lech Poznan"},
      {"fixtures", "--date", "2012-07-05"},
      {"standings"},
      {"resolve", "Lech Posen"},
      {"clubs", "lech"},
      {"sources"},
      {"review", "--all"},
      {"aliases", "list", "Lech Poznan"},
      {"rules", "list", "--competition", "UEFA Europa League", "--season", "2012-13"},
      {"check"},
  };
  for (std::vector<std::string> command : commands) {
    const std::string name = command.front();
    std::vector<std::string> json_form = command;
    json_form.push_back("--json");
    const Result json_flag = run(json_form);
    std::vector<std::string> as = command;
    as.insert(as.end(), {"--format", "json"});
    const Result json_format = run(as);
    EXPECT_EQ(json_format.exit_code, json_flag.exit_code) << name;
    EXPECT_EQ(json_format.out, json_flag.out) << name;  // --format json is --json
    EXPECT_TRUE(json::accept(json_format.out)) << name;

    as.back() = "text";
    EXPECT_EQ(run(as).out, run(command).out) << name;  // text is the default

    as.back() = "csv";
    const Result csv = run(as);
    EXPECT_EQ(csv.exit_code, json_flag.exit_code) << name << csv.err;
    EXPECT_NE(first_line(csv.out), "") << name;

    as.back() = "table";
    const Result table = run(as);
    EXPECT_EQ(table.exit_code, json_flag.exit_code) << name << table.err;
    const std::string second = table.out.substr(table.out.find('\n') + 1, 3);
    EXPECT_EQ(second.substr(0, 1), "-") << name << ":\n" << table.out;  // the rule under the heading
    // The same columns, in the same order.
    std::string heading;
    std::istringstream cells(first_line(table.out));
    for (std::string cell; std::getline(cells, cell, '|');) {
      cell.erase(0, cell.find_first_not_of(' '));
      cell.erase(cell.find_last_not_of(' ') + 1);
      heading += (heading.empty() ? "" : ",") + cell;
    }
    EXPECT_EQ(heading, first_line(csv.out)) << name;
  }
}

TEST_F(Formats, TiesAsCsvHaveTheColumnsOfTheView) {
  import_sample();
  const Result r = run({"ties", "--club", "Lech Poznan", "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(first_line(r.out),
            "id,competition,season,round,club_a_id,club_a,agg_a,agg_b,club_b,club_b_id,winner,"
            "winner_id,decided_by,extra_time,legs,disagreement");
  EXPECT_NE(r.out.find(",KKS Lech Poznań,3,1,FC Zhetysu Taldykorgan,"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(",2-0; 1-1,"), std::string::npos) << r.out;
  // No rows: the header still says what the columns are.
  const Result none = run({"fixtures", "--date", "1999-01-01", "--format", "csv"});
  EXPECT_EQ(none.exit_code, 0);
  EXPECT_EQ(first_line(none.out).substr(0, 18), "date,kickoff,compe");
}

TEST_F(Formats, AnUnknownFormatOrTwoFormsAreUsageErrors) {
  import_sample();
  EXPECT_EQ(run({"ties", "--format", "xml"}).exit_code, 2);
  const Result both = run({"ties", "--json", "--format", "csv"});
  EXPECT_EQ(both.exit_code, 2);
  EXPECT_NE(both.err.find("--json and --format csv"), std::string::npos) << both.err;
}

TEST_F(Formats, ShellTakesSqlite3sOwnOptionsWithOrWithoutTheSeparator) {
  import_sample();
  const Result box = run({"shell", "-box", "SELECT 1 AS x"});
  EXPECT_EQ(box.exit_code, 0) << box.err;
  EXPECT_NE(box.out.find("│ x │"), std::string::npos) << box.out;
  const Result separated = run({"shell", "--", "-csv", "-noheader", "SELECT 1, 2"});
  EXPECT_EQ(separated.out, "1,2\n") << separated.err;
  const Result headers = run({"shell", "SELECT 3 AS three"});
  EXPECT_EQ(headers.out, "three\n3\n");
}

}  // namespace
}  // namespace footballdb
