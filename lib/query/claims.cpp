// Why the statements of a tie disagree: the sentences `footballdb check` and the bracket give.
#include "query/claims.hpp"

#include <optional>
#include <string>
#include <vector>

namespace footballdb::query {
namespace {

std::string name_of(const std::optional<ClubRef>& club) { return club ? club->name : "?"; }

std::string where(const Evidence& e) { return e.path + ":" + std::to_string(e.line); }

// "Real Madrid 3-2 Bayern Munich": an aggregate in the tie's club order.
std::string aggregate_text(const Tie& tie, const Aggregate& agg) {
  return name_of(tie.club_a) + " " + std::to_string(agg.a) + "-" + std::to_string(agg.b) + " " +
         name_of(tie.club_b);
}

// What a statement says, e.g. "Bayern Munich went through (away_goals), Real Madrid 3-2
// Bayern Munich on aggregate".
std::string statement_text(const Tie& tie, const std::optional<ClubRef>& winner,
                           const std::optional<Aggregate>& agg,
                           const std::optional<DecidedBy>& how) {
  std::string out;
  if (winner) out = winner->name + " went through";
  if (how) out += (out.empty() ? "decided by " : " by ") + std::string(to_string(*how));
  if (agg) out += (out.empty() ? "" : ", ") + aggregate_text(tie, *agg) + " on aggregate";
  return out;
}

std::optional<ClubRef> club_named(const Tie& tie, std::optional<ClubId> id) {
  if (!id) return std::nullopt;
  if (tie.club_a && tie.club_a->id == *id) return tie.club_a;
  if (tie.club_b && tie.club_b->id == *id) return tie.club_b;
  return ClubRef{*id, "club " + std::to_string(id->value())};
}

}  // namespace

std::vector<std::string> disagreement_reasons(const Tie& tie) {
  std::vector<std::string> reasons;
  const TieOutcome& o = tie.outcome;
  const std::string given =
      o.winner || o.aggregate
          ? (o.stated ? "the sources agreeing give " : "the legs give ") +
                statement_text(tie, club_named(tie, o.winner), o.aggregate, o.decided_by)
          : "the legs decide nothing";
  for (std::size_t i = 0; i < tie.stated.size(); ++i) {
    const StatedOutcome& claim = tie.stated[i];
    const std::string says = where(claim.evidence) + " says " +
                             statement_text(tie, claim.winner, claim.aggregate, claim.decided_by);
    if (!o.stated && contradicts(claim, o)) reasons.push_back(says + "; " + given);
    for (std::size_t j = 0; j < i; ++j) {
      const StatedOutcome& other = tie.stated[j];
      if (contradicts(claim, as_outcome(other))) {
        reasons.push_back(says + "; " + where(other.evidence) + " says " +
                          statement_text(tie, other.winner, other.aggregate, other.decided_by));
      }
    }
  }
  return reasons;
}

}  // namespace footballdb::query
