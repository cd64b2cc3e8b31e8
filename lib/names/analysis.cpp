#include "names/analysis.hpp"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "core/text.hpp"
#include "footballdb/names.hpp"
#include "names/vocabulary.hpp"

namespace footballdb::names {
namespace {

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

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

// Whether an ASCII word is written like an abbreviation, as looks_like_abbreviation says.
bool ascii_looks_like_abbreviation(std::string_view word) {
  if (word.size() < 2 || word.size() > 5) return false;
  std::size_t upper = 0, inner_upper = 0;
  bool lower_seen = false;
  for (char c : word) {
    if (c >= 'A' && c <= 'Z') {
      ++upper;
      if (lower_seen) ++inner_upper;
    } else if (c >= 'a' && c <= 'z') {
      lower_seen = true;
    } else {
      return false;
    }
  }
  return upper >= 2 && (upper == word.size() || inner_upper > 0);
}

// Abbreviation-looking words of a raw name, as their fold_key.
std::set<std::string> abbreviation_words(std::string_view raw) {
  std::set<std::string> out;
  if (is_ascii(raw)) {
    // ASCII: the words are runs of letters and digits, and their fold_key is their lower case.
    auto alnum = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
    for (auto it = raw.begin(); it != raw.end();) {
      it = std::find_if(it, raw.end(), alnum);
      const auto end = std::find_if_not(it, raw.end(), alnum);
      const std::string_view word(&*it, static_cast<std::size_t>(end - it));
      if (ascii_looks_like_abbreviation(word)) {
        std::string folded(word);
        for (char& c : folded) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        out.insert(std::move(folded));
      }
      it = end;
    }
    return out;
  }
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

}  // namespace

int variant_of(const std::optional<std::string>& country) {
  return country && *country == "AZE" ? kAzeri : kGeneric;
}

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

std::string join(const std::vector<std::string>& words, char separator) {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out.push_back(separator);
    out += w;
  }
  return out;
}

std::string skeleton_word(std::string_view w, int variant) {
  std::string out;
  out.reserve(w.size());
  // The letter `k` places on from `i`, or 0 past the end.
  auto at = [&](std::size_t i, std::size_t k) { return i + k < w.size() ? w[i + k] : '\0'; };
  for (std::size_t i = 0; i < w.size();) {
    const char c = w[i];
    char mapped = c;
    std::size_t used = 1;
    if (static_cast<unsigned char>(c) >= 0x80) {
      ++i;
      continue;
    }
    const bool h_next = at(i, 1) == 'h';
    switch (c) {
      case 'x':
        if (variant == kAzeri) mapped = 'h';
        break;
      case 'q':
        mapped = variant == kAzeri ? 'g' : 'k';
        break;
      case 't':  // tsch, tch
        if (at(i, 1) == 's' && at(i, 2) == 'c' && at(i, 3) == 'h') {
          mapped = 'c', used = 4;
        } else if (at(i, 1) == 'c' && at(i, 2) == 'h') {
          mapped = 'c', used = 3;
        }
        break;
      case 's':  // sch, sh
        if (at(i, 1) == 'c' && at(i, 2) == 'h') {
          used = 3;
        } else if (h_next) {
          used = 2;
        }
        break;
      case 'c':  // ch, ck
        if (h_next) {
          used = 2;
        } else if (at(i, 1) == 'k') {
          mapped = 'k', used = 2;
        }
        break;
      case 'z':  // zh, z
        mapped = 's';
        if (h_next) used = 2;
        break;
      case 'k':  // kh
        if (h_next) mapped = 'h', used = 2;
        break;
      case 'g':  // gh
        if (h_next) used = 2;
        break;
      case 'p':  // ph
        if (h_next) mapped = 'f', used = 2;
        break;
      case 'w':
        mapped = 'v';
        break;
      case 'j':
      case 'y':
        mapped = 'i';
        break;
      case 'e':  // ae, oe, ue: ä, ö, ü and ø written without them (Koeln, Broendby), not
                 // in a short word (Caen is no CAN)
        if (i > 0 && w.size() >= 5 && (w[i - 1] == 'a' || w[i - 1] == 'o' || w[i - 1] == 'u')) {
          ++i;
          continue;
        }
        break;
      default:
        break;
    }
    i += used;
    const bool letter = mapped >= 'a' && mapped <= 'z';
    if (letter && !out.empty() && out.back() == mapped) continue;
    out.push_back(mapped);
  }
  return out;
}

std::string stem(std::string w) {
  if (is_digits(w)) return w;
  if (w.size() > 3 && w.back() == 's') w.pop_back();
  if (w.size() > 3 && w.back() == 'n' && is_vowel(w[w.size() - 2])) w.pop_back();
  while (w.size() > 3 && is_vowel(w.back())) w.pop_back();
  return w;
}

const std::string* legal_class_of(const std::string& skeleton) {
  static const std::unordered_map<std::string, std::string> kClasses = [] {
    std::unordered_map<std::string, std::string> out;
    for (const auto& [form, cls] : name_vocabulary().legal_forms) {
      out[skeleton_word(form, kGeneric)] = cls;
    }
    return out;
  }();
  auto it = kClasses.find(skeleton);
  return it == kClasses.end() ? nullptr : &it->second;
}

bool is_stop_word(std::string_view w) { return name_vocabulary().stop.count(w) > 0; }

bool is_place_word(std::string_view w) {
  return is_stop_word(w) || name_vocabulary().place.count(w) > 0;
}

bool is_reserve_word(std::string_view w) { return name_vocabulary().reserve.count(w) > 0; }

bool same_whole_word(const Word& a, const Word& b) {
  return a.folded == b.folded || (a.stem == b.stem && a.stem.size() >= 5);
}

bool same_word(const Word& a, const Word& b) {
  if (a.folded == b.folded || a.stem == b.stem) return true;
  const std::string& s = a.folded.size() < b.folded.size() ? a.folded : b.folded;
  const std::string& l = a.folded.size() < b.folded.size() ? b.folded : a.folded;
  return s.size() >= 4 && l.size() - s.size() <= 2 && l.compare(0, s.size(), s) == 0;
}

bool has_reserve_word(const std::vector<Word>& words) {
  return std::any_of(words.begin(), words.end(),
                     [](const Word& w) { return is_reserve_word(w.folded); });
}

std::string capital_initials(std::string_view raw) {
  icu::UnicodeString text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(raw.data(), static_cast<int32_t>(raw.size())));
  std::string capitals;
  for (int32_t i = 0; i < text.length() && capitals.size() < 2; i = text.moveIndex32(i, 1)) {
    UChar32 c = text.char32At(i);
    if (u_isupper(c)) {
      std::string letter;
      icu::UnicodeString(c).toUTF8String(letter);
      capitals += fold_key(letter);
    }
  }
  return capitals.substr(0, 2);
}

