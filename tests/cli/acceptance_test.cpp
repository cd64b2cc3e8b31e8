// The ingestion issue's acceptance, end to end: exactly the three import commands a user runs
// on the seeds (tests/data/000_*, 001_*, 002_*), then the queries and checks of its examples.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "cli/cli_runner.hpp"

namespace footballdb {
namespace {

using nlohmann::json;
using Result = testing::CliResult;

const std::string kPairingTable = "000_98225e7db66c08bd.txt";
const std::string kResultLines = "001_18477ec777a99af5.txt";
const std::string kAggregateLines = "002_1372deafbd61fe9d.txt";

// The import command of the issue for `file`, on database `db`.
std::vector<std::string> import_command(const std::string& file) {
  if (file == kAggregateLines) {
    return {"import", "--competition", "UEFA Intertoto Cup", "--season", "2005", file};
  }
  return {"import", "--competition", "UEFA Europa League", "--season", "2012-13", "--round",
          "Second qualifying round", file};
}

// What a user sees of a tie, without ids and evidence (which depend on import order).
json essence(const json& tie) {
  json legs = json::array();
  for (const json& leg : tie["legs"]) {
    legs.push_back({leg["number"], leg["date"], leg["kickoff"], leg["home"]["name"],
                    leg["away"]["name"], leg["full_time"], leg["half_time"], leg["extra_time"],
                    leg["penalties"], leg["status"]});
  }
  json stated = json::array();
  for (const json& s : tie["stated"]) stated.push_back({s["text"], s["aggregate"]});
  auto name = [](const json& club) { return club.is_null() ? json(nullptr) : club["name"]; };
  // A pairing table lists its clubs in no home/away order: the pair is in name order.
  json clubs = {name(tie["clubs"][0]), name(tie["clubs"][1])};
  json aggregate = tie["aggregate"];
  if (!clubs[1].is_null() && clubs[1] < clubs[0]) {
    std::swap(clubs[0], clubs[1]);
    if (!aggregate.is_null()) std::swap(aggregate[0], aggregate[1]);
    for (json& s : stated) {
      if (!s[1].is_null()) std::swap(s[1][0], s[1][1]);
    }
  }
  return {tie["competition"], tie["season"], tie["round"], tie["round_order"], tie["number"],
          clubs, aggregate, name(tie["winner"]), tie["decided_by"], tie["extra_time"],
          tie["outcome_from"], legs, stated};
}

class Acceptance : public testing::CliFixture {
 protected:
  void SetUp() override {
    for (const std::string& seed : {kPairingTable, kResultLines, kAggregateLines}) {
      std::filesystem::copy_file(testing::data_path(seed), dir_.path(seed));
    }
  }

  // Runs `footballdb --db DB ARGS...`.
  Result run_on(const std::string& db, const std::vector<std::string>& args) {
    std::string command = testing::quote(FOOTBALLDB_CLI) + " --db " + testing::quote(db);
    for (const std::string& a : args) command += " " + testing::quote(a);
    return shell(command);
  }

  // The three imports into `db`, in the order of `files`.
  void import_seeds(const std::vector<std::string>& files, const std::string& db = "t.db") {
    for (const std::string& file : files) {
      const Result r = run_on(db, import_command(file));
      ASSERT_EQ(r.exit_code, 0) << file << ": " << r.err;
    }
  }
  void import_seeds() { import_seeds({kPairingTable, kResultLines, kAggregateLines}); }

