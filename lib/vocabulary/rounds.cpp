#include "vocabulary/rounds.hpp"

#include <array>
#include <cstddef>
#include <vector>

#include "footballdb/names.hpp"
#include "core/text.hpp"

namespace footballdb::vocabulary {
namespace {

constexpr int kPreliminary = 10;
constexpr int kQualifyingBase = 10;  // + 10 * n: 20, 30, 40
constexpr int kPlayOff = 50;
constexpr int kRoundBase = 50;  // + 10 * n: 60, 70, 80
constexpr int kGroups = 100;
constexpr int kKnockoutPlayOffs = 120;
constexpr int kRoundOf64 = 125;
constexpr int kRoundOf32 = 130;
constexpr int kRoundOf16 = 140;
constexpr int kQuarterFinals = 150;
constexpr int kSemiFinals = 160;
constexpr int kFinal = 170;

struct FixedName {
  std::string_view key;  // compact form: lower-case letters and digits only
  std::string_view name;
  int order;
  bool knockout;
};

constexpr std::array kFixedNames{
    FixedName{"preliminaryround", "Preliminary round", kPreliminary, true},
    FixedName{"preliminary", "Preliminary round", kPreliminary, true},
    FixedName{"prelim", "Preliminary round", kPreliminary, true},
    FixedName{"vorqualifikation", "Preliminary round", kPreliminary, true},
    FixedName{"playoffround", "Play-off round", kPlayOff, true},
    FixedName{"playoff", "Play-off round", kPlayOff, true},
    FixedName{"playoffs", "Play-off round", kPlayOff, true},
    FixedName{"playoffrunde", "Play-off round", kPlayOff, true},
    FixedName{"qpo", "Play-off round", kPlayOff, true},
    FixedName{"groupstage", "Group stage", kGroups, false},
    FixedName{"gruppenphase", "Group stage", kGroups, false},
    FixedName{"leaguephase", "League phase", kGroups, false},
    FixedName{"league", "League phase", kGroups, false},
    FixedName{"ligaphase", "League phase", kGroups, false},
    FixedName{"knockoutroundplayoffs", "Knockout round play-offs", kKnockoutPlayOffs, true},
    FixedName{"knockoutphaseplayoffs", "Knockout round play-offs", kKnockoutPlayOffs, true},
    FixedName{"knockoutplayoffs", "Knockout round play-offs", kKnockoutPlayOffs, true},
    FixedName{"kophaseplayoffs", "Knockout round play-offs", kKnockoutPlayOffs, true},
    FixedName{"roundof64", "Round of 64", kRoundOf64, true},
    FixedName{"last64", "Round of 64", kRoundOf64, true},
    FixedName{"trentedeuxiemesdefinale", "Round of 64", kRoundOf64, true},
    FixedName{"32esdefinale", "Round of 64", kRoundOf64, true},
    FixedName{"132finale", "Round of 64", kRoundOf64, true},
    FixedName{"132final", "Round of 64", kRoundOf64, true},
    FixedName{"roundof32", "Round of 32", kRoundOf32, true},
    FixedName{"seiziemesdefinale", "Round of 32", kRoundOf32, true},
    FixedName{"16esdefinale", "Round of 32", kRoundOf32, true},
    FixedName{"dieciseisavosdefinal", "Round of 32", kRoundOf32, true},
    FixedName{"dieciseisavos", "Round of 32", kRoundOf32, true},
    FixedName{"sedicesimidifinale", "Round of 32", kRoundOf32, true},
    FixedName{"116final", "Round of 32", kRoundOf32, true},
    FixedName{"huitiemesdefinale", "Round of 16", kRoundOf16, true},
    FixedName{"8esdefinale", "Round of 16", kRoundOf16, true},
    FixedName{"octavosdefinal", "Round of 16", kRoundOf16, true},
    FixedName{"octavos", "Round of 16", kRoundOf16, true},
    FixedName{"oitavosdefinal", "Round of 16", kRoundOf16, true},
    FixedName{"ottavidifinale", "Round of 16", kRoundOf16, true},
    FixedName{"achtstefinale", "Round of 16", kRoundOf16, true},
    FixedName{"achtstefinales", "Round of 16", kRoundOf16, true},
    FixedName{"18final", "Round of 16", kRoundOf16, true},
    FixedName{"quartsdefinale", "Quarter-finals", kQuarterFinals, true},
    FixedName{"cuartosdefinal", "Quarter-finals", kQuarterFinals, true},
    FixedName{"quartosdefinal", "Quarter-finals", kQuarterFinals, true},
    FixedName{"quartidifinale", "Quarter-finals", kQuarterFinals, true},
    FixedName{"kwartfinale", "Quarter-finals", kQuarterFinals, true},
    FixedName{"kwartfinales", "Quarter-finals", kQuarterFinals, true},
    FixedName{"14final", "Quarter-finals", kQuarterFinals, true},
    FixedName{"demifinale", "Semi-finals", kSemiFinals, true},
    FixedName{"demifinales", "Semi-finals", kSemiFinals, true},
    FixedName{"semifinale", "Semi-finals", kSemiFinals, true},
    FixedName{"semifinales", "Semi-finals", kSemiFinals, true},
    FixedName{"meiasfinais", "Semi-finals", kSemiFinals, true},
    FixedName{"halvefinale", "Semi-finals", kSemiFinals, true},
    FixedName{"halvefinales", "Semi-finals", kSemiFinals, true},
    FixedName{"12final", "Semi-finals", kSemiFinals, true},
    FixedName{"last32", "Round of 32", kRoundOf32, true},
    FixedName{"r32", "Round of 32", kRoundOf32, true},
    FixedName{"sechzehntelfinale", "Round of 32", kRoundOf32, true},
    FixedName{"116finale", "Round of 32", kRoundOf32, true},
    FixedName{"116finals", "Round of 32", kRoundOf32, true},
    FixedName{"roundof16", "Round of 16", kRoundOf16, true},
    FixedName{"last16", "Round of 16", kRoundOf16, true},
    FixedName{"r16", "Round of 16", kRoundOf16, true},
    FixedName{"achtelfinale", "Round of 16", kRoundOf16, true},
    FixedName{"eighthfinals", "Round of 16", kRoundOf16, true},
    FixedName{"18finale", "Round of 16", kRoundOf16, true},
    FixedName{"18finals", "Round of 16", kRoundOf16, true},
    FixedName{"quarterfinals", "Quarter-finals", kQuarterFinals, true},
    FixedName{"quarterfinal", "Quarter-finals", kQuarterFinals, true},
    FixedName{"qf", "Quarter-finals", kQuarterFinals, true},
    FixedName{"viertelfinale", "Quarter-finals", kQuarterFinals, true},
    FixedName{"14finale", "Quarter-finals", kQuarterFinals, true},
    FixedName{"14finals", "Quarter-finals", kQuarterFinals, true},
    FixedName{"semifinals", "Semi-finals", kSemiFinals, true},
    FixedName{"semifinal", "Semi-finals", kSemiFinals, true},
    FixedName{"semis", "Semi-finals", kSemiFinals, true},
    FixedName{"sf", "Semi-finals", kSemiFinals, true},
    FixedName{"halbfinale", "Semi-finals", kSemiFinals, true},
    FixedName{"12finale", "Semi-finals", kSemiFinals, true},
    FixedName{"12finals", "Semi-finals", kSemiFinals, true},
    FixedName{"final", "Final", kFinal, true},
    FixedName{"finale", "Final", kFinal, true},
    FixedName{"endspiel", "Final", kFinal, true},
    FixedName{"finals", "Finals", kFinal, true},
    FixedName{"endspiele", "Finals", kFinal, true},
};

// Words that, with one ordinal removed, name a numbered round.
constexpr std::array<std::string_view, 8> kQualifyingWords{
    "qualifyinground", "qualifying", "qualround", "qr", "q", "qualifikationsrunde",
    "qualifikationrunde", "qualifikation"};
constexpr std::array<std::string_view, 2> kRoundWords{"round", "runde"};

constexpr std::array<std::string_view, 12> kOrdinalNames{
    "First", "Second", "Third",   "Fourth", "Fifth",  "Sixth",
    "Seventh", "Eighth", "Ninth", "Tenth", "Eleventh", "Twelfth"};

// The order of round `n`: 60, 70, 80, 90 for the first four, then packed below the group stage
// (national cups number up to twelve rounds before their quarter-finals).
int round_order(int n) { return n <= 4 ? kRoundBase + 10 * n : kRoundBase + 40 + (n - 4); }

// Words that, with one ordinal, name a numbered preliminary round ("1. Vorrunde").
constexpr std::array<std::string_view, 3> kPreliminaryWords{"vorrunde", "preliminaryround",
                                                            "preliminary"};

bool is_ascii_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Lower-case tokens, split at anything but letters and digits and between letters and digits.
// Bytes of non-ASCII letters are kept as letters (they never match an ASCII key).
std::vector<std::string> tokens_of(std::string_view raw) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) out.push_back(std::move(cur));
    cur.clear();
  };
  for (std::size_t i = 0; i < raw.size();) {
    if (const std::size_t n = dash_at(raw, i)) {
      flush();
      i += n;
      continue;
    }
    const auto c = static_cast<unsigned char>(raw[i]);
    const bool letter_or_digit = c >= 0x80 || is_ascii_alnum(c);
    if (!letter_or_digit) {
      flush();
    } else {
      const char lc = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : raw[i];
      if (!cur.empty() && is_ascii_digit(cur.back()) != is_ascii_digit(lc)) flush();
      cur += lc;
    }
    ++i;
  }
  flush();
  return out;
}

