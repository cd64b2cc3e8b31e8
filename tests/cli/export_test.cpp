// footballdb export in each of its formats, run as a user runs it: what the files hold, the exit
// codes, and the usage and output errors.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "cli/cli_runner.hpp"

namespace footballdb {
namespace {

using testing::CliResult;
using testing::data_path;
using testing::quote;
using testing::read_file;

const std::string kSample = data_path("json/uefa-europa-league-2012-13-q2.json");

// The rows of RFC 4180 text whose every line ends in CRLF (the export's fields hold no line
// break).
std::vector<testing::CsvRow> parse_csv(const std::string& text) {
  for (std::size_t i = text.find('\n'); i != std::string::npos; i = text.find('\n', i + 1)) {
    EXPECT_TRUE(i > 0 && text[i - 1] == '\r') << "a line that does not end in CRLF, at byte " << i;
  }
  EXPECT_TRUE(text.size() >= 2 && text.substr(text.size() - 2) == "\r\n")
      << "the last line does not end in CRLF";
  return testing::read_csv(text);
}

// The rows of a CSV file as maps from the header's names to the row's fields.
std::vector<std::map<std::string, std::string>> records(const std::vector<testing::CsvRow>& rows) {
  std::vector<std::map<std::string, std::string>> out;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    EXPECT_EQ(rows[r].size(), rows[0].size()) << "row " << r;
    std::map<std::string, std::string> record;
    for (std::size_t i = 0; i < rows[0].size() && i < rows[r].size(); ++i) {
      record[rows[0][i]] = rows[r][i];
    }
    out.push_back(std::move(record));
  }
  return out;
}

// Joins `names` with commas, as a header row.
std::string header(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ",") + n;
  return out;
}

