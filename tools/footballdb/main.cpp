// footballdb: the command-line tool, a thin layer over the library.
//
// Exit codes: 0 success (an empty result too), 2 usage error, 3 a club name that is unknown or
// ambiguous (stderr lists the candidates), 1 any other error.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "footballdb/footballdb.hpp"
#include "footballdb/json.hpp"
#include "output.hpp"
#include "export_command.hpp"

namespace fs = std::filesystem;
using namespace footballdb;

namespace {

constexpr int kExitError = 1;
constexpr int kExitUsage = 2;
constexpr int kExitClub = 3;

// Whether the user may not write the existing database `file` (or the directory that holds
// its journal files).
bool access_denied(const fs::path& file) {
  const fs::path dir = file.has_parent_path() ? file.parent_path() : fs::path(".");
  return access(file.c_str(), W_OK) != 0 || access(dir.c_str(), W_OK) != 0;
}

struct Globals {
  std::string db = "football.db";
  bool read_only = false;
  int busy_timeout_ms = 5000;
  bool quiet = false;    // no report from commands that change the database
  bool verbose = false;  // what an import reads, on standard error
  std::string command;   // the subcommand given, for messages
};

// The database of --db. A command that only reads never creates one (a missing file is an
// error that names it: a mistyped path must not become an empty database and an empty answer)
// and opens it read-only, so that it never waits for an import; a file at an older schema is
// migrated first unless --read-only. With --read-only a command that writes is refused.
// kChecks: read, but through a read-write connection where the file allows it (SQLite checks
// CHECK constraints only there); no write lock is taken.
enum class Access { kReads, kChecks, kWrites };
Database open_db(const Globals& g, Access access = Access::kWrites) {
  if (access == Access::kWrites && g.read_only) {
    throw Error(ErrorCode::kUsage, "--read-only: '" + g.command + "' writes to the database");
  }
  const fs::path file(g.db);
  OpenOptions options;
  options.create_if_missing = access == Access::kWrites;
  options.read_only = access == Access::kReads ||
                      (access == Access::kChecks && (g.read_only || access_denied(file)));
  options.migrate = !g.read_only;
  options.busy_timeout_ms = g.busy_timeout_ms;
  return Database::open(g.db, options);
}

Date parse_date_option(const std::string& text, const char* option) {
  auto date = Date::parse(text);
  if (!date) {
    throw Error(ErrorCode::kUsage,
                std::string(option) + " expects a date YYYY-MM-DD, got '" + text + "'");
  }
  return *date;
}

Date today() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  return Date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

// Prints a JSON array of `items`, one a line.
template <class T>
void print_json_array(const std::vector<T>& items) {
  std::cout << "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    std::cout << (i == 0 ? "\n" : ",\n") << to_json(items[i]);
  }
  std::cout << (items.empty() ? "]\n" : "\n]\n");
}

using cli::OutputFormat;
using Row = nlohmann::ordered_json;

std::string score_text(const std::optional<Score>& s) {
  return s ? std::to_string(s->home) + "-" + std::to_string(s->away) : "";
}
Row id_of(const std::optional<ClubRef>& c) { return c ? Row(c->id.value()) : Row(); }
Row name_of(const std::optional<ClubRef>& c) { return c ? Row(c->name) : Row(); }
Row text_of(const std::optional<std::string>& t) { return t ? Row(*t) : Row(); }

// One leg's result in a cell: "2-1", "1-1 aet 2-2 pens 4-3", "walkover".
std::string result_text(const Leg& leg) {
  std::string text = score_text(leg.full_time);
  if (leg.extra_time) text += (text.empty() ? "aet " : " aet ") + score_text(leg.extra_time);
  if (leg.penalties) text += " pens " + score_text(leg.penalties);
  if (leg.status != LegStatus::kPlayed) {
    text += (text.empty() ? "" : " ") + std::string(to_string(leg.status));
  }
  return text;
}

// The row of an item in CSV and table output: its JSON, but for ties, fixtures, clubs and
// reviews, whose JSON nests lists, a flat row with the columns of the views (tie_results,
// leg_results).
Row table_row(const Tie& t) {
  std::string legs;
  for (const Leg& leg : t.legs) legs += (legs.empty() ? "" : "; ") + result_text(leg);
  const auto& agg = t.outcome.aggregate;
  return Row{{"id", t.id.value()},
             {"competition", t.competition},
             {"season", t.season},
             {"round", t.round},
             {"club_a_id", id_of(t.club_a)},
             {"club_a", name_of(t.club_a)},
             {"agg_a", agg ? Row(agg->a) : Row()},
             {"agg_b", agg ? Row(agg->b) : Row()},
             {"club_b", name_of(t.club_b)},
             {"club_b_id", id_of(t.club_b)},
             {"winner", name_of(t.winner)},
             {"winner_id", id_of(t.winner)},
             {"decided_by", t.outcome.decided_by
                                ? Row(std::string(to_string(*t.outcome.decided_by)))
                                : Row()},
             {"extra_time", t.outcome.extra_time},
             {"legs", legs},
             {"disagreement", t.disagreement}};
}
Row table_row(const Fixture& f) {
  const Leg& l = f.leg;
  return Row{{"date", l.date ? Row(l.date->to_string()) : Row()},
             {"kickoff", l.kickoff ? Row(l.kickoff->to_string()) : Row()},
             {"competition", f.competition},
             {"season", f.season},
             {"round", f.round},
             {"leg", l.replay ? Row("replay") : Row(l.number)},
             {"home_id", l.home.id.value()},
             {"home", l.home.name},
             {"result", result_text(l)},
             {"away", l.away.name},
             {"away_id", l.away.id.value()},
             {"half_time", score_text(l.half_time)},
             {"venue", text_of(l.venue)},
             {"tie_id", f.tie.value()}};
}
Row table_row(const Club& c) {
  std::string names;
  for (const ClubName& n : c.names) names += (names.empty() ? "" : "; ") + n.name;
  return Row{{"id", c.id.value()},
             {"name", c.name},
             {"country", text_of(c.country)},
             {"city", text_of(c.city)},
             {"names", names}};
}
Row table_row(const NameReview& r) {
  std::string candidates;
  for (const Candidate& c : r.candidates) {
    candidates += (candidates.empty() ? "#" : "; #") + std::to_string(c.club.id.value()) + " " +
                  c.club.name;
  }
  return Row{{"id", r.id.value()},
             {"name", r.name},
             {"reason", r.reason},
             {"status", std::string(to_string(r.status))},
             {"club_id", r.club ? Row(r.club->id.value()) : Row()},
             {"candidates", candidates},
             {"path", r.seen ? Row(r.seen->path) : Row()},
             {"line", r.seen ? Row(r.seen->line) : Row()}};
}
template <class T>
Row table_row(const T& item) {
  return Row::parse(to_json(item));
}

