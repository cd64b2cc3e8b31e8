// Indexes a large import builds once at its end instead of row by row.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>

namespace footballdb::storage {

// The indexes of legs by date and by club serve the query API; an import never reads them
// (it finds legs by tie). Inserting a leg into each of them is a B-tree descent to a random
// place; building one afresh is one sort. Inside the import's transaction, when the import
// brings at least as many legs as are stored (so that building them again costs no more than
// what the import adds), they are dropped and built again by restore(), before the commit. A
// rollback brings them back with everything else.
class DeferredIndexes {
 public:
  DeferredIndexes(SQLite::Database& db, std::int64_t new_legs);
  DeferredIndexes(const DeferredIndexes&) = delete;
  DeferredIndexes& operator=(const DeferredIndexes&) = delete;

  // Builds the dropped indexes again (a no-op when none were).
  void restore();

 private:
  SQLite::Database& db_;
  std::vector<std::string> dropped_;  // their CREATE INDEX statements
};

}  // namespace footballdb::storage
