#include "import/text.hpp"

#include <array>
#include <vector>

namespace footballdb::import {
namespace {

std::optional<int> number_at(std::string_view s, std::size_t* pos) {
  std::size_t i = *pos;
  int value = 0;
  while (i < s.size() && is_ascii_digit(s[i]) && i - *pos < 3) value = value * 10 + (s[i++] - '0');
  if (i == *pos || (i < s.size() && is_ascii_digit(s[i]))) return std::nullopt;
  *pos = i;
  return value;
}

enum class TokenKind { kScore, kOpen, kClose, kComma, kExtraTime, kPenalties, kAwayGoals };

struct Token {
  TokenKind kind;
  std::size_t offset;
  Score score{};
};

// Marks, longest first, as letters only: "a.e.t." -> "aet", "i. E." -> "ie".
struct Mark {
  std::string_view letters;
  TokenKind kind;
};
constexpr std::array kMarks{
    Mark{"afterextratime", TokenKind::kExtraTime}, Mark{"onpenalties", TokenKind::kPenalties},
    Mark{"penalties", TokenKind::kPenalties},      Mark{"awaygoals", TokenKind::kAwayGoals},
    Mark{"pens", TokenKind::kPenalties},           Mark{"aet", TokenKind::kExtraTime},
    Mark{"pen", TokenKind::kPenalties},            Mark{"nv", TokenKind::kExtraTime},
    Mark{"et", TokenKind::kExtraTime},             Mark{"ie", TokenKind::kPenalties},
    Mark{"ne", TokenKind::kPenalties},             Mark{"p", TokenKind::kPenalties},
    Mark{"a", TokenKind::kAwayGoals},
};

// Splits a run of letters into marks; false when some part is not a mark.
bool split_marks(const std::string& letters, std::size_t offset, std::vector<Token>* out) {
  std::size_t i = 0;
  while (i < letters.size()) {
    bool matched = false;
    for (const auto& m : kMarks) {
      if (letters.compare(i, m.letters.size(), m.letters) == 0) {
        out->push_back(Token{m.kind, offset, {}});
        i += m.letters.size();
        matched = true;
        break;
      }
    }
    if (!matched) return false;
  }
  return true;
}

bool tokenize(std::string_view s, std::vector<Token>* out, NotationError* error) {
  std::size_t i = 0;
  std::string letters;  // a run of words with nothing but spaces and dots between them
  std::size_t letters_at = 0;
  auto flush = [&]() {
    if (letters.empty()) return true;
    if (!split_marks(letters, letters_at, out)) {
      *error = {letters_at, "expected a score mark (a.e.t., n.V., pen., i.E., (a))"};
      return false;
    }
    letters.clear();
    return true;
  };
  while (i < s.size()) {
    const char c = s[i];
    if (is_ascii_space(c) || c == '.') {
      ++i;
      continue;
    }
    if (is_ascii_letter(c)) {
      if (letters.empty()) letters_at = i;
      while (i < s.size() && (is_ascii_letter(s[i]) || s[i] == '.')) {
        if (s[i] != '.') letters += static_cast<char>(s[i] | 0x20);
        ++i;
      }
      continue;
    }
    if (!flush()) return false;
    if (is_ascii_digit(c)) {
      std::size_t end = 0;
      const auto score = score_at(s, i, &end);
      if (!score) {
        *error = {i, "expected a score like 2:1"};
        return false;
      }
      out->push_back(Token{TokenKind::kScore, i, *score});
      i = end;
    } else if (c == '(' || c == ')' || c == ',' || c == ';') {
      const TokenKind kind = c == '(' ? TokenKind::kOpen
                             : c == ')' ? TokenKind::kClose
                                        : TokenKind::kComma;
      out->push_back(Token{kind, i, {}});
      ++i;
    } else {
      *error = {i, "expected a score like 2:1, a bracket or a mark (a.e.t., n.V., pen.)"};
      return false;
    }
  }
  return flush();
}

}  // namespace

bool LineReader::next() {
  if (!std::getline(in_, line_)) return false;
  ++number_;
  if (!line_.empty() && line_.back() == '\r') line_.pop_back();
  if (number_ == 1 && line_.compare(0, 3, "\xEF\xBB\xBF") == 0) line_.erase(0, 3);
  return true;
}

SourceLocation LineReader::at(std::size_t offset) const {
  return SourceLocation{path_, number_, column_at(line_, offset)};
}

int column_at(std::string_view line, std::size_t offset) {
  int column = 1;
  for (std::size_t i = 0; i < offset && i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++column;
  }
  return column;
}

std::optional<Score> score_at(std::string_view s, std::size_t pos, std::size_t* end) {
  std::size_t i = pos;
  const auto a = number_at(s, &i);
  if (!a) return std::nullopt;
  while (i < s.size() && s[i] == ' ') ++i;
  std::size_t sep = 0;
  if (i < s.size() && s[i] == ':') {
    sep = 1;
  } else {
    sep = dash_at(s, i);
  }
  if (sep == 0) return std::nullopt;
  i += sep;
  while (i < s.size() && s[i] == ' ') ++i;
  const auto b = number_at(s, &i);
  if (!b) return std::nullopt;
  *end = i;
  return Score{*a, *b};
}

std::optional<ScoreNotation> parse_score_notation(std::string_view text, NotationError* error) {
  std::vector<Token> tokens;
  if (!tokenize(text, &tokens, error)) return std::nullopt;
  std::size_t main = tokens.size();
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    if (tokens[k].kind == TokenKind::kScore) {
      main = k;
      break;
    }
  }
  if (main == tokens.size()) {
    *error = {tokens.empty() ? 0 : tokens.front().offset, "expected a score like 2:1"};
    return std::nullopt;
  }
  ScoreNotation n;
  n.main = tokens[main].score;
  std::vector<bool> used(tokens.size(), false);
  used[main] = true;
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    switch (tokens[k].kind) {
      case TokenKind::kExtraTime:
        n.extra_time = true;
        break;
      case TokenKind::kAwayGoals:
        n.away_goals_mark = true;
        break;
      case TokenKind::kPenalties: {
        n.penalty_mark = true;
        std::size_t score = tokens.size();
        if (k > 0 && tokens[k - 1].kind == TokenKind::kScore && !used[k - 1]) {
          score = k - 1;
        } else if (k + 1 < tokens.size() && tokens[k + 1].kind == TokenKind::kScore) {
          score = k + 1;
        }
        if (score < tokens.size()) {
          if (n.penalties) {
            *error = {tokens[k].offset, "expected one shoot-out score"};
            return std::nullopt;
          }
          n.penalties = tokens[score].score;
          used[score] = true;
        }
        break;
      }
      default:
        break;
    }
  }
  // Scores in the first pair of brackets: half time, then after 90 minutes.
  int depth = 0;
  int groups = 0;
  std::vector<std::size_t> bracketed;
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const Token& t = tokens[k];
    if (t.kind == TokenKind::kOpen) {
      if (depth != 0) {
        *error = {t.offset, "expected ')' before '('"};
        return std::nullopt;
      }
      depth = 1;
      ++groups;
    } else if (t.kind == TokenKind::kClose) {
      if (depth == 0) {
        *error = {t.offset, "expected '(' before ')'"};
        return std::nullopt;
      }
      depth = 0;
    } else if (t.kind == TokenKind::kScore && !used[k]) {
      if (depth == 0) {
        *error = {t.offset, "expected one score, with half time and 90 minutes in brackets"};
        return std::nullopt;
      }
      if (groups != 1 || bracketed.size() == 2) {
        *error = {t.offset, "expected at most a half-time and a 90-minute score in brackets"};
        return std::nullopt;
      }
      bracketed.push_back(k);
    }
  }
  if (depth != 0) {
    *error = {text.size(), "expected ')'"};
    return std::nullopt;
  }
  if (!bracketed.empty()) n.half_time = tokens[bracketed[0]].score;
  if (bracketed.size() == 2) {
    if (!n.extra_time) {
      *error = {tokens[bracketed[1]].offset,
                "expected a.e.t. after a result that gives a 90-minute score"};
      return std::nullopt;
    }
    n.after_90 = tokens[bracketed[1]].score;
  }
  return n;
}

void set_leg_scores(const ScoreNotation& n, bool swap, LegRecord& leg) {
  auto turn = [swap](std::optional<Score> s) -> std::optional<Score> {
    if (s && swap) return swapped(*s);
    return s;
  };
  if (n.extra_time) {
    leg.extra_time = turn(n.main);
    leg.full_time = turn(n.after_90);
  } else {
    leg.full_time = turn(n.main);
  }
  leg.half_time = turn(n.half_time);
  leg.penalties = turn(n.penalties);
}

}  // namespace footballdb::import
