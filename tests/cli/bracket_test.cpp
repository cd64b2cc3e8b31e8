// footballdb bracket, run as a user runs it: a season imported from real-looking sources, drawn
// as SVG, its structure read back, and the picture rendered to PNG.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <vector>

#include "cli/cli_runner.hpp"
#include "export/bracket.hpp"

namespace footballdb {
namespace {

using nlohmann::json;
using testing::data_path;
using testing::quote;
using testing::read_file;
using Result = testing::CliResult;

const std::vector<std::string> kChampionsLeague = {"--competition", "Champions League", "--season",
                                                   "2011-12"};

// Every match of `pattern` in `text`: its first group.
std::vector<std::string> matches(const std::string& text, const std::string& pattern) {
  std::vector<std::string> out;
  const std::regex re(pattern);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator();
       ++it) {
    out.push_back((*it)[1]);
  }
  return out;
}

// The part of `svg` that draws the tie with `id`: from its <g class="tie"> to the next one.
std::string box_of(const std::string& svg, std::int64_t id) {
  const std::size_t at = svg.find("data-tie-id=\"" + std::to_string(id) + "\"");
  if (at == std::string::npos) return "";
  return svg.substr(at, svg.find("<g class=\"tie\"", at) - at);
}

class Bracket : public testing::CliFixture {
 protected:
  // The 2011-12 Champions League (Group A and the knockout rounds, openfootball's file) and a
  // source that states another winner for Napoli v Chelsea.
  void import_champions_league() {
    Result r = run({"import", data_path("bracket/cl-2011-12.txt")});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    r = run({"import", "--competition", "UEFA Champions League", "--season", "2011-12",
             data_path("bracket/cl-2011-12-stated.txt")});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }

  Result bracket(std::vector<std::string> args) {
    args.insert(args.begin(), "bracket");
    return run(args);
  }

