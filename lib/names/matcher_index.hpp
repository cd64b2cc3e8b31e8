// The spellings a matcher knows and the keys it finds them by: all in memory (a matcher built
// from a whole database or made by hand), or read from a database as names need them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include <absl/container/flat_hash_map.h>
#include <absl/container/flat_hash_set.h>

#include "footballdb/types.hpp"
#include "names/analysis.hpp"

namespace footballdb::names {

// The keys of a spelling, each a kind letter, a colon and the key, so that one index holds
// them all:
//   x:TEXT  the spelling itself            n:KEY  its name_key          f:KEY  its fold_key
//   t:VSKEL its transliterated skeleton in its club's variant V
//   s:STEM  a word's stem                  p:PFX  a word's first five skeleton letters
//   i:AB    the initials of its first two words that are no legal form or number
//   k:TOKEN its tokens key (the distinctive words, sorted; depends on which words are cities)
//   c:STEM  a word of its club's city      w:WORD a word of its club's city that counts as one
//   g:STEM  a word's stem in the generic variant, for a club of another variant (in memory only)
// A database stores the keys of every spelling but x, n and f (club_names holds those) and k
// (found through the s keys of its words) and g; c and w are stored with the club's canonical
// name.
std::string key_of(char kind, std::string_view key);

enum class WordKind { kStrong, kCity, kLegal, kNumber };

// The words of a spelling sorted into kinds, each sorted and unique.
struct Parts {
  std::vector<std::string> strong, cities, legal, numbers;
};

struct Name {
  ClubId club;
  std::string text;
  std::optional<std::string> lang;
  bool live = true;
  bool nickname = false;  // one club's the world over (Matcher::add_name)
  std::string normalized;
  Analysis analysis;
  int variant = kGeneric;
  std::string token_key;  // "" when the name has no tokens key
  std::vector<std::string> numbers;
  std::vector<std::string> legal;  // legal-form classes
  std::vector<std::string> keys;   // the keys it is indexed under
  bool abbreviates = false;        // a word of it, not a legal form, is an abbreviation ("K.")

  const std::vector<Word>& words() const { return analysis.words[static_cast<std::size_t>(variant)]; }
};

struct Club {
  ClubId id;
  std::string canonical;
  std::string canonical_key;  // name_key(canonical)
  std::optional<std::string> country;
  std::optional<std::string> city;
  std::vector<std::size_t> names;
  std::vector<std::string> city_stems;  // of the city field
  bool reserve = false;                 // a reserve or youth team (its canonical name says so)
  bool from_import = false;             // made by an import for a name it met
  std::vector<std::string> other_countries;  // associations it plays under besides its country

  // Whether a source may say the club is of `code`.
  bool of_country(const std::string& code) const;
};

class MatcherIndex;

// Key -> the names (indexes into the index's names) stored under it. An open-addressing map:
// the index is looked up a few dozen times a name, mostly for keys it does not hold.
using KeyIndex = absl::flat_hash_map<std::string, std::vector<std::size_t>>;

// Where a matcher over a database reads the clubs it has not met yet.
class ClubSource {
 public:
  virtual ~ClubSource() = default;
  // The clubs with a spelling stored under `key` (key_of form).
  virtual std::vector<ClubId> clubs_with(const std::string& key) = 0;
  // How many spellings are stored under `key`, and of how many clubs (counted up to `limit`).
  virtual std::size_t count(const std::string& key) = 0;
  virtual std::size_t club_count(const std::string& key, std::size_t limit) = 0;
  // Adds club `id`, its spellings and the associations it plays under to `into` (add_club,
  // add_name, add_country); nothing when there is no such club.
  virtual void load(ClubId id, MatcherIndex& into) = 0;
  // The number of clubs.
  virtual std::size_t size() = 0;
  // Adds what the index needs in full from the start: the stems of city words (add_city_stem),
  // distinct pairs and exonyms.
  virtual void prime(MatcherIndex& into) = 0;
};

class MatcherIndex {
 public:
  // With a source, the index starts empty and reads clubs from it as lookups need them; the
  // cities, distinct pairs and exonyms are then expected in full from the start.
  explicit MatcherIndex(std::unique_ptr<ClubSource> source = nullptr);

