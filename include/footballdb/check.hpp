// Data-quality findings: what `footballdb check` lists. Findings are facts about the data, not
// errors: sources that contradict each other or the computed outcome, ties still missing a
// club, names waiting for someone to say which club they mean.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "footballdb/api.hpp"
#include "footballdb/database.hpp"
#include "footballdb/types.hpp"

namespace footballdb {

// Which tie a finding is about, in words.
struct TieSummary {
  TieId id;
  std::string competition;
  std::string season;
  std::string round;
  std::optional<ClubRef> club_a;
  std::optional<ClubRef> club_b;  // nullopt while the opponent is unknown
};

// A fact a source gave that differs from the stored one (which was kept).
struct ConflictFinding {
  TieSummary tie;
  std::optional<int> leg;  // the leg's number when the fact is a leg's
  std::string field;       // "full_time", "date", "pairing", "home_away" ...
  std::string stored;      // as stored; clubs by name
  std::string claimed;     // as the source gave it; clubs by name
  Evidence evidence;       // the source that claimed it
};

// A tie whose sources state a winner, aggregate or decision other than the computed outcome,
// or other than each other.
struct DisagreementFinding {
  TieSummary tie;
  TieOutcome outcome;  // as stored (from the legs, or what every source agrees on)
  std::optional<ClubRef> winner;
  // One sentence per disagreeing statement: which source said what, and what the legs give
  // ("champs.csv:123 says Bayern Munich went through; the legs give Real Madrid 3-2 on
  // aggregate").
  std::vector<std::string> reasons;
};

// A tie that knows one club only: a source stated its result without naming the opponent.
struct PartialTieFinding {
  TieSummary tie;
  std::vector<StatedOutcome> stated;
  std::vector<Evidence> evidence;
};

// A knockout tie of two clubs whose legs are all over and that nothing stored decides: level,
// with no extra time, shoot-out, replay or stated winner in the sources that settles it, or no
// leg with a result (a tie not played: in the FA Cup of the 1870s both clubs might go through).
struct UndecidedTieFinding {
  TieSummary tie;
  std::optional<Aggregate> aggregate;  // the legs' own; none when no leg has a result
  std::string reason;                  // one sentence
};

// A club name no rule could bind; it got a club of its own meanwhile.
struct NameReviewFinding {
  std::int64_t id = 0;
  std::string name;
  std::string reason;                 // "unknown" or "ambiguous"
  std::optional<ClubRef> club;        // the club it got meanwhile
  std::vector<std::string> candidates;  // names of the clubs it may mean, best first
  std::optional<Evidence> evidence;   // where it was met
};

// Facts in a tie's legs that its competition's rules of the season do not allow.
struct RuleAnomalyFinding {
  TieSummary tie;
  std::vector<std::string> anomalies;  // one sentence each (rule_anomalies)
};

// Whether the database file is whole (SQLite's checks of its pages and indexes, and foreign keys).
struct IntegrityFinding {
  std::string check;                  // "quick_check" or "integrity_check"
  std::vector<std::string> problems;  // as SQLite reports them; empty: the file is whole
};

struct CheckReport {
  IntegrityFinding integrity;
  // The findings below are read only from a whole file: empty when integrity has problems.
  std::vector<ConflictFinding> conflicts;
  std::vector<DisagreementFinding> disagreements;
  std::vector<PartialTieFinding> partial_ties;
  std::vector<NameReviewFinding> name_reviews;
  std::vector<RuleAnomalyFinding> rule_anomalies;
  std::vector<UndecidedTieFinding> undecided_ties;
};

struct CheckOptions {
  // PRAGMA integrity_check (every index compared with its table) instead of quick_check.
  bool full = false;
};

// Every finding in `db`, each list ordered by season, competition, round order and tie (name
// reviews by when they were queued); first whether the file is whole. Reads only; throws
// Error(kDatabase) when the database cannot be read.
FOOTBALLDB_API CheckReport check(const Database& db, const CheckOptions& options = {});

}  // namespace footballdb
