// Exporting the database for other programs: CSV for spreadsheets and data tools, openfootball's
// Football.TXT, and a script that loads everything into PostgreSQL. (footballdb's own JSON
// interchange format, which it imports again in full, is export_json in import.hpp.)
//
// Every exporter reads one snapshot of the database (what other connections commit meanwhile
// is not seen), writes as it reads, and holds no more than one row (Football.TXT: one
// competition's season) in memory. They write to streams and do not check them: the caller
// looks at the stream's state afterwards. Throws Error(kDatabase) when SQLite fails. Safe to
// call while other connections write; one Database must not be used from two threads at once.
#pragma once

#include <iosfwd>
#include <string>

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
void export_csv(const Database& db, std::ostream& ties, std::ostream& legs);

}  // namespace footballdb