// Prints `items` in `format`: each with `text` (kText), as --json does, or as rows of CSV or
// a table with the JSON's keys for columns.
template <class T, class Text>
void emit(OutputFormat format, const std::vector<T>& items, Text text) {
  if (format == OutputFormat::kText) {
    for (const T& item : items) text(item);
  } else if (format == OutputFormat::kJson) {
    print_json_array(items);
  } else {
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const T& item : items) rows.push_back(table_row(item));
    cli::write_rows(std::cout, rows, format, table_row(T{}));
  }
}

std::string show(const std::optional<Score>& s) {
  return s ? std::to_string(s->home) + "-" + std::to_string(s->away) : "v";
}

// `label` says which match of its tie the leg is ("leg 2", "match", "replay 1").
std::string leg_line(const Leg& leg, const std::string& label) {
  std::string line = label + "  " + (leg.date ? leg.date->to_string() : "date unknown") +
                     (leg.kickoff ? " " + leg.kickoff->to_string() : "") + "  " + leg.home.name +
                     " " + show(leg.full_time ? leg.full_time : leg.extra_time) + " " +
                     leg.away.name;
  std::vector<std::string> notes;
  if (leg.half_time) notes.push_back("ht " + show(leg.half_time));
  // Only the score after extra time known (facup.csv's FT with aet): that is the score shown.
  if (leg.extra_time) notes.push_back(leg.full_time ? "aet " + show(leg.extra_time) : "aet");
  if (leg.penalties) notes.push_back("pens " + show(leg.penalties));
  if (leg.status != LegStatus::kPlayed) notes.emplace_back(to_string(leg.status));
  if (leg.neutral_venue) notes.emplace_back("neutral ground");
  if (leg.venue) notes.push_back("at " + *leg.venue);
  for (std::size_t i = 0; i < notes.size(); ++i) line += (i == 0 ? " (" : ", ") + notes[i];
  return line + (notes.empty() ? "" : ")");
}

void print_tie(const Tie& tie) {
  std::cout << tie.season << " " << tie.competition << ", " << tie.round;
  if (!tie.round_names.empty()) {
    std::cout << " (as stated: ";
    for (std::size_t i = 0; i < tie.round_names.size(); ++i) {
      std::cout << (i ? ", " : "") << '"' << tie.round_names[i] << '"';
    }
    std::cout << ")";
  }
  if (tie.number) std::cout << " (" << *tie.number << ")";
  std::cout << "\n  " << (tie.club_a ? tie.club_a->name : "?");
  if (tie.outcome.aggregate) {
    std::cout << " " << tie.outcome.aggregate->a << "-" << tie.outcome.aggregate->b << " ";
  } else {
    std::cout << " v ";
  }
  std::cout << (tie.club_b ? tie.club_b->name : "(opponent unknown)");
  if (tie.winner) {
    std::cout << ": " << tie.winner->name << " through " << describe(*tie.outcome.decided_by)
              << (tie.outcome.extra_time ? " after extra time" : "")
              << (tie.outcome.stated ? " (as the sources state)" : "");
  }
  std::cout << "\n";
  // A tie of one match and its replays reads as such; legs keep their numbers (one leg known
  // of two is still "leg 1").
  const auto regular =
      std::count_if(tie.legs.begin(), tie.legs.end(), [](const Leg& l) { return !l.replay; });
  const auto decided = tie.outcome.decided_by;
  const bool one_match =
      regular == 1 &&
      (regular < static_cast<long>(tie.legs.size()) || decided == DecidedBy::kNormalTime ||
       decided == DecidedBy::kExtraTime || decided == DecidedBy::kPenalties);
  int replays = 0;
  for (const Leg& leg : tie.legs) {
    const std::string label = leg.replay  ? "replay " + std::to_string(++replays)
                              : one_match ? std::string("match")
                                          : "leg " + std::to_string(leg.number);
    std::cout << "  " << leg_line(leg, label) << "\n";
  }
  // What each source states, as facts, and its own words where it has some ("Gent won 3–2 on
  // aggregate.").
  for (const StatedOutcome& s : tie.stated) {
    std::cout << "  stated:";
    if (s.winner) std::cout << " " << s.winner->name << " through";
    if (s.decided_by) std::cout << " " << describe(*s.decided_by);
    if (s.aggregate) std::cout << " (" << s.aggregate->a << "-" << s.aggregate->b << ")";
    if (!s.winner && !s.decided_by && !s.aggregate) std::cout << " no outcome";
    if (!s.text.empty()) std::cout << ": \"" << s.text << "\"";
    std::cout << "  [" << s.evidence.path << ":" << s.evidence.line << "]\n";
  }
  if (tie.disagreement) std::cout << "  ! a source disagrees with the computed outcome\n";
}

void print_fixture(const Fixture& f) {
  std::cout << f.leg.date->to_string() << " "
            << (f.leg.kickoff ? f.leg.kickoff->to_string() : "--:--") << "  " << f.leg.home.name
            << " " << show(f.leg.score()) << " " << f.leg.away.name << "  (" << f.season << " "
            << f.competition << ", " << f.round << ", "
            << (f.leg.replay ? "replay" : "leg " + std::to_string(f.leg.number)) << ")\n";
}

void print_report(const ImportReport& report) {
  for (const FileReport& f : report.files) {
    if (f.already_imported) {
      std::cout << f.path << ": imported before, nothing to do\n";
      continue;
    }
    std::cout << f.path << " (" << f.format << "): " << f.records << " records, " << f.ties_added
              << " ties added, " << f.ties_merged << " merged, " << f.legs_added << " legs added, "
              << f.legs_confirmed << " confirmed, " << f.claims << " claims, " << f.clubs_added
              << " new clubs, " << f.conflicts << " conflicts, " << f.reviews << " names to review";
    if (f.reviews_settled > 0) std::cout << ", " << f.reviews_settled << " reviews settled";
    std::cout << "\n";
  }
  if (report.dry_run) std::cout << "dry run: nothing was written\n";
}

// The club a command-line argument names: "#123" is club 123, anything else a name that must
// resolve to one club.
ClubId club_argument(const Database& db, const std::string& text, const NameScope& scope = {}) {
  if (text.size() > 1 && text[0] == '#' &&
      text.find_first_not_of("0123456789", 1) == std::string::npos) {
    if (text.size() > 18) throw Error(ErrorCode::kClub, "there is no club " + text);
    const ClubId id{std::stoll(text.substr(1))};
    if (!db.club(id)) throw Error(ErrorCode::kClub, "there is no club " + text);
    return id;
  }
  return db.require_club(text, scope).id;
}

