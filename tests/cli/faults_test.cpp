// The database file under faults: an import or a review decision killed (SIGKILL) at many
// points, a disk that fills during an import, readers running while an import writes, two
// importers at once. After each, the file opens, SQLite's integrity_check and foreign_key_check
// are clean, and what was being written is there whole or not at all.
#include <SQLiteCpp/SQLiteCpp.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "cli/cli_runner.hpp"
#include "footballdb/footballdb.hpp"

namespace footballdb {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using Result = testing::CliResult;
using Clock = std::chrono::steady_clock;

const char* const kMapping =
    "competition=competition,season=season,round=round,leg=leg,date=date,home=home,away=away,"
    "score=score";

// A child process running `footballdb ARGS` in `dir`, its output to files there.
class Child {
 public:
  Child(const std::string& dir, const std::vector<std::string>& args, const std::string& name) {
    pid_ = fork();
    if (pid_ == 0) {
      if (chdir(dir.c_str()) != 0) _exit(127);
      const int out = open((name + ".out").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      const int err = open((name + ".err").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      dup2(out, 1);
      dup2(err, 2);
      std::vector<std::string> all = {FOOTBALLDB_CLI};
      all.insert(all.end(), args.begin(), args.end());
      std::vector<char*> argv;
      for (std::string& a : all) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
  }
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;
  ~Child() {
    if (pid_ > 0 && !done_) {
      kill(pid_, SIGKILL);
      wait();
    }
  }

  bool running() {
    if (done_) return false;
    if (waitpid(pid_, &status_, WNOHANG) == pid_) done_ = true;
    return !done_;
  }
  // Waits for the process; returns its exit code, or -1 when a signal ended it.
  int wait() {
    if (!done_) waitpid(pid_, &status_, 0);
    done_ = true;
    return WIFEXITED(status_) ? WEXITSTATUS(status_) : -1;
  }
  // Kills the process; returns whether it was still running then.
  bool kill_now() {
    const bool was_running = running();
    if (was_running) kill(pid_, SIGKILL);
    wait();
    return was_running;
  }

 private:
  pid_t pid_ = -1;
  int status_ = 0;
  bool done_ = false;
};

class Faults : public testing::CliFixture {
 protected:
  void SetUp() override {
    const Result r = run({"import", testing::data_path("json/uefa-europa-league-2012-13-q2.json")});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    SQLite::Database db(dir_.path("t.db"));
    SQLite::Statement names(db, "SELECT name FROM clubs WHERE name NOT LIKE '%,%' AND name NOT "
                                "LIKE '%\"%' AND country IS NOT NULL ORDER BY id LIMIT 200");
    while (names.executeStep()) clubs_.push_back(names.getColumn(0).getString());
    ASSERT_EQ(clubs_.size(), 200u);
  }

  // A CSV of `legs` legs of two-legged ties between clubs of the registry, in `competition`.
  std::string write_csv(const std::string& file, int legs, const std::string& competition) {
    static const char* const kRounds[] = {"First round", "Second round", "Third round"};
    std::ostringstream out;
    out << "competition,season,round,leg,date,home,away,score\n";
    int written = 0;
    for (int season = 1960; written < legs; ++season) {
      for (int round = 0; round < 3 && written < legs; ++round) {
        for (int tie = 0; tie < 100 && written < legs; ++tie) {
          const std::string& a = clubs_[static_cast<std::size_t>(tie)];
          const std::string& b = clubs_[static_cast<std::size_t>(100 + (tie + round * 7 + season) % 100)];
          for (int leg = 1; leg <= 2; ++leg, ++written) {
            out << competition << "," << season << "-" << (season + 1) % 100 / 10
                << (season + 1) % 10 << "," << kRounds[round] << "," << leg << "," << season
                << "-0" << 7 + round << "-" << (leg == 1 ? "05" : "12") << ","
                << (leg == 1 ? a : b) << "," << (leg == 1 ? b : a) << "," << (tie + leg) % 4
                << "-" << (tie * 7 + leg) % 3 << "\n";
          }
        }
      }
    }
    dir_.write(file, out.str());
    return file;
  }

  std::vector<std::string> import_args(const std::string& db, const std::string& file) {
    return {"--db", db, "import", "--mapping", kMapping, file};
  }

  // The rows the tests count, or a failure when the file is not sound.
  struct State {
    long long legs = 0, ties = 0, sources = 0, open_reviews = 0;
    bool operator==(const State& o) const {
      return legs == o.legs && ties == o.ties && sources == o.sources &&
             open_reviews == o.open_reviews;
    }
  };
  State sound_state(const std::string& file) {
    SQLite::Database db(dir_.path(file), SQLite::OPEN_READWRITE);
    EXPECT_EQ(db.execAndGet("PRAGMA integrity_check").getString(), "ok") << file;
    SQLite::Statement fk(db, "PRAGMA foreign_key_check");
    EXPECT_FALSE(fk.executeStep()) << file << ": a row refers to one that is not there";
    State s;
    s.legs = db.execAndGet("SELECT count(*) FROM legs").getInt64();
    s.ties = db.execAndGet("SELECT count(*) FROM ties").getInt64();
    s.sources = db.execAndGet("SELECT count(*) FROM sources").getInt64();
    s.open_reviews =
        db.execAndGet("SELECT count(*) FROM name_reviews WHERE status = 'open'").getInt64();
    return s;
  }

  void copy_db(const std::string& from, const std::string& to) {
    for (const char* suffix : {"", "-wal", "-shm"}) {
      fs::remove(dir_.path(to + suffix));
      if (fs::exists(dir_.path(from + suffix))) {
        fs::copy_file(dir_.path(from + suffix), dir_.path(to + suffix));
      }
    }
  }

  // Runs `args` to the end once on a copy of t.db and returns how long it took and the state
  // it leaves.
  std::pair<Clock::duration, State> whole_run(const std::vector<std::string>& args) {
    const auto started = Clock::now();
    Child child(dir_.path(""), args, "whole");
    EXPECT_EQ(child.wait(), 0) << testing::read_file(dir_.path("whole.err"));
    return {Clock::now() - started, sound_state("copy.db")};
  }

  // Kills `args` (run on copy.db, a fresh copy of t.db each time) at `points` moments spread
  // over 1.2 times `length`, so that the last ones fall about the commit; each time the file must be sound and in state `before` or `after`. Returns
  // how many kills found the process running and left each state.
  struct Kills {
    int mid_run = 0, none = 0, all = 0;
  };
  Kills kill_at_points(const std::vector<std::string>& args, Clock::duration length, int points,
                       const State& before, const State& after) {
    Kills k;
    for (int i = 1; i <= points; ++i) {
      copy_db("t.db", "copy.db");
      Child child(dir_.path(""), args, "killed");
      std::this_thread::sleep_for(length * i * 6 / (5 * points));
      if (child.kill_now()) ++k.mid_run;
      const State s = sound_state("copy.db");
      if (s == before) {
        ++k.none;
      } else if (s == after) {
        ++k.all;
      } else {
        ADD_FAILURE() << "kill " << i << " of " << points << " left part of the change: " << s.legs
                      << " legs, " << s.ties << " ties, " << s.sources << " sources";
      }
    }
    return k;
  }

  std::vector<std::string> clubs_;
};

TEST_F(Faults, AnImportKilledAtAnyPointLeavesAllOfTheFileOrNone) {
  write_csv("big.csv", 6000, "Fault Cup");
  const std::vector<std::string> args = import_args("copy.db", "big.csv");
  const State before = sound_state("t.db");
  copy_db("t.db", "copy.db");
  const auto [length, after] = whole_run(args);
  ASSERT_EQ(after.legs, before.legs + 6000);

  const Kills k = kill_at_points(args, length, 20, before, after);
  EXPECT_EQ(k.none + k.all, 20);
  EXPECT_GE(k.mid_run, 5) << "the kills must land while the import runs";
  EXPECT_GE(k.none, 5);
  std::cout << "[ kills    ] " << k.mid_run << " of 20 mid-import: " << k.none << " left none, "
            << k.all << " all (whole import " << std::chrono::duration_cast<std::chrono::milliseconds>(length).count()
            << " ms)\n";

  // After a kill the import is not "imported before": run again, it is all there. The kill
  // must land while the import runs: a run faster than the one measured (the machine's load
  // varies) is tried again with an earlier kill.
  bool landed = false;
  for (auto wait = length / 2; !landed && wait > length / 64; wait /= 2) {
    copy_db("t.db", "copy.db");
    Child killed(dir_.path(""), args, "killed");
    std::this_thread::sleep_for(wait);
    landed = killed.kill_now();
  }
  ASSERT_TRUE(landed) << "no kill landed while the import ran";
  Child again(dir_.path(""), args, "again");
  EXPECT_EQ(again.wait(), 0) << testing::read_file(dir_.path("again.err"));
  EXPECT_EQ(sound_state("copy.db"), after);
}

TEST_F(Faults, AReviewDecisionKilledAtAnyPointIsMadeWholeOrNotAtAll) {
  for (const char* file : {"000_98225e7db66c08bd.txt", "001_18477ec777a99af5.txt"}) {
    const Result r = run({"import", "--competition", "UEFA Europa League", "--season", "2012-13",
                          "--round", "Second qualifying round", testing::data_path(file)});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  Result r = run({"import", "--competition", "UEFA Intertoto Cup", "--season", "2005",
                  testing::data_path("002_1372deafbd61fe9d.txt")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string id;
  for (const json& review : json::parse(run({"review", "--json"}).out)) {
    if (review["name"] == "Göteborg") id = std::to_string(review["id"].get<int>());
  }
  ASSERT_FALSE(id.empty());

  auto exported = [&](const std::string& db) {
    return shell(testing::quote(FOOTBALLDB_CLI) + " --db " + db + " export").out;
  };
  const std::vector<std::string> accept = {"--db", "copy.db", "review", "accept", id,
                                           "IFK Göteborg"};
  const std::string open_export = exported("t.db");
  const State open_state = sound_state("t.db");
  copy_db("t.db", "copy.db");
  const auto [length, accepted_state] = whole_run(accept);
  const std::string accepted_export = exported("copy.db");
  ASSERT_NE(accepted_export, open_export);

  Kills k = kill_at_points(accept, length, 20, open_state, accepted_state);
  EXPECT_EQ(k.none + k.all, 20);
  std::cout << "[ kills    ] review accept: " << k.mid_run << " of 20 mid-run, " << k.none
            << " left it open, " << k.all << " accepted\n";

  // Undo, killed: from the accepted file back to the open one, or not at all.
  copy_db("t.db", "accepted.db");
  {
    Child c(dir_.path(""), {"--db", "accepted.db", "review", "accept", id, "IFK Göteborg"}, "a");
    ASSERT_EQ(c.wait(), 0);
  }
  fs::rename(dir_.path("t.db"), dir_.path("open.db"));
  for (const char* suffix : {"-wal", "-shm"}) fs::remove(dir_.path(std::string("t.db") + suffix));
  copy_db("accepted.db", "t.db");
  const std::vector<std::string> undo = {"--db", "copy.db", "review", "undo", id};
  copy_db("t.db", "copy.db");
  const auto [undo_length, undone_state] = whole_run(undo);
  EXPECT_EQ(undone_state, open_state);
  EXPECT_EQ(exported("copy.db"), open_export);
  k = kill_at_points(undo, undo_length, 20, accepted_state, undone_state);
  EXPECT_EQ(k.none + k.all, 20);
  std::cout << "[ kills    ] review undo: " << k.mid_run << " of 20 mid-run, " << k.none
            << " left it accepted, " << k.all << " undone\n";
}

// A tmpfs of a few hundred KiB more than the database: the import fills it.
TEST_F(Faults, ADiskThatFillsDuringAnImportLeavesTheDatabaseAsItWas) {
  const std::string mount_point = dir_.path("small");
  fs::create_directory(mount_point);
  const auto size = fs::file_size(dir_.path("t.db")) + (fs::exists(dir_.path("t.db-wal"))
                                                            ? fs::file_size(dir_.path("t.db-wal"))
                                                            : 0);
  const std::string options = "size=" + std::to_string(size / 1024 + 512) + "k";
  if (geteuid() != 0 || mount("tmpfs", mount_point.c_str(), "tmpfs", 0, options.c_str()) != 0) {
    GTEST_SKIP() << "cannot mount a small tmpfs here (needs root): disk full is not tested";
  }
  struct Unmount {
    std::string path;
    ~Unmount() { umount(path.c_str()); }
  } unmount{mount_point};
  {
    SQLite::Database db(dir_.path("t.db"), SQLite::OPEN_READWRITE);
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  }
  fs::copy_file(dir_.path("t.db"), mount_point + "/t.db");
  const std::string cli = testing::quote(FOOTBALLDB_CLI) + " --db small/t.db ";
  const std::string before = shell("sqlite3 small/t.db .dump").out;
  write_csv("big.csv", 6000, "Full Cup");

  Result r = shell(cli + "import --mapping " + testing::quote(kMapping) + " big.csv");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.err.find("footballdb: io: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("disk"), std::string::npos) << r.err;
  std::cout << "[ disk full] " << r.err;
  EXPECT_EQ(shell("sqlite3 small/t.db .dump").out, before);
  r = shell(cli + "check");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
}

TEST_F(Faults, ReadersSeeTheStateBeforeOrAfterAnImportAndNeverFail) {
  write_csv("big.csv", 6000, "Reader Cup");
  const State before = sound_state("t.db");
  Child import(dir_.path(""), import_args("t.db", "big.csv"), "import");
  int reads = 0, during = 0;
  const std::string count_legs = testing::quote(FOOTBALLDB_CLI) +
                                 " --db t.db shell 'SELECT count(*) AS n FROM legs'";
  OpenOptions read_only;
  read_only.read_only = true;
  for (bool last = false; !last;) {
    last = !import.running();
    const Result legs = shell(count_legs);
    ASSERT_EQ(legs.exit_code, 0) << legs.err;
    const Result ties = run({"ties", "--club", "Lech Poznan", "--json"});
    ASSERT_EQ(ties.exit_code, 0) << ties.err;
    EXPECT_EQ(json::parse(ties.out).size(), 1u);
    Database db = Database::open(dir_.path("t.db"), read_only);
    const auto api_legs = db.fixtures().size();
    const long long n = std::stoll(legs.out.substr(legs.out.find('\n') + 1));
    EXPECT_TRUE(n == before.legs || n == before.legs + 6000) << n;
    EXPECT_TRUE(api_legs == static_cast<std::size_t>(before.legs) ||
                api_legs == static_cast<std::size_t>(before.legs + 6000))
        << api_legs;
    ++reads;
    if (!last) ++during;
  }
  EXPECT_EQ(import.wait(), 0) << testing::read_file(dir_.path("import.err"));
  EXPECT_GE(during, 1) << "no read ran while the import did";
  EXPECT_EQ(sound_state("t.db").legs, before.legs + 6000);
  std::cout << "[ readers  ] " << during << " rounds of three reads ran during the import\n";
}

TEST_F(Faults, TwoImportersAtOnceSerialiseAndLoseNothing) {
  write_csv("a.csv", 3000, "First Cup");
  write_csv("b.csv", 3000, "Second Cup");
  const State before = sound_state("t.db");
  std::vector<std::string> a = import_args("t.db", "a.csv"), b = import_args("t.db", "b.csv");
  Child first(dir_.path(""), a, "a");
  Child second(dir_.path(""), b, "b");
  const int rc_a = first.wait(), rc_b = second.wait();
  // Each either waited for the other or said the database was busy, changing nothing.
  for (const auto& [rc, name, args] : {std::tuple{rc_a, "a", a}, std::tuple{rc_b, "b", b}}) {
    if (rc == 0) continue;
    EXPECT_EQ(rc, 1);
    EXPECT_NE(testing::read_file(dir_.path(std::string(name) + ".err")).find("footballdb: busy: "),
              std::string::npos);
    Child retry(dir_.path(""), args, "retry");
    EXPECT_EQ(retry.wait(), 0);
  }
  const State after = sound_state("t.db");
  EXPECT_EQ(after.legs, before.legs + 6000);
  EXPECT_EQ(after.sources, before.sources + 2);
}

}  // namespace
}  // namespace footballdb
