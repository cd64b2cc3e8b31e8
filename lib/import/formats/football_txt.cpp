#include "import/formats/football_txt.hpp"

#include "import/text.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace footballdb::import {
namespace {

using std::string_view;

bool is_space(char c) { return c == ' ' || c == '\t'; }

bool starts_with(string_view s, string_view prefix) { return s.substr(0, prefix.size()) == prefix; }


bool contains(string_view s, string_view part) { return s.find(part) != string_view::npos; }

// Whitespace-separated tokens, as views into `s`.
std::vector<string_view> tokens_of(string_view s) {
  std::vector<string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_space(s[i])) ++i;
    std::size_t start = i;
    while (i < s.size() && !is_space(s[i])) ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

// The text from the start of `first` to the end of `last`; both view the same string.
string_view span(string_view first, string_view last) {
  return string_view(first.data(), static_cast<std::size_t>(last.data() + last.size() - first.data()));
}

// A whole run of 1 to `max_digits` digits.
std::optional<int> read_number(string_view s, std::size_t max_digits) {
  if (s.empty() || s.size() > max_digits) return std::nullopt;
  int value = 0;
  for (char c : s) {
    if (!is_ascii_digit(c)) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

constexpr std::array<string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::array<string_view, 7> kWeekdays = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

std::optional<int> month_of(string_view s) {
  for (std::size_t i = 0; i < kMonths.size(); ++i) {
    if (s == kMonths[i]) return static_cast<int>(i) + 1;
  }
  return std::nullopt;
}

std::optional<int> weekday_of(string_view s) {
  for (std::size_t i = 0; i < kWeekdays.size(); ++i) {
    if (s == kWeekdays[i]) return static_cast<int>(i);
  }
  return std::nullopt;
}

// Day of the week of a proleptic Gregorian date, 0 = Sunday (Sakamoto's method).
int weekday_of(int year, int month, int day) {
  static constexpr std::array<int, 12> kOffsets = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  if (month < 3) year -= 1;
  return (year + year / 4 - year / 100 + year / 400 + kOffsets[static_cast<std::size_t>(month - 1)] +
          day) %
         7;
}

// "Tue Jul/9 2024", "Jul/9", "Tue Aug 15": a weekday followed by a month or a slash, or a month
// name and a slash. Such a line must read as a date.
bool looks_like_date(string_view text) {
  auto tokens = tokens_of(text);
  if (tokens.empty()) return false;
  if (weekday_of(tokens[0]) && tokens.size() > 1 &&
      (month_of(tokens[1].substr(0, 3)) || contains(tokens[1], "/"))) {
    return true;
  }
  return tokens[0].size() > 4 && month_of(tokens[0].substr(0, 3)) && tokens[0][3] == '/';
}

// "17.30" or "17:30" (hour of one or two digits).
bool looks_like_time(string_view token) {
  if (token.size() != 4 && token.size() != 5) return false;
  std::size_t sep = token.size() - 3;
  return (token[sep] == '.' || token[sep] == ':') && is_ascii_digit(token[0]) && is_ascii_digit(token[sep - 1]) &&
         is_ascii_digit(token[sep + 1]) && is_ascii_digit(token[sep + 2]);
}

// A token that starts a score: a digit, then somewhere a dash ("2-1", or a broken "2-x").
bool starts_score(string_view token) {
  return !token.empty() && is_ascii_digit(token[0]) && contains(token, "-");
}

bool is_versus_word(string_view token) { return token == "v" || token == "vs" || token == "vs."; }

// Whether token `i` of a line stands between its two clubs: "v", "vs", or, with `dash` (an
// indented line or one with a kick-off time: not a heading such as "Round of 16 - 1st Leg")
// and neither word in the line, a dash alone where the score of a match not yet played goes
// ("Astur CF  -  EDF Logroño") with no score after it (else it is a word of a name: "Real
// Madrid - Castilla").
bool is_versus(const std::vector<string_view>& tokens, std::size_t i, bool dash) {
  const string_view token = tokens[i];
  if (is_versus_word(token)) return true;
  if (!dash || (token != "-" && token != "\xE2\x80\x93")) return false;  // hyphen, en dash
  const auto after = tokens.begin() + static_cast<std::ptrdiff_t>(i) + 1;
  return i > 0 && after != tokens.end() && std::none_of(after, tokens.end(), starts_score) &&
         std::none_of(tokens.begin(), tokens.end(), is_versus_word);
}

// True when a line reads as a match: clubs around "v", or an old-style score between names.
bool looks_like_match(string_view text, bool dash) {
  auto tokens = tokens_of(text);
  for (std::size_t i = 1; i < tokens.size(); ++i) {
    if (is_versus(tokens, i, dash)) return true;
    if (starts_score(tokens[i])) return true;
  }
  return false;
}

// "Group A", "League, Matchday 1": false; "Round of 16", "Final", "Playoffs": true.
std::optional<bool> knockout_of(string_view round) {
  std::string l = ascii_lower(round);
  for (string_view word : {"group", "gruppe", "league"}) {
    if (contains(l, word)) return false;
  }
  for (string_view word : {"final", "round", "runde", "play-off", "playoff", "knockout", "qualif",
                           "preliminary"}) {
    if (contains(l, word)) return true;
  }
  if (contains(l, "matchday") || contains(l, "spieltag")) return false;
  return std::nullopt;
}

// The leg a heading part names ("1st leg", "Leg 2", "Hinspiel"), else nullopt.
std::optional<int> leg_of(string_view part) {
  std::string l = ascii_lower(part);
  if (l == "hinspiel") return 1;
  if (l == "rückspiel" || l == "rueckspiel") return 2;
  auto tokens = tokens_of(l);
  if (tokens.size() != 2) return std::nullopt;
  string_view other;
  if (tokens[0] == "leg") {
    other = tokens[1];
  } else if (tokens[1] == "leg") {
    other = tokens[0];
  } else {
    return std::nullopt;
  }
  if (other == "1" || other == "1st" || other == "1." || other == "first") return 1;
  if (other == "2" || other == "2nd" || other == "2." || other == "second") return 2;
  if (other == "3" || other == "3rd" || other == "3." || other == "third") return 3;
  return std::nullopt;
}

// The N of "Matchday N" / "Spieltag N", else nullopt.
std::optional<int> matchday_of(string_view part) {
  auto tokens = tokens_of(part);
  if (tokens.size() != 2) return std::nullopt;
  std::string word = ascii_lower(tokens[0]);
  if (word != "matchday" && word != "spieltag") return std::nullopt;
  return read_number(tokens[1], 2);
}

// The season a folder of `path` is named after ("…/1955-56/cup.txt" -> "1955-56").
std::optional<std::string> season_of_path(string_view path) {
  std::size_t end = path.rfind('/');
  while (end != string_view::npos && end > 0) {
    std::size_t start = path.rfind('/', end - 1);
    std::size_t from = start == string_view::npos ? 0 : start + 1;
    if (auto season = Season::normalize(path.substr(from, end - from))) return season;
    if (start == string_view::npos) break;
    end = start;
  }
  return std::nullopt;
}

// A name with a trailing country code "(LTU)" split off.
std::pair<string_view, std::optional<std::string>> split_country(string_view name) {
  name = trim(name);
  std::size_t open = name.rfind('(');
  if (open == string_view::npos || name.back() != ')') return {name, std::nullopt};
  string_view code = name.substr(open + 1, name.size() - open - 2);
  if (code.size() < 2 || code.size() > 4) return {name, std::nullopt};
  for (char c : code) {
    if (c < 'A' || c > 'Z') return {name, std::nullopt};
  }
  return {trim(name.substr(0, open)), std::string(code)};
}

// What a score part says: "5-6 pen. 1-2 a.e.t. (0-1, 0-0)".
struct ScoreText {
  std::optional<Score> penalties;
  // After extra time when `aet`, else after 90 minutes; nullopt when a shoot-out is given alone
  // ("4-5 pen.", "3-4 pen. (1-1, 1-1)": the bracket then holds the 90 minutes and half time).
  std::optional<Score> result;
  bool aet = false;
  std::optional<Score> bracket_first;
  std::optional<Score> bracket_second;
  std::size_t length = 0;  // bytes read
};

class Parser {
 public:
  // `fallback_season` stands in for a season neither a header nor the path gives.
  Parser(const std::string& path, const RecordSink& sink,
         std::optional<std::string> fallback_season = std::nullopt)
      : path_(path), sink_(sink), path_season_(season_of_path(path)) {
    if (!path_season_) path_season_ = std::move(fallback_season);
    context_.season = path_season_;
  }

  // Reads one line (without its line break); `number` counts from 1.
  void read_line(string_view line, int number) {
    if (number == 1 && starts_with(line, "\xEF\xBB\xBF")) line.remove_prefix(3);
    line_ = line;
    number_ = number;
    string_view text = trim(strip_comment(line));
    if (text.empty()) return;
    bool indented = is_space(line.front());
    if (text.front() == '=') return read_header(text);
    if (starts_with(text, "»") || starts_with(text, "▪")) {
      std::size_t marker = starts_with(text, "»") ? string_view("»").size() : string_view("▪").size();
      return read_heading(text.substr(marker), text);
    }
    if (text.front() == '[') {
      string_view inner = text.back() == ']' ? trim(text.substr(1, text.size() - 2)) : string_view();
      if (!inner.empty() && looks_like_date(inner)) return read_date(inner);
      return;  // goals, cards and other annotations of the match above
    }
    if (looks_like_date(text)) return read_date(text);
    if (starts_with(text, "- ") || text == "-") return;  // a YAML-like list item
    if (text.back() == ':' && tokens_of(text).size() == 1) {  // a YAML-like key ("teams:")
      if (text == "teams:") ++team_lists_;
      return;
    }
    dash_versus_ = indented || looks_like_time(tokens_of(text).front());
    if (looks_like_match(text, dash_versus_)) return read_match(text);
    if (!indented) return read_heading(text, text);
    fail(text, "expected a match line such as 'Home (ABC) v Away (DEF)  2-1 (1-0)'");
  }

  // Lines that only Football.TXT has: a header with a season, a » heading, a date line.
  int format_markers() const { return markers_; }
  // "= Competition 2014/15" headers (one '=', not a "== heading ==" of MediaWiki) with a season.
  int season_headers() const { return season_headers_; }
  // "teams:" keys of an openfootball team list.
  int team_lists() const { return team_lists_; }

 private:
  [[noreturn]] void fail(string_view at, string_view expected) const {
    throw input_error({path_, number_, column_of(at)}, expected);
  }

  // The column (in characters, from 1) where `at`, a view into the current line, starts.
  int column_of(string_view at) const {
    int column = 1;
    for (const char* p = line_.data(); p < at.data() && p < line_.data() + line_.size(); ++p) {
      if ((static_cast<unsigned char>(*p) & 0xC0) != 0x80) ++column;
    }
    return column;
  }

  // The line up to a '#' that starts it or follows a blank.
  static string_view strip_comment(string_view line) {
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '#' && (i == 0 || is_space(line[i - 1]))) return line.substr(0, i);
    }
    return line;
  }

  void read_header(string_view text) {
    string_view rest = text;
    while (!rest.empty() && rest.front() == '=') rest.remove_prefix(1);
    rest = trim(rest);
    if (rest.empty()) fail(rest, "expected a competition and season after '='");
    auto tokens = tokens_of(rest);
    std::optional<std::string> season;
    std::size_t season_at = tokens.size();
    for (std::size_t i = tokens.size(); i-- > 0;) {
      if ((season = Season::normalize(tokens[i]))) {
        season_at = i;
        break;
      }
    }
    std::string competition;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      if (i == season_at) continue;
      if (!competition.empty()) competition += ' ';
      competition += tokens[i];
    }
    context_ = Context{};
    if (!competition.empty()) context_.competition = competition;
    context_.season = season ? season : path_season_;
    if (season) ++markers_;
    if (season && !starts_with(text, "==") && text.back() != '=') ++season_headers_;
    leg_number_.reset();
    replay_ = false;
    date_.reset();
    last_date_.reset();
    kickoff_.reset();
  }

