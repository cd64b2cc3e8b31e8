#include "import/formats/pairing_table.hpp"

#include <array>
#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

#include "vocabulary/rounds.hpp"
#include "import/text.hpp"

namespace footballdb::import {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t'; }

// ---- Cell text ----------------------------------------------------------------------------

// Index of the `close` that ends a construct opened just before `from`, counting nested
// `open`s; npos when it is not closed.
std::size_t matching(std::string_view s, std::size_t from, std::string_view open,
                     std::string_view close) {
  int depth = 1;
  for (std::size_t i = from; i < s.size(); ++i) {
    if (s.compare(i, open.size(), open) == 0) {
      ++depth;
      i += open.size() - 1;
    } else if (s.compare(i, close.size(), close) == 0) {
      if (--depth == 0) return i;
      i += close.size() - 1;
    }
  }
  return std::string_view::npos;
}

// The text a reader sees in a cell: links as their labels, templates other than abbr/tooltip/
// nowrap dropped, references, HTML and inline BBCode tags dropped, white space collapsed.
std::string clean_cell(std::string_view s) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    if (s.compare(i, 4, "<ref") == 0) {
      const std::size_t gt = s.find('>', i);
      if (gt == std::string_view::npos) break;
      if (s[gt - 1] == '/') {
        i = gt + 1;
      } else {
        const std::size_t end = s.find("</ref>", gt);
        i = end == std::string_view::npos ? s.size() : end + 6;
      }
    } else if (s[i] == '<' && i + 1 < s.size() && (is_ascii_letter(s[i + 1]) || s[i + 1] == '/')) {
      const std::size_t gt = s.find('>', i);
      if (gt == std::string_view::npos) break;
      out += ' ';
      i = gt + 1;
    } else if (s.compare(i, 2, "[[") == 0) {
      const std::size_t end = matching(s, i + 2, "[[", "]]");
      if (end == std::string_view::npos) break;
      const std::string_view inner = s.substr(i + 2, end - i - 2);
      const std::size_t bar = inner.rfind('|');
      out += clean_cell(bar == std::string_view::npos ? inner : inner.substr(bar + 1));
      i = end + 2;
    } else if (s.compare(i, 2, "{{") == 0) {
      const std::size_t end = matching(s, i + 2, "{{", "}}");
      if (end == std::string_view::npos) break;
      const std::string_view inner = s.substr(i + 2, end - i - 2);
      const std::size_t bar = inner.find('|');
      const std::string name = ascii_lower(trim(inner.substr(0, bar)));
      if (bar != std::string_view::npos && (name == "abbr" || name == "tooltip" || name == "nowrap")) {
        const std::string_view args = inner.substr(bar + 1);
        out += clean_cell(args.substr(0, args.find('|')));
      }
      i = end + 2;
    } else if (s.compare(i, 3, "'''") == 0) {
      i += 3;  // bold
    } else if (s.compare(i, 2, "''") == 0) {
      i += 2;  // italics
    } else if (s[i] == '[' && i + 1 < s.size() && (is_ascii_letter(s[i + 1]) || s[i + 1] == '/') &&
               s.find(']', i) != std::string_view::npos) {
      i = s.find(']', i) + 1;  // [b], [/b], [color=...]
    } else if (s.compare(i, 6, "&nbsp;") == 0) {
      out += ' ';
      i += 6;
    } else if (s.compare(i, 5, "&amp;") == 0) {
      out += '&';
      i += 5;
    } else if (s.compare(i, 7, "&ndash;") == 0) {
      out += "\xE2\x80\x93";
      i += 7;
    } else {
      out += s[i++];
    }
  }
  std::string collapsed;
  for (char c : out) {
    if (is_space(c) || c == '\n' || c == '\r') {
      if (!collapsed.empty() && collapsed.back() != ' ') collapsed += ' ';
    } else {
      collapsed += c;
    }
  }
  return std::string(trim(collapsed));
}

// ---- Rows ---------------------------------------------------------------------------------

enum class Column { kAggregate, kLeg1, kLeg2 };

