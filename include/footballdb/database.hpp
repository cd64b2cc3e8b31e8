// A footballdb database: one SQLite file holding competitions, ties, legs, clubs and the
// evidence for all of them.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "footballdb/api.hpp"
#include "footballdb/names.hpp"
#include "footballdb/query.hpp"
#include "footballdb/rules.hpp"
#include "footballdb/types.hpp"

namespace footballdb {

struct OpenOptions {
  bool create_if_missing = true;  // else a missing file is an Error(kIo)
  // No writes, and no write lock ever taken: readers never wait for an import. A file in a
  // directory no one can write to is opened immutable (see Database::open).
  bool read_only = false;
  // With read_only: a file at an older schema version is migrated first, through a short
  // read-write open; false: such a file is an Error(kVersion).
  bool migrate = true;
  int busy_timeout_ms = 5000;     // how long to wait for another process's write lock
  // Fill a database that holds nothing yet (no club, no source) with the club registry shipped
  // with footballdb (data/clubs/): some 3,500 clubs with their spellings, the pairs known to be
  // distinct, city exonyms.
  bool load_registry = true;
};

namespace detail {
struct DatabaseAccess;
}

// The SQLite file name a read-only connection to the database at `path` uses: `path` itself, or,
// for a file in a directory no one may write to and with no WAL file beside it, an immutable
// URI ("file:/abs/path?immutable=1"), since SQLite could not create the shared-memory file its
// readers need there. For programs that hand the database to other SQLite tools (the sqlite3
// shell).
FOOTBALLDB_API std::string reader_location(const std::string& path);

// An open database. Move-only. One Database must not be used from two threads at once;
// several Database objects (in one process or several) may use one file concurrently: SQLite
// serialises writers, readers see the last committed state (WAL).
class FOOTBALLDB_API Database {
 public:
  // Opens (creating when allowed) the database at `path`, or an in-memory one for ":memory:",
  // and migrates it to the current schema. A read-write open takes the write lock only when it
  // has something to write (a new file, a migration). A read-only open of a file in a
  // directory that no one may write to, with no WAL file beside it, reads the file as
  // immutable: it cannot see changes made while it is open. Throws Error(kVersion) for a file
  // of another application or of a newer footballdb, Error(kBusy) when another connection
  // holds the write lock a migration needs, Error(kIo) or Error(kDatabase) when it cannot be
  // opened or migrated.
  static Database open(const std::string& path, const OpenOptions& options = {});

  Database(Database&&) noexcept;
  Database& operator=(Database&&) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  const std::string& path() const;
  // PRAGMA user_version: the number of migrations applied.
  int schema_version() const;
  // The schema version this build writes.
  static int latest_schema_version();

  // --- Clubs ---
  // Which club `name`, typed by a person, means, by the matcher's layers (names.hpp,
  // lib/names/matcher.hpp): known spellings, normalised and folded keys, transliteration,
  // distinctive words, exonyms and abbreviations. The clubs that play a tie within `scope` are
  // matched first; the others only when none of those fits. A reserve or youth team is meant
  // only when the name says so ("Bayern II"). "#12" is club 12; a country code in brackets
  // after the name narrows it to the clubs of that country ("Liverpool [ENG]"). An unknown
  // name's candidates are suggestions (method "contains"). Every candidate carries an
  // explanation of the match, its country and how many ties it plays.
  Resolution resolve(std::string_view name, const NameScope& scope = {}) const;
  // Resolves `name`; throws Error(kClub) listing the candidates (#id, name, country, ties) when
  // it is unknown or ambiguous.
  ClubRef require_club(std::string_view name, const NameScope& scope = {}) const;
  // The two clubs `a` and `b` name as a pairing: when the database holds ties between a club
  // `a` may mean and one `b` may mean, and all of them are between the same two clubs, those;
  // else each name resolved alone. Throws Error(kClub) as require_club does, or when several
  // pairings fit (listing them).
  std::pair<ClubRef, ClubRef> require_pair(std::string_view a, std::string_view b,
                                           const NameScope& scope = {}) const;
  std::optional<Club> club(ClubId id) const;
  // Clubs with a known spelling that contains `text` (accent- and case-folded), by name.
  std::vector<Club> find_clubs(std::string_view text) const;

  // --- Name review and aliases ---
  // The review queue: open reviews, in order of id; every review, decided ones too, when
  // `include_decided`.
  std::vector<NameReview> reviews(bool include_decided = false) const;
  std::optional<NameReview> review(ReviewId id) const;
  // Decides open review `id`: the name means `club`. The provisional club is merged into `club`
  // (its ties, legs and spellings become `club`'s; a tie both had in one round becomes one tie,
  // differing facts recorded as conflicts) and the name becomes a spelling of `club` (method
  // "review"). One transaction. `club` must be one of the candidates the review recorded (a
  // candidate merged into another club since counts as that club), unless the review has none
  // (a name the matcher knew nothing for: naming its club is the normal case) or `force` is
  // true. Throws Error(kUsage) for an unknown or decided review or club, and for a club that is
  // none of the candidates without `force` (the message names the review's name, the club and
  // the candidates as "#id name"); Error(kConflict) when the clubs are recorded as distinct,
  // played each other, or played one knockout round against different opponents. Nothing is
  // changed when it throws.
  void accept_review(ReviewId id, ClubId club, bool force = false);
  // Decides open review `id`: the name is a club of its own. The provisional club is confirmed
  // (origin "user") and keeps its ties. Returns it. Throws Error(kUsage) as accept_review does.
  ClubRef create_club(ReviewId id);
  // Decides open review `id`: the name is no club name. Facts stay as they are; the review is
  // marked rejected. Throws Error(kUsage) as accept_review does.
  void reject_review(ReviewId id);
  // Takes back the decision on review `id`, which is open again afterwards. An accept is undone
  // by putting back every row its merge changed (the provisional club, its spellings, its ties
  // and legs with their evidence, the ties it merged into) exactly as they were; this is refused
  // with Error(kConflict) when any of those rows changed since (a later import added evidence to
  // a merged tie, another merge moved the club), since the facts could then no longer be told
  // apart. Throws Error(kUsage) for an unknown or open review.
  void undo_review(ReviewId id);

