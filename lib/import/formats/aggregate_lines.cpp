#include "import/formats/aggregate_lines.hpp"

#include <array>
#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

#include "vocabulary/rounds.hpp"
#include "import/text.hpp"

namespace footballdb::import {
namespace {

constexpr std::string_view kCellSeparator = "----";

struct Summary {
  std::string club;
  std::optional<Aggregate> aggregate;
  DecidedBy decided_by = DecidedBy::kAggregate;
};

struct SummaryError {
  std::size_t offset = 0;
  std::string expected;
};

// Consumes `word` (lower case) at lower[*pos]; false when it is not there.
bool eat(const std::string& lower, std::size_t* pos, std::string_view word) {
  if (lower.compare(*pos, word.size(), word) != 0) return false;
  *pos += word.size();
  return true;
}

// Consumes the first of `phrases` found at lower[*pos].
template <std::size_t N>
bool eat_any(const std::string& lower, std::size_t* pos, const std::array<std::string_view, N>& phrases) {
  for (std::string_view p : phrases) {
    if (eat(lower, pos, p)) return true;
  }
  return false;
}

constexpr std::array<std::string_view, 4> kPenaltyPhrases{
    "in a penalty shootout", "in a penalty shoot-out", "on penalties", "on penalty kicks"};
constexpr std::array<std::string_view, 2> kAwayGoalPhrases{"on away goals rule", "on away goals"};

// Reads one summary ("Gent won 3–2 on aggregate.", "1–1 on aggregate, X won on away goals
// rule."); nullopt with *error filled when it does not read.
std::optional<Summary> read_summary(std::string_view text, SummaryError* error) {
  const std::string lower = ascii_lower(text);
  Summary s;
  std::size_t pos = 0;
  std::size_t end = 0;
  if (const auto level = score_at(text, 0, &end)) {
    pos = end;
    if (!eat(lower, &pos, " on aggregate")) {
      *error = {pos, "expected 'on aggregate' after the score"};
      return std::nullopt;
    }
    if (pos < text.size() && (text[pos] == ',' || text[pos] == ';' || text[pos] == '.')) ++pos;
    while (pos < text.size() && text[pos] == ' ') ++pos;
    s.aggregate = Aggregate{level->home, level->away};
  }
  const std::size_t won = lower.find(" won ", pos);
  if (won == std::string::npos || trim(text.substr(pos, won - pos)).empty()) {
    *error = {pos, "expected 'Club won ...'"};
    return std::nullopt;
  }
  s.club = std::string(trim(text.substr(pos, won - pos)));
  pos = won + 5;
  std::optional<Score> score;
  if ((score = score_at(text, pos, &end))) {
    pos = end;
    if (!eat(lower, &pos, " ")) {
      *error = {pos, "expected ' on aggregate' after the score"};
      return std::nullopt;
    }
  }
  if (eat(lower, &pos, "on aggregate")) {
    if (!score || s.aggregate) {
      *error = {pos, "expected one aggregate score, 'Club won 3–2 on aggregate'"};
      return std::nullopt;
    }
    s.aggregate = Aggregate{score->home, score->away};
    s.decided_by = DecidedBy::kAggregate;
    eat(lower, &pos, " after extra time");
  } else if (eat_any(lower, &pos, kPenaltyPhrases)) {
    s.decided_by = DecidedBy::kPenalties;  // a score here is the shoot-out's
  } else if (!score && eat_any(lower, &pos, kAwayGoalPhrases)) {
    s.decided_by = DecidedBy::kAwayGoals;
  } else {
    *error = {pos, "expected 'on aggregate', 'on away goals' or 'in a penalty shootout'"};
    return std::nullopt;
  }
  if (pos < text.size() && text[pos] == '.') ++pos;
  if (!trim(text.substr(pos)).empty()) {
    *error = {pos, "expected the end of the summary"};
    return std::nullopt;
  }
  return s;
}

// The cells of a line between " ---- " separators: [begin, end) byte offsets, trimmed.
std::vector<std::pair<std::size_t, std::size_t>> cells_of(std::string_view line) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  std::size_t begin = 0;
  for (;;) {
    const std::size_t sep = line.find(kCellSeparator, begin);
    const std::size_t end = sep == std::string_view::npos ? line.size() : sep;
    std::size_t b = begin;
    std::size_t e = end;
    while (b < e && (line[b] == ' ' || line[b] == '\t')) ++b;
    while (e > b && (line[e - 1] == ' ' || line[e - 1] == '\t')) --e;
    out.emplace_back(b, e);
    if (sep == std::string_view::npos) break;
    begin = sep + kCellSeparator.size();
    while (begin < line.size() && line[begin] == '-') ++begin;  // "-----"
  }
  return out;
}

bool is_leg_heading(std::string_view line) {
  static constexpr std::array<std::string_view, 6> kHeadings{
      "first leg", "second leg", "1st leg", "2nd leg", "hinspiel", "r\xC3\xBC" "ckspiel"};
  const std::string lower = ascii_lower(trim(line));
  for (std::string_view h : kHeadings) {
    if (lower == h) return true;
  }
  return false;
}

bool looks_like_summaries(std::string_view line) {
  const std::string lower = ascii_lower(line);
  if (lower.find(" won ") != std::string::npos || lower.find("aggregate") != std::string::npos) {
    return true;
  }
  for (std::size_t i = 0; i < line.size(); ++i) {
    std::size_t end = 0;
    if ((i == 0 || line[i - 1] == ' ') && score_at(line, i, &end)) return true;
  }
  return false;
}

std::string unnamed_round_name(int count) {
  static constexpr std::array<std::string_view, 10> kOrdinals{
      "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth"};
  if (count >= 1 && count <= static_cast<int>(kOrdinals.size())) {
    return std::string(kOrdinals[static_cast<std::size_t>(count - 1)]) + " round";
  }
  return "Round " + std::to_string(count);
}

class Parser {
 public:
  Parser(std::istream& in, const std::string& path, const RecordSink& sink)
      : reader_(in, path), sink_(sink) {}