std::optional<Column> header_column(std::string_view text) {
  std::string compact;
  for (char c : ascii_lower(text)) {
    if (!is_space(c) && c != '.' && c != '-') compact += c;
  }
  auto has = [&](std::string_view w) { return compact.find(w) != std::string::npos; };
  if (has("gesamt") || has("agg")) return Column::kAggregate;
  if (has("hinspiel") || has("1stleg") || has("firstleg")) return Column::kLeg1;
  if (has("r\xC3\xBC" "ckspiel") || has("rueckspiel") || has("2ndleg") || has("secondleg")) {
    return Column::kLeg2;
  }
  return std::nullopt;
}

struct Cell {
  std::string raw;  // as written, markup included
  SourceLocation where;
  bool header = false;
};

// "(26)" -> 26.
std::optional<int> tie_number(std::string_view text) {
  if (text.size() < 3 || text.front() != '(' || text.back() != ')') return std::nullopt;
  int n = 0;
  for (char c : text.substr(1, text.size() - 2)) {
    if (!is_ascii_digit(c) || n > 9999) return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n;
}

// An empty score cell: nothing, or only dashes, colons and question marks ("-:-", "–").
bool is_blank_score(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    if (const std::size_t n = dash_at(text, i)) {
      i += n;
    } else if (text[i] == ':' || text[i] == '?' || is_space(text[i])) {
      ++i;
    } else {
      return false;
    }
  }
  return true;
}

bool is_score(std::string_view text) {
  NotationError error;
  return !text.empty() && parse_score_notation(text, &error).has_value();
}

struct RowCell {
  std::string text;  // clean
  SourceLocation where;
};

// Turns table rows into records: knows the header's score columns and the round.
class RowReader {
 public:
  explicit RowReader(const RecordSink& sink) : sink_(sink) {}

  void start_table() {
    columns_.clear();
    header_seen_ = false;
  }

  // Prose outside a table: a round name in it starts a round.
  void prose(std::string_view text, const LineReader& reader, std::size_t offset) {
    const auto name = vocabulary::find_round_name(text);
    if (!name || (context_.round && *context_.round == *name)) return;
    context_.round = *name;
    RoundRecord r;
    r.where = reader.at(offset + text.find(*name));
    r.context = context_;
    if (const auto canonical = vocabulary::canonical_round(*name)) r.knockout = canonical->knockout;
    sink_(std::move(r));
  }

  void row(const std::vector<Cell>& raw_cells, const SourceLocation& row_where) {
    if (raw_cells.empty()) return;
    std::vector<RowCell> cells;
    bool all_header = true;
    bool all_empty = true;
    for (const Cell& c : raw_cells) {
      cells.push_back(RowCell{clean_cell(c.raw), c.where});
      all_header = all_header && c.header;
      all_empty = all_empty && cells.back().text.empty();
    }
    if (all_empty) return;
    if (all_header) {
      header_seen_ = true;
      columns_.clear();
      for (const auto& c : cells) {
        if (const auto column = header_column(c.text)) columns_.push_back(*column);
      }
      return;
    }
    data_row(std::move(cells), row_where);
  }

