// footballdb's JSON interchange format: reading it, and telling it apart. The exporter
// (json_export.cpp) writes it.
//
// A document is one object; its sections are read in file order, each element as it ends, so
// files of any size stream. Numeric club references point into the "clubs" section, which must
// therefore come before the ties that use them (export writes it so).
//
//   {"footballdb": 1,
//    "sources":      [{"id": 1, "path": "...", "sha256": "...", "format": "...", "imported_at":
//    "..."}], "clubs":        [{"id": 1, "name": "Lech Poznań", "country": "POL", "city": "Poznań",
//                      "names": ["Lech Posen", {"name": "Lech Posen", "lang": "de"}]}],
//    "competitions": [{"name": "...", "rules": [{"from": "2021-22", "round": "Final", "legs": 1,
//                      "away_goals": false,
//                      "away_goals_extra_time": false, "extra_time": true, "penalties": true,
//                      "replays": false, "replay_limit": 0, "replay_extra_time": true,
//                      "replay_penalties": true}]}],
//    "rounds":       [{"competition": "...", "season": "2012-13", "name": "...", "order": 2,
//                      "knockout": true,
//                      "stated": [{"name": "2.Qualifikationsrunde", "source": 1}]}],
//    "ties":         [{"competition": "...", "season": "2012-13", "round": "...", "number": 26,
//                      "clubs": [CLUB, CLUB or null], "coin_toss_winner": CLUB, "group": "A",
//                      "legs": [{"number": 1, "replay": false, "status": "played",
//                                "date": "2012-07-05", "kickoff": "19:00", "home": CLUB,
//                                "away": CLUB, "neutral": false, "venue": "...",
//                                "full_time": [2, 0], "half_time": [0, 0], "extra_time": null,
//                                "penalties": null, "awarded_to": CLUB,
//                                "evidence": [{"source": 1, "line": 12}]}],
//                      "stated": [{"winner": CLUB, "aggregate": [3, 1], "decided_by": "aggregate",
//                                  "text": "...", "evidence": {"source": 1, "line": 14}}],
//                      "evidence": [{"source": 1, "line": 12}]}]}
//
// CLUB is a number (an "id" of the clubs section), a name (resolved like any club name), or an
// object with a "name". Every section and every key not marked required may be left out;
// "competition", "season" and "round" of a tie fall back to the import's context. "evidence"
// names the sources of the "sources" section; without it a fact's evidence is the JSON file
// itself at the line of its object. A round's "stated" are the names its sources gave it (each
// source one of the "sources" section); a stated outcome's "text" is the source's words, ""
// where it had none (a CSV row).
//
// The reader binds what the document names by reference: its sources (to stored sources of the
// same content, else new ones), its clubs (to stored clubs, else new ones) and its competitions'
// rules, which it stores. Its rounds and ties go on as records (RoundRecord, DraftRecord) through
// the assembler, the one way every format's ties take into the database.
#pragma once

#include <istream>
#include <string_view>

#include "import/import_context.hpp"
#include "import/records.hpp"

namespace footballdb::interchange {

// Reads one JSON document from `in`, its rounds and ties to `sink`. Throws Error(kInput)
// "path:line:column: expected ...".
void read_json(std::istream& in, import::ImportContext& context, const import::RecordSink& sink);

// True when `head` (the first bytes of a file) starts a footballdb JSON document.
bool sniff_json(std::string_view head);

}  // namespace footballdb::interchange
