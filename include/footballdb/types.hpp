// Plain value types of the football domain: ids, dates, scores, clubs, ties and legs.
// All of them are copyable values with no link to a database; unknowns are std::nullopt.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "footballdb/api.hpp"

namespace footballdb {

// A row id in one database. Ids of different tables are different types.
template <class Tag>
class Id {
 public:
  constexpr Id() = default;
  constexpr explicit Id(std::int64_t value) : value_(value) {}
  constexpr std::int64_t value() const { return value_; }
  friend constexpr bool operator==(Id a, Id b) { return a.value_ == b.value_; }
  friend constexpr bool operator!=(Id a, Id b) { return a.value_ != b.value_; }
  friend constexpr bool operator<(Id a, Id b) { return a.value_ < b.value_; }

 private:
  std::int64_t value_ = 0;
};

using ClubId = Id<struct ClubTag>;
using CompetitionId = Id<struct CompetitionTag>;
using SeasonId = Id<struct SeasonTag>;
using RoundId = Id<struct RoundTag>;
using TieId = Id<struct TieTag>;
using LegId = Id<struct LegTag>;
using SourceId = Id<struct SourceTag>;

// A calendar date (proleptic Gregorian).
struct FOOTBALLDB_API Date {
  int year = 0;
  int month = 0;
  int day = 0;

  // Parses "YYYY-MM-DD"; nullopt unless it is a real calendar date of the years 1801 to 2999
  // (so that every date's split season is a season).
  static std::optional<Date> parse(std::string_view iso);
  // Nullopt unless year/month/day form a real calendar date.
  static std::optional<Date> from_ymd(int year, int month, int day);
  // "YYYY-MM-DD".
  std::string to_string() const;

  friend bool operator==(const Date& a, const Date& b) {
    return a.year == b.year && a.month == b.month && a.day == b.day;
  }
  friend bool operator!=(const Date& a, const Date& b) { return !(a == b); }
  friend bool operator<(const Date& a, const Date& b) {
    if (a.year != b.year) return a.year < b.year;
    if (a.month != b.month) return a.month < b.month;
    return a.day < b.day;
  }
  friend bool operator<=(const Date& a, const Date& b) { return !(b < a); }
};

// A local wall-clock kick-off time, as the source gives it (no time zone).
struct FOOTBALLDB_API LocalTime {
  int hour = 0;
  int minute = 0;

  // Parses "HH:MM" (00:00 to 23:59); nullopt otherwise.
  static std::optional<LocalTime> parse(std::string_view text);
  // "HH:MM".
  std::string to_string() const;

  friend bool operator==(const LocalTime& a, const LocalTime& b) {
    return a.hour == b.hour && a.minute == b.minute;
  }
  friend bool operator!=(const LocalTime& a, const LocalTime& b) { return !(a == b); }
};

// Goals of a match: home club first.
struct Score {
  int home = 0;
  int away = 0;

  friend bool operator==(const Score& a, const Score& b) {
    return a.home == b.home && a.away == b.away;
  }
  friend bool operator!=(const Score& a, const Score& b) { return !(a == b); }
};

// Goals over a tie: a for the tie's first club, b for its second.
struct Aggregate {
  int a = 0;
  int b = 0;