 private:
  void data_row(std::vector<RowCell> cells, const SourceLocation& row_where) {
    TieRecord tie;
    tie.context = context_;
    for (const auto& c : cells) {
      if (c.text.empty()) continue;
      if (!tie.text.empty()) tie.text += " | ";
      tie.text += c.text;
    }
    for (auto it = cells.begin(); it != cells.end(); ++it) {
      if (const auto n = tie_number(it->text)) {
        tie.number = n;
        cells.erase(it);
        break;
      }
    }
    auto is_club = [](const RowCell& c) {
      return !c.text.empty() && !is_score(c.text) && !is_blank_score(c.text);
    };
    if (cells.empty() || !is_club(cells[0])) {
      throw input_error(cells.empty() ? row_where : cells[0].where,
                        "expected a club name in the first cell of the row");
    }
    std::size_t b = 1;
    std::optional<RowCell> middle;
    if (cells.size() >= 3 && !is_club(cells[1]) && is_club(cells[2])) {
      middle = cells[1];
      b = 2;
    }
    if (cells.size() <= b || !is_club(cells[b])) {
      throw input_error(cells.size() <= b ? cells[0].where : cells[b].where,
                        "expected the second club's name");
    }
    tie.where = cells[0].where;
    tie.club_a = cells[0].text;
    tie.club_b = cells[b].text;
    const std::vector<RowCell> trailing(cells.begin() + static_cast<std::ptrdiff_t>(b + 1),
                                        cells.end());
    const std::vector<Column> columns = trailing_columns(middle.has_value(), trailing, row_where);

    std::optional<LegRecord> legs[2];
    auto read = [&](const RowCell& cell, Column column) {
      if (is_blank_score(cell.text)) return;
      NotationError error;
      const auto n = parse_score_notation(cell.text, &error);
      if (!n) {
        // Offsets in the clean text are close to, not always equal to, those in the line.
        SourceLocation at = cell.where;
        at.column += column_at(cell.text, error.offset) - 1;
        throw input_error(at, error.expected);
      }
      if (column == Column::kAggregate) {
        tie.stated_aggregate = Aggregate{n->main.home, n->main.away};
        if (n->away_goals_mark) {
          tie.stated_decided_by = DecidedBy::kAwayGoals;
        } else if (n->penalty_mark) {
          tie.stated_decided_by = DecidedBy::kPenalties;
        } else if (n->main.home != n->main.away) {
          tie.stated_decided_by = DecidedBy::kAggregate;
        }
        return;
      }
      const bool first = column == Column::kLeg1;
      LegRecord leg;
      leg.where = cell.where;
      leg.context = context_;
      leg.tie_number = tie.number;
      leg.leg_number = first ? 1 : 2;
      leg.home = first ? tie.club_a : *tie.club_b;
      leg.away = first ? *tie.club_b : tie.club_a;
      set_leg_scores(*n, !first, leg);
      legs[first ? 0 : 1] = std::move(leg);
    };
    if (middle) read(*middle, Column::kAggregate);
    for (std::size_t k = 0; k < trailing.size(); ++k) read(trailing[k], columns[k]);

    sink_(std::move(tie));
    for (auto& leg : legs) {
      if (leg) sink_(std::move(*leg));
    }
  }

  // What the cells after the second club hold, from the header; a cell between the clubs is
  // the aggregate.
  std::vector<Column> trailing_columns(bool middle, const std::vector<RowCell>& trailing,
                                       const SourceLocation& row_where) const {
    std::vector<Column> legs_only;
    bool has_aggregate = false;
    for (Column c : columns_) {
      if (c == Column::kAggregate) {
        has_aggregate = true;
      } else {
        legs_only.push_back(c);
      }
    }
    if (columns_.empty()) {  // no header naming scores: the usual layouts
      if (trailing.empty()) return {};
      if (trailing.size() == 2) return {Column::kLeg1, Column::kLeg2};
      if (!middle && trailing.size() == 3) {
        return {Column::kAggregate, Column::kLeg1, Column::kLeg2};
      }
    } else if (!middle && trailing.size() == columns_.size()) {
      return columns_;
    } else if ((middle || has_aggregate) && trailing.size() == legs_only.size()) {
      // The aggregate sits between the clubs, or a tie number took its place.
      return legs_only;
    } else if (trailing.empty()) {
      return {};
    }
    const SourceLocation at = trailing.empty() ? row_where : trailing.back().where;
    throw input_error(at, header_seen_ ? "expected as many score cells as the header names"
                                       : "expected a header row naming the score columns");
  }

  const RecordSink& sink_;
  Context context_;
  std::vector<Column> columns_;
  bool header_seen_ = false;
};

// ---- BBCode -------------------------------------------------------------------------------

enum class Tag { kTable, kRow, kHeader, kData };

std::optional<Tag> tag_named(std::string_view name) {
  const std::string lower = ascii_lower(name);
  if (lower == "table") return Tag::kTable;
  if (lower == "tr") return Tag::kRow;
  if (lower == "th") return Tag::kHeader;
  if (lower == "td") return Tag::kData;
  return std::nullopt;
}

// ---- MediaWiki ----------------------------------------------------------------------------

// Steps over a "[[", "]]", "{{" or "}}" at line[*i], keeping count of open links and templates
// in *depth; false (nothing done) at any other character.
bool step_over_nesting(std::string_view line, std::size_t* i, int* depth) {
  if (line.compare(*i, 2, "[[") == 0 || line.compare(*i, 2, "{{") == 0) {
    ++*depth;
  } else if ((line.compare(*i, 2, "]]") == 0 || line.compare(*i, 2, "}}") == 0) && *depth > 0) {
    --*depth;
  } else {
    return false;
  }
  *i += 2;
  return true;
}