  // Every known spelling of `club` (canonical name first); when nullopt, the spellings of every
  // club bound by anything but the registry (with `include_registry`: all), by club and name.
  std::vector<ClubAlias> aliases(std::optional<ClubId> club = std::nullopt,
                                 bool include_registry = false) const;
  // Makes `name` a spelling of `club` (method "user"), so that it resolves to `club` (unless
  // another club has the same spelling: then it is ambiguous). When `name` is the name of a
  // provisional club awaiting review, this accepts that review (accept_review, with `force`: a
  // club that is none of the review's candidates is refused without it) and returns its id.
  // Throws Error(kUsage) for an unknown club or an empty name, Error(kConflict) when `name` is
  // a spelling of a club recorded as distinct from `club`, or as accept_review does.
  std::optional<ReviewId> add_alias(std::string_view name, ClubId club, bool force = false);
  // `name` (exact text) is no longer a known spelling of `club` (or, when nullopt, of the one
  // club that has it): the matcher forgets it, a registry spelling too. Ties and legs already
  // bound through it keep their club. Throws Error(kUsage) when no club (or several, with no
  // `club` given) has the spelling, or when it is the club's canonical name.
  void remove_alias(std::string_view name, std::optional<ClubId> club = std::nullopt);

  // --- Sources ---
  // Every imported source, in the order of import, with what it is evidence of.
  std::vector<SourceSummary> sources() const;
  // Takes source `id` back, as if it had never been imported: the ties, legs and claims it alone
  // supported go, with the rounds, seasons and competitions left with nothing and the clubs it
  // brought that nothing else refers to (and their open reviews); what other sources support
  // too stays, each fact it stated derived again from what they stated (a fact another source
  // stated stands, one only sources in conflict with it stated becomes the first one's claim,
  // one no other source stated is forgotten), and the outcomes of the ties it touched are
  // computed again. The spellings first seen in it stay known. Throws Error(kUsage) for an
  // unknown source.
  SourceRemoval remove_source(SourceId id);

  // --- Ties and legs ---
  // Ties matching `filter`, ordered by season, competition, round order and tie number.
  std::vector<Tie> ties(const TieFilter& filter = {}) const;
  // The tables of the groups of group stages matching `filter` (competition, season, round;
  // "Group A" is group A of the group stage; club: the groups it played in), each group's
  // clubs in order of position.
  std::vector<Standing> standings(const TieFilter& filter = {}) const;
  std::optional<Tie> tie(TieId id) const;
  // Dated legs matching `filter`, ordered by date, kick-off time and id.
  std::vector<Fixture> fixtures(const FixtureFilter& filter = {}) const;
  // The first leg of `club` dated on or after `from`; nullopt when there is none.
  std::optional<Fixture> next_fixture(ClubId club, const Date& from) const;
  // The last leg of `club` dated before `before`; nullopt when there is none.
  std::optional<Fixture> previous_fixture(ClubId club, const Date& before) const;

  // --- Rules ---
  // The rules `competition` ("UEFA Europa League", "Europa League": names as users type them)
  // plays `season` by, in round `round` (canonical name; empty: the rules of every round): its
  // own (set_rules) where it has them, else default_rules. Throws Error(kUsage) for a season
  // that is not "YYYY" or "YYYY-YY".
  RuleSet rules(std::string_view competition, std::string_view season,
                std::string_view round = {}) const;
  // Makes `competition` play by `rules` from `from_season` on (until a later set_rules), in
  // every round or in round `round` only, and recomputes the outcome of every tie this changes.
  // Creates the competition if needed.
  void set_rules(std::string_view competition, std::string_view from_season, const RuleSet& rules,
                 std::string_view round = {});
  // Takes back what set_rules(competition, from_season, ..., round) did: the rules in force
  // before (an earlier set_rules, else default_rules) hold again, and outcomes are recomputed.
  // Throws Error(kUsage) when the competition has no rules of its own from that season for
  // that round.
  void unset_rules(std::string_view competition, std::string_view from_season,
                   std::string_view round = {});
  // Whether `competition` has rules of its own (set_rules) in force in `season` for `round`.
  bool has_own_rules(std::string_view competition, std::string_view season,
                     std::string_view round = {}) const;
  // Recomputes every knockout tie's stored outcome from its legs (from what its sources agree
  // on where the legs decide nothing); returns how many changed.
  int recompute_outcomes();

 private:
  friend struct detail::DatabaseAccess;
  struct Impl;
  explicit Database(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace footballdb
