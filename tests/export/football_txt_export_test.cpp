// The Football.TXT export: each shipped sample imported, exported, and the export imported into
// a fresh database gives the same ties and matches (what the format has a place for), and an
// export of that gives the same text again.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "footballdb/footballdb.hpp"
#include "testing.hpp"

namespace footballdb {
namespace {

using testing::data_path;

// One import of a sample: its files and the context the command line gives them.
struct Import {
  std::vector<std::string> files;
  ImportOptions options;
};

struct Sample {
  std::string name;
  std::vector<Import> imports;
};

void PrintTo(const Sample& sample, std::ostream* out) { *out << sample.name; }

ImportOptions context(const char* competition, const char* season = nullptr,
                      const char* round = nullptr) {
  ImportOptions options;
  options.competition = competition;
  if (season) options.season = season;
  if (round) options.round = round;
  return options;
}

std::string source(const std::string& relative) {
  return std::string(FOOTBALLDB_SOURCE_DIR) + "/" + relative;
}

// data/samples as tools/demo.sh imports them, and the Football.TXT, JSON and CSV fixtures that
// hold matches.
std::vector<Sample> samples() {
  const ImportOptions q2 = context("UEFA Europa League", "2012-13", "Second qualifying round");
  return {
      {"demo",
       {{{source("data/samples/uefa-europa-league-2012-13-q2-pairings.txt")}, q2},
        {{source("data/samples/uefa-europa-league-2012-13-q2-results.txt")}, q2},
        {{source("data/samples/uefa-intertoto-cup-2005-summaries.txt")},
         context("UEFA Intertoto Cup", "2005")}}},
      {"cl_finals", {{{data_path("football_txt/cl_finals-2011-12.txt")}, {}}}},
      {"clq", {{{data_path("football_txt/clq-2024-25.txt")}, {}}}},
      {"facup_replays",
       {{{data_path("football_txt/facup-1975-76-replays.txt"),
          data_path("football_txt/facup-1975-76-final-swapped.txt")},
         {}}}},
      {"european_cup_1958",
       {{{data_path("football_txt/1958-59/cup.txt")}, context("European Cup")}}},
      {"group_stage", {{{data_path("order/cl-2014-15-group-b.txt")}, {}}}},
      {"json_q2", {{{data_path("json/uefa-europa-league-2012-13-q2.json")}, {}}}},
      {"json_cases", {{{data_path("json/cases.json")}, {}}}},
      {"cup_layout", {{{data_path("csv/cup-layout.csv")}, context("FA Cup")}}},
  };
}

std::string text(const std::optional<Score>& s) {
  return s ? std::to_string(s->home) + "-" + std::to_string(s->away) : "-";
}

// What Football.TXT carries of each tie that has a match: the legs, and the outcome the rules
// compute from them, keyed by competition, season, round, group and the clubs' names (a tie's
// club order is not written). A tie with a walkover is left out: the format cannot say who it
// went to (README.md, "Football.TXT export"): its key goes to `left_out`.
std::map<std::string, std::string> facts(const Database& db,
                                         std::vector<std::string>* left_out = nullptr) {
  std::map<std::string, std::string> out;
  for (const Tie& tie : db.ties()) {
    if (tie.legs.empty() || !tie.club_a || !tie.club_b) continue;
    const bool flip = tie.club_b->name < tie.club_a->name;
    std::string key = tie.competition + " | " + tie.season + " | " + tie.round + " | " +
                      tie.group.value_or("") + " | " +
                      (flip ? tie.club_b->name + " v " + tie.club_a->name
                            : tie.club_a->name + " v " + tie.club_b->name);
    if (std::any_of(tie.legs.begin(), tie.legs.end(),
                    [](const Leg& l) { return l.status == LegStatus::kWalkover; })) {
      if (left_out) left_out->push_back(key);
      continue;
    }
    std::ostringstream value;
    for (const Leg& l : tie.legs) {
      value << "\n  leg " << l.number << (l.replay ? " replay" : "") << " " << to_string(l.status)
            << " " << (l.date ? l.date->to_string() : "-") << " "
            << (l.kickoff ? l.kickoff->to_string() : "-") << " " << l.home.name << " v "
            << l.away.name << (l.neutral_venue ? " neutral" : "") << " ft " << text(l.full_time)
            << " ht " << text(l.half_time) << " et " << text(l.extra_time) << " pen "
            << text(l.penalties) << " @ " << l.venue.value_or("-");
    }
    // An outcome only the sources state has no place in the format, nor a coin toss.
    if (tie.winner && !tie.outcome.stated && tie.outcome.decided_by != DecidedBy::kCoinToss) {
      std::optional<Aggregate> agg = tie.outcome.aggregate;
      if (agg && flip) agg = Aggregate{agg->b, agg->a};
      value << "\n  " << tie.winner->name << " through, " << to_string(*tie.outcome.decided_by)
            << (tie.outcome.extra_time ? ", aet" : "")
            << (agg ? ", " + std::to_string(agg->a) + "-" + std::to_string(agg->b) : "");
    }
    out.emplace(std::move(key), value.str());
  }
  return out;
}

std::string football_txt(const Database& db) {
  std::ostringstream out;
  export_football_txt(db, out);
  return out.str();
}

// Exports `first` as Football.TXT, imports that into a fresh database, and expects the same
// facts, and the same text from an export of it.
void expect_round_trip(const Database& first, const std::string& name) {
  testing::TempDir dir;
  const std::string exported = football_txt(first);
  ASSERT_NE(exported.find("\n= "), std::string::npos) << exported;
  EXPECT_EQ(exported.find("not read back"), std::string::npos) << exported;
  const std::string path = dir.write(name + ".txt", exported);

  Database second = Database::open(":memory:");
  const ImportReport report = import_files(second, {path});
  ASSERT_EQ(report.files.size(), 1u);
  EXPECT_EQ(report.files[0].format, "football-txt");
  EXPECT_EQ(report.files[0].conflicts, 0);

  std::vector<std::string> walkovers;
  const auto expected = facts(first, &walkovers);
  auto got = facts(second);
  for (const std::string& tie : walkovers) got.erase(tie);
  EXPECT_FALSE(expected.empty());
  for (const auto& [tie, legs] : expected) {
    const auto it = got.find(tie);
    if (it == got.end()) {
      ADD_FAILURE() << "missing after the round trip: " << tie << legs;
    } else {
      EXPECT_EQ(it->second, legs) << tie;
    }
  }
  for (const auto& [tie, legs] : got) {
    EXPECT_TRUE(expected.count(tie)) << "not in the first database: " << tie << legs;
  }
  // The same text again, but that a walkover, whose club through the format cannot name,
  // comes back as a match not played.
  std::string again = exported;
  for (std::size_t at = again.find("[walkover]"); at != std::string::npos;
       at = again.find("[walkover]", at)) {
    again.replace(at, 10, "[cancelled]");
  }
  EXPECT_EQ(football_txt(second), again);
}

class FootballTxtRoundTrip : public ::testing::TestWithParam<Sample> {};

TEST_P(FootballTxtRoundTrip, TheExportImportsAsTheSameTiesAndMatches) {
  Database first = Database::open(":memory:");
  for (const Import& i : GetParam().imports) import_files(first, i.files, i.options);
  expect_round_trip(first, GetParam().name);
}

INSTANTIATE_TEST_SUITE_P(Samples, FootballTxtRoundTrip, ::testing::ValuesIn(samples()),
                         [](const ::testing::TestParamInfo<Sample>& param) {
                           return param.param.name;
                         });

Database with(const std::vector<std::string>& files, const ImportOptions& options = {}) {
  Database db = Database::open(":memory:");
  import_files(db, files, options);
  return db;
}

TEST(FootballTxtExport, WritesOpenfootballsHeadersDatesAndScores) {
  const std::string out = football_txt(with({data_path("football_txt/clq-2024-25.txt")}));
  for (const char* line :
       {"= UEFA Champions League 2024/25\n", "\n» First qualifying round, 1st leg\n",
        "\n» First qualifying round, 2nd leg\n", "\n  Tue Jul/9 2024\n",
        "    17.30  Panevėžys (LTU)         v HJK Helsinki (FIN)       3-0 (1-0)\n",
        "  5-6 pen. 1-2 a.e.t. (0-1, 0-0)\n"}) {
    EXPECT_NE(out.find(line), std::string::npos) << line << "\nin:\n" << out;
  }
}

TEST(FootballTxtExport, OneMatchTiesReplaysAndNeutralGrounds) {
  const std::string out = football_txt(with({data_path("json/cases.json")}));
  for (const char* part :
       {"\n» Final\n", "6-5 pen. 1-1 a.e.t. (1-1, 1-1)  [neutral]  @ Luzhniki Stadium, Moscow\n",
        "\n» Semi-finals, Replay\n", "4-1 a.e.t. (3-0, 1-0)\n"}) {
    EXPECT_NE(out.find(part), std::string::npos) << part << "\nin:\n" << out;
  }
  const std::string cups = football_txt(with({data_path("csv/cup-layout.csv")}, context("FA Cup")));
  for (const char* part : {"Alpha Rovers            v Beta Wanderers           [walkover]\n",
                           "3-2  [annulled]\n", "4-3 pen. 2-2 a.e.t.\n", "0-0 a.e.t.  [neutral]"}) {
    EXPECT_NE(cups.find(part), std::string::npos) << part << "\nin:\n" << cups;
  }
}

TEST(FootballTxtExport, ASeasonWithoutAMatchIsNotWritten) {
  const std::string out =
      football_txt(with({source("data/samples/uefa-intertoto-cup-2005-summaries.txt")},
                        context("UEFA Intertoto Cup", "2005")));
  EXPECT_EQ(out, "");
}

// A name that holds what the format reads as something else ("v", "#" of a comment, a score,
// a note's brackets) is no match line: the match is a comment, and the rest imports.
TEST(FootballTxtExport, AMatchTheFormatWouldMisreadIsAComment) {
  testing::TempDir dir;
  const std::string json = dir.write("odd.json", R"({"footballdb": 1, "ties": [
    {"competition": "FA Cup", "season": "1975-76", "round": "Final",
     "clubs": ["Alpha v Beta", "Gamma #2"],
     "legs": [{"number": 1, "date": "1976-05-01", "home": "Alpha v Beta", "away": "Gamma #2",
               "full_time": [1, 0]}]},
    {"competition": "FA Cup", "season": "1975-76", "round": "Semi-finals",
     "clubs": ["Delta Town", "Epsilon City"],
     "legs": [{"number": 1, "date": "1976-04-03", "home": "Delta Town", "away": "Epsilon City",
               "full_time": [2, 0], "venue": "Ground [old]"}]},
    {"competition": "FA Cup", "season": "1975-76", "round": "Semi-finals",
     "clubs": ["Zeta Rovers", "Eta Albion"],
     "legs": [{"number": 1, "date": "1976-04-03", "home": "Zeta Rovers", "away": "Eta Albion",
               "full_time": [0, 1], "venue": "Villa Park, Birmingham"}]}]})");
  const std::string out = football_txt(with({json}));
  EXPECT_NE(out.find("#           Alpha v Beta            v Gamma #2                 1-0\n"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("#           Delta Town"), std::string::npos) << out;
  const std::string path = dir.write("odd.txt", out);
  Database again = Database::open(":memory:");
  import_files(again, {path});
  const std::vector<Tie> ties = again.ties();
  ASSERT_EQ(ties.size(), 1u);
  EXPECT_EQ(ties[0].club_a->name, "Zeta Rovers");
  EXPECT_EQ(ties[0].legs.at(0).venue, "Villa Park, Birmingham");
}

TEST(FootballTxtExport, EachSeasonCanGoToAStreamOfItsOwn) {
  Database db = with({data_path("json/cases.json")});
  std::map<std::string, std::ostringstream> files;
  std::vector<std::string> order;
  export_football_txt(
      db, [&](const std::string& competition, const std::string& season) -> std::ostream& {
        const std::string name = football_txt_file_name(competition, season);
        order.push_back(name);
        return files[name];
      });
  EXPECT_EQ(order, (std::vector<std::string>{"european-cup-1958-59.txt",
                                             "uefa-champions-league-2007-08.txt",
                                             "uefa-europa-league-2012-13.txt"}));
  for (const auto& [name, stream] : files) {
    const std::string text = stream.str();
    std::size_t headers = 0;
    for (std::size_t at = text.find("\n= "); at != std::string::npos;
         at = text.find("\n= ", at + 1)) {
      ++headers;
    }
    EXPECT_EQ(headers, 1u) << name << "\n" << text;
  }
  EXPECT_EQ(football_txt_file_name("Coupe de France", "2005"), "coupe-de-france-2005.txt");
  EXPECT_EQ(football_txt_file_name("Česká pohár / Mol Cup", "1999-00"),
            "ceska-pohar-mol-cup-1999-00.txt");
}

// Every match file of openfootball's in ../shared/data (3,600 ties of the Champions League,
// Europa League, Conference League, FA Cup, EFL Cup and three national cups): one import, one
// round trip. Skips when the data is absent.
TEST(FootballTxtConformance, EveryOpenfootballMatchFileRoundTrips) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(testing::shared_data_path()) / "openfootball";
  if (!fs::is_directory(dir)) GTEST_SKIP() << "no " << dir << " (openfootball, not in the project)";
  std::vector<std::string> files;
  for (auto it = fs::recursive_directory_iterator(dir); it != fs::recursive_directory_iterator();
       ++it) {
    if (it->is_directory() && it->path().filename() == "clubs") {
      it.disable_recursion_pending();  // club lists, not matches
    } else if (it->is_regular_file() && it->path().extension() == ".txt") {
      files.push_back(it->path().string());
    }
  }
  std::sort(files.begin(), files.end());
  ASSERT_FALSE(files.empty());
  Database first = Database::open(":memory:");
  import_files(first, files);
  expect_round_trip(first, "openfootball");
}

}  // namespace
}  // namespace footballdb
