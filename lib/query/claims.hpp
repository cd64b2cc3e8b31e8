// Comparing what sources state of a tie with its outcome and with each other.
#pragma once

#include <string>
#include <vector>

#include "footballdb/types.hpp"

namespace footballdb::query {

// Whether `claim` says something `outcome` contradicts (where both say something).
inline bool contradicts(const StatedOutcome& claim, const TieOutcome& outcome) {
  return (claim.winner && outcome.winner && claim.winner->id != *outcome.winner) ||
         (claim.aggregate && outcome.aggregate && *claim.aggregate != *outcome.aggregate) ||
         (claim.decided_by && outcome.decided_by && *claim.decided_by != *outcome.decided_by);
}

// What `claim` states, as an outcome, to compare two claims.
inline TieOutcome as_outcome(const StatedOutcome& claim) {
  TieOutcome out;
  if (claim.winner) out.winner = claim.winner->id;
  out.aggregate = claim.aggregate;
  out.decided_by = claim.decided_by;
  return out;
}

// Why `tie`'s statements disagree with its outcome and with each other, one sentence each
// ("champs.csv:123 says Bayern Munich went through by away_goals; the legs give Real Madrid went
// through by aggregate, Real Madrid 3-2 Bayern Munich on aggregate"); empty when they do not.
std::vector<std::string> disagreement_reasons(const Tie& tie);

}  // namespace footballdb::query
