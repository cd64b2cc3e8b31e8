// write_bracket_svg: a season's knockout rounds as an SVG bracket (bracket::layout says where
// each tie goes; this draws it).
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "export/bracket.hpp"
#include "footballdb/bracket.hpp"
#include "footballdb/error.hpp"
#include "query/claims.hpp"
#include "query/filters.hpp"
#include "storage/database_impl.hpp"

namespace footballdb {
namespace bracket {
namespace {

// Geometry, in pixels. A box: a line of dates and column labels, a line per club, a line saying
// how the tie was decided, and, in a bracket where some source disagrees, a line for what it
// states.
constexpr int kMargin = 20;
constexpr int kTitleY = 30;
constexpr int kHeadingY = 58;
constexpr int kCountY = 72;
constexpr int kBoxesTop = 86;
constexpr int kHeaderLine = 16;
constexpr int kClubLine = 20;
constexpr int kFooterLine = 16;
constexpr int kStatedLine = 14;
constexpr int kBoxGap = 14;     // between two boxes of a column
constexpr int kColumnGap = 48;  // between two columns: the connectors
constexpr int kPad = 6;
constexpr int kMinWidth = 190;
constexpr int kMaxWidth = 340;
constexpr double kClubSize = 12;
constexpr double kSmallSize = 10;
constexpr int kLegendLine = 14;

constexpr const char* kStyle =
    "text{font-family:'DejaVu Sans',Verdana,Arial,sans-serif;fill:#1a1a1a}"
    ".title{font-size:18px;font-weight:bold}"
    ".round{font-size:13px;font-weight:bold}"
    ".count,.meta,.label,.how,.legend{font-size:10px;fill:#666}"
    ".club,.goals{font-size:12px}"
    ".winner{font-weight:bold}"
    ".agg{font-weight:bold}"
    ".pens{font-size:10px}"
    ".stated{font-size:10px;fill:#c0392b}"
    ".box{fill:#fff;stroke:#8c8c8c;stroke-width:1}"
    ".box.disagrees{stroke:#c0392b;stroke-width:2}"
    ".through{fill:#e3f1e3}"
    ".rule{stroke:#dddddd;stroke-width:1}"
    ".connector{fill:none;stroke:#8c8c8c;stroke-width:1.5}"
    ".stage-break{stroke:#b0b0b0;stroke-width:1;stroke-dasharray:4 4}"
    ".flag circle{fill:#c0392b}"
    ".flag text{fill:#fff;font-size:12px;font-weight:bold}";

// The code points of UTF-8 `text`, each as its bytes.
std::vector<std::string_view> code_points(std::string_view text) {
  std::vector<std::string_view> out;
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t n = lead < 0x80 ? 1 : lead >> 5 == 0x6 ? 2 : lead >> 4 == 0xE ? 3 : 4;
    out.push_back(text.substr(i, n));
    i += n;
  }
  return out;
}

// About how wide `text` is drawn in DejaVu Sans (the font librsvg falls back to on Debian) at
// `size` pixels: a little more, rather than less, so that nothing overlaps.
double text_width(std::string_view text, double size, bool bold = false) {
  double em = 0;
  for (std::string_view c : code_points(text)) {
    const char ch = c[0];
    if (c.size() > 1) {
      em += 0.66;
    } else if (std::string_view("il|.,:;'!").find(ch) != std::string_view::npos) {
      em += 0.30;
    } else if (std::string_view("fjrtI ()[]-/\"").find(ch) != std::string_view::npos) {
      em += 0.42;
    } else if (ch == 'm' || ch == 'M' || ch == 'W' || ch == 'w') {
      em += 0.98;
    } else if (ch >= 'A' && ch <= 'Z') {
      em += 0.74;
    } else {
      em += 0.64;
    }
  }
  return em * size * (bold ? 1.12 : 1.0);
}

// `text`, cut to fit `width` with an ellipsis when it does not.
std::string fit(const std::string& text, double width, double size, bool bold = false) {
  if (text_width(text, size, bold) <= width) return text;
  const std::string ellipsis = "\xE2\x80\xA6";
  std::string out;
  for (std::string_view c : code_points(text)) {
    if (text_width(out + std::string(c) + ellipsis, size, bold) > width) break;
    out += c;
  }
  return out + ellipsis;
}

std::string px(double value) { return std::to_string(std::lround(value)); }

std::string score_text(const Score& s) {
  return std::to_string(s.home) + "-" + std::to_string(s.away);
}

std::string club_name(const std::optional<ClubRef>& club, const Tie& tie, bool second) {
  if (club) return club->name;
  if (second && tie.outcome.decided_by == DecidedBy::kBye) return "(bye)";
  return second ? "(opponent unknown)" : "?";
}

bool counts(const Leg& leg) {
  return leg.status != LegStatus::kAnnulled && leg.status != LegStatus::kCancelled;
}

// The goals `club` scored in `leg` (after extra time when played), from its penalty shoot-out
// with `penalties`.
std::optional<int> goals(const Leg& leg, const std::optional<ClubRef>& club, bool penalties) {
  const std::optional<Score> s = penalties ? leg.penalties : leg.score();
  if (!club || !s) return std::nullopt;
  if (leg.home.id == club->id) return s->home;
  if (leg.away.id == club->id) return s->away;
  return std::nullopt;
}

// One column of scores in a box: a leg, a replay or the aggregate.
struct Cell {
  std::string label;
  std::array<std::string, 2> goals;      // club_a's, club_b's
  std::array<std::string, 2> penalties;  // "(4)" when the leg had a shoot-out
  bool aggregate = false;
  double width = 0;
};

std::vector<Cell> cells_of(const Tie& tie) {
  std::vector<const Leg*> regular, replays;
  for (const Leg& leg : tie.legs) {
    if (counts(leg)) (leg.replay ? replays : regular).push_back(&leg);
  }
  std::vector<Cell> cells;
  auto add = [&](const Leg& leg, std::string label) {
    Cell cell;
    cell.label = std::move(label);
    for (std::size_t i = 0; i < 2; ++i) {
      const std::optional<ClubRef>& club = i == 0 ? tie.club_a : tie.club_b;
      const std::optional<int> g = goals(leg, club, false);
      if (leg.status == LegStatus::kWalkover) {
        cell.goals[i] = club && leg.awarded_to == club->id ? "w/o" : "\xE2\x80\x93";
      } else {
        cell.goals[i] = g ? std::to_string(*g) : "\xE2\x80\x93";
      }
      if (const std::optional<int> p = goals(leg, club, true)) {
        cell.penalties[i] = "(" + std::to_string(*p) + ")";
      }
    }
    cells.push_back(std::move(cell));
  };
  const bool two_legs = regular.size() > 1;
  for (std::size_t i = 0; i < regular.size(); ++i) {
    add(*regular[i], !two_legs ? std::string(replays.empty() ? "" : "match")
                     : i == 0  ? std::string("1st")
                     : i == 1  ? std::string("2nd")
                               : std::to_string(i + 1) + "th");
  }
  if ((two_legs || regular.empty()) && tie.outcome.aggregate) {
    Cell agg;
    agg.label = "agg";
    agg.goals = {std::to_string(tie.outcome.aggregate->a),
                 std::to_string(tie.outcome.aggregate->b)};
    agg.aggregate = true;
    cells.push_back(std::move(agg));
  }
  for (std::size_t i = 0; i < replays.size(); ++i) {
    add(*replays[i], replays.size() == 1 ? std::string("replay") : "rep " + std::to_string(i + 1));
  }
  for (Cell& cell : cells) {
    cell.width = text_width(cell.label, kSmallSize) + 8;
    for (std::size_t i = 0; i < 2; ++i) {
      cell.width = std::max(cell.width, text_width(cell.goals[i], kClubSize, cell.aggregate) +
                                            text_width(cell.penalties[i], kSmallSize) + 12);
    }
    cell.width = std::max(cell.width, 24.0);
  }
  return cells;
}

double cells_width(const std::vector<Cell>& cells) {
  double width = 0;
  for (const Cell& cell : cells) width += cell.width;
  return width;
}

const char* month_name(int month) {
  static constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  return month >= 1 && month <= 12 ? kMonths[static_cast<std::size_t>(month - 1)] : "?";
}

// When the tie was played: "14 Feb · 7 Mar 2012", "3 Jun 1959", "30 Dec 2011 · 5 Jan 2012".
std::string dates_of(const Tie& tie) {
  std::vector<Date> dates;
  for (const Leg& leg : tie.legs) {
    if (counts(leg) && leg.date) dates.push_back(*leg.date);
  }
  if (dates.empty()) return "";
  std::sort(dates.begin(), dates.end());
  const Date first = dates.front();
  const Date last = dates.back();
  auto day = [](const Date& d) { return std::to_string(d.day) + " " + month_name(d.month); };
  const std::string last_text = day(last) + " " + std::to_string(last.year);
  if (first == last) return last_text;
  const std::string separator = dates.size() > 2 ? " \xE2\x80\xA6 " : " \xC2\xB7 ";
  return day(first) + (first.year != last.year ? " " + std::to_string(first.year) : "") +
         separator + last_text;
}

// The penalty shoot-out score the tie was settled by, the winner's goals first ("4-3").
std::string shoot_out(const Tie& tie) {
  for (auto leg = tie.legs.rbegin(); leg != tie.legs.rend(); ++leg) {
    if (!counts(*leg) || !leg->penalties) continue;
    const bool home_won = tie.winner && leg->home.id == tie.winner->id;
    const Score& p = *leg->penalties;
    return " " + std::to_string(home_won ? p.home : p.away) + "-" +
           std::to_string(home_won ? p.away : p.home);
  }
  return "";
}

// How the tie was decided, for the club in bold: "won on penalties 4-3, after extra time".
std::string decided_text(const Tie& tie) {
  const std::optional<DecidedBy> how = tie.outcome.decided_by;
  if (!tie.winner || !how) {
    const bool to_play = std::any_of(tie.legs.begin(), tie.legs.end(), [](const Leg& leg) {
      return leg.status == LegStatus::kScheduled;
    });
    return to_play ? "to be played" : tie.legs.empty() ? "no result known" : "not decided";
  }
  std::string text =
      *how == DecidedBy::kWalkover || *how == DecidedBy::kAwarded || *how == DecidedBy::kBye
          ? "through "
          : "won ";
  text += describe(*how);
  if (*how == DecidedBy::kPenalties) text += shoot_out(tie);
  if (tie.outcome.extra_time && *how != DecidedBy::kExtraTime) text += ", after extra time";
  if (tie.outcome.stated) text += " (as the sources state)";
  return text;
}

// What `claim` states: "SSC Napoli through on aggregate, 4-3" (the winner's goals first where
// it names the winner), "no outcome" when it states none.
std::string claim_text(const Tie& tie, const StatedOutcome& claim) {
  std::string text;
  if (claim.winner) text = claim.winner->name + " through";
  if (claim.decided_by)
    text += (text.empty() ? "" : " ") + std::string(describe(*claim.decided_by));
  if (claim.aggregate) {
    const bool b_first = claim.winner && tie.club_b && claim.winner->id == tie.club_b->id;
    text += (text.empty() ? "" : ", ") +
            std::to_string(b_first ? claim.aggregate->b : claim.aggregate->a) + "-" +
            std::to_string(b_first ? claim.aggregate->a : claim.aggregate->b) +
            (claim.decided_by == DecidedBy::kAggregate ? "" : " on aggregate");
  }
  return text.empty() ? "no outcome" : text;
}

// What the first disagreeing source states ("stated: SSC Napoli through on aggregate, 4-3"),
// with how many more disagree; empty when none does.
std::string stated_text(const Tie& tie) {
  std::vector<const StatedOutcome*> disagreeing;
  for (std::size_t i = 0; i < tie.stated.size(); ++i) {
    const StatedOutcome& claim = tie.stated[i];
    bool differs = !tie.outcome.stated && query::contradicts(claim, tie.outcome);
    for (std::size_t j = 0; j < tie.stated.size(); ++j) {
      differs = differs || (j != i && query::contradicts(claim, query::as_outcome(tie.stated[j])));
    }
    if (differs) disagreeing.push_back(&claim);
  }
  if (disagreeing.empty()) return "";
  std::string text = "stated: " + claim_text(tie, *disagreeing.front());
  if (disagreeing.size() > 1) text += " (+" + std::to_string(disagreeing.size() - 1) + " more)";
  return text;
}

// The tooltip of a box: the tie in full, its matches and what the sources state.
std::string tooltip(const Tie& tie) {
  std::string text = tie.round + ": " + club_name(tie.club_a, tie, false) + " " +
                     (tie.outcome.aggregate ? std::to_string(tie.outcome.aggregate->a) + "-" +
                                                  std::to_string(tie.outcome.aggregate->b)
                                            : std::string("v")) +
                     " " + club_name(tie.club_b, tie, true);
  if (tie.winner) text += "\n" + tie.winner->name + " " + decided_text(tie);
  for (const Leg& leg : tie.legs) {
    text += "\n" + std::string(leg.replay ? "replay" : "leg " + std::to_string(leg.number)) + ", " +
            (leg.date ? leg.date->to_string() : "date unknown") + ": " + leg.home.name + " " +
            (leg.full_time ? score_text(*leg.full_time) : "v") + " " + leg.away.name;
    if (leg.extra_time) text += ", " + score_text(*leg.extra_time) + " a.e.t.";
    if (leg.penalties) text += ", " + score_text(*leg.penalties) + " on penalties";
    if (leg.status != LegStatus::kPlayed) text += " (" + std::string(to_string(leg.status)) + ")";
  }
  for (const StatedOutcome& s : tie.stated) {
    text += "\nstated: " + claim_text(tie, s) +
            (s.text.empty() ? std::string() : " (\"" + s.text + "\")") + " [" + s.evidence.path +
            ":" + std::to_string(s.evidence.line) + "]";
  }
  return text;
}

class Writer {
 public:
  Writer(const std::vector<Tie>& ties, const Layout& layout, std::ostream& out)
      : ties_(ties), layout_(layout), out_(out) {
    for (const Tie& tie : ties_) {
      cells_.push_back(cells_of(tie));
      stated_.push_back(tie.disagreement ? stated_text(tie) : "");
      any_stated_ = any_stated_ || tie.disagreement;
    }
    // As wide as the widest box needs, within bounds: longer names are cut (the tooltip has them).
    double width = kMinWidth;
    for (std::size_t i = 0; i < ties_.size(); ++i) {
      const Tie& tie = ties_[i];
      const double scores = cells_width(cells_[i]);
      const double names = std::max(text_width(club_name(tie.club_a, tie, false), kClubSize, true),
                                    text_width(club_name(tie.club_b, tie, true), kClubSize, true));
      width = std::max({width, 2 * kPad + names + 8 + scores,
                        2 * kPad + text_width(dates_of(tie), kSmallSize) + 8 + scores,
                        2 * kPad + text_width(decided_text(tie), kSmallSize),
                        2 * kPad + text_width(stated_[i], kSmallSize)});
    }
    for (const Column& column : layout_.columns) {
      width = std::max(width, text_width(column.round, 13, true) + 8);
    }
    box_width_ = std::min(static_cast<double>(kMaxWidth), std::ceil(width));
    box_height_ = kHeaderLine + 2 * kClubLine + kFooterLine + (any_stated_ ? kStatedLine : 0);
  }

