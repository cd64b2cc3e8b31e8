// The assembler: turns a parser's records into ties and legs in the database. It gives each
// record its full context (competition, season, canonical round), resolves club names (using
// a tie's known club to bind a hard name of its opponent, and the other names of the round to
// tell which of two names bound to one club is that club), and merges every record into the
// store once its round's records are read (a bounded window), so that legs, pairings and
// stated results of one tie from any number of sources meet in one tie. Every format's ties
// come this way, the interchange document's too.
#pragma once

#include <map>
#include <unordered_map>
#include <optional>
#include <string>
#include <vector>

#include "vocabulary/competition_names.hpp"
#include "import/import_context.hpp"
#include "import/records.hpp"

namespace footballdb::import {

class Assembler {
 public:
  explicit Assembler(ImportContext& context) : ctx_(context) {}

  // Takes one record; call in source order. Throws Error(kInput) with the record's place when
  // its context cannot be completed (no competition, no season).
  void operator()(Record&& record);
  // Merges what is still held back; call after the last record.
  void finish();

 private:
  // The record's round in full: the record's context, else the command line's, else what the
  // file's name or the record's date imply. Creates the round (in canonical order) if needed;
  // `knockout` is the source's word for a round vocabulary::canonical_round does not know.
  // `order` is the round's place in its season where the source states it; `listed`: a new
  // round the source does not place goes after the season's rounds (in the order the source
  // lists its rounds), not in its canonical place.
  storage::RoundKey round_of(const Context& context, const SourceLocation& where,
                             const std::optional<Date>& date,
                             std::optional<bool> knockout = std::nullopt,
                             std::optional<int> order = std::nullopt, bool listed = false);
  // A draft of the tie of `clubs` in `round`, with the record at `where` as its evidence.
  storage::TieDraft draft_of(const storage::RoundKey& round, std::optional<int> number,
                             const ClubPair& clubs, const SourceLocation& where) const;
  // The group a record's round names ("Group A" is group A), if any.
  std::optional<std::string> group_of(const Context& context) const;
  // The round of a tie, leg or interchange record (round_of, with what the record gives).
  storage::RoundKey round_key(Record& record);
  // Binds and merges the records of the window, one round's, in source order, after telling
  // the club lookup the pairings they name (ClubLookup::expect): which of two names of a round
  // bound to one club is that club does not depend on which comes first.
  void release();
  // Binds and merges one record of `round`.
  void take(Record& record, const storage::RoundKey& round);
  void round(const RoundRecord& r);
  void tie(const TieRecord& r, const storage::RoundKey& round);
  void leg(const LegRecord& r, const storage::RoundKey& round);
  // Whether tie record `t` is the row of the leg at `where` between these names (a CSV row's
  // stated winner, read after the row's leg).
  static bool same_row(const TieRecord& t, const SourceLocation& where, const std::string& home,
                       const std::string& away, const std::optional<std::string>& home_country,
                       const std::optional<std::string>& away_country,
                       std::optional<int> number);
  // Merges `draft` into the store; a draft that contradicts its own file at an earlier line is
  // an input error at `where`.
  void merge(const storage::TieDraft& draft, const SourceLocation& where);

  // Stores the leg held back, if any.
  void flush();

  // A leg's draft is held back one record: a tie record of the same line and clubs that
  // follows it (a CSV row's stated winner) joins it, so the row is resolved and merged once.
  struct Pending {
    storage::TieDraft draft;
    SourceLocation where;
    ClubPair clubs;
    std::string home, away;  // the source's spellings, with the countries it gave them
    std::optional<std::string> home_country, away_country;
  };
  std::optional<Pending> pending_;

  // Records held until their round is complete (or kWindowRecords of it are held), with their
  // rounds: the names of a round are all seen before any is bound.
  struct Held {
    Record record;
    storage::RoundKey round;
  };
  std::vector<Held> window_;
  static constexpr std::size_t kWindowRecords = 4096;

  ImportContext& ctx_;
  std::optional<std::string> last_season_;  // a season inferred from dates, for undated records
  std::unordered_map<std::string, storage::RoundKey> memo_;  // round_of's answers by their inputs
  static constexpr std::size_t kMemoRounds = 4096;
};

}  // namespace footballdb::import