  json essences(const std::string& db) {
    const Result r = run_on(db, {"ties", "--json"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    json out = json::array();
    for (const json& tie : json::parse(r.out)) out.push_back(essence(tie));
    return out;
  }

  std::string exported(const std::string& db = "t.db") {
    const Result r = run_on(db, {"export", "--json"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
  }
};

TEST_F(Acceptance, LechPosenHasItsIntertotoAndItsEuropaLeagueTie) {
  import_seeds();
  const json ties = run_json({"ties", "--club", "Lech Posen", "--json"});
  ASSERT_EQ(ties.size(), 2u) << ties.dump(1);

  const json& intertoto = ties[0];
  EXPECT_EQ(intertoto["competition"], "UEFA Intertoto Cup");
  EXPECT_EQ(intertoto["season"], "2005");
  EXPECT_EQ(intertoto["round"], "First round");
  EXPECT_EQ(intertoto["aggregate"], json({4, 1}));
  EXPECT_EQ(intertoto["winner"]["id"], intertoto["clubs"][0]["id"]);
  EXPECT_EQ(intertoto["decided_by"], "aggregate");
  EXPECT_EQ(intertoto["outcome_from"], "stated");
  EXPECT_TRUE(intertoto["clubs"][1].is_null());  // the source does not name the loser
  ASSERT_EQ(intertoto["stated"].size(), 1u);
  EXPECT_EQ(intertoto["stated"][0]["text"], "Lech Poznań won 4–1 on aggregate.");

  const json& europa = ties[1];
  EXPECT_EQ(europa["competition"], "UEFA Europa League");
  EXPECT_EQ(europa["season"], "2012-13");
  EXPECT_EQ(europa["round"], "Second qualifying round");
  // The pairing table's own German words are kept beside the canonical round.
  EXPECT_EQ(europa["round_names"], json({"2.Qualifikationsrunde"}));
  EXPECT_EQ(europa["aggregate"], json({3, 1}));
  EXPECT_EQ(europa["winner"]["id"], europa["clubs"][0]["id"]);
  EXPECT_EQ(europa["outcome_from"], "legs");
  const json zhetysu = run_json({"resolve", "Zhetysu Taldykorgan", "--json"});
  EXPECT_EQ(europa["clubs"][1]["id"], zhetysu["club"]["id"]);
  ASSERT_EQ(europa["legs"].size(), 2u);
  EXPECT_EQ(europa["legs"][0]["date"], "2012-07-05");
  EXPECT_EQ(europa["legs"][0]["kickoff"], "19:00");
  EXPECT_EQ(europa["legs"][1]["date"], "2012-07-12");
  EXPECT_EQ(europa["legs"][1]["kickoff"], "13:00");

  // The same ties under other spellings of both clubs.
  EXPECT_EQ(run_json({"ties", "--club", "lech poznan", "--json"}), ties);
  EXPECT_EQ(run_json({"ties", "--club", "KKS Lech Poznań", "--json"}), ties);
  const json from_kazakhstan = run_json({"ties", "--club", "Zhetysu", "--json"});
  ASSERT_EQ(from_kazakhstan.size(), 1u);
  EXPECT_EQ(from_kazakhstan[0]["id"], europa["id"]);
  EXPECT_EQ(from_kazakhstan[0]["aggregate"], json({1, 3}));  // the asked club comes first
  EXPECT_EQ(run_json({"ties", "--club", "Schetissu Taldyqorghan", "--opponent", "Lech Posen",
                      "--json"}),
            from_kazakhstan);
}

TEST_F(Acceptance, StPatricksThroughOnAnAwayGoalInExtraTime) {
  import_seeds();
  for (const char* club : {"St Patrick’s Athletic", "St Patrick's Athletic"}) {
    for (const char* opponent : {"ÍB Vestmannaeyja", "IBV Vestmannaeyjar"}) {
      const json ties = run_json({"ties", "--club", club, "--opponent", opponent, "--json"});
      ASSERT_EQ(ties.size(), 1u) << club << " v " << opponent;
      EXPECT_EQ(ties[0]["aggregate"], json({2, 2}));
      EXPECT_EQ(ties[0]["decided_by"], "away_goals");
      EXPECT_EQ(ties[0]["extra_time"], true);
      EXPECT_EQ(ties[0]["winner"]["id"], ties[0]["clubs"][0]["id"]);
    }
  }
}

TEST_F(Acceptance, ExactlyTwoLegsOnTheThirdOfJuly) {
  import_seeds();
  const json legs = run_json({"fixtures", "--date", "2012-07-03", "--json"});
  ASSERT_EQ(legs.size(), 2u) << legs.dump(1);
  for (const json& leg : legs) EXPECT_EQ(leg["date"], "2012-07-03");
}

TEST_F(Acceptance, TheEuropaLeagueRoundHas37TiesOfTwoLegsAnd74Clubs) {
  import_seeds();
  const json ties = run_json({"ties", "--competition", "UEFA Europa League", "--season",
                              "2012-13", "--round", "Second qualifying round", "--json"});
  ASSERT_EQ(ties.size(), 37u);
  std::set<int> numbers;
  std::set<long long> clubs;
  for (const json& tie : ties) {
    EXPECT_EQ(tie["legs"].size(), 2u) << tie.dump();
    ASSERT_FALSE(tie["clubs"][1].is_null()) << tie.dump();
    clubs.insert(tie["clubs"][0]["id"].get<long long>());
    clubs.insert(tie["clubs"][1]["id"].get<long long>());
    if (!tie["number"].is_null()) numbers.insert(tie["number"].get<int>());
    EXPECT_FALSE(tie["winner"].is_null()) << tie.dump();
    EXPECT_FALSE(tie["disagreement"].get<bool>()) << tie.dump();
  }
  EXPECT_EQ(clubs.size(), 74u);
  EXPECT_EQ(numbers.size(), 37u);  // "(1)".."(37)" of the pairing table
}

TEST_F(Acceptance, TheIntertotoSeasonHasFiveRoundsInOrder) {
  import_seeds();
  const json ties = run_json({"ties", "--competition", "UEFA Intertoto Cup", "--season", "2005",
                              "--json"});
  std::vector<std::string> rounds;
  std::map<std::string, int> per_round;
  int last_order = 0;
  for (const json& tie : ties) {
    const std::string round = tie["round"];
    if (rounds.empty() || rounds.back() != round) rounds.push_back(round);
    ++per_round[round];
    EXPECT_GE(tie["round_order"].get<int>(), last_order);
    last_order = tie["round_order"];
  }
  EXPECT_EQ(rounds, (std::vector<std::string>{"First round", "Second round", "Third round",
                                              "Semi-finals", "Finals"}));
  EXPECT_EQ(per_round, (std::map<std::string, int>{{"First round", 21},
                                                   {"Second round", 16},
                                                   {"Third round", 12},
                                                   {"Semi-finals", 6},
                                                   {"Finals", 3}}));
}

TEST_F(Acceptance, ImportingInTheOtherOrderGivesTheSameTies) {
  import_seeds();
  import_seeds({kResultLines, kPairingTable, kAggregateLines}, "u.db");
  import_seeds({kAggregateLines, kResultLines, kPairingTable}, "v.db");
  const json expected = essences("t.db");
  ASSERT_EQ(expected.size(), 37u + 58u);
  for (const std::string db : {"u.db", "v.db"}) {
    const json got = essences(db);
    ASSERT_EQ(got.size(), expected.size()) << db;
    std::vector<json> missing;
    for (const json& tie : expected) {
      if (std::find(got.begin(), got.end(), tie) == got.end()) missing.push_back(tie);
    }
    // Result lines first, their "Víkingur" (which may name several clubs) gets a club of its own
    // and awaits review; the pairing table's "Víkingur Gøta" v FC Gomel then settles it through
    // the tie: the review is accepted and the two are one club.
    EXPECT_TRUE(missing.empty()) << db << ": " << json(missing).dump(1);
    const json found = json::parse(run_on(db, {"check", "--json"}).out);
    EXPECT_TRUE(found["conflicts"].empty()) << found.dump(1);
    const json reviews = json::parse(run_on(db, {"review", "--all", "--json"}).out);
    const auto vikingur = std::find_if(reviews.begin(), reviews.end(), [](const json& r) {
      return r["name"] == "Víkingur";
    });
    ASSERT_NE(vikingur, reviews.end()) << reviews.dump(1);
    EXPECT_EQ((*vikingur)["status"], "accepted");
    EXPECT_EQ((*vikingur)["decided_club"]["name"], "Víkingur Gøta");
  }
}

TEST_F(Acceptance, ReimportingChangesNothing) {
  import_seeds();
  const std::string before = exported();
  for (const std::string& seed : {kPairingTable, kResultLines, kAggregateLines}) {
    const Result r = run(import_command(seed));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("imported before, nothing to do"), std::string::npos) << r.out;
  }
  EXPECT_EQ(exported(), before);
}

TEST_F(Acceptance, ADryRunWritesNothing) {
  Result r = run({"import", "--dry-run", "--competition", "UEFA Europa League", "--season",
                  "2012-13", "--round", "Second qualifying round", kPairingTable});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("37 ties added"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("dry run: nothing was written"), std::string::npos) << r.out;
  EXPECT_EQ(run_json({"ties", "--json"}), json::array());

  import_seeds({kPairingTable});
  const std::string before = exported();
  r = run({"import", "--dry-run", "--competition", "UEFA Europa League", "--season", "2012-13",
           "--round", "Second qualifying round", kResultLines});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("74 legs added"), std::string::npos) << r.out;
  EXPECT_EQ(exported(), before);
}

TEST_F(Acceptance, AMalformedSeedFailsAtItsPlaceAndLeavesTheDatabaseAsItWas) {
  import_seeds({kPairingTable});
  const std::string before = exported();
  // Line 4 of the result lines, its half-time score cut short.
  std::string text = testing::read_file(dir_.path(kResultLines));
  const std::string good = "Portadown FC 0:0 (0:0)";
  ASSERT_NE(text.find(good), std::string::npos);
  text.replace(text.find(good), good.size(), "Portadown FC 0:0 (0:");
  dir_.write("broken_001.txt", text);
  // The good file first: the import of both is one transaction.
  const Result r = run({"import", "--competition", "UEFA Europa League", "--season", "2012-13",
                        "--round", "Second qualifying round", kAggregateLines, "broken_001.txt"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("broken_001.txt:4:50: expected a score"), std::string::npos) << r.err;
  EXPECT_EQ(exported(), before);
}

TEST_F(Acceptance, CheckListsThePartialTiesAndTheNamesAwaitingReview) {
  import_seeds();
  const json found = run_json({"check", "--json"});
  for (const char* kind :
       {"conflicts", "disagreements", "partial_ties", "name_reviews", "rule_anomalies"}) {
    ASSERT_TRUE(found[kind].is_array()) << kind;
  }
  EXPECT_TRUE(found["conflicts"].empty()) << found["conflicts"].dump(1);
  EXPECT_TRUE(found["disagreements"].empty()) << found["disagreements"].dump(1);
  // Every tie of the Intertoto file is partial: its lines never name the loser.
  ASSERT_EQ(found["partial_ties"].size(), 58u);
  for (const json& partial : found["partial_ties"]) {
    EXPECT_EQ(partial["tie"]["competition"], "UEFA Intertoto Cup");
    EXPECT_TRUE(partial["tie"]["clubs"][1].is_null());
    ASSERT_EQ(partial["stated"].size(), 1u);
    EXPECT_NE(partial["stated"][0]["path"].get<std::string>().find(kAggregateLines),
              std::string::npos);
  }
  // Names no rule could bind, each with where it was met.
  ASSERT_FALSE(found["name_reviews"].empty());
  std::set<std::string> names;
  for (const json& review : found["name_reviews"]) {
    names.insert(review["name"]);
    EXPECT_FALSE(review["club"].is_null());
    EXPECT_GT(review["line"].get<int>(), 0);
  }
  EXPECT_EQ(names.count("FC Daugava"), 1u);  // Rīga, Daugavpils or LU/Daugava?

  // The text lists the same, grouped by kind with counts, and exits 0.
  const Result text = run({"check"});
  EXPECT_EQ(text.exit_code, 0);
  EXPECT_NE(text.out.find("Conflicts (0)"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("Partial ties (opponent unknown) (58)"), std::string::npos);
  EXPECT_NE(text.out.find("Names awaiting review (" + std::to_string(names.size()) + ")"),
            std::string::npos);
  EXPECT_NE(text.out.find("Lech Poznań won 4–1 on aggregate."), std::string::npos);
}

TEST_F(Acceptance, ImportTakesACsvMappingAndDocumentsIt) {
  dir_.write("matches.csv",
             "Day,Home,Away,Goals\n05/07/2012,Lech Posen,Zhetysu,2-0\n"
             "12/07/2012,Zhetysu,Lech Posen,1-1\n");
  const Result r = run({"import", "--mapping", "home=Home,away=Away,date_dmy=Day,score=Goals",
                        "--competition", "UEFA Europa League", "--season", "2012-13", "--round",
                        "Second qualifying round", "matches.csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json ties = run_json({"ties", "--club", "Lech Posen", "--json"});
  ASSERT_EQ(ties.size(), 1u);
  EXPECT_EQ(ties[0]["season"], "2012-13");
  EXPECT_EQ(ties[0]["aggregate"], json({3, 1}));
  const Result help = run({"import", "--help"});
  EXPECT_NE(help.out.find("--mapping"), std::string::npos) << help.out;
  dir_.write("more.csv", "Day,Home,Away,Goals\n19/07/2012,Lech Posen,AIK,0-3\n");
  const Result bad = run({"import", "--mapping", "home=Home", "more.csv"});
  EXPECT_EQ(bad.exit_code, 2) << bad.err;
  EXPECT_NE(bad.err.find("away=COLUMN"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace footballdb
