#include "import/formats/result_lines.hpp"

#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

#include "footballdb/names.hpp"
#include "vocabulary/rounds.hpp"
#include "import/text.hpp"

namespace footballdb::import {
namespace {

constexpr std::string_view kLegLineExample = "'1st(1st leg) Home - Away 0:6 (0:0)'";

bool starts_with_nocase(std::string_view s, std::size_t pos, std::string_view word) {
  if (pos + word.size() > s.size()) return false;
  return ascii_lower(s.substr(pos, word.size())) == word;
}

void skip_spaces(std::string_view s, std::size_t* pos) {
  while (*pos < s.size() && (s[*pos] == ' ' || s[*pos] == '\t')) ++*pos;
}

// "1st", "2nd", "3rd", "4th" at s[*pos]: the number.
std::optional<int> ordinal_at(std::string_view s, std::size_t* pos) {
  std::size_t i = *pos;
  int value = 0;
  while (i < s.size() && is_ascii_digit(s[i]) && i - *pos < 2) value = value * 10 + (s[i++] - '0');
  if (i == *pos) return std::nullopt;
  for (std::string_view suffix : {"st", "nd", "rd", "th"}) {
    if (starts_with_nocase(s, i, suffix)) {
      *pos = i + 2;
      return value;
    }
  }
  return std::nullopt;
}

// "1st(1st leg)", "2nd (2nd leg)" or "(1st leg)" at s[*pos]: the leg number.
std::optional<int> leg_prefix_at(std::string_view s, std::size_t* pos) {
  std::size_t i = *pos;
  skip_spaces(s, &i);
  if (i < s.size() && is_ascii_digit(s[i])) {
    if (!ordinal_at(s, &i)) return std::nullopt;
    skip_spaces(s, &i);
  }
  if (i >= s.size() || s[i] != '(') return std::nullopt;
  ++i;
  skip_spaces(s, &i);
  const auto leg = ordinal_at(s, &i);
  if (!leg) return std::nullopt;
  skip_spaces(s, &i);
  if (!starts_with_nocase(s, i, "leg")) return std::nullopt;
  i += 3;
  skip_spaces(s, &i);
  if (i >= s.size() || s[i] != ')') return std::nullopt;
  *pos = i + 1;
  return leg;
}

// Byte offsets of the " - " (or " – ") separators between two club names.
std::vector<std::pair<std::size_t, std::size_t>> separators(std::string_view teams) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (std::size_t i = 1; i + 1 < teams.size(); ++i) {
    if (teams[i - 1] != ' ') continue;
    const std::size_t n = dash_at(teams, i);
    if (n != 0 && i + n < teams.size() && teams[i + n] == ' ') out.emplace_back(i - 1, n + 2);
  }
  return out;
}

struct Clubs {
  std::string home;
  std::string away;
};

std::vector<Clubs> splits(std::string_view teams) {
  std::vector<Clubs> out;
  for (const auto& [at, len] : separators(teams)) {
    out.push_back(Clubs{std::string(trim(teams.substr(0, at))),
                        std::string(trim(teams.substr(at + len)))});
  }
  return out;
}

struct PendingLeg {
  SourceLocation where;
  SourceLocation teams_where;
  std::string teams;
  std::optional<ScoreNotation> score;
};

struct Kickoff {
  std::optional<Date> date;
  std::optional<LocalTime> time;
};

class Parser {
 public:
  Parser(std::istream& in, const std::string& path, const RecordSink& sink)
      : reader_(in, path), sink_(sink) {}

  void run() {
    while (reader_.next()) read_line(reader_.line());
    finish_block();
  }

 private:
  void read_line(std::string_view line) {
    if (trim(line).empty()) return;
    std::size_t pos = 0;
    if (const auto leg = leg_prefix_at(line, &pos)) {
      std::size_t after = pos;
      skip_spaces(line, &after);
      if (after < line.size() && line[after] == ':') {
        read_dates(line);
      } else {
        read_leg(line, *leg, pos);
      }
      return;
    }
    if (looks_like_data(line)) {
      throw input_error(reader_.at(line.find_first_not_of(" \t")),
                        std::string("expected a leg line like ") + std::string(kLegLineExample));
    }
    if (auto round = vocabulary::find_round_name(line)) {
      finish_block();
      context_.round = *round;
      RoundRecord r;
      r.where = reader_.at(line.find(*round));
      r.context = context_;
      sink_(std::move(r));
    }
  }

  static bool looks_like_data(std::string_view line) {
    const std::string lower = ascii_lower(line);
    if (lower.find("winner:") != std::string::npos || lower.find(" leg)") != std::string::npos) {
      return true;
    }
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (!is_ascii_digit(line[i]) || (i > 0 && line[i - 1] != ' ' && line[i - 1] != '(')) continue;
      std::size_t end = 0;
      if (score_at(line, i, &end) && line.substr(i, end - i).find(':') != std::string_view::npos) {
        return true;
      }
      if (i + 10 <= line.size() && line[i + 2] == '/' && line[i + 5] == '/') return true;
    }
    return false;
  }

