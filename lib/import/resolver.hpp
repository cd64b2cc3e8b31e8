// Resolution: which club each name of a record means, decided from the matcher and from what the
// database holds (ties of the round, names awaiting review), without writing anything. It
// returns bindings with their evidence; the assembler's ClubLookup (import_context.hpp) applies
// them and is the only writer.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "footballdb/names.hpp"
#include "names/matcher.hpp"
#include "storage/store.hpp"

namespace footballdb::import {

// How strongly a name the matcher resolves names its club: by the club's own name, by another
// known spelling, or by a looser fit (a matcher layer past "exact").
enum : int { kOwnName = 0, kSpelling = 1, kLooser = 2 };

// How one name of a record is bound, and on what evidence.
struct Binding {
  std::string name;
  MatchContext context;
  // The club; nullopt: the name gets a club of its own (a placeholder) and awaits review.
  std::optional<ClubId> club;
  // "exact" (a known spelling), a matcher layer, "tie" (through a stored tie of the round),
  // "review" (the placeholder the name was given before) or "new" (a placeholder to create).
  std::string method;
  // How strongly the name names the club: kOwnName, kSpelling or kLooser.
  int strength = kLooser;
  // Record `name` as a spelling of `club`, bound by `method`.
  bool learn = false;
  // The club is a placeholder (one awaiting review), or is to be one.
  bool placeholder = false;
  // For a new placeholder: why it awaits review ("unknown", "ambiguous") and the clubs it may
  // mean, as name_reviews.candidates stores them.
  const char* reason = nullptr;
  std::string candidates;
};

// A name awaiting review that a tie shows to be `into`: its placeholder is to be merged there.
struct Settlement {
  storage::OpenReview review;
  ClubId into;
};

// The two names of a pairing as bound; b is nullopt when the source names one club.
struct PairBinding {
  Binding a;
  std::optional<Binding> b;
  // Reviews that this pairing settles (a name bound through a tie that awaited review).
  std::vector<Settlement> settlements;
};

// The hard evidence of a mention: the country the source states (as the registry writes its
// code) and the countries the competition (canonical) admits.
MatchContext match_context(const std::optional<std::string>& country,
                           const std::optional<std::string>& competition);

// Binds names to clubs. A name the matcher resolves is that club (a new spelling is learned
// with the layer that matched), unless the club already plays another opponent in the
// pairing's knockout round, or the file names it more strongly in another pairing of the round
// (expect): two names paired with different opponents in one knockout round are different
// clubs, and the stronger keeps the club. A name it cannot resolve alone is bound through its tie:
// when the other club of the pairing is known and exactly one of its opponents in the round can
// bear the name, the name is that opponent. A name still unbound gets a club of its own, so that
// no fact is lost, and awaits review with its candidates. Whichever of two sources of one
// pairing comes first, the result is the same (earlier_pairings, through_pairing).
//
// Reads only. It caches answers for the file being imported; the writer tells it what it wrote
// (placed, settled, round_changed) so that the caches stay true.
class Resolver {
 public:
  Resolver(storage::ClubIndex& clubs, storage::Store& store) : clubs_(clubs), store_(store) {}

  // `name` on its own (no tie to help): the club the matcher resolves, else a placeholder.
  Binding alone(const std::string& name, const MatchContext& context);
  // The club the matcher resolves `name` to, as a binding, or nullopt.
  std::optional<Binding> resolved(const std::string& name, const MatchContext& context);

  // Before the records of a window of one round are bound, once per pairing they name: a club
  // the window names more strongly (Binding::strength) in another pairing is not the club a
  // weaker name means, whichever comes first. `a` and `b` must live until expected_done().
  void expect(const std::string& a, const MatchContext& context_a, const std::string& b,
              const MatchContext& context_b, const storage::RoundKey& round);
  // The window is bound: its pairings are no longer expected.
  void expected_done() {
    claims_.clear();
    claims_round_.reset();
  }

  // Step 1 of a pairing of two names in `round`: reviews of an earlier source's placeholder for
  // this pairing that the known club of either name settles (settle_into). To be applied before
  // pair() is asked.
  std::vector<Settlement> earlier_pairings(const std::string& a, const MatchContext& context_a,
                                           const std::string& b, const MatchContext& context_b,
                                           const storage::RoundKey& round);
  // Step 2: the clubs of a pairing (a leg's home and away, a tie's two clubs) in `round`.
  PairBinding pair(const std::string& a, const MatchContext& context_a,
                   const std::optional<std::string>& b, const MatchContext& context_b,
                   const storage::RoundKey& round);
  // Step 3, once both clubs are stored and before the pairing's tie is merged: reviews that the
  // pairing of `a` and `b` settles through a tie an earlier source gave (settle_through_tie).
  std::vector<Settlement> through_pairing(ClubId a, ClubId b, const storage::RoundKey& round);

  // Which of the pairing's clubs `name` is (a stated winner, a club given a walkover): a binding
  // to a or b, or nullopt when it names neither or both.
  std::optional<Binding> one_of(const std::string& name, std::optional<ClubId> a,
                                std::optional<ClubId> b);

  // The placeholder a name awaiting review already has, if any.
  std::optional<ClubId> waiting(const std::string& name, const MatchContext& context);

  // What the writer did: gave `name` the placeholder `club`; merged placeholder `club` away;
  // gave a placeholder a tie in some round.
  void placed(const std::string& name, const MatchContext& context, ClubId club);
  void settled(ClubId club);
  void round_changed() { placeholder_ties_.clear(); }

