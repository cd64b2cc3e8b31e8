// The gold sets: labelled mentions resolved against the shipped registry, as an import (or, for
// names fans type, a query) sees them. No automatic binding may be wrong; recall is reported per
// source.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "names/matcher.hpp"
#include "names/shipped_registry.hpp"

namespace footballdb::names {
namespace {

std::vector<std::vector<std::string>> read_tsv(const std::string& file, std::size_t columns,
                                               std::vector<int>* lines = nullptr) {
  std::ifstream in(std::string(FOOTBALLDB_TEST_DATA) + "/names/" + file);
  EXPECT_TRUE(in) << "cannot open tests/data/names/" << file;
  std::vector<std::vector<std::string>> rows;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    std::stringstream fields(line);
    std::string col;
    while (std::getline(fields, col, '\t')) cols.push_back(col);
    if (cols.size() < 2) ADD_FAILURE() << file << ":" << number << ": expected 2 columns or more";
    cols.resize(std::max(columns, cols.size()));
    rows.push_back(std::move(cols));
    if (lines) lines->push_back(number);
  }
  return rows;
}

struct Tally {
  int mentions = 0, resolvable = 0, correct = 0, wrong = 0, automatic = 0, negatives = 0,
      negatives_held = 0;
};

// Resolves every row of `file` (mention, expected, country, source) and tallies by source.
std::map<std::string, Tally> run_gold(const testing::ShippedRegistry& registry,
                                      const std::string& file) {
  std::vector<int> lines;
  const auto rows = read_tsv(file, 4, &lines);
  std::map<std::string, Tally> by_source;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& row = rows[i];
    const std::string &mention = row[0], &expected = row[1], &country = row[2], &source = row[3];
    Tally& t = by_source[source.empty() ? "-" : source];
    ++t.mentions;
    MatchContext context;
    if (!country.empty()) context.country = country;
    context.typed = source == "fans" || source == "variant";
    const Resolution r = registry.matcher.resolve(mention, context);
    const bool resolved = r.status == ResolveStatus::kResolved;
    if (resolved) ++t.automatic;
    const std::string where = file + ":" + std::to_string(lines[i]) + ": \"" + mention + "\"";
    if (expected == "AMBIGUOUS" || expected == "UNKNOWN") {
      ++t.negatives;
      if (resolved) {
        ++t.wrong;
        ADD_FAILURE() << where << " is " << expected << " but resolved to " << r.club->name
                      << " (" << r.method << ")";
      } else {
        ++t.negatives_held;
      }
      continue;
    }
    ++t.resolvable;
    auto id = registry.ids.find(expected);
    if (id == registry.ids.end()) {
      ADD_FAILURE() << where << ": no registry club \"" << expected << "\"";
      continue;
    }
    if (!resolved) continue;
    if (r.club->id == id->second) {
      ++t.correct;
    } else {
      ++t.wrong;
      ADD_FAILURE() << where << " resolved to " << r.club->name << " (" << r.method
                    << "), expected " << expected;
    }
  }
  for (const auto& [source, t] : by_source) {
    std::printf("%s %-9s %5d mentions: precision %.1f%% (%d wrong of %d automatic), recall %.1f%% "
                "(%d of %d), negatives held %d of %d\n",
                file.c_str(), source.c_str(), t.mentions,
                t.automatic ? 100.0 * (1.0 - double(t.wrong) / t.automatic) : 100.0, t.wrong,
                t.automatic, t.resolvable ? 100.0 * t.correct / t.resolvable : 100.0, t.correct,
                t.resolvable, t.negatives_held, t.negatives);
  }
  return by_source;
}

class GoldSet : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    registry_ = new testing::ShippedRegistry;
    testing::load_shipped_registry(*registry_);
  }
  static void TearDownTestSuite() {
    delete registry_;
    registry_ = nullptr;
  }
  static testing::ShippedRegistry* registry_;
};
testing::ShippedRegistry* GoldSet::registry_ = nullptr;