  // `text` follows the heading marker, if any; `whole` is the line's text, for the location.
  void read_heading(string_view text, string_view whole) {
    text = trim(text);
    if (text.empty()) fail(whole, "expected a round name after the heading marker");
    if (text.data() != whole.data()) ++markers_;
    // Parts: split at commas and at " - ".
    std::vector<string_view> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
      bool comma = i < text.size() && text[i] == ',';
      bool dash = i + 2 < text.size() && text.substr(i, 3) == " - ";
      if (i == text.size() || comma || dash) {
        string_view part = trim(text.substr(start, i - start));
        if (!part.empty()) parts.push_back(part);
        start = i + (dash ? 3 : 1);
        if (dash) i += 2;
      }
    }
    std::optional<int> leg;
    bool replay = false;
    std::vector<string_view> kept;
    for (string_view part : parts) {
      std::string l = ascii_lower(part);
      if (auto n = leg_of(part)) {
        leg = n;
      } else if (l == "replay" || l == "replays") {
        replay = true;
      } else {
        kept.push_back(part);
      }
    }
    leg_number_ = leg;
    replay_ = replay;
    if (kept.empty()) return;  // "» 2nd leg": a leg of the round above
    std::optional<bool> knockout = knockout_of(span(kept.front(), kept.back()));
    if (knockout == true && kept.size() > 1 && !leg) {
      if (auto n = matchday_of(kept.back())) {
        leg_number_ = n;
        kept.pop_back();
        knockout = knockout_of(span(kept.front(), kept.back()));
      }
    }
    std::string name(span(kept.front(), kept.back()));
    if (context_.round == name) return;
    context_.round = name;
    RoundRecord round;
    round.where = {path_, number_, column_of(kept.front())};
    round.context = context_;
    round.knockout = knockout;
    sink_(Record(std::move(round)));
  }

  void read_date(string_view text) {
    ++markers_;
    auto tokens = tokens_of(text);
    std::size_t i = 0;
    std::optional<int> weekday = weekday_of(tokens[0]);
    if (weekday) ++i;
    if (i >= tokens.size()) fail(text, "expected a month and day after the weekday");
    std::optional<int> month;
    std::optional<int> day;
    string_view month_token = tokens[i];
    std::size_t slash = month_token.find('/');
    if (slash != string_view::npos) {
      month = month_of(month_token.substr(0, slash));
      day = read_number(month_token.substr(slash + 1), 2);
      ++i;
    } else if (i + 1 < tokens.size()) {
      month = month_of(month_token);
      day = read_number(tokens[i + 1], 2);
      i += 2;
    }
    if (!month || !day) fail(month_token, "expected a date such as 'Tue Jul/9 2024' or '[Apr/24]'");
    std::optional<int> year;
    if (i < tokens.size()) {
      year = read_number(tokens[i], 4);
      if (!year || tokens[i].size() != 4) fail(tokens[i], "expected a four-digit year");
      ++i;
    }
    if (i < tokens.size()) fail(tokens[i], "expected nothing after the date");
    int y = year ? *year : year_for(*month, *day, weekday, text);
    auto date = Date::from_ymd(y, *month, *day);
    if (!date) fail(month_token, "expected a real calendar date");
    date_ = date;
    last_date_ = date;
    kickoff_.reset();
  }

  // The year of a date written without one.
  int year_for(int month, int day, std::optional<int> weekday, string_view at) const {
    if (context_.season) {
      if (auto start = Season::start_year(*context_.season)) {
        if (context_.season->size() == 4) return *start;
        int primary = month >= 7 ? *start : *start + 1;
        int other = month >= 7 ? *start + 1 : *start;
        if (weekday && weekday_of(primary, month, day) != *weekday &&
            weekday_of(other, month, day) == *weekday) {
          return other;
        }
        return primary;
      }
    }
    if (last_date_) return month < last_date_->month ? last_date_->year + 1 : last_date_->year;
    fail(at, "expected a year: in the date, or as a season in a '= Competition 2024/25' header");
  }

  // Reads "12-3", at the start of `s`; nullopt unless it is there, with no letter or digit next.
  static std::optional<Score> score_at(string_view s, std::size_t& i) {
    std::size_t p = i;
    auto digits = [&]() -> std::optional<int> {
      std::size_t from = p;
      while (p < s.size() && is_ascii_digit(s[p])) ++p;
      return read_number(s.substr(from, p - from), 3);
    };
    auto home = digits();
    if (!home || p >= s.size() || s[p] != '-') return std::nullopt;
    ++p;
    auto away = digits();
    if (!away) return std::nullopt;
    if (p < s.size() && !is_space(s[p]) && s[p] != ')' && s[p] != ',') return std::nullopt;
    i = p;
    return Score{*home, *away};
  }

  // Reads a score part at the start of `s` (see ScoreText); throws where it does not read.
  ScoreText read_score(string_view s) const {
    ScoreText out;
    std::size_t i = 0;
    auto skip = [&] {
      while (i < s.size() && is_space(s[i])) ++i;
    };
    auto word = [&]() {
      std::size_t end = i;
      while (end < s.size() && !is_space(s[end]) && s[end] != '(') ++end;
      return s.substr(i, end - i);
    };
    auto first = score_at(s, i);
    if (!first) fail(s.substr(i), "expected a score such as 2-1");
    out.result = *first;
    skip();
    string_view w = word();
    if (w == "pen." || w == "pen" || w == "p." || w == "pso") {
      out.penalties = first;
      i += w.size();
      skip();
      // The score the shoot-out followed, unless the source gives it only in the bracket or
      // not at all (a shoot-out straight after 90 minutes).
      out.result = score_at(s, i);
      skip();
      w = word();
    }
    if (w == "a.e.t." || w == "a.e.t" || w == "aet" || w == "n.V.") {
      out.aet = true;
      i += w.size();
      skip();
    }
    // One score of the bracket; nothing when the place is empty, as in "(1-0, )".
    auto bracket_score = [&]() -> std::optional<Score> {
      skip();
      if (i >= s.size() || !is_ascii_digit(s[i])) return std::nullopt;
      auto score = score_at(s, i);
      if (!score) fail(s.substr(i), "expected a score such as 1-0 in the bracket");
      skip();
      return score;
    };
    if (i < s.size() && s[i] == '(') {
      ++i;
      out.bracket_first = bracket_score();
      if (i < s.size() && s[i] == ',') {
        ++i;
        out.bracket_second = bracket_score();
      }
      if (i >= s.size() || s[i] != ')') fail(s.substr(i), "expected ')' closing the bracket of scores");
      ++i;
      if (!out.aet && out.result && out.bracket_second) {
        fail(s, "expected 'a.e.t.' before a bracket of two scores (after 90 minutes, half time)");
      }
    }
    out.length = i;
    return out;
  }

  // Notes in square brackets at the end of `text`, taken off it.
  void take_notes(string_view& text, LegRecord& leg) const {
    text = trim(text);
    while (!text.empty() && text.back() == ']') {
      std::size_t open = text.rfind('[');
      if (open == string_view::npos) fail(text, "expected '[' opening the note that ends the line");
      string_view note_view = text.substr(open);
      std::string note = ascii_lower(trim(text.substr(open + 1, text.size() - open - 2)));
      if (note == "awarded") {
        leg.status = LegStatus::kAwarded;
      } else if (note == "annulled") {
        leg.status = LegStatus::kAnnulled;
      } else if (note == "walkover" || note == "w/o") {
        leg.status = LegStatus::kWalkover;
      } else if (note == "cancelled" || note == "canceled") {
        leg.status = LegStatus::kCancelled;
      } else if (note == "neutral" || note == "n") {
        leg.neutral_venue = true;
      } else if (note == "replay") {
        leg.replay = true;
      } else {
        fail(note_view,
             "expected a known note: [awarded], [annulled], [walkover], [cancelled], [neutral] or "
             "[replay]");
      }
      text = trim(text.substr(0, open));
    }
  }

  void read_match(string_view text) {
    LegRecord leg;
    leg.where = {path_, number_, column_of(text)};
    leg.context = context_;
    leg.leg_number = leg_number_;
    leg.replay = replay_;
    leg.date = date_;
    string_view rest = text;
    auto first = tokens_of(rest).front();
    if (looks_like_time(first)) {
      std::string hhmm(first);
      hhmm[hhmm.size() - 3] = ':';
      if (hhmm.size() == 4) hhmm.insert(0, "0");
      auto time = LocalTime::parse(hhmm);
      if (!time) fail(first, "expected a kick-off time from 00.00 to 23.59");
      kickoff_ = time;
      rest = trim(rest.substr(first.size()));
    }
    leg.kickoff = kickoff_;
    // Venue: "@ Stadium, City" at the end.
    for (std::size_t i = 0; i < rest.size(); ++i) {
      if (rest[i] == '@' && (i == 0 || is_space(rest[i - 1]))) {
        string_view venue = rest.substr(i + 1);
        take_notes(venue, leg);
        if (venue.empty()) fail(rest.substr(i), "expected a venue after '@'");
        leg.venue = std::string(venue);
        rest = rest.substr(0, i);
        break;
      }
    }
    take_notes(rest, leg);
    if (rest.size() >= 3 && rest.substr(rest.size() - 3) == "(N)") {
      leg.neutral_venue = true;
      rest = trim(rest.substr(0, rest.size() - 3));
    }
    auto tokens = tokens_of(rest);
    std::size_t versus = 0;
    while (versus < tokens.size() && !is_versus(tokens, versus, dash_versus_)) ++versus;
    string_view home;
    string_view away;
    std::optional<ScoreText> score;
    if (versus < tokens.size()) {
      if (versus == 0) fail(tokens[0], "expected the home club before 'v'");
      home = span(tokens.front(), tokens[versus - 1]);
      std::size_t k = versus + 1;
      while (k < tokens.size() && !starts_score(tokens[k])) ++k;
      if (k == versus + 1) {
        string_view after = rest.substr(static_cast<std::size_t>(tokens[versus].data() - rest.data()) + tokens[versus].size());
        fail(after, "expected the away club after 'v'");
      }
      away = span(tokens[versus + 1], tokens[k - 1]);
      if (k < tokens.size()) {
        string_view tail = rest.substr(static_cast<std::size_t>(tokens[k].data() - rest.data()));
        score = read_score(tail);
        if (!trim(tail.substr(score->length)).empty()) {
          fail(trim(tail.substr(score->length)), "expected the end of the line after the score");
        }
      }
    } else {
      std::size_t k = 1;
      while (k < tokens.size() && !starts_score(tokens[k])) ++k;
      if (k >= tokens.size()) fail(rest, "expected a score or 'v' between the home and the away club");
      home = span(tokens.front(), tokens[k - 1]);
      string_view tail = rest.substr(static_cast<std::size_t>(tokens[k].data() - rest.data()));
      score = read_score(tail);
      away = trim(tail.substr(score->length));
      if (away.empty()) fail(tail.substr(score->length), "expected the away club after the score");
    }
    auto [home_name, home_country] = split_country(home);
    auto [away_name, away_country] = split_country(away);
    if (home_name.empty()) fail(home, "expected the home club's name before its country code");
    if (away_name.empty()) fail(away, "expected the away club's name before its country code");
    leg.home = std::string(home_name);
    leg.away = std::string(away_name);
    leg.home_country = std::move(home_country);
    leg.away_country = std::move(away_country);
    if (score) {
      leg.penalties = score->penalties;
      if (score->aet || !score->result) {
        leg.extra_time = score->result;
        leg.full_time = score->bracket_first;
        leg.half_time = score->bracket_second;
      } else {
        leg.full_time = score->result;
        leg.half_time = score->bracket_first;
      }
    } else if (leg.status == LegStatus::kPlayed) {
      leg.status = LegStatus::kScheduled;
    }
    if (leg.status == LegStatus::kWalkover) {
      if (auto final_score = leg.extra_time ? leg.extra_time : leg.full_time) {
        if (final_score->home != final_score->away) {
          leg.awarded_to = final_score->home > final_score->away ? leg.home : leg.away;
        }
      }
    }
    sink_(Record(std::move(leg)));
  }

  std::string path_;
  const RecordSink& sink_;
  std::optional<std::string> path_season_;
  Context context_;
  string_view line_;
  int number_ = 0;
  bool dash_versus_ = false;  // whether the line's dash alone may stand for "v" (is_versus)
  int markers_ = 0;
  int season_headers_ = 0;
  int team_lists_ = 0;
  std::optional<int> leg_number_;  // from the current heading
  bool replay_ = false;            // from the current heading
  std::optional<Date> date_;       // of the current date line
  std::optional<Date> last_date_;  // the last date read, for files that give no season
  std::optional<LocalTime> kickoff_;
};

}  // namespace

