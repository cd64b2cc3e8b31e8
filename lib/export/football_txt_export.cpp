// export_football_txt: the matches as openfootball's Football.TXT (include/footballdb/export.hpp),
// one query read row by row. Every match line is read back with the importer's own parser
// before it is written: a line that would read otherwise is written as a comment instead.
#include <array>
#include <cstdint>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>

#include "footballdb/error.hpp"
#include "footballdb/export.hpp"
#include "footballdb/names.hpp"
#include "import/formats/football_txt.hpp"
#include "storage/database_impl.hpp"
#include "storage/rows.hpp"

namespace footballdb {
namespace {

using storage::opt_score;
using storage::opt_text;

// The section of a round a leg is written in: under the round's heading alone (kPlain, when
// none of its ties has a second leg), under a leg's heading (1, 2, 3: ", 1st leg"), after them
// under the plain heading again (kLater: legs numbered beyond 3, which the importer numbers on
// from the tie's last), or under ", Replay".
constexpr int kPlain = 0;
constexpr int kLater = 4;
constexpr int kReplays = 5;

// Every leg with what its lines need, in the order they are written: by competition's season,
// round, group, section, date (undated first), kick-off (none first: a line without a time
// takes the time of the line above), then by the names of the tie's clubs (not by ids, which
// differ between databases: an export of the import of an export is the same text) and number.
constexpr const char* kLegsInOrder = R"sql(
WITH l AS (
  SELECT c.name AS competition, s.name AS season, r.id AS round_id, r.name AS round,
         r.knockout, t.group_name, t.id AS tie_id, l.number, l.replay, l.status, l.date,
         l.kickoff, h.name AS home, h.country AS home_country, a.name AS away,
         a.country AS away_country, l.neutral, l.venue, l.ft_home, l.ft_away, l.ht_home,
         l.ht_away, l.et_home, l.et_away, l.pen_home, l.pen_away, s.start_year, r.ordinal,
         max(CASE WHEN l.replay = 0 THEN l.number END)
           OVER (PARTITION BY t.round_id, t.group_name) AS most_legs
  FROM legs l JOIN ties t ON t.id = l.tie_id JOIN rounds r ON r.id = t.round_id
  JOIN seasons s ON s.id = r.season_id JOIN competitions c ON c.id = s.competition_id
  JOIN clubs h ON h.id = l.home JOIN clubs a ON a.id = l.away)
SELECT competition, season, round_id, round, knockout, group_name, tie_id, number, replay,
       status, date, kickoff, home, home_country, away, away_country, neutral, venue, ft_home,
       ft_away, ht_home, ht_away, et_home, et_away, pen_home, pen_away,
       CASE WHEN replay = 1 THEN 5 WHEN most_legs > 1 THEN min(number, 4) ELSE 0 END AS section
FROM l
ORDER BY start_year, season, competition, ordinal, round_id, group_name, section,
         date IS NOT NULL, date, kickoff IS NOT NULL, kickoff, min(home, away), max(home, away),
         number, tie_id
)sql";

enum Column {
  kCompetition,
  kSeason,
  kRoundId,
  kRound,
  kKnockout,
  kGroup,
  kTie,
  kNumber,
  kReplay,
  kStatus,
  kDate,
  kKickoff,
  kHome,
  kHomeCountry,
  kAway,
  kAwayCountry,
  kNeutral,
  kVenue,
  kFtHome,
  kFtAway,
  kHtHome,
  kHtAway,
  kEtHome,
  kEtAway,
  kPenHome,
  kPenAway,
  kSection
};

// "Thu": the day of the week of a proleptic Gregorian date (Sakamoto's method).
std::string_view weekday(const Date& d) {
  static constexpr std::array<std::string_view, 7> kDays = {"Sun", "Mon", "Tue", "Wed",
                                                            "Thu", "Fri", "Sat"};
  static constexpr std::array<int, 12> kOffsets = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  const int y = d.month < 3 ? d.year - 1 : d.year;
  const int day =
      (y + y / 4 - y / 100 + y / 400 + kOffsets[static_cast<std::size_t>(d.month - 1)] + d.day) % 7;
  return kDays[static_cast<std::size_t>(day)];
}

// "  Thu Jul/5 2012".
std::string date_line(const Date& d) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  return "  " + std::string(weekday(d)) + " " +
         std::string(kMonths[static_cast<std::size_t>(d.month - 1)]) + "/" + std::to_string(d.day) +
         " " + std::to_string(d.year);
}

// "2012/13" for a split season, "2005" for a calendar year.
std::string header_season(const std::string& season) {
  return season.size() == 7 ? season.substr(0, 4) + "/" + season.substr(5) : season;
}

std::string show(const Score& s) { return std::to_string(s.home) + "-" + std::to_string(s.away); }

