// Competition, season and round filters as users type them, in the names the database stores.
#pragma once

#include <optional>
#include <string>

#include "storage/statement_cache.hpp"

namespace footballdb::query {

struct CanonicalFilter {
  std::optional<std::string> competition;  // canonical_competition ("Europa League" -> UEFA ...)
  std::optional<std::string> season;       // "2012/13" -> "2012-13"
  std::optional<std::string> round;        // canonical_round ("Halbfinale" -> "Semi-finals")
  std::optional<std::string> group;        // group_of ("Group A" -> "A": the group stage's A)
};

// Throws Error(kUsage) for a season that is not one, and for a competition or round the
// database holds none of (within the competition, when one is given): "no competition
// \"Champions Leage\" in the database; did you mean \"UEFA Champions League\"?". An empty
// answer is for filters that are right and match nothing.
CanonicalFilter canonical_filter(storage::StatementCache& statements,
                                 const std::optional<std::string>& competition,
                                 const std::optional<std::string>& season,
                                 const std::optional<std::string>& round);

}  // namespace footballdb::query
