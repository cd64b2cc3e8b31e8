// The club-name matcher: keys per layer, indexes by key, and the rules that decide.
#include "names/matcher.hpp"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <map>
#include <mutex>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "footballdb/error.hpp"

namespace footballdb::names {
namespace {

// kCity is no layer that matches: it marks a club of the city a city-only name names, listed as
// a rival of the club whose name holds the city.
enum Layer { kExact, kNormalized, kFolded, kTransliterated, kTokens, kExonym, kAbbreviation, kCity };
constexpr std::array<const char*, 8> kLayerName = {
    "exact", "normalized", "folded", "transliterated", "tokens", "exonym", "abbreviation", "city"};
constexpr std::array<double, 8> kLayerScore = {1.0, 0.95, 0.9, 0.8, 0.7, 0.65, 0.6, 0.3};
// A candidate that shares all but one distinctive word: only ever proposed, never resolved.
constexpr double kPartialScore = 0.5;
// A short name that is a whole word of a club's name, the rest legal forms (Helsingborg:
// Helsingborgs IF), or the rest a city or common words (Sturm: SK Sturm Graz).
constexpr double kWholeFitScore = 0.7;
constexpr double kPlaceFitScore = 0.6;
constexpr std::size_t kMaxProposals = 3;

// Transliteration variants: how a country writes its names in Latin letters.
constexpr int kVariants = 2;
constexpr int kGeneric = 0;  // q = k (Kazakh Aqtöbe = Aktobe)
constexpr int kAzeri = 1;    // q = g, x = kh (Qarabağ = Garabag, Xəzər = Khazar)

int variant_of(const std::optional<std::string>& country) {
  return country && *country == "AZE" ? kAzeri : kGeneric;
}

// Legal forms and words like them: the same kind of club in different languages shares a class.
// "fc" is the football-club class (FC, FK, KF, CF ...); every other form is its own class.
const std::vector<std::pair<const char*, const char*>>& legal_forms() {
  static const std::vector<std::pair<const char*, const char*>> kForms = {
      {"fc", "fc"},     {"fk", "fc"},      {"kf", "fc"},       {"cf", "fc"},     {"pfk", "fc"},
      {"pfc", "fc"},    {"ofk", "fc"},     {"fotball", "fc"},  {"football", "fc"},
      {"futbol", "fc"}, {"fotbal", "fc"},  {"club", "fc"},     {"klub", "fc"},   {"klubi", "fc"},
      {"afc", "afc"},   {"jk", "jk"},      {"nk", "nk"},       {"hnk", "nk"},    {"gnk", "nk"},
      {"if", "if"},     {"ik", "ik"},      {"il", "il"},       {"bk", "bk"},     {"ac", "ac"},
      {"sp", "sp"},     {"nd", "nd"},      {"cs", "cs"},       {"ue", "ue"},     {"usv", "usv"},
      {"sk", "sk"},     {"ff", "ff"},      {"ks", "ks"},       {"sc", "sc"},     {"sv", "sv"},
      {"tsv", "tsv"},   {"vfl", "vfl"},    {"vfb", "vfb"},     {"ssd", "ssd"},   {"ss", "ss"},
      {"as", "as"},     {"us", "us"},      {"cd", "cd"},       {"ud", "ud"},     {"sd", "sd"},
      {"rc", "rc"},     {"rcd", "rcd"},    {"ca", "ca"},       {"se", "se"},     {"tc", "tc"},
      {"kfk", "kfk"},   {"kaa", "kaa"},    {"krc", "krc"},     {"ksc", "ksc"},   {"kv", "kv"},
      {"kvc", "kvc"},   {"rsc", "rsc"},    {"fa", "fa"},       {"mfk", "mfk"},   {"spvgg", "spvgg"},
      {"fsv", "fsv"},   {"pik", "fc"},     {"aek", "aek"},     {"ns", "ns"},     {"ofc", "ofc"},
      {"kks", "kks"},   {"mks", "mks"},    {"gks", "gks"},     {"lks", "lks"},   {"wks", "wks"},
  };
  return kForms;
}

// Cities that name clubs in the sample sources; the registry's own cities are added to them.
const std::vector<const char*>& known_cities() {
  static const std::vector<const char*> kCities = {
      "Trondheim", "Enschede",  "Paola",     "Dublin",   "Tallinn",    "Vlorë",      "Vlora",
      "Durrës",    "Budapest",  "Baku",      "Bakı",      "Skopje",   "Rustavi",    "Liepāja",    "Chișinău",
      "Yerevan",   "Kapan",     "Narva",    "Tirana",     "Kuopio",     "Santa Coloma",
      "Golubovci", "Džepčište", "Marijampolė", "Pljevlja",  "Nikšić",    "Banja Luka", "Gøta",     "Runavík",    "Esch",
      "Reykjavík", "Akureyri",  "Hafnarfjörður", "Tbilisi", "Vilnius",  "Kaunas",     "Riga",
      "Ljubljana", "Sarajevo",  "Belgrade",  "Beograd",  "Zagreb",     "Sofia",      "Bucharest",
      "București", "Kyiv",      "Moscow",    "Moskva",   "Minsk",      "Prague",     "Praha",
      "Bratislava", "Warsaw",   "Warszawa",  "Poznań",   "Kraków",     "Wien",       "Vienna",
      "Graz",      "Olomouc",   "Liberec",   "Zlín",     "Cluj",       "Bistrița",   "Podgorica",
      "Szczecin",  "Jerusalem", "Turku",     "Tampere",  "Jyväskylä",  "Helsinki",   "Göteborg",
      "Kalmar",    "Borås",     "Stockholm", "Oslo",     "Bergen",     "Belfast",    "Cardiff",
      "Llanelli",  "Bangor",    "Glasgow",   "Edinburgh", "London",    "Manchester", "Liverpool",
      "Newcastle", "Lisboa",    "Porto",     "Madrid",   "Barcelona",  "Sevilla",    "Milano",
      "Roma",      "Torino",    "Napoli",    "Genova",   "Marseille",  "Lyon",       "Paris",
      "Hamburg",   "München",   "Berlin",    "Bremen",   "Amsterdam",  "Rotterdam",  "Eindhoven",
      "Brugge",    "Gent",      "Lokeren",   "Bern",     "Basel",      "Zürich",     "Genève",
      "Kharkiv",   "Donetsk",   "Odesa",     "Lviv",     "Istanbul",   "Ankara",     "Izmir",
      "Athens",    "Athina",    "Thessaloniki", "Nicosia", "Limassol", "Valletta",  "Birkirkara",
      "Floriana",  "Differdange", "Grevenmacher", "Mauren", "Vaduz",    "Andorra la Vella",
      "Daugavpils", "Šiauliai", "Gomel",     "Jagodina", "Senica",     "Celje",      "Osijek",
      "Sarajevo",  "Pápa",      "Dubnica",   "Vestmannaeyjar", "Kerkrade", "Neuchâtel",
  };
  return kCities;
}

// Exonyms that ship with the matcher; data/clubs/exonyms.txt adds more.
const std::vector<std::pair<const char*, const char*>>& known_exonyms() {
  static const std::vector<std::pair<const char*, const char*>> kExonyms = {{"Posen", "Poznań"}};
  return kExonyms;
}

// Words that carry nothing: articles, prepositions, elided "d'" and possessive "'s".
bool is_stop_word(std::string_view w) {
  static const std::set<std::string_view> kStop = {"d",  "l",  "s",   "de", "la",  "le",  "du",
                                                   "del", "der", "di", "da", "of", "the", "i",
                                                   "el", "los", "las", "il", "lo", "y"};
  return kStop.count(w) > 0;
}

// Words that are part of many places' names and of clubs' names, never a city on their own.
bool is_place_word(std::string_view w) {
  static const std::set<std::string_view> kPlace = {
      "town",  "city",  "new",   "port",  "north", "south",   "east",   "west",   "upper",
      "lower", "old",   "great", "little", "fort", "mount",   "bay",    "beach",  "park",
      "village", "valley", "cape", "lake", "river", "united", "athletic", "rovers", "wanderers",
      "albion", "county", "borough", "hill", "heath", "green", "bridge", "end", "royal", "st",
      "saint", "sankt", "sao", "san", "los", "las", "nova", "novo", "nueva", "nuevo"};
  return is_stop_word(w) || kPlace.count(w) > 0;
}

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

bool is_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::vector<std::string> split_words(std::string_view s) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t end = s.find(' ', start);
    if (end == std::string_view::npos) end = s.size();
    if (end > start) words.emplace_back(s.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

template <class T>
void sort_unique(std::vector<T>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

std::string join(const std::vector<std::string>& words, char separator = ' ') {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out.push_back(separator);
    out += w;
  }
  return out;
}

// The phonetic skeleton of one folded word: German and English transliterations of the same
// letters meet (sch/sh/zh/s/z -> s, tsch/ch/c -> c, j/y -> i, w -> v, kh -> h, gh -> g, ph -> f,
// doubled letters once); non-ASCII leftovers are dropped.
std::string skeleton_word(std::string_view w, int variant) {
  std::string out;
  out.reserve(w.size());
  auto starts = [&](std::size_t i, std::string_view p) { return w.substr(i, p.size()) == p; };
  for (std::size_t i = 0; i < w.size();) {
    char c = w[i];
    char mapped = 0;
    std::size_t used = 1;
    if (static_cast<unsigned char>(c) >= 0x80) {
      ++i;
      continue;
    } else if (variant == kAzeri && c == 'x') {
      mapped = 'h';
    } else if (c == 'q') {
      mapped = variant == kAzeri ? 'g' : 'k';
    } else if (starts(i, "tsch")) {
      mapped = 'c', used = 4;
    } else if (starts(i, "sch")) {
      mapped = 's', used = 3;
    } else if (starts(i, "tch")) {
      mapped = 'c', used = 3;
    } else if (starts(i, "ch")) {
      mapped = 'c', used = 2;
    } else if (starts(i, "sh") || starts(i, "zh")) {
      mapped = 's', used = 2;
    } else if (starts(i, "kh")) {
      mapped = 'h', used = 2;
    } else if (starts(i, "gh")) {
      mapped = 'g', used = 2;
    } else if (starts(i, "ph")) {
      mapped = 'f', used = 2;
    } else if (starts(i, "ck")) {
      mapped = 'k', used = 2;
    } else if (c == 'z') {
      mapped = 's';
    } else if (c == 'w') {
      mapped = 'v';
    } else if (c == 'j' || c == 'y') {
      mapped = 'i';
    } else {
      mapped = c;
    }
    i += used;
    bool letter = mapped >= 'a' && mapped <= 'z';
    if (letter && !out.empty() && out.back() == mapped) continue;
    out.push_back(mapped);
  }
  return out;
}

// A word reduced to a stem that ignores endings: plural and genitive "s", Finnish genitive "n",
// final vowels (Bohemians = Bohemian, Kuopion = Kuopio, Tiranë = Tirana, Metalurgi = Metalurg).
// Stems keep at least three letters.
std::string stem(std::string w) {
  if (is_digits(w)) return w;
  if (w.size() > 3 && w.back() == 's') w.pop_back();
  if (w.size() > 3 && w.back() == 'n' && is_vowel(w[w.size() - 2])) w.pop_back();
  while (w.size() > 3 && is_vowel(w.back())) w.pop_back();
  return w;
}

// Words that mark a reserve or youth team: such a team is meant only when a name says so.
bool is_reserve_word(std::string_view w) {
  static const std::set<std::string_view> kReserve = {
      "b",   "ii",  "iii", "jong", "castilla", "reserves", "reserve", "amateure", "u17",
      "u18", "u19", "u20", "u21",  "u23",      "youth",    "juniors", "primavera"};
  return kReserve.count(w) > 0;
}

enum class WordKind { kStrong, kCity, kLegal, kNumber };

// One word of a spelling, in each form the layers need.
struct Word {
  std::string folded;    // as fold_key gives it
  std::string skeleton;  // skeleton_word of it
  std::string stem;      // stem of the skeleton
  bool abbreviation = false;  // written like one: "MyPa", "ÍBV", "KuPS"
};

// Whether two words of two names are one word, as a short name must be to fit a club: the same
// letters, or the same stem of five letters or more (Helsingborg, Helsingborgs). Short stems and
// sounds alike are noise here (Vaduz and Wadi, Zorya and Soria).
bool same_whole_word(const Word& a, const Word& b) {
  return a.folded == b.folded || (a.stem == b.stem && a.stem.size() >= 5);
}

// Whether a raw word is written like an abbreviation: 2 to 5 letters, at least two capitals, all
// capitals or capitals inside (MyPa, KuPS).
bool looks_like_abbreviation(const icu::UnicodeString& word) {
  int32_t letters = 0, upper = 0, inner_upper = 0;
  bool lower_seen = false;
  for (int32_t i = 0; i < word.length(); i = word.moveIndex32(i, 1)) {
    UChar32 c = word.char32At(i);
    if (!u_isalpha(c)) return false;
    ++letters;
    if (u_isupper(c)) {
      ++upper;
      if (lower_seen) ++inner_upper;
    } else {
      lower_seen = true;
    }
  }
  return letters >= 2 && letters <= 5 && upper >= 2 && (upper == letters || inner_upper > 0);
}

// Abbreviation-looking words of a raw name, as their fold_key.
std::set<std::string> abbreviation_words(std::string_view raw) {
  std::set<std::string> out;
  icu::UnicodeString text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(raw.data(), static_cast<int32_t>(raw.size())));
  icu::UnicodeString word;
  auto flush = [&] {
    if (word.length() > 0 && looks_like_abbreviation(word)) {
      std::string utf8;
      word.toUTF8String(utf8);
      out.insert(fold_key(utf8));
    }
    word.remove();
  };
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
    UChar32 c = text.char32At(i);
    if (u_isalnum(c)) {
      word.append(c);
    } else {
      flush();
    }
  }
  flush();
  return out;
}

// Replaces every "ə"/"Ə" with "a": Azerbaijani ə is "a" in English spellings (Lənkəran = Lankaran).
std::string schwa_as_a(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(raw[i]);
    if (i + 1 < raw.size()) {
      unsigned char d = static_cast<unsigned char>(raw[i + 1]);
      if ((c == 0xC9 && d == 0x99) || (c == 0xC6 && d == 0x8F)) {
        out.push_back('a');
        ++i;
        continue;
      }
    }
    out.push_back(raw[i]);
  }
  return out;
}