class Export : public testing::CliFixture {
 protected:
  void SetUp() override {
    const CliResult r = run({"import", kSample});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
};

TEST_F(Export, JsonIsTheDefaultAndFormatJsonItsSynonym) {
  const CliResult plain = run({"export"});
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_EQ(plain.out.rfind("{\"footballdb\": 1,", 0), 0u) << plain.out.substr(0, 40);
  EXPECT_EQ(run({"export", "--json"}).out, plain.out);
  EXPECT_EQ(run({"export", "--format", "json"}).out, plain.out);
  ASSERT_EQ(run({"export", "--json", "--format", "json", "-o", "out.json"}).exit_code, 0);
  EXPECT_EQ(read_file(dir_.path("out.json")), plain.out);
}

TEST_F(Export, CsvWritesTiesAndLegsWithTheDocumentedHeaders) {
  const CliResult r = run({"export", "--format", "csv", "-o", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  const auto ties = parse_csv(read_file(dir_.path("csv/ties.csv")));
  const auto legs = parse_csv(read_file(dir_.path("csv/legs.csv")));
  ASSERT_FALSE(ties.empty());
  ASSERT_FALSE(legs.empty());
  EXPECT_EQ(header(ties[0]),
            "tie_id,competition,season,round,round_order,knockout,group,tie_number,club_a_id,"
            "club_a,club_a_country,club_b_id,club_b,club_b_country,agg_a,agg_b,winner_id,winner,"
            "decided_by,extra_time,outcome_from,legs,first_leg_date,last_leg_date,"
            "coin_toss_winner_id,coin_toss_winner,claims,stated_winner_id,stated_winner,"
            "stated_agg_a,stated_agg_b,stated_decided_by,disagreement");
  EXPECT_EQ(header(legs[0]),
            "leg_id,tie_id,competition,season,round,group,leg_number,replay,status,date,kickoff,"
            "home_id,home,home_country,away_id,away,away_country,neutral,venue,home_goals,"
            "away_goals,ft_home,ft_away,ht_home,ht_away,et_home,et_away,pen_home,pen_away,"
            "awarded_to_id,awarded_to");
  EXPECT_EQ(ties.size(), 38u);
  EXPECT_EQ(legs.size(), 75u);

  // St Patrick's Athletic v ÍBV: level on aggregate, through on an away goal in extra time.
  std::map<std::string, std::string> tie;
  for (const auto& t : records(ties)) {
    if (t.at("club_a") == "St Patrick's Athletic FC") tie = t;
  }
  ASSERT_FALSE(tie.empty());
  EXPECT_EQ(tie["competition"], "UEFA Europa League");
  EXPECT_EQ(tie["season"], "2012-13");
  EXPECT_EQ(tie["round"], "Second qualifying round");
  EXPECT_EQ(tie["knockout"], "1");
  EXPECT_EQ(tie["group"], "");
  EXPECT_EQ(tie["club_a_country"], "IRL");
  EXPECT_EQ(tie["club_b"], "ÍBV Vestmannaeyjar");
  EXPECT_EQ(tie["club_b_country"], "ISL");
  EXPECT_EQ(tie["agg_a"], "2");
  EXPECT_EQ(tie["agg_b"], "2");
  EXPECT_EQ(tie["winner"], "St Patrick's Athletic FC");
  EXPECT_EQ(tie["winner_id"], tie["club_a_id"]);
  EXPECT_EQ(tie["decided_by"], "away_goals");
  EXPECT_EQ(tie["extra_time"], "1");
  EXPECT_EQ(tie["outcome_from"], "legs");
  EXPECT_EQ(tie["legs"], "2");
  EXPECT_EQ(tie["first_leg_date"], "2012-07-05");
  EXPECT_EQ(tie["last_leg_date"], "2012-07-12");
  EXPECT_EQ(tie["claims"], "1");
  EXPECT_EQ(tie["stated_winner"], "St Patrick's Athletic FC");
  EXPECT_EQ(tie["disagreement"], "0");
  int found = 0;
  for (const auto& leg : records(legs)) {
    if (leg.at("tie_id") != tie["tie_id"]) continue;
    ++found;
    if (leg.at("leg_number") != "2") continue;
    EXPECT_EQ(leg.at("home"), "ÍBV Vestmannaeyjar");
    EXPECT_EQ(leg.at("home_id"), tie["club_b_id"]);
    EXPECT_EQ(leg.at("date"), "2012-07-12");
    EXPECT_EQ(leg.at("kickoff"), "20:30");
    EXPECT_EQ(leg.at("status"), "played");
    EXPECT_EQ(leg.at("replay"), "0");
    EXPECT_EQ(leg.at("home_goals") + "-" + leg.at("away_goals"), "2-1");
    EXPECT_EQ(leg.at("ft_home") + "-" + leg.at("ft_away"), "1-0");
    EXPECT_EQ(leg.at("et_home") + "-" + leg.at("et_away"), "2-1");
    EXPECT_EQ(leg.at("ht_home") + "-" + leg.at("ht_away"), "0-0");
    EXPECT_EQ(leg.at("pen_home"), "");
  }
  EXPECT_EQ(found, 2);
}

TEST_F(Export, CsvQuotesFieldsThatNeedIt) {
  dir_.write("odd.json",
             R"({"footballdb": 1, "ties": [{"competition": "FA Cup", "season": "1975-76",
             "round": "Final", "clubs": ["Alpha, Town", "Beta \"The Bees\" Rovers"],
             "legs": [{"number": 1, "date": "1976-05-01", "home": "Alpha, Town",
             "away": "Beta \"The Bees\" Rovers", "full_time": [1, 0],
             "venue": "Wembley, London"}]}]})");
  ASSERT_EQ(run({"import", "odd.json"}).exit_code, 0);
  ASSERT_EQ(run({"export", "--format", "csv", "-o", "csv"}).exit_code, 0);
  const std::string legs = read_file(dir_.path("csv/legs.csv"));
  EXPECT_NE(legs.find(",\"Alpha, Town\","), std::string::npos) << legs;
  EXPECT_NE(legs.find(",\"Beta \"\"The Bees\"\" Rovers\","), std::string::npos) << legs;
  EXPECT_NE(legs.find(",\"Wembley, London\","), std::string::npos) << legs;
  bool seen = false;
  for (const auto& leg : records(parse_csv(legs))) {
    if (leg.at("venue") != "Wembley, London") continue;
    seen = true;
    EXPECT_EQ(leg.at("home"), "Alpha, Town");
    EXPECT_EQ(leg.at("away"), "Beta \"The Bees\" Rovers");
  }
  EXPECT_TRUE(seen);
}

TEST_F(Export, FootballTxtGoesToStandardOutputAFileOrAFileASeason) {
  const CliResult out = run({"export", "--format", "football-txt"});
  ASSERT_EQ(out.exit_code, 0) << out.err;
  EXPECT_NE(out.out.find("\n= UEFA Europa League 2012/13\n"), std::string::npos) << out.out;
  EXPECT_NE(out.out.find("\n» Second qualifying round, 2nd leg\n"), std::string::npos);
  EXPECT_NE(out.out.find(
                "ÍBV Vestmannaeyjar (ISL) v St Patrick's Athletic FC (IRL)  2-1 a.e.t. (1-0, 0-0)"),
            std::string::npos)
      << out.out;

  ASSERT_EQ(run({"export", "--format", "football-txt", "-o", "all.txt"}).exit_code, 0);
  EXPECT_EQ(read_file(dir_.path("all.txt")), out.out);
  // A directory, named so by its '/' or because it exists: a file a competition's season.
  ASSERT_EQ(run({"import", data_path("json/cases.json")}).exit_code, 0);
  CliResult r = run({"export", "--format", "football-txt", "-o", "seasons/"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir_.path("seasons"))) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"european-cup-1958-59.txt",
                                             "uefa-champions-league-2007-08.txt",
                                             "uefa-europa-league-2012-13.txt"}));
  const std::string europa = read_file(dir_.path("seasons/uefa-europa-league-2012-13.txt"));
  EXPECT_NE(europa.find("» Round of 16, 1st leg"), std::string::npos) << europa;
  EXPECT_EQ(europa.find("Champions League"), std::string::npos) << europa;
  ASSERT_EQ(run({"export", "--format", "football-txt", "-o", "seasons"}).exit_code, 0);
  EXPECT_EQ(read_file(dir_.path("seasons/uefa-europa-league-2012-13.txt")), europa);

  // What was written imports again: the same ties.
  r = shell(quote(FOOTBALLDB_CLI) + " --db t2.db import all.txt");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("(football-txt): 75 records, 37 ties added"), std::string::npos) << r.out;
}

