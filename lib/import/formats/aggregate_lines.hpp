// Tie summaries copied from Wikipedia's round tables, one round per line, ties separated by
// " ---- ":
//   Gent won 3–2 on aggregate. ---- 1–1 on aggregate, CFR Ecomax Cluj won in a penalty shootout.
//   Semi–finals
//   First leg
//   ---- ---- ----
//   Second leg
//   Lens won 4–2 on aggregate. ---- 1–1 on aggregate, Roda won on away goals rule.
#pragma once

#include <istream>
#include <string>
#include <string_view>

#include "import/records.hpp"

namespace footballdb::import {

// Emits per line of summaries one RoundRecord, then one TieRecord per summary (club_a the club
// named, club_b nullopt, stated_winner that club, stated_aggregate winner's goals first,
// stated_decided_by aggregate, away goals or penalties, text the summary). A heading line that
// names a round ("Semi–finals", "Finals") names the next line of summaries (RoundRecord with
// inferred = false); a line of summaries without a heading is a round of its own, named by
// count of such lines "First round", "Second round", ... with inferred = true. "First leg",
// "Second leg" and lines of bare "----" are structure; other prose is skipped.
// Throws footballdb::Error (kInput, "path:line:column: expected ...") on a summary that does
// not read.
void parse_aggregate_lines(std::istream& in, const std::string& path, const RecordSink& sink);

// True when the start of a file reads as aggregate summaries.
bool sniff_aggregate_lines(std::string_view head);

}  // namespace footballdb::import