bool has_non_ascii(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

// Everything the fuzzy layers need of one spelling.
struct Analysis {
  std::string folded;                       // fold_key of the text
  std::array<std::string, kVariants> skeleton;  // per variant: the transliterated key
  std::array<std::vector<Word>, kVariants> words;
};

struct Name {
  ClubId club;
  std::string text;
  std::optional<std::string> lang;
  bool live = true;
  std::string normalized;
  Analysis analysis;
  int variant = kGeneric;
  std::string token_key;  // "" when the name has no tokens key
  std::vector<std::string> numbers;
  std::vector<std::string> legal;  // legal-form classes
  std::string initials;
};

struct Club {
  ClubId id;
  std::string canonical;
  std::optional<std::string> country;
  std::optional<std::string> city;
  std::vector<std::size_t> names;
  std::vector<std::string> city_stems;  // of the city field
  bool reserve = false;                 // a reserve or youth team (its canonical name says so)
  bool from_import = false;             // made by an import for a name it met
  std::vector<std::string> other_countries;  // associations it plays under besides its country

  // Whether a source may say the club is of `code`.
  bool of_country(const std::string& code) const {
    return *country == code ||
           std::find(other_countries.begin(), other_countries.end(), code) != other_countries.end();
  }
};

bool has_reserve_word(const std::vector<Word>& words) {
  return std::any_of(words.begin(), words.end(),
                     [](const Word& w) { return is_reserve_word(w.folded); });
}

bool contains(const std::vector<ClubId>& sorted, ClubId id) {
  return std::binary_search(sorted.begin(), sorted.end(), id);
}

using Index = std::unordered_map<std::string, std::vector<std::size_t>>;

void index_add(Index& index, const std::string& key, std::size_t name) {
  if (!key.empty()) index[key].push_back(name);
}

void index_remove(Index& index, const std::string& key, std::size_t name) {
  auto it = index.find(key);
  if (it == index.end()) return;
  auto& v = it->second;
  v.erase(std::remove(v.begin(), v.end(), name), v.end());
  if (v.empty()) index.erase(it);
}

// A club found by a layer, with the spelling that matched.
struct Hit {
  ClubId club;
  std::size_t name;
  Layer layer;
  double score;
};

// Word-by-word comparison for the abbreviation layer: the same word, a word with another ending,
// or one a prefix of the other by at most two letters (Vestmannaeyja = Vestmannaeyjar).
bool same_word(const Word& a, const Word& b) {
  if (a.folded == b.folded || a.stem == b.stem) return true;
  const std::string& s = a.folded.size() < b.folded.size() ? a.folded : b.folded;
  const std::string& l = a.folded.size() < b.folded.size() ? b.folded : a.folded;
  return s.size() >= 4 && l.size() - s.size() <= 2 && l.compare(0, s.size(), s) == 0;
}

}  // namespace

