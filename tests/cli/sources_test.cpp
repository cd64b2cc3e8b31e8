// footballdb sources: the list of imports, taking one back, and importing the same content with
// other options.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "cli/cli_runner.hpp"

namespace footballdb {
namespace {

using nlohmann::json;
using testing::data_path;
using Result = testing::CliResult;

const std::string kSamples = FOOTBALLDB_SAMPLES;
const std::string kPairings = kSamples + "/uefa-europa-league-2012-13-q2-pairings.txt";
const std::string kResults = kSamples + "/uefa-europa-league-2012-13-q2-results.txt";
const std::string kSummaries = kSamples + "/uefa-intertoto-cup-2005-summaries.txt";
const std::vector<std::string> kEuropaLeague = {"--competition", "UEFA Europa League",
                                                "--season",      "2012-13",
                                                "--round",       "Second qualifying round"};

class Sources : public testing::CliFixture {
 protected:
  void import(std::vector<std::string> args, const std::string& file) {
    args.insert(args.begin(), "import");
    args.push_back(file);
    const Result r = run(args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  // One number the SQL gives, through the shell.
  long long count(const std::string& sql) {
    const Result r = run({"shell", "-noheader", sql});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return std::stoll(r.out);
  }
  json source(int id) {
    for (const json& s : run_json({"sources", "--json"})) {
      if (s["id"] == id) return s;
    }
    return nullptr;
  }
};

TEST_F(Sources, ListsEachImportWithItsOptionsAndCounts) {
  import(kEuropaLeague, kPairings);
  import({"--competition", "UEFA Intertoto Cup", "--season", "2005"}, kSummaries);
  const json one = source(1);
  EXPECT_EQ(one["format"], "pairing-table");
  EXPECT_EQ(one["ties"], 37);
  EXPECT_EQ(one["options"], json({{"competition", "UEFA Europa League"},
                                  {"season", "2012-13"},
                                  {"round", "Second qualifying round"}}));
  EXPECT_EQ(source(2)["options"],
            json({{"competition", "UEFA Intertoto Cup"}, {"season", "2005"}}));
  const Result text = run({"sources"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("--competition \"UEFA Intertoto Cup\", --season \"2005\""),
            std::string::npos)
      << text.out;
}

TEST_F(Sources, TheSameContentWithOtherOptionsIsRefusedSayingHowToRedoIt) {
  import({"--competition", "UEFA Europa League", "--season", "2012-13"}, kPairings);
  const long long ties = count("SELECT count(*) FROM ties");
  const Result again =
      run({"import", "--competition", "UEFA Europa League", "--season", "2012/13", kPairings});
  EXPECT_EQ(again.exit_code, 0) << again.err;  // the same season, written otherwise
  EXPECT_NE(again.out.find("imported before, nothing to do"), std::string::npos) << again.out;

  std::vector<std::string> other = {"import"};
  other.insert(other.end(), kEuropaLeague.begin(), kEuropaLeague.end());
  other.push_back(kPairings);
  const Result refused = run(other);
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find("imported before as source #1 with --competition \"UEFA Europa "
                             "League\" --season \"2012-13\", not"),
            std::string::npos)
      << refused.err;
  EXPECT_NE(refused.err.find("footballdb sources remove 1"), std::string::npos) << refused.err;
  EXPECT_EQ(count("SELECT count(*) FROM sources"), 1);
  EXPECT_EQ(count("SELECT count(*) FROM ties"), ties);

  // Done as the message says, the import takes the new options.
  ASSERT_EQ(run({"sources", "remove", "1"}).exit_code, 0);
  EXPECT_EQ(count("SELECT count(*) FROM ties"), 0);
  const Result redone = run(other);
  ASSERT_EQ(redone.exit_code, 0) << redone.err;
  EXPECT_EQ(count("SELECT count(DISTINCT round) FROM tie_results"), 1);
}

TEST_F(Sources, TakingBackTheResultsKeepsThePairingsTheOtherSourceGives) {
  import(kEuropaLeague, kPairings);
  import(kEuropaLeague, kResults);
  ASSERT_EQ(count("SELECT count(*) FROM legs"), 74);
  const json removed = run_json({"sources", "remove", "2", "--json"});
  EXPECT_EQ(removed["legs_removed"], 74);
  EXPECT_EQ(removed["claims_removed"], 37);
  EXPECT_EQ(removed["ties_removed"], 0);
  EXPECT_EQ(count("SELECT count(*) FROM ties"), 37);
  EXPECT_EQ(count("SELECT count(*) FROM legs"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM tie_results WHERE winner IS NOT NULL"), 0);
  EXPECT_EQ(source(2), nullptr);

  // Imported again, the results are back as they were (as source #2 again: ids are those of
  // the sources there are); the pairings taken back, they stay.
  import(kEuropaLeague, kResults);
  ASSERT_EQ(source(2)["format"], "result-lines");
  EXPECT_EQ(count("SELECT count(*) FROM legs"), 74);
  const json pairings = run_json({"sources", "remove", "1", "--json"});
  EXPECT_EQ(pairings["ties_removed"], 0);
  EXPECT_EQ(count("SELECT count(*) FROM ties"), 37);
  EXPECT_EQ(count("SELECT count(*) FROM tie_results WHERE winner IS NOT NULL"), 37);

  // The last one taken back, nothing of the competition is left.
  const json last = run_json({"sources", "remove", "2", "--json"});
  EXPECT_EQ(last["ties_removed"], 37);
  EXPECT_EQ(count("SELECT count(*) FROM ties"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM competitions"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM clubs WHERE origin = 'import'"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM name_reviews WHERE status = 'open'"), 0);
  const Result check = run({"check"});
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
}

TEST_F(Sources, AFactOnlyTheRemovedSourceGaveBecomesTheOtherSourcesClaim) {
  // first.csv and second.csv give the same leg on other days with other scores: the first
  // import's facts are stored, the second's are conflicts.
  import({}, data_path("sources/first.csv"));
  import({}, data_path("sources/second.csv"));
  ASSERT_EQ(count("SELECT count(*) FROM conflicts"), 2);
  const json removed = run_json({"sources", "remove", "1", "--json"});
  EXPECT_EQ(removed["legs_removed"], 1);  // the second leg, which only it gave
  EXPECT_EQ(removed["legs_rederived"], 1);
  EXPECT_EQ(removed["conflicts_removed"], 2);
  EXPECT_EQ(count("SELECT count(*) FROM conflicts"), 0);
  const Result leg = run({"shell", "-noheader",
                          "SELECT date || ' ' || home_goals || '-' || away_goals FROM leg_results "
                          "WHERE home = '1. FC Köln'"});
  EXPECT_EQ(leg.out, "1965-03-11 1-0\n") << leg.err;
  EXPECT_EQ(count("SELECT count(*) FROM tie_results WHERE winner = '1. FC Köln'"), 1);
}

TEST_F(Sources, AFactAnotherSourceAlsoGaveStands) {
  import({}, data_path("sources/second.csv"));
  import({}, data_path("sources/first.csv"));         // in conflict with the first
  import({}, data_path("sources/second-again.csv"));  // agrees with the first
  ASSERT_EQ(run({"sources", "remove", "1"}).exit_code, 0);
  const Result leg = run({"shell", "-noheader",
                          "SELECT date || ' ' || home_goals || '-' || away_goals FROM leg_results "
                          "WHERE home = '1. FC Köln' AND leg_number = 1"});
  EXPECT_EQ(leg.out, "1965-03-11 1-0\n") << leg.err;
  // The conflicts of first.csv stand: the stored facts are second-again.csv's now.
  EXPECT_EQ(count("SELECT count(*) FROM conflicts WHERE source_id = 2"), 2);
}

TEST_F(Sources, AnUnknownSourceIsAUsageError) {
  import({}, data_path("sources/first.csv"));
  const Result r = run({"sources", "remove", "7"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("there is no source #7"), std::string::npos) << r.err;
  const Result read_only = run({"--read-only", "sources", "remove", "1"});
  EXPECT_NE(read_only.exit_code, 0);
  EXPECT_EQ(count("SELECT count(*) FROM sources"), 1);
}

}  // namespace
}  // namespace footballdb
