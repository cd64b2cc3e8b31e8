// Importing source files and exporting the database.
#pragma once

#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "footballdb/api.hpp"
#include "footballdb/database.hpp"

namespace footballdb {

struct ImportOptions {
  // The format of every file: "json", "football-txt", "pairing-table", "result-lines",
  // "aggregate-lines" or "csv"; nullopt detects it from each file's content.
  std::optional<std::string> format;
  // Context for what the files do not say themselves.
  std::optional<std::string> competition;
  std::optional<std::string> season;
  std::optional<std::string> round;
  // For CSV: which column holds which field, e.g. "home=HomeTeam,away=AwayTeam,date=Date,
  // score=FT" (see the CSV format in README.md); nullopt uses a built-in mapping when one knows
  // the file's columns (engsoccerdata's champs.csv).
  std::optional<std::string> csv_mapping;
  // Work out and report what would change, then roll it all back.
  bool dry_run = false;
  // Called as each file to import begins (done 0), then now and then with the bytes read so far
  // of the current file and its size.
  std::function<void(const std::string& path, std::size_t done, std::size_t total)> progress;
};

// What one file brought.
struct FileReport {
  std::string path;
  std::string format;
  bool already_imported = false;  // same content imported before: nothing done
  int records = 0;                // ties, legs and claims read
  int ties_added = 0;
  int ties_merged = 0;   // records that joined an existing tie
  int legs_added = 0;
  int legs_confirmed = 0;  // a leg already known, now with one more piece of evidence
  int claims = 0;          // stated winners and aggregates recorded
  int clubs_added = 0;
  int reviews = 0;         // names queued for review (each got a club of its own meanwhile)
  int reviews_settled = 0;  // earlier reviews this file decided, binding a name through its tie
  int conflicts = 0;       // facts that disagree with what is stored (kept, not applied)
};

struct ImportReport {
  std::vector<FileReport> files;
  bool dry_run = false;
};

// Imports `paths` in one transaction: either every file is imported or, on the first error,
// nothing is and the database is as it was. A file whose content was imported before is
// skipped. The path "-" is standard input ("<stdin>" in messages and evidence); any source
// that is not a regular file is read once. A file beyond the limits (README: "Limits"), or
// one with no bytes, is an Error(kInput). Nothing is imported into a damaged database
// (Error(kDatabase) "the database file is damaged ..."): one that fails SQLite's quick_check,
// run first when the file is small or no more than twice the input's size, or whose pages the
// import reads are damaged. Throws Error(kInput) "file:line:column: ..." for
// a file that does not read or a tie whose competition, season or round neither the file nor
// `options` give, Error(kIo) for one that cannot be opened, Error(kUsage) for an unknown
// format or a season in `options` that is not one, Error(kDatabase) ("import rolled back:
// ...") when SQLite refuses a write. A club name that is unknown or ambiguous is no error: it
// gets a club of its own and waits for review.
FOOTBALLDB_API ImportReport import_files(Database& db, const std::vector<std::string>& paths,
                                         const ImportOptions& options = {});

// Writes the whole database as footballdb's JSON interchange format (docs in README.md).
// Importing the result into an empty database gives the same clubs, competitions, rules,
// rounds, ties, legs, claims and evidence.
FOOTBALLDB_API void export_json(const Database& db, std::ostream& out);

}  // namespace footballdb