TEST_F(Export, FootballTxtToAFileThatCannotBeWrittenIsAnError) {
  dir_.write("file", "x");
  CliResult r = run({"export", "--format", "football-txt", "-o", "file/out.txt"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("cannot write 'file/out.txt'"), std::string::npos) << r.err;
  r = run({"export", "--format", "football-txt", "-o", "file/seasons/"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("file/seasons/"), std::string::npos) << r.err;
}

TEST_F(Export, PostgresWritesAScriptToStandardOutputOrAFile) {
  const CliResult out = run({"export", "--format", "postgres"});
  ASSERT_EQ(out.exit_code, 0) << out.err;
  EXPECT_EQ(out.out.rfind("-- footballdb (schema version ", 0), 0u) << out.out.substr(0, 80);
  EXPECT_NE(out.out.find("\nCREATE SCHEMA \"footballdb\";\n"), std::string::npos);
  EXPECT_NE(out.out.find("\nCREATE VIEW tie_results ("), std::string::npos);
  EXPECT_EQ(out.out.substr(out.out.size() - 9), "\nCOMMIT;\n");
  ASSERT_EQ(run({"export", "--format", "postgres", "-o", "fdb.sql"}).exit_code, 0);
  EXPECT_EQ(read_file(dir_.path("fdb.sql")), out.out);
  const CliResult in_public = run({"export", "--format", "postgres", "--pg-schema", "public"});
  ASSERT_EQ(in_public.exit_code, 0) << in_public.err;
  EXPECT_EQ(in_public.out.find("CREATE SCHEMA"), std::string::npos);
  EXPECT_NE(in_public.out.find("SET LOCAL search_path = \"public\";"), std::string::npos);
}

TEST_F(Export, PostgresSchemaNamesAreChecked) {
  CliResult r = run({"export", "--format", "postgres", "--pg-schema", "Foot-Ball"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("'Foot-Ball' is no schema name"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
  r = run({"export", "--format", "csv", "-o", "csv", "--pg-schema", "cups"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--pg-schema goes with --format postgres"), std::string::npos) << r.err;
  r = run({"export", "--format", "postgres", "-o", "t.db/fdb.sql"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("cannot write 't.db/fdb.sql'"), std::string::npos) << r.err;
}

TEST_F(Export, CsvNeedsADirectoryAndSaysSo) {
  const CliResult r = run({"export", "--format", "csv"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("name their directory with -o DIR"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST_F(Export, AnUnknownFormatIsAUsageErrorListingTheFormats) {
  CliResult r = run({"export", "--format", "xml"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("json"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("csv"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("football-txt"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("postgres"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
  r = run({"export", "--json", "--format", "csv", "-o", "csv"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--json"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir_.path("csv")));
}

TEST_F(Export, AnOutputThatCannotBeWrittenIsAnError) {
  dir_.write("file", "not a directory\n");
  CliResult r = run({"export", "--format", "csv", "-o", "file"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("cannot create the directory 'file'"), std::string::npos) << r.err;
  EXPECT_EQ(read_file(dir_.path("file")), "not a directory\n");
  r = run({"export", "--format", "csv", "-o", "file/csv"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("file/csv"), std::string::npos) << r.err;
  r = run({"export", "-o", "file/out.json"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("cannot write 'file/out.json'"), std::string::npos) << r.err;
  // A full device: what was written is not all there, and the export says so.
  if (std::filesystem::exists("/dev/full")) {
    r = run({"export", "-o", "/dev/full"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("cannot write '/dev/full'"), std::string::npos) << r.err;
  }
}

TEST_F(Export, AMissingDatabaseIsAnErrorAndNoFileIsWritten) {
  const CliResult r = shell(quote(FOOTBALLDB_CLI) + " --db missing.db export --format csv -o csv");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("missing.db"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir_.path("missing.db")));
  EXPECT_FALSE(std::filesystem::exists(dir_.path("csv")));
}

}  // namespace
}  // namespace footballdb