  // ---- maintenance (see Matcher) ----
  void add_club(ClubId id, std::string canonical, std::optional<std::string> country,
                std::optional<std::string> city, bool from_import,
                std::optional<std::string> latin = std::nullopt);
  void add_country(ClubId id, std::string country);
  void add_name(ClubId id, std::string text, std::optional<std::string> lang,
                std::optional<std::string> latin = std::nullopt, bool nickname = false);
  void add_cannot_link(ClubId a, ClubId b);
  void remove_name(ClubId id, std::string_view text);
  void merge_club(ClubId from, ClubId into);
  void add_exonym(std::string exonym, std::string name);
  // Adds a folded word known to be a city's (a w key stored in a database).
  void add_city_word(const std::string& folded);
  // Whether the index reads from a source (and takes no writes but the source's).
  bool sourced() const { return source_ != nullptr; }

  // ---- reading ----
  // The spellings under `key`, in the order they became known; the source is read first. The
  // list is valid until the index changes (a write, or a read from the source: lookup(),
  // find_club()).
  const std::vector<std::size_t>& lookup(const std::string& key);
  // Of lookup(key), for a word-prefix key ('p'), the spellings that abbreviate a word: all the
  // abbreviation layer expands for a query that abbreviates none.
  const std::vector<std::size_t>& lookup_abbreviating(const std::string& key);
  // How many spellings are under `key`, and of how many clubs (without reading them from the
  // source).
  std::size_t count(const std::string& key);
  // Of how many clubs, counted up to `limit` (what a threshold needs, no more).
  std::size_t club_count(const std::string& key, std::size_t limit);
  // Club `id`, read from the source when not known yet; nullptr when there is none.
  const Club* find_club(ClubId id);
  // A known club (one a hit of lookup() or find_club() gave).
  const Club& club(ClubId id) const { return clubs_.at(id.value()); }
  const Name& name(std::size_t n) const { return names_[n]; }
  // The clubs whose city is every word of `city_stems`.
  std::vector<ClubId> located_in(const std::vector<std::string>& city_stems);
  bool are_distinct(ClubId a, ClubId b) const;
  bool has_distinct(ClubId a) const;
  // The folded city name for a folded exonym word, or nullptr.
  const std::string* exonym(const std::string& word) const;
  bool has_exonyms() const { return !exonyms_.empty(); }
  // Whether a word of a name is a city's: its stem is a city word's, and it is that word or
  // the stem is long enough to say so (Tiranë, Tirana; but Star is no Stara).
  bool is_city_word(const Word& w) const;
  std::size_t size() const;

  // ---- words ----
  // Marks the words of `a` that are city words (Word::city), as kind() needs.
  void mark_cities(Analysis& a) const;
  WordKind kind(const Word& w) const;
  Parts parts(const std::vector<Word>& words) const;
  // The legal-form class of a word of kind kLegal.
  const std::string& legal_class(const Word& w) const;
  static std::string strong_key(int variant, const std::vector<std::string>& strong);
  static std::string weak_key(int variant, const std::vector<std::string>& city_words);
  static std::string token_key(int variant, const Parts& p);
  const Analyzer& analyzer() const { return analyzer_; }

  // The keys a database stores for spelling `text` of a club of `country`; `city` is the club's
  // city when `text` is its canonical name (nullopt otherwise). `latin` is set to the spelling
  // in Latin letters when it needs one (to be stored with it).
  static std::vector<std::string> stored_keys(const Analyzer& analyzer, std::string_view text,
                                              const std::optional<std::string>& country,
                                              const std::optional<std::string>& city,
                                              std::optional<std::string>& latin);

 private:
  void ensure(const std::string& key);
  void ensure_club(ClubId id);
  void add_city_words(std::string_view city);
  void set_token_key(std::size_t n);
  void index_name(std::size_t n);
  void unindex_name(std::size_t n);

  std::unique_ptr<ClubSource> source_;
  absl::flat_hash_set<std::string> ensured_;     // keys read from the source
  std::unordered_set<std::int64_t> sought_;      // clubs read (or sought) from the source
  Analyzer analyzer_;
  std::unordered_map<std::int64_t, Club> clubs_;
  std::deque<Name> names_;  // a deque: references stay valid as clubs are read
  KeyIndex keys_;
  KeyIndex abbreviating_;  // 'p' key -> the spellings under it that abbreviate a word
  absl::flat_hash_set<std::string> cities_;      // stems of city words
  absl::flat_hash_set<std::string> city_words_;  // city words, folded
  std::unordered_map<std::string, std::vector<ClubId>> city_clubs_;  // city stem -> clubs there
  std::unordered_map<std::string, std::string> exonyms_;  // folded exonym -> folded city name
  std::set<std::pair<std::int64_t, std::int64_t>> distinct_;
};

}  // namespace footballdb::names