  void run() {
    while (reader_.next()) read_line(reader_.line());
  }

 private:
  void read_line(std::string_view line) {
    const std::string_view text = trim(line);
    if (text.empty() || is_leg_heading(text)) return;
    const auto cells = cells_of(line);
    bool all_empty = true;
    for (const auto& [b, e] : cells) all_empty = all_empty && b == e;
    if (all_empty) return;  // "---- ---- ----": the legs' cells, left empty
    if (const auto round = vocabulary::canonical_round(text)) {
      start_round(std::string(text), false, round->knockout, line.find_first_not_of(" \t"));
      named_open_ = true;
      return;
    }
    if (!looks_like_summaries(line)) return;  // prose
    if (!named_open_) {
      start_round(unnamed_round_name(++unnamed_), true, true, line.find_first_not_of(" \t"));
    }
    named_open_ = false;
    for (const auto& [b, e] : cells) {
      if (b == e) continue;
      const std::string_view cell = line.substr(b, e - b);
      SummaryError error;
      auto summary = read_summary(cell, &error);
      if (!summary) throw input_error(reader_.at(b + error.offset), error.expected);
      TieRecord tie;
      tie.where = reader_.at(b);
      tie.context = context_;
      tie.club_a = summary->club;
      tie.stated_winner = std::move(summary->club);
      tie.stated_aggregate = summary->aggregate;
      tie.stated_decided_by = summary->decided_by;
      tie.text = std::string(cell);
      sink_(std::move(tie));
    }
  }

  void start_round(std::string name, bool inferred, bool knockout, std::size_t offset) {
    context_.round = std::move(name);
    RoundRecord r;
    r.where = reader_.at(offset);
    r.context = context_;
    r.inferred = inferred;
    r.knockout = knockout;
    sink_(std::move(r));
  }

  LineReader reader_;
  const RecordSink& sink_;
  Context context_;
  int unnamed_ = 0;
  bool named_open_ = false;
};

}  // namespace

void parse_aggregate_lines(std::istream& in, const std::string& path, const RecordSink& sink) {
  Parser(in, path, sink).run();
}

bool sniff_aggregate_lines(std::string_view head) {
  return any_line(head, [](std::string_view line) {
    const auto [b, e] = cells_of(line).front();
    SummaryError error;
    return b != e && read_summary(line.substr(b, e - b), &error).has_value();
  });
}

}  // namespace footballdb::import