  void read_leg(std::string_view line, int leg, std::size_t pos) {
    if (leg == 1) {
      finish_block();
    } else if (leg != 2) {
      throw input_error(reader_.at(pos > 0 ? pos - 1 : 0), "expected a 1st or 2nd leg");
    } else if (!leg1_) {
      throw input_error(reader_.at(0), "expected a 1st leg line before the 2nd leg");
    } else if (leg2_ || dates_where_) {
      throw input_error(reader_.at(0), "expected a new block to start with the 1st leg");
    }
    skip_spaces(line, &pos);
    PendingLeg p;
    p.where = reader_.at(0);
    p.teams_where = reader_.at(pos);
    const std::string_view rest = line.substr(pos);
    std::size_t score_start = rest.size();
    for (std::size_t i = 0; i < rest.size(); ++i) {
      std::size_t end = 0;
      if (is_ascii_digit(rest[i]) && i > 0 && rest[i - 1] == ' ' && score_at(rest, i, &end)) {
        score_start = i;
        break;
      }
    }
    p.teams = std::string(trim(rest.substr(0, score_start)));
    if (score_start < rest.size()) {
      NotationError error;
      p.score = parse_score_notation(rest.substr(score_start), &error);
      if (!p.score) throw input_error(reader_.at(pos + score_start + error.offset), error.expected);
    } else if (p.teams.find(':') != std::string::npos) {
      throw input_error(reader_.at(pos + p.teams.find(':')), "expected a score like 2:1");
    }
    if (separators(p.teams).empty()) {
      throw input_error(p.teams_where, "expected two clubs written 'Home - Away'");
    }
    (leg == 1 ? leg1_ : leg2_) = std::move(p);
  }

  void read_dates(std::string_view line) {
    if (!leg1_ || dates_where_) {
      throw input_error(reader_.at(0), "expected a 1st leg line before the dates line");
    }
    dates_where_ = reader_.at(0);
    dates_text_ = std::string(trim(line));
    std::size_t pos = 0;
    for (;;) {
      skip_spaces(line, &pos);
      if (pos >= line.size()) break;
      if (starts_with_nocase(line, pos, "winner:")) {
        pos += 7;
        const std::string_view name = trim(line.substr(pos));
        if (name.empty()) throw input_error(reader_.at(pos), "expected a club name after 'Winner:'");
        winner_ = std::string(name);
        break;
      }
      const std::size_t leg_at = pos;
      const auto leg = leg_prefix_at(line, &pos);
      if (!leg) throw input_error(reader_.at(pos), "expected '2nd (2nd leg): DD/MM/YYYY HH:MM' or 'Winner: Club'");
      if (*leg != 1 && *leg != 2) throw input_error(reader_.at(leg_at), "expected a 1st or 2nd leg");
      skip_spaces(line, &pos);
      if (pos >= line.size() || line[pos] != ':') throw input_error(reader_.at(pos), "expected ':'");
      ++pos;
      skip_spaces(line, &pos);
      Kickoff& k = kickoffs_[static_cast<std::size_t>(*leg - 1)];
      k.date = date_at(line, &pos);
      skip_spaces(line, &pos);
      k.time = time_at(line, &pos);
    }
    finish_block();
  }

  Date date_at(std::string_view line, std::size_t* pos) {
    const std::size_t start = *pos;
    int parts[3] = {0, 0, 0};
    std::size_t i = start;
    for (int p = 0; p < 3; ++p) {
      const std::size_t begin = i;
      while (i < line.size() && is_ascii_digit(line[i]) && i - begin < 4) parts[p] = parts[p] * 10 + (line[i++] - '0');
      const std::size_t digits = i - begin;
      const bool ok = p < 2 ? (digits == 1 || digits == 2) && i < line.size() && line[i] == '/'
                            : digits == 4 && (i == line.size() || !is_ascii_digit(line[i]));
      if (!ok) throw input_error(reader_.at(start), "expected a date DD/MM/YYYY");
      if (p < 2) ++i;
    }
    const auto date = Date::from_ymd(parts[2], parts[1], parts[0]);
    if (!date) throw input_error(reader_.at(start), "expected a real calendar date DD/MM/YYYY");
    *pos = i;
    return *date;
  }