  void write(const std::string& title) {
    const std::size_t columns = layout_.columns.size();
    const bool breaks =
        std::any_of(layout_.columns.begin() + (columns > 0 ? 1 : 0), layout_.columns.end(),
                    [](const Column& c) { return c.after_group_stage; });
    std::vector<std::string> legend = {
        "Bold, on green: the club that went through. 1st, 2nd: the legs; agg: aggregate; "
        "(4): penalties scored in the shoot-out.",
        std::string(any_stated_ ? "Red !: a source states another result (its words in the "
                                  "tooltip). "
                                : "") +
            "Group stages are not part of the bracket" +
            (breaks ? " (a dashed line: one was played there)." : ".")};
    double width = 2 * kMargin + static_cast<double>(columns) * box_width_ +
                   static_cast<double>(columns > 0 ? columns - 1 : 0) * kColumnGap;
    width = std::max(width, 2 * kMargin + text_width(title, 18, true));
    for (const std::string& line : legend) {
      width = std::max(width, 2 * kMargin + text_width(line, kSmallSize));
    }
    const double boxes_bottom = kBoxesTop + layout_.rows * pitch() - kBoxGap;
    const double height =
        boxes_bottom + 16 + static_cast<double>(legend.size()) * kLegendLine + kMargin;

    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << px(width) << "\" height=\""
         << px(height) << "\" viewBox=\"0 0 " << px(width) << " " << px(height) << "\">\n"
         << "<title>" << xml_escape(title) << "</title>\n"
         << "<style>" << kStyle << "</style>\n"
         << "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
         << "<text class=\"title\" x=\"" << kMargin << "\" y=\"" << kTitleY << "\">"
         << xml_escape(title) << "</text>\n";
    for (std::size_t c = 0; c < columns; ++c) write_heading(c, boxes_bottom);
    for (std::size_t t = 0; t < ties_.size(); ++t) write_connector(t);
    for (const Column& column : layout_.columns) {
      for (const std::size_t t : column.ties) write_box(t);
    }
    double y = boxes_bottom + 16 + kLegendLine - 4;
    for (const std::string& line : legend) {
      out_ << "<text class=\"legend\" x=\"" << kMargin << "\" y=\"" << px(y) << "\">"
           << xml_escape(line) << "</text>\n";
      y += kLegendLine;
    }
    out_ << "</svg>\n";
  }

