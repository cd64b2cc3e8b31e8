// The tool under hostile conditions: a writer holding the lock, a directory the user cannot
// write, a damaged file, sources beyond the limits, standard input. Each test runs the CLI as a
// user does and checks what they see and that the database is as it was.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "cli/cli_runner.hpp"
#include "storage/integrity.hpp"

namespace footballdb {
namespace {

using nlohmann::json;
using Result = testing::CliResult;
using testing::data_path;
using testing::quote;

const std::string kSample = data_path("json/uefa-europa-league-2012-13-q2.json");
const std::string kResults = FOOTBALLDB_SOURCE_DIR "/data/samples/uefa-europa-league-2012-13-q2-results.txt";
const std::vector<std::string> kUel = {"--competition", "UEFA Europa League", "--season",
                                       "2012-13", "--round", "Second qualifying round"};

class Reliability : public testing::CliFixture {
 protected:
  void SetUp() override {
    const Result r = run({"import", kSample});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }

  // The whole database as SQL text: equal dumps, equal databases.
  std::string dump() {
    const Result r = shell("sqlite3 t.db .dump");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
  }

  std::vector<std::string> import_args(const std::string& file) {
    std::vector<std::string> args = {"import"};
    args.insert(args.end(), kUel.begin(), kUel.end());
    args.push_back(file);
    return args;
  }
};

TEST_F(Reliability, ReadersNeverWaitForAWriterAndASecondWriterIsToldTheDatabaseIsBusy) {
  SQLite::Database writer(dir_.path("t.db"), SQLite::OPEN_READWRITE);
  writer.exec("BEGIN IMMEDIATE");
  writer.exec("INSERT INTO competitions(name) VALUES ('Uncommitted Cup')");

  const auto started = std::chrono::steady_clock::now();
  for (const std::vector<std::string>& reads :
       {std::vector<std::string>{"ties", "--club", "Lech Poznan"},
        {"fixtures", "--date", "2012-07-19"},
        {"resolve", "Lech Posen"},
        {"clubs", "Lech"},
        {"check"},
        {"export", "-o", "export.json"},
        {"rules", "list", "--competition", "UEFA Europa League", "--season", "2012-13"},
        {"shell", "SELECT count(*) AS n FROM competitions WHERE name = 'Uncommitted Cup'"}}) {
    const Result r = run(reads);
    EXPECT_EQ(r.exit_code, 0) << reads[0] << ": " << r.err;
    if (reads[0] == "shell") {
      EXPECT_EQ(r.out, "n\n0\n");  // the state before the writer's
    }
  }
  // Each would have waited the 5 s busy timeout had it taken the write lock.
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));

  std::vector<std::string> second = {"--busy-timeout", "200"};
  for (const std::string& a : import_args(kResults)) second.push_back(a);
  Result r = run(second);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("footballdb: busy: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("nothing was changed, try again"), std::string::npos) << r.err;

  writer.exec("ROLLBACK");
  r = run(import_args(kResults));
  EXPECT_EQ(r.exit_code, 0) << r.err;  // nothing was lost: the retry imports it
  EXPECT_NE(r.out.find("legs added"), std::string::npos) << r.out;
}

// Runs `footballdb ARGS` as a user other than root where the tests run as root (root may
// write anything), so that file permissions apply.
std::string as_unprivileged_user() {
  if (geteuid() != 0) return "";
  return "setpriv --reuid=nobody --regid=nogroup --clear-groups ";
}

TEST_F(Reliability, ADatabaseInADirectoryTheUserCannotWriteIsReadAndWritesAreRefused) {
  if (geteuid() == 0 && std::system("command -v setpriv >/dev/null") != 0) {
    GTEST_SKIP() << "running as root without setpriv: permissions cannot be tested";
  }
  const std::string archive = dir_.path("archive");
  std::filesystem::create_directory(archive);
  std::filesystem::copy_file(dir_.path("t.db"), archive + "/t.db");
  ASSERT_EQ(chmod(archive.c_str(), 0555), 0);
  const std::string cli = as_unprivileged_user() + quote(FOOTBALLDB_CLI) + " --db archive/t.db ";

  Result r = shell(cli + "ties --club 'Lech Poznan' --json");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(json::parse(r.out).size(), 1u);
  r = shell(cli + "check --json");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  r = shell(cli + "shell 'SELECT count(*) AS n FROM tie_results'");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "n\n37\n");

