// Database's private state, shared by the library's modules.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <string>

#include "footballdb/database.hpp"
#include "footballdb/error.hpp"
#include "storage/club_index.hpp"
#include "storage/statement_cache.hpp"

namespace footballdb {

struct Database::Impl {
  explicit Impl(const std::string& path, int flags, int busy_timeout_ms)
      : db(path, flags, busy_timeout_ms), statements(db), clubs(db, statements) {}
  SQLite::Database db;
  // Declared after db: destroyed (finalized) before the connection closes.
  mutable storage::StatementCache statements;
  mutable storage::ClubIndex clubs;
};

namespace detail {

// An SQLite failure as the library reports it: Error(kBusy) when another connection kept the
// write lock past the busy timeout, Error(kIo) for a file that cannot be written, else
// Error(kDatabase); `context` ("cannot open 'x.db'") comes first in the message. Nothing was
// changed: the transaction that failed is rolled back.
[[noreturn]] void rethrow_database_error(const SQLite::Exception& e,
                                         const std::string& context = {});

// The library's own way in to a Database's SQLite connection.
struct DatabaseAccess {
  static SQLite::Database& sqlite(const Database& db) { return db.impl_->db; }
  static storage::StatementCache& statements(const Database& db) { return db.impl_->statements; }
  static storage::ClubIndex& clubs(const Database& db) { return db.impl_->clubs; }
};
}  // namespace detail

}  // namespace footballdb