  friend bool operator==(const Aggregate& x, const Aggregate& y) { return x.a == y.a && x.b == y.b; }
  friend bool operator!=(const Aggregate& x, const Aggregate& y) { return !(x == y); }
};

// A season: "2012-13" for a competition that straddles two years, "2005" for a calendar year.
struct FOOTBALLDB_API Season {
  // Parses "2012-13", "2012/13", "2012-2013", "2012/2013" or "2005"; the result is in canonical
  // form ("2012-13", "2005"). Nullopt when the text is not a season or the years do not follow.
  static std::optional<std::string> normalize(std::string_view text);
  // normalize(text), or Error(kUsage) "'text' is not a season (expected YYYY or YYYY-YY)".
  static std::string require(std::string_view text);
  // The year a canonical season starts in ("2012-13" -> 2012); nullopt when not canonical.
  static std::optional<int> start_year(std::string_view canonical);
  // The split season a match on `date` belongs to: July to June ("2012-07-05" -> "2012-13").
  static std::string split_season_of(const Date& date);
};

// What became of a leg.
enum class LegStatus {
  kPlayed,     // played; the score is the result on the pitch
  kScheduled,  // known fixture, no result (yet)
  kAwarded,    // result awarded by the organiser (e.g. 3-0 by forfeit); the score is the awarded one
  kWalkover,   // not played; `awarded_to` went through
  kAnnulled,   // played but annulled; it counts for nothing (a replacement leg may follow)
  kCancelled,  // not played and no result awarded; it counts for nothing
};
FOOTBALLDB_API std::string_view to_string(LegStatus status) noexcept;
FOOTBALLDB_API std::optional<LegStatus> parse_leg_status(std::string_view text) noexcept;

// How a tie was decided.
enum class DecidedBy {
  kAggregate,  // more goals over the two legs, extra time included
  kAwayGoals,  // equal aggregate, more goals away from home
  kPenalties,  // penalty shoot-out
  kReplay,     // a replay (play-off match) after the legs
  kCoinToss,   // drawing of lots
  kWalkover,   // the opponent did not play
  kAwarded,    // a result awarded by the organiser settled it
  kNormalTime,  // a one-match tie: its match, won in 90 minutes
  kExtraTime,   // a one-match tie: its match, won in extra time
  kBye,         // the club went through without a match (no opponent was drawn)
};
// "aggregate", "away_goals", "penalties", "replay", "coin_toss", "walkover", "awarded",
// "normal_time", "extra_time", "bye".
FOOTBALLDB_API std::string_view to_string(DecidedBy how) noexcept;
FOOTBALLDB_API std::optional<DecidedBy> parse_decided_by(std::string_view text) noexcept;
// How a tie was decided, in words that follow "X through" or "won": "on aggregate", "on away
// goals", "after a replay", "by walkover", ...
FOOTBALLDB_API std::string_view describe(DecidedBy how) noexcept;

// A club as a tie or leg names it: its id and canonical name.
struct ClubRef {
  ClubId id;
  std::string name;
};

// One spelling of a club's name and where it was first seen.
struct ClubName {
  std::string name;
  std::optional<std::string> lang;    // "en", "de", ... when known
  // The source file it was first seen in, else how it was bound: "registry", "nickname",
  // "user", "review".
  std::optional<std::string> origin;
};

struct Club {
  ClubId id;
  std::string name;                    // canonical name
  std::optional<std::string> country;  // country code as the registry gives it, e.g. "POL"
  std::optional<std::string> city;
  std::vector<ClubName> names;         // every known spelling, the canonical one included
};

// Where a fact came from.
struct Evidence {
  SourceId source;
  std::string path;  // the imported file
  int line = 0;      // 0: the file as a whole
};

// One imported source and what of the database it gives evidence of (footballdb sources).
struct SourceSummary {
  SourceId id;
  std::string path;         // absolute as imported; "<stdin>" for standard input
  std::string format;       // "csv", "json", "result-lines", ...
  std::string sha256;       // of its content: the same content is imported once
  std::string imported_at;  // UTC, "2026-12-02T13:51:17Z"
  // What the import was told besides the file ("competition", "season", "round", "format",
  // "mapping"), in that order; nullopt when not known (an import made before version 13 of the
  // schema kept none).
  std::optional<std::vector<std::pair<std::string, std::string>>> options;
  int ties = 0;             // ties it is evidence of
  int legs = 0;             // legs it is evidence of
  int claims = 0;           // outcomes it states
  int conflicts = 0;        // facts it states that differ from the stored ones
  int names = 0;            // club spellings first seen in it
  int reviews = 0;          // its names still awaiting review
};

// What taking a source back did (footballdb sources remove).
struct SourceRemoval {
  SourceId id;
  std::string path;
  int ties_removed = 0;       // ties it alone supported
  int legs_removed = 0;       // legs it alone supported
  int claims_removed = 0;     // the outcomes it stated
  int conflicts_removed = 0;  // its own, and those of others that now agree with what is stored
  int legs_rederived = 0;     // legs others support whose facts changed without it
  int outcomes_changed = 0;   // ties of those whose computed outcome changed
  int rounds_removed = 0;     // rounds (and seasons, competitions) left with nothing
  int clubs_removed = 0;      // clubs of its own that nothing else refers to
  int reviews_removed = 0;    // their names awaiting review
};

// One match of a tie.
struct Leg {
  LegId id;
  int number = 1;       // 1, 2, ... in order of play; replays continue the count
  bool replay = false;  // a play-off match after the regular legs
  LegStatus status = LegStatus::kPlayed;
  std::optional<Date> date;
  std::optional<LocalTime> kickoff;  // local time, as given
  ClubRef home;
  ClubRef away;
  bool neutral_venue = false;  // then neither club is away and away goals do not apply
  std::optional<std::string> venue;
  std::optional<Score> full_time;   // after 90 minutes (or the awarded score); a source may
                                    // give only extra_time
  std::optional<Score> half_time;
  std::optional<Score> extra_time;  // after extra time, the 90 minutes included
  std::optional<Score> penalties;   // shoot-out
  std::optional<ClubId> awarded_to;  // the club given a walkover
  std::vector<Evidence> evidence;

