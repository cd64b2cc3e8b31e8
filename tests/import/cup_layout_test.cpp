// engsoccerdata's cup layout (facup.csv and its family), read as it stands: byes, walkovers, void
// matches, disqualifications, replays up to the second, two-legged ties, shoot-outs in hp/vp and
// a score after extra time in FT. The fixture's rows are made up in the file's shape.
#include <gtest/gtest.h>

#include <map>

#include "footballdb/footballdb.hpp"
#include "testing.hpp"

namespace footballdb {
namespace {

using testing::data_path;

std::map<std::string, Tie> ties_by_first_club(const Database& db) {
  std::map<std::string, Tie> out;
  for (const Tie& t : db.ties(TieFilter{})) {
    if (t.club_a) out[t.club_a->name] = t;
    if (t.club_b) out[t.club_b->name] = t;
  }
  return out;
}

TEST(CupLayout, ImportsAsItStands) {
  Database db = Database::open(":memory:");
  ImportOptions options;
  options.competition = "FA Cup";  // the fixture's file name says none
  const ImportReport report = import_files(db, {data_path("csv/cup-layout.csv")}, options);
  ASSERT_EQ(report.files.size(), 1u);
  EXPECT_EQ(report.files[0].format, "csv");
  EXPECT_EQ(report.files[0].conflicts, 0);
  auto ties = ties_by_first_club(db);

  // A walkover: the club the notes name went through. A bye: a tie of one club, no match.
  EXPECT_EQ(ties.at("Alpha Rovers").winner->name, "Alpha Rovers");
  EXPECT_EQ(ties.at("Alpha Rovers").outcome.decided_by, DecidedBy::kWalkover);
  ASSERT_EQ(ties.at("Alpha Rovers").stated.size(), 1u);
  EXPECT_EQ(ties.at("Alpha Rovers").stated[0].text, "Alpha Rovers progress");  // the notes' words
  const Tie& bye = ties.at("Gamma Athletic");
  EXPECT_TRUE(bye.legs.empty());
  EXPECT_FALSE(bye.club_b);
  ASSERT_TRUE(bye.winner);
  EXPECT_EQ(bye.winner->name, "Gamma Athletic");
  EXPECT_EQ(bye.outcome.decided_by, DecidedBy::kBye);
  EXPECT_TRUE(check(db).partial_ties.empty());  // a bye is no tie missing its opponent

  // 1945-46: two legs, on aggregate.
  const Tie& legs = ties.at("Delta Town");
  EXPECT_EQ(legs.legs.size(), 2u);
  EXPECT_EQ(legs.outcome.decided_by, DecidedBy::kAggregate);
  EXPECT_EQ(legs.winner->name, "Epsilon City");

  // A semi-final at neutral grounds, replayed twice: FT is after extra time when aet says so.
  const Tie& semi = ties.at("Zeta United");
  EXPECT_EQ(semi.round, "Semi-finals");
  EXPECT_EQ(semi.round_names, std::vector<std::string>{"s"});  // the source's own code, kept
  ASSERT_EQ(semi.legs.size(), 3u);
  EXPECT_EQ(semi.legs[0].extra_time, (Score{0, 0}));
  EXPECT_EQ(semi.legs[0].full_time, std::nullopt);
  EXPECT_TRUE(semi.legs[0].neutral_venue);
  EXPECT_TRUE(semi.legs[1].replay);
  EXPECT_TRUE(semi.legs[2].replay);
  EXPECT_EQ(semi.outcome.decided_by, DecidedBy::kReplay);
  EXPECT_EQ(semi.winner->name, "Zeta United");

  // A replay settled by a shoot-out in hp/vp.
  const Tie& shootout = ties.at("Theta Park");
  EXPECT_EQ(shootout.round, "Third round");
  EXPECT_EQ(shootout.outcome.decided_by, DecidedBy::kPenalties);
  EXPECT_EQ(shootout.winner->name, "Iota Vale");

  // A void match is kept and counts for nothing; the replay decides.
  const Tie& void_match = ties.at("Kappa Forest");
  ASSERT_EQ(void_match.legs.size(), 2u);
  EXPECT_EQ(void_match.legs[0].status, LegStatus::kAnnulled);
  EXPECT_EQ(void_match.winner->name, "Lambda Orient");

  // A club disqualified after its win: the match is void, the other club through.
  const Tie& disqualified = ties.at("Mu Swifts");
  ASSERT_EQ(disqualified.legs.size(), 1u);
  EXPECT_EQ(disqualified.legs[0].status, LegStatus::kAnnulled);
  EXPECT_EQ(disqualified.legs[0].full_time, (Score{3, 2}));  // kept as the source says
  ASSERT_TRUE(disqualified.winner);
  EXPECT_EQ(disqualified.winner->name, "Nu Olympic");
}

// A draw, then a replay after which a club was disqualified (its score void, hgoal and vgoal
// NA): the legs leave the tie open, the row says who went through.
TEST(CupLayout, AClubDisqualifiedAfterAReplayLeavesTheOtherThrough) {
  const std::string header = "\"Date\",\"Season\",\"home\",\"visitor\",\"FT\",\"hgoal\",\"vgoal\","
                             "\"round\",\"tie\",\"aet\",\"pen\",\"pens\",\"hp\",\"vp\",\"Venue\","
                             "\"attendance\",\"nonmatch\",\"notes\",\"neutral\"";
  testing::TempDir dir;
  const std::string rows[] = {
      "1887-11-26,1887,\"Pi Borough\",\"Rho Athletic\",\"2-2\",2,2,\"3\",\"initial\",NA,NA,NA,NA,"
      "NA,NA,NA,NA,NA,NA",
      "1887-12-03,1887,\"Rho Athletic\",\"Pi Borough\",\"4-2\",NA,NA,\"3\",\"replay\",NA,NA,NA,NA,"
      "NA,NA,NA,\"Rho Athletic disqualified\",\"Pi Borough progress\",NA",
      // Two ties nothing decides: one not played, one level with no replay.
      "NA,1887,\"Sigma Rovers\",\"Tau United\",NA,NA,NA,\"3\",\"none\",NA,NA,NA,NA,NA,NA,NA,"
      "\"Not played\",\"both teams progress\",NA",
      "1887-11-26,1887,\"Upsilon Town\",\"Phi Wanderers\",\"1-1\",1,1,\"3\",\"initial\",NA,NA,NA,"
      "NA,NA,NA,NA,NA,NA,NA",
  };
  std::string text = header + "\n";
  for (const std::string& row : rows) text += row + "\n";
  const std::string path = dir.write("dq.csv", text);
  Database db = Database::open(":memory:");
  ImportOptions options;
  options.competition = "FA Cup";
  import_files(db, {path}, options);
  const auto ties = ties_by_first_club(db);
  ASSERT_EQ(ties.size(), 6u);
  const Tie& tie = ties.at("Pi Borough");
  ASSERT_EQ(tie.legs.size(), 2u);
  EXPECT_EQ(tie.legs[1].status, LegStatus::kAnnulled);
  ASSERT_TRUE(tie.winner);
  EXPECT_EQ(tie.winner->name, "Pi Borough");
  EXPECT_EQ(tie.outcome.decided_by, DecidedBy::kWalkover);
  EXPECT_EQ(tie.outcome.aggregate, (Aggregate{2, 2}));  // the legs' own, the void one left out
  EXPECT_TRUE(tie.outcome.stated);
  const CheckReport report = check(db);
  EXPECT_TRUE(report.disagreements.empty());

  // check lists the ties nothing decides, and says why.
  ASSERT_EQ(report.undecided_ties.size(), 2u);
  const auto& not_played = report.undecided_ties[0];
  EXPECT_EQ(not_played.tie.club_a->name, "Sigma Rovers");
  EXPECT_FALSE(not_played.aggregate);
  EXPECT_NE(not_played.reason.find("no leg has a result"), std::string::npos);
  const auto& level = report.undecided_ties[1];
  EXPECT_EQ(level.tie.club_a->name, "Upsilon Town");
  EXPECT_EQ(level.aggregate, (Aggregate{1, 1}));
  EXPECT_NE(level.reason.find("level at 1-1"), std::string::npos);
}

TEST(CupLayout, AColumnMoreOrLessIsTheSameLayout) {
  const std::string with = "Date,Season,home,visitor,FT,round,tie,aet,hp,vp,Venue,nonmatch,notes,neutral";
  const std::string without = "Date,Season,home,visitor,FT,round,tie,aet,pens,Venue,division";
  Database db = Database::open(":memory:");
  testing::TempDir dir;
  ImportOptions options;
  options.competition = "FA Cup";
  for (const std::string& header : {with, without}) {
    const std::string row = header == with
                                ? "2000-01-08,2000,A One,B Two,1-0,3,initial,NA,NA,NA,NA,NA,NA,NA"
                                : "2000-01-08,2000,A One,B Two,1-0,3,initial,NA,NA,NA,x";
    const std::string path = dir.write(header == with ? "with.csv" : "without.csv",
                                       header + "\n" + row + "\n");
    EXPECT_NO_THROW(import_files(db, {path}, options)) << header;
  }
  EXPECT_EQ(db.ties(TieFilter{}).size(), 1u);
}

// A city that is a recorded spelling of one club is that club: facup.csv's "Liverpool" is
// Liverpool FC, though Everton FC is of Liverpool too and Liverpool Ramblers, a club of the file's
// own, holds the word.
TEST(CupLayout, ACityThatIsARecordedSpellingIsItsClub) {
  const std::string header = "Date,Season,home,visitor,FT,round,tie,aet,hp,vp,Venue,nonmatch,notes,neutral";
  const std::string rows =
      "1882-11-04,1882,Liverpool Ramblers,Bolton Wanderers,1-3,1,initial,NA,NA,NA,NA,NA,NA,NA\n"
      "1893-01-21,1892,Liverpool,Grimsby Town,3-0,1,initial,NA,NA,NA,NA,NA,NA,NA\n"
      "1893-01-21,1892,Everton,West Bromwich Albion,4-1,1,initial,NA,NA,NA,NA,NA,NA,NA\n";
  Database db = Database::open(":memory:");
  testing::TempDir dir;
  ImportOptions options;
  options.competition = "FA Cup";
  const ImportReport report = import_files(db, {dir.write("cup.csv", header + "\n" + rows)}, options);
  auto ties = ties_by_first_club(db);
  EXPECT_EQ(ties.count("Liverpool FC"), 1u);
  EXPECT_EQ(ties.count("Everton FC"), 1u);
  EXPECT_EQ(ties.count("Liverpool Ramblers"), 1u);
  for (const NameReview& r : db.reviews()) EXPECT_NE(r.name, "Liverpool") << report.files[0].reviews;
}

}  // namespace
}  // namespace footballdb
