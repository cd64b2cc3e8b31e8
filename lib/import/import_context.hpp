// What every format's importer works with while one file is imported.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>

#include "footballdb/database.hpp"
#include "footballdb/error.hpp"
#include "footballdb/import.hpp"
#include "storage/store.hpp"

namespace footballdb::import {

// Resolves club names met in one file to club ids, creating a club for a name no known club
// has and recording every new spelling of a known club with the file as its source.
class ClubLookup {
 public:
  ClubLookup(const Database& db, storage::Store& store, SourceId source, FileReport& report)
      : db_(db), store_(store), source_(source), report_(report) {}

  // The club `name` means. Throws Error(kClub) "file:line: 'name' is ambiguous ..." with the
  // candidates when it may mean several clubs.
  ClubId get(const std::string& name, const SourceLocation& where);
  // Like get, for a name that is a club's canonical name (as an export writes them): when
  // several clubs have the spelling and exactly one of them is named so, that one is meant.
  ClubId get_canonical(const std::string& name, const SourceLocation& where);

 private:
  // The club of resolution `r`; throws Error(kClub) for an ambiguous one.
  ClubId take(const std::string& name, const Resolution& r, const SourceLocation& where);

  const Database& db_;
  storage::Store& store_;
  SourceId source_;
  FileReport& report_;
  std::unordered_map<std::string, ClubId> cache_;
};

struct ImportContext {
  const Database& db;
  storage::Store& store;
  SourceId source;
  std::string path;
  const ImportOptions& options;
  FileReport& report;
  ClubLookup& clubs;

  // Counts what merging one tie did into the report.
  void count(const storage::MergeResult& merged);
};

}  // namespace footballdb::import
