// The name_reviews table as an import uses it: names queued for a person, the placeholders
// they were given, and their settlement through a tie (storage/review.hpp has the operations).
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "footballdb/types.hpp"
#include "storage/club_index.hpp"
#include "storage/review.hpp"
#include "storage/round_store.hpp"
#include "storage/statement_cache.hpp"

namespace footballdb::storage {

class ReviewStore {
 public:
  ReviewStore(StatementCache& statements, ClubIndex& clubs, RoundStore& rounds)
      : statements_(statements), clubs_(clubs), rounds_(rounds) {}

  // A tie of a round played by a placeholder: a club an import gave a name that awaits review.
  struct PlaceholderTie {
    OpenReview review;  // its club is the placeholder
    std::optional<ClubId> opponent;
  };
  // Every tie in `round` of a club with an open review, in tie order (a tie of two placeholders
  // twice, once for each).
  std::vector<PlaceholderTie> placeholder_ties(const RoundKey& round);
  // The open review whose name was given club `club` (see storage/review.hpp).
  std::optional<OpenReview> open_review_of(ClubId club);
  // The club `name` (seen with `country`) was given when it was queued for review, while the
  // review is open.
  std::optional<ClubId> reviewed_club(const std::string& name,
                                      const std::optional<std::string>& country);
  // Queues `name` for review: it got club `club` of its own at `source`:`line`; `candidates` is
  // a JSON array of the clubs it may mean.
  void add(const std::string& name, const char* reason, ClubId club, const std::string& candidates,
           SourceId source, int line);
  // Accepts `review` by merging its club into `into`, the name bound by `method`. Returns false,
  // with nothing changed, when the two clubs cannot be one (merge_clubs' Error(kConflict)).
  // What was read of ties must be forgotten first (Store::try_accept_review does).
  bool try_accept(const OpenReview& review, ClubId into, const std::string& method);

 private:
  StatementCache& statements_;
  ClubIndex& clubs_;
  RoundStore& rounds_;
  // open_review_of's answers; a club's review is opened only by add and closed only by a club
  // merge (try_accept).
  std::unordered_map<ClubId, std::optional<OpenReview>> open_reviews_;
};

}  // namespace footballdb::storage
