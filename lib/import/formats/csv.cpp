#include "import/formats/csv.hpp"

#include "import/text.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <iterator>
#include <sstream>
#include <tuple>
#include <unordered_set>
#include <utility>

namespace footballdb::import {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// ---------------------------------------------------------------------------------------------
// RFC 4180 tokenizer

struct CsvField {
  std::string text;
  int line = 0;
  int column = 0;
};

// One record: fields[0, count) are valid (the vector is reused from record to record).
struct CsvRow {
  std::vector<CsvField> fields;
  std::size_t count = 0;
  int line = 0;
  int end_line = 0;  // where the record's last field ends
  int end_column = 0;
};

// Reads records one at a time, tracking where each field starts. Columns count UTF-8 code
// points from 1.
class CsvReader {
 public:
  CsvReader(std::istream& in, const std::string& path) : in_(in), path_(path) {}

  // Reads the next non-blank record into `row`; false at the end of input. Throws
  // Error(kInput) for an unclosed quote or text after a closing quote.
  bool next(CsvRow& row) {
    do {
      if (!read_line()) return false;
    } while (line_.empty());
    row.count = 0;
    row.line = line_no_;
    std::size_t pos = 0;
    for (;;) {
      if (row.count == row.fields.size()) row.fields.emplace_back();
      CsvField& field = row.fields[row.count++];
      field.text.clear();
      field.line = line_no_;
      field.column = column_at(pos);
      if (pos < line_.size() && line_[pos] == '"') {
        pos = read_quoted(pos + 1, field);
        if (pos < line_.size() && line_[pos] != ',') {
          throw input_error({path_, line_no_, column_at(pos)},
                            "expected ',' or the end of the line after a closing quote");
        }
      } else {
        std::size_t end = std::min(line_.find(',', pos), line_.size());
        field.text.assign(line_, pos, end - pos);
        pos = end;
      }
      if (pos >= line_.size()) {
        row.end_line = line_no_;
        row.end_column = column_at(line_.size());
        return true;
      }
      ++pos;  // the comma
    }
  }

 private:
  // Reads a quoted field's text from line_[pos] (just after the opening quote), across line
  // ends; returns the position just after the closing quote.
  std::size_t read_quoted(std::size_t pos, CsvField& field) {
    const SourceLocation opening{path_, field.line, field.column};
    for (;;) {
      if (pos >= line_.size()) {
        if (!read_line()) throw input_error(opening, "expected a closing quote for this field");
        field.text += '\n';
        pos = 0;
        continue;
      }
      char c = line_[pos++];
      if (c != '"') {
        field.text += c;
      } else if (pos < line_.size() && line_[pos] == '"') {
        field.text += '"';
        ++pos;
      } else {
        return pos;
      }
    }
  }

  bool read_line() {
    if (!std::getline(in_, line_)) return false;
    ++line_no_;
    if (!line_.empty() && line_.back() == '\r') line_.pop_back();
    if (line_no_ == 1 && line_.compare(0, kBom.size(), kBom) == 0) line_.erase(0, kBom.size());
    column_pos_ = 0;
    column_ = 1;
    return true;
  }

  // The column of line_[pos]; positions are asked for in increasing order within a line.
  int column_at(std::size_t pos) {
    for (; column_pos_ < pos && column_pos_ < line_.size(); ++column_pos_) {
      if ((static_cast<unsigned char>(line_[column_pos_]) & 0xC0) != 0x80) ++column_;
    }
    return column_ + (pos > line_.size() ? static_cast<int>(pos - line_.size()) : 0);
  }

