// Leg result lines, as UEFA's match lists read when copied as text:
//   1st(1st leg) Víkingur - FK Gomel 0:6 (0:0)
//   2nd (2nd leg) FK Gomel - Víkingur 4:0 (0:0)
//   1st(1st leg): 03/07/2012 16:30 2nd (2nd leg): 12/07/2012 17:00 Winner: FK Gomel
#pragma once

#include <istream>
#include <string>
#include <string_view>

#include "import/records.hpp"

namespace footballdb::import {

// Reads blocks of leg result lines and emits, per block and in this order, a LegRecord per leg
// (leg_number from "(1st leg)", home and away as written around " - ", scores from
// "0:6 (0:0)", "2:1 (0:0, 1:0) aet", "1:1 n.V., 4:3 i.E."; date DD/MM/YYYY and local kick-off
// from the dates line) and one TieRecord (club_a the first leg's home club, club_b its away
// club, stated_winner from "Winner: X", text the dates line). A block ends with its dates line,
// or when the next block or the end of the input comes without one. A dates line that gives a
// leg with no result line yields a scheduled LegRecord. Prose lines are skipped; one that
// names a round ("Second qualifying round") emits a RoundRecord and sets context.round.
// Throws footballdb::Error (kInput, "path:line:column: expected ...") on a line that looks like
// data but does not read.
void parse_result_lines(std::istream& in, const std::string& path, const RecordSink& sink);

// True when the start of a file reads as leg result lines.
bool sniff_result_lines(std::string_view head);

}  // namespace footballdb::import