struct Matcher::Impl {
  std::unordered_map<std::int64_t, Club> clubs;
  std::vector<Name> names;
  Index exact, normalized, folded, transliterated, tokens, initials;
  Index stems;     // stem -> names holding a word with that stem
  Index prefixes;  // first five letters of a skeleton word -> names
  std::unordered_map<std::string, std::string> legal;  // skeleton of a legal form -> its class
  std::unordered_set<std::string> cities;              // stems of city words
  std::unordered_map<std::string, std::vector<ClubId>> city_clubs;  // city stem -> clubs there
  std::unordered_map<std::string, std::string> exonyms;  // folded exonym -> folded city name
  std::set<std::pair<std::int64_t, std::int64_t>> distinct;
  mutable std::mutex transliterator_mutex;
  mutable std::unique_ptr<icu::Transliterator> transliterator;

  Impl() {
    for (const auto& [form, cls] : legal_forms()) legal[skeleton_word(form, kGeneric)] = cls;
    for (const char* city : known_cities()) add_city_words(city);
    for (const auto& [exonym, name] : known_exonyms()) exonyms[fold_key(exonym)] = fold_key(name);
  }

  // ---- analysis ----

  std::string latin(std::string_view raw) const {
    std::lock_guard<std::mutex> lock(transliterator_mutex);
    if (!transliterator) {
      UErrorCode status = U_ZERO_ERROR;
      transliterator.reset(icu::Transliterator::createInstance(
          "Russian-Latin/BGN; Georgian-Latin/BGN; Armenian-Latin/BGN; Any-Latin", UTRANS_FORWARD,
          status));
      if (U_FAILURE(status)) {
        status = U_ZERO_ERROR;
        transliterator.reset(
            icu::Transliterator::createInstance("Any-Latin", UTRANS_FORWARD, status));
      }
      if (U_FAILURE(status)) transliterator.reset();
    }
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(
        icu::StringPiece(raw.data(), static_cast<int32_t>(raw.size())));
    if (transliterator) transliterator->transliterate(text);
    std::string out;
    text.toUTF8String(out);
    return out;
  }