  r = shell(cli + "import " + quote(kResults) + " --competition 'UEFA Europa League' --season 2012-13");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("no write permission on the file or its directory; nothing was changed"),
            std::string::npos)
      << r.err;
  r = shell(cli + "--read-only aliases add Kolejorz 'Lech Poznan'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "footballdb: usage: --read-only: 'aliases' writes to the database\n");
  chmod(archive.c_str(), 0755);
  EXPECT_EQ(std::filesystem::directory_iterator(archive)->path().filename(), "t.db");
}

TEST_F(Reliability, ReadOnlyOpensNothingForWritingAndLeavesTheFileAsItWas) {
  const std::string before = testing::read_file(dir_.path("t.db"));
  Result r = run({"--read-only", "ties", "--club", "Lech Poznan"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  r = run({"--read-only", "shell", "DELETE FROM ties"});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("readonly"), std::string::npos) << r.err;
  r = run({"--read-only", "import", kResults});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(testing::read_file(dir_.path("t.db")), before);
}

// Overwrites the first bytes of the root page of `index` in the database file at `path`.
void damage_index(const std::string& path, const std::string& index) {
  int page = 0, page_size = 0;
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    page = db.execAndGet("SELECT rootpage FROM sqlite_schema WHERE name = '" + index + "'").getInt();
    page_size = db.execAndGet("PRAGMA page_size").getInt();
  }
  ASSERT_GT(page, 1);
  std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
  file.seekp(static_cast<std::streamoff>(page - 1) * page_size);
  const char garbage[16] = {'\x0d', '\x7f', '\x7f', '\x7f', '\x7f', '\x7f', '\x7f', '\x7f',
                            '\x7f', '\x7f', '\x7f', '\x7f', '\x7f', '\x7f', '\x7f', '\x7f'};
  file.write(garbage, sizeof garbage);
}

