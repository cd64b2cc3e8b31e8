// Text helpers shared by the line-oriented source parsers: reading lines with their numbers,
// columns, and the score notations sources write ("2:1 (0:0, 1:0) aet", "1–1 n.V., 4:3 i.E.").
#pragma once

#include <cstddef>
#include <istream>
#include <optional>
#include <string>
#include <string_view>

#include "footballdb/error.hpp"
#include "core/text.hpp"
#include "footballdb/types.hpp"
#include "import/records.hpp"

namespace footballdb::import {

// True when `pred` holds for some line of `text` (lines split at '\n', the last one possibly
// cut short): what the sniffers ask of a file's first bytes.
template <class Pred>
bool any_line(std::string_view text, Pred pred) {
  while (!text.empty()) {
    const std::size_t nl = text.find('\n');
    if (pred(text.substr(0, nl))) return true;
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
  return false;
}

// Reads a stream line by line: no end-of-line characters ("\n" or "\r\n"), no UTF-8 byte order
// mark; the last line need not end with a newline. Lines count from 1.
class LineReader {
 public:
  LineReader(std::istream& in, std::string path) : in_(in), path_(std::move(path)) {}
  // Reads the next line; false at the end of the stream.
  bool next();
  const std::string& line() const { return line_; }
  int number() const { return number_; }
  const std::string& path() const { return path_; }
  // Where byte `offset` of the current line is; columns count UTF-8 characters from 1.
  SourceLocation at(std::size_t offset) const;

 private:
  std::istream& in_;
  std::string path_;
  std::string line_;
  int number_ = 0;
};

// 1-based column of byte `offset` in `line`, counting UTF-8 characters.
int column_at(std::string_view line, std::size_t offset);

// A score written "2:1", "2-1" or "2–1" (spaces allowed around the separator) at s[pos]; on
// success `*end` is the byte after it.
std::optional<Score> score_at(std::string_view s, std::size_t pos, std::size_t* end);

// What a score notation says, every score as written (left:right).
struct ScoreNotation {
  Score main;                      // the first score: after extra time when extra_time is set
  std::optional<Score> half_time;  // first score in parentheses
  std::optional<Score> after_90;   // second score in parentheses ("(0:0, 1:0) aet")
  std::optional<Score> penalties;  // the score next to a shoot-out mark
  bool extra_time = false;         // "aet", "a.e.t.", "n.V.", "after extra time"
  bool penalty_mark = false;       // "pen", "pen.", "p", "i.E.", "n.E.", "on penalties"
  bool away_goals_mark = false;    // "(a)", "away goals"
};

// Why a notation did not read: the byte offset in the text and what was expected there.
struct NotationError {
  std::size_t offset = 0;
  std::string expected;
};

// Parses a whole score notation: "0:6 (0:0)", "2:1 (0:0, 1:0) aet", "1:1 n.V., 4:3 i.E.",
// "i.E. 4:3", "1–1 (4–3 p)", "3–3 (a)". Nullopt with *error filled when it does not read.
std::optional<ScoreNotation> parse_score_notation(std::string_view text, NotationError* error);

// The same score seen from the other side.
inline Score swapped(Score s) { return Score{s.away, s.home}; }

// Sets the leg's full_time, half_time, extra_time and penalties from `n`, turning every score
// round when `swap` is true (a notation written away:home).
void set_leg_scores(const ScoreNotation& n, bool swap, LegRecord& leg);

}  // namespace footballdb::import