  Analysis analyse(std::string_view raw, std::string folded_key,
                   const std::set<std::string>& abbreviations) const {
    Analysis a;
    a.folded = std::move(folded_key);
    std::string text(raw);
    if (has_non_ascii(a.folded)) text = latin(text);
    if (text.find("\xC9\x99") != std::string::npos || text.find("\xC6\x8F") != std::string::npos) {
      text = schwa_as_a(text);
    }
    // Apostrophes separate words here: "Jeunesse d'Esch" has the words jeunesse, d, esch.
    bool apostrophe = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\'') {
        text[i] = ' ';
        apostrophe = true;
      } else if (text.compare(i, 3, "\xE2\x80\x99") == 0) {
        text.replace(i, 3, " ");
        apostrophe = true;
      }
    }
    std::string base = text == raw && !apostrophe ? a.folded : fold_key(text);
    std::vector<std::string> folded_words = split_words(base);
    for (int v = 0; v < kVariants; ++v) {
      std::vector<std::string> skeletons;
      for (const auto& fw : folded_words) {
        Word w;
        w.folded = fw;
        w.skeleton = skeleton_word(fw, v);
        if (w.skeleton.empty()) continue;
        w.stem = stem(w.skeleton);
        w.abbreviation = abbreviations.count(fw) > 0;
        skeletons.push_back(w.skeleton);
        a.words[static_cast<std::size_t>(v)].push_back(std::move(w));
      }
      a.skeleton[static_cast<std::size_t>(v)] = join(skeletons);
    }
    return a;
  }

  Analysis analyse(std::string_view raw) const {
    return analyse(raw, fold_key(raw), abbreviation_words(raw));
  }

  WordKind kind(const Word& w) const {
    if (is_digits(w.skeleton)) return WordKind::kNumber;
    if (legal.count(w.skeleton) && !w.abbreviation) return WordKind::kLegal;
    if (legal.count(w.skeleton) && w.folded.size() <= 3) return WordKind::kLegal;
    if (cities.count(w.stem)) return WordKind::kCity;
    return WordKind::kStrong;
  }

  // The words of a spelling sorted into kinds.
  struct Parts {
    std::vector<std::string> strong, cities, legal, numbers;
  };

  Parts parts(const std::vector<Word>& words) const {
    Parts p;
    for (const auto& w : words) {
      if (is_stop_word(w.folded)) continue;
      switch (kind(w)) {
        case WordKind::kStrong:
          p.strong.push_back(w.stem);
          break;
        case WordKind::kCity:
          p.cities.push_back(w.stem);
          break;
        case WordKind::kLegal:
          p.legal.push_back(legal.at(w.skeleton));
          break;
        case WordKind::kNumber:
          p.numbers.push_back(w.skeleton);
          break;
      }
    }
    sort_unique(p.strong);
    sort_unique(p.cities);
    sort_unique(p.legal);
    sort_unique(p.numbers);
    return p;
  }

  static std::string strong_key(int variant, const std::vector<std::string>& strong) {
    return std::to_string(variant) + "s:" + join(strong);
  }

  static std::string weak_key(int variant, const std::vector<std::string>& city_words) {
    return std::to_string(variant) + "w:" + join(city_words);
  }

  std::string token_key(int variant, const Parts& p) const {
    if (!p.strong.empty()) return strong_key(variant, p.strong);
    if (!p.cities.empty() && !p.legal.empty()) return weak_key(variant, p.cities);
    return {};
  }

  // Short: one word, or only city words, with no legal form or number (Baku, Santa Coloma).
  static bool is_short(const Parts& p) {
    if (!p.legal.empty() || !p.numbers.empty()) return false;
    if (p.strong.empty()) return !p.cities.empty();
    return p.strong.size() == 1 && p.cities.empty();
  }

  // ---- maintenance ----

  void add_city_words(std::string_view city) {
    for (const auto& fw : split_words(fold_key(city))) {
      // Words of many places are no city's name: "Town" of Cape Town, "City" of Mexico City.
      if (is_place_word(fw)) continue;
      std::string s = stem(skeleton_word(fw, kGeneric));
      if (s.size() < 3 || legal.count(s)) continue;
      if (!cities.insert(s).second) continue;
      // A word newly known as a city changes the tokens key of the names that hold it.
      auto it = stems.find(s);
      if (it == stems.end()) continue;
      std::vector<std::size_t> affected = it->second;
      for (std::size_t n : affected) {
        if (!names[n].live) continue;
        index_remove(tokens, names[n].token_key, n);
        set_token_key(n);
        index_add(tokens, names[n].token_key, n);
      }
    }
  }

  void set_token_key(std::size_t n) {
    Name& name = names[n];
    Parts p = parts(name.analysis.words[static_cast<std::size_t>(name.variant)]);
    name.token_key = token_key(name.variant, p);
    name.numbers = p.numbers;
    name.legal = p.legal;
  }

  void add_name(ClubId id, std::string text, std::optional<std::string> lang) {
    auto it = clubs.find(id.value());
    if (it == clubs.end()) {
      throw Error(ErrorCode::kUsage, "add_name: no club with id " + std::to_string(id.value()));
    }
    Club& club = it->second;
    for (std::size_t n : club.names) {
      if (names[n].live && names[n].text == text) return;
    }
    Name name;
    name.club = id;
    name.lang = std::move(lang);
    name.normalized = name_key(text);
    name.analysis = analyse(text);
    name.variant = variant_of(club.country);
    name.text = std::move(text);
    const std::size_t n = names.size();
    names.push_back(std::move(name));
    club.names.push_back(n);
    set_token_key(n);
    index_name(n);
  }

  void index_name(std::size_t n) {
    Name& name = names[n];
    const auto v = static_cast<std::size_t>(name.variant);
    index_add(exact, name.text, n);
    index_add(normalized, name.normalized, n);
    index_add(folded, name.analysis.folded, n);
    index_add(transliterated, std::to_string(v) + name.analysis.skeleton[v], n);
    index_add(tokens, name.token_key, n);
    std::vector<std::string> seen;
    std::string initial_letters;
    for (const auto& w : name.analysis.words[v]) {
      if (std::find(seen.begin(), seen.end(), w.stem) == seen.end()) {
        seen.push_back(w.stem);
        index_add(stems, w.stem, n);
        index_add(prefixes, w.skeleton.substr(0, 5), n);
      }
      WordKind k = kind(w);
      if (initial_letters.size() < 2 && k != WordKind::kLegal && k != WordKind::kNumber) {
        initial_letters.push_back(w.folded.front());
      }
    }
    name.initials = initial_letters.size() == 2 ? initial_letters : std::string();
    index_add(initials, name.initials, n);
  }

  void unindex_name(std::size_t n) {
    Name& name = names[n];
    const auto v = static_cast<std::size_t>(name.variant);
    index_remove(exact, name.text, n);
    index_remove(normalized, name.normalized, n);
    index_remove(folded, name.analysis.folded, n);
    index_remove(transliterated, std::to_string(v) + name.analysis.skeleton[v], n);
    index_remove(tokens, name.token_key, n);
    index_remove(initials, name.initials, n);
    for (const auto& w : name.analysis.words[v]) {
      index_remove(stems, w.stem, n);
      index_remove(prefixes, w.skeleton.substr(0, 5), n);
    }
  }

  bool are_distinct(ClubId a, ClubId b) const {
    return distinct.count({std::min(a.value(), b.value()), std::max(a.value(), b.value())}) > 0;
  }

  // ---- layers ----

  // The query in every form the layers use; computed once per call.
  struct Query {
    std::string raw;
    std::string normalized;
    Analysis analysis;
    std::array<Parts, kVariants> parts;
    bool reserve = false;  // names a reserve or youth team ("Bayern II", "Jong Ajax")
  };

  Query make_query(std::string_view raw) const {
    Query q;
    std::string_view trimmed = raw;
    while (!trimmed.empty() && (trimmed.front() == ' ' || trimmed.front() == '\t')) {
      trimmed.remove_prefix(1);
    }
    while (!trimmed.empty() && (trimmed.back() == ' ' || trimmed.back() == '\t')) {
      trimmed.remove_suffix(1);
    }
    q.raw = std::string(trimmed);
    q.normalized = name_key(q.raw);
    q.analysis = analyse(q.raw);
    for (std::size_t v = 0; v < kVariants; ++v) q.parts[v] = parts(q.analysis.words[v]);
    q.reserve = has_reserve_word(q.analysis.words[kGeneric]);
    return q;
  }

  void collect(const Index& index, const std::string& key, Layer layer,
               std::vector<Hit>& hits) const {
    auto it = index.find(key);
    if (it == index.end()) return;
    for (std::size_t n : it->second) hits.push_back({names[n].club, n, layer, kLayerScore[layer]});
  }

  // Whether the city words and numbers of a query fit the club of name `n`: kNo, kUnknown (nothing
  // is known of where the club is), kYes.
  enum class Place { kNo, kUnknown, kYes };

  // A number is a club's own (Crystal Palace 1861 is not Crystal Palace FC): some spelling of
  // the club must carry the query's numbers.
  bool carries_numbers(const std::vector<std::string>& numbers, ClubId id) const {
    if (numbers.empty()) return true;
    const Club& club = clubs.at(id.value());
    return std::any_of(club.names.begin(), club.names.end(),
                       [&](std::size_t m) { return names[m].numbers == numbers; });
  }

  Place fits_place(const Parts& q, std::size_t n) const {
    const Name& name = names[n];
    const Club& club = clubs.at(name.club.value());
    if (!q.numbers.empty() && q.numbers != name.numbers) {
      if (!name.numbers.empty() || !carries_numbers(q.numbers, name.club)) return Place::kNo;
    }
    if (q.cities.empty()) return Place::kYes;
    std::set<std::string> place(club.city_stems.begin(), club.city_stems.end());
    bool located = !club.city_stems.empty();
    for (std::size_t m : club.names) {
      for (const auto& w : names[m].analysis.words[static_cast<std::size_t>(names[m].variant)]) {
        if (cities.count(w.stem)) located = true;
        place.insert(w.stem);
      }
    }
    if (!located) return Place::kUnknown;
    bool all = std::all_of(q.cities.begin(), q.cities.end(),
                           [&](const std::string& c) { return place.count(c) > 0; });
    return all ? Place::kYes : Place::kNo;
  }

  // Names of only weak words need a legal form of the same kind: FC Gomel = FK Gomel,
  // FC Santa Coloma is not UE Santa Coloma.
  static bool shares_legal_form(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    return std::any_of(a.begin(), a.end(), [&](const std::string& x) {
      return std::find(b.begin(), b.end(), x) != b.end();
    });
  }

  // Adds the names of `list` that fit the query's place to `out`. A club whose place is not
  // known fits a query that names a city only as a proposal (`unknown`): "Darwen Ramblers" is
  // not proven to be a club called Ramblers.
  void placed_hits(const Parts& p, int v, const std::vector<std::size_t>& list, double score,
                   std::vector<Hit>& out, std::vector<Hit>& unknown) const {
    for (std::size_t n : list) {
      if (names[n].variant != v) continue;
      if (p.strong.empty() && !shares_legal_form(p.legal, names[n].legal)) continue;
      Place place = fits_place(p, n);
      if (place == Place::kNo) continue;
      if (place == Place::kYes) {
        out.push_back({names[n].club, n, kTokens, score});
      } else {
        unknown.push_back({names[n].club, n, kTokens, kPartialScore});
      }
    }
  }

  // Whether the words a token hit on name `n` shares with the query are real evidence. A merged
  // club's name ("Hayes & Yeading United") is not met by one side of it ("Yeading"); a query
  // whose distinctive words are only common ones ("West End", "United of Manchester") must be
  // the name's words in their order, no place dropped or moved.
  bool real_token_match(const Query& q, std::size_t n) const {
    const Name& name = names[n];
    const auto& nwords = name.analysis.words[static_cast<std::size_t>(name.variant)];
    const auto& qwords = q.analysis.words[static_cast<std::size_t>(name.variant)];
    auto has_stem = [](const std::vector<Word>& words, const std::string& s) {
      return std::any_of(words.begin(), words.end(), [&](const Word& w) { return w.stem == s; });
    };
    const bool merged = name.text.find(" & ") != std::string::npos ||
                        name.text.find(" and ") != std::string::npos;
    if (merged) {
      for (const Word& w : nwords) {
        if (kind(w) != WordKind::kLegal && !is_stop_word(w.folded) && !has_stem(qwords, w.stem)) {
          return false;
        }
      }
    }
    bool only_common = true;
    for (const Word& w : qwords) {
      if (kind(w) == WordKind::kStrong && !is_place_word(w.folded)) only_common = false;
    }
    if (!only_common) return true;
    auto sequence = [&](const std::vector<Word>& words) {
      std::vector<std::string> out;
      for (const Word& w : words) {
        const WordKind k = kind(w);
        if (!is_stop_word(w.folded) && k != WordKind::kLegal && k != WordKind::kNumber) {
          out.push_back(w.stem);
        }
      }
      return out;
    };
    return sequence(qwords) == sequence(nwords);
  }

  void token_hits(const Query& q, std::vector<Hit>& hits, std::vector<Hit>& partial) const {
    const std::size_t first = hits.size();
    collect_token_hits(q, hits, partial);
    for (std::size_t i = first; i < hits.size();) {
      if (real_token_match(q, hits[i].name)) {
        ++i;
        continue;
      }
      partial.push_back({hits[i].club, hits[i].name, kTokens, kPartialScore});
      hits.erase(hits.begin() + static_cast<std::ptrdiff_t>(i));
    }
  }

  void collect_token_hits(const Query& q, std::vector<Hit>& hits, std::vector<Hit>& partial) const {
    for (int v = 0; v < kVariants; ++v) {
      const Parts& p = q.parts[static_cast<std::size_t>(v)];
      std::string key = token_key(v, p);
      if (key.empty()) continue;
      auto it = tokens.find(key);
      if (it != tokens.end()) placed_hits(p, v, it->second, kLayerScore[kTokens], hits, partial);
      if (p.strong.empty() && !p.legal.empty() && p.cities.size() >= 2) {
        // FK Zeta Golubovci = FK Zeta: a city word more, which must fit the club's place.
        for (std::size_t drop = 0; drop < p.cities.size(); ++drop) {
          std::vector<std::string> fewer = p.cities;
          fewer.erase(fewer.begin() + static_cast<std::ptrdiff_t>(drop));
          auto sub = tokens.find(weak_key(v, fewer));
          if (sub != tokens.end()) {
            placed_hits(p, v, sub->second, kLayerScore[kTokens], hits, partial);
          }
        }
      }
      if (p.strong.size() < 2) continue;
      std::vector<Hit> fewer_hits;
      for (std::size_t drop = 0; drop < p.strong.size(); ++drop) {
        std::vector<std::string> fewer = p.strong;
        fewer.erase(fewer.begin() + static_cast<std::ptrdiff_t>(drop));
        auto sub = tokens.find(strong_key(v, fewer));
        if (sub != tokens.end()) {
          placed_hits(p, v, sub->second, kPartialScore, fewer_hits, fewer_hits);
        }
      }
      // A proposal is only worth a review when it is one of a few.
      if (per_club(fewer_hits).size() <= kMaxProposals) {
        partial.insert(partial.end(), fewer_hits.begin(), fewer_hits.end());
      }
    }
  }

  // Clubs whose city is every city word of the query.
  std::vector<ClubId> located_in(const std::vector<std::string>& city_words) const {
    std::vector<ClubId> out;
    if (city_words.empty()) return out;
    auto it = city_clubs.find(city_words.front());
    if (it == city_clubs.end()) return out;
    for (ClubId id : it->second) {
      const auto& stems_of = clubs.at(id.value()).city_stems;
      if (std::all_of(city_words.begin(), city_words.end(), [&](const std::string& c) {
            return std::find(stems_of.begin(), stems_of.end(), c) != stems_of.end();
          })) {
        out.push_back(id);
      }
    }
    return out;
  }

  // Clubs with a spelling holding every word of a short query as a whole word (same_whole_word):
  // "Hertha" fits Hertha BSC and WSC Hertha Wels; "Vaduz" does not fit Wadi Degla.
  std::vector<Hit> fitting(const Query& q) const {
    std::vector<Hit> out;
    for (std::size_t v = 0; v < kVariants; ++v) {
      const Parts& p = q.parts[v];
      if (!is_short(p)) continue;
      std::vector<const Word*> wanted;
      for (const Word& w : q.analysis.words[v]) {
        if (is_stop_word(w.folded)) continue;
        const WordKind k = kind(w);
        if (k == WordKind::kStrong || k == WordKind::kCity) wanted.push_back(&w);
      }
      // A word of the query fits a word of the same kind: a club's name is no city.
      const std::vector<std::size_t>* rarest = nullptr;
      bool all_known = true;
      for (const Word* w : wanted) {
        auto it = stems.find(w->stem);
        if (it == stems.end()) {
          all_known = false;
          break;
        }
        if (!rarest || it->second.size() < rarest->size()) rarest = &it->second;
      }
      if (!all_known || !rarest) continue;
      for (std::size_t n : *rarest) {
        const Name& name = names[n];
        if (!name.live || static_cast<std::size_t>(name.variant) != v) continue;
        const auto& words = name.analysis.words[v];
        auto fits = [&](const Word& w) {
          return std::any_of(wanted.begin(), wanted.end(), [&](const Word* s) {
            return kind(w) == kind(*s) && same_whole_word(*s, w);
          });
        };
        bool all = std::all_of(wanted.begin(), wanted.end(), [&](const Word* s) {
          return std::any_of(words.begin(), words.end(), [&](const Word& w) {
            return !is_stop_word(w.folded) && kind(w) == kind(*s) && same_whole_word(*s, w);
          });
        });
        if (!all) continue;
        // How much more the club's name says: nothing but legal forms (a whole fit), a city or
        // a common word, or a distinctive word of its own (Hayes & Yeading United).
        double score = kWholeFitScore;
        for (const Word& w : words) {
          if (is_stop_word(w.folded) || fits(w)) continue;
          const WordKind k = kind(w);
          if (k == WordKind::kLegal || k == WordKind::kNumber) continue;
          const bool common = k == WordKind::kCity || is_place_word(w.folded);
          score = std::min(score, common ? kPlaceFitScore : kPartialScore);
        }
        out.push_back({name.club, n, kTokens, score});
      }
    }
    return out;
  }

  // The query with city exonyms replaced, or "" when it names none.
  std::string without_exonyms(const Query& q) const {
    if (exonyms.empty()) return {};
    std::vector<std::string> words = split_words(q.analysis.folded);
    bool changed = false;
    for (auto& w : words) {
      auto it = exonyms.find(w);
      if (it != exonyms.end()) {
        w = it->second;
        changed = true;
      }
    }
    return changed ? join(words) : std::string();
  }

  // Abbreviation matching: words of `a` marked as abbreviations stand for runs of words of `b`.
  void cover(const std::string& text, std::size_t pos, const std::vector<Word>& b, std::size_t j,
             std::vector<std::size_t>& ends) const {
    if (pos == text.size()) {
      ends.push_back(j);
      return;
    }
    if (j == b.size() || is_stop_word(b[j].folded) || kind(b[j]) == WordKind::kLegal) return;
    const std::string& w = b[j].folded;
    for (std::size_t len = 1; len <= w.size() && pos + len <= text.size(); ++len) {
      if (text.compare(pos, len, w, 0, len) != 0) break;
      cover(text, pos + len, b, j + 1, ends);
    }
  }

  bool droppable(const Word& w) const {
    return is_stop_word(w.folded) || kind(w) != WordKind::kStrong;
  }

  bool expand(const std::vector<Word>& a, std::size_t i, const std::vector<Word>& b, std::size_t j,
              bool used, int depth) const {
    if (depth > 32) return false;
    if (i == a.size()) {
      return used && std::all_of(b.begin() + static_cast<std::ptrdiff_t>(j), b.end(),
                                 [&](const Word& w) { return droppable(w); });
    }
    if (j == b.size()) {
      return used && std::all_of(a.begin() + static_cast<std::ptrdiff_t>(i), a.end(),
                                 [&](const Word& w) { return droppable(w); });
    }
    if (a[i].abbreviation && kind(a[i]) != WordKind::kLegal) {
      std::vector<std::size_t> ends;
      cover(a[i].folded, 0, b, j, ends);
      for (std::size_t end : ends) {
        if (end < j + 2) continue;  // an abbreviation stands for at least two words
        if (expand(a, i + 1, b, end, true, depth + 1)) return true;
        if (expand(a, i + 1, b, end - 1, true, depth + 1)) return true;  // ÍBV Vestmannaeyjar
      }
    }
    if (same_word(a[i], b[j]) && expand(a, i + 1, b, j + 1, used, depth + 1)) return true;
    if (droppable(a[i]) && expand(a, i + 1, b, j, used, depth + 1)) return true;
    if (droppable(b[j]) && expand(a, i, b, j + 1, used, depth + 1)) return true;
    return false;
  }

  void abbreviation_hits(const Query& q, std::vector<Hit>& hits, std::vector<Hit>& partial) const {
    const auto& qwords = q.analysis.words[kGeneric];
    std::vector<std::size_t> candidates;
    bool any_abbreviation = false;
    const std::vector<std::size_t>* rarest = nullptr;
    for (const auto& w : qwords) {
      if (w.abbreviation) {
        any_abbreviation = true;
        continue;
      }
      auto it = prefixes.find(w.skeleton.substr(0, 5));
      if (it != prefixes.end() && (!rarest || it->second.size() < rarest->size())) {
        rarest = &it->second;
      }
    }
    if (rarest) candidates = *rarest;
    if (any_abbreviation && !rarest) {
      // Only abbreviations: look the spellings up by their first two initials.
      icu::UnicodeString text = icu::UnicodeString::fromUTF8(
          icu::StringPiece(q.raw.data(), static_cast<int32_t>(q.raw.size())));
      std::string capitals;
      for (int32_t i = 0; i < text.length() && capitals.size() < 2; i = text.moveIndex32(i, 1)) {
        UChar32 c = text.char32At(i);
        if (u_isupper(c)) {
          std::string letter;
          icu::UnicodeString(c).toUTF8String(letter);
          capitals += fold_key(letter);
        }
      }
      auto it = initials.find(capitals.substr(0, 2));
      if (it != initials.end()) candidates = it->second;
    }
    for (std::size_t n : candidates) {
      const Name& name = names[n];
      if (!name.live) continue;
      const auto& nwords = name.analysis.words[kGeneric];
      if (!carries_numbers(q.parts[kGeneric].numbers, name.club)) continue;  // ADO '20
      if ((any_abbreviation && expand(qwords, 0, nwords, 0, false, 0)) ||
          expand(nwords, 0, qwords, 0, false, 0)) {
        // Capitals alone ("EVV") stand for too many names: a proposal only. Written as one
        // writes a club's own short form (MyPa, KuPS), with a word or a number, they bind.
        const bool capitals_only = std::none_of(q.raw.begin(), q.raw.end(), [](char c) {
          return c >= 'a' && c <= 'z';
        });
        (rarest || !capitals_only || !q.parts[kGeneric].numbers.empty() ? hits : partial)
            .push_back({name.club, n, kAbbreviation, kLayerScore[kAbbreviation]});
      }
    }
  }

  // Hits of the key layers (exact to transliterated) for one query.
  void key_hits(const Query& q, Layer layer, std::vector<Hit>& hits) const {
    switch (layer) {
      case kExact:
        collect(exact, q.raw, kExact, hits);
        break;
      case kNormalized:
        collect(normalized, q.normalized, kNormalized, hits);
        break;
      case kFolded:
        collect(folded, q.analysis.folded, kFolded, hits);
        break;
      case kTransliterated:
        for (std::size_t v = 0; v < kVariants; ++v) {
          collect(transliterated, std::to_string(v) + q.analysis.skeleton[v], kTransliterated, hits);
        }
        break;
      default:
        break;
    }
  }

  // The hits of one layer; `partial` gets candidates that may only be proposed.
  std::vector<Hit> layer_hits(const Query& q, Layer layer, std::vector<Hit>& partial) const {
    std::vector<Hit> hits;
    switch (layer) {
      case kExact:
      case kNormalized:
      case kFolded:
      case kTransliterated:
        key_hits(q, layer, hits);
        break;
      case kTokens:
        token_hits(q, hits, partial);
        break;
      case kExonym:  // resolve() and compatible() rewrite the query and start again
      case kCity:    // no layer: rivals of a city-only name (decide())
        break;
      case kAbbreviation:
        abbreviation_hits(q, hits, partial);
        break;
    }
    return hits;
  }

  Candidate candidate(const Hit& h) const {
    const Club& club = clubs.at(h.club.value());
    return Candidate{ClubRef{club.id, club.canonical}, names[h.name].text, kLayerName[h.layer],
                     h.score, {}, {}, 0};
  }

  // One candidate per club, best first, in the order found.
  static std::vector<Hit> per_club(const std::vector<Hit>& hits) {
    std::vector<Hit> out;
    for (const Hit& h : hits) {
      auto it = std::find_if(out.begin(), out.end(), [&](const Hit& o) { return o.club == h.club; });
      if (it == out.end()) {
        out.push_back(h);
      } else if (h.score > it->score) {
        *it = h;
      }
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Hit& a, const Hit& b) { return a.score > b.score; });
    return out;
  }

  // Whether club `id` may be meant in `context`: of the stated or an admitted country (or of no
  // known country), not excluded, in the scope when `scoped`, and no reserve team unless the
  // query names one.
  bool admitted(ClubId id, const Query& q, const MatchContext& context, bool scoped) const {
    const Club& club = clubs.at(id.value());
    if (club.reserve && !q.reserve) return false;
    if (club.country) {
      if (context.country && !club.of_country(*context.country)) return false;
      if (!context.countries.empty() &&
          std::none_of(context.countries.begin(), context.countries.end(),
                       [&](const std::string& c) { return club.of_country(c); })) {
        return false;
      }
    }
    if (contains(context.excluded, id)) return false;
    return !scoped || contains(context.scope, id);
  }

  std::vector<Hit> admit(std::vector<Hit> hits, const Query& q, const MatchContext& context,
                         bool scoped) const {
    hits.erase(std::remove_if(hits.begin(), hits.end(),
                              [&](const Hit& h) { return !admitted(h.club, q, context, scoped); }),
               hits.end());
    return hits;
  }

  // The answer from the admitted hits of the first layer that found any (`from_layer`), or, for
  // a short query that no layer matched, from the clubs it fits. A short name is only as good as
  // the number of clubs it fits: each is a rival at the same strength. Lower layers add no rivals.
  Resolution decide(const Query& q, std::vector<Hit> hits, const MatchContext& context,
                    bool scoped) const {
    Resolution r;
    r.query = q.raw;
    hits = per_club(hits);
    const Layer layer = hits.empty() ? kTokens : hits.front().layer;
    // A short name no layer matched resolves only as far as its fit allows (MatchContext::typed).
    const double least_fit = !context.typed ? kWholeFitScore
                             : scoped       ? kPartialScore
                                            : kPlaceFitScore;
    bool may_resolve = true;
    const bool fits_only = hits.empty();
    // A club's own canonical name, spelled as it is, has no rival that merely holds its word
    // (only the clubs that hold the same spelling).
    const bool canonical = !hits.empty() && layer <= kFolded &&
                           std::any_of(hits.begin(), hits.end(), [&](const Hit& h) {
                             const Club& club = clubs.at(h.club.value());
                             return !club.from_import &&
                                    name_key(names[h.name].text) == name_key(club.canonical);
                           });
    if (short_query(q) && !canonical) {
      for (const Hit& f : admit(per_club(fitting(q)), q, context, scoped)) {
        if (std::none_of(hits.begin(), hits.end(), [&](const Hit& h) { return h.club == f.club; })) {
          hits.push_back(f);
        }
      }
      // Only city words: one club may be meant only when no other club is there (in the scope),
      // unless a person typed a city that is a known spelling of the club ("Liverpool").
      const bool only_weak = q.parts[kGeneric].strong.empty() && q.parts[kAzeri].strong.empty();
      const bool known_spelling = !fits_only && layer <= kFolded;
      if (only_weak && hits.size() == 1 && !(context.typed && known_spelling)) {
        for (ClubId id : located_in(q.parts[kGeneric].cities)) {
          if (id == hits.front().club || !admitted(id, q, context, scoped)) continue;
          hits.push_back({id, clubs.at(id.value()).names.front(), kCity, kLayerScore[kCity]});
        }
      }
    }
    if (hits.empty()) return r;
    hits = per_club(hits);
    if (fits_only && hits.front().score < least_fit) may_resolve = false;
    if (hits.size() == 1 && layer >= kTransliterated &&
        distinct_rival(q, hits.front().club, layer, context, scoped)) {
      may_resolve = false;
    }
    for (const Hit& h : hits) r.candidates.push_back(candidate(h));
    if (may_resolve && hits.size() == 1) {
      r.status = ResolveStatus::kResolved;
      r.club = r.candidates.front().club;
      r.method = r.candidates.front().method;
    } else {
      r.status = ResolveStatus::kAmbiguous;
    }
    return r;
  }

  // Whether a club recorded as distinct from `club` also fits the query at a fuzzy layer.
  bool distinct_rival(const Query& q, ClubId club, Layer from, const MatchContext& context,
                      bool scoped) const {
    auto has_links = std::any_of(distinct.begin(), distinct.end(), [&](const auto& p) {
      return p.first == club.value() || p.second == club.value();
    });
    if (!has_links) return false;
    std::vector<Hit> rivals = fitting(q);
    for (int l = from; l <= kAbbreviation; ++l) {
      std::vector<Hit> partial;
      std::vector<Hit> more = layer_hits(q, static_cast<Layer>(l), partial);
      rivals.insert(rivals.end(), more.begin(), more.end());
    }
    return std::any_of(rivals.begin(), rivals.end(), [&](const Hit& h) {
      return h.club != club && are_distinct(h.club, club) && admitted(h.club, q, context, scoped);
    });
  }

  Resolution resolve(std::string_view raw, const MatchContext& context) const {
    Query q = make_query(raw);
    if (context.scope.empty()) return resolve(q, context, false);
    // The scope's answer, unless a club outside it fits by stronger evidence: a query for
    // "Víkingur Reykjavík" means that club even when only Víkingur Gøta has data.
    Resolution scoped = resolve(q, context, true);
    if (scoped.status == ResolveStatus::kUnknown) return resolve(q, context, false);
    Resolution all = resolve(q, context, false);
    auto best = [](const Resolution& r) {
      double score = 0.0;
      for (const Candidate& c : r.candidates) score = std::max(score, c.score);
      return score;
    };
    return best(all) > best(scoped) ? all : scoped;
  }

  // The layers in order over the admitted clubs; the first that finds any decides.
  Resolution resolve(const Query& q, const MatchContext& context, bool scoped) const {
    std::vector<Hit> partial;
    for (int l = kExact; l <= kAbbreviation; ++l) {
      if (l == kExonym) {
        std::string rewritten = without_exonyms(q);
        if (rewritten.empty()) continue;
        Resolution r = resolve(make_query(rewritten), context, scoped);
        if (r.status == ResolveStatus::kUnknown) continue;
        r.query = q.raw;
        for (auto& c : r.candidates) {
          c.method = kLayerName[kExonym];
          c.score = std::min(c.score, kLayerScore[kExonym]);
        }
        if (r.club) r.method = kLayerName[kExonym];
        return r;
      }
      std::vector<Hit> hits = admit(layer_hits(q, static_cast<Layer>(l), partial), q, context, scoped);
      if (!hits.empty()) return decide(q, std::move(hits), context, scoped);
    }
    if (short_query(q)) {
      Resolution r = decide(q, {}, context, scoped);
      if (r.status != ResolveStatus::kUnknown) return r;
    }
    // Clubs that share all but one distinctive word are proposals only: never resolved.
    Resolution r;
    r.query = q.raw;
    for (const Hit& h : per_club(admit(std::move(partial), q, context, scoped))) {
      r.candidates.push_back(candidate(h));
    }
    if (!r.candidates.empty()) r.status = ResolveStatus::kAmbiguous;
    return r;
  }

  static bool short_query(const Query& q) { return is_short(q.parts[kGeneric]) || is_short(q.parts[kAzeri]); }

  std::optional<Candidate> compatible(std::string_view raw, ClubId id) const {
    if (!clubs.count(id.value())) return std::nullopt;
    Query q = make_query(raw);
    std::vector<Hit> partial;
    for (int l = kExact; l <= kAbbreviation; ++l) {
      std::vector<Hit> hits = layer_hits(q, static_cast<Layer>(l), partial);
      if (l == kTokens) {
        std::vector<Hit> fits = fitting(q);
        hits.insert(hits.end(), fits.begin(), fits.end());
      }
      for (const Hit& h : hits) {
        if (h.club != id && are_distinct(h.club, id)) return std::nullopt;
      }
      for (const Hit& h : hits) {
        if (h.club == id) return candidate(h);
      }
    }
    std::string rewritten = without_exonyms(q);
    if (!rewritten.empty()) {
      std::optional<Candidate> c = compatible(rewritten, id);
      if (c) {
        c->method = kLayerName[kExonym];
        c->score = std::min(c->score, kLayerScore[kExonym]);
        return c;
      }
    }
    for (const Hit& h : partial) {
      if (h.club == id) return candidate(h);
    }
    return std::nullopt;
  }
};

