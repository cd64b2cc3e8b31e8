#include "storage/deferred_indexes.hpp"

#include "storage/integrity.hpp"

namespace footballdb::storage {

DeferredIndexes::DeferredIndexes(SQLite::Database& db, std::int64_t new_legs) : db_(db) {
  SQLite::Statement stored(db_, "SELECT coalesce(max(rowid), 0) FROM legs");
  stored.executeStep();
  const std::int64_t legs = stored.getColumn(0).getInt64();
  stored.reset();
  if (new_legs <= 0 || new_legs < legs) return;
  SQLite::Statement q(db_,
                      "SELECT type, name, sql FROM sqlite_schema WHERE (type = 'index' AND name IN "
                      "('legs_by_date', 'legs_by_home', 'legs_by_away', "
                      "'leg_evidence_by_source', 'tie_lines_by_source', "
                      "'tie_claims_by_source', 'ties_by_winner', 'tie_claims_by_winner')) "
                      "OR (type = 'trigger' AND name IN ('ties_count_insert', 'ties_count_update', "
                      "'ties_count_delete')) ORDER BY rowid");
  std::vector<std::string> drops;
  while (q.executeStep()) {
    const std::string type = q.getColumn(0).getString();
    drops.push_back("DROP " + type + " " + q.getColumn(1).getString());
    dropped_.push_back(q.getColumn(2).getString());
    if (type == "trigger") recount_ = true;
  }
  q.reset();
  for (const std::string& drop : drops) db_.exec(drop);
}

void DeferredIndexes::restore() {
  for (const std::string& sql : dropped_) db_.exec(sql);
  dropped_.clear();
  if (recount_) {
    db_.exec("DELETE FROM club_tie_counts");
    db_.exec(std::string("INSERT INTO club_tie_counts(club_id, ties) ") +
             kClubTieCountsOfTheTies);
    recount_ = false;
  }
}

}  // namespace footballdb::storage
