// What a parser reads out of a source file: plain records that keep the source's own words
// (raw club and round names) and where they stood (file:line:column). Parsers know nothing of
// the database, of clubs or of rules; the assembler turns records into ties and legs. The one
// exception is the interchange document, whose references the reader binds (DraftRecord).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <variant>

#include "footballdb/error.hpp"
#include "footballdb/types.hpp"
#include "reconcile/drafts.hpp"

namespace footballdb::import {

// Context a file states for what follows it (a heading, a "» Round 1" line, a CSV column).
// Every field is the source's raw text; nullopt where the file says nothing.
struct Context {
  std::optional<std::string> competition;
  std::optional<std::string> season;  // canonical ("2012-13", "2005") when the parser knows it
  std::optional<std::string> round;   // raw round name ("2.Qualifikationsrunde", "Semi–finals")
  // The source's own words for the round when the parser wrote `round` for them (the code "s"
  // of engsoccerdata's "Semi-finals"); nullopt: `round` is the source's own.
  std::optional<std::string> round_stated;
};

// A round heading, or a block that stands for a round without a heading (then `name` is the
// parser's best name, e.g. "First round" for the first unnamed block, and `inferred` is true).
// Rounds are reported in the order the source lists them.
struct RoundRecord {
  SourceLocation where;
  Context context;  // context.round is the round's name
  bool inferred = false;
  std::optional<bool> knockout;  // nullopt: the source does not say
  std::optional<int> order;      // the round's place in its season, where the source states it
  // The names other sources gave the round, as an interchange file carries them (round_names).
  std::vector<std::pair<SourceId, std::string>> stated;
};

// A pairing of two clubs, or what a source says of a tie's result. club_b is nullopt when the
// source does not name the opponent ("Gent won 3–2 on aggregate."); then club_a is the club
// named. Stated facts are evidence to check, not results.
struct TieRecord {
  SourceLocation where;
  Context context;
  std::optional<int> number;  // "(26)" in a pairing table
  std::string club_a;
  std::optional<std::string> club_b;
  std::optional<std::string> country_a;  // country code written with the name, e.g. "LTU"
  std::optional<std::string> country_b;
  std::optional<std::string> stated_winner;       // raw name of the club the source says went through
  std::optional<Aggregate> stated_aggregate;      // in club_a, club_b order
  std::optional<DecidedBy> stated_decided_by;
  std::optional<std::string> stated_coin_toss_winner;
  std::string text;  // the source's words for the claim, for evidence
};

// One match, as the source writes it: home club first. Scores are in home-away order.
struct LegRecord {
  SourceLocation where;
  Context context;
  std::optional<int> tie_number;
  std::optional<int> leg_number;  // 1, 2 when the source says so
  bool replay = false;
  LegStatus status = LegStatus::kPlayed;
  std::optional<Date> date;
  std::optional<LocalTime> kickoff;
  std::string home;
  std::string away;
  std::optional<std::string> home_country;
  std::optional<std::string> away_country;
  bool neutral_venue = false;
  std::optional<std::string> venue;
  std::optional<Score> full_time;
  std::optional<Score> half_time;
  std::optional<Score> extra_time;
  std::optional<Score> penalties;
  std::optional<std::string> awarded_to;  // raw name of the club given a walkover
};

// A tie of footballdb's interchange document (lib/interchange/), which names its clubs by
// reference to its own clubs section and its facts' evidence by its own sources section: the
// reader has bound both, so `draft` holds everything but the round, which the assembler works
// out from `context` as it does for every record.
struct DraftRecord {
  SourceLocation where;
  Context context;
  reconcile::TieDraft draft;
};

using Record = std::variant<RoundRecord, TieRecord, LegRecord, DraftRecord>;

// Receives records in source order. A parser calls it once per record, as it reads: nothing
// is buffered beyond what the format itself needs (e.g. a block of lines that belong together).
using RecordSink = std::function<void(Record&&)>;

}  // namespace footballdb::import
