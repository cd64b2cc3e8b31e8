// Whether a database file is whole: SQLite's own checks of its pages and indexes, and of the
// foreign keys between footballdb's tables.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <string>
#include <vector>

namespace footballdb::storage {

// Each club's number of ties (club_id, ties), counted from the ties: what club_tie_counts holds
// (kept by triggers, or counted afresh after a bulk import) and what `check --full` compares.
constexpr const char* kClubTieCountsOfTheTies =
    "SELECT club, count(*) FROM (SELECT club_a AS club FROM ties WHERE club_a IS NOT NULL "
    "UNION ALL SELECT club_b FROM ties WHERE club_b IS NOT NULL) GROUP BY club";

// What is wrong with `db`, one line per problem (empty: nothing found), at most `limit` lines.
// `full`: PRAGMA integrity_check (also compares every index with its table, O(N log N));
// else PRAGMA quick_check (pages, records and constraints, O(N)). Both add the rows that
// PRAGMA foreign_key_check reports. Where the checks stop at a page too damaged to walk, that
// error is the problem reported.
std::vector<std::string> integrity_problems(SQLite::Database& db, bool full, int limit = 100);

// Whether writing an input of `input_bytes` into a database file of `file_bytes` begins with
// integrity_problems(quick_check) of the whole file: when the file holds at most
// kAlwaysCheckedBytes, or at most kCheckedBytesPerInputByte times the input. The check reads
// every page (on a file of 300 MB, about 3 s), so it is kept to a bounded share of the
// write's own cost, never a cost that grows with what is stored. Beyond that, the pages the
// write reads are checked as SQLite reads them (cell_size_check), and damage there stops it
// just the same; damage elsewhere is for `footballdb check`.
constexpr std::int64_t kAlwaysCheckedBytes = std::int64_t{32} << 20;
constexpr std::int64_t kCheckedBytesPerInputByte = 2;
bool checks_whole_file_first(std::int64_t file_bytes, std::int64_t input_bytes);

// The bytes of `db`'s main database (its pages, committed to the WAL or not).
std::int64_t file_bytes(SQLite::Database& db);

}  // namespace footballdb::storage
