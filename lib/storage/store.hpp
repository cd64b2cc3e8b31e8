// The write side of the database, used inside one import transaction: sources, clubs and
// their names, rounds, and merging assembled ties into what is stored.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "footballdb/rules.hpp"
#include "footballdb/types.hpp"
#include "storage/club_index.hpp"
#include "storage/review.hpp"
#include "storage/statement_cache.hpp"

namespace footballdb::storage {

// Where a draft's tie lives. Strings are canonical (season "2012-13").
struct RoundKey {
  std::string competition;
  std::string season;
  std::string round;

  friend bool operator<(const RoundKey& a, const RoundKey& b) {
    return std::tie(a.competition, a.season, a.round) <
           std::tie(b.competition, b.season, b.round);
  }
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

class Store {
 public:
  Store(StatementCache& statements, ClubIndex& clubs) : statements_(statements), clubs_(clubs) {}

  // The source with this content hash, if it was imported before, with the options it was
  // imported with (a JSON object; nullopt when not known: an import from before they were kept).
  struct StoredSource {
    SourceId id;
    std::string format;                  // the format it was read as
    std::optional<std::string> options;
  };
  std::optional<StoredSource> find_source(const std::string& sha256);
  SourceId add_source(const std::string& path, const std::string& sha256,
                      const std::string& format, const std::string& imported_at,
                      const std::optional<std::string>& options);

  // A new club; its name becomes its first spelling, bound by `origin`.
  ClubId add_club(const std::string& name, const std::optional<std::string>& country,
                  const std::optional<std::string>& city, const char* origin,
                  std::optional<SourceId> source, int line = 0);
  // The clubs whose canonical name is `name` in `country`, in id order.
  std::vector<ClubId> find_clubs(const std::string& name, const std::optional<std::string>& country);
  // Sets `club`'s country and city where they are unknown; known ones are kept.
  void fill_club_details(ClubId club, const std::optional<std::string>& country,
                         const std::optional<std::string>& city);
  // Records `name` as a spelling of `club`, bound by `method` ("registry", "user", a matcher
  // layer ...) and first seen at `source`:`line` (nothing when it is known already).
  void add_club_name(ClubId club, const std::string& name, const std::optional<std::string>& lang,
                     std::optional<SourceId> source, const std::string& method, int line = 0);

  // The id of the competition `name`, creating it if needed.
  std::int64_t competition_id(const std::string& name);
  // The id of a round, creating its competition, season and round as needed. A new round is
  // placed at `order` when given, else after the season's last round. Throws Error(kUsage)
  // for a season that is not canonical.
  std::int64_t round_id(const RoundKey& key, std::optional<int> order = std::nullopt,
                        std::optional<bool> knockout = std::nullopt);
  // Records that `source` named round `round_id` `name` (its own words: "Achtelfinale", "s").
  void add_round_name(std::int64_t round_id, SourceId source, std::string_view name);
  // Creates or updates a competition's rules from a season on, for every round or for the one
  // round `round` (canonical name); outcomes are not recomputed.
  void put_rules(const std::string& competition, int from_season_year, const RuleSet& rules,
                 const std::string& round = {});
  // Recomputes the outcome of every tie of `competition` under its current rules.
  void recompute_competition(const std::string& competition);

  // The opponent of each stored tie `club` has in `round`, in tie order (nullopt while a tie's
  // opponent is unknown); empty when it has none. In a knockout round a club has one tie at the
  // most. Creates the round when it is new, no tie.
  std::vector<std::optional<ClubId>> opponents(const RoundKey& round, ClubId club);
  // Whether `round` is a knockout round (each club in one tie). Creates the round when it is new.
  bool knockout(const RoundKey& round);

  // A tie of a round played by a placeholder: a club an import gave a name that awaits review.
  struct PlaceholderTie {
    OpenReview review;  // its club is the placeholder
    std::optional<ClubId> opponent;
  };
  // Every tie in `round` of a club with an open review, in tie order (a tie of two placeholders
  // twice, once for each).
  std::vector<PlaceholderTie> placeholder_ties(const RoundKey& round);
  // The open review whose name was given club `club` (see storage/review.hpp).
  std::optional<OpenReview> open_review_of(ClubId club);
  // Accepts `review` by merging its club into `into`, the name bound by `method`. Returns false,
  // with nothing changed, when the two clubs cannot be one (merge_clubs' Error(kConflict): they
  // are recorded as distinct, met each other, or played one round against different clubs).
  bool try_accept_review(const OpenReview& review, ClubId into, const std::string& method);
  // The club `name` (seen with `country`) was given when it was queued for review, while the
  // review is open.
  std::optional<ClubId> reviewed_club(const std::string& name,
                                      const std::optional<std::string>& country);
  // Queues `name` for review: it got club `club` of its own at `source`:`line`; `candidates` is
  // a JSON array of the clubs it may mean.
  void add_review(const std::string& name, const char* reason, ClubId club,
                  const std::string& candidates, SourceId source, int line);

  // Merges `draft` into the stored ties of its round: a tie with one of its clubs (a knockout
  // round) or with both (other rounds) is the same tie; legs with the same home and away club
  // are the same leg. Missing facts are filled in; facts that differ from stored ones become
  // conflicts; evidence and claims are added; the tie's outcome is recomputed.
  MergeResult merge_tie(const TieDraft& draft);

 private:
  struct RoundInfo {
    std::int64_t id;
    bool knockout;
    RuleSet rules;
  };
  const RoundInfo& round_info(const RoundKey& key, std::optional<int> order,
                              std::optional<bool> knockout);
  void add_conflict(std::optional<std::int64_t> tie, std::optional<std::int64_t> leg,
                    SourceId source, int line, const std::string& field,
                    const std::string& stored, const std::string& claimed);
  // The club's name, for conflicts that show clubs.
  std::string club_name(ClubId club);
  // When `draft` gives the number of the stored leg `other` of tie `tie` to the return fixture
  // (home and away swapped) and `source` gave `other` too, the source labels both legs alike:
  // the legs are told apart by the swap and numbered 1 and 2 by date (the stored one first
  // when the dates do not tell). Renumbers `other` and returns the draft's number; nullopt
  // (nothing changed) in any other case, such as a tie that has more legs.
  std::optional<int> swap_numbers(std::int64_t tie, const Leg& other, const LegDraft& draft,
                                  SourceId source);
  // `draft` placed in the one-match tie `tie`: a later match of a pairing left level is a replay
  // (numbered after the match), the match told with home and away swapped is the match itself
  // (its scores turned, its ground neutral); else `draft` as it is, as is a leg the source
  // numbers 2 or more.
  LegDraft in_one_match_tie(std::int64_t tie, const LegDraft& draft);
  // Merges one leg into stored tie `tie`; counts into `result`.
  void merge_leg(std::int64_t tie, const LegDraft& draft, SourceId source, MergeResult& result);
  // Whether stored leg `leg`, which `draft` contradicts in `field`, was given by `source`
  // itself: then says so in `result` (contradicts_own_source) and returns true.
  bool own_contradiction(std::int64_t leg, const LegDraft& draft, SourceId source,
                         const std::string& field, const std::string& was,
                         const std::string& claimed, MergeResult& result);

  StatementCache& statements_;
  ClubIndex& clubs_;
  std::map<RoundKey, RoundInfo> rounds_;
  std::unordered_map<std::string, std::int64_t> competitions_;
};

}  // namespace footballdb::storage
