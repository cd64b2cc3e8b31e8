// resolve() throughput on the full shipped registry: names per second.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

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

void BM_ResolveMixed(benchmark::State& state) {
  const auto& matcher = registry().matcher;
  const auto& names = mixed_names();
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(matcher.resolve(names[i++ % names.size()]));
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_ResolveMixed);

void BM_ResolveKnownSpelling(benchmark::State& state) {
  const auto& matcher = registry().matcher;
  const auto& names = mixed_names();
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(matcher.resolve(names[i++ % 12]));
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_ResolveKnownSpelling);

}  // namespace
