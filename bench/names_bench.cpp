// resolve() throughput on the full shipped registry (names per second), and the cost of one
// query by name on a database as the CLI makes it.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "footballdb/footballdb.hpp"

#include "names/matcher.hpp"
#include "names/shipped_registry.hpp"

namespace {

using footballdb::names::testing::ShippedRegistry;

const ShippedRegistry& registry() {
  static const ShippedRegistry loaded = [] {
    ShippedRegistry r;
    footballdb::names::testing::load_shipped_registry(r);
    return r;
  }();
  return loaded;
}

// Names as sources write them: mostly known spellings, some variants, a few traps.
const std::vector<std::string>& mixed_names() {
  static const std::vector<std::string> kNames = {
      "FC Porto",           "Bayern München",    "FK Baku",          "Inter Baku",
      "Dacia Chişinău",     "Rosenborg BK",      "Real Madrid",      "Celtic FC",
      "Shakhtar Donetsk",   "FC Twente",         "Arsenal FC",       "Dinamo Zagreb",
      "Lech Poznan",        "Torpedo Kutaissi",  "Rosenborg Trondheim", "Bohemians Dublin",
      "Schetissu Taldyqorghan", "Lech Posen",    "MyPa-47",          "Santa Coloma",
  };
  return kNames;
}

// Resolves the first `count` of `names` in turn, one a benchmark iteration.
void resolve_in_turn(benchmark::State& state, const std::vector<std::string>& names,
                     std::size_t count) {
  const auto& matcher = registry().matcher;
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(matcher.resolve(names[i++ % count]));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

void BM_ResolveMixed(benchmark::State& state) {
  resolve_in_turn(state, mixed_names(), mixed_names().size());
}
BENCHMARK(BM_ResolveMixed);

void BM_ResolveKnownSpelling(benchmark::State& state) { resolve_in_turn(state, mixed_names(), 12); }
BENCHMARK(BM_ResolveKnownSpelling);



// Mentions as the real sources write them (tests/data/names/gold_real.tsv: FA Cup history, the
// national cups, the Champions League files): each resolved once, as an import meets new names.
const std::vector<std::string>& real_names() {
  static const std::vector<std::string> kNames = [] {
    std::vector<std::string> out;
    std::ifstream in(std::string(FOOTBALLDB_SOURCE_DIR) + "/tests/data/names/gold_real.tsv");
    for (std::string line; std::getline(in, line);) {
      if (!line.empty() && line[0] != '#') out.push_back(line.substr(0, line.find('\t')));
    }
    return out;
  }();
  return kNames;
}

void BM_ResolveRealSources(benchmark::State& state) {
  resolve_in_turn(state, real_names(), real_names().size());
}
BENCHMARK(BM_ResolveRealSources);

// A query by name as the CLI makes one: open the database, resolve one name in the scope of
// the clubs with data. The matcher reads only the clubs the name may mean (stored keys).
void BM_QueryByNameOnOpen(benchmark::State& state) {
  static const std::string path = [] {
    const std::string p = std::filesystem::temp_directory_path() / "footballdb_bench_names.db";
    std::filesystem::remove(p);
    footballdb::Database db = footballdb::Database::open(p);
    footballdb::import_files(db, {std::string(FOOTBALLDB_SOURCE_DIR) +
                                  "/tests/data/json/uefa-europa-league-2012-13-q2.json"});
    return p;
  }();
  const std::vector<std::string> queries = {"Lech", "Liverpool", "Zhetysu", "United", "Baku"};
  std::size_t i = 0;
  for (auto _ : state) {
    footballdb::Database db = footballdb::Database::open(path);
    benchmark::DoNotOptimize(db.resolve(queries[i++ % queries.size()], footballdb::NameScope{}));
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_QueryByNameOnOpen)->Unit(benchmark::kMillisecond);

}  // namespace
