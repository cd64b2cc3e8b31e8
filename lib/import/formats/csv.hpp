// CSV match lists: RFC 4180 text (quoted fields, "" escapes, CRLF or LF line ends, an optional
// UTF-8 byte order mark) with a header line, one match a row, read through a column mapping.
//
// A mapping names, for each field, the header text of the column that holds it. The fields, with
// their names in a mapping spec ("home=HomeTeam,away=AwayTeam,date=Date,score=FT") and the values
// their cells may hold:
//
//   home, away          club names as written (required)
//   date                "YYYY-MM-DD"
//   date_dmy            the date as "DD/MM/YYYY" (instead of `date`)
//   kickoff             local time "HH:MM"
//   season              "2012-13", "2012/13", "2012-2013" or a calendar year "2005"
//   season_start        the start year of a split season: "1955" is season 1955-56
//                       (instead of `season`)
//   competition         the competition's name
//   round               the round's name or code, kept as written ("QF", "Semi-finals", "GroupA")
//   round_code          the round as engsoccerdata's cup codes: "1".."9" (round N), "s", "f"
//                       (instead of `round`)
//   leg                 "1", "2", ... the leg number; "replay" a play-off match after the legs;
//                       "initial" the first match of a one-match tie that went to a replay (leg 1);
//                       "groups" a group match (no tie); missing: a one-match tie (no leg number)
//   score               goals after 90 minutes (or the awarded score), "h-v" in home-away order
//   ht                  half-time score "h-v"
//   aet                 score after extra time, the 90 minutes included, "h-v"
//   pens                how the tie was decided, on its deciding row: a shoot-out score "h-v" in
//                       home-away order, or "away goals", "coin toss" or "walkover"
//   winner              the club the source says went through
//   home_country, away_country   country codes as written ("ENG")
//   venue               the ground
//   aet_flag            "yes": the score is after extra time (engsoccerdata's cup files)
//   pens_home, pens_away  the two sides of a shoot-out, in two columns
//   neutral             "yes": played at a neutral ground
//   nonmatch            a row that is no match: "Bye" (a tie of the home club alone, through
//                       with a bye), "Walkover" (to the club
//                       `notes` says "X progress"), "Match void" (kept, annulled), "Not played"
//                       (cancelled), "X disqualified" (the other club through; a played match
//                       annulled), "Both teams disqualified"
//   notes               free text, read for who progressed after a walkover
//
// The leg column also reads engsoccerdata's tie codes: "initial" and "none" (the first match),
// "replay", "replay2" ... (replays), "leg1", "leg2".
//
// A cell that is empty or "NA" is missing; cells are read with surrounding blanks removed.
// Besides columns, a spec may name the competition for files without a competition column:
//   competition_name=UEFA Cup              for every row
//   competition_name@1992=UEFA Champions League   for rows of seasons starting in 1992 or later
// Column names in a spec cannot contain ',' or '='; blanks around names are ignored.
//
// Records: every row gives a LegRecord. A row that is not a group match is taken as a match of a
// knockout tie and is followed by a TieRecord (club_a home, club_b away) carrying the row's stated
// winner and decision, so that the tie's rows together state what the source says of the tie.
// A RoundRecord comes before the first row of each round of a competition's season, once a file
// (knockout false for a round of group matches, true for other rounds when the mapping has a leg
// column, else nullopt). A walkover row gives a leg of status kWalkover awarded to the winner;
// a "walkover" row with a score is a result the organiser awarded: a leg of status kAwarded
// with that score, its tie stated as decided by kAwarded.
// The parser states what the file says and checks no claim against another: a stated winner that
// the scores contradict, or a date outside its season, is left for the tie rules to find.
#pragma once

#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "import/records.hpp"

namespace footballdb::import {

enum class CsvDateFormat {
  kIso,          // "YYYY-MM-DD"
  kDayMonthYear  // "DD/MM/YYYY"
};

// A competition name for the rows of seasons that start in `from_year` or later (0: every season).
struct CsvCompetitionEra {
  int from_year = 0;
  std::string name;

