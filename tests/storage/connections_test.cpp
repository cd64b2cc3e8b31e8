#include <gtest/gtest.h>

#include "footballdb/footballdb.hpp"
#include "testing.hpp"

namespace footballdb {
namespace {

using testing::TempDir;

// Two Database objects on one file, as two processes would use it.
TEST(Connections, AReaderSeesWhatAnotherConnectionCommittedAndCanWriteAfterIt) {
  TempDir dir;
  const std::string path = dir.path("shared.db");
  Database first = Database::open(path);
  Database second = Database::open(path);
  const ClubId lech = first.require_club("Lech Poznań").id;
  ASSERT_TRUE(first.club(lech));  // a read that leaves nothing open behind it

  second.add_alias("Kolejorz", lech);
  const Resolution r = first.resolve("Kolejorz");
  ASSERT_EQ(r.status, ResolveStatus::kResolved);
  EXPECT_EQ(r.club->id, lech);

  first.add_alias("Lech z Poznania", lech);  // no lock left over from the reads
  EXPECT_EQ(second.resolve("Lech z Poznania").club->id, lech);
}

TEST(Connections, ImportsOfTwoConnectionsMeetInOneTie) {
  TempDir dir;
  const std::string path = dir.path("shared.db");
  Database first = Database::open(path);
  Database second = Database::open(path);
  ImportOptions options;
  options.competition = "UEFA Europa League";
  options.season = "2012-13";
  options.round = "Second qualifying round";
  import_files(first, {testing::data_path("000_98225e7db66c08bd.txt")}, options);
  import_files(second, {testing::data_path("001_18477ec777a99af5.txt")}, options);
  EXPECT_EQ(first.ties().size(), 37u);
  TieFilter filter;
  filter.club = first.require_club("Lech Posen").id;
  EXPECT_EQ(first.ties(filter).at(0).legs.size(), 2u);
}

}  // namespace
}  // namespace footballdb
