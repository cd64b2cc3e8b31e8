// Football.TXT, the plain-text match format of openfootball
// (https://github.com/openfootball), in its current and older styles:
//
//   = UEFA Champions League - Quali 2024/25        competition and season
//   » Round 1                                      round heading (also ▪, or a line at column 1)
//     Tue Jul/9 2024                               date; [Apr/24] and [Tue Feb/14] in older files
//       17.30  FK Panevėžys (LTU) v HJK Helsinki (FIN)  3-0 (1-0)
//              KF Ballkani (KOS) v UE Santa Coloma (AND)  5-6 pen. 1-2 a.e.t. (0-1, 0-0)
//     Real Madrid  4-3 (2-2)  Stade Reims  @ Parc des Princes, Paris     (older: score between)
//
// Lines starting with #, goal lines ("[Drogba 45+2']"), and YAML-like team lists are skipped.
#pragma once

#include <istream>
#include <string>
#include <string_view>

#include "import/records.hpp"

namespace footballdb::import {

// Reads Football.TXT from `in` (named `path` in messages) and calls `sink` with each record in
// file order: a RoundRecord when a heading starts a new round, a LegRecord for each match.
//
// Context: the "= ..." header gives the competition and the season (canonical, "2024-25"); when
// no header gives a season, the nearest folder of `path` named like a season ("1955-56") does.
// Headings: context.round is the heading's text without its leg part ("Semi-finals, 1st leg" is
// round "Semi-finals" with leg_number 1; "Semi-finals, Replay" sets replay; in a knockout round
// "Matchday 2" is leg 2); consecutive headings naming the same round give one RoundRecord.
// knockout is false for groups, league phase and matchdays, true for rounds, finals and
// play-offs, nullopt otherwise.
// Dates without a year take it from the season (July to December: the first year; January to
// June: the second), unless the weekday the line gives only fits the other year; a date with a
// year is taken as written. Kick-off times are local, as written; a match line without a time
// keeps the time of the line above within the same date.
// Scores: "5-6 pen. 1-2 a.e.t. (0-1, 0-0)" gives penalties 5-6, extra_time 1-2, full_time 0-1,
// half_time 0-0; "1-1 (0-0)" gives full_time and half_time. A match with no score is kScheduled.
// Notes: [awarded] -> kAwarded, [annulled] -> kAnnulled, [cancelled] -> kCancelled,
// [walkover] / [w/o] -> kWalkover (awarded_to: the club ahead on the score, when one is; the
// assembler takes a walkover with a score as an awarded result, and one that names nobody as
// a cancelled match), [neutral] -> neutral_venue, [replay] -> replay.
//
// Throws Error (ErrorCode::kInput) "path:line:column: expected ..." on a line that looks like a
// match, date or heading but does not read, and ErrorCode::kIo when `in` fails while reading.
void parse_football_txt(std::istream& in, const std::string& path, const RecordSink& sink);

// True when `head` (the first few KiB of a file) looks like Football.TXT: it holds at least one
// match line and a header, heading or date line of the format; or, with no match line, it
// reads without error and holds a "= Competition 2014/15" header or is a "teams:" list alone
// (openfootball files of rounds not yet played). Never throws.
bool sniff_football_txt(std::string_view head);

}  // namespace footballdb::import