 private:
  // What the matcher resolved a name to, and by which layer ("exact": a known spelling).
  struct Match {
    ClubId club;
    std::string method;
    // The club is a placeholder: it stands for the name, not for knowledge of a club, so ties
    // may still bind the name.
    bool placeholder = false;
    int strength = kLooser;  // as Binding::strength
  };
  // The matcher's answer for `name` in `context` (cached).
  std::optional<Match> match(const std::string& name, const MatchContext& context);
  static Binding bound(const std::string& name, const MatchContext& context, const Match& m);
  // How strongly resolution `r` names its club (Binding::strength).
  static int strength(const Resolution& r);
  // Whether the window (expect) names `club` more strongly than `strength` in a pairing with
  // another opponent than `other_name` (`other`), and in none with it.
  bool claimed_elsewhere(ClubId club, int strength, std::string_view other_name,
                         std::optional<ClubId> other, const storage::RoundKey& round);
  // Whether `club` plays a tie in knockout round `round` against a club other than `other`
  // (a placeholder whose name may mean `other` is not known to be another club).
  bool paired_elsewhere(ClubId club, ClubId other, const storage::RoundKey& round);
  // `name` bound through the ties in `round` of `known`, when exactly one of its opponents there
  // can bear the name; the review it awaited, if any, is settled into that club.
  std::optional<Binding> through_tie(const std::string& name, const MatchContext& context,
                                     ClubId known, const storage::RoundKey& round,
                                     std::vector<Settlement>& settlements);
  // Both names bound through the one stored tie in `round` between a club each may mean.
  std::optional<std::pair<Binding, Binding>> through_one_tie(
      const std::string& a, const MatchContext& context_a, const std::string& b,
      const MatchContext& context_b, const storage::RoundKey& round,
      std::vector<Settlement>& settlements);
  // A binding through a tie: a name that means nothing else is learned as a spelling of the
  // club; one that may also mean other clubs ("Víkingur") is bound here only.
  static Binding by_tie(const std::string& name, const MatchContext& context, ClubId club,
                        const Resolution& alone);
  // The placeholder `name` has or is to get.
  Binding unbound(const std::string& name, const MatchContext& context);
  // When `name` awaits review with a club of its own and a tie has just bound it to `club`, its
  // review is settled into `club`.
  void settle_name(const std::string& name, const MatchContext& context, ClubId club,
                   std::vector<Settlement>& settlements);
  // When `club` has no tie in `round` yet and exactly one placeholder that may be `club` has a
  // tie there against a club the pairing's other side may be (`other` itself or a placeholder
  // that may be it when `other` is known, else a club `other_name` may name), an earlier source
  // gave this pairing under a name awaiting review: its review, to settle into `club`.
  std::optional<Settlement> settle_into(ClubId club, const std::string& other_name,
                                        std::optional<ClubId> other,
                                        const storage::RoundKey& round);
  // When `known` has a tie in `round` against a club of its own that an earlier source gave a
  // name awaiting review, `other` is a club that name may mean, and `known` has no tie against
  // `other` yet, the two sources describe one tie: the review, to settle into `other`. Only
  // when exactly one answer fits: one such opponent of `known`, no other opponent of `known`
  // that may bear the name, and in a knockout round no tie of `other` yet.
  std::optional<Settlement> settle_through_tie(ClubId known, ClubId other,
                                               const storage::RoundKey& round);
  // Whether the name of `review` may mean `club`: one of its candidates, or a name it can bear.
  bool fits(const storage::OpenReview& review, ClubId club);
  // The placeholder ties of `round` (ReviewStore::placeholder_ties), cached until round_changed();
  // the answer is valid until the next call.
  const std::vector<storage::ReviewStore::PlaceholderTie>& placeholder_ties(
      const storage::RoundKey& round);

  // The matcher over the clubs as they are now (a merge rebuilds it).
  const names::Matcher& matcher() { return clubs_.current(); }
  // matcher().resolve(name, context), remembered until the matcher changes: a pairing of two
  // names asks after each several times (alone, through a tie, for its placeholder).
  Resolution resolve(const std::string& name, const MatchContext& context = {});

  storage::ClubIndex& clubs_;
  storage::Store& store_;
  // By name and context: names the matcher resolved, names given a club of their own.
  std::unordered_map<std::string, Match> cache_;
  std::unordered_map<std::string, ClubId> unbound_;
  // resolve()'s answers by name and context, as of the matcher's changes() resolutions_at_.
  std::unordered_map<std::string, Resolution> resolutions_;
  std::uint64_t resolutions_at_ = 0;
  // The window's names of clubs stronger than a looser fit (expect): the club, how strongly,
  // and the opponent of the pairing (the source's spelling, and the club it resolves to);
  // sorted by club when first asked (claims_sorted_).
  struct Claim {
    ClubId club;
    int strength;
    std::string_view opponent;
    std::optional<ClubId> opponent_club;
  };
  std::vector<Claim> claims_;
  bool claims_sorted_ = false;
  std::optional<storage::RoundKey> claims_round_;  // the window's round
  bool claims_knockout_ = false;                    // only a knockout round's names claim
  // The placeholder ties of the rounds met last (at most kCachedRounds): a round holds
  // hundreds of ties, and every pairing asks.
  static constexpr std::size_t kCachedRounds = 4096;
  std::map<storage::RoundKey, std::vector<storage::ReviewStore::PlaceholderTie>> placeholder_ties_;
};

}  // namespace footballdb::import