// The score part of a match line: "5-6 pen. 1-2 a.e.t. (0-1, 0-0)", "2-1 (1-0)", "4-5 pen.
// (1-1, 0-0)" (a shoot-out straight after 90 minutes); empty without a score. A half-time score
// alone has no place: a bracket follows a score.
std::string score_text(const Leg& leg) {
  const auto bracket = [](const std::optional<Score>& first, const std::optional<Score>& second) {
    if (!first && !second) return std::string();
    return " (" + (first ? show(*first) : std::string()) +
           (second ? ", " + show(*second) : std::string()) + ")";
  };
  if (leg.extra_time) {
    return (leg.penalties ? show(*leg.penalties) + " pen. " : std::string()) +
           show(*leg.extra_time) + " a.e.t." + bracket(leg.full_time, leg.half_time);
  }
  if (leg.penalties) return show(*leg.penalties) + " pen." + bracket(leg.full_time, leg.half_time);
  if (leg.full_time) return show(*leg.full_time) + bracket(leg.half_time, std::nullopt);
  return {};
}

std::string_view status_note(LegStatus status) {
  switch (status) {
    case LegStatus::kAwarded:
      return "[awarded]";
    case LegStatus::kAnnulled:
      return "[annulled]";
    case LegStatus::kCancelled:
      return "[cancelled]";
    case LegStatus::kWalkover:
      return "[walkover]";
    case LegStatus::kPlayed:
    case LegStatus::kScheduled:
      break;
  }
  return {};
}

// A country code as Football.TXT writes it after a name ("(POL)"), if it is one.
std::optional<std::string> country_code(const std::optional<std::string>& country) {
  if (!country || country->size() < 2 || country->size() > 4) return std::nullopt;
  for (const char c : *country) {
    if (c < 'A' || c > 'Z') return std::nullopt;
  }
  return country;
}

// `text` padded with blanks to `width` characters (UTF-8 code points), for aligned columns.
std::string padded(const std::string& text, std::size_t width) {
  std::size_t length = 0;
  for (const char c : text) length += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return length >= width ? text : text + std::string(width - length, ' ');
}

// One match as its line. `countries` are the clubs' codes, written after their names.
std::string match_line(const Leg& leg, const std::optional<std::string>& home_country,
                       const std::optional<std::string>& away_country) {
  std::string line = leg.kickoff ? "    " + leg.kickoff->to_string() + "  " : std::string(11, ' ');
  if (leg.kickoff) line[6] = '.';  // "17.30"
  const auto club = [](const std::string& name, const std::optional<std::string>& country) {
    return country ? name + " (" + *country + ")" : name;
  };
  line += padded(club(leg.home.name, home_country), 23) + " v " +
          padded(club(leg.away.name, away_country), 23);
  const std::string score = score_text(leg);
  for (const std::string_view part : {std::string_view(score), status_note(leg.status),
                                      leg.neutral_venue ? "[neutral]" : std::string_view()}) {
    if (!part.empty()) line += "  " + std::string(part);
  }
  if (leg.venue) line += "  @ " + *leg.venue;
  while (!line.empty() && line.back() == ' ') line.pop_back();
  return line;
}

// Whether the importer reads `line` back as `leg` (its clubs' names and countries, kick-off,
// scores, status, neutral ground and venue): a name or venue may hold what the format reads as
// something else ("v", a score, a comment's "#", a note's brackets).
bool reads_back(const std::string& line, const Leg& leg,
                const std::optional<std::string>& home_country,
                const std::optional<std::string>& away_country) {
  std::istringstream in(line);
  int records = 0;
  bool same = false;
  try {
    import::parse_football_txt(in, "", [&](import::Record&& record) {
      ++records;
    const auto* r = std::get_if<import::LegRecord>(&record);
    const LegStatus status =
        leg.status == LegStatus::kPlayed && !leg.score() ? LegStatus::kScheduled : leg.status;
    same = r && r->home == leg.home.name && r->away == leg.away.name &&
           r->home_country == home_country && r->away_country == away_country &&
           r->kickoff == leg.kickoff && r->full_time == leg.full_time &&
           r->half_time == leg.half_time && r->extra_time == leg.extra_time &&
           r->penalties == leg.penalties && r->status == status &&
           r->neutral_venue == leg.neutral_venue && r->venue == leg.venue && !r->replay;
  });
}
catch (const Error&) {
  return false;
}
return records == 1 && same;
}  // namespace

// The heading of a round's group and section: "» Group A", "» Round of 16, 2nd leg".
std::string heading(const std::string& round, bool knockout,
                    const std::optional<std::string>& group, int section) {
  std::string text = !knockout && group && round == "Group stage" ? "Group " + *group : round;
  static constexpr std::array<std::string_view, 4> kLegs = {"", ", 1st leg", ", 2nd leg",
                                                            ", 3rd leg"};
  if (section >= 1 && section <= 3) text += kLegs[static_cast<std::size_t>(section)];
  if (section == kReplays) text += ", Replay";
  return "» " + text;
}

// Writes the rows of kLegsInOrder as Football.TXT, keeping what the parser carries from line to
// line in step with what each line means.
class Writer {
 public:
  explicit Writer(const FootballTxtTarget& target) : target_(target) {}

