// A season's knockout rounds drawn as a bracket, in SVG.
#pragma once

#include <iosfwd>
#include <string_view>

#include "footballdb/api.hpp"
#include "footballdb/database.hpp"

namespace footballdb {

// Writes to `out` an SVG picture (one standalone document, UTF-8) of the knockout rounds of
// `competition` ("Champions League", any case, as TieFilter takes it) in `season` ("2011-12",
// "2011/12"): a column per round in the season's round order, a box per tie with both clubs
// (the one that went through in bold), each leg's goals, the aggregate, how the tie was decided,
// and a red "!" whose tooltip says why where a source states another result than the legs give
// (or than another source); lines join each tie to the tie of the next round its winner played.
// Group stages are left out: a tie before one feeds no tie after it. The same database gives the
// same bytes (no time, no random order). Reads only.
// Throws Error(kUsage) for a season that is not one, a competition the database holds nothing
// of (naming the ones it may have meant), and a season of the competition with no knockout tie
// (naming the seasons that have some); Error(kDatabase) when the database cannot be read.
FOOTBALLDB_API void write_bracket_svg(const Database& db, std::string_view competition,
                                      std::string_view season, std::ostream& out);

}  // namespace footballdb
