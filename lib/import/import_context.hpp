// What every format's importer works with while one file is imported.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>

#include "footballdb/database.hpp"
#include "footballdb/error.hpp"
#include "footballdb/import.hpp"
#include "names/matcher.hpp"
#include "storage/store.hpp"

namespace footballdb::import {

// The two clubs of a tie or leg as resolved; b is nullopt when the source names one club.
struct ClubPair {
  std::optional<ClubId> a;
  std::optional<ClubId> b;
};

// Binds the club names met in one file to clubs. A name the matcher resolves is that club (a new
// spelling is recorded with the layer that matched). A name it cannot resolve alone is bound
// through its tie: when the other club of the pairing is known and already has a tie in the
// round, a name that can name that tie's opponent is that opponent. A name still unbound gets a
// club of its own, so that no fact is lost, and goes to the review queue with its candidates.
class ClubLookup {
 public:
  ClubLookup(storage::ClubIndex& clubs, storage::Store& store, SourceId source,
             FileReport& report)
      : clubs_(clubs), store_(store), source_(source), report_(report) {}

  // The club `name` means on its own (no tie to help).
  ClubId get(const std::string& name, const SourceLocation& where,
             const std::optional<std::string>& country = std::nullopt);

  // The clubs of a pairing in round `round` (a leg's home and away, a tie's two clubs).
  ClubPair pair(const std::string& a, const std::optional<std::string>& b,
                const std::optional<std::string>& country_a,
                const std::optional<std::string>& country_b, const storage::RoundKey& round,
                const SourceLocation& where);

  // Which of the pairing's clubs `name` is (a stated winner, a club given a walkover).
  // Throws Error(kInput) at `where` when it names neither.
  ClubId one_of(const std::string& name, const ClubPair& clubs, const SourceLocation& where);

  // The matcher's answer, or nullopt when it does not resolve the name. `country` is the one the
  // source states; `competition` (canonical) admits the countries it lists.
  std::optional<ClubId> resolved(const std::string& name, const SourceLocation& where,
                                 const std::optional<std::string>& country,
                                 const std::optional<std::string>& competition = std::nullopt);

 private:
  // `name` bound through the tie in `round` of `known`, when it can name that tie's opponent.
  std::optional<ClubId> through_tie(const std::string& name, ClubId known,
                                    const storage::RoundKey& round, const SourceLocation& where);
  // Both names bound through the one stored tie in `round` between a club each may mean.
  std::optional<ClubPair> through_one_tie(const std::string& a, const std::string& b,
                                          const storage::RoundKey& round,
                                          const SourceLocation& where);
  // A club of its own for `name`, queued for review (the club it got before when the name
  // already awaits review).
  ClubId unbound(const std::string& name, const SourceLocation& where,
                 const std::optional<std::string>& country,
                 const std::optional<std::string>& competition);
  // The hard evidence of a mention: the country the source states (as the registry writes its
  // code) and the countries the competition admits.
  static MatchContext context(const std::optional<std::string>& country,
                              const std::optional<std::string>& competition);

  // The matcher over the clubs as they are now (a merge rebuilds it).
  const names::Matcher& matcher() { return clubs_.current(); }
  // When `known` has a tie in `round` against a club of its own that an earlier source gave a
  // name awaiting review, and `other` is a club that name may mean (and has no tie in the round
  // yet), the two sources describe one tie: the review is accepted and that club merged into
  // `other`. So whichever of a pairing table and a results list comes first, one tie remains.
  void settle_through_tie(ClubId known, ClubId other, const storage::RoundKey& round);

  storage::ClubIndex& clubs_;
  storage::Store& store_;
  SourceId source_;
  FileReport& report_;
  // By name and country: names the matcher resolved, names given a club of their own.
  std::unordered_map<std::string, ClubId> cache_;
  std::unordered_map<std::string, ClubId> unbound_;
};

struct ImportContext {
  storage::Store& store;
  SourceId source;
  std::string path;
  const ImportOptions& options;
  FileReport& report;
  ClubLookup& clubs;

  // Counts what merging one tie did into the report.
  void count(const storage::MergeResult& merged);
};

}  // namespace footballdb::import