 private:
  double pitch() const { return box_height_ + kBoxGap; }
  double column_x(std::size_t column) const {
    return kMargin + static_cast<double>(column) * (box_width_ + kColumnGap);
  }
  double box_y(std::size_t tie) const { return kBoxesTop + layout_.boxes[tie].row * pitch(); }

  void write_heading(std::size_t c, double boxes_bottom) {
    const Column& column = layout_.columns[c];
    const double middle = column_x(c) + box_width_ / 2;
    const std::size_t n = column.ties.size();
    out_ << "<text class=\"round\" x=\"" << px(middle) << "\" y=\"" << kHeadingY
         << "\" text-anchor=\"middle\">" << xml_escape(fit(column.round, box_width_, 13, true))
         << "</text>\n"
         << "<text class=\"count\" x=\"" << px(middle) << "\" y=\"" << kCountY
         << "\" text-anchor=\"middle\">" << n << (n == 1 ? " tie" : " ties")
         << (column.after_group_stage ? ", after the group stage" : "") << "</text>\n";
    if (column.after_group_stage && c > 0) {
      const double x = column_x(c) - kColumnGap / 2.0;
      out_ << "<line class=\"stage-break\" x1=\"" << px(x) << "\" y1=\"" << kBoxesTop - 8
           << "\" x2=\"" << px(x) << "\" y2=\"" << px(boxes_bottom) << "\"/>\n";
    }
  }

