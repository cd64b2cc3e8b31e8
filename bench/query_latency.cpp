// Query latency through the C++ API.
//
//   query_latency DB QUERIES.tsv [REPETITIONS [BUDGET_S]]
//
// Opens DB read-only (as the CLI's query commands do) and asks each question REPETITIONS times
// (default 1000), in turn over the inputs of QUERIES.tsv (bench/generate.py's queries-N.tsv:
// "club NAME", "pair A B", "date D", "next NAME D", "season COMPETITION SEASON", tab-separated),
// (the first 1000 of each kind) after a warm-up of 20 untimed (fewer when they take over 5 s); a
// question whose repetitions take more than BUDGET_S seconds (default 60) in all stops there,
// after at least 50. Prints one JSON object: per question p50
// and p99 in microseconds, the repetitions made, and the mean number of rows answered (a
// question that answers nothing measures nothing). With QUERY_LATENCY_ONLY=NAME in the
// environment, only the question NAME is asked (for a profile of one question).
//
//   ties_by_club_name     resolve(NAME), then ties({club})
//   ties_between_names    resolve(A), resolve(B), then ties({club, opponent})
//   fixtures_on_date      fixtures({from = to = D})
//   next_fixture          next_fixture(club, D), the club resolved beforehand
//   next_fixture_by_name  resolve(NAME), then next_fixture(club, D)
//   season_ties           ties({competition, season})
//   resolve_name          resolve(NAME) alone
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "footballdb/footballdb.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using footballdb::Database;

constexpr std::size_t kInputsOfAKind = 1000;  // the first of each kind in the file
constexpr int kMinimumRepetitions = 50;

struct Inputs {
  std::vector<std::string> clubs;
  std::vector<std::pair<std::string, std::string>> pairs;
  std::vector<footballdb::Date> dates;
  std::vector<std::pair<std::string, footballdb::Date>> next;
  std::vector<std::pair<std::string, std::string>> seasons;
};

footballdb::Date date_of(const std::string& text) {
  auto date = footballdb::Date::parse(text);
  if (!date) throw std::runtime_error("not a date: " + text);
  return *date;
}

Inputs read_inputs(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  Inputs inputs;
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> f;
    std::stringstream fields(line);
    for (std::string field; std::getline(fields, field, '\t');) f.push_back(field);
    if (f.size() == 2 && f[0] == "club") inputs.clubs.push_back(f[1]);
    if (f.size() == 3 && f[0] == "pair") inputs.pairs.emplace_back(f[1], f[2]);
    if (f.size() == 2 && f[0] == "date") inputs.dates.push_back(date_of(f[1]));
    if (f.size() == 3 && f[0] == "next") inputs.next.emplace_back(f[1], date_of(f[2]));
    if (f.size() == 3 && f[0] == "season") inputs.seasons.emplace_back(f[1], f[2]);
  }
  auto keep = [](auto& v) {
    if (v.size() > kInputsOfAKind) v.erase(v.begin() + kInputsOfAKind, v.end());
  };
  keep(inputs.clubs);
  keep(inputs.pairs);
  keep(inputs.dates);
  keep(inputs.next);
  keep(inputs.seasons);
  if (inputs.clubs.empty() || inputs.pairs.empty() || inputs.dates.empty() ||
      inputs.next.empty() || inputs.seasons.empty()) {
    throw std::runtime_error(path + ": expected inputs of every kind");
  }
  return inputs;
}

footballdb::ClubId club_of(const Database& db, const std::string& name) {
  const auto resolution = db.resolve(name);
  if (!resolution.club) throw std::runtime_error("does not resolve: " + name);
  return resolution.club->id;
}

struct Result {
  std::string name;
  double p50 = 0, p99 = 0, rows = 0;
  int repetitions = 0;
};

double g_budget_s = 60;
const char* g_only = nullptr;  // QUERY_LATENCY_ONLY

