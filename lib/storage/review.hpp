// Deciding name reviews inside a caller's transaction (Database's review functions and the
// importer share these).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "footballdb/names.hpp"
#include "footballdb/types.hpp"
#include "storage/club_index.hpp"
#include "storage/statement_cache.hpp"

namespace footballdb::storage {

// The candidates of a review as name_reviews.candidates stores them (a JSON array of
// {id, name, matched_name, method, score}), and back; text that is not such an array gives none.
std::string candidates_to_json(const std::vector<Candidate>& candidates);
std::vector<Candidate> candidates_from_json(const std::string& text);

// An open review and the club the import gave its name.
struct OpenReview {
  std::int64_t id = 0;
  std::string name;
  ClubId club;
  std::vector<ClubId> candidates;
};

// The open review whose name was given club `club`, if there is one.
std::optional<OpenReview> open_review_of(StatementCache& statements, ClubId club);

// Accepts open review `review`: its club is merged into `into` (merge_clubs), the decision is
// recorded, the name becomes a spelling of `into` bound by `method` ("review" for a person's
// decision, "tie" for an import's), and the merge is journaled so that it can be undone.
// Runs inside the caller's transaction; throws as merge_clubs does.
void accept_review(StatementCache& statements, ClubIndex& clubs, const OpenReview& review,
                   ClubId into, const std::string& method);

}  // namespace footballdb::storage