  void add(SQLite::Statement& row) {
    const std::string competition = row.getColumn(kCompetition).getString();
    const std::string season = row.getColumn(kSeason).getString();
    if (!out_ || competition != competition_ || season != season_) {
      if (out_) *out_ << "\n";
      competition_ = competition;
      season_ = season;
      out_ = &target_(competition, season);
      *out_ << "# " << competition << " " << season
            << ", written by footballdb (export --format football-txt)\n\n";
      header();
      block_.reset();
    }
    const std::int64_t round_id = row.getColumn(kRoundId).getInt64();
    const std::optional<std::string> group = opt_text(row.getColumn(kGroup));
    const int section = row.getColumn(kSection).getInt();
    const std::string title = heading(row.getColumn(kRound).getString(),
                                      row.getColumn(kKnockout).getInt() != 0, group, section);
    if (!block_ || block_->round_id != round_id || block_->group != group ||
        block_->section != section) {
      block_ = Block{round_id, group, section};
      title_ = title;
      *out_ << "\n" << title_ << "\n";
      date_.reset();  // a heading does not end the date above; a new date line does
    }

    Leg leg;
    if (auto d = opt_text(row.getColumn(kDate))) leg.date = Date::parse(*d);
    if (auto k = opt_text(row.getColumn(kKickoff))) leg.kickoff = LocalTime::parse(*k);
    leg.home.name = row.getColumn(kHome).getString();
    leg.away.name = row.getColumn(kAway).getString();
    leg.status = parse_leg_status(row.getColumn(kStatus).getString()).value_or(LegStatus::kPlayed);
    leg.neutral_venue = row.getColumn(kNeutral).getInt() != 0;
    leg.venue = opt_text(row.getColumn(kVenue));
    leg.full_time = opt_score(row.getColumn(kFtHome), row.getColumn(kFtAway));
    leg.half_time = opt_score(row.getColumn(kHtHome), row.getColumn(kHtAway));
    leg.extra_time = opt_score(row.getColumn(kEtHome), row.getColumn(kEtAway));
    leg.penalties = opt_score(row.getColumn(kPenHome), row.getColumn(kPenAway));
    const auto home_country = country_code(opt_text(row.getColumn(kHomeCountry)));
    const auto away_country = country_code(opt_text(row.getColumn(kAwayCountry)));

    const std::string line = match_line(leg, home_country, away_country);
    if (!reads_back(line, leg, home_country, away_country)) {
      *out_ << "# not read back as written (a club name or venue the format takes for "
               "something else):\n#"
            << line << "\n";
      return;
    }
    if (!leg.date && (dated_ || timed_)) {
      // Undated matches come first in their section, but a date or time above them would still
      // hold: the header starts afresh.
      *out_ << "\n";
      header();
      *out_ << title_ << "\n";
    }
    if (leg.date && leg.date != date_) {
      *out_ << date_line(*leg.date) << "\n";
      date_ = leg.date;
      dated_ = true;
      timed_ = false;
    }
    timed_ = timed_ || leg.kickoff.has_value();
    *out_ << line << "\n";
  }

 private:
  struct Block {
    std::int64_t round_id;
    std::optional<std::string> group;
    int section;
  };

  // "= UEFA Europa League 2012/13": the competition and season, and no date or time yet.
  void header() {
    *out_ << "= " << competition_ << " " << header_season(season_) << "\n";
    date_.reset();
    dated_ = false;
    timed_ = false;
  }

  const FootballTxtTarget& target_;
  std::ostream* out_ = nullptr;
  std::string competition_;
  std::string season_;
  std::optional<Block> block_;
  std::string title_;         // the heading of the current block, with its marker
  std::optional<Date> date_;  // of the last date line in this block
  bool dated_ = false;        // a date line since the header
  bool timed_ = false;        // a kick-off time since the header's or the last date line
};

}  // namespace footballdb

void export_football_txt(const Database& db, const FootballTxtTarget& target) try {
  auto& statements = detail::DatabaseAccess::statements(db);
  const storage::StatementCache::Scope statements_in_use(statements);
  SQLite::Transaction snapshot(detail::DatabaseAccess::sqlite(db));
  SQLite::Statement& q = statements.get(kLegsInOrder);
  Writer writer(target);
  while (q.executeStep()) writer.add(q);
  snapshot.commit();
} catch (const SQLite::Exception& e) {
  detail::rethrow_database_error(e);
}

void export_football_txt(const Database& db, std::ostream& out) {
  export_football_txt(
      db, [&out](const std::string&, const std::string&) -> std::ostream& { return out; });
}

std::string football_txt_file_name(const std::string& competition, const std::string& season) {
  std::string name;
  for (const char c : fold_key(competition) + " " + season) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (keep) {
      name += c;
    } else if (!name.empty() && name.back() != '-') {
      name += '-';
    }
  }
  while (!name.empty() && name.back() == '-') name.pop_back();
  return (name.empty() ? std::string("football") : name) + ".txt";
}

}  // namespace footballdb
