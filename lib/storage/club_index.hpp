// The club-name matcher over one database's clubs: built on first use, kept in step with the
// names written through this connection, rebuilt when another connection changed the file.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <optional>
#include <string>

#include "names/matcher.hpp"
#include "storage/statement_cache.hpp"

namespace footballdb::storage {

class ClubIndex {
 public:
  ClubIndex(SQLite::Database& db, StatementCache& statements) : db_(db), statements_(statements) {}

  // The matcher over every club, spelling, distinct pair and exonym in the database.
  const names::Matcher& matcher();
  // The matcher as this connection left it, without asking whether another connection changed
  // the file: for use inside a write transaction, where none can. The reference is valid until
  // invalidate() (a rollback); the writes below change the matcher in place.
  const names::Matcher& current() { return matcher_ ? *matcher_ : matcher(); }

  // Keep a built matcher in step with writes made through this connection.
  void club_added(ClubId id, const std::string& name, const std::optional<std::string>& country,
                  const std::optional<std::string>& city, bool from_import);
  void name_added(ClubId id, const std::string& name, const std::optional<std::string>& lang);
  void name_removed(ClubId id, const std::string& name);
  void club_merged(ClubId from, ClubId into);
  // Drops the matcher (after a rollback, or a change it cannot follow); the next use rebuilds it.
  void invalidate() { matcher_.reset(); }

 private:
  SQLite::Database& db_;
  StatementCache& statements_;
  std::optional<names::Matcher> matcher_;
  std::int64_t data_version_ = -1;
};

}  // namespace footballdb::storage