// 1..12 for "1", "1st", "first", "erste", ...; 0 for anything else.
int ordinal_value(std::string_view t) {
  static constexpr std::array<std::array<std::string_view, 7>, 12> kWords{{
      {"1", "1st", "first", "erste", "ersten", "erster", "1te"},
      {"2", "2nd", "second", "zweite", "zweiten", "zweiter", "2te"},
      {"3", "3rd", "third", "dritte", "dritten", "dritter", "3te"},
      {"4", "4th", "fourth", "vierte", "vierten", "vierter", "4te"},
      {"5", "5th", "fifth", "funfte", "funften", "funfter", "5te"},
      {"6", "6th", "sixth", "sechste", "sechsten", "sechster", "6te"},
      {"7", "7th", "seventh", "siebte", "siebten", "siebter", "7te"},
      {"8", "8th", "eighth", "achte", "achten", "achter", "8te"},
      {"9", "9th", "ninth", "neunte", "neunten", "neunter", "9te"},
      {"10", "10th", "tenth", "zehnte", "zehnten", "zehnter", "10te"},
      {"11", "11th", "eleventh", "elfte", "elften", "elfter", "11te"},
      {"12", "12th", "twelfth", "zwolfte", "zwolften", "zwolfter", "12te"},
  }};
  for (std::size_t n = 0; n < kWords.size(); ++n) {
    for (std::string_view w : kWords[n]) {
      if (t == w) return static_cast<int>(n) + 1;
    }
  }
  return 0;
}

