// What every format's importer works with while one file is imported.
#pragma once

#include <map>
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
// spelling is recorded with the layer that matched), unless a fuzzy layer found it and the club
// already plays another opponent in the pairing's knockout round: two names paired with
// different opponents in one knockout round are different clubs. A name it cannot resolve alone
// is bound through its tie: when the other club of the pairing is known and exactly one of its
// opponents in the round can bear the name, the name is that opponent. A name still unbound gets
// a club of its own, so that no fact is lost, and goes to the review queue with its candidates.
// Whichever of two sources of one pairing comes first, the result is the same: a name bound
// through a tie settles the review it awaited, and a later pairing settles a review through the
// tie of an earlier one (settle_through_tie).
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
  // What the matcher resolved a name to, and by which layer ("exact": a known spelling).
  struct Match {
    ClubId club;
    std::string method;
    // The club is a placeholder: one an import gave a name that still awaits review. It stands
    // for the name, not for knowledge of a club, so ties may still bind the name.
    bool placeholder = false;
  };
  // The matcher's answer for `name` in `context` (cached), without recording anything.
  std::optional<Match> match(const std::string& name, const MatchContext& context);
  // Records `name` as a spelling of the club `m` found, bound by its layer (nothing for a known
  // spelling).
  void learn(const std::string& name, const Match& m, const SourceLocation& where);
  // Whether `club` plays a tie in knockout round `round` against a club other than `other`
  // (a placeholder whose name may mean `other` is not known to be another club).
  bool paired_elsewhere(ClubId club, ClubId other, const storage::RoundKey& round);

  // `name` bound through the ties in `round` of `known`, when exactly one of its opponents there
  // can bear the name.
  std::optional<ClubId> through_tie(const std::string& name, const MatchContext& context,
                                    ClubId known, const storage::RoundKey& round,
                                    const SourceLocation& where);
  // Both names bound through the one stored tie in `round` between a club each may mean.
  std::optional<ClubPair> through_one_tie(const std::string& a, const MatchContext& context_a,
                                          const std::string& b, const MatchContext& context_b,
                                          const storage::RoundKey& round,
                                          const SourceLocation& where);
  // A club of its own for `name`, queued for review (the club it got before when the name
  // already awaits review).
  ClubId unbound(const std::string& name, const SourceLocation& where,
                 const MatchContext& context);
  // The hard evidence of a mention: the country the source states (as the registry writes its
  // code) and the countries the competition admits.
  static MatchContext context(const std::optional<std::string>& country,
                              const std::optional<std::string>& competition);

  // The matcher over the clubs as they are now (a merge rebuilds it).
  const names::Matcher& matcher() { return clubs_.current(); }
  // When `name` (in `context`) awaits review with a club of its own and a tie has just bound it
  // to `club`, the review is settled: its club is `club`. So a source that binds the name
  // through a tie does what a later source pairing the tie would do (settle_through_tie).
  void settle_name(const std::string& name, const MatchContext& context, ClubId club);
  // When `known` has a tie in `round` against a club of its own that an earlier source gave a
  // name awaiting review, `other` is a club that name may mean, and `known` has no tie against
  // `other` yet, the two sources describe one tie: the review is accepted and that club merged
  // into `other`. Only when exactly one answer fits: one such opponent of `known`, no other
  // opponent of `known` that may bear the name, and in a knockout round no tie of `other` yet.
  void settle_through_tie(ClubId known, ClubId other, const storage::RoundKey& round);
  // When `club` has no tie in `round` yet and exactly one placeholder that may be `club` has a
  // tie there against a club the pairing's other side may be (`other` itself or a placeholder
  // that may be it when `other` is known, else a club `other_name` may name), an earlier source
  // gave this pairing under a name awaiting review: the review is settled into `club`. Returns
  // whether it was.
  bool settle_into(ClubId club, const std::string& other_name, std::optional<ClubId> other,
                   const storage::RoundKey& round);
  // Accepts `review` by merging its club into `into` (method "tie"), unless the two cannot be
  // one club; forgets what pointed at the merged club. Returns whether it was accepted.
  bool settle(const storage::OpenReview& review, ClubId into);
  // Whether the name of `review` may mean `club`: one of its candidates, or a name it can bear.
  bool fits(const storage::OpenReview& review, ClubId club);
  // Forgets every cached answer that is `club`.
  void forget(ClubId club);

  storage::ClubIndex& clubs_;
  storage::Store& store_;
  SourceId source_;
  FileReport& report_;
  // By name and country: names the matcher resolved, names given a club of their own.
  std::unordered_map<std::string, Match> cache_;
  std::unordered_map<std::string, ClubId> unbound_;
  // The placeholder ties of each round met so far (Store::placeholder_ties), kept until a
  // placeholder is made, given a tie or settled: a round holds hundreds of ties, and every
  // pairing asks.
  std::map<storage::RoundKey, std::vector<storage::Store::PlaceholderTie>> placeholder_ties_;
  bool placeholder_given_ = false;  // unbound() gave a name its placeholder since pair() began
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