// Runs `question(i)` (which returns the rows it answered) for i = 0 .. repetitions - 1, or
// fewer (at least kMinimumRepetitions) when they take longer than g_budget_s.
Result measure(const std::string& name, int repetitions,
               const std::function<std::size_t(std::size_t)>& question) {
  const auto warming = Clock::now();
  for (std::size_t i = 0; i < 20; ++i) {
    question(i);
    if (std::chrono::duration<double>(Clock::now() - warming).count() > 5) break;
  }
  std::vector<double> micros;
  micros.reserve(static_cast<std::size_t>(repetitions));
  std::size_t rows = 0;
  const auto began = Clock::now();
  for (int i = 0; i < repetitions; ++i) {
    const auto start = Clock::now();
    rows += question(static_cast<std::size_t>(i));
    const auto end = Clock::now();
    micros.push_back(std::chrono::duration<double, std::micro>(end - start).count());
    if (i + 1 >= kMinimumRepetitions &&
        std::chrono::duration<double>(end - began).count() > g_budget_s) {
      break;
    }
  }
  repetitions = static_cast<int>(micros.size());
  std::sort(micros.begin(), micros.end());
  auto at = [&micros](double q) {
    const auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(micros.size())));
    return micros[std::min(micros.size() - 1, rank == 0 ? 0 : rank - 1)];
  };
  Result r;
  r.name = name;
  r.p50 = at(0.50);
  r.p99 = at(0.99);
  r.repetitions = repetitions;
  r.rows = static_cast<double>(rows) / repetitions;
  return r;
}

int run(const std::string& path, const std::string& queries, int repetitions) {
  footballdb::OpenOptions options;
  options.create_if_missing = false;
  options.read_only = true;
  const Database db = Database::open(path, options);
  const Inputs in = read_inputs(queries);

  // The clubs of the next-fixture question, resolved once (not timed; a resolve reads every
  // tie, so only the first 100).
  std::vector<std::pair<footballdb::ClubId, footballdb::Date>> next_ids;
  for (const auto& [name, date] : in.next) {
    if (next_ids.size() == 100) break;
    next_ids.emplace_back(club_of(db, name), date);
  }

  std::vector<Result> results;
  auto ask = [&results, repetitions](const std::string& name,
                                      const std::function<std::size_t(std::size_t)>& question) {
    if (g_only == nullptr || name == g_only) {
      results.push_back(measure(name, repetitions, question));
    }
  };
  ask("ties_by_club_name", [&](std::size_t i) {
    footballdb::TieFilter filter;
    filter.club = club_of(db, in.clubs[i % in.clubs.size()]);
    return db.ties(filter).size();
  });
  ask("ties_between_names", [&](std::size_t i) {
    const auto& [a, b] = in.pairs[i % in.pairs.size()];
    footballdb::TieFilter filter;
    filter.club = club_of(db, a);
    filter.opponent = club_of(db, b);
    return db.ties(filter).size();
  });
  ask("fixtures_on_date", [&](std::size_t i) {
    footballdb::FixtureFilter filter;
    filter.from = filter.to = in.dates[i % in.dates.size()];
    return db.fixtures(filter).size();
  });
  ask("next_fixture", [&](std::size_t i) {
    const auto& [club, date] = next_ids[i % next_ids.size()];
    return db.next_fixture(club, date) ? std::size_t{1} : std::size_t{0};
  });
  ask("next_fixture_by_name", [&](std::size_t i) {
    const auto& [name, date] = in.next[i % in.next.size()];
    return db.next_fixture(club_of(db, name), date) ? std::size_t{1} : std::size_t{0};
  });
  ask("season_ties", [&](std::size_t i) {
    const auto& [competition, season] = in.seasons[i % in.seasons.size()];
    footballdb::TieFilter filter;
    filter.competition = competition;
    filter.season = season;
    return db.ties(filter).size();
  });
  ask("resolve_name", [&](std::size_t i) {
    return db.resolve(in.clubs[i % in.clubs.size()]).club ? std::size_t{1} : std::size_t{0};
  });

  std::printf("{");
  for (std::size_t i = 0; i < results.size(); ++i) {
    const Result& r = results[i];
    std::printf("%s\"%s\": {\"p50_us\": %.1f, \"p99_us\": %.1f, \"repetitions\": %d, "
                "\"mean_rows\": %.2f}",
                i ? ", " : "", r.name.c_str(), r.p50, r.p99, r.repetitions, r.rows);
  }
  std::printf("}\n");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3 || argc > 5) {
    std::fprintf(stderr, "usage: query_latency DB QUERIES.tsv [REPETITIONS [BUDGET_S]]\n");
    return 2;
  }
  try {
    if (argc == 5) g_budget_s = std::stod(argv[4]);
    g_only = std::getenv("QUERY_LATENCY_ONLY");
    return run(argv[1], argv[2], argc >= 4 ? std::stoi(argv[3]) : 1000);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "query_latency: %s\n", e.what());
    return 1;
  }
}
