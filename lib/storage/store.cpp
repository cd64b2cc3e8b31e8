#include "storage/store.hpp"

#include "storage/outcomes.hpp"

namespace footballdb::storage {

void Store::put_rules(const std::string& competition, int from_season_year, const RuleSet& rules,
                      const std::string& round) {
  rounds.put_rules(competition, from_season_year, rules, round);
  // The rounds read hold the old rules: the outcomes due are written under them (the rules
  // they were merged under), then the rounds are read again.
  ties.write_outcomes();
  rounds.forget();
}

void Store::recompute_competition(const std::string& competition) {
  recompute_outcomes(statements_, rounds.competition_id(competition));
}

bool Store::try_accept_review(const OpenReview& review, ClubId into, const std::string& method) {
  // A club merge moves and merges ties: what was read of them is read again.
  ties.write_outcomes();
  ties.forget();
  return reviews.try_accept(review, into, method);
}

}  // namespace footballdb::storage