  std::istream& in_;
  const std::string& path_;
  std::string line_;
  int line_no_ = 0;
  std::size_t column_pos_ = 0;
  int column_ = 1;
};

// Splits one header line into trimmed names (quotes removed); a BOM and line end are allowed.
std::vector<std::string> header_names(std::string_view header_line) {
  if (header_line.substr(0, kBom.size()) == kBom) header_line.remove_prefix(kBom.size());
  auto end = header_line.find_first_of("\r\n");
  std::string line(header_line.substr(0, end));
  std::istringstream in(line);
  static const std::string kName = "header";
  CsvReader reader(in, kName);
  CsvRow row;
  std::vector<std::string> names;
  try {
    if (!reader.next(row)) return names;
  } catch (const Error&) {
    return names;  // an unclosed quote: not a header
  }
  for (std::size_t i = 0; i < row.count; ++i) names.emplace_back(trim(row.fields[i].text));
  return names;
}

// ---------------------------------------------------------------------------------------------
// Mapping fields

// The optional columns, in spec order.
enum Field : std::size_t {
  kDate,
  kKickoff,
  kSeason,
  kCompetition,
  kRound,
  kLeg,
  kFullTime,
  kHalfTime,
  kExtraTime,
  kPenalties,
  kWinner,
  kHomeCountry,
  kAwayCountry,
  kVenue,
  kAetFlag,
  kPensHome,
  kPensAway,
  kNeutral,
  kNonmatch,
  kNotes,
  kFieldCount
};

struct FieldSpec {
  std::string_view key;
  std::optional<std::string> CsvMapping::*column;
};

constexpr std::array<FieldSpec, kFieldCount> kFields = {{
    {"date", &CsvMapping::date},
    {"kickoff", &CsvMapping::kickoff},
    {"season", &CsvMapping::season},
    {"competition", &CsvMapping::competition},
    {"round", &CsvMapping::round},
    {"leg", &CsvMapping::leg},
    {"score", &CsvMapping::full_time},
    {"ht", &CsvMapping::half_time},
    {"aet", &CsvMapping::extra_time},
    {"pens", &CsvMapping::penalties},
    {"winner", &CsvMapping::winner},
    {"home_country", &CsvMapping::home_country},
    {"away_country", &CsvMapping::away_country},
    {"venue", &CsvMapping::venue},
    {"aet_flag", &CsvMapping::aet_flag},
    {"pens_home", &CsvMapping::pens_home},
    {"pens_away", &CsvMapping::pens_away},
    {"neutral", &CsvMapping::neutral},
    {"nonmatch", &CsvMapping::nonmatch},
    {"notes", &CsvMapping::notes},
}};

constexpr std::string_view kDateDmyKey = "date_dmy";
constexpr std::string_view kSeasonStartKey = "season_start";
constexpr std::string_view kRoundCodeKey = "round_code";
constexpr std::string_view kCompetitionNameKey = "competition_name";

Error mapping_error(std::string_view what, std::string_view part) {
  return Error(ErrorCode::kUsage,
               "csv mapping: " + std::string(what) + " in \"" + std::string(part) + "\"");
}

// "1992" -> 1992; nullopt unless 1 to 4 digits.
std::optional<int> parse_small_number(std::string_view text) {
  if (text.empty() || text.size() > 4) return std::nullopt;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// Cell values

// "h-v" -> Score; nullopt otherwise.
std::optional<Score> parse_score(std::string_view text) {
  auto dash = text.find('-');
  if (dash == std::string_view::npos || dash > 3 || text.size() - dash - 1 > 3) return std::nullopt;
  auto home = parse_small_number(text.substr(0, dash));
  auto away = parse_small_number(text.substr(dash + 1));
  if (!home || !away) return std::nullopt;
  return Score{*home, *away};
}

// "DD/MM/YYYY" -> Date; nullopt unless a real date.
std::optional<Date> parse_dmy(std::string_view text) {
  if (text.size() != 10 || text[2] != '/' || text[5] != '/') return std::nullopt;
  auto d = parse_small_number(text.substr(0, 2));
  auto m = parse_small_number(text.substr(3, 2));
  auto y = parse_small_number(text.substr(6, 4));
  if (!d || !m || !y) return std::nullopt;
  return Date::from_ymd(*y, *m, *d);
}

// What a leg cell says.
struct LegCell {
  std::optional<int> number;
  bool replay = false;
  bool group = false;
};

// What a pens cell says.
struct DecisionCell {
  std::optional<Score> penalties;
  std::optional<DecidedBy> decided_by;
};

// Maps the rows of one file to records.
class RowMapper {
 public:
  RowMapper(const CsvMapping& mapping, const std::string& path, const RecordSink& sink)
      : mapping_(mapping), path_(path), sink_(sink) {}

  // Finds the mapped columns in the header row; throws Error(kUsage) for one not there.
  void read_header(const CsvRow& header) {
    column_count_ = header.count;
    home_ = find_column(header, mapping_.home, "home");
    away_ = find_column(header, mapping_.away, "away");
    for (std::size_t f = 0; f < kFieldCount; ++f) {
      if (const auto& column = mapping_.*kFields[f].column) {
        index_[f] = find_column(header, *column, kFields[f].key);
      }
    }
  }

  void map(const CsvRow& row) {
    row_ = &row;
    if (row.count != column_count_) {
      SourceLocation where{path_, row.end_line, row.end_column};
      if (row.count > column_count_) {
        where = {path_, row.fields[column_count_].line, row.fields[column_count_].column};
      }
      throw input_error(where, "expected " + std::to_string(column_count_) +
                                   " columns as in the header, found " + std::to_string(row.count));
    }

    // A bye is no match: a club went through alone, a tie of one club.
    const std::optional<std::string> nonmatch = text(kNonmatch);
    if (nonmatch && *nonmatch == "Bye") {
      bye(row);
      return;
    }

    LegRecord leg;
    leg.where = {path_, row.line, 1};
    leg.home = required_club(home_, "home");
    leg.away = required_club(away_, "away");
    leg.date = date();
    if (auto text = cell(kKickoff)) {
      leg.kickoff = LocalTime::parse(*text);
      if (!leg.kickoff) throw expected(kKickoff, "a kick-off time HH:MM");
    }
    leg.context = context(leg.date);
    LegCell leg_cell = leg_value();
    leg.leg_number = leg_cell.number;
    leg.replay = leg_cell.replay;
    leg.full_time = score(kFullTime);
    leg.half_time = score(kHalfTime);
    leg.extra_time = score(kExtraTime);
    DecisionCell decision = decision_value();
    leg.penalties = decision.penalties;
    auto winner = text(kWinner);
    if (decision.decided_by == DecidedBy::kWalkover && leg.full_time) {
      // A "walkover" with a score (Marseille v Milan 1991, 3-0) is a result the organiser
      // awarded after a match was abandoned or forfeited.
      decision.decided_by = DecidedBy::kAwarded;
      leg.status = LegStatus::kAwarded;
    } else if (decision.decided_by == DecidedBy::kWalkover) {
      leg.status = LegStatus::kWalkover;
      leg.awarded_to = winner;
    }
    if (flag(kAetFlag)) {
      leg.extra_time = leg.full_time;  // the score is after extra time
      leg.full_time.reset();
    }
    if (auto home_pens = goals(kPensHome), away_pens = goals(kPensAway); home_pens && away_pens) {
      leg.penalties = Score{*home_pens, *away_pens};
      decision.decided_by = DecidedBy::kPenalties;
    }
    leg.neutral_venue = flag(kNeutral);
    if (nonmatch) no_match(*nonmatch, leg, winner, decision);
    leg.home_country = text(kHomeCountry);
    leg.away_country = text(kAwayCountry);
    leg.venue = text(kVenue);

    report_round(leg.context, leg_cell);
    const bool knockout = !leg_cell.group;
    TieRecord tie;
    if (knockout) {
      tie.where = leg.where;
      tie.context = leg.context;
      tie.club_a = leg.home;
      tie.club_b = leg.away;
      tie.country_a = leg.home_country;
      tie.country_b = leg.away_country;
      tie.stated_winner = winner;
      tie.stated_decided_by = decision.decided_by;
      if (decision.decided_by == DecidedBy::kCoinToss) tie.stated_coin_toss_winner = winner;
      tie.text = text(kNotes).value_or("");  // its words, if any: a row is no sentence
    }
    // The leg first: its date gives the season to a file that states none.
    sink_(std::move(leg));
    if (knockout) sink_(std::move(tie));
  }

 private:
  std::size_t find_column(const CsvRow& header, const std::string& name, std::string_view key) {
    for (std::size_t i = 0; i < header.count; ++i) {
      if (trim(header.fields[i].text) == name) return i;
    }
    throw Error(ErrorCode::kUsage, path_ + ":" + std::to_string(header.line) +
                                       ": the header has no column \"" + name + "\" (mapped to " +
                                       std::string(key) + ")");
  }

  // The trimmed cell of `field`; nullopt when unmapped, empty or "NA".
  std::optional<std::string_view> cell_at(std::size_t index) const {
    std::string_view value = trim(row_->fields[index].text);
    if (value.empty() || value == "NA") return std::nullopt;
    return value;
  }
  std::optional<std::string_view> cell(Field field) const {
    return index_[field] ? cell_at(*index_[field]) : std::nullopt;
  }
  std::optional<std::string> text(Field field) const {
    auto value = cell(field);
    return value ? std::optional<std::string>(*value) : std::nullopt;
  }

  Error expected(std::size_t index, std::string_view what) const {
    const CsvField& field = row_->fields[index];
    return input_error({path_, field.line, field.column},
                       "expected " + std::string(what) + ", found \"" + field.text + "\"");
  }
  Error expected(Field field, std::string_view what) const {
    return expected(*index_[field], what);
  }

  std::string required_club(std::size_t index, std::string_view side) const {
    auto value = cell_at(index);
    if (!value) throw expected(index, "the " + std::string(side) + " club's name");
    return std::string(*value);
  }

  std::optional<Date> date() const {
    auto value = cell(kDate);
    if (!value) return std::nullopt;
    if (mapping_.date_format == CsvDateFormat::kDayMonthYear) {
      auto date = parse_dmy(*value);
      if (!date) throw expected(kDate, "a date DD/MM/YYYY");
      return date;
    }
    auto date = Date::parse(*value);
    if (!date) throw expected(kDate, "a date YYYY-MM-DD");
    return date;
  }

  std::optional<std::string> season() const {
    auto value = cell(kSeason);
    if (!value) return std::nullopt;
    if (mapping_.season_is_start_year) {
      auto year = parse_small_number(*value);
      auto season = year && value->size() == 4
                        ? Season::normalize(std::string(*value) + "-" + std::to_string(*year + 1))
                        : std::nullopt;
      if (!season) throw expected(kSeason, "the season's start year, e.g. 1955 for 1955-56");
      return season;
    }
    auto season = Season::normalize(*value);
    if (!season) throw expected(kSeason, "a season such as 2012-13 or 2005");
    return season;
  }

  // An engsoccerdata cup round code as a round name: "4" is "Round 4", "s" the semi-finals,
  // "f" the final; any other code as it is.
  static std::string round_of_code(const std::string& code) {
    if (code.size() == 1 && code[0] >= '1' && code[0] <= '9') return "Round " + code;
    if (code == "s") return "Semi-finals";
    if (code == "f") return "Final";
    return code;
  }

  Context context(const std::optional<Date>& date) const {
    Context context;
    context.season = season();
    context.round = text(kRound);
    if (context.round && mapping_.round_codes) {
      context.round_stated = context.round;
      context.round = round_of_code(*context.round);
    }
    context.competition = text(kCompetition);
    const auto& eras = mapping_.competition_names;
    if (!context.competition && !eras.empty()) {
      std::optional<int> year;
      if (context.season) year = Season::start_year(*context.season);
      if (!year && date) year = Season::start_year(Season::split_season_of(*date));
      const CsvCompetitionEra* era = year ? nullptr : &eras.front();
      for (const auto& candidate : eras) {
        if (year && candidate.from_year <= *year) era = &candidate;
      }
      if (era) context.competition = era->name;
    }
    return context;
  }

  LegCell leg_value() const {
    LegCell leg;
    auto value = cell(kLeg);
    if (!value) return leg;
    const bool numbered_replay = value->size() == 7 && value->rfind("replay", 0) == 0 &&
                                 (*value)[6] >= '2' && (*value)[6] <= '9';
    if (*value == "replay" || numbered_replay) {
      leg.replay = true;
    } else if (*value == "groups") {
      leg.group = true;
    } else if (*value == "initial") {
      leg.number = 1;
    } else if (*value == "none") {
      // a one-match tie that needed no replay: no leg number
    } else if (value->size() == 4 && value->rfind("leg", 0) == 0 && (*value)[3] >= '1' &&
               (*value)[3] <= '9') {
      leg.number = (*value)[3] - '0';
    } else {
      leg.number = value->size() <= 2 ? parse_small_number(*value) : std::nullopt;
      if (!leg.number || *leg.number == 0) {
        throw expected(kLeg, "a leg: a number, \"replay\", \"initial\", \"groups\" or NA");
      }
    }
    return leg;
  }

  // The records of a bye row: its round, and a tie of the home club alone, stated through.
  void bye(const CsvRow& row) {
    TieRecord tie;
    tie.where = {path_, row.line, 1};
    tie.club_a = required_club(home_, "home");
    tie.context = context(date());
    tie.country_a = text(kHomeCountry);
    tie.stated_winner = tie.club_a;
    tie.stated_decided_by = DecidedBy::kBye;
    tie.text = text(kNotes).value_or("");  // its words, if any: a row is no sentence
    report_round(tie.context, LegCell{});
    sink_(std::move(tie));
  }

  // Whether the cell of `field` says "yes".
  bool flag(Field field) const {
    auto value = cell(field);
    return value && (*value == "yes" || *value == "Yes" || *value == "TRUE" || *value == "1");
  }

  // A number of goals in the cell of `field`, or nullopt when it is missing.
  std::optional<int> goals(Field field) const {
    auto value = cell(field);
    if (!value) return std::nullopt;
    auto n = value->size() <= 2 ? parse_small_number(*value) : std::nullopt;
    if (!n) throw expected(field, "a number of goals");
    return n;
  }

  // What a row that is no match (a nonmatch cell other than "Bye") is.
  void no_match(const std::string& what, LegRecord& leg, std::optional<std::string>& winner,
                DecisionCell& decision) const {
    const std::string suffix = " disqualified";
    if (what == "Walkover") {
      // "Royal Engineers progress"
      const auto notes = text(kNotes).value_or("");
      const auto progress = notes.rfind(" progress");
      const std::string through = progress == std::string::npos ? "" : notes.substr(0, progress);
      leg.status = LegStatus::kWalkover;
      if (through == leg.home || through == leg.away) {
        leg.awarded_to = through;
        winner = through;
        decision.decided_by = DecidedBy::kWalkover;
      }
    } else if (what == "Match void") {
      leg.status = LegStatus::kAnnulled;
    } else if (what == "Not played" || what == "Both teams disqualified") {
      leg.status = LegStatus::kCancelled;
    } else if (what.find(suffix) != std::string::npos) {
      // "Sheffield disqualified": the other club went through; a match played is void.
      const std::string out = what.substr(0, what.find(suffix));
      const std::string through = out == leg.home ? leg.away : out == leg.away ? leg.home : "";
      if (leg.full_time || leg.extra_time) {
        leg.status = LegStatus::kAnnulled;
      } else {
        leg.status = LegStatus::kWalkover;
        if (!through.empty()) leg.awarded_to = through;
      }
      if (!through.empty()) {
        winner = through;
        decision.decided_by = DecidedBy::kWalkover;
      }
    } else {
      throw expected(kNonmatch, "a kind of row that is no match: Bye, Walkover, Match void, "
                                "Not played or \"X disqualified\"");
    }
  }

  std::optional<Score> score(Field field) const {
    auto value = cell(field);
    if (!value) return std::nullopt;
    auto parsed = parse_score(*value);
    if (!parsed) throw expected(field, "a score \"h-v\"");
    return parsed;
  }

  DecisionCell decision_value() const {
    DecisionCell decision;
    auto value = cell(kPenalties);
    if (!value) return decision;
    if (*value == "away goals") {
      decision.decided_by = DecidedBy::kAwayGoals;
    } else if (*value == "coin toss") {
      decision.decided_by = DecidedBy::kCoinToss;
    } else if (*value == "walkover") {
      decision.decided_by = DecidedBy::kWalkover;
    } else {
      decision.penalties = parse_score(*value);
      if (!decision.penalties) {
        throw expected(kPenalties,
                       "a shoot-out score \"h-v\", \"away goals\", \"coin toss\" or \"walkover\"");
      }
      decision.decided_by = DecidedBy::kPenalties;
    }
    return decision;
  }

  // Reports a round the first time it appears in its competition's season. Keys of rounds seen
  // are kept for the whole file: seasons may come back (a row out of date order).
  void report_round(const Context& context, const LegCell& leg) {
    if (!context.round) return;
    std::string key = context.competition.value_or("") + '\n' + context.season.value_or("") + '\n' +
                      *context.round;
    if (!rounds_seen_.insert(std::move(key)).second) return;
    RoundRecord round;
    round.where = {path_, row_->line, row_->fields[*index_[kRound]].column};
    round.context = context;
    if (leg.group) {
      round.knockout = false;
    } else if (index_[kLeg]) {
      round.knockout = true;
    }
    sink_(std::move(round));
  }

  const CsvMapping& mapping_;
  const std::string& path_;
  const RecordSink& sink_;
  std::size_t column_count_ = 0;
  std::size_t home_ = 0;
  std::size_t away_ = 0;
  std::array<std::optional<std::size_t>, kFieldCount> index_{};
  const CsvRow* row_ = nullptr;
  std::unordered_set<std::string> rounds_seen_;
};

}  // namespace

bool operator==(const CsvMapping& a, const CsvMapping& b) {
  auto tie = [](const CsvMapping& m) {
    return std::tie(m.home, m.away, m.date, m.date_format, m.kickoff, m.season,
                    m.season_is_start_year, m.competition, m.round, m.leg, m.full_time, m.half_time,
                    m.extra_time, m.penalties, m.winner, m.home_country, m.away_country, m.venue,
                    m.aet_flag, m.pens_home, m.pens_away, m.neutral, m.nonmatch, m.notes,
                    m.round_codes, m.competition_names);
  };
  return tie(a) == tie(b);
}

namespace {

// The columns every engsoccerdata file shares: clubs, date, the season's start year, round and
// the score.
CsvMapping engsoccerdata_common() {
  CsvMapping mapping;
  mapping.home = "home";
  mapping.away = "visitor";
  mapping.date = "Date";
  mapping.season = "Season";
  mapping.season_is_start_year = true;
  mapping.round = "round";
  mapping.full_time = "FT";
  return mapping;
}

}  // namespace

CsvMapping engsoccerdata_champs_mapping() {
  CsvMapping mapping = engsoccerdata_common();
  mapping.leg = "leg";
  mapping.half_time = "HT";
  mapping.extra_time = "aet";
  mapping.penalties = "pens";
  mapping.winner = "tiewinner";
  mapping.home_country = "hcountry";
  mapping.away_country = "vcountry";
  mapping.competition_names = {{0, "European Cup"}, {1992, "UEFA Champions League"}};
  return mapping;
}

std::optional<CsvMapping> engsoccerdata_cup_mapping(const std::vector<std::string>& header) {
  auto has = [&](const char* name) {
    return std::find(header.begin(), header.end(), name) != header.end();
  };
  for (const char* required : {"Date", "Season", "home", "visitor", "FT", "round", "tie"}) {
    if (!has(required)) return std::nullopt;
  }
  CsvMapping mapping = engsoccerdata_common();
  mapping.leg = "tie";
  mapping.round_codes = true;
  auto optional = [&](std::optional<std::string> CsvMapping::*field, const char* column) {
    if (has(column)) mapping.*field = column;
  };
  optional(&CsvMapping::aet_flag, "aet");
  optional(&CsvMapping::pens_home, "hp");
  optional(&CsvMapping::pens_away, "vp");
  optional(&CsvMapping::venue, "Venue");
  optional(&CsvMapping::neutral, "neutral");
  optional(&CsvMapping::nonmatch, "nonmatch");
  optional(&CsvMapping::notes, "notes");
  return mapping;
}

std::optional<CsvMapping> builtin_csv_mapping(std::string_view header_line) {
  std::vector<std::string> names = header_names(header_line);
  auto has = [&](const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
  };
  CsvMapping champs = engsoccerdata_champs_mapping();
  bool all = has(champs.home) && has(champs.away);
  for (const auto& field : kFields) {
    if (const auto& column = champs.*field.column; column && !has(*column)) all = false;
  }
  if (all) return champs;
  return engsoccerdata_cup_mapping(names);
}

CsvMapping parse_csv_mapping(std::string_view spec) {
  CsvMapping mapping;
  std::unordered_set<std::string> seen;
  std::size_t start = 0;
  while (start <= spec.size()) {
    std::size_t end = std::min(spec.find(',', start), spec.size());
    std::string_view part = trim(spec.substr(start, end - start));
    start = end + 1;
    auto eq = part.find('=');
    if (eq == std::string_view::npos) throw mapping_error("expected field=column", part);
    std::string key(trim(part.substr(0, eq)));
    std::string value(trim(part.substr(eq + 1)));
    if (value.empty()) throw mapping_error("expected a column name after '='", part);
    if (!seen.insert(key).second) throw mapping_error("field given twice", part);

    if (key.compare(0, kCompetitionNameKey.size(), kCompetitionNameKey) == 0) {
      std::string_view rest = std::string_view(key).substr(kCompetitionNameKey.size());
      std::optional<int> year = 0;
      if (!rest.empty()) year = rest[0] == '@' ? parse_small_number(rest.substr(1)) : std::nullopt;
      if (!year) throw mapping_error("expected competition_name or competition_name@YEAR", part);
      auto& eras = mapping.competition_names;
      auto at = std::find_if(eras.begin(), eras.end(),
                             [&](const CsvCompetitionEra& e) { return e.from_year > *year; });
      if ((at != eras.begin() && std::prev(at)->from_year == *year)) {
        throw mapping_error("competition year given twice", part);
      }
      eras.insert(at, CsvCompetitionEra{*year, value});
      continue;
    }
    if (key == "home" || key == "away") {
      (key == "home" ? mapping.home : mapping.away) = value;
      continue;
    }
    if (key == kDateDmyKey) {
      key = "date";
      mapping.date_format = CsvDateFormat::kDayMonthYear;
    } else if (key == kSeasonStartKey) {
      key = "season";
      mapping.season_is_start_year = true;
    } else if (key == kRoundCodeKey) {
      key = "round";
      mapping.round_codes = true;
    }
    auto field = std::find_if(kFields.begin(), kFields.end(),
                              [&](const FieldSpec& f) { return f.key == key; });
    if (field == kFields.end()) throw mapping_error("unknown field", part);
    if (mapping.*field->column) throw mapping_error("field given twice", part);
    mapping.*field->column = value;
  }
  if (mapping.home.empty()) throw mapping_error("expected a home=COLUMN part", spec);
  if (mapping.away.empty()) throw mapping_error("expected an away=COLUMN part", spec);
  return mapping;
}

std::string format_csv_mapping(const CsvMapping& mapping) {
  std::string spec = "home=" + mapping.home + ",away=" + mapping.away;
  for (const auto& field : kFields) {
    const auto& column = mapping.*field.column;
    if (!column) continue;
    std::string_view key = field.key;
    if (field.column == &CsvMapping::date && mapping.date_format == CsvDateFormat::kDayMonthYear) {
      key = kDateDmyKey;
    } else if (field.column == &CsvMapping::season && mapping.season_is_start_year) {
      key = kSeasonStartKey;
    } else if (field.column == &CsvMapping::round && mapping.round_codes) {
      key = kRoundCodeKey;
    }
    spec += "," + std::string(key) + "=" + *column;
  }
  for (const auto& era : mapping.competition_names) {
    spec += "," + std::string(kCompetitionNameKey);
    if (era.from_year != 0) spec += "@" + std::to_string(era.from_year);
    spec += "=" + era.name;
  }
  return spec;
}

void parse_csv(std::istream& in, const std::string& path, const CsvMapping& mapping,
               const RecordSink& sink) {
  CsvReader reader(in, path);
  CsvRow row;
  if (!reader.next(row)) throw input_error({path, 1, 1}, "expected a header line");
  RowMapper mapper(mapping, path, sink);
  mapper.read_header(row);
  while (reader.next(row)) mapper.map(row);
}

bool sniff_csv(std::string_view head) {
  if (head.substr(0, kBom.size()) == kBom) head.remove_prefix(kBom.size());
  auto first_end = head.find('\n');
  std::vector<std::string> names = header_names(head.substr(0, first_end));
  if (names.size() < 3) return false;
  for (const auto& name : names) {
    if (name.empty()) return false;
  }
  if (first_end == std::string_view::npos) return true;
  std::string_view rest = head.substr(first_end + 1);
  auto second_end = rest.find('\n');
  if (second_end == std::string_view::npos) return true;  // the next line is cut off
  std::string second(rest.substr(0, second_end));
  std::istringstream in(second);
  static const std::string kName = "head";
  CsvReader reader(in, kName);
  CsvRow row;
  try {
    return !reader.next(row) || row.count == names.size();
  } catch (const Error&) {
    return true;  // a quoted field that goes on past what `head` holds
  }
}

}  // namespace footballdb::import
