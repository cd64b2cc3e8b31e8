// What an import assembled from one source, clubs resolved, before it meets what is stored:
// drafts of ties with their legs and claims. The assembler makes them; reconcile decides what
// they change; the store writes that.
#pragma once

#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "footballdb/types.hpp"

namespace footballdb::reconcile {

// Where a draft's tie lives. Strings are canonical (season "2012-13").
struct RoundKey {
  std::string competition;
  std::string season;
  std::string round;

  friend bool operator<(const RoundKey& a, const RoundKey& b) {
    return std::tie(a.competition, a.season, a.round) <
           std::tie(b.competition, b.season, b.round);
  }
  friend bool operator==(const RoundKey& a, const RoundKey& b) {
    return std::tie(a.competition, a.season, a.round) ==
           std::tie(b.competition, b.season, b.round);
  }
  friend bool operator!=(const RoundKey& a, const RoundKey& b) { return !(a == b); }
};

// The facts of a leg a source states, a bit each (leg_evidence.facts). The result is the
// status with the full-time score (or who a walkover or award went to); the parts after it
// are each a fact of their own that a source may add to an agreeing result.
enum LegFact : int {
  kFactDate = 1,
  kFactKickoff = 2,
  kFactVenue = 4,
  kFactNeutral = 8,
  kFactResult = 16,
  kFactHalfTime = 32,
  kFactExtraTime = 64,
  kFactPenalties = 128,
};
inline constexpr int kAllLegFacts = 255;
// The facts `leg` states.
int stated_facts(const Leg& leg);

// A leg as an importer read it, clubs resolved. leg.id and leg.evidence are ignored;
// leg.home.id / leg.away.id must be set.
struct LegDraft {
  Leg leg;
  bool numbered = false;  // leg.number comes from the source (else the next free number)
  int line = 0;
  // Evidence for the leg: (source, line) pairs; empty means the tie draft's source at `line`.
  std::vector<std::pair<SourceId, int>> evidence;
};

// What a source says of a tie's result. aggregate is in the draft's club_a, club_b order.
struct ClaimDraft {
  std::optional<ClubId> winner;
  std::optional<Aggregate> aggregate;
  std::optional<DecidedBy> decided_by;
  std::string text;
  int line = 0;
  std::optional<SourceId> source;  // when the claim comes from another source than the tie's
};

// A tie as an importer assembled it from one source.
struct TieDraft {
  RoundKey round;
  std::optional<int> number;
  std::optional<ClubId> club_a;  // set unless the draft names no club at all
  std::optional<ClubId> club_b;  // nullopt: the opponent is not known to this source
  std::optional<ClubId> coin_toss_winner;
  std::optional<std::string> group;  // the group of a group match ("A"), else nullopt
  std::vector<LegDraft> legs;
  std::vector<ClaimDraft> claims;
  // Evidence for the tie itself: (source, line) pairs; at least one.
  std::vector<std::pair<SourceId, int>> evidence;
};

}  // namespace footballdb::reconcile
