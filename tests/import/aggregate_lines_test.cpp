#include "import/formats/aggregate_lines.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "collect.hpp"

namespace footballdb::import {
namespace {

using test_support::collect_fixture;
using test_support::collect_text;
using test_support::input_error_of;

constexpr const char* kSeed = "002_1372deafbd61fe9d.txt";

struct Summary {
  int line;
  const char* winner;
  Aggregate aggregate;
  DecidedBy decided_by;
};

// Every summary of the seed, in file order.
const Summary kSummaries[] = {
    {1, "Beitar Jerusalem", {6, 4}, DecidedBy::kAggregate},
    {1, "Gent", {3, 2}, DecidedBy::kAggregate},
    {1, "Pogoń Szczecin", {9, 2}, DecidedBy::kAggregate},
    {1, "Budućnost Podgorica", {7, 2}, DecidedBy::kAggregate},
    {1, "Lokeren", {2, 1}, DecidedBy::kAggregate},
    {1, "Göteborg", {5, 2}, DecidedBy::kAggregate},
    {1, "Varteks", {5, 3}, DecidedBy::kAggregate},
    {1, "Slaven Belupo", {2, 0}, DecidedBy::kAggregate},
    {1, "Neuchâtel Xamax", {9, 1}, DecidedBy::kAggregate},
    {1, "CFR Ecomax Cluj", {7, 3}, DecidedBy::kAggregate},
    {1, "Gloria Bistrița", {16, 0}, DecidedBy::kAggregate},
    {1, "Tampere United", {3, 0}, DecidedBy::kAggregate},
    {1, "ZTS Dubnica", {2, 0}, DecidedBy::kAggregate},
    {1, "Žalgiris", {2, 0}, DecidedBy::kAggregate},
    {1, "Lech Poznań", {4, 1}, DecidedBy::kAggregate},
    {1, "Sturm Graz", {6, 1}, DecidedBy::kAggregate},
    {1, "Dinaburg", {4, 1}, DecidedBy::kAggregate},
    {1, "Pobeda", {3, 1}, DecidedBy::kAggregate},
    {1, "Tescoma Zlín", {1, 0}, DecidedBy::kAggregate},
    {1, "Lombard-Pápa", {3, 1}, DecidedBy::kAggregate},
    {1, "Inter Turku", {4, 0}, DecidedBy::kAggregate},
    {2, "Sigma Olomouc", {1, 0}, DecidedBy::kAggregate},
    {2, "CFR Ecomax Cluj", {1, 1}, DecidedBy::kPenalties},
    {2, "Wolfsburg", {5, 3}, DecidedBy::kAggregate},
    {2, "Deportivo La Coruña", {4, 2}, DecidedBy::kAggregate},
    {2, "ZTS Dubnica", {4, 1}, DecidedBy::kAggregate},
    {2, "Slovan Liberec", {7, 2}, DecidedBy::kAggregate},
    {2, "Saint-Étienne", {3, 2}, DecidedBy::kAggregate},
    {2, "Gent", {1, 0}, DecidedBy::kAggregate},
    {2, "Hamburg", {8, 2}, DecidedBy::kAggregate},
    {2, "Slaven Belupo", {4, 2}, DecidedBy::kAggregate},
    {2, "Young Boys", {6, 2}, DecidedBy::kAggregate},
    {2, "Varteks", {6, 5}, DecidedBy::kAggregate},
    {2, "Tampere United", {1, 0}, DecidedBy::kAggregate},
    {2, "Göteborg", {4, 2}, DecidedBy::kAggregate},
    {2, "Žalgiris", {3, 2}, DecidedBy::kAggregate},
    {2, "Lens", {3, 1}, DecidedBy::kAggregate},
    {3, "Deportivo La Coruña", {4, 0}, DecidedBy::kAggregate},
    {3, "Žalgiris", {5, 4}, DecidedBy::kAggregate},
    {3, "Sigma Olomouc", {1, 1}, DecidedBy::kAwayGoals},
    {3, "Marseille", {5, 3}, DecidedBy::kAggregate},
    {3, "Lens", {5, 2}, DecidedBy::kAggregate},
    {3, "Roda", {1, 1}, DecidedBy::kAwayGoals},
    {3, "Hamburg", {3, 0}, DecidedBy::kAggregate},
    {3, "Valencia", {2, 0}, DecidedBy::kAggregate},
    {3, "Newcastle United", {5, 1}, DecidedBy::kAggregate},
    {3, "Lazio", {4, 1}, DecidedBy::kAggregate},
    {3, "Wolfsburg", {4, 0}, DecidedBy::kAggregate},
    {3, "CFR Ecomax Cluj", {3, 3}, DecidedBy::kAwayGoals},
    {8, "CFR Ecomax Cluj", {7, 2}, DecidedBy::kAggregate},
    {8, "Lens", {4, 0}, DecidedBy::kAggregate},
    {8, "Valencia", {4, 0}, DecidedBy::kAggregate},
    {8, "Hamburg", {4, 0}, DecidedBy::kAggregate},
    {8, "Deportivo La Coruña", {4, 2}, DecidedBy::kAggregate},
    {8, "Marseille", {4, 1}, DecidedBy::kAggregate},
    {13, "Lens", {4, 2}, DecidedBy::kAggregate},
    {13, "Marseille", {5, 3}, DecidedBy::kAggregate},
    {13, "Hamburg", {1, 0}, DecidedBy::kAggregate},
};

TEST(AggregateLines, ReadsTheSeedAsFiveRoundsInOrder) {
  const auto got = collect_fixture(parse_aggregate_lines, kSeed);
  ASSERT_EQ(got.rounds.size(), 5u);
  const char* names[] = {"First round", "Second round", "Third round",
                         "Semi\xE2\x80\x93" "finals", "Finals"};
  const bool inferred[] = {true, true, true, false, false};
  const int lines[] = {1, 2, 3, 4, 9};
  const std::size_t ties[] = {21, 16, 12, 6, 3};
  for (std::size_t r = 0; r < 5; ++r) {
    EXPECT_EQ(got.rounds[r].context.round, names[r]);
    EXPECT_EQ(got.rounds[r].inferred, inferred[r]);
    EXPECT_EQ(got.rounds[r].where.line, lines[r]);
    EXPECT_EQ(got.rounds[r].knockout, true);
  }
  // Each round is reported before its ties.
  std::vector<std::size_t> counts;
  for (const auto& record : got.all) {
    if (std::holds_alternative<RoundRecord>(record)) {
      counts.push_back(0);
    } else {
      ASSERT_FALSE(counts.empty());
      ++counts.back();
    }
  }
  EXPECT_EQ(counts, std::vector<std::size_t>(std::begin(ties), std::end(ties)));
  ASSERT_EQ(got.ties.size(), std::size(kSummaries));
  std::size_t tie = 0;
  for (std::size_t r = 0; r < 5; ++r) {
    for (std::size_t k = 0; k < ties[r]; ++k, ++tie) {
      const Summary& s = kSummaries[tie];
      const TieRecord& t = got.ties[tie];
      SCOPED_TRACE(t.text);
      EXPECT_EQ(t.where.line, s.line);
      EXPECT_EQ(t.context.round, names[r]);
      EXPECT_EQ(t.club_a, s.winner);
      EXPECT_FALSE(t.club_b);
      EXPECT_EQ(t.stated_winner, s.winner);
      EXPECT_EQ(t.stated_aggregate, s.aggregate);
      EXPECT_EQ(t.stated_decided_by, s.decided_by);
      EXPECT_FALSE(t.number);
    }
  }
  EXPECT_TRUE(got.legs.empty());
}

TEST(AggregateLines, KeepsTheSummaryTextAndItsColumn) {
  const auto got = collect_fixture(parse_aggregate_lines, kSeed);
  EXPECT_EQ(got.ties[1].text, "Gent won 3\xE2\x80\x93" "2 on aggregate.");
  EXPECT_EQ(got.ties[1].where.to_string(), std::string(kSeed) + ":1:45");
  EXPECT_EQ(got.ties[22].text,
            "1\xE2\x80\x93" "1 on aggregate, CFR Ecomax Cluj won in a penalty shootout.");
}

TEST(AggregateLines, ReadsOtherWordingsAndDashes) {
  const auto got = collect_text(
      parse_aggregate_lines,
      "Quarter-finals\n"
      "Ajax won 2-1 on aggregate. ---- 2-2 on aggregate; PSV won 4-3 on penalties.\n"
      "Semi\xE2\x80\x94" "finals\n"
      "1st leg\n"
      "---- ----\n"
      "2nd leg\n"
      "Roda won on away goals ---- Gent won 3\xE2\x80\x93" "2 on aggregate after extra time.\n"
      "Lens won 1-0 on aggregate.\n");
  ASSERT_EQ(got.rounds.size(), 3u);
  EXPECT_EQ(got.rounds[0].context.round, "Quarter-finals");
  EXPECT_FALSE(got.rounds[0].inferred);
  EXPECT_EQ(got.rounds[1].context.round, "Semi\xE2\x80\x94" "finals");
  EXPECT_EQ(got.rounds[2].context.round, "First round");  // the first line without a heading
  EXPECT_TRUE(got.rounds[2].inferred);
  ASSERT_EQ(got.ties.size(), 5u);
  EXPECT_EQ(got.ties[0].stated_aggregate, (Aggregate{2, 1}));
  EXPECT_EQ(got.ties[1].club_a, "PSV");
  EXPECT_EQ(got.ties[1].stated_aggregate, (Aggregate{2, 2}));
  EXPECT_EQ(got.ties[1].stated_decided_by, DecidedBy::kPenalties);
  EXPECT_EQ(got.ties[2].club_a, "Roda");
  EXPECT_FALSE(got.ties[2].stated_aggregate);
  EXPECT_EQ(got.ties[2].stated_decided_by, DecidedBy::kAwayGoals);
  EXPECT_EQ(got.ties[3].stated_decided_by, DecidedBy::kAggregate);
  EXPECT_EQ(got.ties[4].context.round, "First round");
}

TEST(AggregateLines, ReportsASummaryThatDoesNotRead) {
  EXPECT_EQ(input_error_of(parse_aggregate_lines,
                           "Gent won 3-2 on aggregate. ---- Lens won 3-2 on agregate.\n", "a.txt"),
            "input: a.txt:1:46: expected 'on aggregate', 'on away goals' or 'in a penalty shootout'");
  EXPECT_EQ(input_error_of(parse_aggregate_lines, "x\nGent won 3-2 on aggregate, narrowly.\n", "a.txt"),
            "input: a.txt:2:26: expected the end of the summary");
  EXPECT_EQ(input_error_of(parse_aggregate_lines, "1-1 on aggregate, penalties.\n", "a.txt"),
            "input: a.txt:1:19: expected 'Club won ...'");
  EXPECT_EQ(input_error_of(parse_aggregate_lines, "Gent 3-2 on aggregate.\n", "a.txt"),
            "input: a.txt:1:1: expected 'Club won ...'");
}

}  // namespace
}  // namespace footballdb::import