bool capitals_only(std::string_view raw) {
  return std::none_of(raw.begin(), raw.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

Analyzer::Analyzer() = default;
Analyzer::~Analyzer() = default;

bool Analyzer::needs_latin(std::string_view folded) { return has_non_ascii(folded); }

std::string Analyzer::latin(std::string_view raw) const {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!transliterator_) {
    UErrorCode status = U_ZERO_ERROR;
    transliterator_.reset(icu::Transliterator::createInstance(
        "Russian-Latin/BGN; Georgian-Latin/BGN; Armenian-Latin/BGN; Any-Latin", UTRANS_FORWARD,
        status));
    if (U_FAILURE(status)) {
      status = U_ZERO_ERROR;
      transliterator_.reset(icu::Transliterator::createInstance("Any-Latin", UTRANS_FORWARD, status));
    }
    if (U_FAILURE(status)) transliterator_.reset();
  }
  icu::UnicodeString text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(raw.data(), static_cast<int32_t>(raw.size())));
  if (transliterator_) transliterator_->transliterate(text);
  std::string out;
  text.toUTF8String(out);
  return out;
}

Analysis Analyzer::analyse(std::string_view raw, const std::optional<std::string>& latin_text) const {
  Analysis a;
  a.folded = fold_key(raw);
  const std::set<std::string> abbreviations = abbreviation_words(raw);
  std::string text(raw);
  if (needs_latin(a.folded)) text = latin_text ? *latin_text : latin(text);
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
  const auto& short_forms = name_vocabulary().short_forms;
  // The variants differ only in how they sound x and q.
  const bool variants_alike = base.find_first_of("xq") == std::string::npos;
  for (int v = 0; v < kVariants; ++v) {
    if (v > 0 && variants_alike) {
      a.words[static_cast<std::size_t>(v)] = a.words[0];
      a.skeleton[static_cast<std::size_t>(v)] = a.skeleton[0];
      continue;
    }
    std::vector<std::string> skeletons;
    for (const auto& fw : folded_words) {
      Word w;
      // A short form is the word it stands for ("Leeds Utd": Leeds United).
      const auto full = short_forms.find(fw);
      w.folded = full == short_forms.end() ? fw : full->second;
      w.skeleton = skeleton_word(w.folded, v);
      if (w.skeleton.empty()) continue;
      w.stem = stem(w.skeleton);
      w.abbreviation = abbreviations.count(fw) > 0;
      w.stop = is_stop_word(fw);
      w.number = is_digits(w.skeleton);
      // A word written as an abbreviation is a legal form only when short (FK, but not KuPS).
      if (!w.abbreviation || fw.size() <= 3) w.legal = legal_class_of(w.skeleton);
      skeletons.push_back(w.skeleton);
      a.words[static_cast<std::size_t>(v)].push_back(std::move(w));
    }
    a.skeleton[static_cast<std::size_t>(v)] = join(skeletons);
  }
  return a;
}

}  // namespace footballdb::names