  // From the middle of a box's right side to the line of its winner in the tie it feeds.
  void write_connector(std::size_t t) {
    const Box& box = layout_.boxes[t];
    if (!box.feeds) return;
    const double x1 = column_x(box.column) + box_width_;
    const double y1 = box_y(t) + kHeaderLine + kClubLine;
    const double x2 = column_x(layout_.boxes[*box.feeds].column);
    const double y2 =
        box_y(*box.feeds) + kHeaderLine + box.feeds_slot * kClubLine + kClubLine / 2.0;
    const double middle = x1 + kColumnGap / 2.0;
    out_ << "<path class=\"connector\" d=\"M" << px(x1) << " " << px(y1) << " H" << px(middle)
         << " V" << px(y2) << " H" << px(x2) << "\"/>\n";
  }

  void write_box(std::size_t t) {
    const Tie& tie = ties_[t];
    const std::vector<Cell>& cells = cells_[t];
    const double scores = cells_width(cells);
    const double w = box_width_;
    out_ << "<g class=\"tie\" data-round=\"" << xml_escape(tie.round) << "\" data-tie-id=\""
         << tie.id.value() << "\" transform=\"translate(" << px(column_x(layout_.boxes[t].column))
         << "," << px(box_y(t)) << ")\">\n"
         << "<title>" << xml_escape(tooltip(tie)) << "</title>\n"
         << "<rect class=\"box" << (tie.disagreement ? " disagrees" : "") << "\" width=\"" << px(w)
         << "\" height=\"" << box_height_ << "\" rx=\"4\"/>\n";
    // Line 1: when, and what each column of scores is.
    const std::string dates = fit(dates_of(tie), w - 2 * kPad - scores - 4, kSmallSize);
    if (!dates.empty()) {
      out_ << "<text class=\"meta\" x=\"" << kPad << "\" y=\"12\">" << xml_escape(dates)
           << "</text>\n";
    }
    double x = w - kPad - scores;
    for (const Cell& cell : cells) {
      if (!cell.label.empty()) {
        out_ << "<text class=\"label\" x=\"" << px(x + cell.width / 2) << "\" y=\"12\" "
             << "text-anchor=\"middle\">" << xml_escape(cell.label) << "</text>\n";
      }
      x += cell.width;
    }
    // Lines 2 and 3: the clubs and their goals.
    for (std::size_t i = 0; i < 2; ++i) {
      const std::optional<ClubRef>& club = i == 0 ? tie.club_a : tie.club_b;
      const bool through = club && tie.winner && club->id == tie.winner->id;
      const int top = kHeaderLine + static_cast<int>(i) * kClubLine;
      if (through) {
        out_ << "<rect class=\"through\" x=\"1\" y=\"" << top << "\" width=\"" << px(w - 2)
             << "\" height=\"" << kClubLine << "\"/>\n";
      }
      const std::string name = club_name(club, tie, i == 1);
      out_ << "<text class=\"club" << (through ? " winner" : "") << "\" x=\"" << kPad << "\" y=\""
           << top + 14 << "\">" << xml_escape(fit(name, w - 2 * kPad - scores - 8, kClubSize, true))
           << "</text>\n";
      x = w - kPad - scores;
      for (const Cell& cell : cells) {
        out_ << "<text class=\"goals" << (cell.aggregate ? " agg" : "") << "\" x=\""
             << px(x + cell.width / 2) << "\" y=\"" << top + 14 << "\" text-anchor=\"middle\">"
             << xml_escape(cell.goals[i]);
        if (!cell.penalties[i].empty()) {
          out_ << "<tspan class=\"pens\" dx=\"2\">" << xml_escape(cell.penalties[i]) << "</tspan>";
        }
        out_ << "</text>\n";
        x += cell.width;
      }
    }
    out_ << "<line class=\"rule\" x1=\"1\" y1=\"" << kHeaderLine + kClubLine << "\" x2=\""
         << px(w - 1) << "\" y2=\"" << kHeaderLine + kClubLine << "\"/>\n";
    if (cells.size() > 1) {  // the aggregate apart from the legs
      double rule = w - kPad - scores;
      for (const Cell& cell : cells) {
        if (cell.aggregate) {
          out_ << "<line class=\"rule\" x1=\"" << px(rule) << "\" y1=\"" << kHeaderLine
               << "\" x2=\"" << px(rule) << "\" y2=\"" << kHeaderLine + 2 * kClubLine << "\"/>\n";
        }
        rule += cell.width;
      }
    }
    // Line 4: how it was decided; line 5: what a disagreeing source states.
    const int footer = kHeaderLine + 2 * kClubLine;
    out_ << "<text class=\"how\" x=\"" << kPad << "\" y=\"" << footer + 12 << "\">"
         << xml_escape(fit(decided_text(tie), w - 2 * kPad, kSmallSize)) << "</text>\n";
    if (tie.disagreement) {
      const std::vector<std::string> reasons = query::disagreement_reasons(tie);
      std::string why;
      for (const std::string& reason : reasons) why += (why.empty() ? "" : "\n") + reason;
      if (why.empty()) why = "a source states another result";
      out_ << "<text class=\"stated\" x=\"" << kPad << "\" y=\"" << footer + kFooterLine + 10
           << "\">" << xml_escape(fit(stated_[t], w - 2 * kPad, kSmallSize)) << "</text>\n"
           << "<g class=\"flag\"><title>" << xml_escape(why) << "</title><circle cx=\"" << px(w)
           << "\" cy=\"0\" r=\"9\"/><text x=\"" << px(w) << "\" y=\"4\" "
           << "text-anchor=\"middle\">!</text></g>\n";
    }
    out_ << "</g>\n";
  }