void parse_football_txt(std::istream& in, const std::string& path, const RecordSink& sink) {
  Parser parser(path, sink);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    parser.read_line(line, number);
  }
  if (in.bad()) throw Error(ErrorCode::kIo, path + ": read error");
}

bool sniff_football_txt(std::string_view head) {
  int legs = 0;
  int rounds = 0;
  int failures = 0;
  RecordSink count = [&legs, &rounds](Record&& record) {
    if (std::holds_alternative<LegRecord>(record)) ++legs;
    if (std::holds_alternative<RoundRecord>(record)) ++rounds;
  };
  // The file's folder may name its season ("1959-60/cup.txt"), which `head` does not tell:
  // any season reads dates without a year ("[Apr/13]") in a file without a header.
  Parser parser("", count, std::string("2000-01"));
  // The last line may be cut short: only whole lines count.
  std::size_t end = head.rfind('\n');
  if (end == string_view::npos) return false;
  head = head.substr(0, end);
  int number = 0;
  std::size_t start = 0;
  while (start <= head.size()) {
    std::size_t stop = head.find('\n', start);
    if (stop == string_view::npos) stop = head.size();
    string_view line = head.substr(start, stop - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    try {
      parser.read_line(line, ++number);
    } catch (const Error&) {
      ++failures;
    }
    start = stop + 1;
  }
  if (legs > 0) return failures <= legs && parser.format_markers() > 0;
  // A file of the format without a match yet: a season header above round headings only
  // ("= UEFA Champions League 2014/15", "Play-off Round - 1st Leg"), or a team list alone.
  if (failures > 0) return false;
  return parser.season_headers() > 0 || (parser.team_lists() > 0 && rounds == 0);
}

}  // namespace footballdb::import
