// The club-name matcher over one database's clubs: built on first use, kept in step with the
// names written through this connection, rebuilt when another connection changed the file; and
// the stored keys (club_name_keys) that let a query read only the clubs a name may mean.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <optional>
#include <string>

#include "names/analysis.hpp"
#include "names/matcher.hpp"
#include "storage/statement_cache.hpp"

namespace footballdb::storage {

class ClubIndex {
 public:
  ClubIndex(SQLite::Database& db, StatementCache& statements) : db_(db), statements_(statements) {}

  // The matcher over every club, spelling, distinct pair and exonym in the database, all in
  // memory: for an import, which asks it thousands of names.
  const names::Matcher& matcher();
  // The matcher as this connection left it, without asking whether another connection changed
  // the file: for use inside a write transaction, where none can. The reference is valid until
  // invalidate() (a rollback); the writes below change the matcher in place.
  const names::Matcher& current() { return matcher_ ? *matcher_ : matcher(); }
  // A matcher for a few names (a query): one that reads only the clubs a name may mean through
  // the stored keys when they are current, else matcher(). The same answers either way.
  const names::Matcher& lookup();

  // Keep a built matcher in step with writes made through this connection.
  void club_added(ClubId id, const std::string& name, const std::optional<std::string>& country,
                  const std::optional<std::string>& city, bool from_import);
  void name_added(ClubId id, const std::string& name, const std::optional<std::string>& lang,
                  bool nickname);
  void name_removed(ClubId id, const std::string& name);
  void club_merged(ClubId from, ClubId into);
  // Drops the matchers (after a rollback, or a change they cannot follow); the next use
  // rebuilds them.
  void invalidate() {
    matcher_.reset();
    lookup_.reset();
    ++changes_;
  }
  // A number that changes whenever the matcher's answers may: each write above, each rebuild.
  // An answer remembered with it holds while it stays the same.
  std::uint64_t changes() const { return changes_; }

  // Writes the stored keys of every spelling marked as lacking them (club_names_unkeyed), in
  // the caller's write transaction; with `all`, first marks every spelling when the keys were
  // written by another version of the analysis (names::kStoredKeysVersion).
  void write_keys(bool all = false);

 private:
  names::QueryRunner runner();

  SQLite::Database& db_;
  StatementCache& statements_;
  names::Analyzer analyzer_;
  std::optional<names::Matcher> matcher_;
  std::int64_t data_version_ = -1;
  std::optional<names::Matcher> lookup_;
  std::int64_t lookup_version_ = -1;
  std::uint64_t changes_ = 0;
};

}  // namespace footballdb::storage
