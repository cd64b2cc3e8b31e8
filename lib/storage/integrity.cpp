#include "storage/integrity.hpp"

#include <sqlite3.h>

namespace footballdb::storage {

std::vector<std::string> integrity_problems(SQLite::Database& db, bool full, int limit) try {
  std::vector<std::string> problems;
  SQLite::Statement pages(db, std::string(full ? "PRAGMA integrity_check(" : "PRAGMA quick_check(") +
                                  std::to_string(limit) + ")");
  while (pages.executeStep()) {
    std::string line = pages.getColumn(0).getString();
    if (line != "ok") problems.push_back(std::move(line));
  }
  SQLite::Statement keys(db, "PRAGMA foreign_key_check");
  while (keys.executeStep() && static_cast<int>(problems.size()) < limit) {
    problems.push_back("row " + keys.getColumn(1).getString() + " of table " +
                       keys.getColumn(0).getString() + " refers to a missing row of table " +
                       keys.getColumn(2).getString());
  }
  if (full) {
    // Counts kept as ties are written, compared with what they count as an index is with its
    // table.
    SQLite::Statement counts(
        db,
        std::string("WITH counted(club_id, ties) AS (") + kClubTieCountsOfTheTies +
            ") SELECT coalesce(k.club_id, n.club_id), coalesce(k.ties, 0), coalesce(n.ties, 0) "
            "FROM counted k FULL JOIN club_tie_counts n ON n.club_id = k.club_id "
            "WHERE k.ties IS NOT n.ties ORDER BY 1");
    while (counts.executeStep() && static_cast<int>(problems.size()) < limit) {
      problems.push_back("club " + counts.getColumn(0).getString() + " plays " +
                         counts.getColumn(1).getString() + " ties but club_tie_counts says " +
                         counts.getColumn(2).getString());
    }
  }
  return problems;
} catch (const SQLite::Exception& e) {
  // SQLite's checks stop where a page is too damaged to walk: that is what they found.
  const int code = e.getErrorCode() & 0xff;
  if (code != SQLITE_CORRUPT && code != SQLITE_NOTADB) throw;
  return {e.what()};
}

bool checks_whole_file_first(std::int64_t file_bytes, std::int64_t input_bytes) {
  return file_bytes <= kAlwaysCheckedBytes || file_bytes / kCheckedBytesPerInputByte <= input_bytes;
}

std::int64_t file_bytes(SQLite::Database& db) {
  return db.execAndGet("PRAGMA page_count").getInt64() *
         db.execAndGet("PRAGMA page_size").getInt64();
}

}  // namespace footballdb::storage