template <std::size_t N>
bool one_of(const std::string& s, const std::array<std::string_view, N>& words) {
  for (std::string_view w : words) {
    if (s == w) return true;
  }
  return false;
}

std::optional<CanonicalRound> numbered_round(std::vector<std::string> tokens) {
  // Join a number with its ordinal suffix: "2" "nd" -> "2nd".
  std::vector<std::string> merged;
  for (auto& t : tokens) {
    if (!merged.empty() && is_ascii_digit(merged.back().back()) &&
        (t == "st" || t == "nd" || t == "rd" || t == "th" || t == "te")) {
      merged.back() += t;
    } else {
      merged.push_back(std::move(t));
    }
  }
  int ordinal = 0;
  std::string rest;
  for (const auto& t : merged) {
    const int v = ordinal_value(t);
    if (v != 0 && ordinal == 0) {
      ordinal = v;
    } else {
      rest += t;
    }
  }
  if (ordinal == 0) return std::nullopt;
  const std::string first(kOrdinalNames[static_cast<std::size_t>(ordinal - 1)]);
  if (one_of(rest, kQualifyingWords) && ordinal <= 3) {
    return CanonicalRound{first + " qualifying round", kQualifyingBase + 10 * ordinal, true};
  }
  if (one_of(rest, kRoundWords)) {
    return CanonicalRound{first + " round", round_order(ordinal), true};
  }
  if (one_of(rest, kPreliminaryWords) && ordinal <= 9) {
    return CanonicalRound{first + " preliminary round", kPreliminary - 10 + ordinal, true};
  }
  return std::nullopt;
}

