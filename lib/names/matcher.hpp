// The in-memory club-name matcher: what a name in a source means, layer by layer.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "footballdb/names.hpp"
#include "footballdb/types.hpp"

namespace footballdb::names {

class ClubSource;
class MatcherIndex;

// Resolves club names against known spellings. Each match is made by one layer, recorded as
// Candidate::method, from the strictest to the weakest:
//   "exact"           a known spelling, byte for byte
//   "normalized"      equal name_key
//   "folded"          equal fold_key
//   "transliterated"  equal after Cyrillic/Georgian/Armenian are written in Latin letters and
//                     German and English transliteration are reduced to one phonetic skeleton
//                     (Schetissu Taldyqorghan = Zhetysu Taldykorgan, Xəzər = Khazar for AZE)
//   "tokens"          the same distinctive words in any order and form (Bohemians = Bohemian);
//                     legal forms (FK, FC, UE ...), city names and numbers are weak: they may be
//                     dropped or added but never carry a match alone, a city named must fit the
//                     club, and clubs whose names are only weak words must share them all with a
//                     legal form of the same kind (FC Gomel = FK Gomel, FC Santa Coloma is not
//                     UE Santa Coloma)
//   "exonym"          a city exonym replaced by the club's own name for the city (Lech Posen)
//   "abbreviation"    a word written as an abbreviation of several words (MyPa-47, ÍBV)
// The first layer that finds anything decides. One club: resolved. Several clubs, or a short name
// (one word, or only city words) that fits several clubs: ambiguous, every candidate listed.
// Nothing: unknown. When in doubt the answer is ambiguous, never a guess.
//
// A matcher holds every club in memory (made empty and filled, or build_matcher), or reads them
// from a database as names need them (open_matcher). Writes (add_*, remove_name) are not
// thread-safe; on a matcher in memory, const member functions may run concurrently; a matcher
// over a database is for one thread, and takes no writes (they throw Error(kUsage)).
class Matcher {
 public:
  Matcher();
  // A matcher that reads the clubs from `source` as lookups need them.
  explicit Matcher(std::unique_ptr<ClubSource> source);
  ~Matcher();
  Matcher(Matcher&&) noexcept;
  Matcher& operator=(Matcher&&) noexcept;
  Matcher(const Matcher&) = delete;
  Matcher& operator=(const Matcher&) = delete;

  // Adds a club; its canonical name becomes its first known spelling. `country` is a code such
  // as "AZE" (the registry's FIFA codes); `city` is evidence that city words in a name fit the club.
  // Throws Error (kUsage) when `id` is already known.
  // `from_import`: a club an import made for a name it met (its canonical name is that name as
  // a source wrote it, no club's own name).
  void add_club(ClubId id, std::string canonical, std::optional<std::string> country,
                std::optional<std::string> city, bool from_import = false);
  // Club `id` may also be said to be of `country`: it plays under that association (AS Monaco,
  // FRA). Nothing happens when `id` is unknown.
  void add_country(ClubId id, std::string country);
  // Adds a known spelling of club `id`; a spelling it already has is ignored, but for becoming
  // a `nickname`: a name data/clubs/nicknames.txt gives one club the world over ("Spurs"), which
  // no other club's name that merely holds it rivals (Cape Town Spurs).
  // Throws Error (kUsage) when `id` is unknown.
  void add_name(ClubId id, std::string name, std::optional<std::string> lang,
                bool nickname = false);
  // Records that `a` and `b` are different clubs: a spelling known for one never gives the other
  // through a fuzzy layer, and compatible() refuses it.
  void add_cannot_link(ClubId a, ClubId b);
  // Forgets the spelling `name` (exact text) of club `id`; nothing happens when it is not known.
  void remove_name(ClubId id, std::string_view name);
  // Club `from` is club `into`: every spelling of `from` becomes one of `into`, its distinct
  // pairs become `into`'s, and `from` is forgotten. Nothing happens when `from` is unknown;
  // throws Error (kUsage) when `into` is.
  void merge_club(ClubId from, ClubId into);
  // Teaches an exonym of a city: add_exonym("Posen", "Poznań").
  void add_exonym(std::string exonym, std::string name);

  // What `raw` means: resolved (one club, with the layer), ambiguous (candidates, best first, each
  // with method and score), or unknown. `context.country`, when given, narrows the candidates to
  // the clubs of that country when some are. Never throws on any text.
  Resolution resolve(std::string_view raw, const MatchContext& context = {}) const;

  // Whether `raw` can name club `id`, for when other evidence (a tie's known opponent) already
  // points at it: the strictest layer that links `raw` to `id`, or nullopt. A short name that fits
  // the club counts (layer "tokens"); a spelling known for a club recorded as distinct from `id`
  // does not.
  std::optional<Candidate> compatible(std::string_view raw, ClubId id) const;

  // The number of clubs.
  std::size_t size() const;

 private:
  struct Impl;
  MatcherIndex& writable(const char* what);
  std::unique_ptr<Impl> impl_;
};

// One result row of a query, every column as text (nullopt for NULL).
using Row = std::vector<std::optional<std::string>>;
// Runs the SQL `sql` on a footballdb database with `params` bound as text to ?1, ?2 ..., and
// calls `row` once per result row, in order.
using QueryRunner = std::function<void(const char* sql, const std::vector<std::string>& params,
                                       const std::function<void(const Row& row)>& row)>;

// Builds the matcher over a footballdb database in memory: every club, spelling (club_names),
// distinct pair (club_distinct) and exonym, read through `run` with plain SQL. Throws what
// `run` throws, and Error(kInternal) for a row that does not read as the schema says.
Matcher build_matcher(const QueryRunner& run);

// Whether the database's stored keys of spellings (club_name_keys) are complete and of this
// version of the analysis, so that open_matcher() may be used.
bool stored_keys_current(const QueryRunner& run);

// A matcher over a footballdb database whose stored keys are current: it reads only the clubs
// a name may mean, through the keys, so that making it costs nearly nothing. It gives the same
// answers as build_matcher() over the same database. `run` must stay usable while the matcher
// is. Throws what `run` throws.
Matcher open_matcher(QueryRunner run);

// The version of the analysis that the stored keys are written by; a database whose keys were
// written by another must have them written again (storage does, on opening it for writing).
// 3: ae, oe, ue meet ä, ö, ü; utd is united. 4: sheff is sheffield, wed and weds wednesday.
constexpr int kStoredKeysVersion = 4;

// A line of plain prose saying why `query` was matched to `candidate` by its layer: the spelling
// it equals, or for the word layers which words the two share and which were left out
// ("shares the words lech, poznan with ..."). Thread-safe.
std::string explain(std::string_view query, const Candidate& candidate);

}  // namespace footballdb::names
