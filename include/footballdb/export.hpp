// Exporting the database for other programs: CSV for spreadsheets and data tools, openfootball's
// Football.TXT, and a script that loads everything into PostgreSQL. (footballdb's own JSON
// interchange format, which it imports again in full, is export_json in import.hpp.)
//
// Every exporter reads one snapshot of the database (what other connections commit meanwhile
// is not seen) and writes as it reads, a row at a time: the database is never held in memory.
// They write to streams and do not check them: the caller looks at the stream's state
// afterwards. Throws Error(kDatabase) when SQLite fails. Safe to call while other connections
// write; one Database must not be used from two threads at once.
#pragma once

#include <functional>
#include <iosfwd>
#include <string>

#include "footballdb/api.hpp"
#include "footballdb/database.hpp"

namespace footballdb {

// --- CSV ---
// Two files of RFC 4180 CSV, UTF-8 without a byte order mark, lines ending in CRLF, a header
// row first: `ties` gets one row a tie (every round, group matches' pairings too), `legs` one
// row a match. Fields holding a comma, a double quote, CR or LF are quoted ("" for a quote);
// an unknown value is an empty field; yes/no columns are 1 or 0. Ties are ordered by season,
// competition, round, tie number and id; legs by their tie in that order, then leg number.
// The columns are listed in README.md ("CSV export") and never renamed or removed; new ones
// are added at the end.
FOOTBALLDB_API void export_csv(const Database& db, std::ostream& ties, std::ostream& legs);

// --- Football.TXT ---
// openfootball's plain-text format, as lib/import/formats/football_txt.hpp reads it: for each
// competition's season with at least one match, a header "= UEFA Europa League 2012/13", then
// each round in order ("» Second qualifying round", with ", 1st leg" / ", 2nd leg" parts when
// its ties have several legs and ", Replay" for replays; a group stage by groups: "» Group A"),
// date lines ("  Thu Jul/5 2012") and one line a match: kick-off, clubs with their country
// codes, score ("5-6 pen. 1-2 a.e.t. (0-1, 0-0)", "2-1 (1-0)"), notes ([awarded], [annulled],
// [cancelled], [walkover], [neutral]) and venue ("@ Allianz Arena, München").
// Importing the text gives the same ties and matches, except for what the format has no place
// for (README.md, "Football.TXT export"): ties without a known match, what sources state of a
// tie, tie numbers, the order of a tie's clubs, coin tosses, who a walkover went to, and the
// evidence. A match whose club name or venue the format would misread is written as a
// comment.

// The stream for one competition's season, asked for once each, in the order they are written
// (by season, then competition), before any of its text.
using FootballTxtTarget =
    std::function<std::ostream&(const std::string& competition, const std::string& season)>;
FOOTBALLDB_API void export_football_txt(const Database& db, const FootballTxtTarget& target);
// Every competition's season to `out`, one after the other.
FOOTBALLDB_API void export_football_txt(const Database& db, std::ostream& out);
// A file name for one competition's season: its words in lower-case ASCII joined by dashes,
// then the season: "uefa-europa-league-2012-13.txt", "fa-cup-1975-76.txt".
std::string football_txt_file_name(const std::string& competition, const std::string& season);

// --- PostgreSQL ---
struct PostgresExportOptions {
  // The schema created for the tables and views. "public" is used as it is (not created); any
  // other name must not exist yet. Lower-case letters, digits and '_', not starting with a digit.
  std::string schema = "footballdb";
};

// A psql script (`psql -v ON_ERROR_STOP=1 -f FILE`) that, in one transaction, creates
// `options.schema` with every table of the database (from SQLite's own description of them, so
// tables and columns added by later migrations are there too), their primary keys, NOT NULL,
// UNIQUE and DEFAULTs, the CHECK constraints PostgreSQL can evaluate alike, loads the rows
// (COPY), moves each id column's sequence past its highest id, then adds the foreign keys, the
// indexes and footballdb's views, rewritten for PostgreSQL (lib/export/postgres_views.sql).
// SQLite types map to PostgreSQL's: INTEGER to bigint, TEXT to text, REAL to double precision,
// BLOB to bytea; dates stay ISO-8601 text and yes/no columns 0 or 1; COLLATE NOCASE becomes a
// case-insensitive ICU collation `nocase` of the schema. SQLite's triggers, and views other
// than footballdb's, are not written (a comment names them). Throws Error(kUsage), before
// writing anything, for a schema name that is not one, and Error(kInput) for a text holding a
// NUL byte (PostgreSQL cannot store one; footballdb never does).
FOOTBALLDB_API void export_postgres(const Database& db, std::ostream& out,
                                    const PostgresExportOptions& options = {});

}  // namespace footballdb
