// The write side of the database, used inside one import transaction: one part per table
// family (sources; clubs and their spellings; competitions, seasons and rounds with their
// rules; ties and their matches; name reviews). What crosses families is Store's own: new
// rules decide stored ties again, accepting a review merges clubs and moves their ties.
#pragma once

#include <string>

#include "footballdb/rules.hpp"
#include "reconcile/drafts.hpp"
#include "storage/club_index.hpp"
#include "storage/club_store.hpp"
#include "storage/review_store.hpp"
#include "storage/round_store.hpp"
#include "storage/source_store.hpp"
#include "storage/statement_cache.hpp"
#include "storage/tie_store.hpp"

namespace footballdb::storage {

using reconcile::kAllLegFacts;
using reconcile::kFactDate;
using reconcile::kFactExtraTime;
using reconcile::kFactHalfTime;
using reconcile::kFactKickoff;
using reconcile::kFactNeutral;
using reconcile::kFactPenalties;
using reconcile::kFactResult;
using reconcile::kFactVenue;
using reconcile::LegFact;
using reconcile::stated_facts;

class Store {
 public:
  Store(StatementCache& statements, ClubIndex& index)
      : sources(statements),
        clubs(statements, index),
        rounds(statements),
        ties(statements, rounds),
        reviews(statements, index, rounds),
        statements_(statements) {}

  SourceStore sources;
  ClubStore clubs;
  RoundStore rounds;
  TieStore ties;
  ReviewStore reviews;

  // Creates or updates a competition's rules from a season on, for every round or for the one
  // round `round` (canonical name). Outcomes due are written under the rules they were merged
  // under; stored ties are not decided again (recompute_competition does that).
  void put_rules(const std::string& competition, int from_season_year, const RuleSet& rules,
                 const std::string& round = {});
  // Recomputes the outcome of every tie of `competition` under its current rules.
  void recompute_competition(const std::string& competition);
  // Accepts `review` by merging its club into `into`, the name bound by `method`; false, with
  // nothing changed, when the two clubs cannot be one (ReviewStore::try_accept).
  bool try_accept_review(const OpenReview& review, ClubId into, const std::string& method);

 private:
  StatementCache& statements_;
};

}  // namespace footballdb::storage
