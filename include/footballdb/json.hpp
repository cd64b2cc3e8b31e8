// The JSON texts of footballdb's values, exactly as `footballdb ... --json` prints them.
// Keys are only ever added, never renamed or removed.
#pragma once

#include <string>

#include "footballdb/api.hpp"
#include "footballdb/check.hpp"
#include "footballdb/import.hpp"
#include "footballdb/names.hpp"
#include "footballdb/query.hpp"
#include "footballdb/rules.hpp"
#include "footballdb/types.hpp"

namespace footballdb {

// {"id", "competition", "season", "round", "round_order", "number", "clubs": [CLUB, CLUB|null],
//  "aggregate": [a, b]|null, "winner": CLUB|null, "decided_by": ...|null, "extra_time": bool,
//  "outcome_from": "legs"|"stated"|null (stated: the legs decide nothing, the sources agree),
//  "legs": [LEG...], "stated": [...], "disagreement": bool, "coin_toss_winner": CLUB|null,
//  "evidence": [{"source", "path", "line"}]} where CLUB is {"id", "name"}.
FOOTBALLDB_API std::string to_json(const Tie& tie);
// {"date", "kickoff", "competition", "season", "round", "tie_id", "leg_number", "leg_id", "home", "away",
//  "score", "full_time", "half_time", "extra_time", "penalties", "status", "replay", ...}.
FOOTBALLDB_API std::string to_json(const Fixture& fixture);
// {"query", "status": "resolved"|"ambiguous"|"unknown", "club": CLUB|null,
//  "candidates": [{"id", "name", "matched_name", "method", "score", "explanation"}], "method"}.
FOOTBALLDB_API std::string to_json(const Resolution& resolution);
// {"id", "name", "reason", "status", "club": CLUB|null, "candidates": [{"id", "name",
//  "matched_name", "method", "score"}], "seen": {"source", "path", "line"}|null,
//  "ties": [{"id", "competition", "season", "round", "clubs"}], "decided_club": CLUB|null,
//  "decided_at"}.
FOOTBALLDB_API std::string to_json(const NameReview& review);
// {"club": CLUB, "name", "lang", "method", "canonical": bool,
//  "source": {"source", "path", "line"}|null}.
FOOTBALLDB_API std::string to_json(const ClubAlias& alias);
// {"id", "name", "country", "city", "names": [{"name", "lang", "origin"}]}.
FOOTBALLDB_API std::string to_json(const Club& club);
// {"id", "path", "format", "sha256", "imported_at", "ties", "legs", "claims", "conflicts",
//  "names", "reviews", "options": {"competition", ...} or null}.
FOOTBALLDB_API std::string to_json(const SourceSummary& source);
FOOTBALLDB_API std::string to_json(const SourceRemoval& removal);
// {"competition", "season", "round", "group", "position", "club": CLUB, "played", "won",
//  "drawn", "lost", "goals_for", "goals_against", "points"}.
FOOTBALLDB_API std::string to_json(const Standing& standing);
// {"legs", "extra_time", "penalties", "away_goals", "away_goals_extra_time", "replays",
//  "replay_limit", "replay_extra_time", "replay_penalties"}.
FOOTBALLDB_API std::string to_json(const RuleSet& rules);
// {"dry_run": bool, "files": [{"path", "format", "already_imported", "records", ...}]}.
FOOTBALLDB_API std::string to_json(const ImportReport& report);
// {"conflicts": [...], "disagreements": [...], "partial_ties": [...], "name_reviews": [...],
//  "rule_anomalies": [...]}: one array per kind of finding, each finding with its "tie"
// ({"id", "competition", "season", "round", "clubs": [CLUB|null, CLUB|null]}) and details:
// conflict {"leg", "field", "stored", "claimed", "source", "path", "line"}; disagreement
// {"aggregate", "winner", "decided_by", "outcome_from", "reasons": [text]}; partial tie
// {"stated": [...], "evidence": [...]}; name review {"id", "name", "reason", "club",
// "candidates": [name], "source", "path", "line"}; rule anomaly {"anomalies": [text]}.
FOOTBALLDB_API std::string to_json(const CheckReport& report);

}  // namespace footballdb
