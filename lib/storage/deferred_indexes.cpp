#include "storage/deferred_indexes.hpp"

namespace footballdb::storage {

DeferredIndexes::DeferredIndexes(SQLite::Database& db, std::int64_t new_legs) : db_(db) {
  SQLite::Statement stored(db_, "SELECT coalesce(max(rowid), 0) FROM legs");
  stored.executeStep();
  const std::int64_t legs = stored.getColumn(0).getInt64();
  stored.reset();
  if (new_legs <= 0 || new_legs < legs) return;
  SQLite::Statement q(db_,
                      "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND name IN "
                      "('legs_by_date', 'legs_by_home', 'legs_by_away', "
                      "'leg_evidence_by_source', 'tie_lines_by_source', "
                      "'tie_claims_by_source', 'ties_by_winner', 'tie_claims_by_winner') "
                      "ORDER BY rowid");
  std::vector<std::string> names;
  while (q.executeStep()) {
    names.push_back(q.getColumn(0).getString());
    dropped_.push_back(q.getColumn(1).getString());
  }
  q.reset();
  for (const std::string& name : names) db_.exec("DROP INDEX " + name);
}

void DeferredIndexes::restore() {
  for (const std::string& sql : dropped_) db_.exec(sql);
  dropped_.clear();
}

}  // namespace footballdb::storage
