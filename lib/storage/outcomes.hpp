// Tie outcomes stored in the ties table, derived from the legs by the tie rules.
#pragma once

#include <optional>
#include <string_view>

#include "footballdb/rules.hpp"
#include "storage/statement_cache.hpp"

namespace footballdb::storage {

// The rules of round `round` (empty: any round) of the competition `competition_id` (named
// `competition`) for the season starting in `season_year`: its competition_rules row in force
// (the latest that covers the round; a row for the round before one for every round of the
// same season), else default_rules.
RuleSet rules_for(StatementCache& statements, std::int64_t competition_id,
                  std::string_view competition, int season_year, std::string_view round = {});
// The competition_rules row rules_for takes, or nullopt when the competition has none in force
// for `round` in `season_year` (default_rules then hold).
std::optional<RuleSet> own_rules(StatementCache& statements, std::int64_t competition_id,
                                 int season_year, std::string_view round);

// The clubs, legs and coin toss of tie `tie`.
TieFacts load_tie_facts(StatementCache& statements, std::int64_t tie);

// Computes tie `tie`'s outcome under `rules` and stores it. Returns whether it changed.
bool store_outcome(StatementCache& statements, std::int64_t tie, const TieFacts& facts,
                   const RuleSet& rules);

// Recomputes the stored outcome of every tie of a knockout round (of one competition when
// competition_id > 0, the one tie `tie` when tie > 0); group matches have none. Returns how
// many changed.
int recompute_outcomes(StatementCache& statements, std::int64_t competition_id = 0,
                       std::int64_t tie = 0);

}  // namespace footballdb::storage
