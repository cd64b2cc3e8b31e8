// Text analysis of club names: the words of a spelling in the forms the matcher compares, and
// its transliteration into Latin letters. Nothing here knows any club.
#pragma once

#include <unicode/translit.h>

#include <algorithm>
#include <array>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace footballdb::names {

// Transliteration variants: how a country writes its names in Latin letters.
constexpr int kVariants = 2;
constexpr int kGeneric = 0;  // q = k (Kazakh Aqtöbe = Aktobe)
constexpr int kAzeri = 1;    // q = g, x = kh (Qarabağ = Garabag, Xəzər = Khazar)

// The variant of a club of `country` (a registry code such as "AZE").
int variant_of(const std::optional<std::string>& country);

bool is_digits(std::string_view s);
// The words of `s` split at spaces, empty words dropped.
std::vector<std::string> split_words(std::string_view s);
std::string join(const std::vector<std::string>& words, char separator = ' ');

template <class T>
void sort_unique(std::vector<T>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

// The phonetic skeleton of one folded word: German and English transliterations of the same
// letters meet (sch/sh/zh/s/z -> s, tsch/ch/c -> c, j/y -> i, w -> v, kh -> h, gh -> g, ph -> f,
// ae/oe/ue -> a/o/u in a word of five letters or more, doubled letters once); non-ASCII
// leftovers are dropped.
std::string skeleton_word(std::string_view w, int variant);

// A word reduced to a stem that ignores endings: plural and genitive "s", Finnish genitive "n",
// final vowels (Bohemians = Bohemian, Kuopion = Kuopio, Tiranë = Tirana, Metalurgi = Metalurg).
// Stems keep at least three letters.
std::string stem(std::string w);

// The vocabulary's word lists (data/vocabulary/names.txt), for folded words.
bool is_stop_word(std::string_view w);
bool is_place_word(std::string_view w);  // also every stop word
bool is_reserve_word(std::string_view w);

// One word of a spelling, in each form the matcher needs.
struct Word {
  std::string folded;    // as fold_key gives it
  std::string skeleton;  // skeleton_word of it
  std::string stem;      // stem of the skeleton
  bool abbreviation = false;  // written like one: "MyPa", "ÍBV", "KuPS"
  bool stop = false;          // a stop word (is_stop_word)
  bool number = false;        // digits only
  const std::string* legal = nullptr;  // its legal-form class, when it is a legal form
  bool city = false;  // a city's word, as far as the matcher knows cities (MatcherIndex)
};

// The legal-form class of a word whose skeleton is `skeleton` (data/vocabulary/names.txt), or
// nullptr: "fk" and "fc" are of class "fc".
const std::string* legal_class_of(const std::string& skeleton);

// Whether two words of two names are one word, as a short name must be to fit a club: the same
// letters, or the same stem of five letters or more (Helsingborg, Helsingborgs). Short stems and
// sounds alike are noise here (Vaduz and Wadi, Zorya and Soria).
bool same_whole_word(const Word& a, const Word& b);

// Word-by-word comparison for the abbreviation layer: the same word, a word with another ending,
// or one a prefix of the other by at most two letters (Vestmannaeyja = Vestmannaeyjar).
bool same_word(const Word& a, const Word& b);

bool has_reserve_word(const std::vector<Word>& words);

// The first two capital letters of `raw`, folded: how a name of abbreviations alone is looked up.
std::string capital_initials(std::string_view raw);
// Whether `raw` has no lower-case ASCII letter ("EVV", "ÍBV").
bool capitals_only(std::string_view raw);

// Everything the fuzzy layers need of one spelling.
struct Analysis {
  std::string folded;                           // fold_key of the text
  std::array<std::string, kVariants> skeleton;  // per variant: the transliterated key
  std::array<std::vector<Word>, kVariants> words;
};

// Analyses spellings. Owns the ICU transliterator, which is costly to make: it is made on the
// first spelling that needs it. Thread-safe.
class Analyzer {
 public:
  Analyzer();
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  // Whether `raw` needs writing in Latin letters: its fold_key `folded` keeps letters that are
  // not ASCII (Cyrillic, Greek, Georgian ...).
  static bool needs_latin(std::string_view folded);
  // `raw` in Latin letters (Russian, Georgian and Armenian by BGN/PCGN, other scripts by ICU's
  // Any-Latin).
  std::string latin(std::string_view raw) const;
  // The analysis of `raw`. `latin`, when given, is latin(raw) as computed before (stored with
  // the spelling), so that the transliterator is not needed.
  Analysis analyse(std::string_view raw, const std::optional<std::string>& latin = std::nullopt) const;

 private:
  mutable std::mutex mutex_;
  mutable std::unique_ptr<icu::Transliterator> transliterator_;
};

}  // namespace footballdb::names
