// Import throughput against the raw SQLite floor.
//
// BM_ImportCsv imports a generated CSV of two-legged ties (club names from the shipped registry,
// so every name goes through the matcher) into a new database file: parse, resolve, assemble,
// rules, store, in one transaction. BM_RawInsertFloor reads the same file and inserts each row
// into a bare table with one prepared statement in one transaction: what no importer can beat.
// The ratio of the two is the importer's overhead; the target is 2x at a million legs.
//   BUILD/bench/footballdb_bench --benchmark_filter=Import --benchmark_counters_tabular=true
#include <SQLiteCpp/SQLiteCpp.h>
#include <benchmark/benchmark.h>

#include <filesystem>
#include <map>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "footballdb/footballdb.hpp"

namespace {

namespace fs = std::filesystem;

// Canonical club names of the shipped registry (the lines that start a club).
std::vector<std::string> registry_names(std::size_t count) {
  std::ifstream in(std::string(FOOTBALLDB_SOURCE_DIR) + "/data/clubs/registry.txt");
  std::vector<std::string> names;
  std::string line;
  while (names.size() < count && std::getline(in, line)) {
    if (line.empty() || line[0] == ' ' || line[0] == '#' || line[0] == '=') continue;
    std::string name = line.substr(0, line.find(" @ "));
    if (name.find(',') == std::string::npos && name.find('"') == std::string::npos) {
      names.push_back(name);
    }
  }
  return names;
}

// A CSV of `legs` legs: two-legged ties between 200 clubs, 100 ties a round, five rounds a
// season, as many seasons as it takes. Returns its path.
std::string generate(std::int64_t legs) {
  const std::string path =
      (fs::temp_directory_path() / ("footballdb-bench-" + std::to_string(legs) + ".csv")).string();
  if (fs::exists(path)) return path;
  static const char* const kRounds[] = {"First qualifying round", "Second qualifying round",
                                        "Third qualifying round", "Round of 16", "Quarter-finals"};
  const std::vector<std::string> clubs = registry_names(200);
  std::ofstream out(path);
  out << "competition,season,round,leg,date,home,away,ft\n";
  std::int64_t written = 0;
  for (std::size_t season = 1900; written < legs; ++season) {
    for (std::size_t round = 0; round < 5 && written < legs; ++round) {
      // A different pairing each round: shift the second half of the clubs.
      for (std::size_t tie = 0; tie < 100 && written < legs; ++tie) {
        const std::string& a = clubs[tie];
        const std::string& b = clubs[100 + (tie + round * 7 + season) % 100];
        for (std::size_t leg = 1; leg <= 2; ++leg) {
          out << "Bench Cup," << season << "-" << (season + 1) % 100 / 10 << (season + 1) % 10
              << "," << kRounds[round] << "," << leg << "," << season << "-"
              << (round < 2 ? "0" : "") << 8 + round << "-" << (leg == 1 ? "05" : "12") << ","
              << (leg == 1 ? a : b) << "," << (leg == 1 ? b : a) << "," << (tie + leg) % 4
              << "-" << (tie * 7 + leg) % 3 << "\n";
          ++written;
        }
      }
    }
  }
  return path;
}

std::string fresh_db(const char* name) {
  const fs::path path = fs::temp_directory_path() / name;
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix);
  return path.string();
}