// [begin, end) pieces of line[from, line.size()) split at "||" (and "!!" in a header line)
// outside links and templates.
std::vector<std::pair<std::size_t, std::size_t>> split_cells(std::string_view line, std::size_t from,
                                                             bool header) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  int depth = 0;
  std::size_t begin = from;
  for (std::size_t i = from; i < line.size();) {
    if (step_over_nesting(line, &i, &depth)) continue;
    if (depth == 0 && (line.compare(i, 2, "||") == 0 || (header && line.compare(i, 2, "!!") == 0))) {
      out.emplace_back(begin, i);
      begin = i + 2;
      i += 2;
    } else {
      ++i;
    }
  }
  out.emplace_back(begin, line.size());
  return out;
}

// Where a cell's content starts: after `attributes |` when the cell has attributes.
std::size_t content_start(std::string_view line, std::size_t begin, std::size_t end) {
  int depth = 0;
  for (std::size_t i = begin; i < end;) {
    if (step_over_nesting(line, &i, &depth)) continue;
    if (depth == 0 && line[i] == '|') {
      const std::string_view attributes = line.substr(begin, i - begin);
      return attributes.find('=') != std::string_view::npos ? i + 1 : begin;
    }
    ++i;
  }
  return begin;
}

// ---- The parser ---------------------------------------------------------------------------

class Parser {
 public:
  Parser(std::istream& in, const std::string& path, const RecordSink& sink)
      : reader_(in, path), rows_(sink) {}

  void run() {
    while (reader_.next()) {
      const std::string& line = reader_.line();
      const std::size_t lead = line.find_first_not_of(" \t");
      if (wiki_table_) {
        wiki_line(line, lead == std::string::npos ? line.size() : lead);
      } else if (!bb_table_ && lead != std::string::npos && line.compare(lead, 2, "{|") == 0) {
        wiki_table_ = true;
        rows_.start_table();
        row_where_ = reader_.at(lead);
      } else {
        bb_line(line);
      }
    }
    if (cell_open_) throw input_error(cell_where_, "expected [/TD] to close this cell");
    if (wiki_table_ || bb_table_) finish_row();
  }

 private:
  void finish_row() {
    rows_.row(cells_, row_where_);
    cells_.clear();
  }

  void add_cell(std::string_view text, std::size_t offset, bool header) {
    Cell c;
    c.raw = std::string(text);
    const std::size_t first = text.find_first_not_of(" \t");
    c.where = reader_.at(offset + (first == std::string_view::npos ? 0 : first));
    c.header = header;
    cells_.push_back(std::move(c));
  }

  void wiki_line(std::string_view line, std::size_t lead) {
    const std::string_view t = line.substr(lead);
    if (t.compare(0, 2, "|}") == 0) {
      finish_row();
      wiki_table_ = false;
    } else if (t.compare(0, 2, "|+") == 0) {
      rows_.prose(clean_cell(t.substr(2)), reader_, lead + 2);
    } else if (t.compare(0, 2, "|-") == 0) {
      finish_row();
      row_where_ = reader_.at(lead);
    } else if (!t.empty() && (t.front() == '!' || t.front() == '|')) {
      const bool header = t.front() == '!';
      for (const auto& [b, e] : split_cells(line, lead + 1, header)) {
        const std::size_t start = content_start(line, b, e);
        add_cell(line.substr(start, e - start), start, header);
      }
    } else if (!t.empty()) {
      if (cells_.empty()) {
        throw input_error(reader_.at(lead), "expected a table line starting with '|', '!' or '|}'");
      }
      if (clean_cell(cells_.back().raw).empty()) cells_.back().where = reader_.at(lead);
      cells_.back().raw += ' ';
      cells_.back().raw += std::string(t);
    }
  }

  void bb_text(std::string_view text, std::size_t offset) {
    if (cell_open_) {
      if (trim(cells_.back().raw).empty()) {
        const std::size_t first = text.find_first_not_of(" \t");
        if (first != std::string_view::npos) cells_.back().where = reader_.at(offset + first);
      }
      cells_.back().raw += std::string(text);
    } else if (bb_table_) {
      const std::size_t first = text.find_first_not_of(" \t");
      if (first != std::string_view::npos) {
        throw input_error(reader_.at(offset + first), "expected a [TD] cell or a tag");
      }
    } else {
      if (prose_.empty()) prose_at_ = offset;
      prose_ += std::string(text);
    }
  }