std::string tie_line(const Tie& t) {
  return t.season + " " + t.competition + ", " + t.round + ": " +
         (t.club_a ? t.club_a->name : "?") + " v " + (t.club_b ? t.club_b->name : "?");
}

void print_review(const NameReview& r) {
  std::cout << "review " << r.id.value() << ": \"" << r.name << "\" (" << r.reason;
  if (r.status != ReviewStatus::kOpen) std::cout << ", " << to_string(r.status);
  std::cout << ")";
  if (r.seen) std::cout << "  seen at " << r.seen->path << ":" << r.seen->line;
  std::cout << "\n";
  if (r.club) std::cout << "  club: #" << r.club->id.value() << " " << r.club->name << "\n";
  for (const Tie& t : r.ties) std::cout << "  in: " << tie_line(t) << "\n";
  for (const Candidate& c : r.candidates) {
    std::cout << "  candidate: #" << c.club.id.value() << " " << c.club.name << " (" << c.method
              << ", " << c.score << ", as \"" << c.matched_name << "\")\n";
  }
  if (r.decided_club) {
    std::cout << "  decided: #" << r.decided_club->id.value() << " " << r.decided_club->name
              << (r.decided_at ? " at " + *r.decided_at : "") << "\n";
  }
}

void print_alias(const ClubAlias& a) {
  std::cout << "#" << a.club.id.value() << " " << a.club.name << "  \"" << a.name << "\"  "
            << a.method << (a.canonical ? ", canonical" : "");
  if (a.lang) std::cout << " [" << *a.lang << "]";
  if (a.source) std::cout << "  " << a.source->path << ":" << a.source->line;
  std::cout << "\n";
}

std::string tie_title(const TieSummary& t) {
  return t.season + " " + t.competition + ", " + t.round + ": " +
         (t.club_a ? t.club_a->name : "?") + " v " +
         (t.club_b ? t.club_b->name : "(opponent unknown)");
}

// Prints one heading with its count, then `items`, one block each.
template <class T, class Print>
void print_group(const char* heading, const std::vector<T>& items, Print print_item) {
  std::cout << heading << " (" << items.size() << ")\n";
  for (const T& item : items) print_item(item);
  std::cout << "\n";
}

void print_check(const CheckReport& report) {
  if (!report.integrity.problems.empty()) {
    std::cout << "The database file is damaged (" << report.integrity.check << "):\n";
    for (const std::string& p : report.integrity.problems) std::cout << "  " << p << "\n";
    std::cout << "Restore it from a backup, or rebuild it by importing its sources again; the "
                 "findings about the data are not read from a damaged file.\n";
    return;
  }
  print_group("Conflicts", report.conflicts, [](const ConflictFinding& f) {
    std::cout << "  " << tie_title(f.tie) << "\n    "
              << (f.leg ? "leg " + std::to_string(*f.leg) + " " : std::string()) << f.field
              << ": stored " << f.stored << ", claimed " << f.claimed << "  [" << f.evidence.path
              << ":" << f.evidence.line << "]\n";
  });
  print_group("Stated results that disagree", report.disagreements,
              [](const DisagreementFinding& f) {
                std::cout << "  " << tie_title(f.tie) << "\n";
                for (const std::string& r : f.reasons) std::cout << "    " << r << "\n";
              });
  print_group("Partial ties (opponent unknown)", report.partial_ties,
              [](const PartialTieFinding& f) {
                std::cout << "  " << tie_title(f.tie) << "\n";
                for (const StatedOutcome& s : f.stated) {
                  std::cout << "    stated: " << s.text << "  [" << s.evidence.path << ":"
                            << s.evidence.line << "]\n";
                }
              });
  print_group("Names awaiting review", report.name_reviews, [](const NameReviewFinding& f) {
    std::cout << "  " << f.name << " (" << f.reason << ")";
    if (f.evidence) std::cout << "  [" << f.evidence->path << ":" << f.evidence->line << "]";
    std::cout << "\n";
    if (!f.candidates.empty()) {
      std::cout << "    may be:";
      for (std::size_t i = 0; i < f.candidates.size(); ++i) {
        std::cout << (i == 0 ? " " : "; ") << f.candidates[i];
      }
      std::cout << "\n";
    }
  });
  print_group("Rule anomalies", report.rule_anomalies, [](const RuleAnomalyFinding& f) {
    std::cout << "  " << tie_title(f.tie) << "\n";
    for (const std::string& a : f.anomalies) std::cout << "    " << a << "\n";
  });
  print_group("Undecided ties", report.undecided_ties, [](const UndecidedTieFinding& f) {
    std::cout << "  " << tie_title(f.tie) << "\n    " << f.reason << "\n";
  });
}

// The directory of this executable, for finding the SQLite extension beside it.
fs::path exe_dir() {
  std::error_code ec;
  fs::path self = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path(".") : self.parent_path();
}

// The SQLite extension: $FOOTBALLDB_EXTENSION, else the build tree's (BUILD/lib beside
// BUILD/bin), else the one of the installation this program is in, wherever its prefix (the .deb
// installs under /usr what was configured for /usr/local), else the configured install path.
fs::path find_extension() {
  if (const char* env = std::getenv("FOOTBALLDB_EXTENSION")) return env;
  for (const fs::path& candidate :
       {exe_dir() / ".." / "lib" / "footballdb.so", exe_dir() / FOOTBALLDB_EXTENSION_FROM_BINDIR,
        fs::path(FOOTBALLDB_INSTALLED_EXTENSION)}) {
    if (fs::exists(candidate)) return fs::weakly_canonical(candidate);
  }
  throw Error(ErrorCode::kIo,
              "cannot find the SQLite extension footballdb.so (set "
              "FOOTBALLDB_EXTENSION to its path)");
}

void print_standings(const std::vector<Standing>& table) {
  const Standing* previous = nullptr;
  for (const Standing& s : table) {
    if (!previous || previous->season != s.season || previous->competition != s.competition ||
        previous->round != s.round || previous->group != s.group) {
      std::cout << s.season << " " << s.competition << ", "
                << (s.group ? "Group " + *s.group : s.round) << "\n";
    }
    std::cout << "  " << s.position << ". " << s.club.name << "  " << s.played << " " << s.won
              << "-" << s.drawn << "-" << s.lost << "  " << s.goals_for << ":" << s.goals_against
              << "  " << s.points << " pts\n";
    previous = &s;
  }
}

