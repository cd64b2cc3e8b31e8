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
#include "reconcile/drafts.hpp"
#include "reconcile/reconcile.hpp"
#include "storage/club_index.hpp"
#include "storage/review.hpp"
#include "storage/statement_cache.hpp"

namespace footballdb::storage {

using reconcile::ClaimDraft;
using reconcile::kAllLegFacts;
using reconcile::LegDraft;
using reconcile::LegFact;
using reconcile::RoundKey;
using reconcile::stated_facts;
using reconcile::TieDraft;
using reconcile::kFactDate;
using reconcile::kFactKickoff;
using reconcile::kFactVenue;
using reconcile::kFactNeutral;
using reconcile::kFactResult;
using reconcile::kFactHalfTime;
using reconcile::kFactExtraTime;
using reconcile::kFactPenalties;

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
  // are the same leg (reconcile decides). Missing facts are filled in; facts that differ from
  // stored ones become conflicts; evidence and claims are added. The tie's outcome is due:
  // write_outcomes computes it.
  MergeResult merge_tie(const TieDraft& draft);
  // Computes and stores the outcome of every tie merge_tie touched since the last call, once
  // each. Call before anything reads outcomes (the end of a file).
  void write_outcomes();

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
  // Forgets what was read (before anything else changes ties: a club merge).
  void forget_ties();
  // Forgets the rounds read, with their rules (no outcome may be due).
  void forget_rounds();
  // Writes leg `merge` of stored tie `tie` as reconcile decided it; counts into `result`.
  void write_leg(reconcile::StoredTie& tie, const LegDraft& draft, SourceId source,
                 const reconcile::LegMerge& merge, MergeResult& result);

  StatementCache& statements_;
  ClubIndex& clubs_;
  std::map<RoundKey, RoundInfo> rounds_;
  const std::pair<const RoundKey, RoundInfo>* last_round_ = nullptr;  // round_info's last answer
  std::unordered_map<std::int64_t, const RoundInfo*> rounds_by_id_;
  std::unordered_map<std::int64_t, RoundTies> round_ties_;
  std::unordered_map<std::int64_t, CachedTie> ties_;
  std::vector<std::pair<std::int64_t, std::int64_t>> outcomes_due_;  // (tie, round id)
  // open_review_of's answers; a club's review is opened only by add_review and closed only by
  // a club merge (try_accept_review).
  std::unordered_map<ClubId, std::optional<OpenReview>> open_reviews_;
  std::unordered_map<std::string, std::int64_t> competitions_;
};

}  // namespace footballdb::storage
