// Reconcile: what a draft changes in what is stored. Pure functions of the stored facts of
// one tie and a draft (no SQLite, no I/O): which stored tie a draft is, which stored leg each
// drafted leg is (the same match told with home and away swapped at a neutral ground, a
// replay, the return leg of a source that numbers both legs alike), the facts merged, and the
// differences that become conflicts. "A result is one fact": a result that differs anywhere
// changes nothing of the stored one; a source that knows less is no contradiction.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "footballdb/rules.hpp"
#include "reconcile/drafts.hpp"

namespace footballdb::reconcile {

// A score as conflicts keep it: "2-1", "" for none.
std::string score_text(const std::optional<Score>& score);

// A stored leg: its facts (id, number, clubs by id) and the sources that gave it, each with
// the first line it gave it at.
struct StoredLeg {
  Leg leg;
  std::vector<std::pair<SourceId, int>> sources;

  // The line `source` gave this leg at, or nullopt when it did not give it (0: not known).
  std::optional<int> line_of(SourceId source) const;
};

// A stored tie with its legs in order of number.
struct StoredTie {
  std::int64_t id = 0;
  std::optional<ClubId> club_a;
  std::optional<ClubId> club_b;
  std::optional<int> number;
  std::optional<ClubId> coin_toss_winner;
  std::optional<std::string> group;
  std::vector<StoredLeg> legs;
};

// One fact two accounts give differently: what is stored and what the draft claims, as text.
struct Difference {
  std::string field;
  std::string stored;
  std::string claimed;
};

// How conflicts name a club.
using NameOf = std::function<std::string(ClubId)>;

// "A v B" of two clubs, "?" for one not known.
std::string pair_text(std::optional<ClubId> a, std::optional<ClubId> b, const NameOf& name_of);

// Which of `candidates` (the stored ties of the draft's round that have one of its clubs, or
// its number when it names none, in id order) `draft` is. In a knockout round a tie with one
// of its clubs is the same tie; elsewhere only the same pair is.
struct TieMatch {
  const StoredTie* tie = nullptr;         // nullptr: a new tie, unless `pairing` is set
  std::optional<Difference> pairing;      // the draft fits more than one tie, or a tie's
                                          // clubs cannot take its clubs: nothing is merged
  std::optional<ClubId> club_a, club_b;   // the tie's clubs once the draft is merged
  std::optional<int> number;
  std::optional<ClubId> coin_toss_winner;
  bool clubs_changed = false;             // the draft fills a stored tie's empty place
  bool changed = false;                   // the stored tie's row is to be written
  std::vector<Difference> differences;    // of number and coin toss: conflicts of the tie
};
TieMatch match_tie(const std::vector<const StoredTie*>& candidates, const TieDraft& draft,
                   bool knockout, const NameOf& name_of);

// Where drafted leg `draft` goes in stored tie `tie` under `rules`. In a two-legged tie, and as
// a leg the source calls a replay, it goes as it is. In a one-match tie, a later match of a
// pairing left level is a replay (numbered after the match); the match told with home and away
// swapped is the match itself (its scores turned, its ground neutral); a leg the source numbers
// 2 or more stays as it is. Where the rules leave the legs to the sources (legs = 0) and know no
// replays, a match on another date with home and away swapped is the second leg.
LegDraft placed_leg(const StoredTie& tie, const LegDraft& draft, const RuleSet& rules);

// What one drafted leg does to stored tie `tie`.
struct LegMerge {
  enum class Action {
    kInsert,     // `leg` is a new leg of the tie (its number set)
    kMerge,      // `leg` is stored leg `index` with the draft's facts merged (`changed`)
    kConflict,   // the draft's number names a leg of other clubs: nothing is merged
    kOwnSource,  // the draft contradicts its own source's account of the leg: `contradiction`
  };
  Action action = Action::kInsert;
  std::size_t index = 0;  // the stored leg (kMerge, kConflict)
  Leg leg;
  bool changed = false;
  // A stored leg given another number first (the return leg of a source that numbers both
  // legs alike): (its index, its number).
  std::optional<std::pair<std::size_t, int>> renumbered;
  std::vector<Difference> differences;  // conflicts of the leg (field "home_away" for kConflict)
  std::string contradiction;
};
// `source` is the draft's source (for an interchange draft, the first source of its evidence).
LegMerge merge_leg(const StoredTie& tie, const LegDraft& draft, SourceId source,
                   const NameOf& name_of);

}  // namespace footballdb::reconcile