Tally total(const std::map<std::string, Tally>& by_source) {
  Tally sum;
  for (const auto& [source, t] : by_source) {
    sum.mentions += t.mentions;
    sum.resolvable += t.resolvable;
    sum.correct += t.correct;
    sum.wrong += t.wrong;
    sum.automatic += t.automatic;
  }
  return sum;
}

TEST_F(GoldSet, NoWrongMatchAndHighRecall) {
  const Tally t = total(run_gold(*registry_, "gold.tsv"));
  ASSERT_GE(t.mentions, 300);
  EXPECT_EQ(t.wrong, 0);
  EXPECT_GE(double(t.correct) / t.resolvable, 0.95);
}

// Mentions of every real source: the FA Cup's history, the national cups' amateur clubs, the
// Champions League files and champs.csv, names fans type.
TEST_F(GoldSet, RealSourcesNoWrongMatch) {
  const auto by_source = run_gold(*registry_, "gold_real.tsv");
  const Tally t = total(by_source);
  ASSERT_GE(t.mentions, 1600);
  EXPECT_EQ(t.wrong, 0);
  // Recall floors, a little under what the matcher reaches, so that a change that loses
  // names is seen.
  EXPECT_GE(double(t.correct) / t.resolvable, 0.75);
}

// Two spellings of two different clubs never resolve to one club.
TEST_F(GoldSet, MustNotMergePairsStayApart) {
  std::vector<int> lines;
  const auto rows = read_tsv("distinct_real.tsv", 5, &lines);
  ASSERT_GE(rows.size(), 100u);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    MatchContext a, b;
    if (!rows[i][2].empty()) a.country = rows[i][2];
    if (!rows[i][3].empty()) b.country = rows[i][3];
    const Resolution ra = registry_->matcher.resolve(rows[i][0], a);
    const Resolution rb = registry_->matcher.resolve(rows[i][1], b);
    if (ra.club && rb.club) {
      EXPECT_NE(ra.club->id, rb.club->id)
          << "distinct_real.tsv:" << lines[i] << ": \"" << rows[i][0] << "\" and \""
          << rows[i][1] << "\" both resolve to " << ra.club->name;
    }
  }
}

// English sources and fans write a city's English name where the registry has its own
// (data/clubs/exonyms.txt), typed or from a source.
TEST_F(GoldSet, EnglishNamesOfCitiesMeanTheClubsOfTheCity) {
  const std::vector<std::pair<std::string, std::string>> names = {
      {"Steaua Bucharest", "Steaua București"}, {"Dinamo Bucharest", "Dinamo București"},
      {"IFK Gothenburg", "IFK Göteborg"}, {"Ghent", "KAA Gent"}};
  for (const auto& [name, club] : names) {
    for (const bool typed : {true, false}) {
      MatchContext context;
      context.typed = typed;
      const Resolution r = registry_->matcher.resolve(name, context);
      ASSERT_TRUE(r.club) << "\"" << name << "\" (typed " << typed << ") does not resolve";
      EXPECT_EQ(r.club->name, club) << "\"" << name << "\" (typed " << typed << ")";
    }
  }
}

// Every canonical name of the registry resolves to its club, or is ambiguous only with clubs
// that hold the very same spelling.
TEST_F(GoldSet, EveryCanonicalNameFindsItsClub) {
  int walked = 0, resolved = 0;
  for (const auto& [name, id] : registry_->ids) {
    ++walked;
    MatchContext typed;
    typed.typed = true;
    const Resolution r = registry_->matcher.resolve(name, typed);
    if (r.club && r.club->id == id) {
      ++resolved;
      continue;
    }
    ASSERT_FALSE(r.club) << "\"" << name << "\" resolved to " << r.club->name;
    bool listed = false;
    for (const Candidate& c : r.candidates) {
      listed = listed || c.club.id == id;
      EXPECT_EQ(name_key(c.matched_name), name_key(name))
          << "\"" << name << "\" is held back by " << c.club.name << " (" << c.method << ", as \""
          << c.matched_name << "\")";
    }
    EXPECT_TRUE(listed) << "\"" << name << "\" does not list its own club";
  }
  std::printf("registry walk: %d of %d canonical names resolve to their club\n", resolved, walked);
}

}  // namespace
}  // namespace footballdb::names
