// Merging two club records found to be one club, and the journal that lets a merge be undone.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "footballdb/types.hpp"
#include "storage/club_index.hpp"
#include "storage/statement_cache.hpp"

namespace footballdb::storage {

// What merging one club into another did.
struct ClubMergeResult {
  int ties_moved = 0;   // ties of the merged club now the other club's
  int ties_merged = 0;  // of them, ties that became one with a tie the other club already had
  int conflicts = 0;    // facts that differed between merged ties, recorded as conflicts
};

// Merges club `from` into club `into`: every reference to `from` (ties, legs, claims, spellings,
// name reviews, distinct pairs) is re-pointed to `into` and `from` is deleted. Where both clubs
// had a tie in one knockout round (or the same pairing in another round), the two ties become
// one as TieStore::merge merges a source's tie: legs with the same home and away club are one
// leg, evidence and claims are kept, differing facts become conflicts. Outcomes are recomputed
// and the club index is dropped. Runs inside the caller's transaction; on a throw the caller must
// roll back. Throws Error(kUsage) when either id is no club or they are equal, Error(kConflict)
// when the clubs are recorded as distinct, met each other (a tie or leg between them), or both
// played one knockout round against different opponents.
ClubMergeResult merge_clubs(StatementCache& statements, ClubIndex& clubs, ClubId from,
                            ClubId into);

// The rows a merge of `from` into `into` may change: ids and keys read before the merge, so that
// the same rows can be read again after it and at an undo.
struct MergeScope {
  ClubId from;
  ClubId into;
  std::vector<std::int64_t> ties;     // every tie of `from`, and those of `into` in the same rounds
  std::vector<std::int64_t> legs;     // the legs of those ties
  std::vector<std::int64_t> names;    // club_names rows of `from`
  std::vector<std::int64_t> reviews;  // name_reviews rows of `from`, and the deciding review
};

// The scope of merging `from` into `into`, read before the merge; `review` is the review that
// decides it, when one does.
MergeScope merge_scope(StatementCache& statements, ClubId from, ClubId into,
                       std::optional<std::int64_t> review);
// The scope's rows as they are now, as a JSON text (table -> sorted rows). Equal texts mean
// equal rows.
std::string capture_scope(StatementCache& statements, const MergeScope& scope);
// Replaces the scope's rows as they are now with `rows` (a capture_scope text). Runs inside the
// caller's transaction.
void restore_scope(StatementCache& statements, const MergeScope& scope, const std::string& rows);
// A scope as a JSON text and back. Throws Error(kInternal) for a text that is not a scope.
std::string scope_to_json(const MergeScope& scope);
MergeScope scope_from_json(const std::string& text);

}  // namespace footballdb::storage
