// Conformance over openfootball's cup files in ../shared/data (the FA Cup and the EFL Cup of four
// seasons, the 2024-25 Coupe de France, KNVB Beker and Taça de Portugal): each imports as it
// stands, and every knockout tie's winner agrees with one computed here from the raw lines,
// by a reading of the format independent of the code under test. The files are not part of the
// project; the test skips when they are absent.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "footballdb/footballdb.hpp"
#include "testing.hpp"

namespace footballdb {
namespace {

namespace fs = std::filesystem;

// One match line as this test reads it.
struct Line {
  int number = 0;
  std::string home, away;
  int home_goals = 0, away_goals = 0;  // the final score (after extra time when given)
  std::optional<std::pair<int, int>> pens;
  bool level() const { return home_goals == away_goals && !pens; }
};

// Match lines: "  [HH.MM]  Home  v Away  SCORE ..." with SCORE one of "2-1 (1-0)",
// "2-1 a.e.t. (1-1, 0-0)", "4-3 pen. 1-1 a.e.t. (1-1)", "2-4 pen. (0-0)"; round headings
// start with "»" or "▪". Lines without a score (cancelled, not played) are left out.
std::map<std::string, std::vector<Line>> ties_of(const std::string& path) {
  static const std::regex kMatch(
      R"(^\s+(?:\d\d[.:]\d\d\s+)?(.+?)\s+v\s+(.+?)\s+(\d+)-(\d+)(\s+pen\.)?(?:\s+(\d+)-(\d+))?(?:\s+a\.e\.t\.)?(?:\s+\(.*\))?\s*(?:\[.*\])?\s*$)");
  std::map<std::string, std::vector<Line>> out;
  std::ifstream in(path);
  std::string round;
  int number = 0;
  for (std::string text; std::getline(in, text);) {
    ++number;
    if (text.rfind("\xC2\xBB", 0) == 0 || text.rfind("\xE2\x96\xAA", 0) == 0) {
      round = text;
      continue;
    }
    std::smatch m;
    if (!std::regex_match(text, m, kMatch)) continue;
    Line line;
    line.number = number;
    line.home = m[1];
    line.away = m[2];
    const int a = std::stoi(m[3]), b = std::stoi(m[4]);
    if (m[5].matched) {
      line.pens = std::pair(a, b);
      if (m[6].matched) {
        line.home_goals = std::stoi(m[6]);
        line.away_goals = std::stoi(m[7]);
      } else {  // "2-4 pen. (0-0)": level after 90 minutes, the bracket says by how much
        line.home_goals = line.away_goals = 0;
      }
    } else {
      line.home_goals = a;
      line.away_goals = b;
    }
    const std::string key = round + '\n' + std::min(line.home, line.away) + '\n' +
                            std::max(line.home, line.away);
    out[key].push_back(line);
  }
  return out;
}

// Which side of the tie's last line went through: 'h', 'v', or 0 when the lines do not say.
// Two lines of a pairing, the first not level, are two legs (aggregate, then the second leg's
// shoot-out); otherwise each line after a level one is a replay and the last decides.
char winner_side(const std::vector<Line>& lines) {
  const Line& last = lines.back();
  auto side_of = [](const Line& l) -> char {
    if (l.pens) return l.pens->first > l.pens->second ? 'h' : 'v';
    if (l.home_goals == l.away_goals) return 0;
    return l.home_goals > l.away_goals ? 'h' : 'v';
  };
  if (lines.size() == 2 && !lines[0].level() && lines[0].home == last.away) {
    const int home = last.home_goals + lines[0].away_goals;
    const int away = last.away_goals + lines[0].home_goals;
    if (home != away) return home > away ? 'h' : 'v';
    return last.pens ? side_of(last) : 0;
  }
  return side_of(last);
}

TEST(CupFilesConformance, EveryKnockoutTieHasTheWinnerItsLinesGive) {
  const std::string root = testing::shared_data_path("openfootball");
  if (!fs::exists(root)) GTEST_SKIP() << "no " << root << " (openfootball, not in the project)";
  std::vector<std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    const std::string name = entry.path().filename().string();
    if (name == "facup.txt" || name == "eflcup.txt" || name.find("cup.txt") != std::string::npos) {
      if (entry.path().string().find("champions-league") == std::string::npos) {
        files.push_back(entry.path().string());
      }
    }
  }
  std::sort(files.begin(), files.end());
  ASSERT_GE(files.size(), 11u);
  int total_right = 0, total = 0;
  for (const std::string& file : files) {
    testing::TempDir dir;
    const std::string db_path = dir.path("cup.db");
    {
      Database db = Database::open(db_path);
      ASSERT_NO_THROW(import_files(db, {file})) << file;
    }
    SQLite::Database raw(db_path, SQLite::OPEN_READONLY);
    SQLite::Statement q(raw,
                        "SELECT t.winner, l.home, l.away FROM legs l JOIN ties t ON t.id = l.tie_id "
                        "JOIN leg_evidence e ON e.leg_id = l.id WHERE e.line = ?");
    int right = 0, decided = 0;
    std::ostringstream wrong;
    for (const auto& [key, lines] : ties_of(file)) {
      const char side = winner_side(lines);
      if (!side) continue;
      ++decided;
      q.reset();
      q.bind(1, lines.back().number);
      ASSERT_TRUE(q.executeStep()) << file << ":" << lines.back().number << " not imported";
      const auto expected = q.getColumn(side == 'h' ? 1 : 2).getInt64();
      if (!q.getColumn(0).isNull() && q.getColumn(0).getInt64() == expected) {
        ++right;
      } else {
        wrong << "  " << file << ":" << lines.back().number << ": " << lines.back().home << " v "
              << lines.back().away << "\n";
      }
    }
    std::cout << fs::relative(file, root).string() << ": " << right << "/" << decided
              << " ties right\n"
              << wrong.str();
    EXPECT_EQ(right, decided) << wrong.str();
    total_right += right;
    total += decided;
  }
  std::cout << "all cup files: " << total_right << "/" << total << " ties right\n";
}

}  // namespace
}  // namespace footballdb