  void flush_prose() {
    if (!trim(prose_).empty()) rows_.prose(prose_, reader_, prose_at_);
    prose_.clear();
  }

  void bb_tag(Tag tag, bool closing, std::size_t at) {
    const SourceLocation where = reader_.at(at);
    if (tag == Tag::kTable) {
      if (!closing) {
        if (bb_table_) throw input_error(where, "expected [/TABLE] before a new [TABLE]");
        flush_prose();
        bb_table_ = true;
        rows_.start_table();
      } else {
        if (!bb_table_) throw input_error(where, "expected [TABLE] before [/TABLE]");
        if (cell_open_) throw input_error(where, "expected [/TD] before [/TABLE]");
        finish_row();
        bb_table_ = false;
      }
      return;
    }
    if (!bb_table_) throw input_error(where, "expected [TABLE] before this tag");
    if (tag == Tag::kRow) {
      if (cell_open_) throw input_error(where, "expected [/TD] before the end of the row");
      finish_row();
      if (!closing) row_where_ = where;
      return;
    }
    const bool header = tag == Tag::kHeader;
    if (!closing) {
      if (cell_open_) throw input_error(where, "expected [/TD] before a new cell");
      add_cell("", at, header);
      cell_open_ = true;
      cell_where_ = where;
    } else {
      if (!cell_open_) throw input_error(where, "expected [TD] before [/TD]");
      cell_open_ = false;
    }
  }

  struct TagAt {
    Tag tag;
    bool closing;
    std::size_t begin;  // the '['
    std::size_t end;    // the ']'
  };

  // The next [TABLE], [TR], [TH], [TD] (or closing) tag in line[pos, ...); other brackets are
  // cell text.
  std::optional<TagAt> next_tag(std::string_view line, std::size_t pos) const {
    for (std::size_t lb = line.find('[', pos); lb != std::string_view::npos;
         lb = line.find('[', lb + 1)) {
      std::size_t i = lb + 1;
      const bool closing = i < line.size() && line[i] == '/';
      if (closing) ++i;
      const std::size_t name_start = i;
      while (i < line.size() && is_ascii_letter(line[i])) ++i;
      const auto tag = tag_named(line.substr(name_start, i - name_start));
      if (!tag || i >= line.size() || (line[i] != ']' && line[i] != '=' && line[i] != ' ')) continue;
      const std::size_t rb = line.find(']', i);
      if (rb == std::string_view::npos) throw input_error(reader_.at(lb), "expected ']' to end the tag");
      return TagAt{*tag, closing, lb, rb};
    }
    return std::nullopt;
  }

  void bb_line(std::string_view line) {
    std::size_t pos = 0;
    for (;;) {
      const auto tag = next_tag(line, pos);
      const std::size_t text_end = tag ? tag->begin : line.size();
      bb_text(line.substr(pos, text_end - pos), pos);
      if (!tag) break;
      bb_tag(tag->tag, tag->closing, tag->begin);
      pos = tag->end + 1;
    }
    if (cell_open_) cells_.back().raw += ' ';
    if (!bb_table_) flush_prose();
  }

  LineReader reader_;
  RowReader rows_;
  bool wiki_table_ = false;
  bool bb_table_ = false;
  bool cell_open_ = false;
  SourceLocation cell_where_;
  SourceLocation row_where_;
  std::vector<Cell> cells_;
  std::string prose_;
  std::size_t prose_at_ = 0;
};

}  // namespace

void parse_pairing_table(std::istream& in, const std::string& path, const RecordSink& sink) {
  Parser(in, path, sink).run();
}

bool sniff_pairing_table(std::string_view head) {
  const std::string lower = ascii_lower(head);
  if (lower.find("[table") != std::string::npos &&
      (lower.find("[tr") != std::string::npos || lower.find("[td") != std::string::npos)) {
    return true;
  }
  bool wiki_open = false;
  return any_line(head, [&wiki_open](std::string_view raw) {
    const std::string_view line = trim(raw);
    if (line.compare(0, 2, "{|") == 0) {
      wiki_open = true;
      return false;
    }
    return wiki_open && !line.empty() && (line.front() == '|' || line.front() == '!');
  });
}

}  // namespace footballdb::import