  // Knockout ties `ties --json` gives for `filter`.
  std::vector<json> knockout_ties(const std::vector<std::string>& filter) {
    std::vector<std::string> args = {"ties", "--json"};
    args.insert(args.end(), filter.begin(), filter.end());
    std::vector<json> out;
    for (const json& t : run_json(args)) {
      if (t["group"].is_null()) out.push_back(t);
    }
    return out;
  }
};

TEST_F(Bracket, OneBoxPerKnockoutTieInRoundOrder) {
  import_champions_league();
  std::vector<std::string> args = kChampionsLeague;
  args.insert(args.end(), {"-o", "cl.svg"});
  const Result r = bracket(args);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  const std::string svg = read_file(dir_.path("cl.svg"));
  ASSERT_EQ(svg.rfind("<?xml", 0), 0u) << svg.substr(0, 200);

  const std::vector<json> ties = knockout_ties(kChampionsLeague);
  ASSERT_EQ(ties.size(), 15u);  // 8 + 4 + 2 + 1: the group's matches are not drawn
  const std::vector<std::string> ids =
      matches(svg, "<g class=\"tie\" data-round=\"[^\"]*\" data-tie-id=\"([0-9]+)\"");
  EXPECT_EQ(ids.size(), ties.size());
  for (const json& t : ties) {
    EXPECT_NE(std::find(ids.begin(), ids.end(), std::to_string(t["id"].get<std::int64_t>())),
              ids.end())
        << t.dump();
  }
  // A heading per round, in the season's order; each tie in its round's column.
  const std::vector<std::string> rounds = matches(svg, "<text class=\"round\"[^>]*>([^<]*)</text>");
  EXPECT_EQ(rounds,
            (std::vector<std::string>{"Round of 16", "Quarter-finals", "Semi-finals", "Final"}));
  const std::vector<std::string> tie_rounds =
      matches(svg, "<g class=\"tie\" data-round=\"([^\"]*)\"");
  std::size_t column = 0;
  for (const std::string& round : tie_rounds) {
    while (column < rounds.size() && rounds[column] != round) ++column;
    EXPECT_LT(column, rounds.size()) << round << " out of order";
  }
  EXPECT_EQ(svg.find("Group stage</text>"), std::string::npos);
  EXPECT_NE(svg.find("8 ties, after the group stage"), std::string::npos);
  EXPECT_EQ(matches(svg, "(class=\"connector\")").size(), 14u);  // every tie but the final's

  // The final: Chelsea through on penalties after extra time, in bold.
  const json& final = ties.back();
  ASSERT_EQ(final["round"], "Final");
  const std::string box = box_of(svg, final["id"].get<std::int64_t>());
  EXPECT_NE(box.find("class=\"club winner\" x=\"6\" y=\"50\">Chelsea FC</text>"), std::string::npos)
      << box;
  EXPECT_NE(box.find("won on penalties 4-3, after extra time"), std::string::npos) << box;
  EXPECT_NE(box.find("19 May 2012"), std::string::npos) << box;
  // Every name in the picture is as the database gives it, escaped (as the unit test pins
  // xml_escape down; ClubNamesAreEscaped spells the escapes out).
  for (const json& t : ties) {
    for (const json& club : t["clubs"]) {
      EXPECT_NE(svg.find(">" + bracket::xml_escape(club["name"].get<std::string>()) + "</text>"),
                std::string::npos)
          << club.dump();
    }
  }
}

TEST_F(Bracket, AStatedResultTheLegsContradictIsFlagged) {
  import_champions_league();
  const Result r = bracket(kChampionsLeague);  // no -o: standard output
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string& svg = r.out;
  EXPECT_EQ(matches(svg, "(<g class=\"flag\">)").size(), 1u);
  std::int64_t napoli_chelsea = 0;
  for (const json& t : knockout_ties({"--club", "Napoli", "--season", "2011-12"})) {
    napoli_chelsea = t["id"].get<std::int64_t>();
  }
  const std::string box = box_of(svg, napoli_chelsea);
  ASSERT_FALSE(box.empty());
  EXPECT_NE(box.find("<g class=\"flag\"><title>"), std::string::npos) << box;
  EXPECT_NE(box.find("cl-2011-12-stated.txt:2 says SSC Napoli went through"), std::string::npos)
      << box;
  EXPECT_NE(box.find("the legs give Chelsea FC went through"), std::string::npos) << box;
  EXPECT_NE(box.find("stated: SSC Napoli through on aggregate, 4-3"), std::string::npos) << box;
  EXPECT_NE(box.find("class=\"box disagrees\""), std::string::npos);
  // Standard output and -o give the same bytes; so does a second run.
  ASSERT_EQ(
      bracket({"--competition", "UEFA Champions League", "--season", "2011/12", "-o", "again.svg"})
          .exit_code,
      0);
  EXPECT_EQ(read_file(dir_.path("again.svg")), svg);
}

TEST_F(Bracket, ClubNamesAreEscaped) {
  ASSERT_EQ(run({"import", data_path("bracket/cup-names.json")}).exit_code, 0);
  const Result r = bracket({"--competition", "County Senior Cup", "--season", "2019-20"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* name : {"Ye Olde &lt;Angle&gt; Tavern FC", "&quot;The Quotes&quot; Athletic",
                           "O&apos;Brien&apos;s Wanderers", "Brighton &amp; Hove Albion"}) {
    EXPECT_NE(r.out.find(name), std::string::npos) << name;
  }
  for (const char* raw : {"<Angle>", "\"The Quotes", "Brighton & "}) {
    EXPECT_EQ(r.out.find(raw), std::string::npos) << raw;
  }
  EXPECT_NE(r.out.find("through by walkover"), std::string::npos);
  EXPECT_NE(r.out.find("won on penalties 5-4, after extra time"), std::string::npos);
}

// The demo's sources: the Intertoto Cup's rounds told as "X won 3–2 on aggregate" summaries
// (ties that know one club), and one round of the Europa League.
TEST_F(Bracket, TheDemoSeasons) {
  const std::string samples = std::string(FOOTBALLDB_SOURCE_DIR) + "/data/samples/";
  const std::vector<std::string> uel = {"--competition", "UEFA Europa League",
                                        "--season",      "2012-13",
                                        "--round",       "Second qualifying round"};
  for (const char* file : {"uefa-europa-league-2012-13-q2-pairings.txt",
                           "uefa-europa-league-2012-13-q2-results.txt"}) {
    std::vector<std::string> args = {"import"};
    args.insert(args.end(), uel.begin(), uel.end());
    args.push_back(samples + file);
    ASSERT_EQ(run(args).exit_code, 0);
  }
  ASSERT_EQ(run({"import", "--competition", "UEFA Intertoto Cup", "--season", "2005",
                 samples + "uefa-intertoto-cup-2005-summaries.txt"})
                .exit_code,
            0);
  const std::vector<std::string> intertoto = {"--competition", "Intertoto Cup", "--season", "2005"};
  Result r = bracket(intertoto);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(matches(r.out, "(<g class=\"tie\" )").size(), knockout_ties(intertoto).size());
  EXPECT_EQ(matches(r.out, "<text class=\"round\"[^>]*>([^<]*)</text>"),
            (std::vector<std::string>{"First round", "Second round", "Third round", "Semi-finals",
                                      "Finals"}));
  EXPECT_NE(r.out.find("(opponent unknown)"), std::string::npos);
  EXPECT_NE(r.out.find("won on away goals (as the sources state)"), std::string::npos);

  r = bracket({"--competition", "Europa League", "--season", "2012-13"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(matches(r.out, "(<g class=\"tie\" )").size(), 37u);
  EXPECT_NE(r.out.find(">St Patrick&apos;s Athletic FC</text>"), std::string::npos);
  EXPECT_NE(r.out.find("won on away goals, after extra time"), std::string::npos);
}

TEST_F(Bracket, WhatCannotBeDrawnIsAUsageError) {
  import_champions_league();
  Result r = bracket({"--competition", "Champions Leage", "--season", "2011-12", "-o", "x.svg"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("did you mean \"UEFA Champions League\""), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir_.path("x.svg")));

  r = bracket({"--competition", "Champions League", "--season", "2012-13", "-o", "x.svg"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("usage: no knockout ties of UEFA Champions League 2012-13 in the "
                       "database; its seasons with knockout ties: 2011-12"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir_.path("x.svg")));  // no file for an error

  EXPECT_EQ(bracket({"--competition", "Champions League", "--season", "eleven"}).exit_code, 2);
  EXPECT_EQ(bracket({"--competition", "Champions League"}).exit_code, 2);  // --season required
  EXPECT_EQ(bracket({"--season", "2011-12"}).exit_code, 2);

  // A season of group matches only.
  dir_.write("groups.txt",
             "= UEFA Europa League 2011/12\n\n\u00bb Group A\n  Thu Sep/15 2011\n"
             "    19.00  Tottenham Hotspur (ENG)  v PAOK (GRE)  0-0\n"
             "           Shamrock Rovers (IRL)  v Rubin Kazan (RUS)  0-3 (0-2)\n");
  ASSERT_EQ(run({"import", "groups.txt"}).exit_code, 0);
  r = bracket({"--competition", "Europa League", "--season", "2011-12"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no knockout ties of UEFA Europa League 2011-12 in the database (a bracket "
                       "leaves group stages out)"),
            std::string::npos)
      << r.err;
}

TEST_F(Bracket, ReadsOnlyAndNeverCreatesADatabase) {
  const Result r =
      shell(quote(FOOTBALLDB_CLI) + " --db missing.db bracket --competition Cup --season 2020-21");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("missing.db"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir_.path("missing.db")));
  import_champions_league();
  std::vector<std::string> args = {"--read-only", "bracket"};
  args.insert(args.end(), kChampionsLeague.begin(), kChampionsLeague.end());
  EXPECT_EQ(run(args).exit_code, 0);
}

// The picture as people see it: rsvg-convert (librsvg2-bin) renders it to a PNG of a plausible
// size, which fails on SVG that is not well-formed XML.
TEST_F(Bracket, RendersToPng) {
  if (shell("command -v rsvg-convert").exit_code != 0) {
    GTEST_SKIP() << "rsvg-convert is not installed (Debian: librsvg2-bin; tools/setup.sh installs "
                    "it for the test command)";
  }
  import_champions_league();
  std::vector<std::string> args = kChampionsLeague;
  args.insert(args.end(), {"-o", "cl.svg"});
  ASSERT_EQ(bracket(args).exit_code, 0);
  const Result r = shell("rsvg-convert -o cl.png cl.svg");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string png = read_file(dir_.path("cl.png"));
  ASSERT_GT(png.size(), 24u);
  ASSERT_EQ(png.substr(1, 3), "PNG");
  EXPECT_GT(png.size(), 30u * 1024) << "a picture of 15 ties with their text";
  auto be32 = [&](std::size_t at) {
    std::uint32_t v = 0;
    for (std::size_t i = 0; i < 4; ++i) v = v << 8 | static_cast<unsigned char>(png[at + i]);
    return v;
  };
  const std::uint32_t width = be32(16);
  const std::uint32_t height = be32(20);
  // Four columns of boxes side by side; eight boxes in the first, one above the other.
  EXPECT_GT(width, 4u * 190);
  EXPECT_LT(width, 4u * 400);
  EXPECT_GT(height, 8u * 70);
  EXPECT_LT(height, 8u * 200);
}

}  // namespace
}  // namespace footballdb
