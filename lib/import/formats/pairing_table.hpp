// Pairing tables: a round's ties as a table, pasted into forums as BBCode
//   [TABLE=...][TR][TH=...]Gesamt[/TH]...[/TR][TR][TD="align: right"]FK Baku[/TD]
//   [TD](6)[/TD][TD]ND Mura 05[/TD][TD][/TD][TD][/TD][/TR]...[/TABLE]
// or written in MediaWiki markup
//   {| class="wikitable"
//   ! Team 1 !! Agg. !! Team 2 !! 1st leg !! 2nd leg
//   |-
//   | align="right" | [[KF Tirana|Tirana]] || 2–0 || CS Grevenmacher || 2–0 || 0–0
//   |}
#pragma once

#include <istream>
#include <string>
#include <string_view>

#include "import/records.hpp"

namespace footballdb::import {

// Reads pairing tables. Prose outside a table that names a round ("Hier die Paarungen der
// 2.Qualifikationsrunde:") emits a RoundRecord with that raw name and sets context.round.
// A header row names the score columns, in English or German (Gesamt/Aggregate/Agg.,
// Hinspiel/1st leg/First leg, Rückspiel/2nd leg/Second leg). Each row gives, in this order,
// a TieRecord (number from a "(26)" cell, club_a the left club, club_b the right club,
// stated_aggregate from a filled aggregate cell in left:right order) and a LegRecord per filled
// leg cell. Cells follow the Wikipedia convention: the left club is at home in the first leg
// and every score is written left:right, so leg 1 is club_a v club_b as written and leg 2 is
// club_b v club_a with the scores turned round. Score cells may be empty or read "2:0", "2–0",
// "2-0", with "n.V.", "a.e.t.", "i.E. 4:3", "(4–3 p)", "(a)" marks.
// Throws footballdb::Error (kInput, "path:line:column: expected ...") on a row or tag that does
// not read.
void parse_pairing_table(std::istream& in, const std::string& path, const RecordSink& sink);

// True when the start of a file holds a BBCode or MediaWiki table.
bool sniff_pairing_table(std::string_view head);

}  // namespace footballdb::import