Matcher::Matcher() : impl_(std::make_unique<Impl>()) {}
Matcher::~Matcher() = default;
Matcher::Matcher(Matcher&&) noexcept = default;
Matcher& Matcher::operator=(Matcher&&) noexcept = default;

void Matcher::add_club(ClubId id, std::string canonical, std::optional<std::string> country,
                       std::optional<std::string> city, bool from_import) {
  if (impl_->clubs.count(id.value())) {
    throw Error(ErrorCode::kUsage, "add_club: club id " + std::to_string(id.value()) +
                                       " is already known");
  }
  Club club;
  club.id = id;
  club.canonical = canonical;
  club.country = std::move(country);
  if (city) {
    for (const auto& fw : split_words(fold_key(*city))) {
      club.city_stems.push_back(stem(skeleton_word(fw, kGeneric)));
      impl_->city_clubs[club.city_stems.back()].push_back(id);
    }
    impl_->add_city_words(*city);
  }
  club.city = std::move(city);
  club.reserve = has_reserve_word(impl_->analyse(club.canonical).words[kGeneric]);
  club.from_import = from_import;
  impl_->clubs.emplace(id.value(), std::move(club));
  impl_->add_name(id, std::move(canonical), std::nullopt);
}

void Matcher::add_country(ClubId id, std::string country) {
  auto it = impl_->clubs.find(id.value());
  if (it != impl_->clubs.end()) it->second.other_countries.push_back(std::move(country));
}

