// Prepared statements kept for reuse on one connection.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

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
      it = cache_.emplace(sql, Entry{std::make_unique<SQLite::Statement>(db_, sql), false}).first;
    } else {
      it->second.statement->reset();
      it->second.statement->clearBindings();
    }
    if (!it->second.in_use) {
      it->second.in_use = true;
      in_use_.push_back(&it->second);
    }
    return *it->second.statement;
  }

  // The rowid of the last row inserted on the connection (cheaper than INSERT ... RETURNING,
  // which SQLite runs through a temporary table).
  std::int64_t last_insert_rowid() const { return db_.getLastInsertRowid(); }

  // How the statements of one call read.
  enum class Reads {
    kAsTheyRun,  // each in the transaction the caller opened, or its own
    // One read transaction for the whole call when the connection has none open: every
    // statement sees the same committed state (a writer's commit lands before the call or
    // after it, never between two of its statements), and the read lock is taken once.
    kOneSnapshot,
  };

  // Marks one call of the library's API. When the outermost scope ends, every statement used
  // in it is reset: a statement left on a row would keep its read transaction open, so that
  // this connection went on seeing an old snapshot and other connections could not write.
  class Scope {
   public:
    explicit Scope(StatementCache& cache, Reads reads = Reads::kAsTheyRun) : cache_(cache) {
      if (cache_.depth_ == 0 && reads == Reads::kOneSnapshot &&
          sqlite3_get_autocommit(cache_.db_.getHandle()) != 0) {
        cache_.transaction_statement(cache_.begin_, "BEGIN").exec();
        snapshot_ = true;
      }
      ++cache_.depth_;
    }
    ~Scope() {
      if (--cache_.depth_ != 0) return;
      cache_.reset_in_use();
      // Ends a transaction that only read: COMMIT and ROLLBACK are the same to it.
      if (snapshot_ && !cache_.commit_read()) {
        sqlite3_exec(cache_.db_.getHandle(), "ROLLBACK", nullptr, nullptr, nullptr);
      }
    }
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

   private:
    StatementCache& cache_;
    bool snapshot_ = false;
  };

  // Finalizes every statement (before the connection closes or the schema changes).
  void clear() {
    in_use_.clear();
    cache_.clear();
    begin_.reset();
    commit_.reset();
  }

 private:
  struct Entry {
    std::unique_ptr<SQLite::Statement> statement;
    bool in_use = false;
  };

  // BEGIN or COMMIT, prepared once: a question asked in its own snapshot does not parse them
  // each time.
  SQLite::Statement& transaction_statement(std::unique_ptr<SQLite::Statement>& statement,
                                           const char* sql) {
    if (!statement) statement = std::make_unique<SQLite::Statement>(db_, sql);
    statement->reset();
    return *statement;
  }

  // Commits the read transaction of a scope; false when SQLite refuses (never throws: it runs
  // in a destructor).
  bool commit_read() noexcept {
    try {
      SQLite::Statement& commit = transaction_statement(commit_, "COMMIT");
      const int rc = commit.tryExecuteStep();
      commit.tryReset();
      return rc == SQLITE_DONE;
    } catch (...) {
      return false;
    }
  }

  void reset_in_use() noexcept {
    for (Entry* e : in_use_) {
      e->statement->tryReset();
      e->in_use = false;
    }
    in_use_.clear();
  }

  SQLite::Database& db_;
  std::unordered_map<std::string, Entry> cache_;
  std::vector<Entry*> in_use_;  // entries fetched since the outermost scope began
  std::unique_ptr<SQLite::Statement> begin_, commit_;
  int depth_ = 0;
};

}  // namespace footballdb::storage
