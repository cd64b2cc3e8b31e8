// Group stages are groups: their matches make each group's table (Database::standings, the
// standings view), tie_results holds knockout ties only, and "Group B" names one group.
#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include "footballdb/footballdb.hpp"
#include "testing.hpp"

namespace footballdb {
namespace {

using testing::data_path;

TEST(Standings, AGroupsTableInTheOrderOfItsPoints) {
  testing::TempDir dir;
  const std::string path = dir.path("g.db");
  Database db = Database::open(path);
  import_files(db, {data_path("order/cl-2014-15-group-b.txt")});
  TieFilter filter;
  filter.competition = "Champions League";
  filter.season = "2014-15";
  filter.round = "Group B";
  const std::vector<Standing> table = db.standings(filter);
  ASSERT_EQ(table.size(), 4u);
  EXPECT_EQ(table[0].club.name, "Real Madrid");
  EXPECT_EQ(table[0].points, 18);
  EXPECT_EQ(table[0].won, 6);
  EXPECT_EQ(table[3].position, 4);
  EXPECT_EQ(table[3].played, 6);
  EXPECT_EQ(table[0].group, std::optional<std::string>("B"));
  filter.round = "Group A";
  EXPECT_TRUE(db.standings(filter).empty());
  filter.round = "Group B";
  EXPECT_EQ(db.ties(filter).size(), 6u);  // the group's pairings
  EXPECT_EQ(db.ties(filter)[0].group, std::optional<std::string>("B"));
  SQLite::Database raw(path, SQLite::OPEN_READONLY);
  // The file's two round-of-16 ties, no group pairing.
  EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM tie_results").getInt(), 2);
  EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM tie_results WHERE round <> 'Round of 16'").getInt(),
            0);
}

// A database of Champions League group matches: `rows` of Date,Season,round,leg,home,visitor,FT.
Database import_group_matches(testing::TempDir& dir, const std::string& rows) {
  const std::string csv = dir.write("groups.csv", "Date,Season,round,leg,home,visitor,FT\n" + rows);
  Database db = Database::open(":memory:");
  ImportOptions options;
  options.csv_mapping =
      "date=Date,season_start=Season,round=round,leg=leg,home=home,away=visitor,score=FT,"
      "competition_name=UEFA Champions League";
  import_files(db, {csv}, options);
  return db;
}

TEST(Standings, AWinWasWorthTwoPointsBefore1995) {
  testing::TempDir dir;
  Database db = import_group_matches(
      dir,
      "1993-11-24,1993,GroupA,groups,Alpha,Beta,2-0\n"
      "1993-12-08,1993,GroupA,groups,Beta,Alpha,1-1\n"
      "1995-11-22,1995,GroupA,groups,Alpha,Beta,1-0\n");
  TieFilter filter;
  filter.season = "1993-94";
  const auto old = db.standings(filter);
  ASSERT_EQ(old.size(), 2u);
  EXPECT_EQ(old[0].club.name, "Alpha");
  EXPECT_EQ(old[0].points, 3);  // a win and a draw
  filter.season = "1995-96";
  EXPECT_EQ(db.standings(filter).at(0).points, 3);  // one win
}

// Level on points, the matches between the clubs decide before goal difference: Alpha beat Beta
// and drew with it, so Alpha is first although Beta's goal difference is far better.
TEST(Standings, ClubsLevelOnPointsAreToldApartByTheirMatches) {
  testing::TempDir dir;
  Database db = import_group_matches(
      dir,
      "2012-09-18,2012,GroupA,groups,Alpha,Beta,1-0\n"
      "2012-10-02,2012,GroupA,groups,Beta,Alpha,0-0\n"
      "2012-10-23,2012,GroupA,groups,Alpha,Gamma,2-0\n"
      "2012-11-06,2012,GroupA,groups,Gamma,Alpha,1-0\n"
      "2012-11-21,2012,GroupA,groups,Beta,Gamma,5-0\n"
      "2012-12-04,2012,GroupA,groups,Gamma,Beta,0-3\n");
  const auto table = db.standings(TieFilter{});
  ASSERT_EQ(table.size(), 3u);
  EXPECT_EQ(table[0].club.name, "Alpha");
  EXPECT_EQ(table[0].points, 7);
  EXPECT_EQ(table[1].club.name, "Beta");
  EXPECT_EQ(table[1].points, 7);
  EXPECT_GT(table[1].goals_for - table[1].goals_against,
            table[0].goals_for - table[0].goals_against);
  EXPECT_EQ(table[2].club.name, "Gamma");
}

}  // namespace
}  // namespace footballdb