  // "16:30" or "9:30" at line[*pos]; nullopt when no time is written there.
  std::optional<LocalTime> time_at(std::string_view line, std::size_t* pos) {
    std::size_t i = *pos;
    while (i < line.size() && (is_ascii_digit(line[i]) || line[i] == ':')) ++i;
    if (i == *pos) return std::nullopt;
    std::string text(line.substr(*pos, i - *pos));
    if (text.size() == 4) text.insert(0, "0");
    const auto time = LocalTime::parse(text);
    if (!time) throw input_error(reader_.at(*pos), "expected a kick-off time HH:MM");
    *pos = i;
    return time;
  }

  // Whether two spellings in one block may name one club: equal once accents and case are
  // folded, or one contained in the other.
  static bool same_club(const std::string& x, const std::string& y) {
    const std::string fx = fold_key(x);
    const std::string fy = fold_key(y);
    return fx.find(fy) != std::string::npos || fy.find(fx) != std::string::npos;
  }

  // Picks the " - " of each leg's "Home - Away" so that the 2nd leg is the 1st turned round.
  std::pair<Clubs, std::optional<Clubs>> clubs_of_block() const {
    const auto first = splits(leg1_->teams);
    const auto second = leg2_ ? splits(leg2_->teams) : std::vector<Clubs>{};
    for (const auto& a : first) {
      for (const auto& b : second) {
        if (a.home == b.away && a.away == b.home) return {a, b};
      }
    }
    if (first.size() != 1) {
      throw input_error(leg1_->teams_where, "expected one ' - ' between the two clubs");
    }
    if (leg2_ && second.size() != 1) {
      throw input_error(leg2_->teams_where, "expected one ' - ' between the two clubs");
    }
    if (leg2_) {
      // The same clubs may be spelled apart ("Lech Poznan", "KKS Lech Poznań"); clubs whose
      // names share nothing are another pairing.
      const Clubs& a = first.front();
      const Clubs& b = second.front();
      if (!same_club(a.home, b.away) || !same_club(a.away, b.home)) {
        throw input_error(leg2_->teams_where,
                          "expected the 2nd leg between the 1st leg's clubs turned round (\"" +
                              a.away + " - " + a.home + "\"), got \"" + b.home + " - " + b.away +
                              "\"");
      }
      return {a, b};
    }
    return {first.front(), std::nullopt};
  }

  LegRecord leg_record(const PendingLeg& p, const Clubs& clubs, int number) const {
    LegRecord leg;
    leg.where = p.where;
    leg.context = context_;
    leg.leg_number = number;
    leg.home = clubs.home;
    leg.away = clubs.away;
    if (p.score) {
      set_leg_scores(*p.score, false, leg);
    } else {
      leg.status = LegStatus::kScheduled;
    }
    return leg;
  }

  void finish_block() {
    if (!leg1_) return;
    const auto [clubs1, clubs2] = clubs_of_block();
    std::optional<LegRecord> legs[2];
    legs[0] = leg_record(*leg1_, clubs1, 1);
    if (leg2_) {
      legs[1] = leg_record(*leg2_, *clubs2, 2);
    } else if (kickoffs_[1].date) {
      LegRecord leg;
      leg.where = *dates_where_;
      leg.context = context_;
      leg.leg_number = 2;
      leg.status = LegStatus::kScheduled;
      leg.home = clubs1.away;
      leg.away = clubs1.home;
      legs[1] = std::move(leg);
    }
    for (std::size_t k = 0; k < 2; ++k) {
      if (!legs[k]) continue;
      legs[k]->date = kickoffs_[k].date;
      legs[k]->kickoff = kickoffs_[k].time;
      sink_(std::move(*legs[k]));
    }
    TieRecord tie;
    tie.where = dates_where_ ? *dates_where_ : leg1_->where;
    tie.context = context_;
    tie.club_a = clubs1.home;
    tie.club_b = clubs1.away;
    tie.stated_winner = winner_;
    tie.text = dates_text_;
    sink_(std::move(tie));

    leg1_.reset();
    leg2_.reset();
    dates_where_.reset();
    dates_text_.clear();
    winner_.reset();
    kickoffs_[0] = Kickoff{};
    kickoffs_[1] = Kickoff{};
  }

  LineReader reader_;
  const RecordSink& sink_;
  Context context_;
  std::optional<PendingLeg> leg1_;
  std::optional<PendingLeg> leg2_;
  std::optional<SourceLocation> dates_where_;
  std::string dates_text_;
  std::optional<std::string> winner_;
  Kickoff kickoffs_[2];
};

}  // namespace

void parse_result_lines(std::istream& in, const std::string& path, const RecordSink& sink) {
  Parser(in, path, sink).run();
}

bool sniff_result_lines(std::string_view head) {
  return any_line(head, [](std::string_view line) {
    std::size_t pos = 0;
    if (!leg_prefix_at(line, &pos)) return false;
    skip_spaces(line, &pos);
    const std::string_view rest = line.substr(pos);
    return !rest.empty() && (rest.front() == ':' || !separators(rest).empty());
  });
}

}  // namespace footballdb::import
