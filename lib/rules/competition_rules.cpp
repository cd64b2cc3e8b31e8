// default_rules: the shipped rule histories (data/rules/competitions.txt), UEFA's, and a
// national cup's.
#include <algorithm>
#include <charconv>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "core/text.hpp"
#include "footballdb/error.hpp"
#include "footballdb/names.hpp"
#include "footballdb/rules.hpp"
#include "footballdb/types.hpp"
#include "rules/uefa_rules.hpp"
#include "vocabulary/competition_names.hpp"
#include "vocabulary/vocabulary_data.hpp"

namespace footballdb {
namespace {

constexpr int kUefaCupOneMatchFinalFirstSeason = 1997;  // two-legged finals until 1996-97
// A one-match UEFA final level after extra time was replayed, not settled on penalties, until
// 1973-74 (Bayern München v Atlético Madrid, the last final replayed:
// https://en.wikipedia.org/wiki/1974_European_Cup_final).
constexpr int kFinalReplaysLastSeason = 1973;

// One line of data/rules/competitions.txt.
struct RuleLine {
  int from = 0;
  std::vector<std::string> rounds;  // folded; empty: every round
  RuleSet rules;
};

[[noreturn]] void fail(int line, const std::string& what) {
  throw Error(ErrorCode::kInternal,
              "data/rules/competitions.txt:" + std::to_string(line) + ": expected " + what);
}

// A national cup's rules: one match, extra time, penalties.
RuleSet national_cup() {
  RuleSet r;
  r.legs = 1;
  r.away_goals = false;
  r.away_goals_extra_time = false;
  r.extra_time = true;
  r.penalties = true;
  r.replays = false;
  return r;
}

RuleSet parse_rules(const std::string& text, int line) {
  RuleSet r = national_cup();
  std::istringstream words(text);
  for (std::string w; words >> w;) {
    const bool no = w.rfind("no-", 0) == 0;
    const std::string what = no ? w.substr(3) : w;
    if (w == "legs=1" || w == "legs=2") {
      r.legs = w.back() - '0';
    } else if (what == "replays") {
      r.replays = !no;
    } else if (w.rfind("replays=", 0) == 0) {
      const char* first = w.data() + 8;
      const char* last = w.data() + w.size();
      const auto [end, error] = std::from_chars(first, last, r.replay_limit);
      if (error != std::errc() || end != last || first == last || r.replay_limit < 1) {
        fail(line, "replays=N with N a number of replays from 1, got \"" + w + "\"");
      }
      r.replays = true;
    } else if (what == "replay-extra-time") {
      r.replay_extra_time = !no;
    } else if (what == "replay-penalties") {
      r.replay_penalties = !no;
    } else if (what == "extra-time") {
      r.extra_time = !no;
    } else if (what == "penalties") {
      r.penalties = !no;
    } else if (what == "away-goals") {
      r.away_goals = !no;
    } else if (what == "away-goals-in-extra-time") {
      r.away_goals_extra_time = !no;
    } else {
      fail(line, "a rule (legs=1|2, [no-]replays, replays=N, [no-]replay-extra-time, "
                 "[no-]replay-penalties, [no-]extra-time, [no-]penalties, [no-]away-goals, "
                 "[no-]away-goals-in-extra-time), got \"" + w + "\"");
    }
  }
  return r;
}

// data/rules/competitions.txt by folded competition name, read once.
std::map<std::string, std::vector<RuleLine>, std::less<>> read_histories() {
  std::map<std::string, std::vector<RuleLine>, std::less<>> out;
  std::istringstream in{std::string(data::rules_competitions())};
  int number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields;
    std::istringstream parts(line);
    for (std::string f; std::getline(parts, f, '|');) fields.emplace_back(trim(f));
    if (fields.size() != 5) fail(number, "COMPETITION | FROM SEASON | ROUNDS | RULES | SOURCE");
    const auto from = Season::start_year(fields[1]);
    if (!from || !Season::normalize(fields[1])) fail(number, "a season such as 1991-92");
    if (fields[4].empty()) fail(number, "a source");
    RuleLine rule{*from, {}, parse_rules(fields[3], number)};
    if (fields[2] != "*") {
      std::istringstream rounds(fields[2]);
      for (std::string r; std::getline(rounds, r, ',');) rule.rounds.push_back(fold_key(trim(r)));
    }
    out[fold_key(fields[0])].push_back(std::move(rule));
  }
  return out;
}

// The line in force for `round` in `year`: the latest that covers it, a line for named rounds
// before a "*" line of the same season.
const RuleLine* line_in_force(const std::vector<RuleLine>& lines, int year,
                              const std::string& round) {
  const RuleLine* best = nullptr;
  for (const RuleLine& line : lines) {
    if (line.from > year) continue;
    const bool named = !line.rounds.empty();
    if (named && std::find(line.rounds.begin(), line.rounds.end(), round) == line.rounds.end()) {
      continue;
    }
    if (!best || line.from > best->from || (line.from == best->from && named)) best = &line;
  }
  return best;
}

}  // namespace

RuleSet default_rules(std::string_view competition, int season_year, std::string_view round) {
  static const auto kHistories = read_histories();
  const std::string key = fold_key(competition);
  const std::string round_key = fold_key(round);
  if (auto it = kHistories.find(key); it != kHistories.end()) {
    if (const RuleLine* line = line_in_force(it->second, season_year, round_key)) {
      return line->rules;
    }
  }
  const vocabulary::UefaCompetition uefa = vocabulary::uefa_competition(competition, season_year);
  if (uefa == vocabulary::UefaCompetition::kNone) {
    // No history of its own: the legs as the sources number them.
    RuleSet rules = national_cup();
    rules.legs = 0;
    return rules;
  }
  RuleSet rules =
      rules::uefa_era_rules(uefa == vocabulary::UefaCompetition::kEuropeanCup, season_year);
  const bool two_legged_final = key == "uefa cup" && season_year < kUefaCupOneMatchFinalFirstSeason;
  if (round_key == "final" && !two_legged_final) {
    rules.legs = 1;
    if (season_year <= kFinalReplaysLastSeason) {
      // The era's shoot-out, where it had one, moves to the replay.
      rules.replay_penalties = rules.penalties;
      rules.penalties = false;
      rules.replays = true;
      rules.replay_limit = 1;
    }
  }
  return rules;
}

}  // namespace footballdb