// The rules in force in each round of `season` of `competition` that the database holds ties
// of (every round alike when it holds none), and whose they are.
void print_rules(const Database& db, const std::string& competition, const std::string& season,
                 OutputFormat format) {
  const bool as_text = format == OutputFormat::kText;
  TieFilter filter;
  filter.competition = competition;
  filter.season = season;
  std::vector<std::string> rounds;
  for (const Tie& t : db.ties(filter)) {
    if (std::find(rounds.begin(), rounds.end(), t.round) == rounds.end()) rounds.push_back(t.round);
  }
  if (rounds.empty()) rounds.emplace_back();
  auto yes = [](bool b) { return b ? "yes" : "no"; };
  // "no", or how many and how a level replay is settled: "up to 1, extra time yes, penalties yes".
  auto replays = [&yes](const RuleSet& r) {
    if (!r.replays) return std::string("no");
    return (r.replay_limit > 0 ? "up to " + std::to_string(r.replay_limit) : std::string("yes")) +
           " (extra time " + yes(r.replay_extra_time) + ", penalties " + yes(r.replay_penalties) +
           ")";
  };
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const std::string& round : rounds) {
    const RuleSet r = db.rules(competition, season, round);
    const bool own = db.has_own_rules(competition, season, round);
    if (!as_text) {
      nlohmann::ordered_json entry = {
          {"round", round.empty() ? nullptr : nlohmann::ordered_json(round)}, {"own", own}};
      entry.update(nlohmann::ordered_json::parse(to_json(r)));
      out.push_back(std::move(entry));
      continue;
    }
    std::cout << (round.empty() ? std::string("every round") : round) << ": "
              << (r.legs == 1   ? "one match"
                  : r.legs == 2 ? "two legs"
                                : "one match or legs as the sources number them")
              << ", extra time " << yes(r.extra_time)
              << ", penalties " << yes(r.penalties) << ", away goals " << yes(r.away_goals)
              << (r.away_goals
                      ? std::string(" (in extra time ") + yes(r.away_goals_extra_time) + ")"
                      : "")
              << ", replays " << replays(r) << (own ? "  [set for this database]" : "") << "\n";
  }
  if (format == OutputFormat::kJson) {
    std::cout << out.dump() << "\n";
  } else if (!as_text) {
    cli::write_rows(std::cout, out, format);
  }
}

// `text` as one argument of a sqlite3 dot-command.
std::string dot_command_argument(const std::string& text) {
  if (text.find('\'') == std::string::npos) return "'" + text + "'";
  std::string quoted = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted + "\"";
}

// Whether `arg` is written as an sqlite3 option: "-box", "--csv" (SQL such as "-- note\nSELECT 1"
// is not one).
bool is_sqlite3_option(std::string_view arg) {
  std::size_t i = arg.substr(0, 2) == "--" ? 2 : arg.substr(0, 1) == "-" ? 1 : 0;
  if (i == 0 || i == arg.size() || !std::isalpha(static_cast<unsigned char>(arg[i]))) return false;
  return std::all_of(arg.begin() + static_cast<std::ptrdiff_t>(i), arg.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-';
  });
}

// sqlite3's options that take a value.
bool sqlite3_option_takes_value(std::string_view option) {
  if (option.substr(0, 2) == "--") option.remove_prefix(1);
  for (const char* o : {"-cmd", "-init", "-newline", "-nullvalue", "-separator", "-vfs", "-maxsize",
                        "-mmap", "-heap", "-lookaside", "-pagecache", "-pcachetrace"}) {
    if (option == o) return true;
  }
  return false;
}

// Runs sqlite3 on the database: headers on, --busy-timeout, footballdb's functions loaded, then
// `args`: sqlite3's own options (those before the first argument that is not one, "-box",
// "-csv", "-separator ;") and the SQL to run (the rest, joined by blanks; none: standard input).
[[noreturn]] void run_shell(const Globals& g, const std::vector<std::string>& args_given) {
  // Created and migrated before the shell sees the file, unless it is one the user cannot
  // write (or --read-only): then read as it is.
  const fs::path file(g.db);
  const bool read_only = g.read_only || (fs::exists(file) && access_denied(file));
  { open_db(g, read_only ? Access::kReads : Access::kWrites); }
  const char* sqlite3 = std::getenv("FOOTBALLDB_SQLITE3");
  if (!sqlite3) sqlite3 = "sqlite3";
  // sqlite3 waits for no lock by default: a reader opening while a writer closes the file (and
  // checkpoints it) would fail at once, "database is locked".
  std::vector<std::string> args = {
      sqlite3, "-header",
      "-cmd",  ".timeout " + std::to_string(g.busy_timeout_ms),
      "-cmd",  ".load " + dot_command_argument(find_extension().string())};
  if (read_only) args.emplace_back("-readonly");
  std::size_t i = 0;
  for (; i < args_given.size() && is_sqlite3_option(args_given[i]); ++i) {
    args.push_back(args_given[i]);
    if (sqlite3_option_takes_value(args_given[i]) && i + 1 < args_given.size()) {
      args.push_back(args_given[++i]);
    }
  }
  // A path is never read as an option or a URI: "-echo" is "./-echo".
  const std::string path = file.is_absolute() ? g.db : "./" + g.db;
  args.push_back(read_only ? reader_location(path) : path);
  std::string joined;
  for (; i < args_given.size(); ++i) joined += (joined.empty() ? "" : " ") + args_given[i];
  // sqlite3 reads every argument that begins with "-" as an option, SQL after the file too.
  if (!joined.empty() && joined[0] == '-') joined.insert(0, " ");
  if (!joined.empty()) args.push_back(joined);
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::cout.flush();
  execvp(argv[0], argv.data());
  throw Error(ErrorCode::kIo, std::string("cannot run ") + sqlite3 + ": " + std::strerror(errno) +
                                  " (install the sqlite3 package, or set FOOTBALLDB_SQLITE3)");
}

// Where in `argv` the command is (the first word that is neither an option nor the value of one
// of `valued`, the options that take one), if anywhere.
std::optional<int> command_word(int argc, char** argv, const std::vector<std::string>& valued) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--") return std::nullopt;
    if (std::find(valued.begin(), valued.end(), arg) != valued.end()) {
      ++i;
    } else if (arg.empty() || arg[0] != '-') {
      return i;
    }
  }
  return std::nullopt;
}

