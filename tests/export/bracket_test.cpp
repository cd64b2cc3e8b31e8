// The bracket picture without a database: where the layout puts each tie, and what the SVG
// writer draws of it.
#include "export/bracket.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace footballdb {
namespace {

using bracket::Layout;

ClubRef club(std::int64_t id, const std::string& name = "") {
  return ClubRef{ClubId{id}, name.empty() ? "Club " + std::to_string(id) : name};
}

// A one-match tie of `round`: `a` beat `b` (or, with `a_won` false, lost to it) 1-0 / 0-1.
Tie tie_of(std::int64_t id, const std::string& round, int order, const ClubRef& a,
           const ClubRef& b, bool a_won = true) {
  Tie t;
  t.id = TieId{id};
  t.competition = "Test Cup";
  t.season = "2020-21";
  t.round = round;
  t.round_order = order;
  t.club_a = a;
  t.club_b = b;
  Leg leg;
  leg.home = a;
  leg.away = b;
  leg.date = Date{2021, 3, static_cast<int>(id % 28) + 1};
  leg.full_time = a_won ? Score{1, 0} : Score{0, 1};
  t.legs.push_back(leg);
  t.winner = a_won ? a : b;
  t.outcome.winner = t.winner->id;
  t.outcome.aggregate = a_won ? Aggregate{1, 0} : Aggregate{0, 1};
  t.outcome.decided_by = DecidedBy::kNormalTime;
  return t;
}

std::vector<std::string> column_names(const Layout& layout) {
  std::vector<std::string> out;
  for (const auto& column : layout.columns) out.push_back(column.round);
  return out;
}

// Quarter-finals 1 to 4 (ties 1-4, won by clubs 1, 3, 5, 7), semi-finals "7 v 1" (tie 5) and
// "3 v 5" (tie 6), final "3 v 7" (tie 7): given final first, semi-finals next, quarter-finals
// last, so that only the rounds' order can put them right.
std::vector<Tie> eight_clubs() {
  return {tie_of(7, "Final", 170, club(3), club(7)),
          tie_of(5, "Semi-finals", 160, club(7), club(1), true),
          tie_of(6, "Semi-finals", 160, club(3), club(5), true),
          tie_of(1, "Quarter-finals", 150, club(1), club(2)),
          tie_of(2, "Quarter-finals", 150, club(3), club(4)),
          tie_of(3, "Quarter-finals", 150, club(6), club(5), false),
          tie_of(4, "Quarter-finals", 150, club(7), club(8))};
}

std::size_t index_of(const std::vector<Tie>& ties, std::int64_t id) {
  for (std::size_t i = 0; i < ties.size(); ++i) {
    if (ties[i].id.value() == id) return i;
  }
  ADD_FAILURE() << "no tie " << id;
  return 0;
}

TEST(BracketLayout, RoundsInTheirOrderAndOneBoxPerTie) {
  const std::vector<Tie> ties = eight_clubs();
  const Layout layout = bracket::layout(ties);
  EXPECT_EQ(column_names(layout),
            (std::vector<std::string>{"Quarter-finals", "Semi-finals", "Final"}));
  ASSERT_EQ(layout.boxes.size(), ties.size());
  std::vector<int> seen(ties.size(), 0);
  for (std::size_t c = 0; c < layout.columns.size(); ++c) {
    for (const std::size_t t : layout.columns[c].ties) {
      ++seen[t];
      EXPECT_EQ(layout.boxes[t].column, c);
      EXPECT_EQ(ties[t].round, layout.columns[c].round);
    }
  }
  EXPECT_EQ(seen, std::vector<int>(ties.size(), 1));
  EXPECT_EQ(layout.columns[0].ties.size(), 4u);
  EXPECT_DOUBLE_EQ(layout.rows, 4);
}

TEST(BracketLayout, ATieSitsBetweenTheTwoTiesThatFedIt) {
  const std::vector<Tie> ties = eight_clubs();
  const Layout layout = bracket::layout(ties);
  auto box = [&](std::int64_t id) { return layout.boxes[index_of(ties, id)]; };
  auto feeds = [&](std::int64_t from, std::int64_t to, int slot) {
    ASSERT_TRUE(box(from).feeds) << from;
    EXPECT_EQ(*box(from).feeds, index_of(ties, to)) << from;
    EXPECT_EQ(box(from).feeds_slot, slot) << from;
  };
  feeds(1, 5, 1);  // club 1 is the second club of "7 v 1"
  feeds(2, 6, 0);
  feeds(3, 6, 1);  // won by its second club, 5
  feeds(4, 5, 0);
  feeds(5, 7, 1);
  feeds(6, 7, 0);
  EXPECT_FALSE(box(7).feeds);

  // Top to bottom, the final's first club's side first: 2, 3 (-> 6), then 4, 1 (-> 5).
  std::vector<std::int64_t> quarter_finals;
  for (const std::size_t t : layout.columns[0].ties) quarter_finals.push_back(ties[t].id.value());
  EXPECT_EQ(quarter_finals, (std::vector<std::int64_t>{2, 3, 4, 1}));
  EXPECT_DOUBLE_EQ(box(6).row, (box(2).row + box(3).row) / 2);
  EXPECT_DOUBLE_EQ(box(5).row, (box(4).row + box(1).row) / 2);
  EXPECT_DOUBLE_EQ(box(7).row, (box(6).row + box(5).row) / 2);
  EXPECT_DOUBLE_EQ(box(2).row, 0);
  EXPECT_DOUBLE_EQ(box(1).row, 3);
}

TEST(BracketLayout, NoTieFeedsAcrossAGroupStage) {
  // The play-off round's winner plays the round of 16 after a group stage (order 100).
  const std::vector<Tie> ties = {tie_of(1, "Play-off round", 50, club(1), club(2)),
                                 tie_of(2, "Round of 16", 140, club(1), club(3)),
                                 tie_of(3, "Quarter-finals", 150, club(1), club(4))};
  const Layout layout = bracket::layout(ties, {100});
  ASSERT_EQ(layout.columns.size(), 3u);
  EXPECT_FALSE(layout.columns[0].after_group_stage);
  EXPECT_TRUE(layout.columns[1].after_group_stage);
  EXPECT_FALSE(layout.columns[2].after_group_stage);
  EXPECT_FALSE(layout.boxes[0].feeds);
  ASSERT_TRUE(layout.boxes[1].feeds);
  EXPECT_EQ(*layout.boxes[1].feeds, 2u);
  // The first round of a season whose knockout rounds all follow its group stage.
  EXPECT_TRUE(bracket::layout({ties[1], ties[2]}, {100}).columns[0].after_group_stage);
}

TEST(BracketLayout, AnUndecidedTieFeedsTheTieItsOneClubPlays) {
  Tie open = tie_of(1, "Semi-finals", 160, club(1), club(2));
  open.winner.reset();
  open.outcome = TieOutcome{};
  const std::vector<Tie> ties = {open, tie_of(2, "Semi-finals", 160, club(3), club(4)),
                                 tie_of(3, "Final", 170, club(3), club(2))};
  const Layout layout = bracket::layout(ties);
  ASSERT_TRUE(layout.boxes[0].feeds);
  EXPECT_EQ(*layout.boxes[0].feeds, 2u);
  EXPECT_EQ(layout.boxes[0].feeds_slot, 1);
}

// Qualifying rounds as UEFA plays them: clubs enter in every round, winners go on, and some
// ties of a round feed nothing drawn. Whatever the shape, no two boxes of a column overlap, and
// each tie lies level with or between the ties that fed it.
TEST(BracketLayout, BoxesOfAColumnNeverOverlap) {
  std::vector<Tie> ties;
  std::int64_t id = 0;
  std::int64_t next_club = 1;
  std::vector<ClubRef> through;
  for (int round = 0; round < 5; ++round) {
    const std::string name = "Round " + std::to_string(round + 1);
    std::vector<ClubRef> playing = through;
    // New clubs enter; every third winner of the round before goes elsewhere.
    for (std::size_t i = 0; i < through.size(); i += 3) playing[i] = club(next_club++);
    while (playing.size() < static_cast<std::size_t>(12 - 2 * round)) {
      playing.push_back(club(next_club++));
    }
    if (playing.size() % 2) playing.push_back(club(next_club++));
    through.clear();
    for (std::size_t i = 0; i + 1 < playing.size(); i += 2) {
      ties.push_back(tie_of(++id, name, 10 * (round + 1), playing[i], playing[i + 1], i % 4 == 0));
      through.push_back(*ties.back().winner);
    }
  }
  const Layout layout = bracket::layout(ties);
  ASSERT_EQ(layout.columns.size(), 5u);
  for (const auto& column : layout.columns) {
    for (std::size_t i = 1; i < column.ties.size(); ++i) {
      EXPECT_GE(layout.boxes[column.ties[i]].row, layout.boxes[column.ties[i - 1]].row + 1)
          << column.round;
    }
  }
  std::map<std::size_t, std::vector<double>> feeders;
  int fed = 0;
  for (std::size_t t = 0; t < ties.size(); ++t) {
    EXPECT_GE(layout.boxes[t].row, 0);
    EXPECT_LT(layout.boxes[t].row, layout.rows);
    if (layout.boxes[t].feeds) {
      feeders[*layout.boxes[t].feeds].push_back(layout.boxes[t].row);
      ++fed;
    }
  }
  EXPECT_GT(fed, 5);
  for (const auto& [t, rows] : feeders) {
    EXPECT_GE(layout.boxes[t].row, *std::min_element(rows.begin(), rows.end()));
    EXPECT_LE(layout.boxes[t].row, *std::max_element(rows.begin(), rows.end()));
  }
}

std::string svg_of(const std::vector<Tie>& ties, const std::string& title = "Test Cup 2020-21") {
  std::ostringstream out;
  bracket::write_svg(title, ties, bracket::layout(ties), out);
  return out.str();
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
    ++n;
  }
  return n;
}

