// Club names: the keys used to match spellings, and what resolving a name gives.
#pragma once

#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "footballdb/api.hpp"
#include "footballdb/types.hpp"

namespace footballdb {

// The normalised key of a name: Unicode NFKC, case folded (Turkish "İ" folds to "i"), the
// comma-below and cedilla forms of s and t unified ("ș" = "ş"), typographic quotes and dashes
// made ASCII, white space collapsed and trimmed. Accents are kept: "Lech Poznań" and
// "lech poznan" have different keys. Invalid UTF-8 is replaced by U+FFFD. Thread-safe.
FOOTBALLDB_API std::string name_key(std::string_view name);

// name_key with accents and letter variants folded to ASCII letters ("ß" -> "ss", "ø" -> "o",
// "þ" -> "th", "ə" -> "e", "ı" -> "i"), apostrophes and full stops dropped and other punctuation
// made a space: "St Patrick’s Athletic" -> "st patricks athletic",
// "USV Eschen/Mauren" -> "usv eschen mauren". Thread-safe.
FOOTBALLDB_API std::string fold_key(std::string_view name);

// Of `choices` (command, competition or round names), the `most` closest to `typed` as people
// mistype words: by edit distance of the fold_keys (a letter more, less, other or swapped with
// the next costs 1), to a choice as a whole or to as many of its last words as `typed` has
// ("Champions Leage" is 1 from "UEFA Champions League"), at most a third of `typed`'s length.
// Closest first; empty when none is close.
FOOTBALLDB_API std::vector<std::string> did_you_mean(std::string_view typed,
                                                     const std::vector<std::string>& choices,
                                                     std::size_t most = 3);

// What a name means.
enum class ResolveStatus { kResolved, kAmbiguous, kUnknown };
// "resolved", "ambiguous", "unknown".
FOOTBALLDB_API std::string_view to_string(ResolveStatus status) noexcept;

// A club a name may mean, with how it was matched.
struct Candidate {
  ClubRef club;
  std::string matched_name;  // the known spelling that matched
  std::string method;        // the layer that matched: "exact", "normalized", "folded", ...
  double score = 0.0;        // 1.0 for an exact match; lower is weaker
  // Why it matched, in plain words ("shares lech, poznan with ..."); filled by
  // Database::resolve, empty elsewhere.
  std::string explanation;
  // The club's country and how many ties it plays in the database; filled by Database::resolve.
  std::optional<std::string> country;
  int ties = 0;
};

struct Resolution {
  std::string query;
  ResolveStatus status = ResolveStatus::kUnknown;
  std::optional<ClubRef> club;     // set when resolved
  std::vector<Candidate> candidates;  // best first; for an ambiguous name, every club it may mean
  std::string method;              // the layer that decided; empty when unknown
};

// --- Review of names an import could not bind, and known spellings ---

using ReviewId = Id<struct ReviewTag>;

// Where a review stands: waiting, or what a person decided.
enum class ReviewStatus { kOpen, kAccepted, kCreated, kRejected };
// "open", "accepted", "created", "rejected".
FOOTBALLDB_API std::string_view to_string(ReviewStatus status) noexcept;

// A name an import could not bind to one known club. The import gave it a club of its own (the
// provisional club) so that no fact was lost.
struct NameReview {
  ReviewId id;
  std::string name;
  std::string reason;                 // "unknown" or "ambiguous"
  ReviewStatus status = ReviewStatus::kOpen;
  std::optional<ClubRef> club;        // the provisional club (after an accept: the chosen club)
  std::vector<Candidate> candidates;  // the clubs the matcher offered when the name was seen
  std::optional<Evidence> seen;       // the source and line the name was first seen on
  std::vector<Tie> ties;  // the ties the provisional club plays (while the review is undecided
                          // or the club was created or the name rejected)
  std::optional<ClubRef> decided_club;  // accepted: the club it was merged into; created: itself
  std::optional<std::string> decided_at;  // ISO-8601 UTC, e.g. "2024-05-01T10:00:00Z"
};

// One known spelling of a club and how it came to be known.
struct ClubAlias {
  ClubRef club;
  std::string name;
  std::optional<std::string> lang;
  // "registry", "nickname" (data/clubs/nicknames.txt), "import" (a new club's own name),
  // "user", "review", or the matcher layer that bound it during an import ("normalized",
  // "tokens", "tie", ...).
  std::string method;
  std::optional<Evidence> source;  // the source and line it was first seen on, when imported
  bool canonical = false;          // the club's canonical name (cannot be removed)
};

// What is known about where a name was seen or asked for; every field is optional evidence.
// The country fields are hard evidence: a club of another country is never a candidate (a club
// whose country is not known still is). The scope is soft: it is searched first.
struct MatchContext {
  // The club's country as the source states it (a column, a "(LTU)" after the name), a code
  // such as "AZE".
  std::optional<std::string> country;
  // The countries whose clubs the competition admits (the FA Cup: England and Wales); empty
  // when any country may play.
  std::vector<std::string> countries;
  // The clubs that have data in what the name is asked about (a query's filters), sorted by id:
  // when not empty, the name is matched among these first, and among every club only when none
  // of these fits.
  std::vector<ClubId> scope;
  // The same scope as a question, for a scope too large to list (every club with data in a
  // database of a century of football): whether a club is in it, asked only of the clubs a name
  // fits. When set, it is the scope and `scope_empty` says whether it holds no club at all.
  std::function<bool(ClubId)> in_scope;
  bool scope_empty = true;
  // Clubs the name cannot mean, as the data shows (the other club of the same match, a club
  // already paired with another opponent in the round), sorted by id.
  std::vector<ClubId> excluded;
  // A name a person typed (a query), not one a source printed: a short form ("Sturm",
  // "Shamrock") may then mean the one club whose name holds it with a city or a common word
  // more ("SK Sturm Graz", "Shamrock Rovers"), and, among the clubs of the scope, the one club
  // whose name holds it at all (not for a word that five clubs or more hold: "Rovers" alone is
  // only a proposal, even of the one club of the scope whose name has it). From a source, a
  // short name resolves only to a club whose name is that name and a legal form
  // ("Helsingborg": Helsingborgs IF).
  bool typed = false;
};

// One club of a registry file (data/clubs/registry.txt, data/clubs/extra.txt).
struct RegistryClub {
  std::string name;                    // canonical name
  std::optional<std::string> country;  // FIFA three-letter code, e.g. "AZE", "ENG"
  std::optional<std::string> city;
  std::vector<ClubName> names;         // other known spellings (origin "registry")
};

// Reads a registry file and calls `sink` once per club, in file order. The format:
//   # comment                 (also after data, from " #")
//   = AZE                     a country section: every club below is in that country
//   Bakı FK @ Baku            a club: canonical name, then " @ city" when known; spellings
//                             may follow the name on its line, each after a "|" (openfootball's
//                             "FC Gambarogno-Contone | FC Gambarogno")
//     | FK Baku               a known spelling of the club above ...
//     | Bakı [az]             ... with its language
// `path` is used in messages. Throws Error (kInput, "path:line:column: expected ...") on a line
// that is none of these, a spelling before any club, a club before any country, or a bad code.
FOOTBALLDB_API void read_registry(std::istream& in, const std::string& path,
                                  const std::function<void(RegistryClub&&)>& sink);

// Reads a file of name pairs, one "left <op> right" a line, where <op> is `op` (such as "!=" for
// data/clubs/distinct.txt or "=" for data/clubs/exonyms.txt); blank lines and "#" comments are
// skipped. Calls `sink(left, right)` per line. Throws Error (kInput) on a line without `op` or with
// an empty side.
FOOTBALLDB_API void read_name_pairs(std::istream& in, const std::string& path, std::string_view op,
                                    const std::function<void(std::string&&, std::string&&)>& sink);

}  // namespace footballdb