void Matcher::add_name(ClubId id, std::string name, std::optional<std::string> lang) {
  impl_->add_name(id, std::move(name), std::move(lang));
}

void Matcher::add_cannot_link(ClubId a, ClubId b) {
  impl_->distinct.insert({std::min(a.value(), b.value()), std::max(a.value(), b.value())});
}

void Matcher::remove_name(ClubId id, std::string_view name) {
  auto it = impl_->clubs.find(id.value());
  if (it == impl_->clubs.end()) return;
  auto& list = it->second.names;
  for (auto n = list.begin(); n != list.end(); ++n) {
    if (impl_->names[*n].text == name) {
      impl_->unindex_name(*n);
      impl_->names[*n].live = false;
      list.erase(n);
      return;
    }
  }
}

void Matcher::merge_club(ClubId from, ClubId into) {
  auto it = impl_->clubs.find(from.value());
  if (it == impl_->clubs.end() || from == into) return;
  if (!impl_->clubs.count(into.value())) {
    throw Error(ErrorCode::kUsage, "merge_club: no club with id " + std::to_string(into.value()));
  }
  Club gone = std::move(it->second);
  impl_->clubs.erase(it);
  for (std::size_t n : gone.names) {
    impl_->unindex_name(n);
    impl_->names[n].live = false;
    impl_->add_name(into, impl_->names[n].text, impl_->names[n].lang);
  }
  for (const std::string& stem : gone.city_stems) {
    auto& list = impl_->city_clubs[stem];
    list.erase(std::remove(list.begin(), list.end(), from), list.end());
  }
  std::vector<std::pair<std::int64_t, std::int64_t>> moved;
  for (auto p = impl_->distinct.begin(); p != impl_->distinct.end();) {
    if (p->first != from.value() && p->second != from.value()) {
      ++p;
      continue;
    }
    moved.push_back(*p);
    p = impl_->distinct.erase(p);
  }
  for (const auto& [a, b] : moved) {
    const std::int64_t other = a == from.value() ? b : a;
    if (other != into.value()) add_cannot_link(ClubId{other}, into);
  }
}

void Matcher::add_exonym(std::string exonym, std::string name) {
  impl_->exonyms[fold_key(exonym)] = fold_key(name);
}

Resolution Matcher::resolve(std::string_view raw, const MatchContext& context) const {
  return impl_->resolve(raw, context);
}

std::optional<Candidate> Matcher::compatible(std::string_view raw, ClubId id) const {
  return impl_->compatible(raw, id);
}

std::size_t Matcher::size() const { return impl_->clubs.size(); }

}  // namespace footballdb::names
