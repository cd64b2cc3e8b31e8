// Indexes a large import builds once at its end instead of row by row.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>

namespace footballdb::storage {

// Some indexes serve only the query API and the removal of a source; an import never reads
// them: legs by date and by club (it finds legs by tie), the evidence and claims by source
// (it reads them by leg and by tie), and ties and claims by winner (only deleting a club asks).
// Inserting a row into each of them is a B-tree descent to a random place; building one afresh
// is one sort. So with the triggers that keep each club's number of ties (club_tie_counts): two
// upserts for every tie written, where counting every club's ties afresh is one pass over them
// (all three go: while the import writes, no count is kept, and none is half kept).
// Inside the import's transaction, when the import brings at least as many legs as are stored
// (so that building them again costs no more than what the import adds), they are dropped and
// built again by restore(), before the commit. A rollback brings them back with everything else.
class DeferredIndexes {
 public:
  DeferredIndexes(SQLite::Database& db, std::int64_t new_legs);
  DeferredIndexes(const DeferredIndexes&) = delete;
  DeferredIndexes& operator=(const DeferredIndexes&) = delete;

  // Builds the dropped indexes and counts again (a no-op when none were dropped).
  void restore();

 private:
  SQLite::Database& db_;
  std::vector<std::string> dropped_;  // their CREATE INDEX and CREATE TRIGGER statements
  bool recount_ = false;              // club_tie_counts is counted afresh by restore()
};

}  // namespace footballdb::storage
