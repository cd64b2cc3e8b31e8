// The gold set: labelled mentions resolved against the shipped registry.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "names/matcher.hpp"
#include "names/shipped_registry.hpp"

namespace footballdb::names {
namespace {

struct GoldRow {
  int line = 0;
  std::string mention, expected, country, source;
};

std::vector<GoldRow> read_gold() {
  std::ifstream in(std::string(FOOTBALLDB_TEST_DATA) + "/names/gold.tsv");
  std::vector<GoldRow> rows;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    std::stringstream fields(line);
    std::string col;
    while (std::getline(fields, col, '\t')) cols.push_back(col);
    if (cols.size() < 2) ADD_FAILURE() << "gold.tsv:" << number << ": expected mention<TAB>label";
    cols.resize(4);
    rows.push_back({number, cols[0], cols[1], cols[2], cols[3]});
  }
  return rows;
}

TEST(GoldSet, NoWrongMatchAndHighRecall) {
  testing::ShippedRegistry registry;
  testing::load_shipped_registry(registry);
  std::vector<GoldRow> rows = read_gold();
  ASSERT_GE(rows.size(), 300u);

  int resolvable = 0, correct = 0, wrong = 0, review = 0, unknown = 0, auto_resolved = 0;
  int negatives = 0, negatives_held = 0;
  for (const GoldRow& row : rows) {
    MatchContext context;
    if (!row.country.empty()) context.country = row.country;
    Resolution r = registry.matcher.resolve(row.mention, context);
    const bool resolved = r.status == ResolveStatus::kResolved;
    if (resolved) ++auto_resolved;
    if (r.status == ResolveStatus::kAmbiguous) ++review;
    if (r.status == ResolveStatus::kUnknown) ++unknown;
    if (row.expected == "AMBIGUOUS" || row.expected == "UNKNOWN") {
      ++negatives;
      if (resolved) {
        ++wrong;
        ADD_FAILURE() << "gold.tsv:" << row.line << ": \"" << row.mention << "\" is "
                      << row.expected << " but resolved to " << r.club->name << " ("
                      << r.method << ")";
      } else {
        ++negatives_held;
      }
      continue;
    }
    ++resolvable;
    auto expected = registry.ids.find(row.expected);
    ASSERT_NE(expected, registry.ids.end())
        << "gold.tsv:" << row.line << ": no registry club \"" << row.expected << "\"";
    if (!resolved) {
      std::printf("  not resolved: gold.tsv:%d \"%s\" -> %s (%zu candidates)\n", row.line,
                  row.mention.c_str(), std::string(to_string(r.status)).c_str(),
                  r.candidates.size());
      continue;
    }
    if (r.club->id == expected->second) {
      ++correct;
    } else {
      ++wrong;
      ADD_FAILURE() << "gold.tsv:" << row.line << ": \"" << row.mention << "\" resolved to "
                    << r.club->name << " (" << r.method << "), expected " << row.expected;
    }
  }
  const double precision = auto_resolved == 0 ? 1.0 : 1.0 - double(wrong) / auto_resolved;
  const double recall = double(correct) / resolvable;
  std::printf("gold set: %zu mentions, %d resolvable, %d negatives (%d held back)\n", rows.size(),
              resolvable, negatives, negatives_held);
  std::printf("precision %.1f%% (%d wrong of %d automatic), recall %.1f%% (%d of %d)\n",
              100.0 * precision, wrong, auto_resolved, 100.0 * recall, correct, resolvable);
  std::printf("sent to review %.1f%% (%d ambiguous), unknown %.1f%% (%d)\n",
              100.0 * review / double(rows.size()), review, 100.0 * unknown / double(rows.size()),
              unknown);
  EXPECT_EQ(wrong, 0);
  EXPECT_GE(recall, 0.95);
}

}  // namespace
}  // namespace footballdb::names