TEST(BracketSvg, OneGroupPerTieAndAHeadingPerRoundInOrder) {
  const std::string svg = svg_of(eight_clubs());
  EXPECT_EQ(svg.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg ", 0), 0u);
  EXPECT_EQ(count(svg, "<g class=\"tie\" "), 7u);
  EXPECT_EQ(count(svg, "data-round=\"Quarter-finals\""), 4u);
  const std::size_t qf = svg.find(">Quarter-finals</text>");
  const std::size_t sf = svg.find(">Semi-finals</text>");
  const std::size_t f = svg.find(">Final</text>");
  ASSERT_NE(qf, std::string::npos);
  EXPECT_LT(qf, sf);
  EXPECT_LT(sf, f);
  EXPECT_NE(f, std::string::npos);
  EXPECT_EQ(count(svg, "class=\"round\""), 3u);
  EXPECT_EQ(count(svg, "class=\"connector\""), 6u);
  EXPECT_NE(svg.find("data-tie-id=\"7\""), std::string::npos);
  EXPECT_EQ(svg, svg_of(eight_clubs()));  // the same ties, the same bytes
  EXPECT_EQ(svg.substr(svg.size() - 7), "</svg>\n");
}

TEST(BracketSvg, EscapesEveryNameAndTitle) {
  const ClubRef odd = club(1, "Brighton & Hove <Albion> \"Seagulls\" O'Neill");
  const std::vector<Tie> ties = {tie_of(1, "Final", 170, odd, club(2, "Plain FC"))};
  const std::string svg = svg_of(ties, "Cup & <Shield>");
  EXPECT_NE(svg.find("Brighton &amp; Hove &lt;Albion&gt; &quot;Seagulls&quot; O&apos;Neill"),
            std::string::npos)
      << svg;
  EXPECT_EQ(svg.find("<Albion>"), std::string::npos);
  EXPECT_EQ(svg.find("\"Seagulls"), std::string::npos);
  EXPECT_NE(svg.find("Cup &amp; &lt;Shield&gt;"), std::string::npos);
  // Every & starts one of the five entities.
  for (std::size_t at = svg.find('&'); at != std::string::npos; at = svg.find('&', at + 1)) {
    const std::string rest = svg.substr(at, 6);
    EXPECT_TRUE(rest.rfind("&amp;", 0) == 0 || rest.rfind("&lt;", 0) == 0 ||
                rest.rfind("&gt;", 0) == 0 || rest.rfind("&quot;", 0) == 0 ||
                rest.rfind("&apos;", 0) == 0)
        << rest;
  }
  EXPECT_EQ(bracket::xml_escape("a\x01" "b\tc"), "a\xEF\xBF\xBD" "b\tc");
}

TEST(BracketSvg, SaysHowEachTieWasDecided) {
  // Two legs level, the second after extra time, then penalties: 1-0, 0-1 a.e.t., 3-4.
  Tie pens = tie_of(1, "Semi-finals", 160, club(1, "Alpha"), club(2, "Beta"), false);
  Leg second;
  second.number = 2;
  second.home = club(2, "Beta");
  second.away = club(1, "Alpha");
  second.full_time = Score{1, 0};
  second.extra_time = Score{1, 0};
  second.penalties = Score{4, 3};
  pens.legs[0].full_time = Score{1, 0};
  pens.legs.push_back(second);
  pens.outcome.aggregate = Aggregate{1, 1};
  pens.outcome.decided_by = DecidedBy::kPenalties;
  pens.outcome.extra_time = true;

  Tie away = tie_of(2, "Semi-finals", 160, club(3, "Gamma"), club(4, "Delta"));
  away.outcome.decided_by = DecidedBy::kAwayGoals;

  Tie replayed = tie_of(3, "Final", 170, club(2, "Beta"), club(3, "Gamma"));
  Leg replay = replayed.legs[0];
  replay.number = 2;
  replay.replay = true;
  replayed.legs[0].full_time = Score{1, 1};
  replayed.legs.push_back(replay);
  replayed.outcome.decided_by = DecidedBy::kReplay;

  const std::string svg = svg_of({pens, away, replayed});
  EXPECT_NE(svg.find("won on penalties 4-3, after extra time"), std::string::npos) << svg;
  EXPECT_NE(svg.find(">(4)</tspan>"), std::string::npos);
  EXPECT_NE(svg.find("won on away goals"), std::string::npos);
  EXPECT_NE(svg.find("won after a replay"), std::string::npos);
  EXPECT_NE(svg.find(">replay</text>"), std::string::npos);  // the replay's column
  EXPECT_NE(svg.find(">agg</text>"), std::string::npos);     // two legs: their aggregate
  // The club through is marked: bold, on green.
  EXPECT_NE(svg.find("class=\"club winner\" x=\"6\" y=\"50\">Beta</text>"), std::string::npos);

  Tie walkover = tie_of(4, "Final", 170, club(5, "Epsilon"), club(6, "Zeta"));
  walkover.legs[0].status = LegStatus::kWalkover;
  walkover.legs[0].full_time.reset();
  walkover.legs[0].awarded_to = ClubId{5};
  walkover.outcome.decided_by = DecidedBy::kWalkover;
  const std::string w = svg_of({walkover});
  EXPECT_NE(w.find("through by walkover"), std::string::npos);
  EXPECT_NE(w.find(">w/o</text>"), std::string::npos);
}

TEST(BracketSvg, FlagsAStatedResultThatDisagrees) {
  std::vector<Tie> ties = eight_clubs();
  const std::size_t final_index = index_of(ties, 7);
  EXPECT_EQ(count(svg_of(ties), "class=\"flag\""), 0u);

  Tie& final = ties[final_index];
  StatedOutcome claim;
  claim.evidence = Evidence{SourceId{1}, "wiki.txt", 4};
  claim.winner = final.club_b;
  claim.aggregate = Aggregate{2, 3};
  claim.decided_by = DecidedBy::kAggregate;
  claim.text = "Club 7 won 3\xE2\x80\x93" "2 on aggregate.";
  final.stated.push_back(claim);
  final.disagreement = true;
  const std::string svg = svg_of(ties);
  EXPECT_EQ(count(svg, "class=\"flag\""), 1u);
  const std::size_t box = svg.find("data-tie-id=\"7\"");
  const std::size_t flag = svg.find("<g class=\"flag\"><title>wiki.txt:4 says Club 7 went through");
  ASSERT_NE(flag, std::string::npos) << svg;
  EXPECT_LT(box, flag);
  EXPECT_EQ(svg.find("<g class=\"tie\"", box + 1), std::string::npos);  // the final's own box
  EXPECT_NE(svg.find("stated: Club 7 through on aggregate, 3-2"), std::string::npos) << svg;
  EXPECT_NE(svg.find("class=\"box disagrees\""), std::string::npos);
}

}  // namespace
}  // namespace footballdb
