// The ties, legs, tie_claims, tie_evidence, leg_evidence and conflicts tables: merging assembled
// ties into what is stored, as reconcile decides, and writing their outcomes once each.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "footballdb/types.hpp"
#include "reconcile/drafts.hpp"
#include "reconcile/reconcile.hpp"
#include "storage/round_store.hpp"
#include "storage/statement_cache.hpp"

namespace footballdb::storage {

using reconcile::ClaimDraft;
using reconcile::LegDraft;
using reconcile::TieDraft;

// What merging one draft did.
struct MergeResult {
  std::optional<TieId> tie;  // nullopt when the draft conflicted and was not merged
  bool added = false;        // a new tie
  int legs_added = 0;
  int legs_confirmed = 0;
  int claims = 0;
  int conflicts = 0;
  // Set when the draft contradicts what its own source said of the same match at an earlier
  // line (a file that gives one match twice, differently): the file's error, not a conflict
  // between sources. Nothing of the draft's contradicting leg was written.
  std::optional<std::string> contradicts_own_source;
};

class TieStore {
 public:
  TieStore(StatementCache& statements, RoundStore& rounds)
      : statements_(statements), rounds_(rounds) {}

  // Merges `draft` into the stored ties of its round: a tie with one of its clubs (a knockout
  // round) or with both (other rounds) is the same tie; legs with the same home and away club
  // are the same leg (reconcile decides). Missing facts are filled in; facts that differ from
  // stored ones become conflicts; evidence and claims are added. The tie's outcome is due:
  // write_outcomes computes it.
  MergeResult merge(const TieDraft& draft);
  // Computes and stores the outcome of every tie merge touched since the last call, once
  // each, under the rules its round had then. Call before anything reads outcomes (the end of
  // a file) and before the rounds are forgotten.
  void write_outcomes();
  // The opponent of each stored tie `club` has in `round`, in tie order (nullopt while a tie's
  // opponent is unknown); empty when it has none. In a knockout round a club has one tie at the
  // most. Creates the round when it is new, no tie.
  std::vector<std::optional<ClubId>> opponents(const RoundKey& round, ClubId club);
  // Forgets what was read (before anything else changes ties: a club merge).
  void forget();

 private:
  void add_conflict(std::optional<std::int64_t> tie, std::optional<std::int64_t> leg,
                    SourceId source, int line, const std::string& field, const std::string& stored,
                    const std::string& claimed);
  // The club's name, for conflicts that show clubs.
  std::string club_name(ClubId club);

  // What this import has read of the stored ties, so that each is read once: the ties of each
  // round it touched (each club's, in id order) and their legs when a draft needed them.
  // Bounded: past kCachedTies the cache starts again, with the rounds (outcomes due are written
  // first).
  struct CachedTie {
    reconcile::StoredTie tie;
    bool legs_loaded = false;
  };
  struct RoundTies {
    std::vector<std::int64_t> ids;  // every tie of the round, in id order
    std::unordered_map<std::int64_t, std::vector<std::int64_t>> by_club;  // tie ids in id order
  };
  static constexpr std::size_t kCachedTies = 1 << 15;
  // The ties of round `round_id`, read on first use.
  RoundTies& round_ties(std::int64_t round_id);
  // Tie `id` of a round read by round_ties, its legs read on first use.
  reconcile::StoredTie& tie_with_legs(std::int64_t id);
  // Adds `tie` (just stored, or given a club) to its round's clubs.
  void index_club(RoundTies& round, std::int64_t tie, std::optional<ClubId> club);
  // Writes leg `merge` of stored tie `tie` as reconcile decided it; counts into `result`. A
  // line of `tie_lines` (the tie's, not yet recorded) that it records as the leg's evidence is
  // marked as the tie's too, and taken out of `tie_lines`.
  void write_leg(reconcile::StoredTie& tie, const LegDraft& draft, SourceId source,
                 const reconcile::LegMerge& merge, MergeResult& result,
                 std::vector<std::pair<SourceId, int>>& tie_lines);

  StatementCache& statements_;
  RoundStore& rounds_;
  std::unordered_map<std::int64_t, RoundTies> round_ties_;
  std::unordered_map<std::int64_t, CachedTie> ties_;
  std::vector<std::pair<std::int64_t, std::int64_t>> outcomes_due_;  // (tie, round id)
};

}  // namespace footballdb::storage
