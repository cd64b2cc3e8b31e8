// The bad-input corpus (tests/data/bad): each source is refused with the exact error a user
// sees, and the database is byte for byte what it was (its .dump compared before and after).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cli/cli_runner.hpp"

namespace footballdb {
namespace {

using Result = testing::CliResult;
using testing::data_path;

struct BadInput {
  const char* file;  // in tests/data/bad, or made by the test
  std::vector<std::string> options;
  const char* error;  // standard error, whole
};

const std::vector<std::string> kRound = {"--competition", "UEFA Europa League", "--season",
                                         "2012-13", "--round", "Second qualifying round"};

std::vector<std::string> with_round(std::vector<std::string> options) {
  options.insert(options.end(), kRound.begin(), kRound.end());
  return options;
}

const std::vector<std::string> kCsv =
    with_round({"--mapping", "date=date,home=home,away=away,score=score,leg=leg"});

class BadInputCorpus : public testing::CliFixture {
 protected:
  void SetUp() override {
    const Result r = run({"import", data_path("json/uefa-europa-league-2012-13-q2.json")});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }

  std::string dump() {
    const Result r = shell("sqlite3 t.db .dump");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
  }

  void expect_refused(const BadInput& bad, const std::string& path) {
    const std::string before = dump();
    std::vector<std::string> args = {"import"};
    args.insert(args.end(), bad.options.begin(), bad.options.end());
    args.push_back(path);
    const Result r = run(args);
    EXPECT_EQ(r.exit_code, 1) << bad.file << ": " << r.out;
    EXPECT_EQ(r.err, std::string("footballdb: ") + bad.error + "\n") << bad.file;
    EXPECT_EQ(dump(), before) << bad.file << " changed the database";
  }
};

TEST_F(BadInputCorpus, EachFileIsRefusedWithItsErrorAndChangesNothing) {
  const std::vector<BadInput> corpus = {
      {"binary-garbage.bin", {"--format", "result-lines"},
       "input: binary-garbage.bin:1:1: expected UTF-8 text, got a byte that begins no UTF-8 "
       "character (byte 0xA5)"},
      {"invalid-utf8.txt", with_round({}),
       "input: invalid-utf8.txt:1:15: expected UTF-8 text, got a broken UTF-8 sequence (byte "
       "0x6B)"},
      {"nul-byte.txt", with_round({}),
       "input: nul-byte.txt:2:29: expected UTF-8 text, got a NUL byte (byte 0x00)"},
      {"truncated.txt", with_round({}), "input: truncated.txt:2:36: expected a score like 2:1"},
      {"truncated.json", {},
       "input: truncated.json:1:151: expected JSON: syntax error while parsing value - invalid "
       "string: missing closing quote; last read: '\"FK Gom'"},
      {"negative-score.csv", kCsv,
       "input: negative-score.csv:2:35: expected a score \"h-v\", found \"-1-0\""},
      {"overflowing-score.csv", kCsv,
       "input: overflowing-score.csv:2:35: expected a score \"h-v\", found \"99999999999-0\""},
      {"impossible-date.csv",
       with_round({"--mapping", "date_dmy=date_dmy,home=home,away=away,score=score,leg=leg"}),
       "input: impossible-date.csv:2:1: expected a date DD/MM/YYYY, found \"31/02/2012\""},
      {"second-leg-other-clubs.txt", with_round({}),
       "input: second-leg-other-clubs.txt:2:15: expected the 2nd leg between the 1st leg's clubs "
       "turned round (\"FK Gomel - Víkingur\"), got \"KF Shkëndija 79 - Víkingur\""},
      {"paired-with-itself.csv", kCsv,
       "input: paired-with-itself.csv:2:1: expected two different clubs, got \"Lech Poznan\" and "
       "\"Lech Poznan\""},
      // The first error of the file comes first, though rows are bound a round at a time.
      {"error-before-a-row-without-competition.csv",
       {"--mapping",
        "competition=competition,round=round,date=date,home=home,away=away,score=score"},
       "input: error-before-a-row-without-competition.csv:2:1: expected two different clubs, "
       "got \"Lech Poznan\" and \"Lech Poznan\""},
      {"three-first-legs.csv", kCsv,
       "input: three-first-legs.csv:4: expected one account of each match: line 2 gives this "
       "match's date as 2012-07-05, this line as 2012-07-07"},
      {"contradictory-duplicates.csv", kCsv,
       "input: contradictory-duplicates.csv:3: expected one account of each match: line 2 gives "
       "this match's full_time as 2-0, this line as 3-1"},
      {"json-scalar-section.json", {},
       "input: json-scalar-section.json:1:28: expected \"ties\" as a list of objects"},
      {"json-array-elements.json", {},
       "input: json-array-elements.json:2:11: expected each element of \"ties\" as an object"},
      {"nul-escape.json", {},
       "input: nul-escape.json:3:123: expected text, got a NUL byte (\\u0000) in a string"},
      {"deeply-nested.json", {},
       "input: deeply-nested.json:1:208: expected objects and arrays nested at most 32 deep"},
  };
  for (const BadInput& bad : corpus) {
    dir_.write(bad.file, testing::read_file(data_path(std::string("bad/") + bad.file)));
    expect_refused(bad, bad.file);
  }
}

TEST_F(BadInputCorpus, HugeInputsAreRefusedWithoutReadingThemWhole) {
  dir_.write("ten-mb-line.txt", "1st(1st leg) " + std::string(10 << 20, 'x') + "\n");
  expect_refused({"ten-mb-line.txt", with_round({"--format", "result-lines"}),
                  "input: ten-mb-line.txt:1: expected a line of at most 1024 KiB; this one is "
                  "longer"},
                 "ten-mb-line.txt");
  // 50 MB of "x", forced to a format: no line ends at all.
  dir_.write("fifty-mb.txt", std::string(50 << 20, 'x'));
  expect_refused({"fifty-mb.txt", {"--format", "aggregate-lines"},
                  "input: fifty-mb.txt:1: expected a line of at most 1024 KiB; this one is longer"},
                 "fifty-mb.txt");
}

TEST_F(BadInputCorpus, AFileWithNoRecordsIsAnError) {
  dir_.write("prose.txt", "These are not results.\nNor is this.\n");
  expect_refused({"prose.txt", with_round({"--format", "result-lines"}),
                  "input: prose.txt: expected result-lines records, found none"},
                 "prose.txt");
}

}  // namespace
}  // namespace footballdb