  const std::vector<Tie>& ties_;
  const Layout& layout_;
  std::ostream& out_;
  std::vector<std::vector<Cell>> cells_;
  std::vector<std::string> stated_;
  bool any_stated_ = false;
  double box_width_ = kMinWidth;
  int box_height_ = 0;
};

}  // namespace

std::string xml_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') {
          out += "\xEF\xBF\xBD";
        } else {
          out += c;
        }
    }
  }
  return out;
}

void write_svg(const std::string& title, const std::vector<Tie>& ties, const Layout& layout,
               std::ostream& out) {
  Writer(ties, layout, out).write(title);
}

}  // namespace bracket

void write_bracket_svg(const Database& db, std::string_view competition, std::string_view season,
                       std::ostream& out) try {
  storage::StatementCache& statements = detail::DatabaseAccess::statements(db);
  query::CanonicalFilter names;
  std::set<std::string> knockout_rounds;
  std::vector<int> group_stage_orders;
  std::vector<std::string> seasons;  // of the competition, with knockout ties
  {
    const storage::StatementCache::Scope statements_in_use(statements);
    names = query::canonical_filter(statements, std::string(competition), std::string(season),
                                    std::nullopt);
    SQLite::Statement& rounds = statements.get(
        "SELECT r.name, r.ordinal, r.knockout FROM rounds r JOIN seasons s ON s.id = r.season_id "
        "JOIN competitions c ON c.id = s.competition_id WHERE c.name = ? AND s.name = ?");
    rounds.bind(1, *names.competition);
    rounds.bind(2, *names.season);
    while (rounds.executeStep()) {
      if (rounds.getColumn(2).getInt() != 0) {
        knockout_rounds.insert(rounds.getColumn(0).getString());
      } else {
        group_stage_orders.push_back(rounds.getColumn(1).getInt());
      }
    }
    SQLite::Statement& held = statements.get(
        "SELECT DISTINCT s.name FROM ties t JOIN rounds r ON r.id = t.round_id "
        "JOIN seasons s ON s.id = r.season_id JOIN competitions c ON c.id = s.competition_id "
        "WHERE c.name = ? AND r.knockout = 1 ORDER BY s.start_year, s.name");
    held.bind(1, *names.competition);
    while (held.executeStep()) seasons.push_back(held.getColumn(0).getString());
  }
  TieFilter filter;
  filter.competition = names.competition;
  filter.season = names.season;
  std::vector<Tie> ties = db.ties(filter);
  ties.erase(
      std::remove_if(ties.begin(), ties.end(),
                     [&](const Tie& t) { return t.group || knockout_rounds.count(t.round) == 0; }),
      ties.end());
  if (ties.empty()) {
    std::string message =
        "no knockout ties of " + *names.competition + " " + *names.season + " in the database" +
        (group_stage_orders.empty() ? "" : " (a bracket leaves group stages out)");
    for (std::size_t i = 0; i < seasons.size(); ++i) {
      message += (i == 0 ? "; its seasons with knockout ties: " : ", ") + seasons[i];
    }
    throw Error(ErrorCode::kUsage, message);
  }
  const bracket::Layout layout = bracket::layout(ties, group_stage_orders);
  bracket::write_svg(*names.competition + " " + *names.season, ties, layout, out);
} catch (const SQLite::Exception& e) {
  detail::rethrow_database_error(e);
}

}  // namespace footballdb
