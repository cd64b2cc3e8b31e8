// UEFA's rules by era, for a competition already classified (vocabulary::uefa_competition).
#pragma once

#include "footballdb/rules.hpp"

namespace footballdb::rules {

// The rules of a UEFA competition's two-legged ties in the season starting in `season_year`;
// `european_cup`: the European Cup / Champions League, whose away goals came two years later.
RuleSet uefa_era_rules(bool european_cup, int season_year);

}  // namespace footballdb::rules