TEST_F(Reliability, CheckFindsADamagedFileAndNothingIsImportedIntoIt) {
  Result r = run({"check", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(json::parse(r.out)["integrity"],
            json({{"check", "quick_check"}, {"ok", true}, {"problems", json::array()}}));
  r = run({"check", "--full", "--json"});
  EXPECT_EQ(json::parse(r.out)["integrity"]["check"], "integrity_check");

  damage_index(dir_.path("t.db"), "ties_by_round");
  const std::string damaged = testing::read_file(dir_.path("t.db"));
  r = run({"check"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out.rfind("The database file is damaged (quick_check):\n", 0), 0u) << r.out;
  r = run({"check", "--full", "--json"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const json report = json::parse(r.out);
  EXPECT_EQ(report["integrity"]["ok"], false);
  EXPECT_FALSE(report["integrity"]["problems"].empty());

  r = run(import_args(kResults));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("the database file is damaged"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("nothing was imported"), std::string::npos) << r.err;
  EXPECT_EQ(testing::read_file(dir_.path("t.db")), damaged);
}

// Makes the database file at `path` larger than a small import checks whole: a table of the
// user's own holding one large value.
void grow_past_the_whole_file_check(const std::string& path) {
  SQLite::Database db(path, SQLite::OPEN_READWRITE);
  db.exec("CREATE TABLE my_notes(b BLOB)");
  db.exec("INSERT INTO my_notes VALUES (zeroblob(" +
          std::to_string(storage::kAlwaysCheckedBytes + (1 << 20)) + "))");
}

TEST_F(Reliability, ASmallImportIntoALargeFileStopsAtTheDamageItReads) {
  grow_past_the_whole_file_check(dir_.path("t.db"));
  damage_index(dir_.path("t.db"), "ties_by_round");  // every new tie is written into it
  const std::string damaged = testing::read_file(dir_.path("t.db"));
  ASSERT_GT(damaged.size(), static_cast<std::size_t>(storage::kAlwaysCheckedBytes));
  const Result r = run(import_args(kResults));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err.rfind("footballdb: database: the database file is damaged (", 0), 0u) << r.err;
  EXPECT_NE(r.err.find("nothing was imported"), std::string::npos) << r.err;
  EXPECT_EQ(testing::read_file(dir_.path("t.db")), damaged);
}

TEST_F(Reliability, ASmallImportIntoALargeFileDoesNotReadAllOfItAndCheckFindsTheRest) {
  grow_past_the_whole_file_check(dir_.path("t.db"));
  damage_index(dir_.path("t.db"), "conflicts_by_source");  // no conflict in this import
  Result r = run(import_args(kResults));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("legs added"), std::string::npos) << r.out;
  r = run({"check"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out.rfind("The database file is damaged (quick_check):\n", 0), 0u) << r.out;
}

TEST(WholeFileCheck, RunsOnASmallFileOrOneNoMoreThanTwiceTheInputAndOnNoOtherFile) {
  constexpr std::int64_t kMiB = std::int64_t{1} << 20;
  EXPECT_TRUE(storage::checks_whole_file_first(32 * kMiB, 0));  // standard input: size unknown
  EXPECT_FALSE(storage::checks_whole_file_first(32 * kMiB + 1, 0));
  EXPECT_TRUE(storage::checks_whole_file_first(300 * kMiB, 150 * kMiB));
  EXPECT_FALSE(storage::checks_whole_file_first(300 * kMiB, 149 * kMiB));
  EXPECT_FALSE(storage::checks_whole_file_first(300 * kMiB, 20 * 1024));
}

TEST_F(Reliability, AFileThatIsNoFootballdbDatabaseIsRefusedAndLeftByteForByte) {
  dir_.write("notes.txt", "these are my notes\n");
  ASSERT_EQ(shell("sqlite3 other.db \"CREATE TABLE notes(t TEXT); INSERT INTO notes VALUES "
                  "('mine')\"").exit_code,
            0);
  const std::string notes = testing::read_file(dir_.path("notes.txt"));
  const std::string other = testing::read_file(dir_.path("other.db"));
  for (const std::string& args : {std::string("ties"), std::string("check"),
                                  "import " + quote(kSample)}) {
    Result r = shell(quote(FOOTBALLDB_CLI) + " --db notes.txt " + args);
    EXPECT_EQ(r.exit_code, 1) << args;
    EXPECT_EQ(r.err, "footballdb: database: cannot open 'notes.txt': file is not a database (the "
                     "file is no SQLite database, or its header is damaged; it was left as it "
                     "is)\n")
        << args;
    r = shell(quote(FOOTBALLDB_CLI) + " --db other.db " + args);
    EXPECT_EQ(r.exit_code, 1) << args;
    EXPECT_EQ(r.err, "footballdb: version: 'other.db' is not a footballdb database "
                     "(application_id 0)\n")
        << args;
  }
  EXPECT_EQ(testing::read_file(dir_.path("notes.txt")), notes);
  EXPECT_EQ(testing::read_file(dir_.path("other.db")), other);
  EXPECT_FALSE(std::filesystem::exists(dir_.path("other.db-wal")));
}

TEST_F(Reliability, SourcesBeyondTheLimitsAreRefusedAtTheirLine) {
  const std::string before = dump();
  dir_.write("long.txt", "1st(1st leg) A - B 1:0\n" + std::string(2 << 20, 'x') + "\n");
  Result r = run(import_args("long.txt"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "footballdb: input: long.txt:2: expected a line of at most 1024 KiB; this one "
                   "is longer\n");

  std::string name = "FC ";
  for (int i = 0; i < 30000; ++i) name += "Abc";
  dir_.write("name.txt", "1st(1st leg) " + name + " - FK Gomel 0:6 (0:0)\n");
  std::vector<std::string> args = import_args("name.txt");
  args.insert(args.begin() + 1, {"--format", "result-lines"});
  r = run(args);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "footballdb: input: name.txt:1:1: expected a club name of at most 64 KiB, got "
                   "87 KiB\n");

  EXPECT_EQ(dump(), before);
}

TEST_F(Reliability, StandardInputIsReadOnceAndAnEmptyReadIsAnError) {
  const std::string before = dump();
  std::vector<std::string> args = import_args("-");
  args.insert(args.begin() + 1, {"--format", "result-lines"});
  Result r = run(args, "");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "footballdb: input: <stdin>: expected a source, got no bytes at all\n");
  EXPECT_EQ(dump(), before);

  r = run(args, testing::read_file(kResults));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("- (result-lines): ", 0), 0u) << r.out;
  r = run({"shell", "SELECT path FROM sources ORDER BY id DESC LIMIT 1"});
  EXPECT_EQ(r.out, "path\n<stdin>\n");
  // The same content from a file is recognised as imported before: the hash was of what was read.
  r = run(import_args(kResults));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("imported before"), std::string::npos) << r.out;
}


TEST_F(Reliability, NamesThatLookLikeSqlOrShellAreStoredAndFoundVerbatim) {
  const std::vector<std::string> names = {
      "Robert'); DROP TABLE clubs;--", "\"Zyxw\" Qvbn", "SELECT * FROM ties WHERE 1=1",
      "O'Neill's XI; DELETE FROM legs", "$(touch pwned) `id` && echo FC",
      "-echo --init x.sql", "Café \\' OR ''='", [] {
        std::string name;
        for (int i = 0; i < 1000; ++i) name += "Abcdefghij";
        return name;
      }()};
  std::string csv = "date,home,away,score,leg\n";
  for (std::size_t i = 0; i < names.size(); i += 2) {
    auto field = [](const std::string& name) {
      std::string quoted = "\"";
      for (char c : name) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
      return quoted + "\"";
    };
    csv += "2012-07-0" + std::to_string(i + 1) + "," + field(names[i]) + "," +
           field(names[i + 1]) + ",1-0,1\n";
  }
  dir_.write("names.csv", csv);
  std::vector<std::string> args = import_args("names.csv");
  args.insert(args.begin() + 1, {"--mapping", "date=date,home=home,away=away,score=score,leg=leg"});
  Result r = run(args);
  ASSERT_EQ(r.exit_code, 0) << r.err;

  for (std::size_t i = 0; i < names.size(); ++i) {
    const json ties = run_json({"ties", "--club", names[i], "--json"});
    ASSERT_EQ(ties.size(), 1u) << names[i].substr(0, 40);
    const std::set<std::string> clubs = {ties[0]["clubs"][0]["name"].get<std::string>(),
                                         ties[0]["clubs"][1]["name"].get<std::string>()};
    EXPECT_EQ(clubs, (std::set<std::string>{names[i], names[i ^ 1]}));
  }
  r = run({"shell", "SELECT (SELECT count(*) FROM legs) AS legs, (SELECT count(*) FROM clubs "
                    "WHERE length(name) = 10000) AS long_names"});
  EXPECT_EQ(r.out, "legs|long_names\n78|1\n");
  EXPECT_FALSE(std::filesystem::exists(dir_.path("pwned")));
  EXPECT_FALSE(std::filesystem::exists(dir_.path("x.sql")));
  const json exported = json::parse(run({"export"}).out);
  std::set<std::string> exported_names;
  for (const json& club : exported["clubs"]) exported_names.insert(club["name"].get<std::string>());
  for (const std::string& name : names) EXPECT_EQ(exported_names.count(name), 1u);
}

// name_key, fold_key and club_id take text; NULL gives NULL, numbers are read as their text,
// and anything that is not UTF-8 text without NUL bytes is an SQL error that says so.
TEST_F(Reliability, TheSqlFunctionsTakeAnyValueAndRefuseWhatIsNotText) {
  Result r = run({"shell", "SELECT name_key(NULL) IS NULL, fold_key(NULL) IS NULL, "
                           "club_id(NULL) IS NULL, name_key(42), fold_key(2.5), club_id(7) IS NULL, "
                           "fold_key(CAST('Lech Poznań' AS BLOB)), "
                           "club_id(CAST('Lech Posen' AS BLOB)) = club_id('Lech Poznan')"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\n1|1|1|42|25|1|lech poznan|1\n"), std::string::npos) << r.out;
  for (const std::string function : {"name_key", "fold_key", "club_id"}) {
    for (const auto& [value, problem] :
         std::vector<std::pair<std::string, std::string>>{{"X'ff41'", "bytes that are not UTF-8"},
                                                          {"X'eda080'", "bytes that are not UTF-8"},
                                                          {"zeroblob(3)", "a NUL byte"},
                                                          {"'Lech' || char(0)", "a NUL byte"}}) {
      r = run({"shell", "SELECT " + function + "(" + value + ")"});
      EXPECT_NE(r.exit_code, 0) << function << "(" << value << ")";
      EXPECT_NE(r.err.find(function + ": expected UTF-8 text without NUL bytes, got " + problem),
                std::string::npos)
          << r.err;
    }
    // Ten million characters: a key of as many, or no club; no limit below SQLite's own.
    r = run({"shell", "SELECT length(" + function + "(printf('%.*c', 10000000, 'x')))"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.substr(r.out.find('\n') + 1), function == "club_id" ? "\n" : "10000000\n");
  }
}

}  // namespace
}  // namespace footballdb
