// Whether a database file is whole: SQLite's own checks of its pages and indexes, and of the
// foreign keys between footballdb's tables.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <string>
#include <vector>

namespace footballdb::storage {

// What is wrong with `db`, one line per problem (empty: nothing found), at most `limit` lines.
// `full`: PRAGMA integrity_check (also compares every index with its table, O(N log N));
// else PRAGMA quick_check (pages, records and constraints, O(N)). Both add the rows that
// PRAGMA foreign_key_check reports. Where the checks stop at a page too damaged to walk, that
// error is the problem reported.
std::vector<std::string> integrity_problems(SQLite::Database& db, bool full, int limit = 100);

}  // namespace footballdb::storage
