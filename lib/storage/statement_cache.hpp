// Prepared statements kept for reuse on one connection.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <memory>
#include <string>
#include <unordered_map>

namespace footballdb::storage {

class StatementCache {
 public:
  explicit StatementCache(SQLite::Database& db) : db_(db) {}

  // The statement for `sql`, prepared on first use, reset and with its bindings cleared.
  // The reference stays valid as long as the cache. A statement must not be fetched again
  // while an earlier fetch of it is still being stepped.
  SQLite::Statement& get(const std::string& sql) {
    auto it = cache_.find(sql);
    if (it == cache_.end()) {
      it = cache_.emplace(sql, std::make_unique<SQLite::Statement>(db_, sql)).first;
    } else {
      it->second->reset();
      it->second->clearBindings();
    }
    return *it->second;
  }

  // Finalizes every statement (before the connection closes or the schema changes).
  void clear() { cache_.clear(); }

 private:
  SQLite::Database& db_;
  std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> cache_;
};

}  // namespace footballdb::storage