bool is_edge_punctuation(char c) {
  switch (c) {
    case ':': case ',': case ';': case '.': case '!': case '?': case '(': case ')':
    case '"': case '\'': case '[': case ']': case '=': case '*': case ' ': case '\t':
      return true;
    default:
      return false;
  }
}

bool is_clause_break(char c) {
  return c == ',' || c == ':' || c == ';' || c == '(' || c == ')' || c == '|';
}

}  // namespace

std::optional<CanonicalRound> canonical_round(std::string_view raw) {
  // Accents and case do not matter: "Huitièmes de finale", "1/8 Final".
  std::vector<std::string> tokens = tokens_of(fold_key(raw));
  if (tokens.empty()) return std::nullopt;
  std::string compact;
  for (const auto& t : tokens) compact += t;
  for (const auto& f : kFixedNames) {
    if (compact == f.key) return CanonicalRound{std::string(f.name), f.order, f.knockout};
  }
  // engsoccerdata's GroupA, GroupB-prelim, GroupC-inter; "Group A", "Gruppe B".
  if (tokens.front().rfind("group", 0) == 0 || tokens.front() == "gruppe") {
    if (compact.size() <= 16) return CanonicalRound{"Group stage", kGroups, false};
  }
  return numbered_round(std::move(tokens));
}

std::optional<std::string> group_of(std::string_view raw) {
  std::vector<std::string> tokens = tokens_of(fold_key(raw));
  if (tokens.empty()) return std::nullopt;
  static constexpr std::array<std::string_view, 6> kGroupWords{"group", "gruppe", "groupe",
                                                               "grupo", "girone", "poule"};
  std::string label;
  if (one_of(tokens.front(), kGroupWords) && tokens.size() >= 2) {
    label = tokens[1];
  } else if (tokens.front().size() == 6 && tokens.front().rfind("group", 0) == 0) {
    label = tokens.front().substr(5);  // "groupa"
  }
  const bool letter = label.size() == 1 && label[0] >= 'a' && label[0] <= 'z';
  const bool number = !label.empty() && label.size() <= 2 && is_ascii_digit(label[0]) &&
                      is_ascii_digit(label.back());
  if (!letter && !number) return std::nullopt;
  for (char& c : label) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  return label;
}

std::optional<std::string> find_round_name(std::string_view prose) {
  constexpr std::size_t kMaxWords = 5;
  // Words as [begin, end) byte offsets, each with the clause it belongs to: a run of words never
  // crosses a comma, colon, semicolon or bracket.
  struct Word {
    std::size_t begin;
    std::size_t end;
    int clause;
  };
  std::vector<Word> words;
  int clause = 0;
  for (std::size_t i = 0; i < prose.size();) {
    const char c = prose[i];
    if (c == ' ' || c == '\t' || is_clause_break(c)) {
      if (is_clause_break(c)) ++clause;
      ++i;
      continue;
    }
    const std::size_t begin = i;
    while (i < prose.size() && prose[i] != ' ' && prose[i] != '\t' && !is_clause_break(prose[i])) ++i;
    words.push_back(Word{begin, i, clause});
  }
  for (std::size_t len = std::min(kMaxWords, words.size()); len >= 1; --len) {
    std::optional<std::string> found;
    std::optional<std::string> found_name;
    bool conflict = false;
    for (std::size_t w = 0; w + len <= words.size(); ++w) {
      if (words[w].clause != words[w + len - 1].clause) continue;
      std::size_t b = words[w].begin;
      std::size_t e = words[w + len - 1].end;
      while (b < e && is_edge_punctuation(prose[b])) ++b;
      while (e > b && is_edge_punctuation(prose[e - 1])) --e;
      if (b == e) continue;
      const std::string_view span = prose.substr(b, e - b);
      const auto round = canonical_round(span);
      if (!round) continue;
      if (!found) {
        found = std::string(span);
        found_name = round->name;
      } else if (*found_name != round->name) {
        conflict = true;
      }
    }
    if (conflict) return std::nullopt;
    if (found) return found;
  }
  return std::nullopt;
}

}  // namespace footballdb::vocabulary