  // The final score: after extra time when played, else after 90 minutes.
  std::optional<Score> score() const { return extra_time ? extra_time : full_time; }
};

// What does not fit together in `leg`, in words ("half-time score above the full-time score"),
// or nullopt when its facts are consistent: the checks the schema makes. Thread-safe.
FOOTBALLDB_API std::optional<std::string> leg_problem(const Leg& leg);

// What a tie's legs decide, computed by the rules (see rules.hpp).
struct TieOutcome {
  std::optional<Aggregate> aggregate;  // over the regular legs, extra time included
  std::optional<ClubId> winner;        // nullopt: not decided by what is known
  std::optional<DecidedBy> decided_by;
  bool extra_time = false;  // extra time was played in some leg
  // The legs decide nothing (a partial tie, no results yet) and the outcome is what the sources
  // state, all of them agreeing. Always false from decide_tie.
  bool stated = false;
};

// What one source said of a tie's result: evidence, checked against the computed outcome.
struct StatedOutcome {
  Evidence evidence;
  std::optional<ClubRef> winner;
  std::optional<Aggregate> aggregate;  // in the tie's club order
  std::optional<DecidedBy> decided_by;
  std::string text;  // the source's words, e.g. "Gent won 3–2 on aggregate."
};

// A pairing of clubs in a knockout round.
struct Tie {
  TieId id;
  std::string competition;
  std::string season;
  std::string round;
  int round_order = 0;         // position of the round in its season
  std::optional<int> number;   // the tie's number in its source, e.g. 26 for "(26)"
  std::optional<std::string> group;  // a group match's pairing: its group ("A")
  // The round as the sources named it, where their words differ from `round` ("Achtelfinale",
  // "s"), sorted.
  std::vector<std::string> round_names;
  std::optional<ClubRef> club_a;  // nullopt only while a partial tie names no club at all
  std::optional<ClubRef> club_b;  // nullopt while the opponent is unknown
  std::vector<Leg> legs;          // in order of number
  std::optional<ClubRef> winner;
  TieOutcome outcome;
  std::optional<ClubRef> coin_toss_winner;  // evidence: who won the drawing of lots
  std::vector<StatedOutcome> stated;
  std::vector<Evidence> evidence;
  // A source states a winner, aggregate or decision that differs from the computed outcome, or
  // two sources state different ones.
  bool disagreement = false;
};

}  // namespace footballdb

template <class Tag>
struct std::hash<footballdb::Id<Tag>> {
  std::size_t operator()(footballdb::Id<Tag> id) const noexcept {
    return std::hash<std::int64_t>()(id.value());
  }
};