void BM_ImportCsv(benchmark::State& state) {
  const std::string csv = generate(state.range(0));
  for (auto _ : state) {
    state.PauseTiming();
    const std::string path = fresh_db("footballdb-bench-import.db");
    footballdb::Database db = footballdb::Database::open(path);  // registry loaded: not timed
    footballdb::ImportOptions options;
    options.csv_mapping = "competition=competition,season=season,round=round,leg=leg,date=date,"
                          "home=home,away=away,score=ft";
    state.ResumeTiming();
    auto report = footballdb::import_files(db, {csv}, options);
    benchmark::DoNotOptimize(report);
  }
  state.counters["legs/s"] =
      benchmark::Counter(static_cast<double>(state.range(0)) * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ImportCsv)->Arg(20000)->Arg(200000)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_RawInsertFloor(benchmark::State& state) {
  const std::string csv = generate(state.range(0));
  for (auto _ : state) {
    state.PauseTiming();
    SQLite::Database db(fresh_db("footballdb-bench-raw.db"),
                        SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
    db.exec("CREATE TABLE legs(competition TEXT, season TEXT, round TEXT, leg INTEGER, date TEXT, "
            "home TEXT, away TEXT, ft_home INTEGER, ft_away INTEGER) STRICT");
    state.ResumeTiming();
    std::ifstream in(csv);
    std::string line;
    std::getline(in, line);  // header
    SQLite::Transaction tx(db);
    SQLite::Statement insert(db, "INSERT INTO legs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    std::vector<std::string> cells;
    while (std::getline(in, line)) {
      cells.clear();
      std::stringstream row(line);
      for (std::string cell; std::getline(row, cell, ',');) cells.push_back(cell);
      const auto dash = cells[7].find('-');
      insert.bind(1, cells[0]);
      insert.bind(2, cells[1]);
      insert.bind(3, cells[2]);
      insert.bind(4, std::stoi(cells[3]));
      insert.bind(5, cells[4]);
      insert.bind(6, cells[5]);
      insert.bind(7, cells[6]);
      insert.bind(8, std::stoi(cells[7].substr(0, dash)));
      insert.bind(9, std::stoi(cells[7].substr(dash + 1)));
      insert.exec();
      insert.reset();
    }
    tx.commit();
  }
  state.counters["legs/s"] =
      benchmark::Counter(static_cast<double>(state.range(0)) * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
}
BENCHMARK(BM_RawInsertFloor)->Arg(20000)->Arg(200000)->Unit(benchmark::kMillisecond)->Iterations(1);

// A CSV of one-match ties between `names` club names that no database knows, each pair
// sharing the words "Sporting Club" (names sharing a word were the matcher's costly case).
// Each name ends in a word of four syllables of twenty: all distinct, many one syllable apart.
std::string generate_new_names(std::int64_t names) {
  const std::string path = (fs::temp_directory_path() /
                            ("footballdb-bench-names-" + std::to_string(names) + ".csv"))
                               .string();
  if (fs::exists(path)) return path;
  static const char* const kSyllables[] = {"ka", "lo", "mi", "nu", "pe", "ra", "si", "tov", "vu",
                                           "zen", "bo", "dar", "fe", "gi", "hul", "jo", "kir",
                                           "le", "mos", "ny"};
  auto name = [](std::int64_t i) {
    std::string word;
    for (int k = 0; k < 4; ++k, i /= 20) word += kSyllables[i % 20];
    word[0] = static_cast<char>(word[0] - 'a' + 'A');
    return "Sporting Club " + word;
  };
  std::ofstream out(path);
  out << "competition,season,round,date,home,away,ft\n";
  for (std::int64_t i = 0; i < names; i += 2) {
    out << "Names Cup,2020-21,First round,2020-08-" << 10 + i % 20 << "," << name(i) << ","
        << name(i + 1) << ",1-0\n";
  }
  return path;
}

// An import of `names` new club names: each resolved, found unknown, made a club. The cost per
// name must stay flat as the names grow (BigO below: N, not N^2).
void BM_ImportNewNames(benchmark::State& state) {
  const std::string csv = generate_new_names(state.range(0));
  for (auto _ : state) {
    state.PauseTiming();
    const std::string path = fresh_db("footballdb-bench-names.db");
    footballdb::Database db = footballdb::Database::open(path);
    footballdb::ImportOptions options;
    options.csv_mapping =
        "competition=competition,season=season,round=round,date=date,home=home,away=away,score=ft";
    state.ResumeTiming();
    auto report = footballdb::import_files(db, {csv}, options);
    benchmark::DoNotOptimize(report);
  }
  state.SetComplexityN(state.range(0));
  state.counters["names/s"] = benchmark::Counter(
      static_cast<double>(state.range(0)) * static_cast<double>(state.iterations()),
      benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ImportNewNames)
    ->Arg(6250)
    ->Arg(12500)
    ->Arg(25000)
    ->Arg(50000)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->Complexity(benchmark::oN);

// Questions through the C++ API on a database the importer made of `legs` legs (made once,
// not timed): the legs of one date, a club's next leg, a month of legs, a club's ties. Each is
// an indexed lookup when its statement names only the filters given.
//   BUILD/bench/footballdb_bench --benchmark_filter=Query
const std::string& imported_db(std::int64_t legs) {
  static std::map<std::int64_t, std::string> made;
  auto it = made.find(legs);
  if (it != made.end()) return it->second;
  const std::string path = fresh_db(("footballdb-bench-query-" + std::to_string(legs) + ".db").c_str());
  {
    footballdb::Database db = footballdb::Database::open(path);
    footballdb::ImportOptions options;
    options.csv_mapping = "competition=competition,season=season,round=round,leg=leg,date=date,"
                          "home=home,away=away,score=ft";
    footballdb::import_files(db, {generate(legs)}, options);
  }
  return made.emplace(legs, path).first->second;
}

enum Question { kFixturesOnADate, kNextFixture, kAMonth, kTiesOfAClub };

void BM_Query(benchmark::State& state) {
  footballdb::Database db = footballdb::Database::open(imported_db(state.range(1)));
  const footballdb::ClubId club = db.resolve(registry_names(1).front(), {}).club->id;
  const auto date = *footballdb::Date::parse("1950-08-05");
  for (auto _ : state) {
    switch (static_cast<Question>(state.range(0))) {
      case kFixturesOnADate:
        benchmark::DoNotOptimize(db.fixtures({date, date, std::nullopt}));
        break;
      case kNextFixture:
        benchmark::DoNotOptimize(db.next_fixture(club, date));
        break;
      case kAMonth:
        benchmark::DoNotOptimize(db.fixtures({date, *footballdb::Date::parse("1950-09-04"),
                                              std::nullopt}));
        break;
      case kTiesOfAClub: {
        footballdb::TieFilter filter;
        filter.club = club;
        filter.season = "1950-51";
        benchmark::DoNotOptimize(db.ties(filter));
        break;
      }
    }
  }
}
BENCHMARK(BM_Query)
    ->ArgNames({"question", "legs"})
    ->ArgsProduct({{kFixturesOnADate, kNextFixture, kAMonth, kTiesOfAClub}, {200000}})
    ->Unit(benchmark::kMicrosecond);

}  // namespace