  friend bool operator==(const CsvCompetitionEra& a, const CsvCompetitionEra& b) {
    return a.from_year == b.from_year && a.name == b.name;
  }
};

// Which column holds which field (see the file comment). Columns are named by header text;
// nullopt: the file has no such column. Every field is optional except home and away.
struct CsvMapping {
  std::string home;
  std::string away;
  std::optional<std::string> date;
  CsvDateFormat date_format = CsvDateFormat::kIso;
  std::optional<std::string> kickoff;
  std::optional<std::string> season;
  bool season_is_start_year = false;  // the season column holds "1955" for 1955-56
  std::optional<std::string> competition;
  std::optional<std::string> round;
  std::optional<std::string> leg;
  std::optional<std::string> full_time;
  std::optional<std::string> half_time;
  std::optional<std::string> extra_time;
  std::optional<std::string> penalties;
  std::optional<std::string> winner;
  std::optional<std::string> home_country;
  std::optional<std::string> away_country;
  std::optional<std::string> venue;
  std::optional<std::string> aet_flag;
  std::optional<std::string> pens_home;
  std::optional<std::string> pens_away;
  std::optional<std::string> neutral;
  std::optional<std::string> nonmatch;
  std::optional<std::string> notes;
  // The round column holds engsoccerdata's cup codes (spec key round_code): "1".."9" (round
  // N), "s" (semi-finals), "f" (final); other codes are kept as written.
  bool round_codes = false;
  // The competition of rows without a competition cell: the era with the latest from_year not
  // after the row's season start year (the date's split season when there is no season; the
  // first era when neither is known). Sorted by from_year, no year twice.
  std::vector<CsvCompetitionEra> competition_names;

  friend bool operator==(const CsvMapping& a, const CsvMapping& b);
  friend bool operator!=(const CsvMapping& a, const CsvMapping& b) { return !(a == b); }
};

// The mapping for engsoccerdata's champs.csv (European Cup / Champions League, 1955-56 on):
// Season is the start year; the competition is "European Cup" for seasons before 1992-93 and
// "UEFA Champions League" from 1992-93 on, the season the competition took that name.
CsvMapping engsoccerdata_champs_mapping();

// The layout of engsoccerdata's cup files (facup.csv and its family) for the columns of
// `header`: Date, Season (the start year), home, visitor, FT (after extra time when aet is
// "yes"), round and tie are required; hp/vp, Venue, neutral, nonmatch and notes are read when
// there. The competition comes from the file's name or --competition. Nullopt when a required
// column is missing.
std::optional<CsvMapping> engsoccerdata_cup_mapping(const std::vector<std::string>& header);

// A built-in mapping whose columns all appear in this header line (a BOM and line end are
// allowed): champs.csv's, then the cup files'; else nullopt.
std::optional<CsvMapping> builtin_csv_mapping(std::string_view header_line);

// A user's mapping from a spec "home=HomeTeam,away=AwayTeam,date=Date,score=FT,..." (field names
// in the file comment). Throws Error(kUsage) naming the bad part: an unknown field, a part
// without '=', an empty column name, a field given twice, a missing home or away.
CsvMapping parse_csv_mapping(std::string_view spec);

// The spec that parse_csv_mapping reads back into `mapping`.
std::string format_csv_mapping(const CsvMapping& mapping);

// Reads CSV from `in` (named `path` in messages), maps each row to records and calls `sink` in
// file order, as it reads. Blank lines are skipped. Throws Error(kUsage) when the header lacks a
// mapped column, and Error(kInput) "path:line:column: expected ..." for text that is not CSV (an
// unclosed quote) or a row that does not read (wrong column count, a missing club, a score that
// is not "h-v", a bad date, season or leg). Exceptions thrown by `sink` pass through.
void parse_csv(std::istream& in, const std::string& path, const CsvMapping& mapping,
               const RecordSink& sink);

// True when `head` (the first bytes of a file) looks like CSV with a header: its first line has
// at least three comma-separated non-empty names and the next line, if `head` holds it whole,
// has as many fields.
bool sniff_csv(std::string_view head);

}  // namespace footballdb::import