int run(int argc, char** argv) {
  CLI::App app{"footballdb: an embedded database of knockout football results"};
  app.require_subcommand(1);
  app.fallthrough();
  app.set_version_flag("--version", std::string("footballdb ") + FOOTBALLDB_VERSION +
                                        " (schema version " +
                                        std::to_string(Database::latest_schema_version()) + ")");
  Globals g;
  app.add_flag("-q,--quiet", g.quiet,
               "print no report from commands that change the database (errors still go to "
               "standard error; --json output is still written)");
  app.add_flag("-v,--verbose", g.verbose, "say on standard error what an import reads");
  app.add_option("--db", g.db, "database file (default ./football.db)");
  app.add_flag("--read-only", g.read_only,
               "open the database read-only: commands that write are refused, nothing is "
               "migrated, and the file may be one the user cannot write");
  app.add_option("--busy-timeout", g.busy_timeout_ms,
                 "how long to wait, in milliseconds, while another process writes (default 5000)")
      ->check(CLI::NonNegativeNumber);

  // --format of the query commands: text (the default), json (= --json), csv, table.
  std::optional<std::string> output_format;
  auto add_output_format = [&output_format](CLI::App* command) {
    command
        ->add_option("--format", output_format,
                     "text (the default), json (as --json), csv or table (columns: the JSON's "
                     "keys)")
        ->check(CLI::IsMember(std::vector<std::string>(std::begin(cli::kOutputFormats),
                                                       std::end(cli::kOutputFormats))));
  };

  // import
  ImportOptions import_options;
  std::vector<std::string> files;
  bool json_out = false;
  auto* import_cmd = app.add_subcommand("import", "import source files (one transaction)");
  import_cmd->add_option("--format", import_options.format, "format of every file (else detected)");
  import_cmd->add_option("--competition", import_options.competition, "competition of the files");
  import_cmd->add_option("--season", import_options.season, "season, e.g. 2012-13 or 2005");
  import_cmd->add_option("--round", import_options.round,
                         "round, e.g. \"Second qualifying round\"");
  import_cmd->add_option(
      "--mapping", import_options.csv_mapping,
      "CSV only: which column holds which field, as FIELD=COLUMN,... e.g. "
      "\"home=HomeTeam,away=AwayTeam,date=Date,score=FT\". Fields: home, away (required), date "
      "(YYYY-MM-DD) or date_dmy (DD/MM/YYYY), kickoff, season or season_start (1955 for "
      "1955-56), competition, round, leg, score, ht, aet, pens, winner, home_country, "
      "away_country, venue; competition_name=NAME (or competition_name@YEAR=NAME from a season "
      "on) names the competition of every row. Default: the built-in mapping of "
      "engsoccerdata's champs.csv when the header has its columns");
  import_cmd->add_flag("--dry-run", import_options.dry_run,
                       "report what would change, write nothing");
  import_cmd->add_flag("--json", json_out, "report as JSON");
  import_cmd->add_option("files", files, "files to import")->required();

  // export
  cli::ExportRequest export_request;
  auto* export_cmd = app.add_subcommand(
      "export",
      "write the whole database: JSON to import elsewhere, CSV, Football.TXT or a script for "
      "PostgreSQL");
  export_cmd->add_flag("--json", export_request.json, "JSON, as --format json");
  export_cmd
      ->add_option("--format", export_request.format,
                   "json: footballdb's interchange format (the default); csv: ties.csv and "
                   "legs.csv in the directory -o names; football-txt: openfootball's text "
                   "format, to a file or, when -o is a directory, a file a competition's "
                   "season; postgres: a psql script that creates the tables and views and "
                   "loads the data")
      ->check(CLI::IsMember(cli::export_formats()));
  export_cmd->add_option("-o,--output", export_request.output,
                         "file to write (default: standard output); csv: a directory; "
                         "football-txt: a file or a directory");
  export_cmd->add_option("--pg-schema", export_request.pg_schema,
                         "postgres: the schema to create (default footballdb; public: none)");

  // bracket
  std::string bracket_competition, bracket_season, bracket_output;
  auto* bracket_cmd = app.add_subcommand(
      "bracket", "draw the knockout rounds of a season as an SVG bracket (group stages left out)");
  bracket_cmd->add_option("--competition", bracket_competition, "competition name")->required();
  bracket_cmd->add_option("--season", bracket_season, "season, e.g. 2011-12")->required();
  bracket_cmd->add_option("-o,--output", bracket_output,
                          "SVG file to write (default: standard output)");

  // ties
  std::optional<std::string> club, opponent;
  TieFilter tie_filter;
  auto* ties_cmd = app.add_subcommand("ties", "list ties");
  ties_cmd->add_option("--club", club, "ties of this club (it comes first)");
  ties_cmd->add_option("--opponent", opponent, "...against this club");
  ties_cmd->add_option("--competition", tie_filter.competition, "competition name");
  ties_cmd->add_option("--season", tie_filter.season, "season, e.g. 2012-13");
  ties_cmd->add_option("--round", tie_filter.round, "round name");
  ties_cmd->add_flag("--json", json_out, "print JSON");
  add_output_format(ties_cmd);

  // standings
  TieFilter standings_filter;
  auto* standings_cmd = app.add_subcommand("standings", "the tables of group stages");
  standings_cmd->add_option("--competition", standings_filter.competition, "the competition");
  standings_cmd->add_option("--season", standings_filter.season, "the season, e.g. 2014-15");
  standings_cmd->add_option("--round", standings_filter.round,
                            "\"Group A\" for one group, else every group");
  standings_cmd->add_option("--club", club, "the groups a club played in");
  standings_cmd->add_flag("--json", json_out, "print JSON");
  add_output_format(standings_cmd);

  // fixtures
  std::optional<std::string> date, from, to;
  bool next = false;
  bool previous = false;
  auto* fixtures_cmd = app.add_subcommand("fixtures", "list legs by date");
  auto* date_opt = fixtures_cmd->add_option("--date", date, "legs on this day (YYYY-MM-DD)");
  fixtures_cmd->add_option("--from", from, "legs on or after this day")->excludes(date_opt);
  fixtures_cmd->add_option("--to", to, "legs on or before this day")->excludes(date_opt);
  fixtures_cmd->add_option("--club", club, "legs of this club");
  auto* next_opt = fixtures_cmd->add_flag("--next", next,
                                          "the club's next leg on or after --date (default today)");
  fixtures_cmd
      ->add_flag("--previous", previous, "the club's last leg before --date (default today)")
      ->excludes(next_opt);
  fixtures_cmd->add_flag("--json", json_out, "print JSON");
  add_output_format(fixtures_cmd);

  // resolve
  std::string name;
  auto* resolve_cmd = app.add_subcommand("resolve", "which club a name means");
  resolve_cmd->add_option("name", name, "club name")->required();
  resolve_cmd->add_flag("--json", json_out, "print JSON");
  add_output_format(resolve_cmd);

  // clubs
  std::string text;
  auto* clubs_cmd = app.add_subcommand("clubs", "find clubs by part of a name");
  clubs_cmd->add_option("text", text, "part of a name (accents and case do not matter)");
  clubs_cmd->add_flag("--json", json_out, "print JSON");
  add_output_format(clubs_cmd);

  // sources
  auto* sources_cmd = app.add_subcommand("sources", "the imported sources and what each gave");
  sources_cmd->require_subcommand(0, 1);
  sources_cmd->add_flag("--json", json_out, "print JSON");
  add_output_format(sources_cmd);
  std::int64_t source_id = 0;
  auto* sources_remove = sources_cmd->add_subcommand(
      "remove", "take an import back: what only it supported goes, the rest is derived again");
  sources_remove->add_option("id", source_id, "the source's id (footballdb sources)")->required();
  sources_remove->add_flag("--json", json_out, "report as JSON");

  // review
  bool all = false;
  std::int64_t review_id = 0;
  std::string club_text;
  auto* review_cmd = app.add_subcommand("review", "names awaiting review, and deciding them");
  review_cmd->require_subcommand(0, 1);
  review_cmd->add_flag("--json", json_out, "print JSON");
  add_output_format(review_cmd);
  review_cmd->add_flag("--all", all, "decided reviews too");
  auto* review_list = review_cmd->add_subcommand("list", "open reviews (the default)");
  review_list->add_flag("--json", json_out, "print JSON");
  add_output_format(review_list);
  review_list->add_flag("--all", all, "decided reviews too");
  auto* review_accept =
      review_cmd->add_subcommand("accept", "the name means CLUB: merge its club into CLUB");
  review_accept->add_option("id", review_id, "review id")->required();
  review_accept->add_option("club", club_text, "a name of one club, or #ID")->required();
  bool force = false;
  review_accept->add_flag("--force", force,
                          "accept a club that is none of the review's candidates");
  auto* review_create = review_cmd->add_subcommand("create", "the name is a club of its own");
  review_create->add_option("id", review_id, "review id")->required();
  auto* review_reject = review_cmd->add_subcommand("reject", "the name is no club name");
  review_reject->add_option("id", review_id, "review id")->required();
  auto* review_undo = review_cmd->add_subcommand("undo", "take back the decision on a review");
  review_undo->add_option("id", review_id, "review id")->required();

  // aliases
  std::string alias;
  auto* aliases_cmd = app.add_subcommand("aliases", "the spellings clubs are known by");
  aliases_cmd->require_subcommand(1);
  auto* aliases_list = aliases_cmd->add_subcommand(
      "list", "spellings of CLUB, or every spelling not from the registry");
  aliases_list->add_option("club", club_text, "a name of one club, or #ID");
  aliases_list->add_flag("--all", all, "without CLUB: the registry's spellings too");
  aliases_list->add_flag("--json", json_out, "print JSON");
  add_output_format(aliases_list);
  auto* aliases_add = aliases_cmd->add_subcommand("add", "NAME becomes a spelling of CLUB");
  aliases_add->add_option("name", alias, "the spelling")->required();
  aliases_add->add_option("club", club_text, "a name of one club, or #ID")->required();
  aliases_add->add_flag("--force", force,
                        "when NAME awaits review: accept a club that is none of its candidates");
  auto* aliases_remove = aliases_cmd->add_subcommand(
      "remove", "NAME is no longer a spelling (bound facts keep their club)");
  aliases_remove->add_option("name", alias, "the spelling (exact text)")->required();
  aliases_remove->add_option("club", club_text, "the club, when several have the spelling");
  // rules
  std::string rules_competition, rules_season, rules_round;
  std::optional<int> rules_legs;
  // The yes/no rules `rules set` changes: option name, field, the value given (if any).
  struct RuleFlag {
    const char* option;
    bool RuleSet::*field;
    std::optional<bool> value;
  };
  std::array<RuleFlag, 7> rule_flags{
      {{"extra-time", &RuleSet::extra_time, {}},
       {"penalties", &RuleSet::penalties, {}},
       {"away-goals", &RuleSet::away_goals, {}},
       {"away-goals-extra-time", &RuleSet::away_goals_extra_time, {}},
       {"replays", &RuleSet::replays, {}},
       {"replay-extra-time", &RuleSet::replay_extra_time, {}},
       {"replay-penalties", &RuleSet::replay_penalties, {}}}};
  std::optional<int> rules_replay_limit;
  auto* rules_cmd = app.add_subcommand(
      "rules", "the rules ties are decided by: per competition, from a season on, per round");
  rules_cmd->require_subcommand(1);
  auto* rules_list = rules_cmd->add_subcommand(
      "list",
      "the rules in force in each round of a season (the competition's own, else "
      "footballdb's: shipped histories, UEFA's, a national cup's)");
  rules_list->add_option("--competition", rules_competition, "the competition")->required();
  rules_list->add_option("--season", rules_season, "the season, e.g. 1987-88")->required();
  rules_list->add_flag("--json", json_out, "print JSON");
  add_output_format(rules_list);
  auto* rules_set = rules_cmd->add_subcommand(
      "set", "give a competition rules of its own from a season on (recomputes its ties)");
  rules_set->add_option("--competition", rules_competition, "the competition")->required();
  rules_set->add_option("--from", rules_season, "the first season they hold")->required();
  rules_set->add_option("--round", rules_round, "only this round (default: every round)");
  rules_set->add_option("--legs", rules_legs, "1 (one match) or 2 (home and away)")
      ->check(CLI::Range(1, 2));
  rules_set
      ->add_option("--replay-limit", rules_replay_limit,
                   "the most replays a tie may have (0: no limit; a number sets --replays yes)")
      ->check(CLI::Range(0, 99));
  for (RuleFlag& flag : rule_flags) {
    rules_set->add_option(std::string("--") + flag.option, flag.value,
                          "yes or no (default: as in force now)");
  }
  auto* rules_unset = rules_cmd->add_subcommand(
      "unset", "take back rules set from a season (recomputes the competition's ties)");
  rules_unset->add_option("--competition", rules_competition, "the competition")->required();
  rules_unset->add_option("--from", rules_season, "the season they were set from")->required();
  rules_unset->add_option("--round", rules_round, "the round they were set for");

  // check
  auto* check_cmd = app.add_subcommand(
      "check",
      "check the database file is whole (exit 1 when not), then list data-quality "
      "findings: conflicts between sources, stated results the legs contradict, "
      "partial ties, names awaiting review, rule anomalies (exit 0)");
  check_cmd->add_flag("--json", json_out, "print one JSON object with an array per kind");
  add_output_format(check_cmd);
  CheckOptions check_options;
  check_cmd->add_flag("--full", check_options.full,
                      "check the file with SQLite's integrity_check (slower: every index "
                      "against its table) instead of quick_check");

  // shell
  std::vector<std::string> sql;
  auto* shell_cmd = app.add_subcommand(
      "shell", "the sqlite3 shell on the database, with footballdb's SQL functions loaded");
  shell_cmd->add_option("sql", sql,
                        "SQL to run (default: read standard input); sqlite3's own options first: "
                        "shell -box \"SELECT ...\" (or shell -- -box \"SELECT ...\")");
  shell_cmd->allow_extras(false);

  // A mistyped command is named, with the commands it may have meant.
  std::vector<std::string> commands;
  for (const CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    commands.push_back(sub->get_name());
  }
  const std::optional<int> at = command_word(argc, argv, {"--db", "--busy-timeout"});
  const std::string word = at ? argv[*at] : "";
  if (at && std::find(commands.begin(), commands.end(), word) == commands.end()) {
    std::string message = "no command '" + word + "'";
    const std::vector<std::string> close = did_you_mean(word, commands);
    for (std::size_t i = 0; i < close.size(); ++i) {
      message += (i == 0 ? "; did you mean '" : "' or '") + close[i];
    }
    if (!close.empty()) message += "'?";
    throw Error(ErrorCode::kUsage, message + " (footballdb --help lists them)");
  }
  // sqlite3's own options after shell are its, with or without "--" before them
  // (`shell -box "SELECT ..."`).
  std::vector<char*> args(argv, argv + argc);
  char separator[] = "--";
  if (word == "shell" && *at + 1 < argc) {
    const std::string_view after = argv[*at + 1];
    if (after != "--" && after != "-h" && after != "--help" && is_sqlite3_option(after)) {
      args.insert(args.begin() + *at + 1, separator);
    }
  }
  try {
    app.parse(static_cast<int>(args.size()), args.data());
  } catch (const CLI::Success& e) {  // --help, --version
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }
  for (const CLI::App* sub : app.get_subcommands()) g.command = sub->get_name();
  if (json_out && output_format && *output_format != "json") {
    throw Error(ErrorCode::kUsage, "--json and --format " + *output_format + " ask for two forms");
  }
  const OutputFormat format = json_out        ? OutputFormat::kJson
                              : output_format ? cli::parse_output_format(*output_format)
                                              : OutputFormat::kText;
  json_out = format == OutputFormat::kJson;
  // --quiet: the reports of commands that change the database go nowhere.
  const bool changes = *import_cmd || *sources_remove ||
                       (*review_cmd && !review_cmd->got_subcommand("list")) ||
                       (*aliases_cmd && !aliases_cmd->got_subcommand("list")) ||
                       (*rules_cmd && !rules_cmd->got_subcommand("list"));
  if (g.quiet && changes && !json_out) std::cout.rdbuf(nullptr);

  if (*import_cmd) {
    Database db = open_db(g);
    std::string reading;  // --verbose: the file being read
    auto started = std::chrono::steady_clock::now();
    auto read_done = [&] {
      if (reading.empty()) return;
      const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
          std::chrono::steady_clock::now() - started);
      std::cerr << "footballdb: read " << reading << " in " << ms.count() << " ms\n";
    };
    if (g.verbose) {
      import_options.progress = [&](const std::string& path, std::size_t, std::size_t total) {
        if (path == reading) return;
        read_done();
        reading = path;
        started = std::chrono::steady_clock::now();
        std::cerr << "footballdb: reading " << path << " (" << total / 1024 << " KiB)\n";
      };
    } else if (isatty(STDERR_FILENO) && !g.quiet) {
      import_options.progress = [](const std::string& path, std::size_t done, std::size_t total) {
        std::cerr << "\r\033[K" << path << ": " << done / 1024 << " of " << total / 1024 << " KiB ("
                  << (total ? done * 100 / total : 100) << "%)" << std::flush;
      };
    }
    ImportReport report = import_files(db, files, import_options);
    if (g.verbose) {
      read_done();
    } else if (import_options.progress) {
      std::cerr << "\r\033[K" << std::flush;
    }
    if (json_out) {
      std::cout << to_json(report) << "\n";
    } else {
      print_report(report);
    }
  } else if (*export_cmd) {
    cli::export_format(export_request);  // a usage error first, whatever the database
    Database db = open_db(g, Access::kReads);
    cli::run_export(db, export_request);
  } else if (*bracket_cmd) {
    Database db = open_db(g, Access::kReads);
    // Drawn whole before anything is written: an error leaves no file behind.
    std::ostringstream svg;
    write_bracket_svg(db, bracket_competition, bracket_season, svg);
    std::ofstream file;
    if (!bracket_output.empty()) {
      file.open(bracket_output, std::ios::binary);
      if (!file) throw Error(ErrorCode::kIo, "cannot write '" + bracket_output + "'");
    }
    std::ostream& out = bracket_output.empty() ? std::cout : file;
    out << svg.str() << std::flush;
    if (!out) {
      const std::string what = bracket_output.empty() ? "standard output" : bracket_output;
      throw Error(ErrorCode::kIo, "cannot write '" + what + "'");
    }
  } else if (*ties_cmd) {
    Database db = open_db(g, Access::kReads);
    // Names are resolved among the clubs of the ties asked about; a club and an opponent as a
    // pairing of the data.
    const NameScope scope{tie_filter.competition, tie_filter.season, tie_filter.round};
    if (club && opponent) {
      const auto [a, b] = db.require_pair(*club, *opponent, scope);
      tie_filter.club = a.id;
      tie_filter.opponent = b.id;
    } else if (club) {
      tie_filter.club = club_argument(db, *club, scope);
    } else if (opponent) {
      tie_filter.opponent = club_argument(db, *opponent, scope);
    }
    emit(format, db.ties(tie_filter), print_tie);
  } else if (*fixtures_cmd) {
    // The options first: a usage error is one whatever the database.
    if ((next || previous) && !club)
      throw Error(ErrorCode::kUsage, "--next and --previous need --club");
    FixtureFilter filter;
    if (date) filter.from = filter.to = parse_date_option(*date, "--date");
    if (from) filter.from = parse_date_option(*from, "--from");
    if (to) filter.to = parse_date_option(*to, "--to");
    Database db = open_db(g, Access::kReads);
    std::vector<Fixture> found;
    if (next || previous) {
      const ClubId id = club_argument(db, *club);
      const Date day = filter.from.value_or(today());
      auto f = next ? db.next_fixture(id, day) : db.previous_fixture(id, day);
      if (f) found.push_back(std::move(*f));
    } else {
      if (club) filter.club = club_argument(db, *club);
      found = db.fixtures(filter);
    }
    emit(format, found, print_fixture);
  } else if (*resolve_cmd) {
    Database db = open_db(g, Access::kReads);
    Resolution r = db.resolve(name);
    if (format == OutputFormat::kJson) {
      std::cout << to_json(r) << "\n";  // one object, not a list
    } else {
      emit(format, std::vector<Resolution>{r}, [](const Resolution& one) {
        if (one.club) std::cout << one.club->name << " (" << one.method << ")\n";
      });
    }
    if (r.status != ResolveStatus::kResolved) {
      std::cerr << "footballdb: '" << name << "' is " << to_string(r.status);
      for (const Candidate& c : r.candidates) {
        std::cerr << "\n  #" << c.club.id.value() << " " << c.club.name << " ("
                  << c.country.value_or("country unknown") << ", " << c.ties
                  << (c.ties == 1 ? " tie)" : " ties)");
      }
      std::cerr << "\n";
      return kExitClub;
    }
  } else if (*clubs_cmd) {
    Database db = open_db(g, Access::kReads);
    emit(format, db.find_clubs(text), [](const Club& c) {
      std::cout << "#" << c.id.value() << " " << c.name << " ("
                << c.country.value_or("country unknown") << ")\n";
    });
  } else if (*sources_remove) {
    Database db = open_db(g);
    const SourceRemoval r = db.remove_source(SourceId{source_id});
    if (json_out) {
      std::cout << to_json(r) << "\n";
    } else {
      std::cout << "source #" << r.id.value() << " " << r.path << " taken back: " << r.ties_removed
                << " ties, " << r.legs_removed << " legs and " << r.claims_removed
                << " claims only it gave removed; " << r.legs_rederived
                << " legs others also give derived again, " << r.outcomes_changed
                << " outcomes changed; " << r.conflicts_removed << " conflicts gone, "
                << r.rounds_removed << " empty rounds, " << r.clubs_removed
                << " clubs nothing else names and " << r.reviews_removed
                << " of their reviews removed\n";
    }
  } else if (*sources_cmd) {
    Database db = open_db(g, Access::kReads);
    emit(format, db.sources(), [](const SourceSummary& src) {
      std::cout << "#" << src.id.value() << " " << src.path << " (" << src.format << ", "
                << src.imported_at << ", sha256 " << src.sha256.substr(0, 12);
      if (src.options) {
        for (const auto& [key, value] : *src.options) {
          std::cout << ", --" << key << " \"" << value << "\"";
        }
      }
      std::cout << "): " << src.ties << (src.ties == 1 ? " tie, " : " ties, ") << src.legs
                << (src.legs == 1 ? " leg, " : " legs, ") << src.claims << " claims, "
                << src.conflicts << " conflicts, " << src.names << " new spellings, " << src.reviews
                << " names to review\n";
    });
  } else if (*review_cmd) {
    Database db = open_db(g);
    const ReviewId id{review_id};
    if (*review_accept) {
      const ClubId target = club_argument(db, club_text);
      db.accept_review(id, target, force);
      std::cout << "review " << review_id << " accepted: merged into #" << target.value() << " "
                << db.club(target)->name << "\n";
    } else if (*review_create) {
      const ClubRef created = db.create_club(id);
      std::cout << "review " << review_id << ": created club #" << created.id.value() << " "
                << created.name << "\n";
    } else if (*review_reject) {
      db.reject_review(id);
      std::cout << "review " << review_id << " rejected\n";
    } else if (*review_undo) {
      db.undo_review(id);
      std::cout << "review " << review_id << " is open again\n";
    } else {
      emit(format, db.reviews(all), print_review);
    }
  } else if (*aliases_cmd) {
    Database db = open_db(g);
    if (*aliases_add) {
      const ClubId target = club_argument(db, club_text);
      if (auto accepted = db.add_alias(alias, target, force)) {
        std::cout << "'" << alias << "' awaited review " << accepted->value()
                  << ": accepted, merged into #" << target.value() << "\n";
      } else {
        std::cout << "'" << alias << "' is a spelling of #" << target.value() << " "
                  << db.club(target)->name << "\n";
      }
    } else if (*aliases_remove) {
      std::optional<ClubId> owner;
      if (!club_text.empty()) owner = club_argument(db, club_text);
      db.remove_alias(alias, owner);
      std::cout << "'" << alias << "' removed\n";
    } else {
      std::optional<ClubId> owner;
      if (!club_text.empty()) owner = club_argument(db, club_text);
      emit(format, db.aliases(owner, all), print_alias);
    }
  } else if (*standings_cmd) {
    Database db = open_db(g, Access::kReads);
    TieFilter filter = standings_filter;
    if (club) {
      filter.club =
          club_argument(db, *club, NameScope{filter.competition, filter.season, filter.round});
    }
    const std::vector<Standing> table = db.standings(filter);
    if (format == OutputFormat::kText) {
      print_standings(table);  // a heading per group
    } else {
      emit(format, table, [](const Standing&) {});
    }
  } else if (*rules_list) {
    Database db = open_db(g, Access::kReads);
    print_rules(db, rules_competition, rules_season, format);
  } else if (*rules_set) {
    Database db = open_db(g);
    RuleSet rules = db.rules(rules_competition, rules_season, rules_round);
    if (rules_legs) rules.legs = *rules_legs;
    if (rules_replay_limit) {
      rules.replay_limit = *rules_replay_limit;
      if (*rules_replay_limit > 0) rules.replays = true;
    }
    for (const RuleFlag& flag : rule_flags) {
      if (flag.value) rules.*flag.field = *flag.value;
    }
    db.set_rules(rules_competition, rules_season, rules, rules_round);
    print_rules(db, rules_competition, rules_season, OutputFormat::kText);
  } else if (*rules_unset) {
    Database db = open_db(g);
    db.unset_rules(rules_competition, rules_season, rules_round);
    print_rules(db, rules_competition, rules_season, OutputFormat::kText);
  } else if (*check_cmd) {
    Database db = open_db(g, Access::kChecks);
    const CheckReport report = check(db, check_options);
    if (format == OutputFormat::kJson) {
      std::cout << to_json(report) << "\n";
    } else if (format == OutputFormat::kText) {
      print_check(report);
    } else {
      // One row per finding, its kind first.
      nlohmann::ordered_json rows = nlohmann::ordered_json::array();
      const nlohmann::ordered_json found = nlohmann::ordered_json::parse(to_json(report));
      for (auto kind = found.begin(); kind != found.end(); ++kind) {
        if (!kind->is_array()) continue;
        for (const auto& finding : *kind) {
          nlohmann::ordered_json row = {{"kind", kind.key()}};
          if (finding.is_object()) {
            row.update(finding);
          } else {
            row["finding"] = finding;
          }
          rows.push_back(std::move(row));
        }
      }
      cli::write_rows(std::cout, rows, format);
    }
    if (!report.integrity.problems.empty()) return kExitError;
  } else if (*shell_cmd) {
    run_shell(g, sql);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const Error& e) {
    std::cerr << "footballdb: " << e.what() << "\n";
    switch (e.code()) {
      case ErrorCode::kUsage:
        return kExitUsage;
      case ErrorCode::kClub:
        return kExitClub;
      default:
        return kExitError;
    }
  } catch (const std::exception& e) {
    std::cerr << "footballdb: " << e.what() << "\n";
    return kExitError;
  }
}
